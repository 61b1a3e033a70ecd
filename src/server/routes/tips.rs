//! `POST /v1/tips`: a CBP forced-labor allegation draft for one shipment (or one line of it),
//! or for one supplier across all its lines, from a screening result the client already holds
//! or from a manifest screened on the spot.
//!
//! The drafting is the engine's (`report::tip::draft` and `render`); this handler only reads the
//! request, picks the format (`?format=` first, then `Accept`, default Markdown) and maps the
//! engine's `TipError` onto the error table: an unknown shipment or line is a 404 listing what
//! exists, a clear selection is a 422 `tip_refused` (a draft without a reason is never printed).
//! Drafting is CPU work, so it takes a screening slot like `POST /v1/screenings` does.

use actix_web::{web, HttpRequest, HttpResponse};
use serde::Deserialize;
use serde_json::value::RawValue;
use serde_json::{json, Value};

use crate::manifest;
use crate::report::tip::{self, TipDraft, TipError, TipFormat};
use crate::screening::{Screener, Screening};
use crate::server::admission::run_blocking;
use crate::server::auth::Caller;
use crate::server::error::{ApiError, ErrorBody, ErrorCode};
use crate::server::negotiate::{negotiate, Negotiable};
use crate::server::request_schemas::ManifestDocument;
use crate::server::state::AppState;

/// Query parameters of `POST /v1/tips`.
#[derive(Debug, Deserialize, utoipa::IntoParams)]
#[into_params(parameter_in = Query)]
pub struct TipParams {
    /// `md` (default), `html` or `json`; wins over the Accept header.
    #[param(value_type = Option<TipFormat>, inline)]
    pub format: Option<String>,
}

/// The request body: what to draft for, and the screening or manifest it comes from.
#[derive(Debug, Deserialize, utoipa::ToSchema)]
#[serde(deny_unknown_fields)]
pub struct TipRequest {
    /// The shipment (bill of lading / entry number) to draft for. Give this or `supplier`.
    pub shipment_id: Option<String>,
    /// One line of the shipment; omitted, every flagged line of it.
    pub line: Option<u32>,
    /// A supplier or manufacturer to draft one allegation about, across all its lines (spelling
    /// variants grouped by the screening name matcher). Give this or `shipment_id`.
    pub supplier: Option<String>,
    /// The date printed on the draft (YYYY-MM-DD); default today (UTC).
    pub date: Option<String>,
    /// A screening result as returned by `POST /v1/screenings` (JSON).
    #[schema(value_type = Option<Screening>)]
    pub screening: Option<Value>,
    /// A manifest in the JSON shapes `POST /v1/screenings` accepts; it is screened first. Kept
    /// as its raw text, so the manifest reader sees it as sent (no re-serialization).
    #[schema(value_type = Option<ManifestDocument>)]
    pub manifest: Option<Box<RawValue>>,
}

/// Draft a CBP forced-labor allegation.
///
/// Give exactly one of `screening` (a result you hold) or `manifest` (screened now with the
/// knowledge base in service). The draft quotes the legal texts with their sources, states each
/// flag's evidence and tier, and is for a person to check and file; it alleges nothing by itself.
#[utoipa::path(
    post,
    path = "/v1/tips",
    operation_id = "create_tip",
    tag = "tips",
    params(TipParams),
    request_body(content = TipRequest, content_type = "application/json"),
    responses(
        (status = 200, description = "The draft: Markdown (default), a print-ready HTML page, or the draft model as JSON.",
            content((String = "text/markdown"), (String = "text/html"), (TipDraft = "application/json"))),
        (status = 400, description = "malformed_json or invalid_query", body = ErrorBody),
        (status = 404, description = "unknown_shipment, unknown_line or unknown_supplier (details list what exists)", body = ErrorBody),
        (status = 415, description = "unsupported_media_type", body = ErrorBody),
        (status = 422, description = "invalid_tip_request, tip_refused (the lines are clear), invalid_manifest or no_screenable_line", body = ErrorBody),
        (status = 503, description = "overloaded or not_ready, with Retry-After", body = ErrorBody),
    )
)]
pub async fn create(
    _caller: Caller,
    request: HttpRequest,
    params: web::Query<TipParams>,
    body: web::Json<TipRequest>,
    state: web::Data<AppState>,
) -> Result<HttpResponse, ApiError> {
    let format = negotiate(params.format.as_deref(), &request)?;
    let body = body.into_inner();
    let date = draft_date(body.date.as_deref())?;
    let screener = state.screener()?;
    let slot = state.admission.admit().await?;
    let text = run_blocking(slot, move || draft(&screener, body, date, format)).await?;
    Ok(HttpResponse::Ok()
        .content_type(format.media_type())
        .body(text))
}

