//! `indicators.csv`: one row per sourced indicator, sorted by `kind` into the parts of
//! [`Curated`](super::Curated). Validation is strict and local to the row (ids, vocabularies,
//! the tier a list implies, the id prefix a kind implies), so that an error names the exact
//! field to fix. Cross-file checks (region ids used by `region_sectors.csv`) happen in
//! [`super::links`]; sorting valid rows into output types is [`super::assemble`].

use std::collections::HashMap;

use crate::indicators::model::{ListKind, SectorId, Source, Tier};

use super::assemble::add;
use super::error::CuratedError;
use super::reader::{read_table, Row};
use super::types::Curated;
use super::vocab;

pub const COLUMNS: &[&str] = &[
    "id",
    "kind",
    "value",
    "aliases",
    "tier",
    "list",
    "sectors",
    "country",
    "ent_num",
    "source_title",
    "source_date",
    "source_url",
    "note",
];
const ID: usize = 0;
const KIND: usize = 1;
const VALUE: usize = 2;
const ALIASES: usize = 3;
const TIER: usize = 4;
const LIST: usize = 5;
const SECTORS: usize = 6;
const COUNTRY: usize = 7;
const ENT_NUM: usize = 8;
const SOURCE_TITLE: usize = 9;
const SOURCE_DATE: usize = 10;
const SOURCE_URL: usize = 11;
const NOTE: usize = 12;

/// Id prefix of a placeholder: an entity row that documents a gap (names not retrieved) and
/// is skipped on load.
const PLACEHOLDER_PREFIX: &str = "placeholder:";

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    Country,
    Region,
    Sector,
    Good,
    Entity,
}

impl Kind {
    fn parse(text: &str) -> Option<Kind> {
        Some(match text {
            "country" => Kind::Country,
            "region" => Kind::Region,
            "sector" => Kind::Sector,
            "good" => Kind::Good,
            "entity" => Kind::Entity,
            _ => return None,
        })
    }
}

/// The validated common fields of one row.
pub struct Parsed {
    pub id: String,
    pub kind: Kind,
    pub value: String,
    pub aliases: Vec<String>,
    pub tier: Tier,
    pub list: Option<ListKind>,
    pub sectors: Vec<SectorId>,
    pub country: Option<String>,
    pub ent_num: Option<u32>,
    pub source: Source,
    pub note: String,
}

/// Parses `indicators.csv`; the link tables (`sector_countries`, region sectors) are left empty.
pub fn parse_indicators(file: &'static str, bytes: &[u8]) -> Result<Curated, CuratedError> {
    let mut out = Curated::default();
    let mut first_line_of_id: HashMap<String, u64> = HashMap::new();
    for row in read_table(file, bytes, COLUMNS)? {
        let parsed = parse_row(&row)?;
        if let Some(first) = first_line_of_id.insert(parsed.id.clone(), row.line()) {
            return Err(row.invalid(
                ID,
                format!("id `{}` is already used on line {first}", parsed.id),
                "give every row its own id",
            ));
        }
        add(&mut out, parsed);
    }
    Ok(out)
}

fn parse_row(row: &Row) -> Result<Parsed, CuratedError> {
    let id = row.required(ID, "give the row a stable id such as `region:dandong`")?;
    let kind_text = row.required(KIND, "use country, region, sector, good or entity")?;
    let kind = Kind::parse(kind_text).ok_or_else(|| {
        row.invalid(
            KIND,
            format!("unknown kind `{kind_text}`"),
            "use country, region, sector, good or entity",
        )
    })?;
    let value = row.required(VALUE, "write the indicator as its source names it")?;
    let tier = row.tier(TIER)?;
    let list = parse_list(row, kind)?;
    let sectors = parse_sectors(row, kind)?;
    let country = parse_country(row, kind)?;
    let ent_num = parse_ent_num(row, list)?;
    let source = row.source(SOURCE_TITLE, SOURCE_DATE, SOURCE_URL)?;
    let note = row.required(NOTE, "say in one sentence what the source documents")?;
    check_id(row, id, kind, list, ent_num, country.as_deref())?;
    check_tier(row, kind, list, tier)?;
    Ok(Parsed {
        id: id.to_owned(),
        kind,
        value: value.to_owned(),
        aliases: split_list(row.field(ALIASES)),
        tier,
        list,
        sectors,
        country,
        ent_num,
        source,
        note: note.to_owned(),
    })
}

fn split_list(text: &str) -> Vec<String> {
    text.split(';')
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .map(str::to_owned)
        .collect()
}

fn parse_list(row: &Row, kind: Kind) -> Result<Option<ListKind>, CuratedError> {
    let text = row.field(LIST);
    if text.is_empty() {
        return Ok(None);
    }
    if kind != Kind::Entity {
        return Err(row.invalid(
            LIST,
            format!("`list` is set to `{text}` on a non-entity row"),
            "leave `list` empty unless the row is an entity",
        ));
    }
    let fix = format!("use one of: {}", vocab::curated_list_names());
    vocab::parse_curated_list(text)
        .map(Some)
        .ok_or_else(|| row.invalid(LIST, format!("unknown list `{text}`"), &fix))
}

