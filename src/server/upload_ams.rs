//! The `ams` parts of a multipart upload: the tables of one CBP AMS release (header, billgen,
//! cargodesc, tariff, shipper, consignee, ...), each read whole, joined into lines by the same
//! reader as `screen --ams DIR` (`manifest::read_ams_files`) and screened.
//!
//! The manifest as received is several files, so it is stored as one JSON document,
//! `{"ams_tables": [{"file": NAME, "base64": BYTES}, ...]}` (base64 keeps every byte as
//! sent); `input_sha256` is the digest of that document and `input_format` is `ams`.

use std::sync::Arc;

use actix_multipart::Field;
use base64::engine::general_purpose::STANDARD;
use base64::Engine;
use futures_util::StreamExt;

use crate::manifest;
use crate::screening::Screener;

use super::admission::run_blocking_holding;
use super::body::BodyBudget;
use super::error::ApiError;
use super::intake::{screen_into, Received, Screened};
use super::keeper::{spool_error, Keeper};
use super::state::AppState;
use super::upload::malformed;
use crate::store::packing::Packer;

/// The form field (repeated) of AMS tables.
pub const AMS_PART: &str = "ams";

/// Reads one `ams` part whole: `(file name, bytes)`; a part without a file name is named by
/// its position.
pub async fn read_ams_part(
    mut field: Field,
    budget: &mut BodyBudget,
    index: usize,
) -> Result<(String, Vec<u8>), ApiError> {
    let name = field
        .content_disposition()
        .and_then(|cd| cd.get_filename())
        .map(str::to_owned)
        .unwrap_or_else(|| format!("table-{}.csv", index + 1));
    let mut bytes = Vec::new();
    while let Some(chunk) = budget.wait(field.next()).await? {
        let chunk = chunk.map_err(malformed)?;
        budget.spend(chunk.len())?;
        bytes.extend_from_slice(&chunk);
    }
    Ok((name, bytes))
}

/// Joins and screens the tables in a screening slot.
pub async fn screen_ams(
    state: &AppState,
    screener: Arc<Screener>,
    files: Vec<(String, Vec<u8>)>,
    keeper: Keeper,
) -> Result<Screened, ApiError> {
    let size = files.iter().map(|(_, bytes)| bytes.len()).sum();
    let slot = state.admission.admit_sized(Some(size)).await?;
    let ((output, packed), slot) = run_blocking_holding(slot, move || {
        let manifest = manifest::read_ams_files(&files)?;
        let records = manifest
            .lines
            .into_iter()
            .map(Ok)
            .chain(manifest.errors.into_iter().map(Err));
        let output = screen_into(&screener, records, keeper, |_| manifest.warnings)?;
        Ok((output, Packer::pack(&bundle(&files)).map_err(spool_error)?))
    })
    .await?;
    Ok(Screened {
        output,
        input: Received {
            format: "ams",
            packed,
        },
        slot,
    })
}

/// The stored form of several uploaded tables.
pub fn bundle(files: &[(String, Vec<u8>)]) -> Vec<u8> {
    let tables: Vec<serde_json::Value> = files
        .iter()
        .map(|(file, bytes)| serde_json::json!({ "file": file, "base64": STANDARD.encode(bytes) }))
        .collect();
    serde_json::to_vec(&serde_json::json!({ "ams_tables": tables })).unwrap_or_default()
}
