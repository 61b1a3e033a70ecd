//! Checks the submitter must see before filing, computed from the lines and their evidence:
//!
//! - **What is new to CBP**: when a covered party is already a CBP CAATSA enforcement target,
//!   CBP knows it; the allegation is useful only for what it adds. The draft names what the
//!   manifest itself shows that CBP's action may not cover: another exporter shipping the
//!   target's goods, the importers and US ports involved, dates after the action.
//! - **Dates of the evidence**: each source behind a reason is compared with the shipments'
//!   arrival dates (the draft's date when the manifest gives none); a source two or more years
//!   older than the shipments is named, with a request for current evidence. Reporting on
//!   workers at a plant in 2017 says nothing by itself about goods made in 2026.

use std::collections::BTreeSet;

use crate::manifest::checks::parse_date;
use crate::screening::age::source_year;
use crate::screening::{EvidenceKind, LineResult};

use super::labels::capitalize;
use super::lookup::field_label;
use super::model::{Guidance, Reason};

/// A source this many years older than the newest shipment is called out (stricter than the
/// five years after which `screening::age` notes a source's age: a filing quotes dates).
pub const DATE_CHECK_YEARS: i32 = 2;

/// The checks that apply to these lines, in print order (possibly none).
pub fn checks(lines: &[&LineResult], reasons: &[Reason], today: time::Date) -> Vec<Guidance> {
    whats_new(lines)
        .into_iter()
        .chain(dates(lines, reasons, today))
        .collect()
}

fn whats_new(lines: &[&LineResult]) -> Option<Guidance> {
    let targets: Vec<_> = lines
        .iter()
        .flat_map(|l| {
            l.flags
                .iter()
                .flat_map(move |f| f.evidence.iter().map(move |e| (l, e)))
        })
        .filter(|(_, e)| e.kind == EvidenceKind::CbpEnforcement)
        .collect();
    let (_, first) = targets.first()?;
    let mut paragraphs = vec![format!(
        "CBP already acts against {} (\u{201c}{}\u{201d}, {}). CBP knows what it announced: this \
         allegation helps only with what it adds. Say plainly what is new.",
        first.matched, first.source.title, first.source.date
    )];
    let mut seen = BTreeSet::new();
    for (line, e) in &targets {
        let other_role = match e.field.as_str() {
            "manufacturer_name" => line.input.supplier_name.as_deref(),
            "supplier_name" => line.input.manufacturer_name.as_deref(),
            _ => None,
        };
        if let Some(other) = other_role.filter(|o| !o.eq_ignore_ascii_case(&e.input)) {
            let text = format!(
                "Bill of lading {} line {}: the goods of \u{201c}{}\u{201d} ({}) are {} \
                 \u{201c}{other}\u{201d}. Say how that party is tied to the producer: a \
                 different exporter or trade name is one way goods reach the US after an \
                 enforcement action.",
                line.shipment_id,
                line.line,
                e.input,
                field_label(e.field.as_str()),
                if e.field.as_str() == "manufacturer_name" {
                    "shipped by the supplier"
                } else {
                    "recorded with the manufacturer"
                },
            );
            if seen.insert(text.clone()) {
                paragraphs.push(text);
            }
        }
    }
    Some(Guidance {
        title: "What is new to CBP".to_owned(),
        paragraphs,
        checklist: vec![
            "Exporters, traders or trade names shipping this party's goods that CBP's action \
             does not name."
                .to_owned(),
            "Importers, consignees and US ports of entry (listed in this draft) receiving the \
             goods."
                .to_owned(),
            "Goods other than those CBP's action names.".to_owned(),
            format!(
                "Evidence dated after CBP's action ({}): shipments, workers, production.",
                first.source.date
            ),
        ],
        sources: Vec::new(),
    })
}

fn dates(lines: &[&LineResult], reasons: &[Reason], today: time::Date) -> Option<Guidance> {
    let arrivals: Vec<time::Date> = lines
        .iter()
        .filter_map(|l| l.input.arrival_date.as_deref().and_then(parse_date))
        .collect();
    let (newest, basis) = match arrivals.iter().max() {
        Some(newest) => (
            *newest,
            format!("the newest shipment in this draft arrived on {newest}"),
        ),
        None => (
            today,
            format!(
                "the manifest gives no arrival dates, so the sources are compared with this \
                 draft's date, {today}"
            ),
        ),
    };
    let mut old: Vec<String> = Vec::new();
    let mut seen = BTreeSet::new();
    for source in reasons.iter().flat_map(|r| &r.sources) {
        let Some(year) = source_year(&source.date) else {
            continue;
        };
        let gap = newest.year() - year;
        if gap >= DATE_CHECK_YEARS && seen.insert(source.url.clone()) {
            old.push(format!(
                "\u{201c}{}\u{201d} is dated {}, {gap} years before that.",
                source.title, source.date
            ));
        }
    }
    if old.is_empty() {
        return None;
    }
    let mut paragraphs = vec![format!(
        "How old is the evidence? {}. A source describes what was true when it was written: \
         for each source below, add or ask for evidence that North Korean nationals worked on \
         goods like these when these shipments were made.",
        capitalize(&basis)
    )];
    paragraphs.extend(old);
    Some(Guidance {
        title: "Dates of the evidence".to_owned(),
        paragraphs,
        checklist: Vec::new(),
        sources: Vec::new(),
    })
}
