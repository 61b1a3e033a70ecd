//! Case work on a stored screening: `POST /v1/screenings/{id}/lines/{line}/decisions` appends
//! what an analyst decided about one flag of one line, `GET` on the same path returns the line's
//! history, oldest first. `{line}` is the line's 1-based position in the screening's `results`
//! (shipment line numbers repeat across shipments; positions do not).
//!
//! Decisions are appended, never edited: a changed mind is a new decision, so the history shows
//! who decided what and when. Each records the key's name (`decided_by`) and the flag's subject
//! (`screening::prior`), which is how a later screening of the same supplier against the same
//! listed entity shows it.

use actix_web::{web, HttpResponse};
use serde::{Deserialize, Serialize};
use serde_json::json;

use crate::screening::prior::{self, DecisionKind};
use crate::screening::{LineResult, Screening};
use crate::server::auth::Caller;
use crate::server::error::{ApiError, ErrorBody, ErrorCode};
use crate::server::state::AppState;
use crate::store::{Decision, NewDecision};

use super::records::{damaged, fetch};

/// Longest note, in characters.
pub const MAX_NOTE_CHARS: usize = 4_000;

/// A decision about one flag.
#[derive(Debug, Deserialize, utoipa::ToSchema)]
#[serde(deny_unknown_fields)]
pub struct DecisionRequest {
    /// The flag code on the line (`DESIGNATED_PARTY`).
    pub flag: String,
    /// `confirmed_match`, `false_positive`, `escalated` or `cleared`.
    #[schema(value_type = DecisionKind)]
    pub decision: String,
    /// Why: what was checked (registration number, address, the listed party's details).
    #[serde(default)]
    pub note: String,
}

/// A line's decisions.
#[derive(Debug, Serialize, Deserialize, utoipa::ToSchema)]
pub struct LineDecisions {
    pub screening_id: String,
    /// 1-based position in the screening's `results`.
    pub line: u32,
    /// The shipment and the line number within it, as in the result.
    pub shipment_id: String,
    pub shipment_line: u32,
    /// Oldest first.
    pub decisions: Vec<Decision>,
}

/// The line at 1-based `position`, or 404 `unknown_line` saying how many there are.
fn line_at(screening: &Screening, position: u32) -> Result<&LineResult, ApiError> {
    let count = screening.results.len();
    (position as usize)
        .checked_sub(1)
        .and_then(|i| screening.results.get(i))
        .ok_or_else(|| {
            ApiError::new(
                ErrorCode::UnknownLine,
                format!(
                    "the screening has no line {position}: lines are numbered 1 to {count} \
                     (positions in `results`)"
                ),
            )
            .with_details(vec![json!({ "line_count": count })])
        })
}

/// Record a decision about a flag.
#[utoipa::path(
    post,
    path = "/v1/screenings/{id}/lines/{line}/decisions",
    operation_id = "create_decision",
    tag = "records",
    params(
        ("id" = String, Path, description = "The `screening_id`"),
        ("line" = u32, Path, description = "1-based position of the line in `results`"),
    ),
    request_body = DecisionRequest,
    responses(
        (status = 201, description = "The decision as recorded (appended to the line's history)", body = Decision),
        (status = 400, description = "malformed_json", body = ErrorBody),
        (status = 401, description = "unauthorized", body = ErrorBody),
        (status = 404, description = "screening_not_found or unknown_line", body = ErrorBody),
        (status = 415, description = "unsupported_media_type: send the body as application/json", body = ErrorBody),
        (status = 422, description = "unknown_flag or invalid_decision", body = ErrorBody),
        (status = 503, description = "storage_unavailable", body = ErrorBody),
    )
)]
pub async fn create(
    caller: Caller,
    path: web::Path<(String, u32)>,
    body: web::Json<DecisionRequest>,
    state: web::Data<AppState>,
) -> Result<HttpResponse, ApiError> {
    let (id, position) = path.into_inner();
    let decision = DecisionKind::parse(body.decision.trim()).ok_or_else(|| {
        ApiError::new(
            ErrorCode::InvalidDecision,
            format!("unknown decision {:?}", body.decision),
        )
        .with_details(vec![json!({
            "parameter": "decision",
            "accepted": DecisionKind::ALL.map(|k| k.as_str()),
        })])
    })?;
    let note = body.note.trim();
    if note.chars().count() > MAX_NOTE_CHARS {
        return Err(ApiError::new(
            ErrorCode::InvalidDecision,
            format!("the note is longer than {MAX_NOTE_CHARS} characters"),
        ));
    }
    let stored = fetch(&state, &caller, &id).await?;
    let screening = stored.result().map_err(damaged)?;
    let line = line_at(&screening, position)?;
    let codes: Vec<&str> = line.flags.iter().map(|f| f.code.as_str()).collect();
    let wanted = body.flag.trim();
    let Some(index) = codes.iter().position(|c| *c == wanted) else {
        return Err(ApiError::new(
            ErrorCode::UnknownFlag,
            format!(
                "line {position} has no flag {wanted:?}; decide about one of the flags it \
                 carries (details)"
            ),
        )
        .with_details(vec![json!({ "flags": codes })]));
    };
    let new = NewDecision {
        decision_id: uuid::Uuid::new_v4().to_string(),
        tenant: caller.tenant.clone(),
        screening_id: stored.row.screening_id.clone(),
        line: position,
        flag: codes[index].to_owned(),
        subject_key: prior::subject_key(line, &line.flags[index]),
        decision,
        note: note.to_owned(),
        decided_by: caller.name.clone(),
        decided_at: crate::screening::screener::now_rfc3339(),
    };
    state
        .store
        .append_decision(new.clone())
        .await
        .map_err(|e| state.storage_error(e))?;
    tracing::info!(
        screening_id = %new.screening_id,
        line = position,
        flag = %new.flag,
        decision = decision.as_str(),
        decided_by = %new.decided_by,
        "decision recorded"
    );
    Ok(HttpResponse::Created()
        .insert_header((
            actix_web::http::header::LOCATION,
            format!("/v1/screenings/{id}/lines/{position}/decisions"),
        ))
        .json(Decision::from(new)))
}

/// The decisions recorded on a line.
#[utoipa::path(
    get,
    path = "/v1/screenings/{id}/lines/{line}/decisions",
    operation_id = "list_decisions",
    tag = "records",
    params(
        ("id" = String, Path, description = "The `screening_id`"),
        ("line" = u32, Path, description = "1-based position of the line in `results`"),
    ),
    responses(
        (status = 200, description = "The line's decisions, oldest first", body = LineDecisions),
        (status = 401, description = "unauthorized", body = ErrorBody),
        (status = 404, description = "screening_not_found or unknown_line", body = ErrorBody),
        (status = 503, description = "storage_unavailable", body = ErrorBody),
    )
)]
pub async fn list(
    path: web::Path<(String, u32)>,
    state: web::Data<AppState>,
    caller: Caller,
) -> Result<HttpResponse, ApiError> {
    let (id, position) = path.into_inner();
    let stored = fetch(&state, &caller, &id).await?;
    let screening = stored.result().map_err(damaged)?;
    let line = line_at(&screening, position)?;
    let decisions = state
        .store
        .line_decisions(&caller.tenant, &stored.row.screening_id, position)
        .await
        .map_err(|e| state.storage_error(e))?;
    Ok(HttpResponse::Ok().json(LineDecisions {
        screening_id: stored.row.screening_id.clone(),
        line: position,
        shipment_id: line.shipment_id.clone(),
        shipment_line: line.line,
        decisions,
    }))
}
