//! Flags: what the rules say about a line. A [`Flag`] carries its code, its severity, the legal
//! regime(s) it belongs to with each regime's legal basis and guidance kept apart
//! ([`RegimeLaw`]), the identity confidence of a party or vessel match, and the evidence items that
//! raised it (see [`super::evidence`]).

use std::sync::Arc;

use serde::{Deserialize, Serialize};

use super::cited::LawRef;
use super::evidence::Evidence;
use super::identity::Identity;
use super::regime::Regime;
use super::verdict::Verdict;
use crate::indicators::Source;

/// Every flag the rules can raise.
#[derive(
    Debug,
    Clone,
    Copy,
    PartialEq,
    Eq,
    Hash,
    PartialOrd,
    Ord,
    Serialize,
    Deserialize,
    utoipa::ToSchema,
)]
#[serde(rename_all = "SCREAMING_SNAKE_CASE")]
pub enum FlagCode {
    /// Country of origin, a party's country or place, or the port of lading is North Korea.
    KpOrigin,
    /// A party matches an OFAC SDN entry with a North Korea nexus.
    DesignatedParty,
    /// A party matches an SDN entry designated for the exportation of North Korean workers.
    LaborExporter,
    /// A party matches a company whose goods CBP detains under CAATSA.
    EnforcementTarget,
    /// A party matches a company named by a credible investigation.
    ReportedNkLabor,
    /// A party is located in a region where North Korean workers are reported or documented.
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
    pub const ALL: [FlagCode; 11] = [
        FlagCode::KpOrigin,
        FlagCode::DesignatedParty,
        FlagCode::SanctionedParty,
        FlagCode::DprkVessel,
        FlagCode::LaborExporter,
        FlagCode::EnforcementTarget,
        FlagCode::ReportedNkLabor,
        FlagCode::NkLaborRegion,
        FlagCode::SectorCountryRisk,
        FlagCode::PossibleMatch,
        FlagCode::AmbiguousCountry,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            FlagCode::KpOrigin => "KP_ORIGIN",
            FlagCode::DesignatedParty => "DESIGNATED_PARTY",
            FlagCode::LaborExporter => "LABOR_EXPORTER",
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

    pub fn parse(text: &str) -> Option<FlagCode> {
        FlagCode::ALL
            .into_iter()
            .find(|c| c.as_str() == text.trim())
    }

    /// The legal regimes a flag of this code belongs to, the prohibition first.
    pub fn regimes(self) -> &'static [Regime] {
        match self {
            FlagCode::KpOrigin => &[Regime::OfacSanctions, Regime::ForcedLabor],
            FlagCode::DesignatedParty | FlagCode::SanctionedParty | FlagCode::DprkVessel => {
                &[Regime::OfacSanctions]
            }
            FlagCode::LaborExporter | FlagCode::EnforcementTarget => &[Regime::ForcedLabor],
            FlagCode::ReportedNkLabor
            | FlagCode::NkLaborRegion
            | FlagCode::SectorCountryRisk
            | FlagCode::PossibleMatch
            | FlagCode::AmbiguousCountry => &[Regime::RiskIndicator],
        }
    }

    /// The severity a flag of this code has when its facts hold as matched. A party or vessel
    /// match whose identity rests on a short or common name alone is lowered to `high_risk`
    /// (see [`super::identity`]); NK_LABOR_REGION is `review` when the line's sector is not one
    /// reported in the region.
    pub fn default_severity(self) -> Verdict {
        match self {
            FlagCode::KpOrigin
            | FlagCode::DesignatedParty
            | FlagCode::SanctionedParty
            | FlagCode::DprkVessel => Verdict::Prohibited,
            FlagCode::LaborExporter | FlagCode::EnforcementTarget => Verdict::Presumption,
            FlagCode::ReportedNkLabor | FlagCode::NkLaborRegion => Verdict::HighRisk,
            FlagCode::SectorCountryRisk | FlagCode::PossibleMatch | FlagCode::AmbiguousCountry => {
                Verdict::Review
            }
        }
    }

