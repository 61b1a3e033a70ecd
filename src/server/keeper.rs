//! A screening's output as it is produced, in bounded memory: [`Keeper`] takes each line's
//! result from the streaming screener, attaches the tenant's earlier decisions chunk by chunk,
//! and renders it at once into a packed (LZ4) copy of the JSON document, which is what the store
//! keeps, and, when the client asked for CSV, into a packed copy of the CSV answer. No
//! `Screening` with all its lines is ever built; what stays in memory is the packed output (a
//! flag-heavy result packs about thirtyfold), the lines of the chunk in hand, and the row errors.
//!
//! The answer is sent only after the store has committed (a client that got a `screening_id`
//! can always read it back), so it cannot leave while lines are screened; it is streamed from
//! the packed copy instead ([`crate::store::packing::Unpacker`]), so the full rendered document
//! never sits in memory either.

use crate::manifest::{ManifestLine, RowError};
use crate::report::stream::{CsvWriter, JsonWriter, ResultWriter};
use crate::screening::stream::{Item, DEFAULT_CHUNK};
use crate::screening::tables::Tables;
use crate::screening::{prior, LineResult, ScreeningHeader, Summary, Warning};
use crate::store::keep::attach_decisions;
use crate::store::packing::{Packed, Packer};
use crate::store::records::Decision;

use super::error::{ApiError, MAX_ERROR_DETAILS};
use super::render::OutputFormat;
use super::stop::Stop;

/// Answers up to this size are also kept as rendered, and sent without unpacking.
const SMALL_ANSWER: usize = 1 << 20;

/// Looks up the tenant's decisions recorded about these subjects (an error is the store's
/// failure as the client sees it).
pub type DecisionLookup = Box<dyn FnMut(&[String]) -> Result<Vec<Decision>, ApiError> + Send>;

/// A spool file that could not be written (a full temporary directory): the screening cannot
/// be kept, so it is not answered.
pub fn spool_error(error: std::io::Error) -> ApiError {
    ApiError::internal(
        "keeping the screening's output failed (is the temporary directory full?)",
        error,
    )
}

/// A look-up for a tenant that has recorded no decisions (and for tests).
pub fn no_decisions() -> DecisionLookup {
    Box::new(|_| Ok(Vec::new()))
}

/// The output of a screening under way.
pub struct Keeper {
    header: ScreeningHeader,
    json: JsonWriter<Packer>,
    csv: Option<CsvWriter<Packer>>,
    lookup: DecisionLookup,
    pending: Vec<Item>,
    summary: Summary,
    /// The first row errors, while no line has been screened: the details of a 422 if none is.
    first_errors: Vec<RowError>,
    failure: Option<ApiError>,
    stop: Option<Stop>,
}

/// What a finished [`Keeper`] made.
pub struct Output {
    pub header: ScreeningHeader,
    pub summary: Summary,
    /// The JSON document, packed: the stored result, and the answer unless `csv` is set.
    pub result: Packed,
    /// The CSV answer, packed, when the client asked for CSV.
    pub csv: Option<Packed>,
}

impl Keeper {
    /// Starts the output of the screening `header` names; `tables` come from its screener.
    pub fn new(
        header: ScreeningHeader,
        tables: Tables,
        format: OutputFormat,
        lookup: DecisionLookup,
    ) -> Result<Keeper, ApiError> {
        let rendering = |e| ApiError::internal("starting to render a screening failed", e);
        let json =
            JsonWriter::start(Packer::keeping(SMALL_ANSWER), &header, tables).map_err(rendering)?;
        let csv = match format {
            OutputFormat::Json => None,
            OutputFormat::Csv => {
                Some(CsvWriter::start(Packer::keeping(SMALL_ANSWER), &header).map_err(rendering)?)
            }
        };
        Ok(Keeper {
            header,
            json,
            csv,
            lookup,
            pending: Vec::with_capacity(DEFAULT_CHUNK),
            summary: Summary::default(),
            first_errors: Vec::new(),
            failure: None,
            stop: None,
        })
    }

    /// This keeper, with its records to be ended early when `stop` says so ([`Keeper::watch`]).
    pub fn stopping(mut self, stop: Stop) -> Keeper {
        self.stop = Some(stop);
        self
    }

