//! Errors of manifest input: [`RowError`] for one bad row (reported, never fatal) and
//! [`ManifestError`] for input that cannot be read at all.

use serde::{Deserialize, Serialize};

/// A problem with one row. The row is not screened; the error is reported in the result.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, thiserror::Error, utoipa::ToSchema)]
#[error("{}", self.describe())]
pub struct RowError {
    /// 1-based line of the input file (CSV) or of the JSON text, when known.
    pub line: Option<u64>,
    /// The column (canonical name, or the header as written) the problem is in, when known.
    pub column: Option<String>,
    /// What is wrong and what to do about it.
    pub message: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub shipment_id: Option<String>,
    /// The manifest line number (`line` field), when it could be read.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub manifest_line: Option<u32>,
}

impl RowError {
    pub fn new(line: Option<u64>, column: Option<&str>, message: impl Into<String>) -> Self {
        RowError {
            line,
            column: column.map(str::to_owned),
            message: message.into(),
            shipment_id: None,
            manifest_line: None,
        }
    }

    fn describe(&self) -> String {
        let mut out = String::new();
        if let Some(line) = self.line {
            out.push_str(&format!("line {line}: "));
        }
        if let Some(column) = &self.column {
            out.push_str(&format!("column `{column}`: "));
        }
        out.push_str(&self.message);
        out
    }
}

/// Input that cannot be read as a manifest at all.
#[derive(Debug, thiserror::Error)]
pub enum ManifestError {
    #[error("cannot read input: {0}")]
    Io(#[from] std::io::Error),
    #[error("malformed CSV at line {line}: {message}")]
    Csv { line: u64, message: String },
    #[error("malformed JSON at line {line}, column {column}: {message}")]
    Json {
        line: usize,
        column: usize,
        message: String,
    },
    #[error("{0}")]
    Schema(String),
    #[error("the input is empty")]
    Empty,
}
