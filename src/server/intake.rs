//! From a parsed body to a [`Screened`] manifest, through the engine only: [`screen_json`] for a
//! JSON manifest held in memory, [`screen_csv`] for CSV read from any `Read` (the streamed body),
//! and [`screen_streamed_csv`], which wires a body stream to `screen_csv` on the blocking pool.
//!
//! Both paths apply the same rule: a manifest with no line to screen is a 422
//! `no_screenable_line` listing its row errors; row errors beside at least one good line are part
//! of the result, never a failed request. The CSV path uses the engine's streaming screener
//! (`screen_stream`), so parsing, screening and the arrival of the body overlap; it keeps a copy
//! of the bytes as they pass, because the manifest as received is stored with its result.

use std::io::Read;
use std::sync::Arc;

use actix_web::web::Bytes;
use futures_util::Stream;
use tokio::sync::mpsc;

use crate::manifest;
use crate::screening::stream::{screen_stream, Item, DEFAULT_CHUNK};
use crate::screening::{Screener, Screening};

use super::admission::{run_blocking_holding, Slot};
use super::body::{pump, BodyBudget, ChannelReader, CHANNEL_CHUNKS};
use super::error::ApiError;

/// The manifest bytes as they arrived, and their format.
#[derive(Debug)]
pub struct Received {
    /// `csv` or `json`.
    pub format: &'static str,
    pub bytes: Vec<u8>,
}

/// A screened manifest, still holding its screening slot (rendering and storing are CPU work
/// too).
pub struct Screened {
    pub screening: Screening,
    pub input: Received,
    pub slot: Slot,
}

/// Screens a JSON manifest (the engine's `read_json` shapes).
pub fn screen_json(screener: &Screener, bytes: &[u8]) -> Result<Screening, ApiError> {
    let manifest = manifest::read_json(bytes)?;
    if manifest.lines.is_empty() {
        return Err(ApiError::no_screenable_line(&manifest.errors));
    }
    Ok(screener.screen(&manifest.lines, manifest.errors, manifest.warnings))
}

/// Screens a JSON manifest on the blocking pool, in `slot`.
pub async fn screen_json_in(
    screener: Arc<Screener>,
    slot: Slot,
    bytes: Vec<u8>,
) -> Result<Screened, ApiError> {
    let ((screening, bytes), slot) =
        run_blocking_holding(slot, move || Ok((screen_json(&screener, &bytes)?, bytes))).await?;
    Ok(Screened {
        screening,
        input: Received {
            format: "json",
            bytes,
        },
        slot,
    })
}

/// Screens a CSV manifest read from `reader`, row by row as it arrives.
pub fn screen_csv<R: Read>(screener: &Screener, reader: R) -> Result<Screening, ApiError> {
    let mut lines = manifest::csv_lines(reader)?;
    let mut results = Vec::new();
    let mut errors = Vec::new();
    let summary = screen_stream(
        screener,
        lines.by_ref(),
        DEFAULT_CHUNK,
        |item| match item {
            Item::Line(result) => results.push(*result),
            Item::Error(error) => errors.push(error),
        },
        |_| {},
    );
    if results.is_empty() {
        return Err(ApiError::no_screenable_line(&errors));
    }
    let warnings = screener.warnings(lines.warnings());
    Ok(Screening::new(
        screener.header(),
        summary,
        results,
        errors,
        warnings,
        screener.tables(),
    ))
}

/// A reader that keeps a copy of what passes through it.
struct Tee<R> {
    inner: R,
    copy: Vec<u8>,
}

impl<R: Read> Read for Tee<R> {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        let n = self.inner.read(buf)?;
        self.copy.extend_from_slice(&buf[..n]);
        Ok(n)
    }
}

/// Streams a CSV body into [`screen_csv`] on the blocking pool, in `slot`. `first` is a chunk
/// already taken from the stream (for format sniffing). A body error (too large, cut short)
/// wins over whatever the parser made of the partial input.
pub async fn screen_streamed_csv<S, E>(
    screener: Arc<Screener>,
    slot: Slot,
    first: Option<Bytes>,
    stream: S,
    budget: &mut BodyBudget,
) -> Result<Screened, ApiError>
where
    S: Stream<Item = Result<Bytes, E>> + Unpin,
    E: std::fmt::Display,
{
    let (tx, rx) = mpsc::channel(CHANNEL_CHUNKS);
    let job = tokio::task::spawn_blocking(move || {
        let mut tee = Tee {
            inner: ChannelReader::new(rx),
            copy: Vec::new(),
        };
        let screening = screen_csv(&screener, &mut tee)?;
        // What the parser did not need (trailing bytes after the last record) is still part
        // of what was received.
        std::io::copy(&mut tee, &mut std::io::sink()).ok();
        Ok(Screened {
            screening,
            input: Received {
                format: "csv",
                bytes: tee.copy,
            },
            slot,
        })
    });
    if let Some(first) = first {
        // The chunk was already counted against the budget by the caller.
        let _ = tx.send(Ok(first)).await;
    }
    let pumped = pump(stream, budget, &tx).await;
    drop(tx);
    let screened = job
        .await
        .map_err(|e| ApiError::internal("a CSV screening task panicked or was cancelled", e))?;
    pumped?;
    screened
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::indicators::KnowledgeBase;
    use crate::server::error::ErrorCode;

    fn screener() -> Screener {
        Screener::new(Arc::new(
            KnowledgeBase::builtin().expect("builtin knowledge base"),
        ))
    }

    #[test]
    fn a_csv_of_only_bad_rows_is_a_422_listing_them() {
        let csv = "Supplier,Country,Line\nACME,CN,notanumber\n";
        let error = screen_csv(&screener(), csv.as_bytes()).expect_err("no good line");
        assert_eq!(error.code, ErrorCode::NoScreenableLine);
        assert_eq!(error.details.len(), 1, "{:?}", error.details);
    }

    #[test]
    fn a_json_manifest_with_an_empty_line_list_is_a_422() {
        let error = screen_json(&screener(), br#"{"lines": []}"#).expect_err("nothing to screen");
        assert_eq!(error.code, ErrorCode::NoScreenableLine);
    }

    #[test]
    fn csv_and_json_give_the_same_verdicts_for_the_same_line() {
        let screener = screener();
        let csv = screen_csv(
            &screener,
            "Supplier,Country of Origin\nKorea Ryonbong General Corp.,CN\n".as_bytes(),
        )
        .expect("screened");
        let json = screen_json(
            &screener,
            br#"[{"supplier_name":"Korea Ryonbong General Corp.","country_of_origin":"CN"}]"#,
        )
        .expect("screened");
        assert_eq!(csv.summary, json.summary);
        assert_eq!(csv.summary.lines, 1);
    }
}
