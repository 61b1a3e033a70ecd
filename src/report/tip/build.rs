//! [`draft`]: a screening's flagged line(s) of one shipment into a [`TipDraft`]. Pure: the same
//! knowledge base, screening, selection and date give the same draft, byte for byte.
//!
//! Selection refuses rather than guesses: an unknown shipment or line is an error listing what
//! exists, and clear lines are never drafted (a clear line asked for by number is a
//! [`TipRefusal`]; clear lines of a shipment asked for whole are left out and named in a notice).

use crate::indicators::legal;
use crate::indicators::KnowledgeBase;
use crate::screening::{LineResult, Regime, Screening, Verdict, WarningCode};

use super::error::{TipError, TipRefusal};
use super::model::{
    Attachment, EvidenceStrength, LineRef, MerchandiseSection, NextSteps, Pattern,
    ProductionSection, ReasonsSection, Submitter, SubmitterField, TipDraft, TipHeader, TipSubject,
};
use super::{checks, filing, goods, ilo, production, quotes, reasons};

/// The title every draft carries.
pub const TITLE: &str = "Draft allegation — verify every fact before submitting";

/// The notice every draft carries first.
const NOT_A_FINDING: &str = "This is a draft prepared by software from a screening result. It is \
not a finding by CBP or by anyone else, and it does not say that anyone used forced labor: it \
says what matched and on whose word. Check every fact against its source, add what you know \
first-hand, and remove anything you cannot confirm before you file.";

/// The submitter blanks. They are this draft's, not CBP's: the field list of CBP's portal was
/// not retrieved (see `docs/tips.md`).
const SUBMITTER_FIELDS: &[&str] = &[
    "Name (or \"anonymous\")",
    "Organization",
    "Email",
    "Telephone",
    "How CBP may contact you safely",
    "How you came to know these facts",
    "Your own evidence (documents, photographs, interviews), with dates",
    "Date of submission",
];

const SUBMITTER_INSTRUCTIONS: &str = "Fill in these blanks before filing. They are this draft's \
own headings, not the fields of CBP's form (the portal's field list was not retrieved): copy \
what applies into the channel you use.";

/// Drafts an allegation for `shipment_id` of `screening`: line `line`, or every flagged line
/// when `line` is `None`. `date` is the date printed on the draft.
pub fn draft(
    kb: &KnowledgeBase,
    screening: &Screening,
    shipment_id: &str,
    line: Option<u32>,
    date: time::Date,
) -> Result<TipDraft, TipError> {
    let (lines, omitted) = select(screening, shipment_id, line)?;
    let notices = omitted_notice(&omitted).into_iter().collect();
    build(
        kb,
        &[screening],
        &lines,
        Subject {
            subject: TipSubject::Shipment {
                shipment_id: shipment_id.to_owned(),
            },
            notices,
            pattern: None,
        },
        date,
    )
}

/// What a draft is about, and what only that kind of draft carries.
pub(crate) struct Subject {
    pub subject: TipSubject,
    /// Notices particular to the selection (lines left out, spellings grouped).
    pub notices: Vec<String>,
    pub pattern: Option<Pattern>,
}

fn omitted_notice(omitted: &[u32]) -> Option<String> {
    if omitted.is_empty() {
        return None;
    }
    let list: Vec<String> = omitted.iter().map(u32::to_string).collect();
    Some(format!(
        "Line{} {} of this shipment {} clear (no indicator matched) and not part of this draft.",
        if omitted.len() == 1 { "" } else { "s" },
        list.join(", "),
        if omitted.len() == 1 { "is" } else { "are" },
    ))
}

/// The lines to draft for, and the clear lines of the shipment left out.
fn select<'s>(
    screening: &'s Screening,
    shipment_id: &str,
    line: Option<u32>,
) -> Result<(Vec<&'s LineResult>, Vec<u32>), TipError> {
    let of_shipment: Vec<&LineResult> = screening
        .results
        .iter()
        .filter(|r| r.shipment_id == shipment_id)
        .collect();
    if of_shipment.is_empty() {
        let mut available: Vec<String> = Vec::new();
        for r in &screening.results {
            if !available.contains(&r.shipment_id) {
                available.push(r.shipment_id.clone());
            }
        }
        return Err(TipError::UnknownShipment {
            shipment_id: shipment_id.to_owned(),
            available,
        });
    }
    let refuse = |line: Option<u32>, message: String| {
        TipError::Refused(TipRefusal {
            shipment_id: shipment_id.to_owned(),
            supplier: None,
            line,
            message,
        })
    };
    if let Some(n) = line {
        let Some(found) = of_shipment.iter().find(|r| r.line == n) else {
            return Err(TipError::UnknownLine {
                shipment_id: shipment_id.to_owned(),
                line: n,
                available: of_shipment.iter().map(|r| r.line).collect(),
            });
        };
        if found.verdict == Verdict::Clear {
            return Err(refuse(
                Some(n),
                format!(
                    "no draft for line {n} of shipment {shipment_id}: the line is clear ({}). An \
                     allegation needs a reason to believe, and the screening found none; add \
                     your own evidence to a screening that flags the line, or draft for a \
                     flagged line",
                    found.explanation.trim_end_matches('.')
                ),
            ));
        }
        return Ok((vec![found], Vec::new()));
    }
    let (flagged, clear): (Vec<&LineResult>, Vec<&LineResult>) = of_shipment
        .into_iter()
        .partition(|r| r.verdict != Verdict::Clear);
    if flagged.is_empty() {
        return Err(refuse(
            None,
            format!(
                "no draft for shipment {shipment_id}: every line is clear (no indicator \
                 matched), so there is no reason to believe to state"
            ),
        ));
    }
    Ok((flagged, clear.iter().map(|r| r.line).collect()))
}

