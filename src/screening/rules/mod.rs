//! The rules. Each reads [`super::facts::LineFacts`] and pushes [`Finding`]s: a flag code, the
//! severity this finding justifies, and one evidence item. Findings become flags in
//! [`super::assemble`]; no rule decides a verdict on its own.

pub mod origin;
pub mod parties;
pub mod places;
pub mod vessel;

use super::flags::{Evidence, FlagCode};
use super::verdict::Verdict;
use crate::indicators::{ListedEntity, Source, Tier};

#[derive(Debug, Clone)]
pub struct Finding {
    pub code: FlagCode,
    pub severity: Verdict,
    pub evidence: Evidence,
}

impl Finding {
    pub fn new(code: FlagCode, evidence: Evidence) -> Finding {
        Finding {
            code,
            severity: code.default_severity(),
            evidence,
        }
    }

    pub fn with_severity(mut self, severity: Verdict) -> Finding {
        self.severity = severity;
        self
    }
}

/// Rounds a score for output, so results are stable across platforms.
pub fn round3(score: f32) -> f64 {
    (f64::from(score) * 1000.0).round() / 1000.0
}

/// Evidence that `input` in `field` matched a listed entity under `matched_name`.
pub fn entity_evidence(
    field: &str,
    input: &str,
    entity: &ListedEntity,
    matched_name: &str,
    score: f32,
) -> Evidence {
    let mut note = entity.note.clone();
    if !entity.programs.is_empty() {
        let programs = format!("OFAC programs: {}.", entity.programs.join(", "));
        note = Some(match note {
            Some(n) => format!("{programs} {n}"),
            None => programs,
        });
    }
    Evidence {
        field: field.to_owned(),
        input: input.to_owned(),
        matched: matched_name.to_owned(),
        indicator_id: entity.id.clone(),
        kind: entity.list.as_str().to_owned(),
        tier: entity.tier,
        score: round3(score),
        source: entity.source.clone(),
        note,
    }
}

/// Evidence of an exact match to a place, country or sector indicator.
pub fn indicator_evidence(
    field: &str,
    input: &str,
    matched: String,
    (id, kind): (&str, &str),
    tier: Tier,
    source: &Source,
    note: &str,
) -> Evidence {
    Evidence {
        field: field.to_owned(),
        input: input.to_owned(),
        matched,
        indicator_id: id.to_owned(),
        kind: kind.to_owned(),
        tier,
        score: 1.0,
        source: source.clone(),
        note: (!note.is_empty()).then(|| note.to_owned()),
    }
}
