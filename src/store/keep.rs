//! What a screening becomes when it is kept, shared by `POST /v1/screenings` and
//! `screen --store`: earlier decisions attached to its flags ([`attach_decisions`]), then one
//! [`NewScreening`] row with the manifest as received, its SHA-256, and the result as JSON
//! ([`record`]). Both steps are pure, so the HTTP face runs them on the blocking pool and the
//! CLI runs them inline.

use std::collections::HashMap;

use sha2::{Digest, Sha256};

use super::records::{compress, Decision, NewScreening, ScreeningRow};
use crate::screening::prior;
use crate::screening::LineResult;
use crate::screening::Screening;

/// Attaches each decision to the flags whose subject it was recorded for, oldest first.
pub fn attach_decisions(results: &mut [LineResult], decisions: &[Decision]) {
    if decisions.is_empty() {
        return;
    }
    let mut by_subject: HashMap<&str, Vec<&Decision>> = HashMap::new();
    for decision in decisions {
        by_subject
            .entry(decision.subject_key.as_str())
            .or_default()
            .push(decision);
    }
    prior::attach(results, |key| {
        by_subject
            .get(key)
            .map(|found| found.iter().map(|d| d.prior()).collect())
            .unwrap_or_default()
    });
}

/// The row to store for `screening`, read from `manifest` (`csv` or `json`), rendered as
/// `result_json`.
pub fn record(
    screening: &Screening,
    tenant: &str,
    request_id: Option<String>,
    input_format: &str,
    manifest: &[u8],
    result_json: &[u8],
) -> NewScreening {
    let created_unix = time::OffsetDateTime::parse(
        &screening.created_at,
        &time::format_description::well_known::Rfc3339,
    )
    .map(|t| t.unix_timestamp())
    .unwrap_or_else(|_| time::OffsetDateTime::now_utc().unix_timestamp());
    NewScreening {
        row: ScreeningRow {
            screening_id: screening.screening_id.clone(),
            created_at: screening.created_at.clone(),
            request_id,
            input_sha256: Sha256::digest(manifest)
                .iter()
                .map(|b| format!("{b:02x}"))
                .collect(),
            input_format: input_format.to_owned(),
            input_bytes: manifest.len() as u64,
            indicators_version: screening.indicators_version.clone(),
            summary: screening.summary,
        },
        tenant: tenant.to_owned(),
        created_unix,
        manifest_gz: compress(manifest),
        result_gz: compress(result_json),
    }
}
