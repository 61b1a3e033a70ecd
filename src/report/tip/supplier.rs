//! [`supplier_draft`]: one allegation about one supplier or manufacturer across all its lines in
//! one or more screenings — the pattern CBP acts on (one plant, many bills of lading, many
//! importers, over months) rather than one line of one manifest.
//!
//! The party is found with the production name matcher (`Matcher::score_pair`, the scorer
//! screening uses), so spelling variants of one name group together and the draft lists the
//! spellings it grouped; a different company with a similar name scores below the match
//! threshold and stays out. The pattern table lists every line of the party, clear ones too
//! (they are shipments of the same party); the reasons come from its flagged lines only, one per
//! distinct finding. A party whose lines are all clear is refused, as a clear shipment is.

use std::collections::{BTreeMap, BTreeSet};

use crate::indicators::KnowledgeBase;
use crate::manifest::checks::parse_date;
use crate::manifest::PartyRole;
use crate::names::kind::NameKind;
use crate::names::matcher::Matcher;
use crate::names::{MATCH_THRESHOLD, POSSIBLE_THRESHOLD};
use crate::screening::{LineResult, Screening, Verdict};

use super::build::{build, Subject};
use super::error::{TipError, TipRefusal};
use super::model::{Pattern, PatternShipment, PatternTotal, TipDraft, TipSubject};

/// The key under which lines without a readable arrival date are totalled.
pub const UNDATED: &str = "date not given";
/// The key under which lines without an importer (or consignee) or a vessel are totalled.
pub const NOT_GIVEN_KEY: &str = "not given";

/// A line of the party's: which screening it is in, the line, and the spelling that matched.
struct Found<'s> {
    screening: usize,
    line: &'s LineResult,
    spelling: String,
}

/// Drafts one allegation about the party named `name` across `screenings`.
pub fn supplier_draft(
    kb: &KnowledgeBase,
    matcher: &Matcher,
    screenings: &[Screening],
    name: &str,
    date: time::Date,
) -> Result<TipDraft, TipError> {
    let name = name.trim();
    let found = find(matcher, screenings, name);
    if found.is_empty() {
        return Err(TipError::UnknownSupplier {
            name: name.to_owned(),
            closest: closest(matcher, screenings, name),
        });
    }
    let flagged: Vec<&LineResult> = found
        .iter()
        .map(|f| f.line)
        .filter(|l| l.verdict != Verdict::Clear)
        .collect();
    if flagged.is_empty() {
        return Err(TipError::Refused(TipRefusal {
            shipment_id: String::new(),
            supplier: Some(name.to_owned()),
            line: None,
            message: format!(
                "no draft for supplier `{name}`: all {} of its line(s) are clear (no indicator \
                 matched), so there is no reason to believe to state",
                found.len()
            ),
        }));
    }
    let mut spellings: Vec<String> = Vec::new();
    for f in &found {
        if !spellings.contains(&f.spelling) {
            spellings.push(f.spelling.clone());
        }
    }
    let clear = found.len() - flagged.len();
    let mut notices = vec![format!(
        "This draft groups {} line(s) of {} bill(s) of lading whose supplier or manufacturer \
         matches \u{201c}{name}\u{201d} by name ({} spelling(s): {}). A name match says the \
         party may be the same, not that it is: check that each line's party is the one you \
         mean before you file.",
        found.len(),
        found
            .iter()
            .map(|f| &f.line.shipment_id)
            .collect::<BTreeSet<_>>()
            .len(),
        spellings.len(),
        spellings.join("; ")
    )];
    if clear > 0 {
        notices.push(format!(
            "{clear} of these lines are clear (no indicator matched): they are listed in the \
             pattern as shipments of the same party, but no reason rests on them."
        ));
    }
    let used: Vec<&Screening> = screenings
        .iter()
        .enumerate()
        .filter(|(index, _)| found.iter().any(|f| f.screening == *index))
        .map(|(_, screening)| screening)
        .collect();
    let pattern = pattern(&found);
    let mut draft = build(
        kb,
        &used,
        &flagged,
        Subject {
            subject: TipSubject::Supplier {
                name: name.to_owned(),
                spellings,
            },
            notices,
            pattern: Some(pattern),
        },
        date,
    )?;
    draft.reasons.reasons = super::reasons::grouped(std::mem::take(&mut draft.reasons.reasons));
    // The pattern lists every line; elements 2 and 3 keep one entry per distinct goods and per
    // distinct set of production facts, so thirty identical lines read as one.
    keep_first_of_each(&mut draft.merchandise.items, |item| {
        (item.description.clone(), item.hts_code.clone())
    });
    keep_first_of_each(&mut draft.production.lines, |facts| {
        (
            facts.parties.clone(),
            facts.countries.clone(),
            facts.documented.clone(),
        )
    });
    Ok(draft)
}

/// Keeps the first item of each distinct `key`, in order.
fn keep_first_of_each<T, K: PartialEq>(items: &mut Vec<T>, key: impl Fn(&T) -> K) {
    let mut seen: Vec<K> = Vec::new();
    items.retain(|item| {
        let k = key(item);
        let new = !seen.contains(&k);
        if new {
            seen.push(k);
        }
        new
    });
}

