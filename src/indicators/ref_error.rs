//! [`RefError`]: why a reference table (countries, ports, sectors, HS/HTS) could not be built.
//!
//! Reference tables are built from bytes (embedded or read by the caller), so every error names
//! the file the bytes claim to be, the 1-based line when there is one, and what to change. A bad
//! row fails the whole table rather than being skipped: a silently missing country or sector row
//! would make screening answers quietly wrong, which is worse than refusing to start.

/// A reference file that cannot be turned into a table.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum RefError {
    /// The bytes are not readable CSV (bad quoting, invalid UTF-8, ...).
    #[error("{file}: line {line}: malformed CSV: {message}; re-export the file as UTF-8 CSV with one header row")]
    Csv {
        file: &'static str,
        line: u64,
        message: String,
    },
    /// The bytes are not the expected JSON document.
    #[error("{file}: malformed JSON at line {line}, column {column}: {message}; use the upstream file unmodified")]
    Json {
        file: &'static str,
        line: usize,
        column: usize,
        message: String,
    },
    /// A column the table needs is absent from the header row.
    #[error("{file}: missing column `{column}` in the header row (found: {found}); add it or use the upstream file unmodified")]
    MissingColumn {
        file: &'static str,
        column: &'static str,
        found: String,
    },
    /// A value that the table cannot accept.
    #[error("{file}: line {line}, column `{column}`: {message}")]
    InvalidValue {
        file: &'static str,
        line: u64,
        column: &'static str,
        message: String,
    },
    /// A value of a JSON document (which has no useful line numbers) that the table cannot accept.
    #[error("{file}: entry {entry}, field `{field}`: {message}")]
    InvalidEntry {
        file: &'static str,
        /// 1-based position of the entry in its list.
        entry: usize,
        field: &'static str,
        message: String,
    },
    /// The file has a header but no data rows.
    #[error("{file}: no data rows; the file is empty or truncated, restore it from its source")]
    Empty { file: &'static str },
}

impl RefError {
    /// A [`RefError::InvalidValue`] for `column` of the row at `line` of `file`.
    pub(crate) fn invalid(
        file: &'static str,
        line: u64,
        column: &'static str,
        message: impl Into<String>,
    ) -> Self {
        RefError::InvalidValue {
            file,
            line,
            column,
            message: message.into(),
        }
    }
}
