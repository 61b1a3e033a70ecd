//! Stored screenings: `GET /v1/screenings` (the tenant's screenings, newest first, by cursor),
//! `GET /v1/screenings/{id}` (one, with its result), `GET /v1/screenings/{id}/results.csv` and
//! `GET /v1/screenings/{id}/manifest` (the manifest exactly as received).
//!
//! Every read is scoped to the caller's tenant in the query itself; another tenant's id answers
//! the same 404 as an id that never existed, so ids cannot be probed across tenants. The cursor
//! is opaque to clients (it is the row's sequence number, which never repeats), so a page never
//! repeats a screening. On PostgreSQL with several replicas a sequence number is taken before
//! its commit, so a screening committed late may land behind a client already paging past it;
//! a list started afterwards has it.
//!
//! A big stored result is sent as stored, unpacked as the client reads it
//! ([`SEND_AS_STORED_OVER`]), so reading back a million-line screening never holds its JSON, let
//! alone its decoded form.

use std::future::ready;
use std::sync::Arc;

use actix_web::body::BodyStream;
use actix_web::http::header::{self, ContentType};
use actix_web::web::Bytes;
use actix_web::{web, HttpResponse};
use futures_util::{stream, StreamExt};
use serde::{Deserialize, Serialize};
use serde_json::json;

use crate::report;
use crate::screening::{Screening, Verdict};
use crate::server::auth::Caller;
use crate::server::error::{ApiError, ErrorBody, ErrorCode};
use crate::server::keeping;
use crate::server::state::AppState;
use crate::store::packing;
use crate::store::spool::Spooled;
use crate::store::{PageQuery, ScreeningRow, StoredScreening, MAX_PAGE};

/// Rows per page when `limit` is not given.
pub const DEFAULT_PAGE: u32 = 50;

/// Query parameters of `GET /v1/screenings`.
#[derive(Debug, Deserialize, utoipa::IntoParams)]
#[into_params(parameter_in = Query)]
pub struct ListParams {
    /// Screenings per page, 1 to 200 (default 50).
    pub limit: Option<u32>,
    /// `next_cursor` of the previous page.
    pub cursor: Option<String>,
    /// Only screenings with at least one line of this verdict.
    #[param(value_type = Option<Verdict>)]
    pub verdict: Option<String>,
}

/// A page of stored screenings.
#[derive(Debug, Serialize, Deserialize, utoipa::ToSchema)]
pub struct ScreeningList {
    pub screenings: Vec<ScreeningRow>,
    /// Pass as `cursor` for the next page; `null` on the last page.
    pub next_cursor: Option<String>,
}

/// A stored screening: when and how it was made, and its result.
#[derive(Debug, Serialize, Deserialize, utoipa::ToSchema)]
pub struct StoredScreeningView {
    #[serde(flatten)]
    pub record: ScreeningRow,
    /// The result as it was answered.
    pub screening: Screening,
}

fn invalid(parameter: &str, message: String, accepted: Option<Vec<String>>) -> ApiError {
    ApiError::new(ErrorCode::InvalidQuery, message).with_details(vec![
        json!({ "parameter": parameter, "accepted": accepted }),
    ])
}

fn page_query(params: &ListParams) -> Result<PageQuery, ApiError> {
    let limit = params.limit.unwrap_or(DEFAULT_PAGE);
    if limit == 0 || limit > MAX_PAGE {
        return Err(invalid(
            "limit",
            format!("limit must be 1 to {MAX_PAGE}, not {limit}"),
            None,
        ));
    }
    let before = match params.cursor.as_deref() {
        None | Some("") => None,
        Some(text) => Some(text.parse::<i64>().ok().filter(|n| *n > 0).ok_or_else(|| {
            invalid(
                "cursor",
                "the cursor is not one this server gave; pass `next_cursor` from the previous \
                 page unchanged"
                    .to_owned(),
                None,
            )
        })?),
    };
    let verdict = match params.verdict.as_deref() {
        None | Some("") => None,
        Some(text) => Some(Verdict::parse(text).ok_or_else(|| {
            invalid(
                "verdict",
                format!("unknown verdict {text:?}"),
                Some(Verdict::ALL.iter().map(|v| v.as_str().to_owned()).collect()),
            )
        })?),
    };
    Ok(PageQuery {
        limit,
        before,
        verdict,
    })
}

