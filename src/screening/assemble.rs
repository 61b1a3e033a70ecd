//! Findings into a line result: findings grouped into one flag per code (severity = the highest
//! any of its findings justifies), each flag titled, summarised, cited and given rebuttal
//! guidance; the line's verdict is its highest flag; and a plain explanation, for clear lines too.

use std::sync::Arc;

use crate::indicators::KnowledgeBase;
use crate::manifest::PartyRole;
use crate::memo::Memo;

use super::facts::{is_placeholder, LineFacts};
use super::flags::{Citation, Evidence, Flag, FlagCode};
use super::legal_basis;
use super::result::LineContext;
use super::rules::Finding;
use super::texts;
use super::verdict::Verdict;

/// What the rules concluded about a line (everything of a result but the line itself).
pub struct Assessment {
    pub verdict: Verdict,
    pub flags: Vec<Flag>,
    pub explanation: String,
    pub context: LineContext,
}

/// Builds the line's assessment from its findings. `citations` remembers the legal basis of each
/// flag code (it depends only on the code and the line's sector family), so the quoted texts are
/// shared between results rather than copied into each.
pub fn assess(
    kb: &KnowledgeBase,
    citations: &Memo<Arc<[Citation]>>,
    facts: &LineFacts<'_>,
    findings: Vec<Finding>,
) -> Assessment {
    let sectors: Vec<&str> = facts.sectors.iter().map(|s| s.sector.as_str()).collect();
    let mut flags: Vec<Flag> = Vec::new();
    for code in FlagCode::ALL {
        let mut mine: Vec<&Finding> = findings.iter().filter(|f| f.code == code).collect();
        if mine.is_empty() {
            continue;
        }
        mine.sort_by(|a, b| {
            b.severity
                .cmp(&a.severity)
                .then(b.evidence.score.total_cmp(&a.evidence.score))
        });
        let severity = mine[0].severity;
        let evidence: Vec<Evidence> = mine.iter().map(|f| f.evidence.clone()).collect();
        let key = legal_basis::key(code, &sectors);
        let legal_basis = citations.get_or(&key, || {
            legal_basis::citations(&kb.legal, code, &sectors).into()
        });
        flags.push(Flag {
            code,
            severity,
            title: texts::title(code).to_owned(),
            summary: summary(&evidence),
            legal_basis,
            rebuttal: texts::rebuttal(code).to_owned(),
            evidence,
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

/// What an indicator kind is, in words.
fn kind_phrase(kind: &str) -> &'static str {
    match kind {
        "ofac_north_korea" => "an OFAC SDN entry with a North Korea nexus",
        "ofac_other" => "an OFAC SDN entry",
        "cbp_enforcement" => "a company whose goods CBP detains under CAATSA",
        "reported_employer" => "a company named in reporting on North Korean labor",
        "country" => "North Korea as a country of origin or of a party",
        "good" => "a North Korean good on a government list",
        "region" => "a region with a documented North Korean workforce",
        "region_sector" => "a sector documented in that region",
        "sector_country" => "a sector and country reported to involve North Korean labor",
        "country_table" => "a country name that can mean North or South Korea",
        _ => "an indicator",
    }
}

/// One sentence naming what matched, what it is, and on whose word.
pub fn sentence(e: &Evidence) -> String {
    let score = if e.score < 1.0 {
        format!(", name score {:.3}", e.score)
    } else {
        String::new()
    };
    format!(
        "{} \"{}\" matches {} — {} ({}, {}{score})",
        e.field,
        e.input,
        e.matched,
        kind_phrase(&e.kind),
        e.source.title,
        e.source.date
    )
}

fn summary(evidence: &[Evidence]) -> String {
    let first = sentence(&evidence[0]);
    match evidence.len() {
        1 => format!("{first}."),
        n => format!(
            "{first}; and {} more item{} of evidence.",
            n - 1,
            if n == 2 { "" } else { "s" }
        ),
    }
}

fn explanation(verdict: Verdict, flags: &[Flag], facts: &LineFacts<'_>) -> String {
    let lead = match verdict {
        Verdict::Presumption => "The CAATSA Sec. 321(b) presumption applies on the evidence shown",
        Verdict::HighRisk => "High risk of North Korean labor or a sanctions match",
        Verdict::Review => "Needs review",
        Verdict::Clear => "No indicator matched",
    };
    if verdict != Verdict::Clear {
        let codes: Vec<&str> = flags.iter().map(|f| f.code.as_str()).collect();
        return format!(
            "{lead}: {}. Flags: {}.",
            flags[0].summary.trim_end_matches('.'),
            codes.join(", ")
        );
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