    /// `records`, ended early when the request's [`Stop`] says so.
    pub fn watch<'a, I>(
        &self,
        records: I,
    ) -> Box<dyn Iterator<Item = Result<ManifestLine, RowError>> + 'a>
    where
        I: Iterator<Item = Result<ManifestLine, RowError>> + 'a,
    {
        match &self.stop {
            Some(stop) => Box::new(stop.clone().watch(records)),
            None => Box::new(records),
        }
    }

    /// Takes one result or row error, in input order.
    pub fn take(&mut self, item: Item) {
        match &item {
            Item::Line(line) => self.summary.count(line.verdict),
            Item::Error(error) => {
                self.summary.errors += 1;
                if self.summary.lines == 0 && self.first_errors.len() < MAX_ERROR_DETAILS {
                    self.first_errors.push(error.clone());
                }
            }
        }
        self.pending.push(item);
        if self.pending.len() >= DEFAULT_CHUNK {
            self.flush();
        }
    }

    /// Attaches decisions to the lines in hand and renders them.
    fn flush(&mut self) {
        let mut items = std::mem::take(&mut self.pending);
        if self.failure.is_some() {
            return; // the request fails; nothing more is rendered
        }
        let subjects = prior::subject_keys(items.iter().filter_map(Item::line));
        if !subjects.is_empty() {
            match (self.lookup)(&subjects) {
                Ok(decisions) => {
                    attach_decisions(items.iter_mut().filter_map(Item::line_mut), &decisions)
                }
                Err(error) => {
                    self.failure = Some(error);
                    return;
                }
            }
        }
        for item in items {
            let written = match item {
                Item::Line(line) => self.write_line(&line),
                Item::Error(error) => self.write_error(error),
            };
            // A spool file can fail (a full disk): the screening then fails.
            if let Err(error) = written {
                self.failure = Some(spool_error(error));
                return;
            }
        }
    }

    fn write_line(&mut self, line: &LineResult) -> std::io::Result<()> {
        self.json.line(line)?;
        match &mut self.csv {
            Some(csv) => csv.line(line),
            None => Ok(()),
        }
    }

    fn write_error(&mut self, error: RowError) -> std::io::Result<()> {
        if let Some(csv) = &mut self.csv {
            csv.error(error.clone())?;
        }
        self.json.error(error)
    }

    /// Renders what is left and closes the document. A manifest with no line screened is a 422
    /// listing its first row errors; a failed decision look-up is the store's error.
    pub fn finish(mut self, warnings: &[Warning]) -> Result<Output, ApiError> {
        if let Some(error) = self.stop.as_ref().and_then(Stop::error) {
            return Err(error); // stopped: nothing is kept
        }
        self.flush();
        if let Some(error) = self.failure {
            return Err(error);
        }
        if self.summary.lines == 0 {
            return Err(ApiError::no_screenable_line_of(
                self.summary.errors,
                &self.first_errors,
            ));
        }
        let summary = self.summary;
        let rendering = |e| ApiError::internal("rendering a screening failed", e);
        let result = self
            .json
            .finish_into(&summary, warnings)
            .map_err(rendering)?
            .finish()
            .map_err(spool_error)?;
        let csv = match self.csv {
            Some(csv) => Some(
                csv.finish_into()
                    .map_err(rendering)?
                    .finish()
                    .map_err(spool_error)?,
            ),
            None => None,
        };
        Ok(Output {
            header: self.header,
            summary,
            result,
            csv,
        })
    }
}

#[cfg(test)]
mod tests {
    use std::sync::{Arc, Mutex};

    use super::*;
    use crate::indicators::KnowledgeBase;
    use crate::manifest::ManifestLine;
    use crate::screening::prior::DecisionKind;
    use crate::screening::{Screener, Screening};
    use crate::server::intake::screen_into;
    use crate::store::packing::decompress;

    fn screener() -> Screener {
        Screener::new(Arc::new(KnowledgeBase::builtin().expect("builtin")))
    }

    /// `n` lines alternating a designated party and an ordinary name, in three shipments.
    fn lines(n: u32) -> Vec<ManifestLine> {
        (1..=n)
            .map(|i| ManifestLine {
                shipment_id: format!("S{}", i % 3),
                line: i,
                supplier_name: Some(if i % 2 == 0 {
                    "Korea Ryonbong General Corp.".to_owned()
                } else {
                    format!("Ordinary Trading {i}")
                }),
                country_of_origin: Some("CN".to_owned()),
                ..ManifestLine::default()
            })
            .collect()
    }

    fn row_error(n: u64) -> RowError {
        RowError::new(Some(n), None, format!("row {n} is broken"))
    }

