//! [`TipDraft`]: the allegation draft as data. Its serde form IS the JSON rendering, and the
//! Markdown and HTML renderers only lay it out, so the three faces cannot disagree.
//!
//! Trade-off: every sentence a renderer shows is built here (in the library, once), not in the
//! templates; the model is therefore wordier than a pure data record, but a reviewer checking
//! the wording of a draft reads one place and every format carries the same words.

use serde::{Deserialize, Serialize};

use crate::indicators::legal::Reliability;
use crate::indicators::{ListKind, Source, Tier};
use crate::screening::{FlagCode, Verdict};

/// A complete allegation draft, in the order it is printed.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, utoipa::ToSchema)]
pub struct TipDraft {
    pub header: TipHeader,
    /// Where to file (the current channel first), what to ask CBP for, and confidentiality.
    pub filing: Vec<Guidance>,
    /// What the submitter must look at before filing: what is new to CBP when the party is
    /// already under CBP enforcement, and how old the evidence is against the shipment dates.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub checks: Vec<Guidance>,
    /// For a supplier draft: every bill of lading of the supplier, with totals.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub pattern: Option<Pattern>,
    /// 22 U.S.C. 9241a(a) and (b), and 19 U.S.C. 1307, quoted.
    pub legal_basis: Vec<Quote>,
    /// 19 C.F.R. 12.42(b), quoted whole: the three elements every allegation must carry.
    pub requirements: Quote,
    /// Element (1): the reasons for the belief.
    pub reasons: ReasonsSection,
    /// Element (2): the merchandise.
    pub merchandise: MerchandiseSection,
    /// Element (3): the production abroad.
    pub production: ProductionSection,
    pub ilo_indicators: IloChecklist,
    /// What evidence to gather and attach, with a note on keeping sources and workers safe.
    pub evidence_checklist: Guidance,
    pub submitter: Submitter,
    /// The sources of the evidence (the reasons, the documented facts, the records matched),
    /// once each, in order of first citation. Law and channel texts are cited where quoted.
    pub attachments: Vec<Attachment>,
    pub next_steps: NextSteps,
}

/// How strong the draft's evidence is, from its highest flag.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, utoipa::ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum EvidenceStrength {
    /// A flag on which the CAATSA presumption applies (North Korean origin, a labor-exporter
    /// SDN match, a CBP CAATSA enforcement target).
    Strong,
    /// High-risk flags, or OFAC sanctions matches without a labor nexus.
    Moderate,
    /// Review flags only (a possible match, a sector or country risk, an ambiguous country).
    Weak,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, utoipa::ToSchema)]
pub struct TipHeader {
    /// "Draft allegation — verify every fact before submitting".
    pub title: String,
    /// The date the draft was prepared (ISO 8601), as passed by the caller.
    pub date: String,
    /// The knowledge-base version the screening ran against.
    pub indicators_version: String,
    /// The screening(s) the draft was built from.
    pub screening_ids: Vec<String>,
    /// What the draft is about: one shipment, or one supplier across shipments.
    pub subject: TipSubject,
    /// The lines the draft covers, as `shipment line N`.
    pub lines: Vec<LineRef>,
    /// The highest verdict among the covered lines.
    pub verdict: Verdict,
    pub evidence_strength: EvidenceStrength,
    /// One sentence on what the strength means; for weak evidence, a warning.
    pub strength_statement: String,
    /// What the reader must know before using the draft (prominent in every rendering).
    pub notices: Vec<String>,
}

/// What a draft is about.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, utoipa::ToSchema)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum TipSubject {
    /// Flagged lines of one shipment (bill of lading).
    Shipment { shipment_id: String },
    /// One supplier or manufacturer across all its lines: the name asked for and the spellings
    /// the manifests use for it.
    Supplier {
        name: String,
        spellings: Vec<String>,
    },
}

/// One manifest line: its shipment and line number.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, utoipa::ToSchema)]
pub struct LineRef {
    pub shipment_id: String,
    pub line: u32,
}

/// A section of plain guidance: paragraphs, an optional checklist, and the texts it rests on.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, utoipa::ToSchema)]
pub struct Guidance {
    pub title: String,
    pub paragraphs: Vec<String>,
    /// Items to tick or fill in (empty when the section is prose only).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub checklist: Vec<String>,
    /// The texts the paragraphs quote or rely on, each with its reliability.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub sources: Vec<GuidanceSource>,
}

/// A source of a guidance section.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, utoipa::ToSchema)]
pub struct GuidanceSource {
    pub title: String,
    pub date: String,
    pub url: String,
    pub reliability: Reliability,
}

