//! The curated part of the knowledge base: `data/indicators/{indicators,region_sectors,
//! sector_countries}.csv`, hand-kept tables in which every row carries its source title, date
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
mod table;
mod types;
mod vocab;

pub use error::CuratedError;
pub use types::{Curated, GoodIndicator, SdnAnnotation, SectorIndicator};
pub use vocab::{is_goods_sector, is_known_sector, GOODS_SECTORS, SERVICE_SECTORS};

/// How errors name `indicators.csv` (its path in the crate).
pub const INDICATORS_FILE: &str = "data/indicators/indicators.csv";
/// How errors name `region_sectors.csv`.
pub const REGION_SECTORS_FILE: &str = "data/indicators/region_sectors.csv";
/// How errors name `sector_countries.csv`.
pub const SECTOR_COUNTRIES_FILE: &str = "data/indicators/sector_countries.csv";

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

/// Loads and validates the three curated tables.
pub fn load_curated(
    indicators_csv: &[u8],
    region_sectors_csv: &[u8],
    sector_countries_csv: &[u8],
) -> Result<Curated, CuratedError> {
    let mut curated = table::parse_indicators(INDICATORS_FILE, indicators_csv)?;
    links::attach_region_sectors(
        REGION_SECTORS_FILE,
        region_sectors_csv,
        &mut curated.regions,
    )?;
    curated.sector_countries =
        links::parse_sector_countries(SECTOR_COUNTRIES_FILE, sector_countries_csv)?;
    Ok(curated)
}

/// The curated tables shipped with the crate (compiled in).
pub fn builtin() -> Result<Curated, CuratedError> {
    load_curated(
        BUILTIN_INDICATORS,
        BUILTIN_REGION_SECTORS,
        BUILTIN_SECTOR_COUNTRIES,
    )
}

#[cfg(test)]
mod tests;
