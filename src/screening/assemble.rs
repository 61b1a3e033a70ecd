//! Findings into a line result: findings grouped into one flag per code (severity = the highest
//! any of its findings justifies), each flag titled, summarised, and given its law regime by
//! regime; the line's verdict is its highest flag; and a plain explanation, for clear lines too.

use std::sync::Arc;

use crate::indicators::KnowledgeBase;
use crate::manifest::PartyRole;
use crate::memo::Memo;

use super::age;
use super::cited::LawRef;
use super::evidence::Evidence;
use super::facts::{is_placeholder, LineFacts};
use super::flags::{Flag, FlagCode};
use super::legal_basis;
use super::result::LineContext;
use super::rules::Finding;
use super::sentences;
use super::texts;
use super::verdict::Verdict;
use crate::indicators::SectorId;

/// What the rules concluded about a line (everything of a result but the line itself).
pub struct Assessment {
    pub verdict: Verdict,
    pub flags: Vec<Flag>,
    pub explanation: String,
    pub context: LineContext,
}

/// Builds the line's assessment from its findings. `laws` remembers the law of each flag code
/// (it depends only on the code and the line's sector family), so the quoted texts are shared
/// between results rather than copied into each. `as_of_year` dates the sources' age notes.
pub fn assess(
    kb: &KnowledgeBase,
    laws: &Memo<Arc<[LawRef]>>,
    facts: &LineFacts<'_>,
    findings: Vec<Finding>,
    as_of_year: i32,
) -> Assessment {
    let sectors: Vec<SectorId> = facts.sectors.iter().map(|s| s.sector).collect();
    let mut flags: Vec<Flag> = Vec::new();
    for code in FlagCode::ALL {
        let mut mine: Vec<&Finding> = findings.iter().filter(|f| f.code == code).collect();
        if mine.is_empty() {
            continue;
        }
        // The strongest evidence leads (it words the summary); among equals, the newest source,
        // so that a flag is not summarised by a years-old report when a recent one says the same.
        // Source dates are ISO-like (`2024-02-27`, `2024-02 (...)`), so they order as text.
        mine.sort_by(|a, b| {
            b.severity
                .cmp(&a.severity)
                .then(b.evidence.score.total_cmp(&a.evidence.score))
                .then_with(|| b.evidence.source.date.cmp(&a.evidence.source.date))
        });
        let severity = mine[0].severity;
        let evidence: Vec<Evidence> = mine
            .iter()
            .map(|f| {
                let mut e = f.evidence.clone();
                e.source_age_years = age::old_source_age(&e.source.date, as_of_year);
                e
            })
            .collect();
        let key = legal_basis::key(code, &sectors);
        let law = laws.get_or(&key, || {
            let parts = legal_basis::law(&kb.legal, code, &sectors);
            parts.into_iter().map(LawRef::new).collect()
        });
        flags.push(Flag {
            code,
            severity,
            regimes: code.regimes().to_vec(),
            title: texts::title(code, evidence[0].role).to_owned(),
            summary: summary(&evidence),
            identity: evidence[0].identity.clone(),
            law,
            evidence,
            prior_decisions: Vec::new(),
        });
    }
    flags.sort_by_key(|f| std::cmp::Reverse(f.severity));
    let verdict = flags
        .iter()
        .map(|f| f.severity)
        .max()
        .unwrap_or(Verdict::Clear);
    Assessment {
        explanation: explanation(verdict, &flags, facts),
        context: facts.context(kb),
        verdict,
        flags,
    }
}

fn summary(evidence: &[Evidence]) -> String {
    let first = sentences::sentence(&evidence[0]);
    match evidence.len() {
        1 => format!("{first}."),
        n => format!(
            "{first}; and {} more item{} of evidence.",
            n - 1,
            if n == 2 { "" } else { "s" }
        ),
    }
}

/// A legal flag lowered to high risk because its identity rests on a short or common name.
fn is_held_back(flag: &Flag) -> bool {
    flag.severity < flag.code.default_severity()
        && flag.code.default_severity() >= Verdict::Presumption
}

fn explanation(verdict: Verdict, flags: &[Flag], facts: &LineFacts<'_>) -> String {
    let lead = match verdict {
        Verdict::Prohibited => "An OFAC prohibition applies if the facts are as matched",
        Verdict::Presumption => {
            "The forced-labor presumption (22 U.S.C. 9241a) applies if the facts are as matched"
        }
        Verdict::HighRisk if flags.iter().any(is_held_back) => {
            "High risk; confirm identity first (a match that would be a prohibition or the \
             presumption rests on a short or common name alone)"
        }
        Verdict::HighRisk => "High risk: evidence of North Korean labor to check",
        Verdict::Review => "Needs review",
        Verdict::Clear => "No indicator matched",
    };
    if verdict != Verdict::Clear {
        // The lead says what the verdict means and the codes which flags carry it; what matched,
        // on whose word, is each flag's summary (repeating the first one here doubled the
        // longest sentence of every line).
        let codes: Vec<&str> = flags.iter().map(|f| f.code.as_str()).collect();
        return format!("{lead}. Flags, most serious first: {}.", codes.join(", "));
    }
    let screened: Vec<String> = PartyRole::ALL
        .iter()
        .filter_map(|&role| {
            let name = facts.line.party(role).name?;
            let field = role.name_field();
            Some(if is_placeholder(name) {
                format!("{field} \"{name}\" (a placeholder, not a party: not screened)")
            } else {
                format!("{field} \"{name}\"")
            })
        })
        .collect();
    let countries: Vec<String> = facts
        .countries
        .iter()
        .map(|c| match c.resolution.code() {
            Some(code) => format!("{} {code}", c.field.as_str()),
            None => format!("{} \"{}\" not recognised", c.field.as_str(), c.input),
        })
        .collect();
    let sectors: Vec<&str> = facts.sectors.iter().map(|s| s.sector.as_str()).collect();
    format!(
        "{lead}. Screened {}; countries: {}; sectors: {}.",
        if screened.is_empty() {
            "no party name".to_owned()
        } else {
            screened.join(", ")
        },
        if countries.is_empty() {
            "none given".to_owned()
        } else {
            countries.join(", ")
        },
        if sectors.is_empty() {
            "none recognised".to_owned()
        } else {
            sectors.join(", ")
        }
    )
}
