//! `multipart/form-data` uploads (the compliance team's "upload a CSV batch" form): the part
//! named `file` is the manifest; other parts are ignored; a second `file` part is refused (400
//! `malformed_multipart`), so a result never silently covers only some of the files sent.
//! Instead of `file`, one or more `ams` parts carry the tables of a CBP AMS release
//! (`upload_ams`); a form with both is refused for the same reason.
//!
//! The part's format comes from its Content-Type (`text/csv`, `application/json`), else from its
//! file name's extension, else from sniffing its first bytes (`manifest::InputFormat`), because
//! browsers and curl label CSV files inconsistently (often `application/octet-stream`). A CSV
//! part is spooled like a `text/csv` body; a JSON part is read whole.
//! The size limit applies to the whole multipart body, counted below the multipart parser, so
//! large ignored parts count too.

use std::cell::Cell;
use std::path::Path;
use std::rc::Rc;
use std::sync::Arc;

use actix_multipart::{Field, Multipart, MultipartError};
use actix_web::error::PayloadError;
use actix_web::web::{self, Bytes};
use actix_web::HttpRequest;
use futures_util::{Stream, StreamExt};

use crate::manifest::InputFormat;
use crate::screening::Screener;

use super::body::{declared_length, read_all, BodyBudget};
use super::error::{payload_too_large, ApiError, ErrorCode};
use super::intake::{screen_json_in, screen_spooled_csv, spool_body, Screened};
use super::keeper::Keeper;
use super::state::AppState;
use super::upload_ams::{read_ams_part, screen_ams, AMS_PART};

/// The form field that holds the manifest.
pub const FILE_PART: &str = "file";

/// Screens the `file` part of a multipart body.
pub async fn screen_multipart(
    request: &HttpRequest,
    payload: web::Payload,
    state: &AppState,
    screener: Arc<Screener>,
    keeper: Keeper,
) -> Result<Screened, ApiError> {
    let limit = state.max_body_bytes;
    let mut budget = state.body_budget(request)?;
    state.admission.refuse_early(declared_length(request))?;
    let exceeded = Rc::new(Cell::new(false));
    let mut multipart =
        Multipart::new(request.headers(), limited(payload, limit, exceeded.clone()));
    let outcome = screen_file_part(&mut multipart, &mut budget, state, screener, keeper).await;
    if exceeded.get() {
        return Err(payload_too_large(limit));
    }
    outcome
}

async fn screen_file_part(
    multipart: &mut Multipart,
    budget: &mut BodyBudget,
    state: &AppState,
    screener: Arc<Screener>,
    keeper: Keeper,
) -> Result<Screened, ApiError> {
    let mut ams = Vec::new();
    let field = loop {
        match next_file_part(multipart, budget).await? {
            Some(field) if field.name() == Some(AMS_PART) => {
                ams.push(read_ams_part(field, budget, ams.len()).await?);
            }
            Some(_) if !ams.is_empty() => return Err(mixed()),
            Some(field) => break field,
            None if !ams.is_empty() => return screen_ams(state, screener, ams, keeper).await,
            None => {
                return Err(ApiError::new(
                    ErrorCode::MalformedMultipart,
                    format!(
                        "the form has no part named `{FILE_PART}`: send the manifest as \
                         -F {FILE_PART}=@manifest.csv (or the tables of an AMS release as \
                         -F {AMS_PART}=@header.csv -F {AMS_PART}=@cargodesc.csv ...)"
                    ),
                ))
            }
        }
    };
    let declared = declared_format(&field);
    // Fused: a part that ended while its format was sniffed (an empty file) reads as ended
    // again, instead of polling the finished part (which actix-multipart answers with a
    // panic that drops the connection).
    let mut field = field.fuse();
    let mut first = None;
    let format = match declared {
        Some(format) => format,
        None => {
            let head = first_chunk(&mut field, budget).await?;
            let format = InputFormat::sniff(&head);
            first = Some(head);
            format
        }
    };
    let screened = match format {
        InputFormat::Json => {
            let rest = read_all(&mut field, budget).await?;
            let mut bytes = first.map(|b| b.to_vec()).unwrap_or_default();
            bytes.extend_from_slice(&rest);
            let slot = state.admission.admit_sized(Some(bytes.len())).await?;
            screen_json_in(screener, slot, bytes, keeper).await
        }
        InputFormat::Csv => {
            let body = spool_body(first, &mut field, budget).await?;
            let slot = state
                .admission
                .admit_sized(Some(body.len() as usize))
                .await?;
            screen_spooled_csv(screener, slot, body, keeper).await
        }
    }?;
    drop(field);
    // A second file is refused rather than ignored: a result for the first file alone would
    // look like a result for everything sent.
    match next_file_part(multipart, budget).await? {
        Some(part) if part.name() == Some(AMS_PART) => Err(mixed()),
        Some(_) => Err(ApiError::new(
            ErrorCode::MalformedMultipart,
            format!(
                "the form has more than one `{FILE_PART}` part: send one manifest per \
                 request (or join the files into one)"
            ),
        )),
        None => Ok(screened),
    }
}

