//! The HTML rendering of a [`TipDraft`]: one standalone, print-ready page (inline CSS from
//! [`html_style`](super::html_style), no scripts, no external assets), which an NGO prints to
//! PDF from a browser.
//!
//! Markup is written by hand rather than with a template engine: the page is one fixed layout,
//! and writing it in Rust keeps every interpolation visibly wrapped in [`escape::html`]
//! (attribute values too). Links are made only from knowledge-base URLs that pass
//! [`escape::safe_url`]; input never becomes a link or an attribute.

use super::escape::{html as esc, safe_url};
use super::html_style::CSS;
use super::labels::{self, BLANK, NOT_GIVEN};
use super::model::{
    CitedSource, DocumentedFact, EvidenceStrength, Guidance, IloStatus, Pattern, ProductionFacts,
    Quote, RecordMatched, Requirement, TipDraft,
};

/// An HTML page under construction.
struct Page(String);

impl Page {
    fn push(&mut self, text: impl AsRef<str>) {
        self.0.push_str(text.as_ref());
        self.0.push('\n');
    }
}

pub fn render(draft: &TipDraft) -> String {
    let h = &draft.header;
    let mut page = Page(String::new());
    page.push("<!DOCTYPE html>");
    page.push("<html lang=\"en\">");
    page.push("<head>");
    page.push("<meta charset=\"utf-8\">");
    page.push("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">");
    page.push(format!(
        "<title>{} — {}</title>",
        esc(&h.title),
        esc(&labels::subject_label(&h.subject))
    ));
    page.push(format!("<style>{CSS}</style>"));
    page.push("</head>");
    page.push("<body>");
    page.push(format!("<div class=\"banner\">{}</div>", esc(&h.title)));
    page.push("<main>");
    header(&mut page, draft);
    for g in &draft.filing {
        guidance(&mut page, g);
    }
    for g in &draft.checks {
        guidance(&mut page, g);
    }
    if let Some(p) = &draft.pattern {
        pattern(&mut page, p);
    }
    page.push("<h2>Legal basis</h2>");
    for q in &draft.legal_basis {
        quote(&mut page, q, true);
    }
    page.push("<h2>The allegation: what 19 C.F.R. 12.42(b) requires</h2>");
    quote(&mut page, &draft.requirements, false);
    reasons(&mut page, draft);
    merchandise(&mut page, draft);
    production(&mut page, draft);
    ilo(&mut page, draft);
    guidance(&mut page, &draft.evidence_checklist);
    submitter(&mut page, draft);
    page.push("<h2>Attachments: the sources of the evidence</h2>");
    page.push("<ol class=\"attachments\">");
    for a in &draft.attachments {
        page.push(format!(
            "<li>{}, {}<br><span class=\"url\">{}</span></li>",
            link(&a.title, &a.url),
            esc(&a.date),
            esc(&a.url)
        ));
    }
    page.push("</ol>");
    page.push("<h2>What CBP may do next</h2>");
    quote(&mut page, &draft.next_steps.detention, false);
    page.push("</main>");
    page.push("</body>");
    page.push("</html>");
    page.0
}

fn header(page: &mut Page, draft: &TipDraft) {
    let h = &draft.header;
    page.push(format!("<h1>{}</h1>", esc(&h.title)));
    page.push("<section class=\"notices\">");
    for notice in &h.notices {
        let class =
            if h.evidence_strength == EvidenceStrength::Weak && notice == &h.strength_statement {
                "notice strength-weak"
            } else {
                "notice"
            };
        page.push(format!("<p class=\"{class}\">{}</p>", esc(notice)));
    }
    page.push("</section>");
    page.push("<table class=\"meta\">");
    for (label, value) in labels::header_rows(h) {
        page.push(format!(
            "<tr><th scope=\"row\">{}</th><td>{}</td></tr>",
            esc(label),
            esc(&value)
        ));
    }
    page.push("</table>");
    let class = if h.evidence_strength == EvidenceStrength::Weak {
        "strength strength-weak"
    } else {
        "strength"
    };
    // A weak-evidence statement already heads the notices; it is not repeated.
    if !h.notices.contains(&h.strength_statement) {
        page.push(format!(
            "<p class=\"{class}\">{}</p>",
            esc(&h.strength_statement)
        ));
    }
}

/// A guidance section: heading, paragraphs (the checklist after the first), sources.
fn guidance(page: &mut Page, g: &Guidance) {
    page.push("<section class=\"guidance\">");
    page.push(format!("<h2>{}</h2>", esc(&g.title)));
    for (i, p) in g.paragraphs.iter().enumerate() {
        page.push(format!("<p>{}</p>", esc(p)));
        if i == 0 && !g.checklist.is_empty() {
            page.push("<ul class=\"checklist\">");
            for item in &g.checklist {
                page.push(format!("<li>{}</li>", esc(item)));
            }
            page.push("</ul>");
        }
    }
    if !g.sources.is_empty() {
        page.push("<ul class=\"sources\">");
        for s in &g.sources {
            page.push(format!(
                "<li>Source: {} ({}). Reliability: {}. <span class=\"url\">{}</span></li>",
                link(&s.title, &s.url),
                esc(&s.date),
                esc(labels::reliability(s.reliability)),
                esc(&s.url)
            ));
        }
        page.push("</ul>");
    }
    page.push("</section>");
}

/// The supplier's shipments and their totals.
fn pattern(page: &mut Page, p: &Pattern) {
    page.push("<section class=\"pattern\">");
    page.push("<h2>The pattern: every bill of lading of this supplier</h2>");
    for t in labels::pattern_tables(p) {
        let class = match t.heading {
            Some(heading) => {
                page.push(format!("<h3>{}</h3>", esc(heading)));
                "totals"
            }
            None => "shipments",
        };
        table(page, class, &t.columns, &t.rows);
    }
    page.push("</section>");
}

fn table(page: &mut Page, class: &str, columns: &[String], rows: &[Vec<String>]) {
    // A wide table scrolls on a narrow screen instead of widening the page; print shows it all.
    page.push(format!("<div class=\"wide\"><table class=\"{class}\">"));
    page.push(format!(
        "<thead><tr>{}</tr></thead><tbody>",
        columns
            .iter()
            .map(|c| format!("<th scope=\"col\">{}</th>", esc(c)))
            .collect::<String>()
    ));
    for row in rows {
        page.push(format!(
            "<tr>{}</tr>",
            row.iter()
                .map(|c| format!("<td>{}</td>", esc(c)))
                .collect::<String>()
        ));
    }
    page.push("</tbody></table></div>");
}

/// A quotation: heading (as `<h3>` when `heading`), block quote, source, reliability and note.
fn quote(page: &mut Page, q: &Quote, heading: bool) {
    page.push("<section class=\"quote\">");
    let title = format!("{} — {}", esc(&q.citation), esc(&q.title));
    if heading {
        page.push(format!("<h3>{title}</h3>"));
    } else {
        page.push(format!("<p><strong>{title}</strong></p>"));
    }
    page.push("<blockquote>");
    for paragraph in q.text.split('\n').filter(|p| !p.trim().is_empty()) {
        page.push(format!("<p>{}</p>", esc(paragraph)));
    }
    page.push("</blockquote>");
    page.push(format!(
        "<p class=\"source\">Source: {} ({}). Reliability: {}. <span class=\"url\">{}</span></p>",
        link(&q.source.title, &q.source.url),
        esc(&q.source.date),
        esc(labels::reliability(q.reliability)),
        esc(&q.source.url)
    ));
    for s in &q.see_also {
        page.push(format!(
            "<p class=\"source\">See also: {} ({}). <span class=\"url\">{}</span></p>",
            link(&s.title, &s.url),
            esc(&s.date),
            esc(&s.url)
        ));
    }
    page.push(format!(
        "<p class=\"note\"><em>Note:</em> {}</p>",
        esc(&q.note)
    ));
    page.push("</section>");
}

fn requirement(page: &mut Page, n: usize, r: &Requirement) {
    page.push(format!(
        "<h3>Element {n}: \u{201c}{}\u{201d}</h3>",
        esc(&r.wording)
    ));
    page.push(format!("<p class=\"citation\">{}</p>", esc(&r.citation)));
}

fn reasons(page: &mut Page, draft: &TipDraft) {
    let section = &draft.reasons;
    requirement(page, 1, &section.requirement);
    page.push("<ol class=\"reasons\">");
    for r in &section.reasons {
        page.push(format!(
            "<li value=\"{}\"><span class=\"title\">{}: {}</span> ({}). {} {}",
            r.number,
            esc(&labels::line_ref(&r.shipment_id, r.line)),
            esc(&r.title),
            esc(labels::verdict(r.severity)),
            esc(&r.statement),
            esc(&labels::also_on(&r.also_on))
        ));
        page.push("<ul class=\"sources\">");
        for s in &r.sources {
            page.push(format!("<li>Source: {}</li>", cited(s)));
        }
        page.push("</ul></li>");
    }
    page.push("</ol>");
}

fn merchandise(page: &mut Page, draft: &TipDraft) {
    let section = &draft.merchandise;
    requirement(page, 2, &section.requirement);
    for item in &section.items {
        page.push(format!(
            "<h4>{}</h4>",
            esc(&labels::line_ref(&item.shipment_id, item.line))
        ));
        page.push("<table class=\"goods\">");
        for (label, value) in labels::merchandise_rows(item) {
            let value = value.map_or_else(
                || format!("<span class=\"missing\">{NOT_GIVEN}</span>"),
                |v| esc(&v),
            );
            page.push(format!(
                "<tr><th scope=\"row\">{}</th><td>{value}</td></tr>",
                esc(label)
            ));
        }
        page.push("</table>");
    }
}

fn production(page: &mut Page, draft: &TipDraft) {
    let section = &draft.production;
    requirement(page, 3, &section.requirement);
    for facts in &section.lines {
        line_facts(page, facts);
    }
    page.push("<h4>Listed records matched</h4>");
    if section.records.is_empty() {
        page.push("<p>No listed party (OFAC, CBP enforcement or investigation) matched.</p>");
    }
    for r in &section.records {
        record(page, r);
    }
}

fn line_facts(page: &mut Page, facts: &ProductionFacts) {
    page.push(format!(
        "<h4>{}: parties and places</h4>",
        esc(&labels::line_ref(&facts.shipment_id, facts.line))
    ));
    page.push("<table class=\"parties\">");
    let shown = |v: &Option<String>| {
        v.as_deref().map_or_else(
            || format!("<span class=\"missing\">{NOT_GIVEN}</span>"),
            esc,
        )
    };
    for p in &facts.parties {
        page.push(format!(
            "<tr><th scope=\"row\">{}</th><td><strong>{}</strong><br>Address: {}<br>City: {}<br>Country: {}</td></tr>",
            esc(&labels::capitalize(&p.role)),
            shown(&p.name),
            shown(&p.address),
            shown(&p.city),
            shown(&p.country)
        ));
    }
    for c in &facts.countries {
        let name = c.name.as_deref().map_or_else(
            || "<span class=\"missing\">not resolved to one country</span>".to_owned(),
            esc,
        );
        page.push(format!(
            "<tr><th scope=\"row\">{}</th><td>{} ({name})</td></tr>",
            esc(&labels::capitalize(&c.field)),
            esc(&c.input)
        ));
    }
    page.push("</table>");
    page.push("<p>What the sources document about North Korean workers here:</p>");
    page.push("<ul>");
    if facts.documented.is_empty() {
        page.push("<li>Nothing beyond the listed records below.</li>");
    }
    for f in &facts.documented {
        page.push(format!("<li>{}</li>", documented(f)));
    }
    page.push("</ul>");
}

fn record(page: &mut Page, r: &RecordMatched) {
    page.push("<table class=\"record\">");
    let mut row = |label: &str, value: String| {
        page.push(format!(
            "<tr><th scope=\"row\">{}</th><td>{value}</td></tr>",
            esc(label)
        ));
    };
    row(
        "Listed party",
        match labels::entity_reference(&r.entity_id) {
            Some(reference) => format!("<strong>{}</strong> ({})", esc(&r.name), esc(&reference)),
            None => format!("<strong>{}</strong>", esc(&r.name)),
        },
    );
    row(
        "List",
        format!(
            "{} <span class=\"tier\">{}</span>",
            esc(&r.list_label),
            esc(&labels::tier_note(r.tier))
        ),
    );
    row("Matched by", esc(&r.matched_by.join("; ")));
    if !r.programs.is_empty() {
        row("Programs", esc(&r.programs.join(", ")));
    }
    for a in &r.addresses {
        row("Address", esc(a));
    }
    if let Some(remarks) = &r.remarks_excerpt {
        row("Remarks (excerpt)", esc(remarks));
    }
    if let Some(note) = &r.note {
        row("Recorded", esc(note));
    }
    for s in &r.sources {
        row("Source", cited(s));
    }
    page.push("</table>");
}

fn ilo(page: &mut Page, draft: &TipDraft) {
    let list = &draft.ilo_indicators;
    page.push("<h2>ILO indicators of forced labour</h2>");
    quote(page, &list.quote, false);
    page.push(
        "<p>Each indicator is \u{201c}not established\u{201d} unless a cited source's own words \
         name it for the parties, places or sectors above. Add the facts you know first-hand.</p>",
    );
    page.push("<ul class=\"checklist\">");
    for i in &list.indicators {
        let named = i.status == IloStatus::NamedInEvidence;
        page.push(format!(
            "<li class=\"{}\"><span class=\"box\">{}</span><strong>{}</strong>: {}",
            if named { "named" } else { "open" },
            if named { "\u{2612}" } else { "\u{2610}" },
            esc(&i.name),
            esc(labels::ilo_status(i.status))
        ));
        if !i.evidence.is_empty() {
            page.push("<ul>");
            for e in &i.evidence {
                page.push(format!("<li>{}</li>", documented(e)));
            }
            page.push("</ul>");
        }
        page.push("<div class=\"fill\">Submitter's facts:</div></li>");
    }
    page.push("</ul>");
}

fn submitter(page: &mut Page, draft: &TipDraft) {
    page.push("<h2>Submitter</h2>");
    page.push(format!("<p>{}</p>", esc(&draft.submitter.instructions)));
    page.push("<table class=\"submitter\">");
    for f in &draft.submitter.fields {
        let value = if f.value.is_empty() {
            format!("<span class=\"blank\" title=\"{BLANK}\"></span>")
        } else {
            esc(&f.value)
        };
        page.push(format!(
            "<tr><th scope=\"row\">{}</th><td>{value}</td></tr>",
            esc(&f.label)
        ));
    }
    page.push("</table>");
}

/// `About: "text" (source)`.
fn documented(f: &DocumentedFact) -> String {
    format!(
        "<strong>{}</strong>: \u{201c}{}\u{201d} ({})",
        esc(&f.about),
        esc(&f.text),
        cited(&f.source)
    )
}

/// `<a>title</a>, date (tier)` and the URL written out (a printed page has no links).
fn cited(s: &CitedSource) -> String {
    format!(
        "{}, {} <span class=\"tier\">{}</span> <span class=\"url\">{}</span>",
        link(&s.title, &s.url),
        esc(&s.date),
        esc(&labels::tier_note(s.tier)),
        esc(&s.url)
    )
}

/// A link when the URL is a web address; otherwise the title and the URL as text.
fn link(title: &str, url: &str) -> String {
    match safe_url(url) {
        Some(url) => format!("<a href=\"{}\">{}</a>", esc(url), esc(title)),
        None => format!("{} ({})", esc(title), esc(url)),
    }
}
