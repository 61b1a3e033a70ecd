//! The screening result contract: what every face (CLI, HTTP, tip drafts, CSV) reads. Keys here
//! are a public contract (`screening_id`, `indicators_version`, `summary`, `results`, `errors`).

use serde::{Deserialize, Serialize};

use super::flags::{Flag, FlagCode, QuotedText, RegimeLaw};
use super::tables::{
    resolve, LawTable, LegalTextTable, NoteTable, SourceTable, TableSet, Tables, Unresolved,
};
use super::verdict::Verdict;
use crate::indicators::{SectorId, Source};
use crate::manifest::{ManifestLine, RowError};

/// A country field resolved against the ISO 3166 table.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, utoipa::ToSchema)]
pub struct ResolvedCountry {
    pub field: String,
    pub input: String,
    /// ISO 3166 alpha-2, or `null` when the input is unknown or ambiguous.
    pub code: Option<String>,
    pub name: Option<String>,
}

/// A sector recognised on the line, and from what.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, utoipa::ToSchema)]
pub struct RecognisedSector {
    pub sector: SectorId,
    pub label: String,
    /// `hts_code 0307.43` or `description keyword "squid"`.
    pub basis: String,
}

/// What the engine read from the line before applying rules.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, utoipa::ToSchema)]
pub struct LineContext {
    pub countries: Vec<ResolvedCountry>,
    pub sectors: Vec<RecognisedSector>,
    /// Official HTS code as normalized (digits), if any.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub hts_code: Option<String>,
}

/// The screening of one manifest line.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, utoipa::ToSchema)]
pub struct LineResult {
    pub shipment_id: String,
    pub line: u32,
    pub verdict: Verdict,
    pub flags: Vec<Flag>,
    /// Why the line got its verdict, in one or two sentences (also for clear lines).
    pub explanation: String,
    pub context: LineContext,
    /// The line as read, so that the result stands on its own (tip drafts, audit).
    pub input: ManifestLine,
    /// What is wrong with the line's shipment facts without stopping its screening (a
    /// container number that fails its ISO 6346 check digit, an arrival date that is not a
    /// date). Check them before quoting the line to anyone.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub input_warnings: Vec<String>,
}

impl LineResult {
    pub fn flag(&self, code: FlagCode) -> Option<&Flag> {
        self.flags.iter().find(|f| f.code == code)
    }

    pub fn has(&self, code: FlagCode) -> bool {
        self.flag(code).is_some()
    }
}

/// Counts by verdict.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize, utoipa::ToSchema)]
pub struct Summary {
    pub lines: usize,
    #[serde(default)]
    pub prohibited: usize,
    pub presumption: usize,
    pub high_risk: usize,
    pub review: usize,
    pub clear: usize,
    pub errors: usize,
}

impl Summary {
    /// The counts in words, most serious first: `4 prohibited, 1 presumption, 3 high_risk,
    /// 3 review, 4 clear; 1 row errors`.
    pub fn describe(&self) -> String {
        format!(
            "{} prohibited, {} presumption, {} high_risk, {} review, {} clear; {} row errors",
            self.prohibited, self.presumption, self.high_risk, self.review, self.clear, self.errors
        )
    }

    pub fn count(&mut self, verdict: Verdict) {
        self.lines += 1;
        match verdict {
            Verdict::Prohibited => self.prohibited += 1,
            Verdict::Presumption => self.presumption += 1,
            Verdict::HighRisk => self.high_risk += 1,
            Verdict::Review => self.review += 1,
            Verdict::Clear => self.clear += 1,
        }
    }

    /// How many lines have this verdict.
    pub fn of(&self, verdict: Verdict) -> usize {
        match verdict {
            Verdict::Prohibited => self.prohibited,
            Verdict::Presumption => self.presumption,
            Verdict::HighRisk => self.high_risk,
            Verdict::Review => self.review,
            Verdict::Clear => self.clear,
        }
    }

    /// How many lines reached `level` or above.
    pub fn at_least(&self, level: Verdict) -> usize {
        [
            (Verdict::Prohibited, self.prohibited),
            (Verdict::Presumption, self.presumption),
            (Verdict::HighRisk, self.high_risk),
            (Verdict::Review, self.review),
            (Verdict::Clear, self.clear),
        ]
        .iter()
        .filter(|(v, _)| *v >= level)
        .map(|(_, n)| n)
        .sum()
    }
}

