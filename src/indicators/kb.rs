//! [`KnowledgeBase`]: the assembled, versioned knowledge base the screener reads.
//!
//! Three ways in: [`KnowledgeBase::builtin`] (the North Korea SDN subset and the curated tables
//! compiled into the binary, so the CLI and the container work from any directory),
//! [`KnowledgeBase::from_ofac_dir`] (OFAC's official files from a directory, e.g. the full list),
//! and a snapshot file written by `caatsa-screen indicators import` ([`KnowledgeBase::from_snapshot`]).
//! Reference tables (countries, ports, sectors, legal texts) always come from the binary; the HTS
//! descriptions, needed only for allegation drafts, are parsed on first use.

use std::path::Path;
use std::sync::OnceLock;

use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};

use super::curated::{self, Curated};
use super::legal::LegalTexts;
use super::model::{ListedEntity, Source};
use super::ofac::{self, OfacFiles, OfacStats};
use super::places::Gazetteer;
use super::{CountryTable, HtsTable, PortTable, RefError, SectorTable};

/// The OFAC files compiled into the binary: the North Korea subset as of 2024-05-03.
const BUILTIN_SDN: &[u8] = include_bytes!(concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/data/ofac/dprk/sdn.csv"
));
const BUILTIN_ALT: &[u8] = include_bytes!(concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/data/ofac/dprk/alt.csv"
));
const BUILTIN_ADD: &[u8] = include_bytes!(concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/data/ofac/dprk/add.csv"
));
const BUILTIN_COMMENTS: &[u8] = include_bytes!(concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/data/ofac/dprk/sdn_comments.csv"
));
/// Date of the shipped SDN subset (the download date of its sdn.csv; see data/ofac/SOURCE.txt).
const BUILTIN_OFAC_DATE: &str = "2024-05-03";

/// Snapshot format version; a snapshot of another version is refused.
const SNAPSHOT_FORMAT: u32 = 2;

