//! The vocabulary of the knowledge base: sources, evidence tiers, listed entities and the
//! country, region and sector indicators. Every indicator carries the [`Source`] it rests on;
//! a rule that cannot name a source for its evidence is a bug.

use serde::{Deserialize, Serialize};

/// Where a fact comes from: shown with every flag and every tip-draft reason.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Source {
    pub title: String,
    /// As written by the source list (usually ISO `YYYY-MM-DD`, sometimes `YYYY-MM` or a range).
    pub date: String,
    pub url: String,
}

/// How strong the evidence behind an indicator is, strongest first.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Tier {
    /// A government designation (OFAC SDN list, a Treasury designation).
    GovDesignation,
    /// A government enforcement action (CBP CAATSA detention, a CBP ruling).
    GovEnforcement,
    /// A credible investigation (AP 2017, Outlaw Ocean Project 2024).
    InvestigativeReport,
    /// Advisories, lists and reporting about countries, regions and sectors.
    Advisory,
}

impl Tier {
    pub fn as_str(self) -> &'static str {
        match self {
            Tier::GovDesignation => "gov_designation",
            Tier::GovEnforcement => "gov_enforcement",
            Tier::InvestigativeReport => "investigative_report",
            Tier::Advisory => "advisory",
        }
    }
}

/// What kind of party a listed entry is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum EntityType {
    Person,
    Organization,
    Vessel,
    Aircraft,
}

/// Which list an entity is on; this decides which flag a match raises.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ListKind {
    /// OFAC SDN entry with a North Korea nexus: a DPRK program tag, an address in North Korea,
    /// North Korean nationality/citizenship/passport/birthplace, or the North Korean flag.
    /// Also Treasury designations under North Korea programs reported after the shipped SDN file.
    OfacNorthKorea,
    /// OFAC SDN entry under other programs only (full-list screening).
    OfacOther,
    /// A company whose goods CBP detains under CAATSA, or named in a CBP CAATSA ruling.
    CbpEnforcement,
    /// An employer named by a credible investigation as employing North Korean workers.
    ReportedEmployer,
}

impl ListKind {
    pub fn as_str(self) -> &'static str {
        match self {
            ListKind::OfacNorthKorea => "ofac_north_korea",
            ListKind::OfacOther => "ofac_other",
            ListKind::CbpEnforcement => "cbp_enforcement",
            ListKind::ReportedEmployer => "reported_employer",
        }
    }
}

/// OFAC distinguishes strong aliases (alt.csv) from "weak" ones (quoted a.k.a.s in Remarks):
/// weak aliases are short or generic and only count on an exact, whole-name match.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum AliasStrength {
    Strong,
    Weak,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Alias {
    pub name: String,
    pub strength: AliasStrength,
    /// `aka`, `fka` or `nka` as OFAC writes it.
    pub alias_type: String,
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Address {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub address: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub city: Option<String>,
    /// The country as the list writes it (e.g. OFAC's `Korea, North`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub country: Option<String>,
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct VesselInfo {
    /// Seven-digit IMO number, digits only.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub imo: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub flag: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub call_sign: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub vessel_type: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub owner: Option<String>,
}

/// A listed party: an SDN entry, a CBP enforcement target or an investigated employer.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ListedEntity {
    /// Stable id: `ofac:<ent_num>` for SDN entries, `cbp:<slug>` / `inv:<slug>` / `treas:<slug>`
    /// for curated ones.
    pub id: String,
    pub name: String,
    pub entity_type: EntityType,
    pub list: ListKind,
    pub tier: Tier,
    /// OFAC program tags (e.g. `DPRK3`, `NPWMD`); empty for curated entries.
    #[serde(default)]
    pub programs: Vec<String>,
    #[serde(default)]
    pub aliases: Vec<Alias>,
    #[serde(default)]
    pub addresses: Vec<Address>,
    /// ISO 3166 alpha-2 codes tied to the entry (addresses, nationality, citizenship, flag).
    #[serde(default)]
    pub country_codes: Vec<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub vessel: Option<VesselInfo>,
    /// OFAC Remarks (joined with the sdn_comments overflow).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub remarks: Option<String>,
    /// What the sources document about this party and North Korean labor, in risk language.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
    pub source: Source,
    /// Further sources (e.g. the Treasury release that ties an SDN entry to labor export).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub extra_sources: Vec<Source>,
}

/// A country reported to host North Korean workers (or North Korea itself).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct CountryIndicator {
    /// ISO 3166 alpha-2.
    pub code: String,
    pub name: String,
    pub tier: Tier,
    pub source: Source,
    pub note: String,
}

/// A sector as the knowledge base names it (e.g. `seafood`, `apparel`).
pub type SectorId = String;

/// A region with a documented North Korean workforce, and the sectors documented there.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Region {
    pub id: String,
    pub name: String,
    #[serde(default)]
    pub aliases: Vec<String>,
    /// ISO alpha-2 of the country the region lies in; empty when the region spans several
    /// countries (e.g. `Middle East`).
    pub country: String,
    pub tier: Tier,
    pub source: Source,
    pub note: String,
    /// Sectors documented in this region, each with the source that documents it there.
    #[serde(default)]
    pub sectors: Vec<RegionSector>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct RegionSector {
    pub sector: SectorId,
    pub tier: Tier,
    pub source: Source,
    pub note: String,
}

/// A sector in a country reported to use North Korean labor (e.g. seafood processed in China).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SectorCountryRisk {
    pub sector: SectorId,
    /// ISO alpha-2.
    pub country: String,
    pub tier: Tier,
    pub source: Source,
    pub note: String,
}