/// The supplier's shipments, as the manifests record them.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, utoipa::ToSchema)]
pub struct Pattern {
    /// One row per manifest line of the supplier, in arrival order (undated lines last).
    pub shipments: Vec<PatternShipment>,
    pub by_importer: Vec<PatternTotal>,
    /// Months as `YYYY-MM`; lines without a readable arrival date under `date not given`.
    pub by_month: Vec<PatternTotal>,
    pub vessels: Vec<PatternTotal>,
    pub totals: PatternTotal,
}

/// One line of the supplier's, with the facts CBP acts on.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, utoipa::ToSchema)]
pub struct PatternShipment {
    pub shipment_id: String,
    pub line: u32,
    pub arrival_date: Option<String>,
    pub port_of_unlading: Option<String>,
    /// The importer of record, else the consignee, as the manifest gives it.
    pub importer: Option<String>,
    /// The supplier's name as this line spells it.
    pub supplier_as_written: String,
    pub hts_code: Option<String>,
    pub description: Option<String>,
    pub quantity: Option<String>,
    pub value_usd: Option<f64>,
    pub vessel_name: Option<String>,
    pub container_numbers: Vec<String>,
    pub entry_number: Option<String>,
}

/// A count of lines and a sum of declared values for one group.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, utoipa::ToSchema)]
pub struct PatternTotal {
    pub key: String,
    pub lines: usize,
    pub bills_of_lading: usize,
    /// The sum of declared values, over the lines that declare one.
    pub value_usd: f64,
    /// Lines of the group without a declared value (not in the sum).
    pub lines_without_value: usize,
}

/// A verbatim quotation from the knowledge base's legal texts, with its provenance.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, utoipa::ToSchema)]
pub struct Quote {
    /// The legal text's id in `data/legal/texts.json`.
    pub id: String,
    pub citation: String,
    pub title: String,
    pub text: String,
    pub reliability: Reliability,
    pub source: Source,
    /// The knowledge base's note on the text (gaps, caveats, newer channels).
    pub note: String,
    /// Further copies or updates of the same text.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub see_also: Vec<Source>,
}

/// A source as cited for a piece of evidence, with the evidence tier it supports.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, utoipa::ToSchema)]
pub struct CitedSource {
    pub title: String,
    pub date: String,
    pub url: String,
    pub tier: Tier,
}

impl CitedSource {
    pub fn new(source: &Source, tier: Tier) -> CitedSource {
        CitedSource {
            title: source.title.clone(),
            date: source.date.clone(),
            url: source.url.clone(),
            tier,
        }
    }
}

/// One element of 19 C.F.R. 12.42(b), worded as the regulation words it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, utoipa::ToSchema)]
pub struct Requirement {
    /// `19 C.F.R. 12.42(b)(1)`.
    pub citation: String,
    /// The element's words, quoted from the regulation (`A full statement of the reasons for
    /// the belief`).
    pub wording: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, utoipa::ToSchema)]
pub struct ReasonsSection {
    pub requirement: Requirement,
    pub reasons: Vec<Reason>,
}

/// One numbered reason: one flag of one line, in plain sentences, with its sources.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, utoipa::ToSchema)]
pub struct Reason {
    pub number: usize,
    pub shipment_id: String,
    pub line: u32,
    pub flag: FlagCode,
    pub severity: Verdict,
    /// The flag's title.
    pub title: String,
    /// Plain sentences in risk language, one per item of evidence.
    pub statement: String,
    pub sources: Vec<CitedSource>,
    /// Other lines the same flag holds on for the same sources (supplier drafts group them).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub also_on: Vec<LineRef>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, utoipa::ToSchema)]
pub struct MerchandiseSection {
    pub requirement: Requirement,
    pub items: Vec<MerchandiseItem>,
}

/// What the manifest says about the goods of one line. `None` means the manifest does not say.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, utoipa::ToSchema)]
pub struct MerchandiseItem {
    /// The shipment id, usually the bill of lading number.
    pub shipment_id: String,
    pub line: u32,
    pub entry_number: Option<String>,
    pub arrival_date: Option<String>,
    /// The US port of unlading.
    pub port_of_unlading: Option<String>,
    pub consignee: Option<String>,
    pub container_numbers: Vec<String>,
    pub marks: Option<String>,
    pub description: Option<String>,
    /// The HTS code as written on the manifest.
    pub hts_code: Option<String>,
    pub hts_official: Option<HtsOfficial>,
    pub quantity: Option<String>,
    pub value_usd: Option<f64>,
    pub country_of_origin: Option<String>,
    /// The country of origin as the ISO table names it, when it resolves.
    pub country_of_origin_name: Option<String>,
    pub port_of_lading: Option<String>,
    /// The port as CBP's Schedule K names it, when it resolves (`57047 Dalian, China`).
    pub port_of_lading_official: Option<String>,
    pub vessel_name: Option<String>,
    pub vessel_imo: Option<String>,
    pub importer: Option<String>,
}

/// The official description of the line's HTS code.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, utoipa::ToSchema)]
pub struct HtsOfficial {
    /// The number described, as the nomenclature writes it.
    pub number: String,
    pub description: String,
    /// The nomenclature's title (USITC HTS 2024, or WCO HS 2022 when the HTS is less specific).
    pub nomenclature: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, utoipa::ToSchema)]
