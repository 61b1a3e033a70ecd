//! From a parsed body to a [`Screened`] manifest, through the engine only: [`screen_json`] for a
//! JSON manifest held in memory, [`screen_csv`] for CSV read from any `Read` (the streamed body),
//! and [`spool_body`] then [`screen_spooled_csv`], which read a CSV body into a spool before a
//! screening slot is taken and then screen it.
//! Every path screens chunk by chunk into a [`Keeper`], which renders and packs each chunk as it
//! comes, so no path holds a whole result.
//!
//! Both paths apply the same rule: a manifest with no line to screen is a 422
//! `no_screenable_line` listing its row errors; row errors beside at least one good line are part
//! of the result, never a failed request. The CSV path spools the body first (a slow upload must
//! not hold a slot: issue 18), then uses the engine's streaming screener (`screen_stream`) over
//! the spool, keeping a packed copy of the bytes as they pass, because the manifest as received
//! is stored with its result.

use std::io::{Read, Write};
use std::sync::Arc;

use actix_web::web::Bytes;
use futures_util::Stream;
use tokio::sync::mpsc;

use crate::manifest::{self, ManifestLine, RowError};
use crate::screening::stream::{screen_stream, DEFAULT_CHUNK};
use crate::screening::Screener;
use crate::store::packing::{Packed, Packer};
use crate::store::spool::{Spool, SpoolReader, Spooled};

use super::admission::{run_blocking_holding, Slot};
use super::body::{pump, BodyBudget, ChannelReader, CHANNEL_CHUNKS};
use super::error::ApiError;
use super::keeper::{spool_error, Keeper, Output};

/// The manifest as it arrived, packed, and its format.
#[derive(Debug)]
pub struct Received {
    /// `csv`, `json` or `ams`.
    pub format: &'static str,
    pub packed: Packed,
}

/// A screened manifest, its output rendered and packed, still holding its screening slot
/// (storing is work too).
pub struct Screened {
    pub output: Output,
    pub input: Received,
    pub slot: Slot,
}

/// Screens `records` into `keeper` and closes its output with the screener's warnings about
/// the input, which `input_warnings` reads from the records once they are exhausted.
pub fn screen_into<I>(
    screener: &Screener,
    mut records: I,
    mut keeper: Keeper,
    input_warnings: impl FnOnce(&I) -> Vec<String>,
) -> Result<Output, ApiError>
where
    I: Iterator<Item = Result<ManifestLine, RowError>>,
{
    let watched = keeper.watch(records.by_ref());
    screen_stream(
        screener,
        watched,
        DEFAULT_CHUNK,
        |item| keeper.take(item),
        |_| {},
    );
    keeper.finish(&screener.warnings(input_warnings(&records)))
}

/// Screens a JSON manifest (the engine's `read_json` shapes) into `keeper`.
pub fn screen_json(screener: &Screener, bytes: &[u8], keeper: Keeper) -> Result<Output, ApiError> {
    let manifest = manifest::read_json(bytes)?;
    let records = manifest
        .lines
        .into_iter()
        .map(Ok)
        .chain(manifest.errors.into_iter().map(Err));
    screen_into(screener, records, keeper, |_| manifest.warnings)
}

/// Screens a JSON manifest on the blocking pool, in `slot`.
pub async fn screen_json_in(
    screener: Arc<Screener>,
    slot: Slot,
    bytes: Vec<u8>,
    keeper: Keeper,
) -> Result<Screened, ApiError> {
    let ((output, packed), slot) = run_blocking_holding(slot, move || {
        let output = screen_json(&screener, &bytes, keeper)?;
        Ok((output, Packer::pack(&bytes).map_err(spool_error)?))
    })
    .await?;
    Ok(Screened {
        output,
        input: Received {
            format: "json",
            packed,
        },
        slot,
    })
}

/// Screens a CSV manifest read from `reader`, row by row as it arrives, into `keeper`.
pub fn screen_csv<R: Read>(
    screener: &Screener,
    reader: R,
    keeper: Keeper,
) -> Result<Output, ApiError> {
    let lines = manifest::csv_lines(reader)?;
    screen_into(screener, lines, keeper, |lines| lines.warnings())
}

/// A reader that packs a copy of what passes through it.
struct Tee<R> {
    inner: R,
    copy: Packer,
}

