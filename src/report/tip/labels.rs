//! Words the Markdown and HTML renderers share: labels of tiers, reliability marks, verdicts and
//! ILO statuses, the merchandise rows, and number formatting. One table, so the two printed
//! forms of a draft say the same thing.

use crate::indicators::legal::Reliability;
use crate::indicators::Tier;
use crate::screening::Verdict;

use super::model::{
    EvidenceStrength, IloStatus, LineRef, MerchandiseItem, Pattern, PatternShipment, PatternTotal,
    TipHeader, TipSubject,
};

/// What a renderer prints where the manifest is silent.
pub const NOT_GIVEN: &str = "not given on the manifest";

/// What a renderer prints in a blank the submitter fills in.
pub const BLANK: &str = "____________________";

pub fn tier(tier: Tier) -> &'static str {
    match tier {
        Tier::GovDesignation => "government designation",
        Tier::GovEnforcement => "government enforcement action",
        Tier::InvestigativeReport => "investigative report",
        Tier::Advisory => "advisory or list",
    }
}

pub fn reliability(mark: Reliability) -> &'static str {
    match mark {
        Reliability::Gov => "U.S. government text",
        Reliability::GovCopy => {
            "third-party copy of a U.S. government text (not checked against the original)"
        }
        Reliability::Sec => "secondary source (a lead, not law)",
        Reliability::IoCopy => "international organization text (third-party copy)",
    }
}

pub fn verdict(verdict: Verdict) -> &'static str {
    match verdict {
        Verdict::Prohibited => "prohibited (OFAC)",
        Verdict::Presumption => "presumption",
        Verdict::HighRisk => "high risk",
        Verdict::Review => "review",
        Verdict::Clear => "clear",
    }
}

pub fn strength(strength: EvidenceStrength) -> &'static str {
    match strength {
        EvidenceStrength::Strong => "strong",
        EvidenceStrength::Moderate => "moderate",
        EvidenceStrength::Weak => "WEAK",
    }
}

pub fn ilo_status(status: IloStatus) -> &'static str {
    match status {
        IloStatus::NotEstablished => "not established",
        IloStatus::NamedInEvidence => "named in the evidence",
    }
}

