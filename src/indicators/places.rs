//! The gazetteer: North Korean cities, ports and provinces with their spellings
//! (`data/places/kp_places.csv`), and the names of the Chinese and Russian border regions in their
//! own scripts (`data/places/border_names.csv`, keyed by the curated region ids).
//!
//! Each North Korean place names the data it rests on: OFAC's own addresses in North Korea
//! (`add.csv`), CBP Schedule K's North Korean ports, the ISO 3166-2 subdivisions of KP, or, for
//! a few well-known ports none of those files lists (Sinuiju, Kimchaek), a list compiled for this
//! project, which evidence says in so many words. A spelling that also names a place outside
//! North Korea is left out (Kangwon and Kangdong are also South Korean; 海州 and 元山 also name
//! Chinese places), because a place name here turns a line into a sanctions question.

use serde::{Deserialize, Serialize};

use super::model::Source;
use super::ref_csv::{field, CsvRows};
use super::RefError;

const KP_PLACES_FILE: &str = "data/places/kp_places.csv";
const BORDER_NAMES_FILE: &str = "data/places/border_names.csv";

const BUILTIN_KP_PLACES: &[u8] = include_bytes!(concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/data/places/kp_places.csv"
));
const BUILTIN_BORDER_NAMES: &[u8] = include_bytes!(concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/data/places/border_names.csv"
));

/// What kind of place.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum PlaceKind {
    City,
    Port,
    Province,
}

impl PlaceKind {
    fn parse(text: &str) -> Option<PlaceKind> {
        match text {
            "city" => Some(PlaceKind::City),
            "port" => Some(PlaceKind::Port),
            "province" => Some(PlaceKind::Province),
            _ => None,
        }
    }

    pub fn as_str(self) -> &'static str {
        match self {
            PlaceKind::City => "city",
            PlaceKind::Port => "port",
            PlaceKind::Province => "province",
        }
    }
}

/// A place in North Korea.
#[derive(Debug, Clone, PartialEq)]
pub struct KpPlace {
    pub id: String,
    pub kind: PlaceKind,
    pub name: String,
    /// Every spelling, in Latin letters, Hangul or Chinese characters.
    pub spellings: Vec<String>,
    /// The data the place rests on.
    pub sources: Vec<Source>,
    pub note: String,
}

/// Names of a curated border region in its own scripts.
#[derive(Debug, Clone, PartialEq)]
pub struct BorderNames {
    pub region_id: String,
    pub spellings: Vec<String>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Gazetteer {
    pub kp: Vec<KpPlace>,
    pub border: Vec<BorderNames>,
}

/// The source of each `basis` value of `kp_places.csv`.
fn basis_source(basis: &str) -> Option<Source> {
    let (title, date, url) = match basis {
        "ofac_add" => (
            "OFAC SDN list, addresses file (add.csv): addresses in \"Korea, North\"",
            "2023-12-28",
            "https://www.treasury.gov/ofac/downloads/add.csv",
        ),
        "schedule_k" => (
            "CBP / Census Schedule K foreign port codes, 4th quarter 2024, country 5790 North Korea (copy in theshipsagent/panjiva-classification-system)",
            "2024-Q4",
            "https://github.com/theshipsagent/panjiva-classification-system/tree/744c1a05ddc1aaf9f320823733c0830ba4ace4dc/01.01_dictionary",
        ),
        "iso_3166_2" => (
            "ISO 3166-2:KP subdivision names (Debian iso-codes 4.15.0, iso_3166-2.json)",
            "4.15.0",
            "https://salsa.debian.org/iso-codes-team/iso-codes",
        ),
        "compiled" => (
            "North Korean place names compiled for caatsa-screen (not from a published list)",
            "2026-12-01",
            "",
        ),
        _ => return None,
    };
    Some(Source {
        title: title.to_owned(),
        date: date.to_owned(),
        url: url.to_owned(),
    })
}

fn split(text: &str) -> Vec<String> {
    text.split(';')
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .map(str::to_owned)
        .collect()
}

impl Gazetteer {
    /// The gazetteer compiled into the binary.
    pub fn builtin() -> Result<Gazetteer, RefError> {
        Gazetteer::from_bytes(BUILTIN_KP_PLACES, BUILTIN_BORDER_NAMES)
    }

