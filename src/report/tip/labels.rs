//! Words the Markdown and HTML renderers share: labels of tiers, reliability marks, verdicts and
//! ILO statuses, the merchandise rows, and number formatting. One table, so the two printed
//! forms of a draft say the same thing.

use crate::indicators::legal::Reliability;
use crate::indicators::Tier;
use crate::screening::Verdict;

use super::model::{EvidenceStrength, IloStatus, MerchandiseItem};

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
        ("Importer", item.importer.clone()),
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
