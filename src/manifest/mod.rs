//! Manifest input: the one canonical line type ([`ManifestLine`]) and the readers that turn CSV
//! exports and JSON documents into it.
//!
//! Raw input becomes domain data here and nowhere else. Readers never stop at a bad row: each row
//! either becomes a line or a [`RowError`] that names its position, so nothing is silently dropped.
//! Countries and HS codes stay as the user wrote them (the knowledge base resolves them), because
//! the evidence shown to the user must quote the input verbatim.
//!
//! Entry points: [`read`] (whole input, either format), [`read_csv`] / [`csv_lines`] (CSV, the
//! latter streaming in constant memory), [`read_json`], and [`read_ams`] (a folder of CBP's
//! public AMS tables, joined on `identifier`). Header and key aliases live in one table
//! (`aliases.rs`); the rules that turn a row into a line live in one place (`row.rs`) and are
//! shared by both readers.

mod aliases;
mod ams;
pub mod checks;
mod csv_input;
mod error;
mod fields;
mod format;
mod headers;
mod json_fields;
mod json_input;
pub mod limits;
mod line;
pub(crate) mod row;
pub(crate) mod values;
mod window;

#[cfg(test)]
mod tests;

use serde::{Deserialize, Serialize};

pub use ams::{read_ams, read_ams_files};
pub use csv_input::{csv_lines, read_csv, CsvLines};
pub use error::{ManifestError, RowError};
pub use fields::Field;
pub use format::{read, InputFormat};
pub use json_input::read_json;
pub use line::{ManifestLine, PartyRole, PartyView};
pub use row::UNSPECIFIED_SHIPMENT;

/// A whole manifest as read: the lines to screen, the rows that could not be read, and
/// warnings about the file (duplicate or ambiguous columns, missing shipment ids).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Manifest {
    pub lines: Vec<ManifestLine>,
    pub errors: Vec<RowError>,
    pub warnings: Vec<String>,
}
