//! The Markdown rendering of a [`TipDraft`]: for editing, and for pasting into a submission.
//!
//! Every value goes through [`escape::md`] (every line starts with the renderer's own text, so
//! a value never opens a block), and links are made only from knowledge-base URLs that pass
//! [`escape::safe_url`]. Trade-off: GFM tables for the merchandise (readable raw and rendered)
//! but lists elsewhere, since long sentences in table cells read badly in plain text.

use crate::indicators::Source;

use super::escape::{md, md_url, safe_url};
use super::labels::{self, BLANK, NOT_GIVEN};
use super::model::{
    CitedSource, DocumentedFact, Guidance, IloStatus, Pattern, ProductionFacts, Quote,
    RecordMatched, Requirement, TipDraft,
};

/// A Markdown document under construction.
struct Doc(String);

impl Doc {
    fn line(&mut self, text: impl AsRef<str>) {
        self.0.push_str(text.as_ref());
        self.0.push('\n');
    }

    fn blank(&mut self) {
        self.0.push('\n');
    }

    fn heading(&mut self, level: usize, text: &str) {
        self.line(format!("{} {}", "#".repeat(level), md(text)));
        self.blank();
    }
}

pub fn render(draft: &TipDraft) -> String {
    let mut doc = Doc(String::new());
    header(&mut doc, draft);
    for g in &draft.filing {
        guidance(&mut doc, g);
    }
    for g in &draft.checks {
        guidance(&mut doc, g);
    }
    if let Some(p) = &draft.pattern {
        pattern(&mut doc, p);
    }
    doc.heading(2, "Legal basis");
    for q in &draft.legal_basis {
        quote(&mut doc, q, 3);
    }
    doc.heading(2, "The allegation: what 19 C.F.R. 12.42(b) requires");
    quote(&mut doc, &draft.requirements, 0);
    reasons(&mut doc, draft);
    merchandise(&mut doc, draft);
    production(&mut doc, draft);
    ilo(&mut doc, draft);
    guidance(&mut doc, &draft.evidence_checklist);
    submitter(&mut doc, draft);
    doc.heading(2, "Attachments: the sources of the evidence");
    for a in &draft.attachments {
        doc.line(format!(
            "{}. {}, {}",
            a.number,
            link(&a.title, &a.url),
            md(&a.date)
        ));
    }
    doc.blank();
    doc.heading(2, "What CBP may do next");
    quote(&mut doc, &draft.next_steps.detention, 0);
    doc.0
}

/// A guidance section: heading, paragraphs, checklist, sources.
fn guidance(doc: &mut Doc, g: &Guidance) {
    doc.heading(2, &g.title);
    let (first, rest) = match g.paragraphs.split_first() {
        Some((first, rest)) => (Some(first), rest),
        None => (None, &[][..]),
    };
    if let Some(p) = first {
        doc.line(md(p));
        doc.blank();
    }
    // The checklist follows the paragraph that introduces it; later paragraphs come after.
    for item in &g.checklist {
        doc.line(format!("- [ ] {}", md(item)));
    }
    if !g.checklist.is_empty() {
        doc.blank();
    }
    for p in rest {
        doc.line(md(p));
        doc.blank();
    }
    if !g.sources.is_empty() {
        doc.line("Sources:");
        for s in &g.sources {
            doc.line(format!(
                "- {} ({}). Reliability: {}.",
                link(&s.title, &s.url),
                md(&s.date),
                labels::reliability(s.reliability)
            ));
        }
        doc.blank();
    }
}

/// The supplier's shipments and their totals.
fn pattern(doc: &mut Doc, p: &Pattern) {
    doc.heading(2, "The pattern: every bill of lading of this supplier");
    for t in labels::pattern_tables(p) {
        if let Some(heading) = t.heading {
            doc.heading(3, heading);
        }
        table(doc, &t.columns, &t.rows);
    }
}

fn table(doc: &mut Doc, columns: &[String], rows: &[Vec<String>]) {
    doc.line(format!(
        "| {} |",
        columns
            .iter()
            .map(|c| md(c))
            .collect::<Vec<_>>()
            .join(" | ")
    ));
    doc.line(format!("|{}", "---|".repeat(columns.len())));
    for row in rows {
        doc.line(format!(
            "| {} |",
            row.iter().map(|c| md(c)).collect::<Vec<_>>().join(" | ")
        ));
    }
    doc.blank();
}

