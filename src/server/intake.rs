//! From a parsed body to a rendered result, through the engine only: [`screen_json`] for a JSON
//! manifest held in memory, [`screen_csv`] for CSV read from any `Read` (the streamed body), and
//! [`screen_streamed_csv`], which wires a body stream to `screen_csv` on the blocking pool.
//!
//! Both paths apply the same rule: a manifest with no line to screen is a 422
//! `no_screenable_line` listing its row errors; row errors beside at least one good line are part
//! of the result, never a failed request. The CSV path uses the engine's streaming screener
//! (`screen_stream`), so parsing, screening and the arrival of the body overlap.

use std::io::Read;
use std::sync::Arc;

use actix_web::web::Bytes;
use futures_util::Stream;
use tokio::sync::mpsc;

use crate::manifest;
use crate::screening::stream::{screen_stream, Item, DEFAULT_CHUNK};
use crate::screening::{Screener, Screening};

use super::admission::Slot;
use super::body::{pump, BodyBudget, ChannelReader, CHANNEL_CHUNKS};
use super::error::ApiError;
use super::render::{OutputFormat, Rendered};

/// Screens a JSON manifest (the engine's `read_json` shapes).
pub fn screen_json(
    screener: &Screener,
    bytes: &[u8],
    output: OutputFormat,
) -> Result<Rendered, ApiError> {
    let manifest = manifest::read_json(bytes)?;
    if manifest.lines.is_empty() {
        return Err(ApiError::no_screenable_line(&manifest.errors));
    }
    let screening = screener.screen(&manifest.lines, manifest.errors, manifest.warnings);
    output.render(&screening)
}

/// Screens a CSV manifest read from `reader`, row by row as it arrives.
pub fn screen_csv<R: Read>(
    screener: &Screener,
    reader: R,
    output: OutputFormat,
) -> Result<Rendered, ApiError> {
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
    let screening = Screening::new(screener.header(), summary, results, errors, warnings);
    output.render(&screening)
}

/// Streams a CSV body into [`screen_csv`] on the blocking pool, holding `slot` until the result
/// is rendered. `first` is a chunk already taken from the stream (for format sniffing).
/// A body error (too large, cut short) wins over whatever the parser made of the partial input.
pub async fn screen_streamed_csv<S, E>(
    screener: Arc<Screener>,
    slot: Slot,
    first: Option<Bytes>,
    stream: S,
    budget: &mut BodyBudget,
    output: OutputFormat,
) -> Result<Rendered, ApiError>
where
    S: Stream<Item = Result<Bytes, E>> + Unpin,
    E: std::fmt::Display,
{
    let (tx, rx) = mpsc::channel(CHANNEL_CHUNKS);
    let job = tokio::task::spawn_blocking(move || {
        let _slot = slot;
        screen_csv(&screener, ChannelReader::new(rx), output)
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
        let error =
            screen_csv(&screener(), csv.as_bytes(), OutputFormat::Json).expect_err("no good line");
        assert_eq!(error.code, ErrorCode::NoScreenableLine);
        assert_eq!(error.details.len(), 1, "{:?}", error.details);
    }

    #[test]
    fn a_json_manifest_with_an_empty_line_list_is_a_422() {
        let error = screen_json(&screener(), br#"{"lines": []}"#, OutputFormat::Json)
            .expect_err("nothing to screen");
        assert_eq!(error.code, ErrorCode::NoScreenableLine);
    }

    #[test]
    fn csv_and_json_give_the_same_verdicts_for_the_same_line() {
        let screener = screener();
        let csv = screen_csv(
            &screener,
            "Supplier,Country of Origin\nKorea Ryonbong General Corp.,CN\n".as_bytes(),
            OutputFormat::Json,
        )
        .expect("screened");
        let json = screen_json(
            &screener,
            br#"[{"supplier_name":"Korea Ryonbong General Corp.","country_of_origin":"CN"}]"#,
            OutputFormat::Json,
        )
        .expect("screened");
        assert_eq!(csv.summary, json.summary);
        assert_eq!(csv.summary.lines, 1);
    }
}
