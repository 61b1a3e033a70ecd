//! What a filing needs besides the evidence: where to file (the current channel first), what
//! the submitter asks CBP to do, a confidentiality request, and an evidence checklist with a
//! plain note on keeping sources and workers safe.
//!
//! Every statement about CBP's channels quotes a text of the knowledge base with its source and
//! reliability (`data/legal/texts.json`): the 2025 Forced Labor Allegations Portal is known only
//! from law-firm reports, so the draft says so and asks the submitter to check the address on
//! cbp.gov. The requested action and the confidentiality request are the submitter's words to
//! CBP, drafted for them to edit; they claim nothing about what CBP will do.

use crate::indicators::legal::{self, LegalText, LegalTexts};

use super::error::TipError;
use super::model::{Guidance, GuidanceSource};

/// The texts the filing sections quote, looked up once.
struct Texts<'t> {
    portal: &'t LegalText,
    faq: &'t LegalText,
    phone: &'t LegalText,
    contact: &'t LegalText,
    disclosure: &'t LegalText,
}

impl<'t> Texts<'t> {
    fn new(texts: &'t LegalTexts) -> Result<Texts<'t>, TipError> {
        let get = |id: &str| {
            texts.get(id).ok_or_else(|| TipError::LegalText {
                id: id.to_owned(),
                problem: "is missing".to_owned(),
            })
        };
        Ok(Texts {
            portal: get(legal::CBP_FL_ALLEGATIONS_PORTAL)?,
            faq: get(legal::CBP_FL_ALLEGATION_CHANNEL)?,
            phone: get(legal::CBP_FL_ALLEGATION_PHONE)?,
            contact: get(legal::CBP_CAATSA_CONTACT)?,
            disclosure: get(legal::CBP_FL_ALLEGATION_DISCLOSURE)?,
        })
    }
}

/// The filing sections, in print order: where to file, requested action, confidentiality.
pub fn sections(texts: &LegalTexts, party: &str) -> Result<Vec<Guidance>, TipError> {
    let t = Texts::new(texts)?;
    Ok(vec![
        channels(&t),
        requested_action(party),
        confidentiality(&t),
    ])
}

fn channels(t: &Texts) -> Guidance {
    Guidance {
        title: "Where to file".to_owned(),
        paragraphs: vec![
            format!(
                "File through CBP's Forced Labor Allegations Portal. {}: \u{201c}{}\u{201d} \
                 Another law firm gives the portal's address as flallegation.cbp.gov ({}, {}). \
                 Both are law-firm reports, not CBP's own page: check the address on cbp.gov \
                 before you file.",
                cite(t.portal),
                quoted(t.portal),
                see_also_title(t.portal),
                see_also_date(t.portal),
            ),
            format!(
                "Before the portal, CBP's Forced Labor FAQ said: \u{201c}{}\u{201d} ({}). A \
                 trade-law firm reported CBP's advice to \u{201c}{}\u{201d} ({}). The 2025 \
                 reports say the portal replaces that system for forced-labor allegations.",
                first_sentence(&quoted(t.faq)),
                cite(t.faq),
                quoted(t.phone),
                cite(t.phone),
            ),
            format!(
                "For questions about CBP's CAATSA enforcement (not for the allegation itself): \
                 \u{201c}{}\u{201d} ({}).",
                quoted(t.contact),
                cite(t.contact),
            ),
        ],
        checklist: Vec::new(),
        sources: sources_of_all(&[t.portal, t.faq, t.phone, t.contact]),
    }
}

fn requested_action(party: &str) -> Guidance {
    Guidance {
        title: "What the submitter asks CBP to do".to_owned(),
        paragraphs: vec![format!(
            "The submitter asks CBP to examine the merchandise described in this allegation and, \
             if CBP finds that it was mined, produced or manufactured wholly or in part by the \
             labor of North Korean nationals or citizens, to apply 22 U.S.C. 9241a and 19 U.S.C. \
             1307 to it. Edit this list to say what you ask for; strike what does not apply."
        )],
        checklist: vec![
            format!(
                "Detain at U.S. ports of entry merchandise produced or supplied by {party}, \
                 under 22 U.S.C. 9241a and 19 U.S.C. 1307, unless the importer shows by clear \
                 and convincing evidence that it was not made with forced labor."
            ),
            "Ask the importers and consignees named in this allegation how and where the goods \
             were produced, and by whom."
                .to_owned(),
            "Other action the submitter asks for: ____________________".to_owned(),
        ],
        sources: Vec::new(),
    }
}

fn confidentiality(t: &Texts) -> Guidance {
    Guidance {
        title: "Confidentiality".to_owned(),
        paragraphs: vec![
            "The submitter asks CBP to keep confidential the submitter's identity and the \
             identity of every worker, witness and source named in this allegation or its \
             attachments, and not to disclose the allegation or its attachments to the companies \
             named in it."
                .to_owned(),
            format!(
                "A law firm reports that \u{201c}{}\u{201d} ({}), and another that through the \
                 portal \u{201c}complaints can be submitted anonymously by trade users\u{201d} \
                 ({}). CBP's own terms were not retrieved: read them on the portal before you \
                 decide what to file in your own name.",
                quoted(t.disclosure),
                cite(t.disclosure),
                cite(t.portal),
            ),
        ],
        checklist: Vec::new(),
        sources: sources_of_all(&[t.disclosure, t.portal]),
    }
}

/// What to gather and attach, and how to keep the people behind it safe.
pub fn evidence_checklist() -> Guidance {
    Guidance {
        title: "Evidence to gather and attach".to_owned(),
        paragraphs: vec![
            "CBP acts on evidence that ties these goods to North Korean workers. Attach what you \
             have, each item with its date, place and how you obtained it:"
                .to_owned(),
            "Safety: people who give evidence, and workers who can be recognised in it, may be \
             put at risk. Collect only what you need; never ask anyone to take a risk to get \
             evidence; blur faces and remove names you do not need; keep originals and contact \
             details off shared drives and out of ordinary email; and tell CBP which details \
             must not reach the companies named."
                .to_owned(),
        ],
        checklist: vec![
            "Photographs or video of the plant, the workers or their housing (keep the original \
             files: they record when and where they were taken)."
                .to_owned(),
            "Documents: bills of lading, invoices, packing lists, labels and marks, contracts, \
             company registrations, job advertisements, payroll or recruitment records."
                .to_owned(),
            "Statements of workers, former workers or other witnesses: who, when, where, and what \
             they saw (the ILO indicators above are a guide to what matters)."
                .to_owned(),
            "Records that tie these shipments to the plant: lot numbers, container numbers, \
             production and shipping dates."
                .to_owned(),
            "Reporting newer than the sources cited here, with its date.".to_owned(),
        ],
        sources: Vec::new(),
    }
}

/// `Source title (date)`.
pub fn cite(text: &LegalText) -> String {
    format!("{}, {}", text.source.title, text.source.date)
}

fn quoted(text: &LegalText) -> String {
    text.text.clone().unwrap_or_default()
}

fn see_also_title(text: &LegalText) -> &str {
    text.see_also.first().map_or("", |s| s.title.as_str())
}

fn see_also_date(text: &LegalText) -> &str {
    text.see_also.first().map_or("", |s| s.date.as_str())
}

/// The text up to and including its first full stop.
fn first_sentence(text: &str) -> String {
    match text.find(". ") {
        Some(end) => text[..=end].to_owned(),
        None => text.to_owned(),
    }
}

/// The sources of `texts` (each text's own, then its further copies), once each by URL. A
/// further copy takes its text's reliability only when it is a copy of that text; a source
/// already listed keeps the reliability it was first listed with.
fn sources_of_all(texts: &[&LegalText]) -> Vec<GuidanceSource> {
    let mut out: Vec<GuidanceSource> = Vec::new();
    for text in texts {
        for (s, own) in
            std::iter::once((&text.source, true)).chain(text.see_also.iter().map(|s| (s, false)))
        {
            if out.iter().any(|o| o.url == s.url) {
                continue;
            }
            // A see-also of a government text may be a law firm's report of it (the FAQ's
            // see-also is the Mondaq article): only the text's own source carries its mark.
            let reliability = if own {
                text.reliability
            } else {
                legal::Reliability::Sec
            };
            out.push(GuidanceSource {
                title: s.title.clone(),
                date: s.date.clone(),
                url: s.url.clone(),
                reliability,
            });
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn first_sentences_end_at_the_first_full_stop() {
        assert_eq!(first_sentence("One. Two."), "One.");
        assert_eq!(first_sentence("No stop"), "No stop");
    }
}
