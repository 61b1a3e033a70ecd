//! Element (1) of 19 C.F.R. 12.42(b), "a full statement of the reasons for the belief": one
//! numbered reason per flag of each covered line, in plain sentences, each citing its sources
//! with their evidence tier.
//!
//! Sentences follow one pattern per kind of evidence ("The supplier named on the manifest, X,
//! matches Y, which <source> (<date>) names as …"): they say what matched and on whose word, in
//! risk language, and never that anyone used forced labor. Trade-off: fixed patterns read a
//! little mechanically, but every clause can be traced to an evidence field, which matters more
//! in a document someone files with a government agency.

use crate::indicators::Tier;
use crate::indicators::{KnowledgeBase, Source};
use crate::screening::{Evidence, EvidenceKind, Flag, LineResult};

use super::labels;
use super::lookup::{self, field_label};
use super::model::{CitedSource, LineRef, Reason};
use crate::screening::sentences;
use crate::screening::texts::role_phrase;

/// Name scores below this are shown as "close, not identical" and ask for an identity check;
/// at or above it the names differ at most by punctuation or a legal form.
pub const NEAR_IDENTICAL_SCORE: f64 = 0.99;

/// The reasons of the covered lines, numbered from 1 in line order, then flag order.
pub fn reasons(kb: &KnowledgeBase, lines: &[&LineResult]) -> Vec<Reason> {
    let mut out = Vec::new();
    for line in lines {
        for flag in &line.flags {
            out.push(reason(kb, line, flag, out.len() + 1));
        }
    }
    out
}

fn reason(kb: &KnowledgeBase, line: &LineResult, flag: &Flag, number: usize) -> Reason {
    let mut sentences = Vec::new();
    let mut sources: Vec<CitedSource> = Vec::new();
    let mut cite = |cited: CitedSource| {
        if !sources.contains(&cited) {
            sources.push(cited);
        }
    };
    for evidence in &flag.evidence {
        sentences.push(sentence(kb, evidence));
        cite(CitedSource::new(&evidence.source, evidence.tier));
        if let Some(entity) = lookup::entity(kb, &evidence.indicator_id) {
            match lookup::annotation(kb, entity) {
                Some(a) => cite(CitedSource::new(&a.source, a.tier)),
                None => entity
                    .extra_sources
                    .iter()
                    .for_each(|s| cite(CitedSource::new(s, entity.tier))),
            }
        }
    }
    Reason {
        number,
        shipment_id: line.shipment_id.clone(),
        line: line.line,
        flag: flag.code,
        severity: flag.severity,
        title: flag.title.clone(),
        statement: sentences.join(" "),
        sources,
        also_on: Vec::new(),
    }
}

/// `“<source title>” (<date>)`.
fn on_word_of(source: &Source) -> String {
    format!("\u{201c}{}\u{201d} ({})", source.title, source.date)
}

/// One or two sentences for one item of evidence.
pub fn sentence(kb: &KnowledgeBase, e: &Evidence) -> String {
    let what = field_label(e.field.as_str());
    let src = on_word_of(&e.source);
    let main = match e.kind {
        EvidenceKind::OfacNorthKorea
        | EvidenceKind::OfacOther
        | EvidenceKind::CbpEnforcement
        | EvidenceKind::ReportedEmployer => entity_sentence(kb, e, &what, &src),
        EvidenceKind::Region => {
            let wording = match e.tier {
                Tier::Advisory => "a place named in reporting on North Korean labor-export designations",
                _ => "a place where investigations or enforcement actions documented North Korean workers",
            };
            format!(
                "The {what} on the manifest, \"{}\", is {}, {wording} ({src}).",
                e.input, e.matched
            )
        }
        EvidenceKind::RegionSector => format!(
            "The goods (by the {what} \"{}\") fall in a sector {src} reports there: {}.",
            e.input, e.matched
        ),
        EvidenceKind::SectorCountry => format!(
            "The goods and their country (by the {what} \"{}\") fall under \"{}\", a sector and \
             country {src} reports as involving North Korean labor.",
            e.input, e.matched
        ),
        EvidenceKind::Country => format!(
            "The {what} on the manifest, \"{}\", is {} ({src}).",
            e.input, e.matched
        ),
        EvidenceKind::KpPlace => format!(
            "The {what} on the manifest, \"{}\", names {}; the line is placed in North Korea \
             from that place name ({src}).",
            e.input, e.matched
        ),
        EvidenceKind::PortCode => format!(
            "The {what} on the manifest, \"{}\", is a UN/LOCODE of North Korea (country code KP).",
            e.input
        ),
        EvidenceKind::Good => format!(
            "The goods (by the {what} \"{}\") correspond to {}, a good listed by {src}.",
            e.input, e.matched
        ),
        EvidenceKind::CountryTable => format!(
            "The {what} on the manifest, \"{}\", does not say whether North or South Korea is \
             meant ({src}).",
            e.input
        ),
    };
    let main = match e.source_age_years {
        Some(age) => format!(
            "{main} The source is from {}, {age} years before the screening: ask for current evidence.",
            e.source.date
        ),
        None => main,
    };
    let (note, annotated) = split_note(kb, e);
    let mut out = main;
    if !note.is_empty() {
        out = format!(
            "{out} What this draft's data records from that source: {}",
            end_sentence(&note)
        );
    }
    if let Some((source, text)) = annotated {
        out = format!(
            "{out} {} records: {}",
            on_word_of(source),
            end_sentence(text)
        );
    }
    out
}

