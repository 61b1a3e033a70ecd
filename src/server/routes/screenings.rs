//! `POST /v1/screenings`: a manifest in (JSON, CSV, or a multipart `file` part), the
//! engine's `Screening` out (JSON, or CSV with `Accept: text/csv` / `?format=csv`).
//!
//! The handler is thin: it takes the screener in service once (a reload mid-request does not
//! change it), checks what the body is, takes a screening slot, and hands the body to `intake`.
//! Bodies are read before a slot is taken (reading is I/O, not CPU): JSON into memory, CSV into a
//! spool that moves to a temporary file when it is large.

use actix_web::{web, HttpRequest, HttpResponse};
use serde::Deserialize;

use crate::screening::gate::{FailOn, Gate};
use crate::screening::{Screening, Summary};
use crate::server::auth::Caller;
use crate::server::body::{classify, declared_length, read_all, BodyKind};
use crate::server::error::{ApiError, ErrorBody, ErrorCode};
use crate::server::intake::{screen_json_in, screen_spooled_csv, spool_body};
use crate::server::keeping::{keep_screening, keeper};
use crate::server::negotiate::negotiate;
use crate::server::render::OutputFormat;
use crate::server::request_schemas::{CsvManifest, ManifestDocument, ManifestUpload};
use crate::server::state::AppState;
use crate::server::upload::screen_multipart;

/// Query parameters of `POST /v1/screenings`.
#[derive(Debug, Deserialize, utoipa::IntoParams)]
#[into_params(parameter_in = Query)]
pub struct ScreeningParams {
    /// `json` (default) or `csv`; wins over the Accept header.
    #[param(value_type = Option<OutputFormat>, inline)]
    pub format: Option<String>,
    /// A gate to judge the screening by: `prohibited`, `presumption`, `high_risk` or `review`.
    /// The answer then carries `caatsa-gate: passed` or `failed` (with `caatsa-gate-reasons`);
    /// the gate also fails when a row could not be read, unless `allow_row_errors=true`. The
    /// screening is stored and returned either way, as `screen --fail-on` writes its result.
    #[param(value_type = Option<FailOn>, inline)]
    pub fail_on: Option<FailOn>,
    /// With `fail_on`: rows that could not be read (listed in `errors`) do not fail the gate.
    pub allow_row_errors: Option<bool>,
}

impl ScreeningParams {
    /// The gate the query asks for, if any; `allow_row_errors` alone is a mistake worth saying.
    fn gate(&self) -> Result<Option<Gate>, ApiError> {
        match (self.fail_on, self.allow_row_errors) {
            (Some(fail_on), allow) => Ok(Some(Gate {
                fail_on,
                allow_row_errors: allow.unwrap_or(false),
            })),
            (None, Some(_)) => Err(ApiError::new(
                ErrorCode::InvalidQuery,
                "`allow_row_errors` only applies with `fail_on`: add `fail_on=review` (or \
                 prohibited, presumption, high_risk), or drop it",
            )),
            (None, None) => Ok(None),
        }
    }
}

/// The headers that say how a screening fared against the query's gate.
fn gate_headers(gate: &Gate, summary: &Summary) -> Vec<(&'static str, String)> {
    let reasons = gate.reasons(summary, "allow_row_errors=true");
    if reasons.is_empty() {
        vec![(GATE_HEADER, "passed".to_owned())]
    } else {
        vec![
            (GATE_HEADER, "failed".to_owned()),
            (GATE_REASONS_HEADER, reasons.join("; ")),
        ]
    }
}

/// `passed` or `failed`, when the request named a `fail_on` gate.
pub const GATE_HEADER: &str = "caatsa-gate";
/// Why the gate failed, reasons separated by `; `.
pub const GATE_REASONS_HEADER: &str = "caatsa-gate-reasons";

