//! The rules. Each reads [`super::facts::LineFacts`] and pushes [`Finding`]s: a flag code, the
//! severity this finding justifies, and one evidence item. Findings become flags in
//! [`super::assemble`]; no rule decides a verdict on its own.

pub mod origin;
pub mod parties;
pub mod places;
pub mod vessel;

use super::cited::SourceRef;
use super::evidence::{Evidence, EvidenceKind, MatchedSpelling, SpellingKind};
use super::flags::FlagCode;
use super::verdict::Verdict;
use crate::indicators::{ListedEntity, Source, Tier};
use crate::manifest::Field;
use crate::names::WatchName;

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

/// Which spelling of `entity` the watchlist name `matched` is, and where it comes from.
pub fn spelling_of(entity: &ListedEntity, matched: &WatchName) -> MatchedSpelling {
    let alias = entity
        .aliases
        .iter()
        .find(|a| a.name == matched.name && matched.name != entity.name);
    match alias {
        None => MatchedSpelling {
            kind: SpellingKind::ListedName,
            source: None,
        },
        Some(a) => MatchedSpelling {
            kind: SpellingKind::of_alias(a.origin),
            source: a.source.as_ref().map(SourceRef::of),
        },
    }
}

/// Evidence that `input` in `field` matched a listed entity under `matched_name`.
pub fn entity_evidence(
    field: Field,
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
        field,
        input: input.to_owned(),
        matched: matched_name.to_owned(),
        indicator_id: entity.id.clone(),
        kind: EvidenceKind::of_list(entity.list),
        tier: entity.tier,
        score: round3(score),
        source: SourceRef::of(&entity.source),
        spelling: None,
        role: entity.role,
        identity: None,
        labor_export: None,
        source_age_years: None,
        note: note.as_deref().and_then(Evidence::note_of),
    }
}

/// Evidence of an exact match to a place, country or sector indicator.
pub fn indicator_evidence(
    field: Field,
    input: &str,
    matched: String,
    (id, kind): (&str, EvidenceKind),
    tier: Tier,
    source: &Source,
    note: &str,
) -> Evidence {
    Evidence {
        field,
        input: input.to_owned(),
        matched,
        indicator_id: id.to_owned(),
        kind,
        tier,
        score: 1.0,
        source: SourceRef::of(source),
        spelling: None,
        role: None,
        identity: None,
        labor_export: None,
        source_age_years: None,
        note: Evidence::note_of(note),
    }
}