fn parse_sectors(row: &Row, kind: Kind) -> Result<Vec<SectorId>, CuratedError> {
    let sectors = split_list(row.field(SECTORS));
    if let Some(unknown) = sectors.iter().find(|s| !vocab::is_known_sector(s)) {
        return Err(row.invalid(
            SECTORS,
            format!("unknown sector id `{unknown}`"),
            &format!(
                "use only these ids, `;`-separated: {}, {}",
                vocab::GOODS_SECTORS.join(", "),
                vocab::SERVICE_SECTORS.join(", ")
            ),
        ));
    }
    if kind == Kind::Sector && sectors.len() > 1 {
        return Err(row.invalid(
            SECTORS,
            format!("a sector row maps to {} sector ids", sectors.len()),
            "give a sector row at most one sector id",
        ));
    }
    if kind == Kind::Country && !sectors.is_empty() {
        return Err(row.invalid(
            SECTORS,
            "a country row carries sectors",
            "put sector-by-country evidence in sector_countries.csv",
        ));
    }
    Ok(sectors.iter().filter_map(|s| SectorId::parse(s)).collect())
}

fn parse_country(row: &Row, kind: Kind) -> Result<Option<String>, CuratedError> {
    let code = row.country(COUNTRY)?;
    if code.is_none() && kind == Kind::Country {
        return Err(row.invalid(
            COUNTRY,
            "a country row has no country code",
            "write the ISO 3166-1 alpha-2 code (e.g. `CN`)",
        ));
    }
    Ok(code.map(str::to_owned))
}

fn parse_ent_num(row: &Row, list: Option<ListKind>) -> Result<Option<u32>, CuratedError> {
    let text = row.field(ENT_NUM);
    if text.is_empty() {
        return Ok(None);
    }
    if list != Some(ListKind::OfacNorthKorea) {
        return Err(row.invalid(
            ENT_NUM,
            "`ent_num` is set on a row that is not an OFAC designation",
            "set `ent_num` only on `ofac_north_korea` rows whose entry is in the shipped SDN file",
        ));
    }
    text.parse::<u32>().map(Some).map_err(|_| {
        row.invalid(
            ENT_NUM,
            format!("`{text}` is not an SDN entry number"),
            "write the SDN ent_num as digits (e.g. `19611`)",
        )
    })
}

/// The id prefix follows from the kind (and, for entities, from the list and `ent_num`), so a
/// consumer can tell an annotation from a curated entity by its id alone.
fn check_id(
    row: &Row,
    id: &str,
    kind: Kind,
    list: Option<ListKind>,
    ent_num: Option<u32>,
    country: Option<&str>,
) -> Result<(), CuratedError> {
    let expected_prefix = match (kind, list, ent_num) {
        (Kind::Country, _, _) => "country:",
        (Kind::Region, _, _) => "region:",
        (Kind::Sector, _, _) => "sector:",
        (Kind::Good, _, _) => "good:",
        (Kind::Entity, Some(ListKind::OfacNorthKorea), Some(_)) => "sdn:",
        (Kind::Entity, Some(ListKind::OfacNorthKorea), None) => "treas:",
        (Kind::Entity, Some(ListKind::CbpEnforcement), _) => "cbp:",
        (Kind::Entity, Some(ListKind::ReportedEmployer), _) => "inv:",
        (Kind::Entity, Some(ListKind::OfacOther), _) => "ofac:",
        (Kind::Entity, None, _) => PLACEHOLDER_PREFIX,
    };
    let expected_whole = match (kind, ent_num, country) {
        (Kind::Entity, Some(n), _) => Some(format!("sdn:{n}")),
        (Kind::Country, _, Some(code)) => Some(format!("country:{}", code.to_ascii_lowercase())),
        _ => None,
    };
    let ok = match &expected_whole {
        Some(whole) => id == whole,
        None => id.strip_prefix(expected_prefix).is_some_and(vocab::is_slug),
    };
    if ok {
        return Ok(());
    }
    let fix = match expected_whole {
        Some(whole) => format!("this row's id must be `{whole}`"),
        None => format!(
            "this row's id must be `{expected_prefix}` followed by lowercase words joined by hyphens"
        ),
    };
    Err(row.invalid(ID, format!("id `{id}` does not fit the row"), &fix))
}

/// Countries are context, never stronger than advisory; an entity's tier is the act that
/// lists it. Regions, sectors and goods take the tier of their source (see the README).
fn check_tier(
    row: &Row,
    kind: Kind,
    list: Option<ListKind>,
    tier: Tier,
) -> Result<(), CuratedError> {
    let required = match (kind, list) {
        (Kind::Country, _) => Some(Tier::Advisory),
        (Kind::Entity, Some(ListKind::OfacNorthKorea | ListKind::OfacOther)) => {
            Some(Tier::GovDesignation)
        }
        (Kind::Entity, Some(ListKind::CbpEnforcement)) => Some(Tier::GovEnforcement),
        (Kind::Entity, Some(ListKind::ReportedEmployer)) => Some(Tier::InvestigativeReport),
        _ => None,
    };
    match required {
        Some(required) if required != tier => Err(row.invalid(
            TIER,
            format!("tier `{}` does not fit this row", tier.as_str()),
            &format!("this kind of row has tier `{}`", required.as_str()),
        )),
        _ => Ok(()),
    }
}