    #[test]
    fn the_packed_document_is_the_screening_in_memory_across_chunks() {
        let screener = screener();
        let input = lines(DEFAULT_CHUNK as u32 + 10);
        let looked_up = Arc::new(Mutex::new(0));
        let counter = Arc::clone(&looked_up);
        let lookup: DecisionLookup = Box::new(move |subjects| {
            *counter.lock().unwrap() += 1;
            assert!(!subjects.is_empty());
            Ok(Vec::new())
        });
        let keeper = Keeper::new(
            screener.header(),
            screener.tables(),
            OutputFormat::Csv,
            lookup,
        )
        .unwrap();
        let records = input.clone().into_iter().map(Ok).chain([Err(row_error(3))]);
        let output = screen_into(&screener, records, keeper, |_| Vec::new()).expect("screened");
        assert_eq!(*looked_up.lock().unwrap(), 2, "one look-up a chunk");
        let expected = screener.screen(&input, vec![row_error(3)], Vec::new());
        assert_eq!(output.summary, expected.summary);
        let json = decompress(&output.result.bytes.to_vec().unwrap()).unwrap();
        assert_eq!(output.result.len, json.len() as u64);
        let kept: Screening = serde_json::from_slice(&json).expect("a whole document");
        assert_eq!(kept.results, expected.results);
        assert_eq!(kept.errors, expected.errors);
        assert_eq!(kept.sources, expected.sources);
        assert_eq!(kept.legal_texts, expected.legal_texts);
        assert_eq!(kept.laws, expected.laws);
        assert_eq!(kept.notes, expected.notes);
        let csv =
            String::from_utf8(decompress(&output.csv.unwrap().bytes.to_vec().unwrap()).unwrap())
                .unwrap();
        let mut in_memory = Vec::new();
        crate::report::csv::write(&expected, &mut in_memory).unwrap();
        let in_memory = String::from_utf8(in_memory).unwrap();
        // Same rows; only the screening id in the version column may differ.
        assert_eq!(csv.lines().count(), in_memory.lines().count());
        assert_eq!(csv.lines().next(), in_memory.lines().next());
    }

    #[test]
    fn decisions_found_in_any_chunk_reach_their_flags() {
        let screener = screener();
        let input = lines(DEFAULT_CHUNK as u32 + 4);
        let sample = screener.screen(&input[..2], Vec::new(), Vec::new());
        let subject = prior::subject_keys(&sample.results)
            .into_iter()
            .next()
            .expect("the designated party's subject");
        let decision = Decision {
            decision_id: "d1".to_owned(),
            screening_id: "earlier".to_owned(),
            line: 2,
            flag: "DESIGNATED_PARTY".to_owned(),
            decision: DecisionKind::FalsePositive,
            note: "different company".to_owned(),
            decided_by: "ops-team".to_owned(),
            decided_at: "2026-12-01T00:00:00Z".to_owned(),
            subject_key: subject.clone(),
        };
        let lookup: DecisionLookup = Box::new(move |subjects| {
            Ok(if subjects.contains(&subject) {
                vec![decision.clone()]
            } else {
                Vec::new()
            })
        });
        let keeper = Keeper::new(
            screener.header(),
            screener.tables(),
            OutputFormat::Json,
            lookup,
        )
        .unwrap();
        let output =
            screen_into(&screener, input.into_iter().map(Ok), keeper, |_| Vec::new()).unwrap();
        let kept: Screening =
            serde_json::from_slice(&decompress(&output.result.bytes.to_vec().unwrap()).unwrap())
                .unwrap();
        let decided: Vec<u32> = kept
            .results
            .iter()
            .filter(|r| r.flags.iter().any(|f| !f.prior_decisions.is_empty()))
            .map(|r| r.line)
            .collect();
        assert!(decided.contains(&2), "first chunk: {decided:?}");
        assert!(
            decided.iter().any(|&l| l > DEFAULT_CHUNK as u32),
            "last chunk: {decided:?}"
        );
    }

    #[test]
    fn a_failed_look_up_fails_the_screening_and_no_line_is_a_422() {
        let screener = screener();
        let failing: DecisionLookup = Box::new(|_| {
            Err(ApiError::new(
                crate::server::error::ErrorCode::StorageUnavailable,
                "down",
            ))
        });
        let keeper = Keeper::new(
            screener.header(),
            screener.tables(),
            OutputFormat::Json,
            failing,
        )
        .unwrap();
        let error = screen_into(&screener, lines(4).into_iter().map(Ok), keeper, |_| {
            Vec::new()
        })
        .err()
        .expect("the store failed");
        assert_eq!(
            error.code,
            crate::server::error::ErrorCode::StorageUnavailable
        );
        let keeper = Keeper::new(
            screener.header(),
            screener.tables(),
            OutputFormat::Json,
            no_decisions(),
        )
        .unwrap();
        let only_errors = (1..=150).map(|n| Err(row_error(n)));
        let error = screen_into(&screener, only_errors, keeper, |_| Vec::new())
            .err()
            .expect("nothing to screen");
        assert_eq!(
            error.code,
            crate::server::error::ErrorCode::NoScreenableLine
        );
        assert_eq!(error.details.len(), MAX_ERROR_DETAILS);
        assert!(error.message.contains("all 150 rows"), "{}", error.message);
    }
}