/// List stored screenings.
///
/// The caller's tenant's screenings, newest first. Page with `cursor` = the previous page's
/// `next_cursor`.
#[utoipa::path(
    get,
    path = "/v1/screenings",
    operation_id = "list_screenings",
    tag = "records",
    params(ListParams),
    responses(
        (status = 200, description = "A page of screenings (no results; fetch one for those)", body = ScreeningList),
        (status = 400, description = "invalid_query", body = ErrorBody),
        (status = 401, description = "unauthorized", body = ErrorBody),
        (status = 503, description = "storage_unavailable", body = ErrorBody),
    )
)]
pub async fn list(
    params: web::Query<ListParams>,
    state: web::Data<AppState>,
    caller: Caller,
) -> Result<HttpResponse, ApiError> {
    let query = page_query(&params)?;
    let page = state
        .store
        .list_screenings(&caller.tenant, &query)
        .await
        .map_err(|e| state.storage_error(e))?;
    Ok(HttpResponse::Ok().json(ScreeningList {
        screenings: page.rows,
        next_cursor: page.next.map(|n| n.to_string()),
    }))
}

/// The stored screening `id` of the caller's tenant, or 404.
pub async fn fetch(
    state: &AppState,
    caller: &Caller,
    id: &str,
) -> Result<StoredScreening, ApiError> {
    state
        .store
        .screening(&caller.tenant, id)
        .await
        .map_err(|e| state.storage_error(e))?
        .ok_or_else(|| {
            ApiError::new(
                ErrorCode::ScreeningNotFound,
                format!("no screening {id:?} for this key's tenant"),
            )
        })
}

/// A stored screening that cannot be decoded: a 500 with the cause in the log.
pub fn damaged(error: crate::store::StoreError) -> ApiError {
    ApiError::internal("a stored screening could not be read", error)
}

/// Get a stored screening.
#[utoipa::path(
    get,
    path = "/v1/screenings/{id}",
    operation_id = "get_screening",
    tag = "records",
    params(("id" = String, Path, description = "The `screening_id`")),
    responses(
        (status = 200, description = "The record (when, request id, input digest, list version, summary) and the result as answered", body = StoredScreeningView),
        (status = 401, description = "unauthorized", body = ErrorBody),
        (status = 404, description = "screening_not_found", body = ErrorBody),
        (status = 503, description = "storage_unavailable", body = ErrorBody),
    )
)]
pub async fn get(
    id: web::Path<String>,
    state: web::Data<AppState>,
    caller: Caller,
) -> Result<HttpResponse, ApiError> {
    let stored = fetch(&state, &caller, &id).await?;
    if stored.result_gz.len() > SEND_AS_STORED_OVER && packing::is_frame(&stored.result_gz) {
        return as_stored(stored);
    }
    let screening = stored.result().map_err(damaged)?;
    Ok(HttpResponse::Ok().json(StoredScreeningView {
        record: stored.row,
        screening,
    }))
}

/// Stored results bigger than this, packed (a few MiB of JSON), are sent as stored: unpacked a
/// piece at a time as the client reads them, never decoded whole. Smaller ones are decoded,
/// checked and sent in the current form of the contract.
pub const SEND_AS_STORED_OVER: usize = 256 * 1024;

/// The record and its big result as stored: the record's fields, then `screening` unpacked from
/// the stored frame as it is sent (memory: the packed copy and one piece). A result stored by an
/// earlier release keeps that release's form; a frame damaged in storage ends the body early
/// (the LZ4 checksum fails) rather than sending invented text.
fn as_stored(stored: StoredScreening) -> Result<HttpResponse, ApiError> {
    let mut head = serde_json::to_vec(&stored.row)
        .map_err(|e| ApiError::internal("rendering a screening record failed", e))?;
    // The record is flattened into the view: its object stays open for `screening`.
    if head.pop() != Some(b'}') {
        return Err(ApiError::internal(
            "rendering a screening record failed",
            "the record is not a JSON object",
        ));
    }
    head.extend_from_slice(if head.len() > 1 {
        b",\"screening\":"
    } else {
        b"\"screening\":"
    });
    let packed = Arc::new(Spooled::Memory(stored.result_gz));
    let body = stream::once(ready(Ok(Bytes::from(head))))
        .chain(keeping::unpacked(packed))
        .chain(stream::once(ready(Ok(Bytes::from_static(b"}")))));
    Ok(HttpResponse::Ok()
        .content_type(ContentType::json())
        .body(BodyStream::new(body)))
}

