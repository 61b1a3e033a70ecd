//! Renderers of screening results: JSON (the contract), CSV (one row per input line, safe to
//! open in a spreadsheet), a table for a terminal, and CBP allegation drafts. Renderers only read
//! results; no rule lives here.

pub mod csv;
pub mod json;
pub mod spreadsheet;
pub mod stream;
pub mod table;
pub mod tip;
