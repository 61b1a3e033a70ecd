//! The two link tables: `region_sectors.csv` (which sectors are documented in which region)
//! and `sector_countries.csv` (which goods sectors are reported in which country). One row per
//! (pair, source): a pair documented by two sources keeps both, since a flag should show the
//! strongest and the reviewer may want all. A row repeating the same pair and source URL is
//! an error, not a merge, because it usually means one of two notes is stale.

use std::collections::{HashMap, HashSet};

use crate::indicators::model::{Region, RegionSector, SectorCountryRisk, SectorId, Source, Tier};

use super::error::CuratedError;
use super::reader::{read_table, Row};
use super::vocab;

pub const REGION_SECTOR_COLUMNS: &[&str] = &[
    "region_id",
    "sector",
    "tier",
    "source_title",
    "source_date",
    "source_url",
    "note",
];
pub const SECTOR_COUNTRY_COLUMNS: &[&str] = &[
    "sector",
    "country",
    "tier",
    "source_title",
    "source_date",
    "source_url",
    "note",
];

// Column positions shared by both tables: the first two name the pair, the rest are alike.
const PAIR_FIRST: usize = 0;
const PAIR_SECOND: usize = 1;
const TIER: usize = 2;
const SOURCE_TITLE: usize = 3;
const SOURCE_DATE: usize = 4;
const SOURCE_URL: usize = 5;
const NOTE: usize = 6;

/// Attaches every `region_sectors.csv` row to its region in `regions`.
pub fn attach_region_sectors(
    file: &'static str,
    bytes: &[u8],
    regions: &mut [Region],
) -> Result<(), CuratedError> {
    let index: HashMap<String, usize> = regions
        .iter()
        .enumerate()
        .map(|(at, region)| (region.id.clone(), at))
        .collect();
    let mut seen = HashSet::new();
    for row in read_table(file, bytes, REGION_SECTOR_COLUMNS)? {
        let region_id = row.required(PAIR_FIRST, "name a region id of indicators.csv")?;
        let Some(&at) = index.get(region_id) else {
            let mut known: Vec<&str> = index.keys().map(String::as_str).collect();
            known.sort_unstable();
            return Err(row.invalid(
                PAIR_FIRST,
                format!("unknown region `{region_id}`"),
                &format!("use a region id of indicators.csv: {}", known.join(", ")),
            ));
        };
        let sector = parse_sector(&row, PAIR_SECOND, false)?;
        let (tier, source, note) = evidence(&row)?;
        if !seen.insert((region_id.to_owned(), sector, source.url.clone())) {
            return Err(duplicate(&row));
        }
        if let Some(region) = regions.get_mut(at) {
            region.sectors.push(RegionSector {
                sector,
                tier,
                source,
                note,
            });
        }
    }
    Ok(())
}

/// Parses `sector_countries.csv`; only goods sectors are allowed (a shipment cannot be
/// `construction`).
pub fn parse_sector_countries(
    file: &'static str,
    bytes: &[u8],
) -> Result<Vec<SectorCountryRisk>, CuratedError> {
    let mut seen = HashSet::new();
    let mut out = Vec::new();
    for row in read_table(file, bytes, SECTOR_COUNTRY_COLUMNS)? {
        let sector = parse_sector(&row, PAIR_FIRST, true)?;
        let country = row.country(PAIR_SECOND)?.ok_or_else(|| {
            row.invalid(
                PAIR_SECOND,
                "value is empty",
                "write the ISO 3166-1 alpha-2 code (e.g. `CN`)",
            )
        })?;
        let (tier, source, note) = evidence(&row)?;
        if !seen.insert((sector, country.to_owned(), source.url.clone())) {
            return Err(duplicate(&row));
        }
        out.push(SectorCountryRisk {
            sector,
            country: country.to_owned(),
            tier,
            source,
            note,
        });
    }
    Ok(out)
}

/// The sector in `column`, which must be a goods sector when `goods_only`.
fn parse_sector(row: &Row, column: usize, goods_only: bool) -> Result<SectorId, CuratedError> {
    let fix = if goods_only {
        format!("use a goods sector id: {}", vocab::GOODS_SECTORS.join(", "))
    } else {
        format!(
            "use a sector id: {}, {}",
            vocab::GOODS_SECTORS.join(", "),
            vocab::SERVICE_SECTORS.join(", ")
        )
    };
    let sector = row.required(column, &fix)?;
    let allowed = if goods_only {
        vocab::is_goods_sector(sector)
    } else {
        vocab::is_known_sector(sector)
    };
    if !allowed {
        return Err(row.invalid(
            column,
            format!("sector `{sector}` is not allowed here"),
            &fix,
        ));
    }
    Ok(SectorId::parse(sector).expect("checked against the vocabulary above"))
}

/// Tier, source and note: the last five columns, alike in both tables.
fn evidence(row: &Row) -> Result<(Tier, Source, String), CuratedError> {
    let tier = row.tier(TIER)?;
    let source = row.source(SOURCE_TITLE, SOURCE_DATE, SOURCE_URL)?;
    let note = row.required(NOTE, "say in one sentence what the source documents")?;
    Ok((tier, source, note.to_owned()))
}

fn duplicate(row: &Row) -> CuratedError {
    row.invalid(
        SOURCE_URL,
        "the same pair is already documented by this source on an earlier line",
        "merge the two rows into one note",
    )
}
