//! The records the store keeps and the queries it answers, as plain data shared by both
//! backends and by the HTTP and CLI faces.
//!
//! Manifests and results are stored LZ4-compressed; [`super::packing`] is the one place that
//! knows how.

use serde::{Deserialize, Serialize};

use std::sync::Arc;

use super::packing::decompress;
use super::spool::Spooled;
use super::StoreError;
use crate::screening::prior::{DecisionKind, PriorDecision};
use crate::screening::{Screening, Summary, Verdict};

/// The columns of a [`ScreeningRow`], in the order both backends read them; the seven verdict
/// counts are columns 7 to 13 ([`summary_of`]).
pub const ROW_COLUMNS: &str = "screening_id, created_at, request_id, input_sha256, input_format, \
     input_bytes, indicators_version, lines, prohibited, presumption, high_risk, review, clear, \
     errors";
/// The first of the seven verdict-count columns of [`ROW_COLUMNS`].
pub const FIRST_COUNT_COLUMN: usize = 7;
/// The columns of a [`Decision`], in the order both backends read them.
pub const DECISION_COLUMNS: &str =
    "decision_id, screening_id, line, flag, decision, note, decided_by, decided_at, subject_key";
/// The columns of a [`KeyRecord`], in the order both backends read them.
pub const KEY_COLUMNS: &str = "key_id, tenant, name, role, secret_sha256, created_at, revoked_at";

/// The verdict counts as stored: lines, prohibited, presumption, high_risk, review, clear,
/// errors.
pub fn summary_of(counts: [i64; 7]) -> Summary {
    let n = |i: usize| counts[i].max(0) as usize;
    Summary {
        lines: n(0),
        prohibited: n(1),
        presumption: n(2),
        high_risk: n(3),
        review: n(4),
        clear: n(5),
        errors: n(6),
    }
}

/// The `kind` of a stored part: the manifest as received.
pub const MANIFEST: &str = "manifest";
/// The `kind` of a stored part: the result as JSON.
pub const RESULT: &str = "result";

/// A screening to store.
#[derive(Debug, Clone)]
pub struct NewScreening {
    pub row: ScreeningRow,
    pub tenant: String,
    /// Seconds since the epoch of `row.created_at` (what `prune` compares).
    pub created_unix: i64,
    /// The manifest as received and the result as JSON, packed ([`super::packing`]) and
    /// spooled; the backends store them in parts (`screening_parts`), so a large record never
    /// sits whole in memory.
    pub manifest: Arc<Spooled>,
    pub result: Arc<Spooled>,
}

/// What a list shows of a stored screening.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, utoipa::ToSchema)]
pub struct ScreeningRow {
    pub screening_id: String,
    /// RFC 3339, UTC.
    pub created_at: String,
    /// The `x-request-id` of the request that made it (`null` for `screen --store`).
    pub request_id: Option<String>,
    /// SHA-256 of the manifest bytes as received, hex.
    pub input_sha256: String,
    /// `csv`, `json`, or `ams` (the tables of an AMS release, stored as one JSON document).
    pub input_format: String,
    pub input_bytes: u64,
    pub indicators_version: String,
    pub summary: Summary,
}

/// A stored screening with its manifest and result (both compressed as stored).
#[derive(Debug, Clone)]
pub struct StoredScreening {
    pub row: ScreeningRow,
    pub manifest_gz: Vec<u8>,
    pub result_gz: Vec<u8>,
}

impl StoredScreening {
    /// The manifest bytes as received.
    pub fn manifest(&self) -> Result<Vec<u8>, StoreError> {
        decompress(&self.manifest_gz)
    }

    /// The result as stored.
    pub fn result(&self) -> Result<Screening, StoreError> {
        let json = decompress(&self.result_gz)?;
        serde_json::from_slice(&json).map_err(|e| StoreError::Corrupt(format!("result: {e}")))
    }
}

/// Which screenings a list asks for.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct PageQuery {
    /// At most this many (1 to [`super::MAX_PAGE`]).
    pub limit: u32,
    /// Only screenings older than this cursor (from the previous page's `next_cursor`).
    pub before: Option<i64>,
    /// Only screenings with at least one line of this verdict.
    pub verdict: Option<Verdict>,
}

/// One page of a list.
#[derive(Debug, Clone, PartialEq)]
pub struct Page {
    pub rows: Vec<ScreeningRow>,
    /// The cursor of the next page, when there may be one.
    pub next: Option<i64>,
}

/// A decision to append.
#[derive(Debug, Clone, PartialEq)]
pub struct NewDecision {
    pub decision_id: String,
    pub tenant: String,
    pub screening_id: String,
    pub line: u32,
    pub flag: String,
    pub subject_key: String,
    pub decision: DecisionKind,
    pub note: String,
    pub decided_by: String,
    pub decided_at: String,
}

/// A recorded decision.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, utoipa::ToSchema)]
pub struct Decision {
    pub decision_id: String,
    pub screening_id: String,
    /// 1-based position of the line in the screening's `results`.
    pub line: u32,
    /// The flag code it is about.
    pub flag: String,
    pub decision: DecisionKind,
    pub note: String,
    /// The name of the API key that recorded it.
    pub decided_by: String,
    /// RFC 3339, UTC.
    pub decided_at: String,
    #[serde(skip)]
    pub subject_key: String,
}

impl From<NewDecision> for Decision {
    fn from(d: NewDecision) -> Decision {
        Decision {
            decision_id: d.decision_id,
            screening_id: d.screening_id,
            line: d.line,
            flag: d.flag,
            decision: d.decision,
            note: d.note,
            decided_by: d.decided_by,
            decided_at: d.decided_at,
            subject_key: d.subject_key,
        }
    }
}

impl Decision {
    /// As shown with a later flag.
    pub fn prior(&self) -> PriorDecision {
        PriorDecision {
            decision: self.decision,
            note: self.note.clone(),
            decided_by: self.decided_by.clone(),
            decided_at: self.decided_at.clone(),
            screening_id: self.screening_id.clone(),
            line: self.line,
            text: PriorDecision::sentence(
                self.decision,
                &self.decided_at,
                &self.decided_by,
                &self.note,
            ),
        }
    }
}

/// What a key may do.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Role {
    /// Screen, read and decide within its tenant.
    Analyst,
    /// An analyst who may also reload the knowledge base.
    Admin,
}

impl Role {
    pub fn as_str(self) -> &'static str {
        match self {
            Role::Analyst => "analyst",
            Role::Admin => "admin",
        }
    }

    pub fn parse(text: &str) -> Option<Role> {
        match text {
            "analyst" => Some(Role::Analyst),
            "admin" => Some(Role::Admin),
            _ => None,
        }
    }
}

/// An API key as stored: the public id and a hash of the secret, never the secret.
#[derive(Debug, Clone, PartialEq)]
pub struct KeyRecord {
    pub key_id: String,
    pub tenant: String,
    pub name: String,
    pub role: Role,
    /// SHA-256 of the secret part.
    pub secret_sha256: Vec<u8>,
    pub created_at: String,
    pub revoked_at: Option<String>,
}

/// What `prune` deleted.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
pub struct Pruned {
    pub screenings: u64,
    pub decisions: u64,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn roles_and_decisions_parse_their_wire_names() {
        assert_eq!(Role::parse("admin"), Some(Role::Admin));
        assert_eq!(Role::parse("root"), None);
        for kind in DecisionKind::ALL {
            assert_eq!(DecisionKind::parse(kind.as_str()), Some(kind));
        }
    }
}