fn mixed() -> ApiError {
    ApiError::new(
        ErrorCode::MalformedMultipart,
        format!(
            "the form has both `{FILE_PART}` and `{AMS_PART}` parts: send either one manifest \
             file or the tables of one AMS release"
        ),
    )
}

/// The next part named `file` or `ams`; other parts are skipped (their bytes still count
/// against the body limit, below the parser).
async fn next_file_part(
    multipart: &mut Multipart,
    budget: &mut BodyBudget,
) -> Result<Option<Field>, ApiError> {
    while let Some(field) = budget.wait(multipart.next()).await? {
        let field = field.map_err(malformed)?;
        if matches!(field.name(), Some(FILE_PART) | Some(AMS_PART)) {
            return Ok(Some(field));
        }
    }
    Ok(None)
}

/// The format the part announces by Content-Type or file name, if any.
fn declared_format(field: &Field) -> Option<InputFormat> {
    let by_type = field.content_type().and_then(|mime| {
        match (mime.type_().as_str(), mime.subtype().as_str()) {
            ("text", "csv") | ("application", "csv") => Some(InputFormat::Csv),
            ("application", "json") => Some(InputFormat::Json),
            _ if mime.suffix() == Some(actix_web::mime::JSON) => Some(InputFormat::Json),
            _ => None,
        }
    });
    by_type.or_else(|| {
        field
            .content_disposition()
            .and_then(|cd| cd.get_filename())
            .and_then(|name| InputFormat::from_extension(Path::new(name)))
    })
}

/// The first non-empty chunk of the part (empty at the end of the part), counted in `budget`.
async fn first_chunk<S>(field: &mut S, budget: &mut BodyBudget) -> Result<Bytes, ApiError>
where
    S: Stream<Item = Result<Bytes, MultipartError>> + Unpin,
{
    while let Some(chunk) = budget.wait(field.next()).await? {
        let chunk = chunk.map_err(malformed)?;
        budget.spend(chunk.len())?;
        if !chunk.is_empty() {
            return Ok(chunk);
        }
    }
    Ok(Bytes::new())
}

pub(super) fn malformed(error: MultipartError) -> ApiError {
    ApiError::new(
        ErrorCode::MalformedMultipart,
        format!("the multipart body cannot be read: {error}; send a multipart/form-data body with a `{FILE_PART}` part"),
    )
}

/// `payload`, cut with an overflow error once more than `limit` bytes have passed; `exceeded`
/// records that the cut happened, so the caller can answer 413 whatever error the multipart
/// parser makes of it.
fn limited(
    payload: web::Payload,
    limit: usize,
    exceeded: Rc<Cell<bool>>,
) -> impl Stream<Item = Result<Bytes, PayloadError>> + 'static {
    let mut seen = 0usize;
    payload.map(move |chunk| {
        let chunk = chunk?;
        seen = seen.saturating_add(chunk.len());
        if seen > limit {
            exceeded.set(true);
            return Err(PayloadError::Overflow);
        }
        Ok(chunk)
    })
}
