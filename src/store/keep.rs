//! What a screening becomes when it is kept, shared by `POST /v1/screenings` and
//! `screen --store`: earlier decisions attached to its flags ([`attach_decisions`]), then one
//! [`NewScreening`] row with the manifest as received, its SHA-256, and the result as JSON
//! ([`record`] from a screening in memory, [`Kept::row`] from one packed as it was produced). Both steps are pure, so the HTTP face runs them on the blocking pool and the
//! CLI runs them inline.

use std::collections::HashMap;

use std::sync::Arc;

use super::packing::{Packed, Packer};
use super::records::{Decision, NewScreening, ScreeningRow};
use super::spool::Spooled;
use crate::screening::prior;
use crate::screening::{LineResult, Screening, ScreeningHeader, Summary};

/// Attaches each decision to the flags whose subject it was recorded for, oldest first.
pub fn attach_decisions<'a>(
    results: impl IntoIterator<Item = &'a mut LineResult>,
    decisions: &[Decision],
) {
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
/// `result_json`. Fails only if packing does (a spool file on a full disk).
pub fn record(
    screening: &Screening,
    tenant: &str,
    request_id: Option<String>,
    input_format: &str,
    manifest: &[u8],
    result_json: &[u8],
) -> std::io::Result<NewScreening> {
    let header = ScreeningHeader {
        screening_id: screening.screening_id.clone(),
        created_at: screening.created_at.clone(),
        indicators_version: screening.indicators_version.clone(),
    };
    let kept = Kept {
        header: &header,
        summary: screening.summary,
        input_format,
        manifest: Packer::pack(manifest)?,
        result: Packer::pack(result_json)?.bytes,
    };
    Ok(kept.row(tenant, request_id))
}

/// A screening ready to keep, its manifest and result already packed ([`Packer`]) as they
/// were received and rendered.
pub struct Kept<'a> {
    pub header: &'a ScreeningHeader,
    pub summary: Summary,
    /// `csv`, `json` or `ams`.
    pub input_format: &'a str,
    /// Packed by [`Packer::new`] or [`Packer::pack`], so with its SHA-256.
    pub manifest: Packed,
    /// The result document as JSON, packed.
    pub result: Arc<Spooled>,
}

impl Kept<'_> {
    /// The row to store for `tenant`.
    pub fn row(self, tenant: &str, request_id: Option<String>) -> NewScreening {
        let created_unix = time::OffsetDateTime::parse(
            &self.header.created_at,
            &time::format_description::well_known::Rfc3339,
        )
        .map(|t| t.unix_timestamp())
        .unwrap_or_else(|_| time::OffsetDateTime::now_utc().unix_timestamp());
        NewScreening {
            row: ScreeningRow {
                screening_id: self.header.screening_id.clone(),
                created_at: self.header.created_at.clone(),
                request_id,
                // Manifests are packed by `Packer::new`/`pack`, which always digest.
                input_sha256: self.manifest.sha256.unwrap_or_default(),
                input_format: self.input_format.to_owned(),
                input_bytes: self.manifest.len,
                indicators_version: self.header.indicators_version.clone(),
                summary: self.summary,
            },
            tenant: tenant.to_owned(),
            created_unix,
            manifest: self.manifest.bytes,
            result: self.result,
        }
    }
}