impl<R: Read> Read for Tee<R> {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        let n = self.inner.read(buf)?;
        self.copy.write_all(&buf[..n])?;
        Ok(n)
    }
}

/// Reads a body into a spool (memory, then an unlinked temporary file past a few MiB) within
/// `budget`, before any screening slot is taken: a slow or stalled upload then holds no slot,
/// and admission knows the body's real size. `first` is a chunk already taken from the stream
/// (for format sniffing) and already counted in `budget`.
pub async fn spool_body<S, E>(
    first: Option<Bytes>,
    stream: S,
    budget: &mut BodyBudget,
) -> Result<Arc<Spooled>, ApiError>
where
    S: Stream<Item = Result<Bytes, E>> + Unpin,
    E: std::fmt::Display,
{
    let (tx, rx) = mpsc::channel(CHANNEL_CHUNKS);
    let job = tokio::task::spawn_blocking(move || {
        let mut spool = Spool::new();
        std::io::copy(&mut ChannelReader::new(rx), &mut spool)?;
        spool.finish()
    });
    if let Some(first) = first {
        let _ = tx.send(Ok(first)).await;
    }
    let pumped = pump(stream, budget, &tx).await;
    drop(tx);
    let spooled = job
        .await
        .map_err(|e| ApiError::internal("a body-spooling task panicked or was cancelled", e))?;
    pumped?; // a body error (too large, stalled, cut) wins over what was spooled
    Ok(Arc::new(spooled.map_err(spool_error)?))
}

/// Screens a spooled CSV body on the blocking pool, in `slot`, packing a copy of it as it is
/// read (the manifest is stored as received).
pub async fn screen_spooled_csv(
    screener: Arc<Screener>,
    slot: Slot,
    body: Arc<Spooled>,
    keeper: Keeper,
) -> Result<Screened, ApiError> {
    let ((output, packed), slot) = run_blocking_holding(slot, move || {
        let mut tee = Tee {
            inner: SpoolReader::new(body),
            copy: Packer::new(),
        };
        let output = screen_csv(&screener, &mut tee, keeper)?;
        // What the parser did not need (trailing bytes after the last record) is still part
        // of what was received.
        std::io::copy(&mut tee, &mut std::io::sink()).map_err(spool_error)?;
        Ok((output, tee.copy.finish().map_err(spool_error)?))
    })
    .await?;
    Ok(Screened {
        output,
        input: Received {
            format: "csv",
            packed,
        },
        slot,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::indicators::KnowledgeBase;
    use crate::server::error::ErrorCode;
    use crate::server::keeper::no_decisions;
    use crate::server::render::OutputFormat;

    fn screener() -> Screener {
        Screener::new(Arc::new(
            KnowledgeBase::builtin().expect("builtin knowledge base"),
        ))
    }

    fn keeper(screener: &Screener) -> Keeper {
        Keeper::new(
            screener.header(),
            screener.tables(),
            OutputFormat::Json,
            no_decisions(),
        )
        .expect("a keeper")
    }

    #[test]
    fn a_csv_of_only_bad_rows_is_a_422_listing_them() {
        let csv = "Supplier,Country,Line\nACME,CN,notanumber\n";
        let screener = screener();
        let error = screen_csv(&screener, csv.as_bytes(), keeper(&screener))
            .err()
            .expect("no good line");
        assert_eq!(error.code, ErrorCode::NoScreenableLine);
        assert_eq!(error.details.len(), 1, "{:?}", error.details);
    }

    #[test]
    fn a_json_manifest_with_an_empty_line_list_is_a_422() {
        let screener = screener();
        let error = screen_json(&screener, br#"{"lines": []}"#, keeper(&screener))
            .err()
            .expect("nothing to screen");
        assert_eq!(error.code, ErrorCode::NoScreenableLine);
    }

    #[test]
    fn csv_and_json_give_the_same_verdicts_for_the_same_line() {
        let screener = screener();
        let csv = screen_csv(
            &screener,
            "Supplier,Country of Origin\nKorea Ryonbong General Corp.,CN\n".as_bytes(),
            keeper(&screener),
        )
        .expect("screened");
        let json = screen_json(
            &screener,
            br#"[{"supplier_name":"Korea Ryonbong General Corp.","country_of_origin":"CN"}]"#,
            keeper(&screener),
        )
        .expect("screened");
        assert_eq!(csv.summary, json.summary);
        assert_eq!(csv.summary.lines, 1);
    }
}