fn header(doc: &mut Doc, draft: &TipDraft) {
    let h = &draft.header;
    doc.heading(1, &h.title);
    for notice in &h.notices {
        doc.line(format!("> **{}**", md(notice)));
        doc.line(">");
    }
    doc.blank();
    doc.line("| | |");
    doc.line("|---|---|");
    for (label, value) in labels::header_rows(h) {
        doc.line(format!("| {} | {} |", md(label), md(&value)));
    }
    doc.blank();
    // A weak-evidence statement already heads the notices; it is not repeated.
    if !h.notices.contains(&h.strength_statement) {
        doc.line(md(&h.strength_statement));
        doc.blank();
    }
}

/// A quotation: heading (when `level` > 0), block quote, source, reliability and note.
fn quote(doc: &mut Doc, q: &Quote, level: usize) {
    if level > 0 {
        doc.heading(level, &format!("{} — {}", q.citation, q.title));
    } else {
        doc.line(format!("**{} — {}**", md(&q.citation), md(&q.title)));
        doc.blank();
    }
    let paragraphs = q.text.split('\n').filter(|p| !p.trim().is_empty());
    for (i, paragraph) in paragraphs.enumerate() {
        if i > 0 {
            doc.line(">");
        }
        doc.line(format!("> {}", md(paragraph)));
    }
    doc.blank();
    doc.line(format!(
        "Source: {} ({}). Reliability: {}.",
        source_link(&q.source),
        md(&q.source.date),
        md(labels::reliability(q.reliability))
    ));
    for s in &q.see_also {
        doc.line(format!("See also: {} ({}).", source_link(s), md(&s.date)));
    }
    doc.blank();
    doc.line(format!("*Note:* {}", md(&q.note)));
    doc.blank();
}

fn requirement(doc: &mut Doc, n: usize, r: &Requirement) {
    doc.heading(3, &format!("Element {n}: \u{201c}{}\u{201d}", r.wording));
    doc.line(format!("*{}*", md(&r.citation)));
    doc.blank();
}

fn reasons(doc: &mut Doc, draft: &TipDraft) {
    let section = &draft.reasons;
    requirement(doc, 1, &section.requirement);
    for r in &section.reasons {
        doc.line(format!(
            "{}. **{}: {}** ({}). {} {}",
            r.number,
            md(&labels::line_ref(&r.shipment_id, r.line)),
            md(&r.title),
            md(labels::verdict(r.severity)),
            md(&r.statement),
            md(&labels::also_on(&r.also_on))
        ));
        for s in &r.sources {
            doc.line(format!("    - Source: {}", cited(s)));
        }
    }
    doc.blank();
}

fn merchandise(doc: &mut Doc, draft: &TipDraft) {
    let section = &draft.merchandise;
    requirement(doc, 2, &section.requirement);
    for item in &section.items {
        doc.heading(4, &labels::line_ref(&item.shipment_id, item.line));
        doc.line("| Field | As declared on the manifest |");
        doc.line("|---|---|");
        for (label, value) in labels::merchandise_rows(item) {
            let value = value.map_or_else(|| format!("*{NOT_GIVEN}*"), |v| md(&v));
            doc.line(format!("| {} | {value} |", md(label)));
        }
        doc.blank();
    }
}

fn production(doc: &mut Doc, draft: &TipDraft) {
    let section = &draft.production;
    requirement(doc, 3, &section.requirement);
    for facts in &section.lines {
        line_facts(doc, facts);
    }
    doc.heading(4, "Listed records matched");
    if section.records.is_empty() {
        doc.line("No listed party (OFAC, CBP enforcement or investigation) matched.");
        doc.blank();
    }
    for r in &section.records {
        record(doc, r);
    }
}

