//! [`SectorTable`]: which sectors a manifest line's goods belong to, and on what evidence.
//!
//! Two curated tables (`data/sectors/`): HS prefixes taken from the nomenclature itself, and
//! description keywords. A code is stronger evidence than words, so HS matches come first and
//! keywords only add sectors the code did not give. Prefixes may overlap on purpose (`630790` is
//! textiles and PPE): every matching sector is returned, most specific prefix first, instead of
//! one "winner", because dropping a sector would silently drop the indicators tied to it.
//! The tables say what goods are; whether a sector carries North Korean labor risk is for the
//! sourced indicators to say.

mod keywords;

use std::collections::BTreeMap;
use std::sync::Arc;

use serde::{Deserialize, Serialize};

use super::ref_csv::{field, CsvRows};
use super::sector::Sector;
use super::{find_hs_in_text, HsCode, RefError};
use keywords::KeywordIndex;

const HS_SECTORS_FILE: &str = "data/sectors/hs_sectors.csv";
const KEYWORDS_FILE: &str = "data/sectors/keywords.csv";

/// The sector ids the rest of the product uses; the data files may use no other.
pub const SECTOR_IDS: [&str; 17] = [
    "seafood",
    "apparel",
    "footwear",
    "textiles",
    "timber",
    "wigs",
    "coal",
    "iron",
    "gold",
    "minerals",
    "bricks",
    "cement",
    "electronics",
    "ppe",
    "sporting_goods",
    "ships",
    "containers",
];

/// Why a line was put into a sector.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum SectorBasis {
    /// The HS code (given, or quoted in the description) starts with a sector prefix.
    HsPrefix { code: String, prefix: String },
    /// The description contains a sector keyword as whole words.
    Keyword { keyword: String },
}

/// One sector a line belongs to.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SectorMatch {
    pub sector: Sector,
    pub label: String,
    pub basis: SectorBasis,
}

#[derive(Debug)]
struct PrefixRow {
    prefix: String,
    sector: Sector,
}

#[derive(Debug)]
struct Inner {
    prefixes: Vec<PrefixRow>,
    labels: BTreeMap<Sector, String>,
    keywords: KeywordIndex,
}

/// HS-prefix and keyword sector tables. Cheap to clone.
#[derive(Debug, Clone)]
pub struct SectorTable {
    inner: Arc<Inner>,
}

impl SectorTable {
    /// The table built from the crate's shipped `data/sectors/` files.
    pub fn builtin() -> Result<Self, RefError> {
        Self::from_sources(
            include_bytes!(concat!(
                env!("CARGO_MANIFEST_DIR"),
                "/data/sectors/hs_sectors.csv"
            )),
            include_bytes!(concat!(
                env!("CARGO_MANIFEST_DIR"),
                "/data/sectors/keywords.csv"
            )),
        )
    }

    /// Build the table from `hs_sectors.csv` (`prefix,sector,label,note`) and `keywords.csv`
    /// (`keyword,sector`).
    pub fn from_sources(hs_sectors_csv: &[u8], keywords_csv: &[u8]) -> Result<Self, RefError> {
        let (prefixes, labels) = read_prefixes(hs_sectors_csv)?;
        let keywords = read_keywords(keywords_csv, &labels)?;
        Ok(SectorTable {
            inner: Arc::new(Inner {
                prefixes,
                labels,
                keywords,
            }),
        })
    }

    /// The sectors of a line: from its HS code (or, when none is given, a code quoted in the
    /// description after an HS marker), then from description keywords for sectors the code did
    /// not give. At most one match per sector.
    pub fn classify(&self, hs: Option<&HsCode>, description: Option<&str>) -> Vec<SectorMatch> {
        let quoted = match hs {
            Some(_) => None,
            None => description.and_then(find_hs_in_text),
        };
        let mut matches = hs
            .or(quoted.as_ref())
            .map_or_else(Vec::new, |code| self.by_code(code));
        if let Some(description) = description {
            for keyword in self.inner.keywords.find(description) {
                if matches.iter().any(|m| m.sector == keyword.sector) {
                    continue;
                }
                matches.push(self.matched(
                    keyword.sector,
                    SectorBasis::Keyword {
                        keyword: keyword.text.clone(),
                    },
                ));
            }
        }
        matches
    }

    /// The display label of a sector.
    pub fn label(&self, sector: Sector) -> Option<&str> {
        self.inner.labels.get(&sector).map(String::as_str)
    }

    /// All HS prefixes of the table with their sector, in file order.
    pub fn prefixes(&self) -> impl Iterator<Item = (&str, Sector)> {
        self.inner
            .prefixes
            .iter()
            .map(|p| (p.prefix.as_str(), p.sector))
    }

