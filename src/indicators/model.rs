//! The vocabulary of the knowledge base: sources, evidence tiers, listed entities and the
//! country, region and sector indicators. Every indicator carries the [`Source`] it rests on;
//! a rule that cannot name a source for its evidence is a bug.

use serde::{Deserialize, Serialize};

/// Where a fact comes from: shown with every flag and every tip-draft reason.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize, utoipa::ToSchema)]
pub struct Source {
    pub title: String,
    /// As written by the source list (usually ISO `YYYY-MM-DD`, sometimes `YYYY-MM` or a range).
    pub date: String,
    pub url: String,
}

/// How strong the evidence behind an indicator is, strongest first.
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
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, utoipa::ToSchema)]
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

/// Where an alias spelling comes from. Evidence says it, because "an OFAC alias" and "a spelling a
/// newspaper used" are not the same fact: only the first is OFAC's word that the names are one
/// party.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum AliasOrigin {
    /// OFAC's alternate-names file (`alt.csv`).
    #[default]
    OfacAlt,
    /// An `a.k.a.` in the entry's OFAC Remarks (OFAC calls these weak aliases).
    OfacRemarks,
    /// A spelling a named source uses (press, a Treasury release, the company itself); not an
    /// OFAC alias. The alias carries that source.
    NamedSource,
    /// A shortening or reordering of the listed name made for matching; no source uses it.
    ShortForm,
}

impl AliasOrigin {
    pub fn as_str(self) -> &'static str {
        match self {
            AliasOrigin::OfacAlt => "ofac_alt",
            AliasOrigin::OfacRemarks => "ofac_remarks",
            AliasOrigin::NamedSource => "named_source",
            AliasOrigin::ShortForm => "short_form",
        }
    }

    pub const ALL: [AliasOrigin; 4] = [
        AliasOrigin::OfacAlt,
        AliasOrigin::OfacRemarks,
        AliasOrigin::NamedSource,
        AliasOrigin::ShortForm,
    ];
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Alias {
    pub name: String,
    pub strength: AliasStrength,
    /// `aka`, `fka` or `nka` as OFAC writes it.
    pub alias_type: String,
    #[serde(default)]
    pub origin: AliasOrigin,
    /// The source that uses this spelling ([`AliasOrigin::NamedSource`] only).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source: Option<Source>,
}

/// What a listed party is or does, as its source describes it. Flag titles follow the role, so a
/// distributor is never called an employer.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, utoipa::ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum EntityRole {
    /// Designated for the exportation (or management abroad) of North Korean workers.
    LaborExporter,
    /// Linked by OFAC to another designated entity (subsidiary, subordinate firm).
    Affiliate,
    /// A front company for a designated entity.
    FrontCompany,
    /// A company designated for generating revenue for North Korea (projects abroad).
    RevenueGenerator,
    /// A supplier to a designated entity.
    Supplier,
    /// A North Korean ministry, bureau or department.
    GovernmentBody,
    /// A person designated as an official or manager.
    Official,
    /// A producer whose merchandise CBP detains under CAATSA.
    DetainedProducer,
    /// A processing plant named by an investigation as using North Korean workers.
    Processor,
    /// A factory named by an investigation as using North Korean workers.
    Factory,
    /// A distributor of goods from plants named by an investigation.
    Distributor,
    /// The sources consulted do not say why the party is listed.
    Unstated,
}

impl EntityRole {
    pub const ALL: [EntityRole; 12] = [
        EntityRole::LaborExporter,
        EntityRole::Affiliate,
        EntityRole::FrontCompany,
        EntityRole::RevenueGenerator,
        EntityRole::Supplier,
        EntityRole::GovernmentBody,
        EntityRole::Official,
        EntityRole::DetainedProducer,
        EntityRole::Processor,
        EntityRole::Factory,
        EntityRole::Distributor,
        EntityRole::Unstated,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            EntityRole::LaborExporter => "labor_exporter",
            EntityRole::Affiliate => "affiliate",
            EntityRole::FrontCompany => "front_company",
            EntityRole::RevenueGenerator => "revenue_generator",
            EntityRole::Supplier => "supplier",
            EntityRole::GovernmentBody => "government_body",
            EntityRole::Official => "official",
            EntityRole::DetainedProducer => "detained_producer",
            EntityRole::Processor => "processor",
            EntityRole::Factory => "factory",
            EntityRole::Distributor => "distributor",
            EntityRole::Unstated => "unstated",
        }
    }

    pub fn parse(text: &str) -> Option<EntityRole> {
        EntityRole::ALL.into_iter().find(|r| r.as_str() == text)
    }
}

/// Why a listed entry counts as designated for the exportation of North Korean workers, and on
/// whose word: the curated source of the entry itself, or OFAC's own `Linked To:` remark naming
/// an entry that is.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, utoipa::ToSchema)]
pub struct LaborExportBasis {
    pub via: LaborExportVia,
    /// One sentence: what the source says.
    pub statement: String,
    pub source: Source,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, utoipa::ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum LaborExportVia {
    /// The entry's own designation, as a Treasury release or its reporting states it.
    Designation,
    /// OFAC's remarks link the entry (`Linked To:`) to an entry designated for labor export.
    OfacLinkedTo,
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
    /// What the party is or does, per the curated sources (`None` for SDN entries no curated
    /// row describes).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub role: Option<EntityRole>,
    /// The names OFAC's remarks link the entry to (`Linked To: ...`).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub linked_to: Vec<String>,
    /// Set when the entry is designated for the exportation of North Korean workers (derived
    /// when the knowledge base is assembled).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub labor_export: Option<LaborExportBasis>,
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
pub type SectorId = super::sector::Sector;

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
