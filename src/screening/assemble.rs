//! Findings into a line result: findings grouped into one flag per code (severity = the highest
//! any of its findings justifies), each flag titled, summarised, cited and given rebuttal
//! guidance; the line's verdict is its highest flag; and a plain explanation, for clear lines too.

use crate::indicators::KnowledgeBase;

use super::facts::LineFacts;
use super::flags::{Evidence, Flag, FlagCode};
use super::legal_basis;
use super::result::LineResult;
use super::rules::Finding;
use super::texts;
use super::verdict::Verdict;

/// Builds the line's result from its findings.
pub fn line_result(
    kb: &KnowledgeBase,
    facts: &LineFacts<'_>,
    findings: Vec<Finding>,
    screened: &[String],
) -> LineResult {
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
        flags.push(Flag {
            code,
            severity,
            title: texts::title(code).to_owned(),
            summary: summary(&evidence),
            legal_basis: legal_basis::citations(&kb.legal, code, &sectors),
            rebuttal: texts::rebuttal(code),
            evidence,
        });
    }
    flags.sort_by_key(|f| std::cmp::Reverse(f.severity));
    let verdict = flags
        .iter()
        .map(|f| f.severity)
        .max()
        .unwrap_or(Verdict::Clear);
    let explanation = explanation(verdict, &flags, facts, screened);
    LineResult {
        shipment_id: facts.line.shipment_id.clone(),
        line: facts.line.line,
        verdict,
        flags,
        explanation,
        context: facts.context(kb),
        input: facts.line.clone(),
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

fn explanation(
    verdict: Verdict,
    flags: &[Flag],
    facts: &LineFacts<'_>,
    screened: &[String],
) -> String {
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
