//! The shapes an error's `details` entries take, for the OpenAPI document. The server builds
//! details as JSON values where each error arises (`ApiError::with_details`); these types only
//! describe them, one per kind, so a generated client can read them with typed fields and
//! schemathesis checks every answered detail against one of them. Each kind either has a
//! required field no other kind has, or is closed (no other keys) where it shares one (a
//! position's `line` with a row error's), so exactly one matches (`oneOf`).

use crate::manifest::RowError;

/// One entry of `error.details`.
#[derive(serde::Serialize, utoipa::ToSchema)]
#[allow(dead_code)]
#[serde(untagged)]
pub enum ErrorDetail {
    /// A row that could not be read (`no_screenable_line`, `invalid_manifest`).
    Row(RowError),
    /// Where a JSON or CSV body stopped parsing (`malformed_json`, `malformed_csv`).
    Position(PositionDetail),
    /// The query parameter at fault, and the values it accepts when they are few (`invalid_query`).
    Parameter(ParameterDetail),
    /// The media types the body may have (`unsupported_media_type`).
    Accepted(AcceptedDetail),
    /// The body limit that was passed (`payload_too_large`).
    Limit(LimitDetail),
    /// The knowledge-base version still in service after a failed reload (`reload_failed`).
    KeptVersion(KeptVersionDetail),
    /// The shipments a screening holds (`unknown_shipment`).
    Shipments(ShipmentsDetail),
    /// The lines a shipment has (`unknown_line`).
    Lines(LinesDetail),
    /// The clear line a tip was refused for (`tip_refused`).
    Refused(RefusedDetail),
    /// The supplier a tip was refused for (`tip_refused`).
    RefusedSupplier(RefusedSupplierDetail),
    /// Party names close to an unknown supplier (`unknown_supplier`).
    Closest(ClosestDetail),
    /// The flags a line carries (`unknown_flag`).
    Flags(FlagsDetail),
    /// How many lines a stored screening has (`unknown_line` on a decision).
    LineCount(LineCountDetail),
}

/// A position in the body. Closed (no other keys), so a row error, which also has a `line`,
/// never reads as a position.
#[derive(serde::Serialize, utoipa::ToSchema)]
#[serde(deny_unknown_fields)]
#[allow(dead_code)]
pub struct PositionDetail {
    /// 1-based line.
    pub line: u64,
    /// 1-based column, when the parser knows it.
    pub column: Option<u64>,
}

/// A query parameter and, for an enum, its values.
#[derive(serde::Serialize, utoipa::ToSchema)]
#[allow(dead_code)]
pub struct ParameterDetail {
    pub parameter: String,
    pub accepted: Option<Vec<String>>,
}

/// Accepted media types. Closed, so a parameter detail never reads as one.
#[derive(serde::Serialize, utoipa::ToSchema)]
#[serde(deny_unknown_fields)]
#[allow(dead_code)]
pub struct AcceptedDetail {
    pub accepted: Vec<String>,
}

#[derive(serde::Serialize, utoipa::ToSchema)]
#[allow(dead_code)]
pub struct LimitDetail {
    pub limit_bytes: u64,
}

#[derive(serde::Serialize, utoipa::ToSchema)]
#[allow(dead_code)]
pub struct KeptVersionDetail {
    /// `null` when no knowledge base is in service.
    #[schema(required = true)]
    pub kept_version: Option<String>,
}

#[derive(serde::Serialize, utoipa::ToSchema)]
#[allow(dead_code)]
pub struct ShipmentsDetail {
    pub shipments: Vec<String>,
}

#[derive(serde::Serialize, utoipa::ToSchema)]
#[allow(dead_code)]
pub struct LinesDetail {
    pub lines: Vec<u32>,
}

/// A shipment and, when one line was asked for, that line. Closed, so a row error (which also
/// has `shipment_id`) never reads as one.
#[derive(serde::Serialize, utoipa::ToSchema)]
#[serde(deny_unknown_fields)]
#[allow(dead_code)]
pub struct RefusedDetail {
    pub shipment_id: String,
    #[schema(required = true)]
    pub line: Option<u32>,
}

/// The supplier whose lines are all clear. Closed.
#[derive(serde::Serialize, utoipa::ToSchema)]
#[serde(deny_unknown_fields)]
#[allow(dead_code)]
pub struct RefusedSupplierDetail {
    pub supplier: String,
}

/// Party names of the screening that come close to the supplier asked for, best first.
#[derive(serde::Serialize, utoipa::ToSchema)]
#[serde(deny_unknown_fields)]
#[allow(dead_code)]
pub struct ClosestDetail {
    pub closest: Vec<String>,
}

/// The flag codes of the line a decision was sent for. Closed.
#[derive(serde::Serialize, utoipa::ToSchema)]
#[serde(deny_unknown_fields)]
#[allow(dead_code)]
pub struct FlagsDetail {
    pub flags: Vec<String>,
}

/// Lines are numbered 1 to `line_count` (positions in the screening's `results`). Closed.
#[derive(serde::Serialize, utoipa::ToSchema)]
#[serde(deny_unknown_fields)]
#[allow(dead_code)]
pub struct LineCountDetail {
    pub line_count: u64,
}