/// The evidence note without what the sentence already says (the OFAC programs) and without an
/// SDN annotation's note, which is returned apart with its own source: the annotation comes from
/// a Treasury release or the press, not from the OFAC file the evidence cites.
fn split_note<'k>(kb: &'k KnowledgeBase, e: &Evidence) -> (String, Option<(&'k Source, &'k str)>) {
    let mut note = e.note.as_deref().cloned().unwrap_or_default();
    let entity = lookup::entity(kb, &e.indicator_id);
    if let Some(x) = entity.filter(|x| !x.programs.is_empty()) {
        let programs = format!("OFAC programs: {}.", x.programs.join(", "));
        note = note.replacen(&programs, "", 1);
    }
    let annotation = entity
        .and_then(|x| lookup::annotation(kb, x))
        .filter(|a| note.contains(&a.note));
    if let Some(a) = annotation {
        note = note.replacen(&a.note, "", 1);
    }
    let note = note.split_whitespace().collect::<Vec<_>>().join(" ");
    (note, annotation.map(|a| (&a.source, a.note.as_str())))
}

fn entity_sentence(kb: &KnowledgeBase, e: &Evidence, what: &str, src: &str) -> String {
    let entity = lookup::entity(kb, &e.indicator_id);
    let listed_as = entity
        .filter(|x| !x.name.eq_ignore_ascii_case(&e.matched))
        .map(|x| format!(" (listed as {})", x.name))
        .unwrap_or_default();
    let score = name_agreement(e.score);
    let programs = entity
        .filter(|x| !x.programs.is_empty())
        .map(|x| format!("; programs {}", x.programs.join(", ")))
        .unwrap_or_default();
    let names_as = match e.kind {
        EvidenceKind::OfacNorthKorea => format!(
            "lists as a Specially Designated National with a North Korea nexus ({}{programs})",
            sdn_entry(&e.indicator_id)
        ),
        EvidenceKind::OfacOther => format!(
            "lists as a Specially Designated National under programs other than North Korea's \
             ({}{programs})",
            sdn_entry(&e.indicator_id)
        ),
        EvidenceKind::CbpEnforcement => {
            "names as a company whose merchandise CBP detains under CAATSA or \
             has ruled on under CAATSA"
                .to_owned()
        }
        _ => match e.role {
            Some(role) => format!("names as {}", role_phrase(role)),
            None => "names in reporting on North Korean labor".to_owned(),
        },
    };
    let labor = e
        .labor_export
        .as_ref()
        .map(|b| format!(" {}", end_sentence(&b.statement)))
        .unwrap_or_default();
    let identity = e
        .identity
        .as_ref()
        .map(|i| {
            let phrase = labels::plain_fields(&sentences::identity_phrase(i));
            format!(" {}.", labels::capitalize(&phrase))
        })
        .unwrap_or_default();
    format!(
        "The {what} named on the manifest, \"{}\", matches {}{listed_as}{score}, which {src} \
         {names_as}.{labor}{identity} If the {what} is another party of the same name, this \
         reason does not apply.",
        e.input, e.matched
    )
}

/// The reasons with every repeat of a flag on the same sources folded into its first
/// occurrence (`also_on`), renumbered: a supplier with thirty lines gets one reason per
/// distinct finding, not ninety.
pub fn grouped(reasons: Vec<Reason>) -> Vec<Reason> {
    let mut out: Vec<Reason> = Vec::new();
    for r in reasons {
        let same = |o: &&mut Reason| o.flag == r.flag && o.sources == r.sources;
        match out.iter_mut().find(|o| same(o)) {
            Some(first) => first.also_on.push(LineRef {
                shipment_id: r.shipment_id,
                line: r.line,
            }),
            None => out.push(r),
        }
    }
    for (i, r) in out.iter_mut().enumerate() {
        r.number = i + 1;
    }
    out
}

/// How closely the manifest's spelling agrees with the listed name, in words: nothing for the
/// same name, a similarity and (below [`NEAR_IDENTICAL_SCORE`]) a request to confirm otherwise.
pub fn name_agreement(score: f64) -> String {
    let percent = (score * 100.0).floor();
    if score >= 1.0 {
        String::new()
    } else if score >= NEAR_IDENTICAL_SCORE {
        format!(" (spelled slightly differently; name similarity {percent:.0}%)")
    } else {
        format!(" (a similar name, not the same spelling: similarity {percent:.0}%; confirm the identity)")
    }
}

/// `sdn:12345` -> `SDN entry 12345` (OFAC's own entry number); other ids are not shown.
fn sdn_entry(id: &str) -> String {
    match id.split_once(':') {
        Some((_, number)) => format!("SDN entry {number}"),
        None => format!("SDN entry {id}"),
    }
}

/// The text with a full stop at the end, unless it already ends a sentence.
fn end_sentence(text: &str) -> String {
    let trimmed = text.trim_end();
    if trimmed.ends_with(['.', '!', '?', ')', '\'', '"']) {
        trimmed.to_owned()
    } else {
        format!("{trimmed}.")
    }
}