fn line_facts(doc: &mut Doc, facts: &ProductionFacts) {
    doc.heading(
        4,
        &format!(
            "{}: parties and places",
            labels::line_ref(&facts.shipment_id, facts.line)
        ),
    );
    for p in &facts.parties {
        let parts: Vec<String> = [
            ("name", &p.name),
            ("address", &p.address),
            ("city", &p.city),
            ("country", &p.country),
        ]
        .iter()
        .map(|(k, v)| format!("{k}: {}", v.as_deref().map_or(format!("*{NOT_GIVEN}*"), md)))
        .collect();
        doc.line(format!(
            "- **{}**: {}",
            md(&labels::capitalize(&p.role)),
            parts.join("; ")
        ));
    }
    for c in &facts.countries {
        let name = c
            .name
            .as_deref()
            .map_or("not resolved to one country".to_owned(), md);
        doc.line(format!(
            "- **{}**: {} ({name})",
            md(&labels::capitalize(&c.field)),
            md(&c.input)
        ));
    }
    doc.blank();
    doc.line("What the sources document about North Korean workers here:");
    doc.blank();
    if facts.documented.is_empty() {
        doc.line("- Nothing beyond the listed records below.");
    }
    for f in &facts.documented {
        doc.line(format!("- {}", documented(f)));
    }
    doc.blank();
}

fn record(doc: &mut Doc, r: &RecordMatched) {
    let reference = labels::entity_reference(&r.entity_id)
        .map(|id| format!(" ({})", md(&id)))
        .unwrap_or_default();
    doc.line(format!(
        "- **{}**{reference}: {} {}",
        md(&r.name),
        md(&r.list_label),
        labels::tier_note(r.tier)
    ));
    doc.line(format!("  - Matched by: {}", md(&r.matched_by.join("; "))));
    if !r.programs.is_empty() {
        doc.line(format!("  - Programs: {}", md(&r.programs.join(", "))));
    }
    for a in &r.addresses {
        doc.line(format!("  - Address: {}", md(a)));
    }
    if let Some(remarks) = &r.remarks_excerpt {
        doc.line(format!("  - Remarks (excerpt): {}", md(remarks)));
    }
    if let Some(note) = &r.note {
        doc.line(format!("  - What this draft's data records: {}", md(note)));
    }
    for s in &r.sources {
        doc.line(format!("  - Source: {}", cited(s)));
    }
    doc.blank();
}

fn ilo(doc: &mut Doc, draft: &TipDraft) {
    let list = &draft.ilo_indicators;
    doc.heading(2, "ILO indicators of forced labour");
    quote(doc, &list.quote, 0);
    doc.line(
        "Each indicator is \u{201c}not established\u{201d} unless a cited source's own words name \
         it for the parties, places or sectors above. Add the facts you know first-hand.",
    );
    doc.blank();
    for i in &list.indicators {
        let mark = if i.status == IloStatus::NamedInEvidence {
            "x"
        } else {
            " "
        };
        doc.line(format!(
            "- [{mark}] **{}**: {}",
            md(&i.name),
            labels::ilo_status(i.status)
        ));
        for e in &i.evidence {
            doc.line(format!("  - {}", documented(e)));
        }
        doc.line(format!("  - Submitter's facts: {BLANK}"));
    }
    doc.blank();
}

fn submitter(doc: &mut Doc, draft: &TipDraft) {
    doc.heading(2, "Submitter");
    doc.line(md(&draft.submitter.instructions));
    doc.blank();
    for f in &draft.submitter.fields {
        let value = if f.value.is_empty() {
            BLANK.to_owned()
        } else {
            md(&f.value)
        };
        doc.line(format!("- {}: {value}", md(&f.label)));
    }
    doc.blank();
}

/// `About: "text" (source)`.
fn documented(f: &DocumentedFact) -> String {
    format!(
        "{}: \u{201c}{}\u{201d} ({})",
        md(&f.about),
        md(&f.text),
        cited(&f.source)
    )
}

/// `[title](url), date (tier)`.
fn cited(s: &CitedSource) -> String {
    format!(
        "{}, {} {}",
        link(&s.title, &s.url),
        md(&s.date),
        labels::tier_note(s.tier)
    )
}

fn source_link(s: &Source) -> String {
    link(&s.title, &s.url)
}

/// A link when the URL is a web address; otherwise the title and the URL as text.
fn link(title: &str, url: &str) -> String {
    match safe_url(url) {
        Some(url) => format!("[{}]({})", md(title), md_url(url)),
        None => format!("{} ({})", md(title), md(url)),
    }
}