/// Screen a manifest.
///
/// Every line is screened against the knowledge base in service; the result carries its
/// `indicators_version`, and is stored (with the manifest as received) before it is answered:
/// `GET /v1/screenings/{id}` reads it back. Flags carry `prior_decisions` when analysts of the
/// same tenant decided about the same subject before. Rows that cannot be read are listed in `errors` with their line; a
/// manifest with no readable line is a 422.
#[utoipa::path(
    post,
    path = "/v1/screenings",
    operation_id = "create_screening",
    tag = "screenings",
    params(ScreeningParams),
    request_body(
        description = "The manifest: the JSON shapes of `manifest::read_json` (`{\"shipments\":[...]}`, `{\"lines\":[...]}` or an array of lines), a CSV export with a header row, or a multipart form whose `file` part is either.",
        content(
            (ManifestDocument = "application/json"),
            (CsvManifest = "text/csv"),
            (ManifestUpload = "multipart/form-data")
        )
    ),
    responses(
        (status = 200, headers(
            ("location" = String, description = "Where the stored screening is read back: `/v1/screenings/{id}`"),
            ("caatsa-gate" = String, description = "With `fail_on`: `passed` or `failed`"),
            ("caatsa-gate-reasons" = String, description = "With `fail_on`, when the gate failed: why, reasons separated by `; `")
        ), description = "The screening: `screening_id`, `created_at`, `indicators_version`, `summary`, `results` (one per line: verdict, flags with evidence and sources, explanation), `errors` (unreadable rows), `warnings`. As CSV: one row per input line, cells neutralized against spreadsheet formula injection.",
            content((Screening = "application/json"), (String = "text/csv"))),
        (status = 400, description = "malformed_json, malformed_csv, malformed_multipart, malformed_request or invalid_query", body = ErrorBody),
        (status = 413, description = "payload_too_large", body = ErrorBody),
        (status = 415, description = "unsupported_media_type", body = ErrorBody),
        (status = 422, description = "invalid_manifest or no_screenable_line (details list the row errors)", body = ErrorBody),
        (status = 503, description = "overloaded or not_ready (with Retry-After), storage_unavailable, or screening_timeout", body = ErrorBody),
    )
)]
pub async fn create(
    caller: Caller,
    request: HttpRequest,
    params: web::Query<ScreeningParams>,
    payload: web::Payload,
    state: web::Data<AppState>,
) -> Result<HttpResponse, ApiError> {
    let output = negotiate(params.format.as_deref(), &request)?;
    let gate = params.gate()?;
    let kind = classify(&request)?;
    let screener = state.screener()?;
    // Dropped with this future (the client went away, or shutdown dropped the request), the
    // guard stops the screening thread at its next chunk.
    let (keeper, guard) = keeper(&state, &caller, &screener, output)?;
    let screened = match kind {
        BodyKind::Json => {
            let mut budget = state.body_budget(&request)?;
            state.admission.refuse_early(declared_length(&request))?;
            let bytes = read_all(payload, &mut budget).await?;
            let slot = state.admission.admit_sized(Some(bytes.len())).await?;
            screen_json_in(screener, slot, bytes.to_vec(), keeper).await?
        }
        BodyKind::Csv => {
            let mut budget = state.body_budget(&request)?;
            state.admission.refuse_early(declared_length(&request))?;
            let body = spool_body(None, payload, &mut budget).await?;
            let slot = state
                .admission
                .admit_sized(Some(body.len() as usize))
                .await?;
            screen_spooled_csv(screener, slot, body, keeper).await?
        }
        BodyKind::Multipart => {
            screen_multipart(&request, payload, &state, screener, keeper).await?
        }
    };
    let answer = keep_screening(&state, &caller, &request, screened, output).await?;
    guard.disarm();
    state.metrics.observe_screening(&answer.summary);
    let mut response = HttpResponse::Ok();
    response.insert_header((
        actix_web::http::header::LOCATION,
        format!("/v1/screenings/{}", answer.screening_id),
    ));
    for header in gate.map_or_else(Vec::new, |gate| gate_headers(&gate, &answer.summary)) {
        response.insert_header(header);
    }
    Ok(response
        .content_type(answer.content_type)
        .body(answer.body()))
}
