//! The streaming CSV reader: [`csv_lines`] yields one `Result<ManifestLine, RowError>` per data
//! row, and [`read_csv`] collects them into a [`Manifest`].
//!
//! Records are read as `csv::ByteRecord` into one reused buffer and decoded per field, so a
//! file with a bad byte in one cell loses that row only, and memory does not grow with the file
//! (apart from one counter per shipment id, see `row.rs`). Positions come from the raw bytes
//! (`window.rs`), so errors name the exact byte offset and the line where the record starts.
//! The trade-off: a record is decoded twice when it holds invalid UTF-8 (once to find the
//! field, once over the raw bytes to find the offset), which only costs on the error path.

use std::io::Read;

use csv::ByteRecord;

use super::headers::{ColumnPlan, Target};
use super::row::{LineBuilder, RawLine, UNSPECIFIED_SHIPMENT};
use super::values::clean;
use super::window::RawWindow;
use super::{Field, Manifest, ManifestError, ManifestLine, RowError};

/// What to tell a user whose file is not UTF-8.
const REEXPORT_AS_UTF8: &str = "re-export the file as UTF-8 (CSV UTF-8 in Excel)";

/// Reads the header row of a CSV manifest and returns an iterator over its data rows.
///
/// Fails when the input is empty, its header is not UTF-8, or no header names a supplier,
/// manufacturer or country. Every later problem is a [`RowError`] for that row only.
pub fn csv_lines<R: Read>(reader: R) -> Result<CsvLines<R>, ManifestError> {
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .from_reader(RawWindow::new(reader));
    let mut record = ByteRecord::new();
    let found = reader
        .read_byte_record(&mut record)
        .map_err(|e| match e.into_kind() {
            csv::ErrorKind::Io(io) => ManifestError::Io(io),
            other => ManifestError::Csv {
                line: 1,
                message: format!("cannot read the header row: {other:?}"),
            },
        })?;
    if !found {
        return Err(ManifestError::Empty);
    }
    let (before_byte, before_line) = record.position().map_or((0, 1), |p| (p.byte(), p.line()));
    let end = reader.position().byte();
    let (start, line) = record_start(
        reader.get_ref().slice(before_byte, end),
        before_byte,
        before_line,
    );
    let mut headers = Vec::with_capacity(record.len());
    for (index, bytes) in record.iter().enumerate() {
        match std::str::from_utf8(bytes) {
            Ok(text) => headers.push(text.to_owned()),
            Err(_) => {
                let raw = reader.get_ref().slice(start, end);
                let (offset, line) = locate_invalid_utf8(raw, start, line);
                return Err(ManifestError::Csv {
                    line,
                    message: format!(
                        "invalid UTF-8 at byte offset {offset} in the header (column {}): \
                         {REEXPORT_AS_UTF8}",
                        index + 1
                    ),
                });
            }
        }
    }
    let plan = ColumnPlan::new(&headers)?;
    Ok(CsvLines {
        reader,
        record,
        plan,
        builder: LineBuilder::default(),
        finished: false,
    })
}

/// Reads a whole CSV manifest: every line, every row error, every warning.
pub fn read_csv<R: Read>(reader: R) -> Result<Manifest, ManifestError> {
    let mut rows = csv_lines(reader)?;
    let mut manifest = Manifest::default();
    for row in rows.by_ref() {
        match row {
            Ok(line) => manifest.lines.push(line),
            Err(error) => manifest.errors.push(error),
        }
    }
    manifest.warnings = rows.warnings();
    Ok(manifest)
}

/// The data rows of a CSV manifest, read one at a time. Blank rows are skipped silently.
pub struct CsvLines<R: Read> {
    reader: csv::Reader<RawWindow<R>>,
    record: ByteRecord,
    plan: ColumnPlan,
    builder: LineBuilder,
    finished: bool,
}

impl<R: Read> CsvLines<R> {
    /// The header row as written (byte-order mark removed, trimmed).
    pub fn headers(&self) -> &[String] {
        &self.plan.headers
    }

    /// Warnings about the file so far: header problems, then rows without a shipment id.
    /// Complete once the iterator is exhausted.
    pub fn warnings(&self) -> Vec<String> {
        let mut warnings = self.plan.warnings.clone();
        warnings.extend(self.builder.warning());
        warnings
    }