/// Every line whose supplier or manufacturer matches `name`, with the spelling that matched.
fn find<'s>(matcher: &Matcher, screenings: &'s [Screening], name: &str) -> Vec<Found<'s>> {
    let kind = NameKind::infer(name);
    let mut out = Vec::new();
    for (screening, s) in screenings.iter().enumerate() {
        for line in &s.results {
            let matched = PartyRole::ALL.iter().find_map(|role| {
                let party = line.input.party(*role).name?;
                (matcher.score_pair(name, party, kind).score >= MATCH_THRESHOLD)
                    .then(|| party.to_owned())
            });
            if let Some(spelling) = matched {
                out.push(Found {
                    screening,
                    line,
                    spelling,
                });
            }
        }
    }
    out
}

/// Party names in the screenings that come close to `name` without matching, best first.
fn closest(matcher: &Matcher, screenings: &[Screening], name: &str) -> Vec<String> {
    let kind = NameKind::infer(name);
    let mut scored: BTreeMap<String, f32> = BTreeMap::new();
    for line in screenings.iter().flat_map(|s| &s.results) {
        for role in PartyRole::ALL {
            if let Some(party) = line.input.party(role).name {
                let score = matcher.score_pair(name, party, kind).score;
                if score >= POSSIBLE_THRESHOLD {
                    scored.insert(party.to_owned(), score);
                }
            }
        }
    }
    let mut list: Vec<(String, f32)> = scored.into_iter().collect();
    list.sort_by(|a, b| b.1.total_cmp(&a.1));
    list.into_iter().take(10).map(|(n, _)| n).collect()
}

/// The pattern table and its totals.
fn pattern(found: &[Found]) -> Pattern {
    let mut shipments: Vec<PatternShipment> = found
        .iter()
        .map(|f| {
            let (line, spelling) = (f.line, &f.spelling);
            let input = &line.input;
            PatternShipment {
                shipment_id: line.shipment_id.clone(),
                line: line.line,
                arrival_date: input.arrival_date.clone(),
                port_of_unlading: input.port_of_unlading.clone(),
                importer: input.importer.clone().or_else(|| input.consignee.clone()),
                supplier_as_written: spelling.clone(),
                hts_code: input.hts_code.clone(),
                description: input.description.clone(),
                quantity: input.quantity.clone(),
                value_usd: input.value_usd,
                vessel_name: input.vessel_name.clone(),
                container_numbers: input.container_numbers.clone(),
                entry_number: input.entry_number.clone(),
            }
        })
        .collect();
    // Arrival order; undated lines last, in input order (the sort is stable).
    shipments.sort_by_key(|s| {
        s.arrival_date
            .as_deref()
            .and_then(parse_date)
            .map_or((1, None), |d| (0, Some(d)))
    });
    let month = |s: &PatternShipment| {
        s.arrival_date
            .as_deref()
            .and_then(parse_date)
            .map_or(UNDATED.to_owned(), |d| {
                format!("{:04}-{:02}", d.year(), u8::from(d.month()))
            })
    };
    let importer = |s: &PatternShipment| s.importer.clone().unwrap_or(NOT_GIVEN_KEY.to_owned());
    let vessel = |s: &PatternShipment| s.vessel_name.clone().unwrap_or(NOT_GIVEN_KEY.to_owned());
    let mut by_month = totals(&shipments, month);
    // Months in calendar order, the undated group last.
    by_month.sort_by(|a, b| (a.key == UNDATED, &a.key).cmp(&(b.key == UNDATED, &b.key)));
    Pattern {
        by_importer: totals(&shipments, importer),
        by_month,
        vessels: totals(&shipments, vessel),
        totals: total(
            "All lines".to_owned(),
            &shipments.iter().collect::<Vec<_>>(),
        ),
        shipments,
    }
}

/// Totals per key, largest declared value first (then by key).
fn totals(
    shipments: &[PatternShipment],
    key: impl Fn(&PatternShipment) -> String,
) -> Vec<PatternTotal> {
    let mut groups: BTreeMap<String, Vec<&PatternShipment>> = BTreeMap::new();
    for s in shipments {
        groups.entry(key(s)).or_default().push(s);
    }
    let mut out: Vec<PatternTotal> = groups
        .into_iter()
        .map(|(key, members)| total(key, &members))
        .collect();
    out.sort_by(|a, b| {
        b.value_usd
            .total_cmp(&a.value_usd)
            .then_with(|| a.key.cmp(&b.key))
    });
    out
}

fn total(key: String, members: &[&PatternShipment]) -> PatternTotal {
    PatternTotal {
        key,
        lines: members.len(),
        bills_of_lading: members
            .iter()
            .map(|s| s.shipment_id.as_str())
            .collect::<BTreeSet<_>>()
            .len(),
        value_usd: members.iter().filter_map(|s| s.value_usd).sum(),
        lines_without_value: members.iter().filter(|s| s.value_usd.is_none()).count(),
    }
}
