//! Screening a stream of records in constant memory: records are taken in chunks, each chunk is
//! screened in parallel (rayon; a chunk of a few lines on the calling thread), and results leave
//! in input order through a sink. The caller owns all I/O (reading records, writing results);
//! this module only sequences the work.

use rayon::prelude::*;

use crate::manifest::{ManifestLine, RowError};

use super::result::{LineResult, Summary};
use super::screener::{Screener, PARALLEL_MIN_LINES};

/// Records screened together; large enough to keep every core busy, small enough that a chunk of
/// results is a few megabytes.
pub const DEFAULT_CHUNK: usize = 4096;

/// One output item, in input order.
pub enum Item {
    Line(Box<LineResult>),
    Error(RowError),
}

impl Item {
    /// The line's result, if this is one.
    pub fn line(&self) -> Option<&LineResult> {
        match self {
            Item::Line(line) => Some(line),
            Item::Error(_) => None,
        }
    }

    pub fn line_mut(&mut self) -> Option<&mut LineResult> {
        match self {
            Item::Line(line) => Some(line),
            Item::Error(_) => None,
        }
    }
}

/// Screens `records` chunk by chunk, calling `sink` for every result and row error in input
/// order, and `progress` after each chunk with the number of records done. Returns the summary.
pub fn screen_stream<I, S, P>(
    screener: &Screener,
    records: I,
    chunk: usize,
    mut sink: S,
    mut progress: P,
) -> Summary
where
    I: Iterator<Item = Result<ManifestLine, RowError>>,
    S: FnMut(Item),
    P: FnMut(usize),
{
    let chunk = chunk.max(1);
    let mut summary = Summary::default();
    let mut records = records.peekable();
    let mut done = 0;
    while records.peek().is_some() {
        let batch: Vec<Result<ManifestLine, RowError>> = records.by_ref().take(chunk).collect();
        done += batch.len();
        let screen = |record| match record {
            Ok(line) => Item::Line(Box::new(screener.screen_owned(line))),
            Err(error) => Item::Error(error),
        };
        let items: Vec<Item> = if batch.len() < PARALLEL_MIN_LINES {
            batch.into_iter().map(screen).collect()
        } else {
            batch.into_par_iter().map(screen).collect()
        };
        for item in items {
            match &item {
                Item::Line(result) => summary.count(result.verdict),
                Item::Error(_) => summary.errors += 1,
            }
            sink(item);
        }
        progress(done);
    }
    summary
}