    /// Every sector whose prefix `code` starts with, longest prefix first (per sector, only its
    /// longest matching prefix).
    fn by_code(&self, code: &HsCode) -> Vec<SectorMatch> {
        let mut best: BTreeMap<Sector, &str> = BTreeMap::new();
        for row in &self.inner.prefixes {
            if !code.starts_with(&row.prefix) {
                continue;
            }
            let slot = best.entry(row.sector).or_insert(&row.prefix);
            if row.prefix.len() > slot.len() {
                *slot = &row.prefix;
            }
        }
        let mut ordered: Vec<(Sector, &str)> = best.into_iter().collect();
        ordered.sort_by(|a, b| {
            b.1.len()
                .cmp(&a.1.len())
                .then(a.0.as_str().cmp(b.0.as_str()))
        });
        ordered
            .into_iter()
            .map(|(sector, prefix)| {
                self.matched(
                    sector,
                    SectorBasis::HsPrefix {
                        code: code.digits.clone(),
                        prefix: prefix.to_owned(),
                    },
                )
            })
            .collect()
    }

    fn matched(&self, sector: Sector, basis: SectorBasis) -> SectorMatch {
        SectorMatch {
            sector,
            label: self.label(sector).unwrap_or(sector.as_str()).to_owned(),
            basis,
        }
    }
}

type Prefixes = (Vec<PrefixRow>, BTreeMap<Sector, String>);

fn read_prefixes(bytes: &[u8]) -> Result<Prefixes, RefError> {
    let csv = CsvRows::parse(HS_SECTORS_FILE, bytes)?;
    let prefix_col = csv.column("prefix")?;
    let sector_col = csv.column("sector")?;
    let label_col = csv.column("label")?;
    csv.column("note")?;
    let mut prefixes = Vec::new();
    let mut labels: BTreeMap<Sector, String> = BTreeMap::new();
    for (line, record) in csv.rows() {
        let prefix = field(record, prefix_col);
        if !matches!(prefix.len(), 2 | 4 | 6) || !prefix.chars().all(|c| c.is_ascii_digit()) {
            return Err(RefError::invalid(
                HS_SECTORS_FILE,
                line,
                "prefix",
                format!("`{prefix}` is not an HS chapter, heading or subheading; write 2, 4 or 6 digits with leading zeros"),
            ));
        }
        let sector = known_sector(HS_SECTORS_FILE, line, field(record, sector_col))?;
        let label = field(record, label_col);
        if label.is_empty() {
            return Err(RefError::invalid(
                HS_SECTORS_FILE,
                line,
                "label",
                "empty label; give the sector a display name",
            ));
        }
        match labels.get(&sector) {
            Some(existing) if existing != label => {
                return Err(RefError::invalid(
                    HS_SECTORS_FILE,
                    line,
                    "label",
                    format!("sector `{sector}` is labelled `{existing}` earlier; use one label per sector"),
                ));
            }
            Some(_) => {}
            None => {
                labels.insert(sector, label.to_owned());
            }
        }
        prefixes.push(PrefixRow {
            prefix: prefix.to_owned(),
            sector,
        });
    }
    Ok((prefixes, labels))
}

fn read_keywords(
    bytes: &[u8],
    labels: &BTreeMap<Sector, String>,
) -> Result<KeywordIndex, RefError> {
    let csv = CsvRows::parse(KEYWORDS_FILE, bytes)?;
    let keyword_col = csv.column("keyword")?;
    let sector_col = csv.column("sector")?;
    let mut index = KeywordIndex::default();
    for (line, record) in csv.rows() {
        let sector = known_sector(KEYWORDS_FILE, line, field(record, sector_col))?;
        if !labels.contains_key(&sector) {
            return Err(RefError::invalid(
                KEYWORDS_FILE,
                line,
                "sector",
                format!("sector `{sector}` has no row in hs_sectors.csv, so it has no label; add one there"),
            ));
        }
        let keyword = field(record, keyword_col);
        if !index.add(keyword, sector) {
            return Err(RefError::invalid(
                KEYWORDS_FILE,
                line,
                "keyword",
                format!("`{keyword}` has no letters or digits; write a word"),
            ));
        }
    }
    Ok(index)
}

fn known_sector(file: &'static str, line: u64, sector: &str) -> Result<Sector, RefError> {
    match Sector::parse(sector).filter(|s| s.is_goods()) {
        Some(sector) => Ok(sector),
        None => Err(RefError::invalid(
            file,
            line,
            "sector",
            format!(
                "unknown sector `{sector}`; use one of: {}",
                SECTOR_IDS.join(", ")
            ),
        )),
    }
}

#[cfg(test)]
mod tests;
