//! Legal and guidance texts the product quotes (statute, regulations, CBP and DHS guidance,
//! the 2018 advisory, ILO indicators), shipped as `data/legal/texts.json`.
//!
//! Every text is a verbatim quotation (cuts marked `[…]`) with its source and a reliability
//! mark, never a paraphrase written here: a compliance officer must be able to tell the
//! statute from a law firm's summary of it. Trade-off: JSON rather than Rust string constants,
//! so the texts can be reviewed against their sources without reading code; the ids the
//! product relies on are constants below and loading fails when one is missing, which gives
//! back the guarantee constants would have given.

use std::collections::HashSet;

use serde::{Deserialize, Serialize};
use thiserror::Error;

use crate::indicators::model::Source;

/// 22 U.S.C. 9241a(a): the rebuttable presumption.
pub const CAATSA_A: &str = "22-usc-9241a-a";
/// 22 U.S.C. 9241a(b): the clear-and-convincing exception.
pub const CAATSA_B: &str = "22-usc-9241a-b";
/// 19 U.S.C. 1307: the forced-labor import prohibition and its definition.
pub const TARIFF_ACT_1307: &str = "19-usc-1307";
/// 19 C.F.R. 12.42(b): the three elements of an allegation.
pub const CFR_12_42_B: &str = "19-cfr-12.42-b";
/// 19 C.F.R. 12.43(a): the seller's certificate (as reproduced by a broker).
pub const CFR_12_43_A_CERTIFICATE: &str = "19-cfr-12.43-a-certificate";
/// 19 C.F.R. 12.43: certificate plus importer statement.
pub const CFR_12_43_IMPORTER_STATEMENT: &str = "19-cfr-12.43-importer-statement";
/// CBP's CAATSA detention text: 30 days, seizure and forfeiture.
pub const CBP_CAATSA_DETENTION: &str = "cbp-caatsa-detention";
/// DHS CAATSA FAQ 1 (2021).
pub const DHS_CAATSA_FAQ_2021: &str = "dhs-caatsa-faq-2021";
/// What "clear and convincing" means (law-firm summary of the DHS FAQ).
pub const CLEAR_AND_CONVINCING: &str = "clear-and-convincing";
/// 31 C.F.R. 510.205 (summary only; regulation text not retrieved).
pub const CFR_31_510_205: &str = "31-cfr-510.205";
/// The 11 ILO indicators of forced labour.
pub const ILO_INDICATORS: &str = "ilo-indicators";
/// 2018 advisory: the two primary risks.
pub const ADVISORY_2018_RISKS: &str = "advisory-2018-risks";
/// 2018 advisory: sub-contracting red flag.
pub const ADVISORY_2018_SUBCONTRACTING: &str = "advisory-2018-subcontracting";
/// 2018 advisory: mislabeling red flag.
pub const ADVISORY_2018_MISLABELING: &str = "advisory-2018-mislabeling";
/// 2018 advisory: joint ventures red flag.
pub const ADVISORY_2018_JOINT_VENTURES: &str = "advisory-2018-joint-ventures";
/// 2018 advisory, Section II: overseas labor (law-firm paraphrase).
pub const ADVISORY_2018_OVERSEAS_LABOR: &str = "advisory-2018-overseas-labor";
/// How to file a forced-labor allegation with CBP.
pub const CBP_FL_ALLEGATION_CHANNEL: &str = "cbp-fl-allegation-channel";
/// The OFAC SDN list (no quotation; reference only).
pub const OFAC_SDN_LIST: &str = "ofac-sdn-list";
/// E.O. 13570 section 1: the import ban on goods from North Korea.
pub const EO_13570: &str = "eo-13570-s1";
/// 31 C.F.R. 510.201(a)(1): blocked property.
pub const CFR_31_510_201: &str = "31-cfr-510.201-a1";
/// 31 C.F.R. 501.603: reports of blocked property within 10 business days.
pub const CFR_31_501_603: &str = "31-cfr-501.603";
/// The 2025 Forced Labor Allegations Portal (law-firm report).
pub const CBP_FL_ALLEGATIONS_PORTAL: &str = "cbp-fl-allegations-portal";
/// Whether CBP discloses an allegation (law-firm report).
pub const CBP_FL_ALLEGATION_DISCLOSURE: &str = "cbp-fl-allegation-disclosure";
/// e-Allegations and 1-800-BE-ALERT (trade press, 2022).
pub const CBP_FL_ALLEGATION_PHONE: &str = "cbp-fl-allegation-phone";
/// caatsa@cbp.dhs.gov (CBP release, 2022).
pub const CBP_CAATSA_CONTACT: &str = "cbp-caatsa-contact";
/// 31 C.F.R. 501.601: records kept at least 5 years.
pub const CFR_31_501_601: &str = "31-cfr-501.601";
/// 31 C.F.R. 510.208(b): vessels that called at a North Korean port.
pub const CFR_31_510_208_B: &str = "31-cfr-510.208-b";
/// 31 C.F.R. 510.207(a): vessels flagged by North Korea.
pub const CFR_31_510_207_A: &str = "31-cfr-510.207-a";