pub struct ProductionSection {
    pub requirement: Requirement,
    pub lines: Vec<ProductionFacts>,
    /// The listed parties matched on any covered line, once each.
    pub records: Vec<RecordMatched>,
}

/// The production facts of one line: who made and sold the goods where, and what the sources
/// document about North Korean workers there.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, utoipa::ToSchema)]
pub struct ProductionFacts {
    pub shipment_id: String,
    pub line: u32,
    pub parties: Vec<PartyFacts>,
    /// The resolved countries of the line (origin, supplier, manufacturer).
    pub countries: Vec<CountryFact>,
    /// Regions, sectors and employers the sources document, with the source of each.
    pub documented: Vec<DocumentedFact>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, utoipa::ToSchema)]
pub struct PartyFacts {
    /// `supplier` or `manufacturer`.
    pub role: String,
    pub name: Option<String>,
    pub address: Option<String>,
    pub city: Option<String>,
    pub country: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, utoipa::ToSchema)]
pub struct CountryFact {
    /// `country of origin`, `supplier country`, ...
    pub field: String,
    pub input: String,
    /// The ISO name, or `None` when the input did not resolve to one country.
    pub name: Option<String>,
}

/// Something a source documents about North Korean workers at a place, in a sector or at a
/// company, as the knowledge base records it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, utoipa::ToSchema)]
pub struct DocumentedFact {
    /// What the fact is about: a region, a sector, a company.
    pub about: String,
    pub text: String,
    pub source: CitedSource,
}

/// A listed party (OFAC SDN entry, CBP enforcement target, employer named by an investigation)
/// matched on a covered line.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, utoipa::ToSchema)]
pub struct RecordMatched {
    pub entity_id: String,
    pub name: String,
    pub list: ListKind,
    /// The list, in words.
    pub list_label: String,
    pub tier: Tier,
    pub programs: Vec<String>,
    pub addresses: Vec<String>,
    /// The start of OFAC's remarks, cut at a word boundary.
    pub remarks_excerpt: Option<String>,
    pub note: Option<String>,
    /// How the manifest matched it: `line 1, supplier_name "X" (name score 0.95)`.
    pub matched_by: Vec<String>,
    pub sources: Vec<CitedSource>,
}

/// Whether the evidence names an ILO indicator.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, utoipa::ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum IloStatus {
    /// No cited source's wording names the indicator.
    NotEstablished,
    /// A cited source's wording names the indicator (quoted in the evidence).
    NamedInEvidence,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, utoipa::ToSchema)]
pub struct IloChecklist {
    /// The ILO list and the "single indicator" sentence, quoted.
    pub quote: Quote,
    pub indicators: Vec<IloIndicator>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, utoipa::ToSchema)]
pub struct IloIndicator {
    pub name: String,
    pub status: IloStatus,
    /// The sentences that name it, each with its source; empty when not established.
    pub evidence: Vec<DocumentedFact>,
    /// Room for the submitter's own facts (empty in a fresh draft).
    pub submitter_facts: String,
}

/// The submitter's section: labelled blanks, filled in by the person who files.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, utoipa::ToSchema)]
pub struct Submitter {
    pub instructions: String,
    pub fields: Vec<SubmitterField>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, utoipa::ToSchema)]
pub struct SubmitterField {
    pub label: String,
    pub value: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, utoipa::ToSchema)]
pub struct Attachment {
    pub number: usize,
    pub title: String,
    pub date: String,
    pub url: String,
}

/// What CBP may do after an allegation.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, utoipa::ToSchema)]
pub struct NextSteps {
    /// CBP's CAATSA detention wording (30 days, seizure and forfeiture).
    pub detention: Quote,
}