/// The text with its first letter in upper case (`supplier` → `Supplier`).
pub fn capitalize(text: &str) -> String {
    let mut chars = text.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

/// `USD 48,000.00`.
pub fn usd(value: f64) -> String {
    let cents = (value * 100.0).round();
    let negative = cents < 0.0;
    let cents = cents.abs();
    let whole = format!("{:.0}", (cents / 100.0).trunc());
    let fraction = cents % 100.0;
    let mut grouped = String::new();
    for (i, c) in whole.chars().enumerate() {
        if i > 0 && (whole.len() - i) % 3 == 0 {
            grouped.push(',');
        }
        grouped.push(c);
    }
    let sign = if negative { "-" } else { "" };
    format!("USD {sign}{grouped}.{fraction:02.0}")
}

/// The rows of the draft's header table, label and value.
pub fn header_rows(h: &TipHeader) -> Vec<(&'static str, String)> {
    let mut rows = vec![("Date", h.date.clone())];
    match &h.subject {
        TipSubject::Shipment { shipment_id } => {
            rows.push(("Shipment (bill of lading)", shipment_id.clone()));
        }
        TipSubject::Supplier { name, spellings } => {
            rows.push(("Supplier or manufacturer", name.clone()));
            rows.push(("Spellings on the manifests", spellings.join("; ")));
        }
    }
    rows.push(("Manifest lines", lines_label(&h.lines)));
    rows.push(("Highest verdict", verdict(h.verdict).to_owned()));
    rows.push((
        "Evidence strength",
        strength(h.evidence_strength).to_owned(),
    ));
    rows.push(("Screening id(s)", h.screening_ids.join(", ")));
    rows.push(("Knowledge-base version", h.indicators_version.clone()));
    rows
}

/// What the draft is about, for a page title: `shipment X` or `supplier X`.
pub fn subject_label(subject: &TipSubject) -> String {
    match subject {
        TipSubject::Shipment { shipment_id } => format!("shipment {shipment_id}"),
        TipSubject::Supplier { name, .. } => format!("supplier {name}"),
    }
}

/// `B1: 1, 2; B2: 1` — lines grouped by shipment, in order of first appearance.
pub fn lines_label(lines: &[LineRef]) -> String {
    let mut groups: Vec<(&str, Vec<String>)> = Vec::new();
    for l in lines {
        match groups.iter_mut().find(|(id, _)| *id == l.shipment_id) {
            Some((_, numbers)) => numbers.push(l.line.to_string()),
            None => groups.push((&l.shipment_id, vec![l.line.to_string()])),
        }
    }
    groups
        .iter()
        .map(|(id, numbers)| format!("{id}: {}", numbers.join(", ")))
        .collect::<Vec<_>>()
        .join("; ")
}

/// One table of a supplier draft's pattern section, as text: its heading (`None` for the
/// shipments table, which the section heading introduces), columns and rows.
pub struct PatternTable {
    pub heading: Option<&'static str>,
    pub columns: Vec<String>,
    pub rows: Vec<Vec<String>>,
}

/// The columns of the pattern's shipment table.
const PATTERN_COLUMNS: [&str; 11] = [
    "Bill of lading",
    "Line",
    "Arrival",
    "US port",
    "Importer / consignee",
    "Supplier as written",
    "HTS",
    "Goods",
    "Quantity",
    "Value",
    "Vessel",
];

/// The columns of a totals table, after the group's own heading.
const TOTAL_COLUMNS: [&str; 3] = ["Lines", "Bills of lading", "Declared value"];

/// The pattern's tables, in print order: every shipment, then the totals by importer, by month
/// and by vessel, each ending with the overall total. Both renderers lay out these cells.
pub fn pattern_tables(p: &Pattern) -> Vec<PatternTable> {
    let mut tables = vec![PatternTable {
        heading: None,
        columns: PATTERN_COLUMNS.map(str::to_owned).to_vec(),
        rows: p
            .shipments
            .iter()
            .map(|s| {
                pattern_row(s)
                    .map(|v| v.unwrap_or_else(|| "\u{2014}".to_owned()))
                    .to_vec()
            })
            .collect(),
    }];
    for (heading, totals) in [
        ("By importer or consignee", &p.by_importer),
        ("By month of arrival", &p.by_month),
        ("By vessel", &p.vessels),
    ] {
        let columns = std::iter::once(capitalize(heading.trim_start_matches("By ")))
            .chain(TOTAL_COLUMNS.map(str::to_owned))
            .collect();
        let rows = totals
            .iter()
            .chain(std::iter::once(&p.totals))
            .map(|t| std::iter::once(t.key.clone()).chain(total_row(t)).collect())
            .collect();
        tables.push(PatternTable {
            heading: Some(heading),
            columns,
            rows,
        });
    }
    tables
}

/// One row of the pattern's shipment table (`None` = not given).
fn pattern_row(s: &PatternShipment) -> [Option<String>; 11] {
    [
        Some(s.shipment_id.clone()),
        Some(s.line.to_string()),
        s.arrival_date.clone(),
        s.port_of_unlading.clone(),
        s.importer.clone(),
        Some(s.supplier_as_written.clone()),
        s.hts_code.clone(),
        s.description.clone(),
        s.quantity.clone(),
        s.value_usd.map(usd),
        s.vessel_name.clone(),
    ]
}

/// One row of a totals table, after its key.
fn total_row(t: &PatternTotal) -> [String; 3] {
    let value = if t.lines_without_value == 0 {
        usd(t.value_usd)
    } else {
        format!(
            "{} ({} line{} without a value)",
            usd(t.value_usd),
            t.lines_without_value,
            if t.lines_without_value == 1 { "" } else { "s" }
        )
    };
    [t.lines.to_string(), t.bills_of_lading.to_string(), value]
}

/// `Bill of lading X, line N`.
pub fn line_ref(shipment_id: &str, line: u32) -> String {
    format!("Bill of lading {shipment_id}, line {line}")
}

/// `The same reason ... holds on 2 more lines: B2: 1; B3: 2.` (empty when on no other line).
pub fn also_on(lines: &[LineRef]) -> String {
    if lines.is_empty() {
        String::new()
    } else {
        format!(
            "The same reason, on the same source, holds on {} more line{}: {}.",
            lines.len(),
            if lines.len() == 1 { "" } else { "s" },
            lines_label(lines)
        )
    }
}

/// `OFAC SDN entry 12345` for an SDN record (OFAC's own number, which CBP can look up);
/// `None` for this project's ids of other records, which mean nothing outside it.
pub fn entity_reference(id: &str) -> Option<String> {
    id.strip_prefix("sdn:")
        .map(|number| format!("OFAC SDN entry {number}"))
}

/// `(investigative report)`: a source's evidence tier, in words.
pub fn tier_note(t: Tier) -> String {
    format!("({})", tier(t))
}

/// `text` with every canonical field name (`supplier_country`) replaced by its words
/// (`supplier's country`), for sentences the screening engine wrote for machines and people.
pub fn plain_fields(text: &str) -> String {
    let mut out = text.to_owned();
    for field in crate::manifest::Field::ALL {
        if field.as_str().contains('_') && out.contains(field.as_str()) {
            out = out.replace(field.as_str(), &super::lookup::field_label(field.as_str()));
        }
    }
    out
}

/// The rows of a merchandise table, label and value (values verbatim; `None` = not given).
pub fn merchandise_rows(item: &MerchandiseItem) -> Vec<(&'static str, Option<String>)> {
    let with_official = |declared: &Option<String>, official: Option<String>| {
        declared.as_ref().map(|d| match &official {
            Some(o) => format!("{d} ({o})"),
            None => d.clone(),
        })
    };
    vec![
        (
            "Bill of lading / shipment id",
            Some(item.shipment_id.clone()),
        ),
        ("Manifest line", Some(item.line.to_string())),
        ("Entry number", item.entry_number.clone()),
        ("Arrival date", item.arrival_date.clone()),
        ("US port of unlading", item.port_of_unlading.clone()),
        ("Goods description", item.description.clone()),
        ("HTS code (as declared)", item.hts_code.clone()),
        (
            "Official HTS description",
            item.hts_official
                .as_ref()
                .map(|h| format!("{}: {} ({})", h.number, h.description, h.nomenclature)),
        ),
        ("Quantity", item.quantity.clone()),
        ("Declared value", item.value_usd.map(usd)),
        (
            "Country of origin",
            with_official(&item.country_of_origin, item.country_of_origin_name.clone()),
        ),
        (
            "Port of lading",
            with_official(&item.port_of_lading, item.port_of_lading_official.clone()),
        ),
        ("Vessel", item.vessel_name.clone()),
        ("Vessel IMO number", item.vessel_imo.clone()),
        ("Importer of record", item.importer.clone()),
        ("Consignee", item.consignee.clone()),
        (
            "Container numbers",
            (!item.container_numbers.is_empty()).then(|| item.container_numbers.join(", ")),
        ),
        ("Marks and numbers", item.marks.clone()),
    ]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dollar_values_are_grouped_by_thousands_with_cents() {
        assert_eq!(usd(48000.0), "USD 48,000.00");
        assert_eq!(usd(182400.5), "USD 182,400.50");
        assert_eq!(usd(999.0), "USD 999.00");
        assert_eq!(usd(1234567.891), "USD 1,234,567.89");
    }
}
