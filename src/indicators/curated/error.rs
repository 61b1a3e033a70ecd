//! Errors of the curated tables. Every error names the file, and where a row is at fault the
//! 1-based line and the column, then says how to fix it: the tables are edited by hand, so
//! the person editing them is the audience. Loading stops at the first error (a knowledge
//! base that is partly loaded would screen silently with missing indicators).

use thiserror::Error;

#[derive(Debug, Error)]
pub enum CuratedError {
    /// The CSV itself cannot be read (bad quoting, wrong number of fields, invalid UTF-8).
    #[error("{file}: line {}: malformed CSV: {source}; fix the quoting or the number of fields on that line", line.map_or_else(|| "?".to_owned(), |l| l.to_string()))]
    Csv {
        file: &'static str,
        line: Option<u64>,
        #[source]
        source: csv::Error,
    },

    /// The header row lacks a column or has one the loader does not know.
    #[error("{file}: line 1 (header): {problem}; the header must be exactly: {expected}")]
    Header {
        file: &'static str,
        problem: String,
        expected: String,
    },

    /// A row the other tables require is missing (e.g. an entity without its role).
    #[error("{file}: {problem}; {fix}")]
    Missing {
        file: &'static str,
        problem: String,
        fix: String,
    },

    /// One field of one row is invalid.
    #[error("{file}: line {line}, column `{column}`: {problem}; {fix}")]
    Field {
        file: &'static str,
        line: u64,
        column: &'static str,
        problem: String,
        fix: String,
    },
}
