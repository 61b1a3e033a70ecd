//! Schemas of request bodies that the server reads with its own streaming readers rather than
//! by deserializing one Rust type: the JSON manifest (read field by field by
//! `manifest::read_json`, which also accepts `{"lines":[...]}` and a bare array of lines) and the
//! multipart upload. These types exist only to describe those bodies in `/openapi.json`, so a
//! generated client can build a request with typed fields; the readers remain the authority on
//! what is accepted (and say so in their errors).

use crate::manifest::ManifestLine;

/// A manifest as JSON: shipments, each with its lines. `{"lines":[...]}` with `shipment_id` on
/// every line, or a bare array of such lines, are accepted too.
#[derive(utoipa::ToSchema)]
#[allow(dead_code)]
pub struct ManifestDocument {
    /// At least one shipment: a manifest with no line is refused (422 `no_screenable_line`).
    #[schema(min_items = 1)]
    pub shipments: Vec<ShipmentDocument>,
}

/// One shipment (bill of lading) and its lines.
#[derive(utoipa::ToSchema)]
#[allow(dead_code)]
pub struct ShipmentDocument {
    /// Usually the bill of lading number.
    pub shipment_id: String,
    pub importer: Option<String>,
    /// The lines; each takes the shipment's `shipment_id`.
    #[schema(min_items = 1)]
    pub lines: Vec<ManifestLine>,
}

/// A CSV export with a header row, as sent (`text/csv`): bytes, read by the streaming CSV reader.
#[derive(utoipa::ToSchema)]
#[schema(value_type = String, format = Binary)]
#[allow(dead_code)]
pub struct CsvManifest(Vec<u8>);

/// A multipart upload: the manifest file (CSV or JSON) in the `file` part, or the tables of a
/// CBP AMS release in repeated `ams` parts (not both).
#[derive(utoipa::ToSchema)]
#[allow(dead_code)]
pub struct ManifestUpload {
    /// The manifest file; its name's extension or its content says whether it is CSV or JSON.
    #[schema(value_type = Option<String>, format = Binary)]
    pub file: Option<Vec<u8>>,
    /// The tables of one AMS release (header, billgen, cargodesc, tariff, shipper, consignee,
    /// notifyparty, container, marksnumbers), one part each, joined on `identifier`.
    #[schema(value_type = Option<Vec<String>>)]
    pub ams: Option<Vec<Vec<u8>>>,
}
