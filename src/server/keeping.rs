//! The last steps of `POST /v1/screenings`: earlier decisions of the caller's tenant are looked
//! up and attached to the flags they were recorded about, the result is rendered, and the
//! screening is stored with the manifest as received. The response is sent only after the store
//! has committed: a client that got a `screening_id` can always read it back. If the database
//! does not answer, the request fails (503 `storage_unavailable`) rather than returning a result
//! no one can find later.

use actix_web::{HttpMessage, HttpRequest};
use tracing_actix_web::RequestId;

use crate::report;
use crate::screening::prior;
use crate::store::keep;

use super::admission::run_blocking;
use super::auth::Caller;
use super::error::ApiError;
use super::intake::Screened;
use super::render::{OutputFormat, Rendered};
use super::state::AppState;

/// Attaches earlier decisions, renders and stores `screened`; answers the rendered result.
pub async fn keep_screening(
    state: &AppState,
    caller: &Caller,
    request: &HttpRequest,
    screened: Screened,
    output: OutputFormat,
) -> Result<(Rendered, String), ApiError> {
    let Screened {
        mut screening,
        input,
        slot,
    } = screened;
    let subjects = prior::subject_keys(&screening.results);
    let decisions = state
        .store
        .subject_decisions(&caller.tenant, &subjects)
        .await
        .map_err(|e| state.storage_error(e))?;
    let tenant = caller.tenant.clone();
    let request_id = request
        .extensions()
        .get::<RequestId>()
        .map(|id| id.to_string());
    let (rendered, row) = run_blocking(slot, move || {
        keep::attach_decisions(&mut screening.results, &decisions);
        let mut json = Vec::new();
        report::json::write(&screening, &mut json)
            .map_err(|e| ApiError::internal("rendering a screening as JSON failed", e))?;
        let row = keep::record(
            &screening,
            &tenant,
            request_id,
            input.format,
            &input.bytes,
            &json,
        );
        let rendered = match output {
            OutputFormat::Json => Rendered {
                body: json,
                content_type: output.content_type(),
                summary: screening.summary,
            },
            OutputFormat::Csv => output.render(&screening)?,
        };
        Ok((rendered, row))
    })
    .await?;
    let id = row.row.screening_id.clone();
    state
        .store
        .insert_screening(row)
        .await
        .map_err(|e| state.storage_error(e))?;
    Ok((rendered, id))
}