/// Every id the product relies on; loading fails when one is missing.
pub const REQUIRED_IDS: &[&str] = &[
    CAATSA_A,
    CAATSA_B,
    TARIFF_ACT_1307,
    CFR_12_42_B,
    CFR_12_43_A_CERTIFICATE,
    CFR_12_43_IMPORTER_STATEMENT,
    CBP_CAATSA_DETENTION,
    DHS_CAATSA_FAQ_2021,
    CLEAR_AND_CONVINCING,
    CFR_31_510_205,
    ILO_INDICATORS,
    ADVISORY_2018_RISKS,
    ADVISORY_2018_SUBCONTRACTING,
    ADVISORY_2018_MISLABELING,
    ADVISORY_2018_JOINT_VENTURES,
    ADVISORY_2018_OVERSEAS_LABOR,
    CBP_FL_ALLEGATION_CHANNEL,
    CBP_FL_ALLEGATIONS_PORTAL,
    CBP_FL_ALLEGATION_DISCLOSURE,
    CBP_FL_ALLEGATION_PHONE,
    CBP_CAATSA_CONTACT,
    OFAC_SDN_LIST,
    EO_13570,
    CFR_31_510_201,
    CFR_31_501_603,
    CFR_31_501_601,
    CFR_31_510_208_B,
    CFR_31_510_207_A,
];

/// How errors name the texts file.
pub const LEGAL_TEXTS_FILE: &str = "data/legal/texts.json";

const BUILTIN_TEXTS: &[u8] = include_bytes!(concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/data/legal/texts.json"
));

/// How far a text can be relied on, as the domain facts mark it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, utoipa::ToSchema)]
pub enum Reliability {
    /// U.S. government text (statute, regulation, agency page or a verbatim copy of one).
    #[serde(rename = "GOV")]
    Gov,
    /// A third-party site reproducing a government document; not checked against the original.
    #[serde(rename = "GOV-copy")]
    GovCopy,
    /// Secondary source (law firm, press, NGO): a lead, not law.
    #[serde(rename = "SEC")]
    Sec,
    /// An international organization's text (e.g. the ILO) as reproduced by a third party.
    #[serde(rename = "IO-copy")]
    IoCopy,
}

/// One quoted text with its provenance.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct LegalText {
    pub id: String,
    /// How the text is cited (e.g. `22 U.S.C. 9241a(b)`).
    pub citation: String,
    pub title: String,
    /// The verbatim quotation; `None` when no text was retrieved (reference entries).
    pub text: Option<String>,
    pub reliability: Reliability,
    pub source: Source,
    /// Further copies or updates of the same text.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub see_also: Vec<Source>,
    /// What the reader must know about the text (gaps, newer channels, caveats).
    pub note: String,
    /// Where the text is officially published (U.S. Code, eCFR, Federal Register); `source` is
    /// the copy its words were checked against.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub official: Option<Official>,
}

/// The official publication of a legal text.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Official {
    pub title: String,
    pub url: String,
}

#[derive(Debug, Error)]
pub enum LegalError {
    #[error("{file}: line {line}, column {column}: {message}; fix the JSON (an array of text objects with id, citation, title, text, reliability, source, note)")]
    Json {
        file: &'static str,
        line: usize,
        column: usize,
        message: String,
    },
    #[error("{file}: text `{id}`, field `{field}`: {problem}; {fix}")]
    Invalid {
        file: &'static str,
        id: String,
        field: &'static str,
        problem: String,
        fix: &'static str,
    },
    #[error("{file}: required texts missing: {}; add them (the product quotes them by id)", missing.join(", "))]
    Missing {
        file: &'static str,
        missing: Vec<String>,
    },
}

/// The loaded texts, looked up by id.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct LegalTexts {
    texts: Vec<LegalText>,
}

impl LegalTexts {
    /// Parses and validates a texts file; every id in [`REQUIRED_IDS`] must be present.
    pub fn from_json(bytes: &[u8]) -> Result<Self, LegalError> {
        let texts: Vec<LegalText> =
            serde_json::from_slice(bytes).map_err(|err| LegalError::Json {
                file: LEGAL_TEXTS_FILE,
                line: err.line(),
                column: err.column(),
                message: err.to_string(),
            })?;
        let mut ids = HashSet::new();
        for text in &texts {
            validate(text)?;
            if !ids.insert(text.id.as_str()) {
                return Err(invalid(
                    text,
                    "id",
                    "appears twice",
                    "give every text its own id",
                ));
            }
        }
        let missing: Vec<String> = REQUIRED_IDS
            .iter()
            .filter(|id| !ids.contains(**id))
            .map(|id| (*id).to_owned())
            .collect();
        if !missing.is_empty() {
            return Err(LegalError::Missing {
                file: LEGAL_TEXTS_FILE,
                missing,
            });
        }
        Ok(LegalTexts { texts })
    }

