//! Element (3) of 19 C.F.R. 12.42(b), "all pertinent facts obtainable as to the production of
//! the merchandise abroad": the parties and places the manifest names, what the sources document
//! about North Korean workers at those places, sectors and companies, and the listed records
//! matched.
//!
//! Each documented fact keeps the source that documents it. For an SDN entry the labor-export
//! context comes from a curated annotation with its own (Treasury or press) source, so the fact
//! is credited to that source and not to the OFAC file, which says nothing about workers. This
//! costs a second lookup per SDN match; crediting the wrong source would cost the draft its
//! credibility.

use crate::indicators::KnowledgeBase;
use crate::manifest::PartyRole;
use crate::screening::LineResult;

use super::lookup::{self, field_label, list_label};
use super::model::{
    CitedSource, CountryFact, DocumentedFact, PartyFacts, ProductionFacts, RecordMatched,
};

/// Longest excerpt of OFAC remarks shown, in characters (cut at a word boundary).
pub const REMARKS_EXCERPT_CHARS: usize = 300;

/// The production facts of each covered line, in line order.
pub fn facts(kb: &KnowledgeBase, lines: &[&LineResult]) -> Vec<ProductionFacts> {
    lines
        .iter()
        .map(|line| ProductionFacts {
            shipment_id: line.shipment_id.clone(),
            line: line.line,
            parties: parties(line),
            countries: line
                .context
                .countries
                .iter()
                .map(|c| CountryFact {
                    field: field_label(&c.field),
                    input: c.input.clone(),
                    name: c.name.clone(),
                })
                .collect(),
            documented: documented(kb, line),
        })
        .collect()
}

fn parties(line: &LineResult) -> Vec<PartyFacts> {
    PartyRole::ALL
        .iter()
        .map(|&role| line.input.party(role))
        .filter(|p| p.name.is_some() || p.address.is_some() || p.city.is_some())
        .map(|p| PartyFacts {
            role: p.role.as_str().to_owned(),
            name: p.name.map(str::to_owned),
            address: p.address.map(str::to_owned),
            city: p.city.map(str::to_owned),
            country: p.country.map(str::to_owned),
        })
        .collect()
}

/// What the sources document about North Korean workers for this line's matches: the notes of
/// matched regions, region sectors, sector-country risks and goods, and of matched companies,
/// each with its own source. Deduplicated by text and source.
pub fn documented(kb: &KnowledgeBase, line: &LineResult) -> Vec<DocumentedFact> {
    let mut out: Vec<DocumentedFact> = Vec::new();
    let mut add = |fact: DocumentedFact| {
        if !out
            .iter()
            .any(|f| f.text == fact.text && f.source == fact.source)
        {
            out.push(fact);
        }
    };
    for e in line.flags.iter().flat_map(|f| &f.evidence) {
        if let Some(entity) = lookup::entity(kb, &e.indicator_id) {
            let fact = match lookup::annotation(kb, entity) {
                Some(a) => Some((a.note.clone(), CitedSource::new(&a.source, a.tier))),
                None if !entity.id.starts_with("ofac:") => entity
                    .note
                    .clone()
                    .map(|n| (n, CitedSource::new(&entity.source, entity.tier))),
                None => None,
            };
            if let Some((text, source)) = fact {
                add(DocumentedFact {
                    about: entity.name.clone(),
                    text,
                    source,
                });
            }
            continue;
        }
        match e.kind.as_str() {
            "region" => {
                if let Some(region) = lookup::region(kb, &e.indicator_id) {
                    add(DocumentedFact {
                        about: region.name.clone(),
                        text: region.note.clone(),
                        source: CitedSource::new(&region.source, region.tier),
                    });
                }
            }
            "region_sector" | "sector_country" | "good" | "country" => {
                if let Some(note) = &e.note {
                    add(DocumentedFact {
                        about: e.matched.clone(),
                        text: note.as_str().to_owned(),
                        source: CitedSource::new(&e.source, e.tier),
                    });
                }
            }
            _ => {}
        }
    }
    out
}

/// The listed parties matched on the covered lines, once each, in order of first match.
pub fn records(kb: &KnowledgeBase, lines: &[&LineResult]) -> Vec<RecordMatched> {
    let mut out: Vec<RecordMatched> = Vec::new();
    for line in lines {
        for e in line.flags.iter().flat_map(|f| &f.evidence) {
            let Some(entity) = lookup::entity(kb, &e.indicator_id) else {
                continue;
            };
            let how = format!(
                "bill of lading {} line {}, {} \u{201c}{}\u{201d}{}",
                line.shipment_id,
                line.line,
                lookup::field_label(e.field.as_str()),
                e.input,
                super::reasons::name_agreement(e.score)
            );
            if let Some(known) = out.iter_mut().find(|r| r.entity_id == entity.id) {
                if !known.matched_by.contains(&how) {
                    known.matched_by.push(how);
                }
                continue;
            }
            let mut sources = vec![CitedSource::new(&entity.source, entity.tier)];
            match lookup::annotation(kb, entity) {
                Some(a) => sources.push(CitedSource::new(&a.source, a.tier)),
                None => sources.extend(
                    entity
                        .extra_sources
                        .iter()
                        .map(|s| CitedSource::new(s, entity.tier)),
                ),
            }
            sources.dedup();
            out.push(RecordMatched {
                entity_id: entity.id.clone(),
                name: entity.name.clone(),
                list: entity.list,
                list_label: list_label(entity.list).to_owned(),
                tier: entity.tier,
                programs: entity.programs.clone(),
                addresses: entity
                    .addresses
                    .iter()
                    .map(|a| {
                        [&a.address, &a.city, &a.country]
                            .into_iter()
                            .flatten()
                            .map(String::as_str)
                            .collect::<Vec<_>>()
                            .join(", ")
                    })
                    .filter(|a| !a.is_empty())
                    .collect(),
                remarks_excerpt: entity.remarks.as_deref().map(excerpt),
                note: entity.note.clone(),
                matched_by: vec![how],
                sources,
            });
        }
    }
    out
}

/// The text cut to [`REMARKS_EXCERPT_CHARS`] characters at a word boundary, with `…`.
pub fn excerpt(text: &str) -> String {
    if text.chars().count() <= REMARKS_EXCERPT_CHARS {
        return text.to_owned();
    }
    let cut: String = text.chars().take(REMARKS_EXCERPT_CHARS).collect();
    let at_word = match cut.rfind(char::is_whitespace) {
        Some(end) if end > 0 => &cut[..end],
        _ => cut.as_str(),
    };
    format!("{}…", at_word.trim_end_matches([',', ';', ' ']))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn long_remarks_are_cut_at_a_word_with_an_ellipsis() {
        let long = "word ".repeat(100);
        let cut = excerpt(&long);
        assert!(cut.ends_with("word…"), "{cut}");
        assert!(cut.chars().count() <= REMARKS_EXCERPT_CHARS + 1);
        assert_eq!(excerpt("short remark"), "short remark");
    }

    #[test]
    fn a_multibyte_remark_is_cut_on_a_character_boundary() {
        let long = "한".repeat(REMARKS_EXCERPT_CHARS + 10);
        let cut = excerpt(&long);
        assert!(cut.ends_with('…'));
    }
}