    /// True for flags raised by a name match to a listed party or vessel.
    pub fn is_party_match(self) -> bool {
        matches!(
            self,
            FlagCode::DesignatedParty
                | FlagCode::SanctionedParty
                | FlagCode::DprkVessel
                | FlagCode::LaborExporter
                | FlagCode::EnforcementTarget
                | FlagCode::ReportedNkLabor
                | FlagCode::PossibleMatch
        )
    }
}

impl std::fmt::Display for FlagCode {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// The official publication of a legal text (U.S. Code, eCFR, Federal Register).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, utoipa::ToSchema)]
pub struct OfficialPublication {
    pub title: String,
    pub url: String,
}

/// A flag's reference to a legal text: the text's id in the document's `legal_texts` table and
/// how it is cited, so a reader sees which law without a look-up.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, utoipa::ToSchema)]
#[serde(from = "CitationIn")]
pub struct Citation {
    /// The key of the quoted text in the document's `legal_texts`.
    pub id: String,
    pub citation: String,
    /// A result stored before the `legal_texts` table existed quoted the text here; reading it
    /// keeps the quote (under an id made from its content) so that nothing of the record is
    /// lost. Never written.
    #[serde(skip)]
    #[schema(ignore)]
    pub inline: Option<Box<QuotedText>>,
}

/// A citation as read: the current `{id, citation}` or the earlier inline quotation.
#[derive(Deserialize)]
struct CitationIn {
    #[serde(default)]
    id: String,
    citation: String,
    text: Option<String>,
    source: Option<Source>,
    official: Option<OfficialPublication>,
}

impl From<CitationIn> for Citation {
    fn from(c: CitationIn) -> Citation {
        let inline = match (c.text, c.source) {
            (Some(text), Some(source)) if c.id.is_empty() => Some(Box::new(QuotedText {
                citation: c.citation.clone(),
                text,
                source,
                official: c.official,
            })),
            _ => None,
        };
        let id = match &inline {
            Some(q) => super::cited::content_id("text", &[&q.citation, &q.text]),
            None => c.id,
        };
        Citation {
            id,
            citation: c.citation,
            inline,
        }
    }
}

/// A quoted legal text (or a sourced summary where the text was not retrieved), as a result
/// document carries it once in its `legal_texts` table.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, utoipa::ToSchema)]
pub struct QuotedText {
    pub citation: String,
    pub text: String,
    /// The copy the quoted words were checked against.
    pub source: Source,
    /// Where the text is officially published, when it is law.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub official: Option<OfficialPublication>,
}

/// One regime's part of a flag: what follows under that regime if the facts are as matched,
/// the texts it rests on, and what to do. A document gives each once, in its `laws` table.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, utoipa::ToSchema)]
pub struct RegimeLaw {
    pub regime: Regime,
    /// One sentence: the legal consequence, conditional on the facts.
    pub consequence: String,
    /// The texts it rests on, quoted once in the document's `legal_texts`.
    pub legal_basis: Vec<Citation>,
    /// What to do under this regime, and only this one.
    pub guidance: String,
}

/// A flag on a line.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, utoipa::ToSchema)]
pub struct Flag {
    pub code: FlagCode,
    pub severity: Verdict,
    pub regimes: Vec<Regime>,
    pub title: String,
    /// One sentence, in risk language, saying what matched and on whose word.
    pub summary: String,
    /// For party and vessel matches: how far the match identifies the listed party.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub identity: Option<Identity>,
    /// Per regime, in the order of `regimes`: the id of its consequence, legal basis and
    /// guidance in the document's `laws` table. Shared between results: the same texts back
    /// every flag of a code and sector family.
    #[schema(value_type = Vec<String>)]
    pub law: Arc<[LawRef]>,
    pub evidence: Vec<Evidence>,
    /// What analysts of the same tenant decided earlier about the same subject (same flag,
    /// listed entity, matched input and party), oldest first. Shown, never applied: the
    /// verdict still follows the lists. Only screenings made by the service carry them.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub prior_decisions: Vec<super::prior::PriorDecision>,
}