    /// The texts shipped with the crate (compiled in).
    pub fn builtin() -> Result<Self, LegalError> {
        Self::from_json(BUILTIN_TEXTS)
    }

    pub fn get(&self, id: &str) -> Option<&LegalText> {
        self.texts.iter().find(|text| text.id == id)
    }

    pub fn iter(&self) -> impl Iterator<Item = &LegalText> {
        self.texts.iter()
    }

    pub fn len(&self) -> usize {
        self.texts.len()
    }

    pub fn is_empty(&self) -> bool {
        self.texts.is_empty()
    }
}

fn invalid(
    text: &LegalText,
    field: &'static str,
    problem: impl Into<String>,
    fix: &'static str,
) -> LegalError {
    LegalError::Invalid {
        file: LEGAL_TEXTS_FILE,
        id: text.id.clone(),
        field,
        problem: problem.into(),
        fix,
    }
}

fn validate(text: &LegalText) -> Result<(), LegalError> {
    const SOURCE_FIX: &str =
        "give the source title, date (or `n.d.` / `as codified`) and URL as the source list has them";
    let required = [
        ("id", text.id.as_str()),
        ("citation", text.citation.as_str()),
        ("title", text.title.as_str()),
        ("note", text.note.as_str()),
    ];
    if let Some((field, _)) = required.iter().find(|(_, value)| value.trim().is_empty()) {
        return Err(invalid(text, field, "is empty", "fill it in"));
    }
    if text.text.as_deref().is_some_and(|t| t.trim().is_empty()) {
        return Err(invalid(
            text,
            "text",
            "is an empty string",
            "quote the source verbatim, or write null when no text was retrieved",
        ));
    }
    for source in std::iter::once(&text.source).chain(&text.see_also) {
        if source.title.trim().is_empty() || source.date.trim().is_empty() {
            return Err(invalid(
                text,
                "source",
                "has an empty title or date",
                SOURCE_FIX,
            ));
        }
        if !(source.url.starts_with("https://") || source.url.starts_with("http://")) {
            return Err(invalid(
                text,
                "source",
                format!("URL `{}` is not an http(s) address", source.url),
                SOURCE_FIX,
            ));
        }
    }
    if let Some(official) = &text.official {
        const OFFICIAL_HOSTS: [&str; 3] = [
            "https://uscode.house.gov/",
            "https://www.ecfr.gov/",
            "https://www.federalregister.gov/",
        ];
        if !OFFICIAL_HOSTS.iter().any(|h| official.url.starts_with(h)) {
            return Err(invalid(
                text,
                "official",
                format!("URL `{}` is not an official publication", official.url),
                "link uscode.house.gov, www.ecfr.gov or www.federalregister.gov",
            ));
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn entry(id: &str, url: &str) -> serde_json::Value {
        serde_json::json!({
            "id": id, "citation": "C", "title": "T", "text": "Quoted.", "reliability": "GOV",
            "source": {"title": "S", "date": "n.d.", "url": url}, "note": "N"
        })
    }

    fn all_required(url_of_first: &str) -> Vec<serde_json::Value> {
        REQUIRED_IDS
            .iter()
            .enumerate()
            .map(|(at, id)| {
                entry(
                    id,
                    if at == 0 {
                        url_of_first
                    } else {
                        "https://example.org"
                    },
                )
            })
            .collect()
    }

    #[test]
    fn a_file_with_every_required_id_loads() {
        let json = serde_json::to_vec(&all_required("https://example.org")).expect("json");
        let texts = LegalTexts::from_json(&json).expect("valid");
        assert_eq!(texts.len(), REQUIRED_IDS.len());
        assert!(texts.get(CAATSA_A).is_some());
    }

    #[test]
    fn a_missing_required_id_is_named() {
        let mut entries = all_required("https://example.org");
        entries.retain(|e| e["id"] != CAATSA_B);
        let json = serde_json::to_vec(&entries).expect("json");
        let err = LegalTexts::from_json(&json).expect_err("missing");
        assert!(err.to_string().contains(CAATSA_B), "{err}");
    }

    #[test]
    fn a_relative_source_url_is_rejected() {
        let json = serde_json::to_vec(&all_required("dhs.gov/faq")).expect("json");
        let err = LegalTexts::from_json(&json).expect_err("bad url");
        assert!(err.to_string().contains("not an http(s) address"), "{err}");
    }

    #[test]
    fn an_unknown_reliability_mark_is_a_json_error_with_position() {
        let mut entries = all_required("https://example.org");
        entries[0]["reliability"] = serde_json::json!("BLOG");
        let json = serde_json::to_vec_pretty(&entries).expect("json");
        let err = LegalTexts::from_json(&json).expect_err("bad mark");
        assert!(
            matches!(err, LegalError::Json { line, .. } if line > 1),
            "{err}"
        );
    }
}
