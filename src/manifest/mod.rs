//! Manifest input: the one canonical line type ([`ManifestLine`]) and the readers that turn CSV
//! exports and JSON documents into it.
//!
//! Raw input becomes domain data here and nowhere else. Readers never stop at a bad row: each row
//! either becomes a line or a [`RowError`] that names its position, so nothing is silently dropped.
//! Countries and HS codes stay as the user wrote them (the knowledge base resolves them), because
//! the evidence shown to the user must quote the input verbatim.

mod error;
mod fields;
mod line;

pub use error::{ManifestError, RowError};
pub use fields::Field;
pub use line::{ManifestLine, PartyRole, PartyView};
