//! Flags: what the rules say about a line. A [`Flag`] carries its code, its severity, the legal
//! basis it rests on (quoted, with sources), rebuttal guidance, and the evidence items that
//! raised it, each naming the input field, the matched indicator and that indicator's source.

use std::sync::Arc;

use serde::{Deserialize, Serialize};

use super::verdict::Verdict;
use crate::indicators::{Source, Tier};

/// Every flag the rules can raise.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "SCREAMING_SNAKE_CASE")]
pub enum FlagCode {
    /// Country of origin, a party's country or the port of lading is North Korea.
    KpOrigin,
    /// A party matches an OFAC SDN entry with a North Korea nexus.
    DesignatedParty,
    /// A party matches a company whose goods CBP detains under CAATSA.
    EnforcementTarget,
    /// A party matches an employer named by a credible investigation.
    ReportedNkLabor,
    /// A party is located in a region with a documented North Korean workforce.
    NkLaborRegion,
    /// The line's sector, in the line's country, is reported to use North Korean labor.
    SectorCountryRisk,
    /// A party is a weaker match to a listed entity.
    PossibleMatch,
    /// The vessel matches a North Korea-linked SDN vessel.
    DprkVessel,
    /// A country is written as "Korea" without North or South.
    AmbiguousCountry,
    /// A party or vessel matches an SDN entry under other (non-North Korea) programs.
    SanctionedParty,
}

impl FlagCode {
    pub const ALL: [FlagCode; 10] = [
        FlagCode::KpOrigin,
        FlagCode::DesignatedParty,
        FlagCode::EnforcementTarget,
        FlagCode::ReportedNkLabor,
        FlagCode::NkLaborRegion,
        FlagCode::SectorCountryRisk,
        FlagCode::PossibleMatch,
        FlagCode::DprkVessel,
        FlagCode::AmbiguousCountry,
        FlagCode::SanctionedParty,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            FlagCode::KpOrigin => "KP_ORIGIN",
            FlagCode::DesignatedParty => "DESIGNATED_PARTY",
            FlagCode::EnforcementTarget => "ENFORCEMENT_TARGET",
            FlagCode::ReportedNkLabor => "REPORTED_NK_LABOR",
            FlagCode::NkLaborRegion => "NK_LABOR_REGION",
            FlagCode::SectorCountryRisk => "SECTOR_COUNTRY_RISK",
            FlagCode::PossibleMatch => "POSSIBLE_MATCH",
            FlagCode::DprkVessel => "DPRK_VESSEL",
            FlagCode::AmbiguousCountry => "AMBIGUOUS_COUNTRY",
            FlagCode::SanctionedParty => "SANCTIONED_PARTY",
        }
    }

    /// The severity a flag of this code has by default (NK_LABOR_REGION is `review` when the
    /// line's sector is not one documented in the region).
    pub fn default_severity(self) -> Verdict {
        match self {
            FlagCode::KpOrigin | FlagCode::DesignatedParty | FlagCode::EnforcementTarget => {
                Verdict::Presumption
            }
            FlagCode::ReportedNkLabor
            | FlagCode::NkLaborRegion
            | FlagCode::DprkVessel
            | FlagCode::SanctionedParty => Verdict::HighRisk,
            FlagCode::SectorCountryRisk | FlagCode::PossibleMatch | FlagCode::AmbiguousCountry => {
                Verdict::Review
            }
        }
    }
}

impl std::fmt::Display for FlagCode {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// A quoted legal text (or a sourced summary where the text was not retrieved).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Citation {
    pub citation: String,
    pub text: String,
    pub source: Source,
}

/// One fact behind a flag: which input matched which indicator, how well, on whose word.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Evidence {
    /// Canonical input field (`supplier_name`, `country_of_origin`, ...).
    pub field: String,
    /// The input value, verbatim.
    pub input: String,
    /// What it matched: a listed name or alias, a country, a region, a sector.
    pub matched: String,
    pub indicator_id: String,
    /// What kind of indicator: `ofac_north_korea`, `cbp_enforcement`, `country`, `region` ...
    pub kind: String,
    pub tier: Tier,
    /// Match score in [0, 1]; 1 for exact matches of codes and places.
    pub score: f64,
    pub source: Source,
    /// What the source documents, in one sentence.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
}

/// A flag on a line.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Flag {
    pub code: FlagCode,
    pub severity: Verdict,
    pub title: String,
    /// One sentence, in risk language, saying what matched and on whose word.
    pub summary: String,
    /// Shared between results: the same texts back every flag of a code.
    pub legal_basis: Arc<[Citation]>,
    pub rebuttal: String,
    pub evidence: Vec<Evidence>,
}