/// The result of screening one manifest.
///
/// Flags cite their law, laws cite legal texts, and evidence items cite sources and notes, by
/// id; `laws`, `legal_texts`, `sources` and `notes` give each once. Reading a document back
/// resolves every id against its table and refuses a document whose ids do not resolve.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, utoipa::ToSchema)]
#[serde(try_from = "ScreeningDocument")]
pub struct Screening {
    pub screening_id: String,
    /// RFC 3339 time the screening ran.
    pub created_at: String,
    pub indicators_version: String,
    pub summary: Summary,
    pub results: Vec<LineResult>,
    pub errors: Vec<RowError>,
    /// Things the reader of the result must know: input problems that did not stop the
    /// screening, and a knowledge base older than the configured maximum (`STALE_LIST`).
    #[serde(default)]
    pub warnings: Vec<Warning>,
    /// Every law the flags cite (`flags[].law[]`), once: its regime, the legal consequence if
    /// the facts are as matched, the texts it rests on, what to do under that regime.
    #[serde(default)]
    #[schema(value_type = std::collections::BTreeMap<String, RegimeLaw>)]
    pub laws: LawTable,
    /// Every legal text the laws cite (`law[].legal_basis[].id`), quoted once: citation, text,
    /// the copy it was checked against, its official publication.
    #[serde(default)]
    #[schema(value_type = std::collections::BTreeMap<String, QuotedText>)]
    pub legal_texts: LegalTextTable,
    /// Every source the evidence cites (`evidence[].source`), once: title, date, URL.
    #[serde(default)]
    #[schema(value_type = std::collections::BTreeMap<String, Source>)]
    pub sources: SourceTable,
    /// Every note the evidence cites (`evidence[].note`), once: what its source documents.
    #[serde(default)]
    pub notes: NoteTable,
}

/// A screening as read from JSON, before its ids are resolved.
#[derive(Deserialize)]
struct ScreeningDocument {
    screening_id: String,
    created_at: String,
    indicators_version: String,
    summary: Summary,
    results: Vec<LineResult>,
    errors: Vec<RowError>,
    #[serde(default)]
    warnings: Vec<Warning>,
    #[serde(default)]
    laws: LawTable,
    #[serde(default)]
    legal_texts: LegalTextTable,
    #[serde(default)]
    sources: SourceTable,
    #[serde(default)]
    notes: NoteTable,
}

impl TryFrom<ScreeningDocument> for Screening {
    type Error = Unresolved;

    fn try_from(mut doc: ScreeningDocument) -> Result<Screening, Unresolved> {
        let mut tables = TableSet {
            legal_texts: doc.legal_texts,
            sources: doc.sources,
            laws: doc.laws,
            notes: doc.notes,
        };
        resolve(&mut doc.results, &mut tables)?;
        Ok(Screening {
            screening_id: doc.screening_id,
            created_at: doc.created_at,
            indicators_version: doc.indicators_version,
            summary: doc.summary,
            results: doc.results,
            errors: doc.errors,
            warnings: doc.warnings,
            laws: tables.laws,
            legal_texts: tables.legal_texts,
            sources: tables.sources,
            notes: tables.notes,
        })
    }
}

/// What kind of warning.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, utoipa::ToSchema)]
#[serde(rename_all = "SCREAMING_SNAKE_CASE")]
pub enum WarningCode {
    /// The OFAC list the screening used is older than the configured maximum age.
    StaleList,
    /// Something about the input (an ambiguous header, a duplicate key) that did not stop it.
    Input,
}

/// A warning attached to a screening.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, utoipa::ToSchema)]
pub struct Warning {
    pub code: WarningCode,
    pub message: String,
    /// `STALE_LIST`: the date of the OFAC list.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub list_date: Option<String>,
    /// `STALE_LIST`: the list's age in days at screening time.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub age_days: Option<i64>,
    /// `STALE_LIST`: the maximum age configured.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub max_age_days: Option<u32>,
}

impl Warning {
    /// A warning about the input.
    pub fn input(message: impl Into<String>) -> Warning {
        Warning {
            code: WarningCode::Input,
            message: message.into(),
            list_date: None,
            age_days: None,
            max_age_days: None,
        }
    }
}

/// Who a screening is: its id, when it ran and against which knowledge base. Made once per
/// screening by [`crate::screening::Screener::header`], whatever the face (CLI, streamed
/// writer, HTTP), so ids and timestamps have one format everywhere.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ScreeningHeader {
    pub screening_id: String,
    /// RFC 3339, UTC.
    pub created_at: String,
    pub indicators_version: String,
}

impl Screening {
    /// Assembles a screening from its header and what screening produced; `tables` list the
    /// laws, legal texts, sources and notes the results cite.
    pub fn new(
        header: ScreeningHeader,
        summary: Summary,
        results: Vec<LineResult>,
        errors: Vec<RowError>,
        warnings: Vec<Warning>,
        mut tables: Tables,
    ) -> Screening {
        results.iter().for_each(|line| tables.add(line));
        let TableSet {
            legal_texts,
            sources,
            laws,
            notes,
        } = tables.set;
        Screening {
            laws,
            legal_texts,
            sources,
            notes,
            screening_id: header.screening_id,
            created_at: header.created_at,
            indicators_version: header.indicators_version,
            summary,
            results,
            errors,
            warnings,
        }
    }

    /// The result for one line of one shipment.
    pub fn line(&self, shipment_id: &str, line: u32) -> Option<&LineResult> {
        self.results
            .iter()
            .find(|r| r.shipment_id == shipment_id && r.line == line)
    }
}