/// Download a stored screening as CSV.
#[utoipa::path(
    get,
    path = "/v1/screenings/{id}/results.csv",
    operation_id = "get_screening_csv",
    tag = "records",
    params(("id" = String, Path, description = "The `screening_id`")),
    responses(
        (status = 200, description = "One row per line, cells neutralized against spreadsheet formula injection", body = String, content_type = "text/csv"),
        (status = 401, description = "unauthorized", body = ErrorBody),
        (status = 404, description = "screening_not_found", body = ErrorBody),
        (status = 503, description = "storage_unavailable", body = ErrorBody),
    )
)]
pub async fn csv(
    id: web::Path<String>,
    state: web::Data<AppState>,
    caller: Caller,
) -> Result<HttpResponse, ApiError> {
    let stored = fetch(&state, &caller, &id).await?;
    let body = web::block(move || {
        let screening = stored.result().map_err(damaged)?;
        let mut body = Vec::new();
        report::csv::write(&screening, &mut body)
            .map_err(|e| ApiError::internal("rendering a screening as CSV failed", e))?;
        Ok::<_, ApiError>(body)
    })
    .await
    .map_err(|e| ApiError::internal("a rendering task failed", e))??;
    Ok(HttpResponse::Ok()
        .content_type("text/csv; charset=utf-8")
        .insert_header((
            header::CONTENT_DISPOSITION,
            format!("attachment; filename=\"screening-{}.csv\"", safe_name(&id)),
        ))
        .body(body))
}

/// Download the manifest as it was received.
#[utoipa::path(
    get,
    path = "/v1/screenings/{id}/manifest",
    operation_id = "get_screening_manifest",
    tag = "records",
    params(("id" = String, Path, description = "The `screening_id`")),
    responses(
        (status = 200, description = "The manifest bytes exactly as received (their SHA-256 is the record's `input_sha256`), as CSV or JSON per the record's `input_format`; an AMS upload (`ams`) is stored as `{\"ams_tables\": [{\"file\", \"base64\"}]}`",
            content((String = "text/csv"), (String = "application/json"))),
        (status = 401, description = "unauthorized", body = ErrorBody),
        (status = 404, description = "screening_not_found", body = ErrorBody),
        (status = 503, description = "storage_unavailable", body = ErrorBody),
    )
)]
pub async fn manifest(
    id: web::Path<String>,
    state: web::Data<AppState>,
    caller: Caller,
) -> Result<HttpResponse, ApiError> {
    let stored = fetch(&state, &caller, &id).await?;
    let bytes = stored.manifest().map_err(damaged)?;
    let (content_type, extension) = match stored.row.input_format.as_str() {
        "json" | "ams" => ("application/json", "json"),
        _ => ("text/csv; charset=utf-8", "csv"),
    };
    Ok(HttpResponse::Ok()
        .content_type(content_type)
        .insert_header((
            header::CONTENT_DISPOSITION,
            format!(
                "attachment; filename=\"manifest-{}.{extension}\"",
                safe_name(&id)
            ),
        ))
        .body(bytes))
}

/// `id` reduced to characters safe in a file name (ids are UUIDs; this only guards the header).
fn safe_name(id: &str) -> String {
    id.chars()
        .filter(|c| c.is_ascii_alphanumeric() || *c == '-')
        .take(64)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn params(limit: Option<u32>, cursor: Option<&str>, verdict: Option<&str>) -> ListParams {
        ListParams {
            limit,
            cursor: cursor.map(str::to_owned),
            verdict: verdict.map(str::to_owned),
        }
    }

    #[test]
    fn list_parameters_are_checked() {
        let q = page_query(&params(None, None, None)).unwrap();
        assert_eq!((q.limit, q.before, q.verdict), (DEFAULT_PAGE, None, None));
        let q = page_query(&params(Some(5), Some("17"), Some("high_risk"))).unwrap();
        assert_eq!(
            (q.limit, q.before, q.verdict),
            (5, Some(17), Some(Verdict::HighRisk))
        );
        for bad in [
            params(Some(0), None, None),
            params(Some(MAX_PAGE + 1), None, None),
            params(None, Some("abc"), None),
            params(None, Some("-3"), None),
            params(None, None, Some("guilty")),
        ] {
            let error = page_query(&bad).expect_err("refused");
            assert_eq!(error.code, ErrorCode::InvalidQuery);
        }
    }

    #[test]
    fn file_names_keep_only_safe_characters() {
        assert_eq!(safe_name("ab-12\"\r\n/x"), "ab-12x");
    }
}