    /// Decodes the record in `self.record`, which starts at `start` (byte) on line `line`.
    fn decode(&mut self, start: u64, end: u64, line: u64) -> Result<ManifestLine, RowError> {
        let expected = self.plan.targets.len();
        if self.record.len() != expected {
            let message = format!(
                "the row has {} fields but the header has {expected}: check for an unquoted \
                 comma or a missing closing quote in this row",
                self.record.len()
            );
            return Err(self.failed(RowError::new(Some(line), None, message)));
        }

        let mut raw = RawLine {
            source_line: Some(line),
            ..RawLine::default()
        };
        for (index, (bytes, target)) in self.record.iter().zip(&self.plan.targets).enumerate() {
            let text = match std::str::from_utf8(bytes) {
                Ok(text) => text,
                Err(_) => {
                    let window = self.reader.get_ref().slice(start, end);
                    let (offset, _) = locate_invalid_utf8(window, start, line);
                    let column = self.plan.column_name(index);
                    let message = format!(
                        "invalid UTF-8 at byte offset {offset} in column `{column}`: \
                         {REEXPORT_AS_UTF8}"
                    );
                    return Err(self.failed(RowError::new(Some(line), Some(&column), message)));
                }
            };
            let Some(value) = clean(text) else { continue };
            match target {
                Target::Field(field) => {
                    raw.set_if_empty(*field, value.to_owned());
                }
                Target::Part(field) => raw.push_part(*field, value),
                Target::Extra(key) => {
                    raw.extra.insert(key.clone(), value.to_owned());
                }
            }
        }
        self.builder.build(raw)
    }

    /// Completes the error of a row that failed before becoming a [`RawLine`]: names its
    /// shipment when readable and counts it, so later rows keep their positions.
    fn failed(&mut self, mut error: RowError) -> RowError {
        let shipment_id = match self.plan.column_of(Field::ShipmentId) {
            None => Some(UNSPECIFIED_SHIPMENT),
            Some(index) => match self.record.get(index).map(std::str::from_utf8) {
                Some(Ok(text)) => Some(clean(text).unwrap_or(UNSPECIFIED_SHIPMENT)),
                Some(Err(_)) | None => None,
            },
        };
        if let Some(id) = shipment_id {
            self.builder.count_row(id);
            error.shipment_id = Some(id.to_owned());
        }
        error
    }
}

impl<R: Read> Iterator for CsvLines<R> {
    type Item = Result<ManifestLine, RowError>;

    fn next(&mut self) -> Option<Self::Item> {
        while !self.finished {
            let before = self.reader.position().clone();
            self.reader.get_mut().forget_before(before.byte());
            match self.reader.read_byte_record(&mut self.record) {
                Ok(true) => {}
                Ok(false) => self.finished = true,
                Err(error) => {
                    self.finished = true;
                    return Some(Err(RowError::new(
                        Some(before.line()),
                        None,
                        format!(
                            "reading stopped here: {error}; the rest of the file was not read, \
                             check that the file is complete and readable"
                        ),
                    )));
                }
            }
            if self.finished || is_blank(&self.record) {
                continue;
            }
            let end = self.reader.position().byte();
            let (start, line) = record_start(
                self.reader.get_ref().slice(before.byte(), end),
                before.byte(),
                before.line(),
            );
            return Some(self.decode(start, end, line));
        }
        None
    }
}

/// The true start of a record: the parser's position skips nothing, so blank lines before the
/// record (which the parser passes over) are stepped over here, counting their line breaks.
fn record_start(raw: &[u8], byte: u64, line: u64) -> (u64, u64) {
    let skipped = raw
        .iter()
        .take_while(|b| **b == b'\n' || **b == b'\r')
        .count();
    let newlines = raw[..skipped].iter().filter(|b| **b == b'\n').count();
    (byte + skipped as u64, line + newlines as u64)
}

/// The file offset and line of the first invalid UTF-8 byte in `raw`, which starts at file
/// offset `start` on line `line`. Quotes and delimiters are ASCII, so the first invalid byte of
/// the raw record is the first invalid byte of its fields.
fn locate_invalid_utf8(raw: &[u8], start: u64, line: u64) -> (u64, u64) {
    match std::str::from_utf8(raw) {
        Ok(_) => (start, line),
        Err(error) => {
            let at = error.valid_up_to();
            let newlines = raw[..at].iter().filter(|b| **b == b'\n').count();
            (start + at as u64, line + newlines as u64)
        }
    }
}

/// A record whose every field is empty after trimming (or the pandas missing marker).
fn is_blank(record: &ByteRecord) -> bool {
    record.iter().all(|bytes| match std::str::from_utf8(bytes) {
        Ok(text) => clean(text).is_none(),
        Err(_) => false,
    })
}