/// Screens or reads the screening, drafts and renders.
fn draft(
    screener: &Screener,
    body: TipRequest,
    date: time::Date,
    format: TipFormat,
) -> Result<String, ApiError> {
    let screening = match (body.screening, body.manifest) {
        (Some(screening), None) => read_screening(screening)?,
        (None, Some(manifest)) => screen_manifest(screener, &manifest)?,
        _ => {
            return Err(ApiError::new(
                ErrorCode::InvalidTipRequest,
                "give exactly one of `screening` (a result of POST /v1/screenings) or \
                 `manifest` (a JSON manifest to screen first)",
            ))
        }
    };
    let draft = match (&body.shipment_id, &body.supplier, body.line) {
        (Some(shipment_id), None, line) => {
            tip::draft(screener.kb(), &screening, shipment_id, line, date)
        }
        (None, Some(supplier), None) => tip::supplier_draft(
            screener.kb(),
            screener.parties().matcher(),
            std::slice::from_ref(&screening),
            supplier,
            date,
        ),
        _ => {
            return Err(ApiError::new(
                ErrorCode::InvalidTipRequest,
                "give exactly one of `shipment_id` (with an optional `line`) or `supplier`",
            ))
        }
    }
    .map_err(tip_error)?;
    Ok(tip::render(&draft, format))
}

fn read_screening(value: Value) -> Result<Screening, ApiError> {
    serde_json::from_value(value).map_err(|e| {
        ApiError::new(
            ErrorCode::InvalidTipRequest,
            format!(
                "`screening` is not a screening result ({e}); send the JSON that POST \
                 /v1/screenings answered, or send the manifest as `manifest`"
            ),
        )
    })
}

fn screen_manifest(screener: &Screener, raw: &RawValue) -> Result<Screening, ApiError> {
    let manifest = manifest::read_json(raw.get().as_bytes())?;
    if manifest.lines.is_empty() {
        return Err(ApiError::no_screenable_line(&manifest.errors));
    }
    Ok(screener.screen(&manifest.lines, manifest.errors, manifest.warnings))
}

impl Negotiable for TipFormat {
    const DEFAULT: TipFormat = TipFormat::Md;
    const NAMES: &'static [(&'static str, TipFormat)] = &[
        ("md", TipFormat::Md),
        ("html", TipFormat::Html),
        ("json", TipFormat::Json),
    ];

    fn for_media(kind: &str, subtype: &str) -> Option<TipFormat> {
        match (kind, subtype) {
            ("text", "markdown" | "x-markdown") => Some(TipFormat::Md),
            ("text", "html") => Some(TipFormat::Html),
            ("application", "json") => Some(TipFormat::Json),
            _ => None,
        }
    }
}

fn draft_date(text: Option<&str>) -> Result<time::Date, ApiError> {
    let Some(text) = text else {
        return Ok(time::OffsetDateTime::now_utc().date());
    };
    tip::parse_iso_date(text).ok_or_else(|| {
        ApiError::new(
            ErrorCode::InvalidTipRequest,
            format!("`date` `{text}` is not a date; write it as YYYY-MM-DD"),
        )
    })
}

/// The engine's reasons for not drafting, as API errors.
fn tip_error(error: TipError) -> ApiError {
    let message = error.to_string();
    match error {
        TipError::UnknownShipment { available, .. } => {
            ApiError::new(ErrorCode::UnknownShipment, message)
                .with_details(vec![json!({ "shipments": available })])
        }
        TipError::UnknownLine { available, .. } => ApiError::new(ErrorCode::UnknownLine, message)
            .with_details(vec![json!({ "lines": available })]),
        TipError::UnknownSupplier { closest, .. } => {
            ApiError::new(ErrorCode::UnknownSupplier, message)
                .with_details(vec![json!({ "closest": closest })])
        }
        TipError::Refused(refusal) => {
            let detail = match refusal.supplier {
                Some(supplier) => json!({ "supplier": supplier }),
                None => json!({ "shipment_id": refusal.shipment_id, "line": refusal.line }),
            };
            ApiError::new(ErrorCode::TipRefused, message).with_details(vec![detail])
        }
        TipError::LegalText { .. } => ApiError::internal("drafting a tip failed", message),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::server::negotiate::request_accepting;

    fn pick(accept: &str) -> TipFormat {
        negotiate(None, &request_accepting(Some(accept))).expect("no parameter")
    }

    #[test]
    fn accept_names_the_draft_format_and_markdown_is_the_default() {
        assert_eq!(
            pick("text/html,application/xhtml+xml;q=0.9"),
            TipFormat::Html
        );
        assert_eq!(pick("text/markdown; charset=utf-8"), TipFormat::Md);
        assert_eq!(pick("application/json"), TipFormat::Json);
        assert_eq!(pick("image/png"), TipFormat::Md);
        assert_eq!(pick("*/*"), TipFormat::Md);
    }
}