#[derive(Debug, thiserror::Error)]
pub enum KbError {
    #[error(transparent)]
    Ofac(#[from] ofac::OfacError),
    #[error(transparent)]
    Curated(#[from] curated::CuratedError),
    #[error(transparent)]
    Reference(#[from] RefError),
    #[error(transparent)]
    Legal(#[from] super::legal::LegalError),
    #[error("cannot read {path}: {source}")]
    Io {
        path: String,
        source: std::io::Error,
    },
    #[error("{path} is not a knowledge-base snapshot: {message}")]
    Snapshot { path: String, message: String },
}

/// Which data a knowledge base was built from: shown with every result.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, utoipa::ToSchema)]
pub struct KbVersion {
    /// `<ofac date>+<latest curated source date>.<content hash prefix>`.
    pub id: String,
    /// SHA-256 of every input file, in a fixed order.
    pub content_hash: String,
    pub ofac_date: String,
    pub curated_date: String,
}

/// A source list entry of `GET /v1/indicators`: a source and how many indicators rest on it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, utoipa::ToSchema)]
pub struct SourceUse {
    pub source: Source,
    pub indicators: usize,
}

/// What a snapshot file holds.
#[derive(Debug, Serialize, Deserialize)]
struct Snapshot {
    format: u32,
    version: KbVersion,
    ofac_source: Source,
    ofac_stats: OfacStats,
    ofac_entities: Vec<ListedEntity>,
    curated: Curated,
}

pub struct KnowledgeBase {
    pub version: KbVersion,
    /// Every listed party: SDN entries (annotated), then curated entities.
    pub entities: Vec<ListedEntity>,
    pub curated: Curated,
    pub ofac_source: Source,
    pub ofac_stats: OfacStats,
    pub countries: CountryTable,
    pub ports: PortTable,
    pub sectors: SectorTable,
    pub legal: LegalTexts,
    /// North Korean places and the border regions' names in their own scripts.
    pub places: Gazetteer,
    ofac_entities: Vec<ListedEntity>,
    hts: OnceLock<Result<HtsTable, String>>,
}

impl std::fmt::Debug for KnowledgeBase {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("KnowledgeBase")
            .field("version", &self.version)
            .field("entities", &self.entities.len())
            .finish_non_exhaustive()
    }
}

/// The OFAC source line of a file set.
pub fn ofac_source(date: &str, scope: &str) -> Source {
    Source {
        title: format!("OFAC Specially Designated Nationals and Blocked Persons List, legacy CSV files ({scope})"),
        date: date.to_owned(),
        url: "https://www.treasury.gov/ofac/downloads/sdn.csv".to_owned(),
    }
}

impl KnowledgeBase {
    /// The knowledge base compiled into the binary.
    pub fn builtin() -> Result<KnowledgeBase, KbError> {
        let files = OfacFiles {
            sdn: BUILTIN_SDN,
            alt: Some(BUILTIN_ALT),
            add: Some(BUILTIN_ADD),
            comments: Some(BUILTIN_COMMENTS),
        };
        Self::from_ofac(&files, ofac_source(BUILTIN_OFAC_DATE, "North Korea subset"))
    }

    /// OFAC's official files from `dir` (`sdn.csv` required; `alt.csv`, `add.csv`,
    /// `sdn_comments.csv` when present) plus the curated tables.
    pub fn from_ofac_dir(dir: &Path, date: &str) -> Result<KnowledgeBase, KbError> {
        let read = |name: &str| -> Result<Option<Vec<u8>>, KbError> {
            let path = dir.join(name);
            match std::fs::read(&path) {
                Ok(bytes) => Ok(Some(bytes)),
                Err(e) if e.kind() == std::io::ErrorKind::NotFound && name != "sdn.csv" => Ok(None),
                Err(source) => Err(KbError::Io {
                    path: path.display().to_string(),
                    source,
                }),
            }
        };
        let sdn = read("sdn.csv")?.unwrap_or_default();
        let (alt, add, comments) = (
            read("alt.csv")?,
            read("add.csv")?,
            read("sdn_comments.csv")?,
        );
        let files = OfacFiles {
            sdn: &sdn,
            alt: alt.as_deref(),
            add: add.as_deref(),
            comments: comments.as_deref(),
        };
        Self::from_ofac(&files, ofac_source(date, "imported"))
    }

    fn from_ofac(files: &OfacFiles<'_>, source: Source) -> Result<KnowledgeBase, KbError> {
        let countries = CountryTable::builtin()?;
        let resolve = |c: &str| countries.resolve(c).code().map(str::to_owned);
        let load = ofac::build_entities(files, &source, &resolve)?;
        let curated = curated::builtin()?;
        let mut hasher = Sha256::new();
        for bytes in [Some(files.sdn), files.alt, files.add, files.comments]
            .into_iter()
            .flatten()
        {
            hasher.update((bytes.len() as u64).to_le_bytes());
            hasher.update(bytes);
        }
        hasher.update(serde_json::to_vec(&curated).unwrap_or_default());
        let content_hash = hex(&hasher.finalize());
        let version = version(&source.date, &curated, &content_hash);
        Self::assemble(
            version,
            source,
            load.stats,
            load.entities,
            curated,
            countries,
        )
    }

    /// A knowledge base saved by [`KnowledgeBase::write_snapshot`].
    pub fn from_snapshot(path: &Path) -> Result<KnowledgeBase, KbError> {
        let bytes = std::fs::read(path).map_err(|source| KbError::Io {
            path: path.display().to_string(),
            source,
        })?;
        let snapshot: Snapshot = serde_json::from_slice(&bytes).map_err(|e| KbError::Snapshot {
            path: path.display().to_string(),
            message: e.to_string(),
        })?;
        if snapshot.format != SNAPSHOT_FORMAT {
            return Err(KbError::Snapshot {
                path: path.display().to_string(),
                message: format!(
                    "format {} (this build reads format {SNAPSHOT_FORMAT}); re-run `caatsa-screen indicators import`",
                    snapshot.format
                ),
            });
        }
        let countries = CountryTable::builtin()?;
        Self::assemble(
            snapshot.version,
            snapshot.ofac_source,
            snapshot.ofac_stats,
            snapshot.ofac_entities,
            snapshot.curated,
            countries,
        )
    }

    /// Loads a snapshot file, or a directory of OFAC files, from `path`. Anything else (a FIFO,
    /// a device) is refused before it is opened: reading one would block a reload for as long
    /// as nothing writes to it.
    pub fn load(path: &Path) -> Result<KnowledgeBase, KbError> {
        let kind = std::fs::metadata(path)
            .map_err(|source| KbError::Io {
                path: path.display().to_string(),
                source,
            })?
            .file_type();
        if kind.is_dir() {
            Self::from_ofac_dir(path, "unknown")
        } else if kind.is_file() {
            Self::from_snapshot(path)
        } else {
            Err(KbError::Io {
                path: path.display().to_string(),
                source: std::io::Error::other(
                    "neither a snapshot file nor a directory of OFAC files (a FIFO or a device \
                     is not read: it could block the load)",
                ),
            })
        }
    }

    /// Writes this knowledge base as a snapshot (JSON) to `path`.
    pub fn write_snapshot(&self, path: &Path) -> Result<(), KbError> {
        let snapshot = Snapshot {
            format: SNAPSHOT_FORMAT,
            version: self.version.clone(),
            ofac_source: self.ofac_source.clone(),
            ofac_stats: self.ofac_stats.clone(),
            ofac_entities: self.ofac_entities.clone(),
            curated: self.curated.clone(),
        };
        let io = |source| KbError::Io {
            path: path.display().to_string(),
            source,
        };
        let file = std::fs::File::create(path).map_err(io)?;
        serde_json::to_writer(std::io::BufWriter::new(file), &snapshot).map_err(|e| KbError::Io {
            path: path.display().to_string(),
            source: e.into(),
        })
    }

    fn assemble(
        version: KbVersion,
        ofac_source: Source,
        ofac_stats: OfacStats,
        ofac_entities: Vec<ListedEntity>,
        curated: Curated,
        countries: CountryTable,
    ) -> Result<KnowledgeBase, KbError> {
        let mut entities = ofac_entities.clone();
        for annotation in &curated.sdn_annotations {
            let id = annotation.entity_id();
            if let Some(entity) = entities.iter_mut().find(|e| e.id == id) {
                annotation.annotate(entity);
            }
        }
        entities.extend(curated.entities.iter().cloned());
        super::labor_export::derive(&mut entities, &curated, &ofac_source);
        Ok(KnowledgeBase {
            version,
            entities,
            ports: PortTable::builtin(&countries)?,
            sectors: SectorTable::builtin()?,
            legal: LegalTexts::builtin()?,
            places: Gazetteer::builtin()?,
            countries,
            curated,
            ofac_source,
            ofac_stats,
            ofac_entities,
            hts: OnceLock::new(),
        })
    }

    /// The HTS descriptions (parsed on first use).
    pub fn hts(&self) -> Result<&HtsTable, String> {
        self.hts
            .get_or_init(|| HtsTable::builtin().map_err(|e| e.to_string()))
            .as_ref()
            .map_err(Clone::clone)
    }

    /// Every distinct source the knowledge base rests on, with how many indicators cite it.
    pub fn sources(&self) -> Vec<SourceUse> {
        let mut uses: Vec<SourceUse> = Vec::new();
        let mut add = |source: &Source| match uses.iter_mut().find(|u| &u.source == source) {
            Some(u) => u.indicators += 1,
            None => uses.push(SourceUse {
                source: source.clone(),
                indicators: 1,
            }),
        };
        for e in &self.entities {
            add(&e.source);
            e.extra_sources.iter().for_each(&mut add);
        }
        let c = &self.curated;
        c.host_countries.iter().for_each(|x| add(&x.source));
        for r in &c.regions {
            add(&r.source);
            r.sectors.iter().for_each(|s| add(&s.source));
        }
        c.sector_countries.iter().for_each(|x| add(&x.source));
        c.sector_indicators.iter().for_each(|x| add(&x.source));
        c.goods.iter().for_each(|x| add(&x.source));
        self.legal.iter().for_each(|t| add(&t.source));
        uses.sort_by(|a, b| {
            b.indicators
                .cmp(&a.indicators)
                .then(a.source.title.cmp(&b.source.title))
        });
        uses
    }
}

fn version(ofac_date: &str, curated: &Curated, content_hash: &str) -> KbVersion {
    let curated_date = latest_date(curated);
    KbVersion {
        id: format!("{ofac_date}+{curated_date}.{}", &content_hash[..12]),
        content_hash: content_hash.to_owned(),
        ofac_date: ofac_date.to_owned(),
        curated_date,
    }
}

/// The latest ISO-looking date (`YYYY-MM-DD` or `YYYY-MM`) among the curated sources.
fn latest_date(curated: &Curated) -> String {
    let dates = curated
        .entities
        .iter()
        .map(|e| &e.source.date)
        .chain(curated.host_countries.iter().map(|x| &x.source.date))
        .chain(curated.regions.iter().map(|x| &x.source.date))
        .chain(curated.goods.iter().map(|x| &x.source.date))
        .chain(curated.sector_indicators.iter().map(|x| &x.source.date))
        .chain(curated.sdn_annotations.iter().map(|x| &x.source.date));
    dates
        .filter_map(|d| {
            let head: String = d.chars().take(10).collect();
            let iso = head.len() >= 7
                && head.chars().enumerate().all(|(i, c)| {
                    if i == 4 || i == 7 {
                        c == '-'
                    } else {
                        c.is_ascii_digit()
                    }
                });
            iso.then_some(head)
        })
        .max()
        .unwrap_or_else(|| "undated".to_owned())
}

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}