/// Builds the draft for `lines` (already selected, none clear) of `screenings`.
pub(crate) fn build(
    kb: &KnowledgeBase,
    screenings: &[&Screening],
    lines: &[&LineResult],
    subject: Subject,
    date: time::Date,
) -> Result<TipDraft, TipError> {
    let texts = &kb.legal;
    let legal_basis = quotes::legal_basis(texts)?;
    let requirements = quotes::quote(texts, legal::CFR_12_42_B)?;
    let [why, what, where_] = quotes::requirements(&requirements)?;
    let facts = production::facts(kb, lines);
    let documented: Vec<_> = facts.iter().flat_map(|f| f.documented.clone()).collect();
    let reasons = reasons::reasons(kb, lines);
    let checks = checks::checks(lines, &reasons, date);
    let party = party_named(lines, &subject.subject);
    let draft = TipDraft {
        header: header(kb, screenings, lines, &subject, date),
        filing: filing::sections(texts, &party)?,
        checks,
        pattern: subject.pattern,
        legal_basis,
        requirements,
        reasons: ReasonsSection {
            requirement: why,
            reasons,
        },
        merchandise: MerchandiseSection {
            requirement: what,
            items: goods::merchandise(kb, lines),
        },
        production: ProductionSection {
            requirement: where_,
            records: production::records(kb, lines),
            lines: facts,
        },
        ilo_indicators: ilo::checklist(quotes::quote(texts, legal::ILO_INDICATORS)?, &documented),
        evidence_checklist: filing::evidence_checklist(),
        submitter: Submitter {
            instructions: SUBMITTER_INSTRUCTIONS.to_owned(),
            fields: SUBMITTER_FIELDS
                .iter()
                .map(|label| SubmitterField {
                    label: (*label).to_owned(),
                    value: String::new(),
                })
                .collect(),
        },
        attachments: Vec::new(),
        next_steps: NextSteps {
            detention: quotes::quote(texts, legal::CBP_CAATSA_DETENTION)?,
        },
    };
    Ok(TipDraft {
        attachments: attachments(&draft),
        ..draft
    })
}

/// The party the requested action names: the supplier of a supplier draft; otherwise the
/// manifest names that matched a listed party, else the lines' suppliers.
fn party_named(lines: &[&LineResult], subject: &TipSubject) -> String {
    if let TipSubject::Supplier { name, .. } = subject {
        return format!("\u{201c}{name}\u{201d}");
    }
    let mut names: Vec<String> = Vec::new();
    let matched = lines
        .iter()
        .flat_map(|l| l.flags.iter().flat_map(|f| &f.evidence))
        .filter(|e| e.kind.is_entity())
        .map(|e| e.input.clone());
    let suppliers = lines.iter().filter_map(|l| l.input.supplier_name.clone());
    for name in matched.chain(suppliers) {
        if !names.contains(&name) {
            names.push(name);
        }
    }
    match names.as_slice() {
        [] => "the parties named in this allegation".to_owned(),
        _ => names
            .iter()
            .map(|n| format!("\u{201c}{n}\u{201d}"))
            .collect::<Vec<_>>()
            .join(" and "),
    }
}

fn header(
    kb: &KnowledgeBase,
    screenings: &[&Screening],
    lines: &[&LineResult],
    subject: &Subject,
    date: time::Date,
) -> TipHeader {
    let verdict = lines
        .iter()
        .map(|l| l.verdict)
        .max()
        .unwrap_or(Verdict::Clear);
    let evidence_strength = strength(lines);
    let strength_statement = strength_statement(evidence_strength).to_owned();
    let mut notices = Vec::new();
    if evidence_strength == EvidenceStrength::Weak {
        notices.push(strength_statement.clone());
    }
    for w in screenings
        .iter()
        .flat_map(|s| &s.warnings)
        .filter(|w| w.code == WarningCode::StaleList)
    {
        if !notices.contains(&w.message) {
            notices.push(w.message.clone());
        }
    }
    notices.push(NOT_A_FINDING.to_owned());
    notices.extend(sanctions_notice(lines));
    notices.extend(subject.notices.iter().cloned());
    for screening in screenings {
        if screening.indicators_version != kb.version.id {
            notices.push(format!(
                "Screening {} ran against knowledge base {}, but the records and sources in this \
                 draft were read from knowledge base {}. Re-screen with the same knowledge base \
                 if anything looks out of place.",
                screening.screening_id, screening.indicators_version, kb.version.id
            ));
        }
    }
    TipHeader {
        title: TITLE.to_owned(),
        date: iso_date(date),
        indicators_version: screenings
            .first()
            .map(|s| s.indicators_version.clone())
            .unwrap_or_default(),
        screening_ids: screenings.iter().map(|s| s.screening_id.clone()).collect(),
        subject: subject.subject.clone(),
        lines: lines
            .iter()
            .map(|l| LineRef {
                shipment_id: l.shipment_id.clone(),
                line: l.line,
            })
            .collect(),
        verdict,
        evidence_strength,
        strength_statement,
        notices,
    }
}

