//! The curated part of the knowledge base: `data/indicators/{indicators,region_sectors,
//! sector_countries,entity_roles,alias_sources}.csv`, hand-kept tables in which every row carries its source title, date
//! and URL and an evidence tier (the rules are in `data/indicators/README.md`).
//!
//! Trade-off: the tables are CSV, validated strictly at load time, rather than Rust constants
//! checked by the compiler. CSV keeps provenance reviewable by non-programmers and diffable
//! row by row; the price is that mistakes surface at load time, so the loader rejects every
//! unknown tier, list or sector id, every missing source field and every duplicate id, and
//! names the file, line and column. The shipped copy is compiled in ([`builtin`]) so the
//! binary cannot start with a knowledge base other than the one its tests checked.

mod assemble;
mod error;
mod links;
mod reader;
mod roles;
mod table;
mod types;
mod vocab;

pub use error::CuratedError;
pub use roles::RoleEntry;
pub use types::{Curated, GoodIndicator, SdnAnnotation, SectorIndicator};
pub use vocab::{is_goods_sector, is_known_sector, GOODS_SECTORS, SERVICE_SECTORS};

/// How errors name `indicators.csv` (its path in the crate).
pub const INDICATORS_FILE: &str = "data/indicators/indicators.csv";
/// How errors name `region_sectors.csv`.
pub const REGION_SECTORS_FILE: &str = "data/indicators/region_sectors.csv";
/// How errors name `sector_countries.csv`.
pub const SECTOR_COUNTRIES_FILE: &str = "data/indicators/sector_countries.csv";
/// How errors name `entity_roles.csv`.
pub const ENTITY_ROLES_FILE: &str = "data/indicators/entity_roles.csv";
/// How errors name `alias_sources.csv`.
pub const ALIAS_SOURCES_FILE: &str = "data/indicators/alias_sources.csv";

const BUILTIN_INDICATORS: &[u8] = include_bytes!(concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/data/indicators/indicators.csv"
));
const BUILTIN_REGION_SECTORS: &[u8] = include_bytes!(concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/data/indicators/region_sectors.csv"
));
const BUILTIN_SECTOR_COUNTRIES: &[u8] = include_bytes!(concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/data/indicators/sector_countries.csv"
));
const BUILTIN_ENTITY_ROLES: &[u8] = include_bytes!(concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/data/indicators/entity_roles.csv"
));
const BUILTIN_ALIAS_SOURCES: &[u8] = include_bytes!(concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/data/indicators/alias_sources.csv"
));

/// The curated tables as bytes, in load order.
#[derive(Debug, Clone, Copy)]
pub struct CuratedFiles<'a> {
    pub indicators: &'a [u8],
    pub region_sectors: &'a [u8],
    pub sector_countries: &'a [u8],
    pub entity_roles: &'a [u8],
    pub alias_sources: &'a [u8],
}

impl CuratedFiles<'static> {
    /// The tables compiled into the binary.
    pub const BUILTIN: CuratedFiles<'static> = CuratedFiles {
        indicators: BUILTIN_INDICATORS,
        region_sectors: BUILTIN_REGION_SECTORS,
        sector_countries: BUILTIN_SECTOR_COUNTRIES,
        entity_roles: BUILTIN_ENTITY_ROLES,
        alias_sources: BUILTIN_ALIAS_SOURCES,
    };
}

/// Loads and validates the curated tables.
pub fn load_curated(files: &CuratedFiles<'_>) -> Result<Curated, CuratedError> {
    let mut curated = table::parse_indicators(INDICATORS_FILE, files.indicators)?;
    links::attach_region_sectors(
        REGION_SECTORS_FILE,
        files.region_sectors,
        &mut curated.regions,
    )?;
    curated.sector_countries =
        links::parse_sector_countries(SECTOR_COUNTRIES_FILE, files.sector_countries)?;
    roles::attach_roles(ENTITY_ROLES_FILE, files.entity_roles, &mut curated)?;
    roles::attach_alias_sources(ALIAS_SOURCES_FILE, files.alias_sources, &mut curated)?;
    Ok(curated)
}

/// The curated tables shipped with the crate (compiled in).
pub fn builtin() -> Result<Curated, CuratedError> {
    load_curated(&CuratedFiles::BUILTIN)
}

#[cfg(test)]
mod tests;
