//! [`Evidence`]: one fact behind a flag — which input field matched which indicator, how well,
//! on whose word, and for name matches which spelling matched and where that spelling comes from.
//!
//! The seam is typed ([`Field`], [`EvidenceKind`], [`SpellingKind`]) so that the renderers match
//! on variants, and a new kind of evidence is a compile error in every renderer that has not
//! learnt to word it, rather than a silent catch-all. The JSON keeps snake_case names.

use serde::{Deserialize, Serialize};

use super::cited::{NoteRef, SourceRef};
use super::identity::Identity;
use crate::indicators::{AliasOrigin, EntityRole, LaborExportBasis, ListKind, Tier};
use crate::manifest::Field;

/// What kind of indicator an evidence item matched.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, utoipa::ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum EvidenceKind {
    /// An OFAC SDN entry with a North Korea nexus (or a later Treasury designation).
    OfacNorthKorea,
    /// An OFAC SDN entry under other programs.
    OfacOther,
    /// A company whose goods CBP detains under CAATSA.
    CbpEnforcement,
    /// A company named by an investigation.
    ReportedEmployer,
    /// North Korea named as a country.
    Country,
    /// A place in North Korea named in a city, address or port field.
    KpPlace,
    /// A port of lading written as a UN/LOCODE whose country part is North Korea.
    PortCode,
    /// A North Korean good on a government list.
    Good,
    /// A region where North Korean workers are reported or documented.
    Region,
    /// A sector reported in that region.
    RegionSector,
    /// A sector and country reported to involve North Korean labor.
    SectorCountry,
    /// A country name that can mean North or South Korea.
    CountryTable,
}

impl EvidenceKind {
    pub fn of_list(list: ListKind) -> EvidenceKind {
        match list {
            ListKind::OfacNorthKorea => EvidenceKind::OfacNorthKorea,
            ListKind::OfacOther => EvidenceKind::OfacOther,
            ListKind::CbpEnforcement => EvidenceKind::CbpEnforcement,
            ListKind::ReportedEmployer => EvidenceKind::ReportedEmployer,
        }
    }

    pub fn as_str(self) -> &'static str {
        match self {
            EvidenceKind::OfacNorthKorea => "ofac_north_korea",
            EvidenceKind::OfacOther => "ofac_other",
            EvidenceKind::CbpEnforcement => "cbp_enforcement",
            EvidenceKind::ReportedEmployer => "reported_employer",
            EvidenceKind::Country => "country",
            EvidenceKind::KpPlace => "kp_place",
            EvidenceKind::PortCode => "port_code",
            EvidenceKind::Good => "good",
            EvidenceKind::Region => "region",
            EvidenceKind::RegionSector => "region_sector",
            EvidenceKind::SectorCountry => "sector_country",
            EvidenceKind::CountryTable => "country_table",
        }
    }

    /// True for matches to a listed party or vessel.
    pub fn is_entity(self) -> bool {
        matches!(
            self,
            EvidenceKind::OfacNorthKorea
                | EvidenceKind::OfacOther
                | EvidenceKind::CbpEnforcement
                | EvidenceKind::ReportedEmployer
        )
    }
}

/// Which spelling of a listed party matched, as the evidence names it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, utoipa::ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum SpellingKind {
    /// The name the list gives.
    ListedName,
    /// An alias in OFAC's alternate-names file.
    OfacAlias,
    /// An `a.k.a.` in the entry's OFAC remarks (OFAC calls these weak aliases).
    OfacRemarksAlias,
    /// A spelling a named source uses; not an OFAC alias.
    SourceSpelling,
    /// A shortening of the listed name made for matching; no source uses it.
    ShortForm,
}

impl SpellingKind {
    pub fn of_alias(origin: AliasOrigin) -> SpellingKind {
        match origin {
            AliasOrigin::OfacAlt => SpellingKind::OfacAlias,
            AliasOrigin::OfacRemarks => SpellingKind::OfacRemarksAlias,
            AliasOrigin::NamedSource => SpellingKind::SourceSpelling,
            AliasOrigin::ShortForm => SpellingKind::ShortForm,
        }
    }
}

/// The spelling that matched and where it comes from.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, utoipa::ToSchema)]
pub struct MatchedSpelling {
    pub kind: SpellingKind,
    /// The source that uses the spelling ([`SpellingKind::SourceSpelling`] only): its id in the
    /// document's `sources`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schema(value_type = Option<String>)]
    pub source: Option<SourceRef>,
}

/// One fact behind a flag: which input matched which indicator, how well, on whose word.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, utoipa::ToSchema)]
pub struct Evidence {
    /// The manifest field the input came from.
    pub field: Field,
    /// The input value, verbatim.
    pub input: String,
    /// What it matched: a listed name or alias, a country, a place, a region, a sector.
    pub matched: String,
    pub indicator_id: String,
    pub kind: EvidenceKind,
    pub tier: Tier,
    /// Match score in [0, 1]; 1 for exact matches of codes and places.
    pub score: f64,
    /// The source's id in the document's `sources` table (title, date, URL).
    #[schema(value_type = String)]
    pub source: SourceRef,
    /// For name matches: which spelling matched and where it comes from.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub spelling: Option<MatchedSpelling>,
    /// What the listed party is or does, per its source.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub role: Option<EntityRole>,
    /// For party and vessel matches: how far the match identifies the listed party.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub identity: Option<Identity>,
    /// For LABOR_EXPORTER: why the entry counts as designated for labor export, on whose word.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub labor_export: Option<LaborExportBasis>,
    /// The source's age in years, when it is older than the age at which current evidence should
    /// be asked for (`screening::age::OLD_SOURCE_YEARS`) at the time of screening.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source_age_years: Option<u32>,
    /// What the source documents, in one sentence: its id in the document's `notes` table.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schema(value_type = Option<String>)]
    pub note: Option<NoteRef>,
}

impl Evidence {
    /// A note of `text`, or none when `text` is blank.
    pub fn note_of(text: &str) -> Option<NoteRef> {
        let text = text.trim();
        (!text.is_empty()).then(|| NoteRef::new(text.to_owned()))
    }

    /// Puts `text` (what this match adds: a lowered score, a matched IMO number) before the
    /// note on what the source documents.
    pub fn prefix_note(&mut self, text: &str) {
        let rest = self.note.as_deref().map_or("", String::as_str);
        self.note = Evidence::note_of(&format!("{text} {rest}"));
    }
}
