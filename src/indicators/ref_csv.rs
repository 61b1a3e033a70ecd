//! Reading the reference CSV files by column name, with positions for error messages.
//!
//! Upstream files differ in small ways (a UTF-8 BOM, a header with a stray leading space such
//! as Schedule K's ` ISO Code`), so columns are found by trimmed name instead of by position: a
//! reordered upstream export still loads, and a renamed column fails loudly with the names found.

use super::RefError;

/// The rows of one CSV file, with its header resolved to column indexes.
pub(crate) struct CsvRows {
    file: &'static str,
    headers: Vec<String>,
    rows: Vec<(u64, csv::StringRecord)>,
}

impl CsvRows {
    /// Parse `bytes` (BOM allowed) as a CSV file with one header row. `file` names the source
    /// in error messages.
    pub(crate) fn parse(file: &'static str, bytes: &[u8]) -> Result<Self, RefError> {
        let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
        let mut reader = csv::ReaderBuilder::new()
            .has_headers(true)
            .flexible(false)
            .from_reader(bytes);
        let headers = reader
            .headers()
            .map_err(|e| csv_error(file, &e))?
            .iter()
            .map(|h| h.trim().to_owned())
            .collect();
        let mut rows = Vec::new();
        for record in reader.records() {
            let record = record.map_err(|e| csv_error(file, &e))?;
            let line = record.position().map_or(0, |p| p.line());
            rows.push((line, record));
        }
        if rows.is_empty() {
            return Err(RefError::Empty { file });
        }
        Ok(CsvRows {
            file,
            headers,
            rows,
        })
    }

    /// The index of the column named `name` (header names are compared trimmed).
    pub(crate) fn column(&self, name: &'static str) -> Result<usize, RefError> {
        self.headers
            .iter()
            .position(|h| h == name)
            .ok_or_else(|| RefError::MissingColumn {
                file: self.file,
                column: name,
                found: self.headers.join(", "),
            })
    }

    /// Data rows with their 1-based line numbers.
    pub(crate) fn rows(&self) -> impl Iterator<Item = (u64, &csv::StringRecord)> {
        self.rows.iter().map(|(line, record)| (*line, record))
    }

    /// The file name used in error messages.
    pub(crate) fn file(&self) -> &'static str {
        self.file
    }
}

/// The trimmed text of column `index` of `record` (empty when the column is absent).
pub(crate) fn field(record: &csv::StringRecord, index: usize) -> &str {
    record.get(index).unwrap_or("").trim()
}

fn csv_error(file: &'static str, error: &csv::Error) -> RefError {
    let line = error.position().map_or(0, |p| p.line());
    RefError::Csv {
        file,
        line,
        message: error.to_string(),
    }
}
