//! Analysts' earlier decisions about a hit, carried into later screenings.
//!
//! A decision is recorded against one flag of one stored line; what it is *about* is the
//! flag's subject: the flag code, the listed indicators its evidence matched, the input values
//! that matched them, and the line's party. [`subject_key`] reduces that to a stable digest, so
//! a later screening of the same supplier against the same listed entity finds the decision,
//! whatever manifest or shipment it arrives in. The subject includes the party because a flag
//! such as `NK_LABOR_REGION` matches a place: clearing one Dandong supplier must not clear every
//! Dandong supplier.
//!
//! A prior decision is shown, never applied: the verdict still says what the lists say, and the
//! analyst sees "decided false positive on 2026-12-01 by ops-team: ..." beside the evidence.
//! Lists and aliases change; a person re-reads the note before clearing the hit again.

use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};

use super::flags::Flag;
use super::result::LineResult;
use crate::names::normalize::normalize;

/// What an analyst decided about a flag.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, utoipa::ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum DecisionKind {
    /// The party is the listed one.
    ConfirmedMatch,
    /// The party is not the listed one.
    FalsePositive,
    /// Sent to counsel or a senior reviewer.
    Escalated,
    /// Checked and released, with the reason in the note.
    Cleared,
}

impl DecisionKind {
    pub const ALL: [DecisionKind; 4] = [
        DecisionKind::ConfirmedMatch,
        DecisionKind::FalsePositive,
        DecisionKind::Escalated,
        DecisionKind::Cleared,
    ];

    /// The wire name (`false_positive`).
    pub fn as_str(self) -> &'static str {
        match self {
            DecisionKind::ConfirmedMatch => "confirmed_match",
            DecisionKind::FalsePositive => "false_positive",
            DecisionKind::Escalated => "escalated",
            DecisionKind::Cleared => "cleared",
        }
    }

    pub fn parse(text: &str) -> Option<DecisionKind> {
        DecisionKind::ALL.into_iter().find(|k| k.as_str() == text)
    }

    /// In a sentence: "decided false positive".
    pub fn words(self) -> &'static str {
        match self {
            DecisionKind::ConfirmedMatch => "confirmed as a match",
            DecisionKind::FalsePositive => "decided false positive",
            DecisionKind::Escalated => "escalated",
            DecisionKind::Cleared => "cleared",
        }
    }
}

/// An earlier decision about the same subject, shown with a later flag.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, utoipa::ToSchema)]
pub struct PriorDecision {
    pub decision: DecisionKind,
    pub note: String,
    /// The name of the API key that recorded it.
    pub decided_by: String,
    /// When it was recorded (RFC 3339, UTC).
    pub decided_at: String,
    /// The screening and line (1-based position in its `results`) it was recorded on.
    pub screening_id: String,
    pub line: u32,
    /// One sentence: "decided false positive on 2026-12-01 by ops-team: different company".
    pub text: String,
}

impl PriorDecision {
    /// The sentence shown with the flag.
    pub fn sentence(
        decision: DecisionKind,
        decided_at: &str,
        decided_by: &str,
        note: &str,
    ) -> String {
        let day = decided_at.get(..10).unwrap_or(decided_at);
        let note = note.trim();
        if note.is_empty() {
            format!("{} on {day} by {decided_by}", decision.words())
        } else {
            format!("{} on {day} by {decided_by}: {note}", decision.words())
        }
    }
}

/// The digest naming what `flag` on `line` is about (see the module docs).
pub fn subject_key(line: &LineResult, flag: &Flag) -> String {
    let mut indicators: Vec<&str> = flag
        .evidence
        .iter()
        .map(|e| e.indicator_id.as_str())
        .collect();
    indicators.sort_unstable();
    indicators.dedup();
    let mut inputs: Vec<String> = flag.evidence.iter().map(|e| normalize(&e.input)).collect();
    inputs.sort_unstable();
    inputs.dedup();
    let party = line
        .input
        .supplier_name
        .as_deref()
        .or(line.input.manufacturer_name.as_deref())
        .map(normalize)
        .unwrap_or_default();
    let mut hasher = Sha256::new();
    for part in [
        flag.code.as_str().to_owned(),
        indicators.join("\u{1f}"),
        inputs.join("\u{1f}"),
        party,
    ] {
        hasher.update(part.as_bytes());
        hasher.update([0x1e]);
    }
    hasher
        .finalize()
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

/// Every subject key of `results`, deduplicated (what to look up before attaching).
pub fn subject_keys<'a>(results: impl IntoIterator<Item = &'a LineResult>) -> Vec<String> {
    let mut keys: Vec<String> = results
        .into_iter()
        .flat_map(|line| line.flags.iter().map(move |flag| subject_key(line, flag)))
        .collect();
    keys.sort_unstable();
    keys.dedup();
    keys
}

/// Attaches to each flag the decisions `lookup` knows for its subject, oldest first.
pub fn attach<'a, F>(results: impl IntoIterator<Item = &'a mut LineResult>, mut lookup: F)
where
    F: FnMut(&str) -> Vec<PriorDecision>,
{
    for line in results {
        let keys: Vec<String> = line.flags.iter().map(|f| subject_key(line, f)).collect();
        for (flag, key) in line.flags.iter_mut().zip(keys) {
            flag.prior_decisions = lookup(&key);
        }
    }
}