/// The draft's strength: strong only when a flag under the forced-labor presumption holds with
/// legal weight. An OFAC sanctions match is a prohibition, not forced-labor evidence, so a line
/// that is only `prohibited` by sanctions counts as high-risk evidence here.
fn strength(lines: &[&LineResult]) -> EvidenceStrength {
    let flags = || lines.iter().flat_map(|l| l.flags.iter());
    if flags()
        .any(|f| f.regimes.contains(&Regime::ForcedLabor) && f.severity >= Verdict::Presumption)
    {
        return EvidenceStrength::Strong;
    }
    match flags().map(|f| f.severity).max() {
        Some(Verdict::Prohibited | Verdict::Presumption | Verdict::HighRisk) => {
            EvidenceStrength::Moderate
        }
        _ => EvidenceStrength::Weak,
    }
}

/// A notice for lines that carry an OFAC sanctions prohibition: that regime is OFAC's, and a
/// forced-labor allegation to CBP neither covers nor cures it.
fn sanctions_notice(lines: &[&LineResult]) -> Option<String> {
    let prohibited: Vec<String> = lines
        .iter()
        .filter(|l| {
            l.flags.iter().any(|f| {
                f.regimes.contains(&Regime::OfacSanctions) && f.severity == Verdict::Prohibited
            })
        })
        .map(|l| l.line.to_string())
        .collect();
    if prohibited.is_empty() {
        return None;
    }
    Some(format!(
        "Line{} {} also carr{} an OFAC sanctions flag (verdict prohibited): if the facts are as \
         matched, dealing in these goods is prohibited without an OFAC license, whatever CBP \
         decides on forced labor. That is a separate regime, administered by OFAC: raise it with \
         OFAC, not in this allegation; see each flag's OFAC guidance in the screening result.",
        if prohibited.len() == 1 { "" } else { "s" },
        prohibited.join(", "),
        if prohibited.len() == 1 { "ies" } else { "y" },
    ))
}

fn strength_statement(strength: EvidenceStrength) -> &'static str {
    match strength {
        EvidenceStrength::Strong => {
            "Strong evidence: at least one flag is one on which the CAATSA Sec. 321(b) \
             presumption applies if the facts are as matched (North Korea named as origin, a \
             party matching an OFAC entry designated for exporting North Korean workers, or a \
             CBP CAATSA enforcement target). The presumption is rebuttable."
        }
        EvidenceStrength::Moderate => {
            "Moderate evidence: the flags are high risk (a company named by an investigation, a \
             place with reported North Korean workers, or a party whose identity is not yet \
             confirmed) or OFAC sanctions matches without a labor nexus, but none on which the \
             presumption applies by itself. Facts that tie North Korean workers to these goods \
             would strengthen the allegation."
        }
        EvidenceStrength::Weak => {
            "WEAK EVIDENCE: every flag is a review flag (a possible name match, a sector or \
             country risk, or an ambiguous country). That alone does not show that North Korean \
             nationals worked on these goods. Do not file on this evidence alone: add facts that \
             tie North Korean workers to the production, or drop the allegation."
        }
    }
}

/// `YYYY-MM-DD`.
pub fn iso_date(date: time::Date) -> String {
    format!(
        "{:04}-{:02}-{:02}",
        date.year(),
        u8::from(date.month()),
        date.day()
    )
}

/// The draft date a person typed, `YYYY-MM-DD` (surrounding spaces ignored); `None` otherwise.
pub fn parse_iso_date(text: &str) -> Option<time::Date> {
    let format = time::macros::format_description!("[year]-[month]-[day]");
    time::Date::parse(text.trim(), &format).ok()
}

/// The sources of the evidence (reasons, documented facts, records matched), once each (by
/// URL), in order of first citation. Law and channel texts are cited where they are quoted and
/// are not evidence to attach.
fn attachments(draft: &TipDraft) -> Vec<Attachment> {
    let production = &draft.production;
    let all = draft
        .reasons
        .reasons
        .iter()
        .flat_map(|r| &r.sources)
        .chain(
            production
                .lines
                .iter()
                .flat_map(|l| l.documented.iter().map(|f| &f.source)),
        )
        .chain(production.records.iter().flat_map(|r| &r.sources));
    let mut out: Vec<Attachment> = Vec::new();
    for source in all {
        if !out.iter().any(|a| a.url == source.url) {
            out.push(Attachment {
                number: out.len() + 1,
                title: source.title.clone(),
                date: source.date.clone(),
                url: source.url.clone(),
            });
        }
    }
    out
}