    pub fn from_bytes(kp_places: &[u8], border_names: &[u8]) -> Result<Gazetteer, RefError> {
        let table = CsvRows::parse(KP_PLACES_FILE, kp_places)?;
        let (id, kind, name, spellings, basis, note) = (
            table.column("id")?,
            table.column("kind")?,
            table.column("name")?,
            table.column("spellings")?,
            table.column("basis")?,
            table.column("note")?,
        );
        let invalid = |line, column, message: String| RefError::InvalidValue {
            file: KP_PLACES_FILE,
            line,
            column,
            message,
        };
        let mut kp = Vec::new();
        for (line, record) in table.rows() {
            let kind_text = field(record, kind);
            let kind = PlaceKind::parse(kind_text).ok_or_else(|| {
                invalid(
                    line,
                    "kind",
                    format!("unknown kind `{kind_text}`; use city, port or province"),
                )
            })?;
            let sources = split(field(record, basis))
                .iter()
                .map(|b| {
                    basis_source(b).ok_or_else(|| {
                        invalid(line, "basis", format!("unknown basis `{b}`; use ofac_add, schedule_k, iso_3166_2 or compiled"))
                    })
                })
                .collect::<Result<Vec<_>, _>>()?;
            let spellings = split(field(record, spellings));
            if sources.is_empty() || spellings.is_empty() {
                return Err(invalid(
                    line,
                    "spellings",
                    "a place needs spellings and a basis".to_owned(),
                ));
            }
            kp.push(KpPlace {
                id: field(record, id).to_owned(),
                kind,
                name: field(record, name).to_owned(),
                spellings,
                sources,
                note: field(record, note).to_owned(),
            });
        }
        let table = CsvRows::parse(BORDER_NAMES_FILE, border_names)?;
        let (region, spellings) = (table.column("region")?, table.column("spellings")?);
        let border = table
            .rows()
            .map(|(_, record)| BorderNames {
                region_id: field(record, region).to_owned(),
                spellings: split(field(record, spellings)),
            })
            .collect();
        Ok(Gazetteer { kp, border })
    }

    /// The script spellings of a curated region (empty when the table has none).
    pub fn border_spellings(&self, region_id: &str) -> &[String] {
        self.border
            .iter()
            .find(|b| b.region_id == region_id)
            .map_or(&[], |b| b.spellings.as_slice())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_place_has_a_source_and_the_well_known_ports_are_there() {
        let g = Gazetteer::builtin().expect("gazetteer");
        for id in [
            "pyongyang",
            "nampo",
            "chongjin",
            "rason",
            "sinuiju",
            "hamhung",
            "wonsan",
            "haeju",
            "songnim",
            "kimchaek",
        ] {
            let place =
                g.kp.iter()
                    .find(|p| p.id == id)
                    .unwrap_or_else(|| panic!("{id}"));
            assert!(!place.sources.is_empty());
        }
        assert!(g
            .border_spellings("region:dandong")
            .iter()
            .any(|s| s == "丹东"));
    }

    #[test]
    fn names_shared_with_south_korea_are_not_listed() {
        let g = Gazetteer::builtin().expect("gazetteer");
        let all: Vec<String> =
            g.kp.iter()
                .flat_map(|p| p.spellings.iter().map(|s| s.to_lowercase()))
                .collect();
        for southern in [
            "kangwon",
            "gangwon",
            "kangdong",
            "gangdong",
            "pyeongchang",
            "gwangju",
            "namyangju",
            "pyongtaek",
            "onsan",
        ] {
            assert!(!all.contains(&southern.to_owned()), "{southern}");
        }
    }

    #[test]
    fn an_unknown_basis_is_refused() {
        let err = Gazetteer::from_bytes(
            b"id,kind,name,spellings,basis,note\nx,city,X,X,hearsay,\n",
            b"region,spellings,note\n",
        )
        .expect_err("unknown basis");
        assert!(err.to_string().contains("unknown basis"), "{err}");
    }
}
