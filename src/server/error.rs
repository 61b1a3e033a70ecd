//! The one place failures become HTTP: a single table of stable error codes ([`ErrorCode`]), each
//! with its status, and one JSON shape for every failure:
//! `{"error":{"code":"...","message":"...","details":[...]}}`.
//!
//! Handlers return [`ApiError`]; actix's own extractor failures (JSON, query), the 404
//! default service and the 405 of every resource are routed into the same shape by the handlers
//! at the end of this file, so a client parses one error format whatever failed. Codes are a
//! public contract: add new ones, never rename. The trade-off: a `details` array of JSON objects
//! built where each error arises rather than one typed struct per code, so that a row error, a
//! JSON position and a list of accepted media types all fit the same envelope; their shapes are
//! documented in [`super::error_details`].
//!
//! 500s are opaque to the client (a fixed message) and complete in the log, where the request id
//! of the `x-request-id` response header finds them.

use actix_web::error::{JsonPayloadError, QueryPayloadError};
use actix_web::http::{header, StatusCode};
use actix_web::{HttpRequest, HttpResponse, ResponseError};
use serde::Serialize;
use serde_json::{json, Value};

use crate::manifest::{ManifestError, RowError};

/// Row errors listed in a `no_screenable_line` body at most; the count of all is in the message.
pub const MAX_ERROR_DETAILS: usize = 100;

/// What the client sees instead of the cause of an internal error.
const INTERNAL_MESSAGE: &str = "an internal error occurred; it is logged under the request id \
                                of the `x-request-id` response header";

/// Every error code the service answers with.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum ErrorCode {
    MalformedJson,
    MalformedCsv,
    MalformedMultipart,
    MalformedRequest,
    InvalidQuery,
    NotFound,
    MethodNotAllowed,
    RequestTimeout,
    PayloadTooLarge,
    UnsupportedMediaType,
    InvalidManifest,
    NoScreenableLine,
    UnknownShipment,
    UnknownLine,
    UnknownSupplier,
    InvalidTipRequest,
    TipRefused,
    Internal,
    ReloadFailed,
    NotReady,
    Overloaded,
    ScreeningTimeout,
    Unauthorized,
    Forbidden,
    ScreeningNotFound,
    UnknownFlag,
    InvalidDecision,
    StorageUnavailable,
}

/// One row of the error table.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ErrorRow {
    pub code: &'static str,
    pub status: StatusCode,
    /// When the service answers with this code (for the documentation).
    pub when: &'static str,
}

impl ErrorCode {
    /// Every code, in the order of the documentation's table.
    pub const ALL: [ErrorCode; 28] = [
        ErrorCode::MalformedJson,
        ErrorCode::MalformedCsv,
        ErrorCode::MalformedMultipart,
        ErrorCode::MalformedRequest,
        ErrorCode::InvalidQuery,
        ErrorCode::NotFound,
        ErrorCode::MethodNotAllowed,
        ErrorCode::RequestTimeout,
        ErrorCode::PayloadTooLarge,
        ErrorCode::UnsupportedMediaType,
        ErrorCode::InvalidManifest,
        ErrorCode::NoScreenableLine,
        ErrorCode::UnknownShipment,
        ErrorCode::UnknownLine,
        ErrorCode::UnknownSupplier,
        ErrorCode::InvalidTipRequest,
        ErrorCode::TipRefused,
        ErrorCode::Internal,
        ErrorCode::ReloadFailed,
        ErrorCode::NotReady,
        ErrorCode::Overloaded,
        ErrorCode::ScreeningTimeout,
        ErrorCode::Unauthorized,
        ErrorCode::Forbidden,
        ErrorCode::ScreeningNotFound,
        ErrorCode::UnknownFlag,
        ErrorCode::InvalidDecision,
        ErrorCode::StorageUnavailable,
    ];

    /// The table: code, status and meaning, in one match.
    pub fn row(self) -> ErrorRow {
        let (code, status, when) = match self {
            ErrorCode::MalformedJson => ("malformed_json", StatusCode::BAD_REQUEST,
                "the JSON body is not valid JSON (details give line and column)"),
            ErrorCode::MalformedCsv => ("malformed_csv", StatusCode::BAD_REQUEST,
                "the CSV header row cannot be read (details give the line)"),
            ErrorCode::MalformedMultipart => ("malformed_multipart", StatusCode::BAD_REQUEST,
                "the multipart body is unreadable, has no `file` (or `ams`) part, or mixes them"),
            ErrorCode::MalformedRequest => ("malformed_request", StatusCode::BAD_REQUEST,
                "the request body could not be read to its end"),
            ErrorCode::InvalidQuery => ("invalid_query", StatusCode::BAD_REQUEST,
                "a query parameter is missing, malformed or out of range"),
            ErrorCode::NotFound => ("not_found", StatusCode::NOT_FOUND,
                "no route has this path"),
            ErrorCode::MethodNotAllowed => ("method_not_allowed", StatusCode::METHOD_NOT_ALLOWED,
                "the route exists but not with this method (`Allow` lists the methods it answers)"),
            ErrorCode::RequestTimeout => ("request_timeout", StatusCode::REQUEST_TIMEOUT,
                "the request body stopped arriving for `body_idle_timeout_secs`"),
            ErrorCode::PayloadTooLarge => ("payload_too_large", StatusCode::PAYLOAD_TOO_LARGE,
                "the body is larger than the configured limit (`max_body_mb`)"),
            ErrorCode::UnsupportedMediaType => ("unsupported_media_type",
                StatusCode::UNSUPPORTED_MEDIA_TYPE,
                "the Content-Type is not application/json, text/csv or multipart/form-data"),
            ErrorCode::InvalidManifest => ("invalid_manifest", StatusCode::UNPROCESSABLE_ENTITY,
                "the body parses but is not a manifest (no supplier, manufacturer or country column; wrong JSON shape)"),
            ErrorCode::NoScreenableLine => ("no_screenable_line", StatusCode::UNPROCESSABLE_ENTITY,
                "the manifest has no line to screen (details list the row errors)"),
            ErrorCode::UnknownShipment => ("unknown_shipment", StatusCode::NOT_FOUND,
                "a tip asks for a shipment the screening does not hold (details list the shipments)"),
            ErrorCode::UnknownLine => ("unknown_line", StatusCode::NOT_FOUND,
                "a tip asks for a line the shipment does not have (details list its lines)"),
            ErrorCode::UnknownSupplier => ("unknown_supplier", StatusCode::NOT_FOUND,
                "a tip asks for a supplier that no line of the screening names (details list close names)"),
            ErrorCode::InvalidTipRequest => ("invalid_tip_request", StatusCode::UNPROCESSABLE_ENTITY,
                "a tip request gives neither or both of `screening` and `manifest` (or of `shipment_id` and `supplier`), or a bad `date`"),
            ErrorCode::TipRefused => ("tip_refused", StatusCode::UNPROCESSABLE_ENTITY,
                "the selected lines carry no flag, so there is nothing to allege"),
            ErrorCode::Internal => ("internal", StatusCode::INTERNAL_SERVER_ERROR,
                "a bug or an environment failure; opaque here, complete in the log"),
            ErrorCode::ReloadFailed => ("reload_failed", StatusCode::INTERNAL_SERVER_ERROR,
                "the knowledge base could not be rebuilt; the previous one stays in service"),
            ErrorCode::NotReady => ("not_ready", StatusCode::SERVICE_UNAVAILABLE,
                "the knowledge base is still loading (sent with Retry-After)"),
            ErrorCode::Overloaded => ("overloaded", StatusCode::SERVICE_UNAVAILABLE,
                "every screening slot is busy (sent with Retry-After)"),
            ErrorCode::ScreeningTimeout => ("screening_timeout", StatusCode::SERVICE_UNAVAILABLE,
                "the screening ran past `screening_timeout_secs`; it was stopped and nothing was stored"),
            ErrorCode::Unauthorized => ("unauthorized", StatusCode::UNAUTHORIZED,
                "no API key, or an unknown or revoked one (sent with `WWW-Authenticate: Bearer`)"),
            ErrorCode::Forbidden => ("forbidden", StatusCode::FORBIDDEN,
                "the key's role may not do this (reloading the knowledge base needs an admin key)"),
            ErrorCode::ScreeningNotFound => ("screening_not_found", StatusCode::NOT_FOUND,
                "no screening of the key's tenant has this id (another tenant's id answers the same)"),
            ErrorCode::UnknownFlag => ("unknown_flag", StatusCode::UNPROCESSABLE_ENTITY,
                "a decision names a flag the line does not carry (details list the line's flags)"),
            ErrorCode::InvalidDecision => ("invalid_decision", StatusCode::UNPROCESSABLE_ENTITY,
                "a decision is not one of confirmed_match, false_positive, escalated, cleared, or its note is too long"),
            ErrorCode::StorageUnavailable => ("storage_unavailable", StatusCode::SERVICE_UNAVAILABLE,
                "the database did not answer (sent with Retry-After); a screening answered this way was not acknowledged: send it again"),
        };
        ErrorRow { code, status, when }
    }

    pub fn as_str(self) -> &'static str {
        self.row().code
    }

    pub fn status(self) -> StatusCode {
        self.row().status
    }
}

/// A failed request: a code from the table, a message saying what to do, details.
#[derive(Debug, thiserror::Error)]
#[error("{} ({}): {message}", code.as_str(), code.status())]
pub struct ApiError {
    pub code: ErrorCode,
    pub message: String,
    pub details: Vec<Value>,
    /// Seconds for the `Retry-After` header (503s).
    pub retry_after: Option<u64>,
}

/// The wire shape of an error.
#[derive(Debug, Serialize, utoipa::ToSchema)]
pub struct ErrorBody {
    pub error: ErrorPayload,
}

#[derive(Debug, Serialize, utoipa::ToSchema)]
pub struct ErrorPayload {
    /// Stable code from the error table (e.g. `malformed_csv`).
    pub code: String,
    /// What is wrong and how to fix it.
    pub message: String,
    /// Code-specific objects: positions, row errors, accepted values.
    #[schema(value_type = Vec<super::error_details::ErrorDetail>)]
    pub details: Vec<Value>,
}

impl ApiError {
    pub fn new(code: ErrorCode, message: impl Into<String>) -> ApiError {
        ApiError {
            code,
            message: message.into(),
            details: Vec::new(),
            retry_after: None,
        }
    }

    pub fn with_details(mut self, details: Vec<Value>) -> ApiError {
        self.details = details;
        self
    }

    pub fn with_retry_after(mut self, seconds: u64) -> ApiError {
        self.retry_after = Some(seconds);
        self
    }

    /// An internal error: `cause` goes to the log in full, the client gets a fixed message.
    pub fn internal(context: &str, cause: impl std::fmt::Display) -> ApiError {
        tracing::error!(error = %cause, "{context}");
        ApiError::new(ErrorCode::Internal, INTERNAL_MESSAGE)
    }

    /// A manifest with no line to screen, listing (at most [`MAX_ERROR_DETAILS`] of) its row errors.
    pub fn no_screenable_line(errors: &[RowError]) -> ApiError {
        ApiError::no_screenable_line_of(errors.len(), errors)
    }

    /// [`ApiError::no_screenable_line`] for `count` row errors of which `first` are known.
    pub fn no_screenable_line_of(count: usize, first: &[RowError]) -> ApiError {
        let message = if count == 0 {
            "the manifest has no line to screen: it holds no data rows; add at least one line \
             with a supplier, manufacturer or country"
                .to_owned()
        } else {
            format!(
                "the manifest has no line to screen: all {} rows could not be read; fix the rows \
                 listed in details (first {} shown)",
                count,
                first.len().min(MAX_ERROR_DETAILS)
            )
        };
        let details = first
            .iter()
            .take(MAX_ERROR_DETAILS)
            .map(|e| serde_json::to_value(e).unwrap_or(Value::Null))
            .collect();
        ApiError::new(ErrorCode::NoScreenableLine, message).with_details(details)
    }

    pub fn body(&self) -> ErrorBody {
        ErrorBody {
            error: ErrorPayload {
                code: self.code.as_str().to_owned(),
                message: self.message.clone(),
                details: self.details.clone(),
            },
        }
    }
}

impl ResponseError for ApiError {
    fn status_code(&self) -> StatusCode {
        self.code.status()
    }

    fn error_response(&self) -> HttpResponse {
        let mut response = HttpResponse::build(self.status_code());
        if let Some(seconds) = self.retry_after {
            response.insert_header((header::RETRY_AFTER, seconds.to_string()));
        }
        if self.code == ErrorCode::Unauthorized {
            response.insert_header((header::WWW_AUTHENTICATE, super::auth::CHALLENGE));
        }
        response.json(self.body())
    }
}

impl From<ManifestError> for ApiError {
    fn from(error: ManifestError) -> ApiError {
        match error {
            ManifestError::Csv { line, message } => ApiError::new(
                ErrorCode::MalformedCsv,
                format!("malformed CSV at line {line}: {message}"),
            )
            .with_details(vec![json!({ "line": line })]),
            ManifestError::Json {
                line,
                column,
                message,
            } => ApiError::new(
                ErrorCode::MalformedJson,
                format!("malformed JSON at line {line}, column {column}: {message}"),
            )
            .with_details(vec![json!({ "line": line, "column": column })]),
            ManifestError::Schema(message) => ApiError::new(ErrorCode::InvalidManifest, message),
            ManifestError::Empty => ApiError::no_screenable_line(&[]),
            ManifestError::Io(io) => ApiError::new(
                ErrorCode::MalformedRequest,
                format!("the request body could not be read to its end ({io}); resend it"),
            ),
        }
    }
}

/// The `payload_too_large` error for a limit of `limit` bytes.
pub fn payload_too_large(limit: usize) -> ApiError {
    ApiError::new(
        ErrorCode::PayloadTooLarge,
        format!(
            "the body is larger than the limit of {limit} bytes; split the manifest, or raise \
             `max_body_mb` (CAATSA_MAX_BODY_MB) on the server"
        ),
    )
    .with_details(vec![json!({ "limit_bytes": limit })])
}

/// Routes actix's JSON extractor failures into the table.
pub fn json_error_handler(error: JsonPayloadError, _: &HttpRequest) -> actix_web::Error {
    match error {
        JsonPayloadError::Deserialize(e) | JsonPayloadError::Serialize(e) => ApiError::new(
            ErrorCode::MalformedJson,
            format!(
                "malformed JSON at line {}, column {}: {}",
                e.line(),
                e.column(),
                super::plain_messages::plain(&e.to_string())
            ),
        )
        .with_details(vec![json!({ "line": e.line(), "column": e.column() })]),
        JsonPayloadError::OverflowKnownLength { limit, .. }
        | JsonPayloadError::Overflow { limit } => payload_too_large(limit),
        JsonPayloadError::ContentType => ApiError::new(
            ErrorCode::UnsupportedMediaType,
            "send this body as Content-Type: application/json",
        ),
        other => ApiError::new(
            ErrorCode::MalformedRequest,
            format!("the request body could not be read: {other}"),
        ),
    }
    .into()
}

/// Routes actix's query-string extractor failures into the table.
pub fn query_error_handler(error: QueryPayloadError, _: &HttpRequest) -> actix_web::Error {
    ApiError::new(
        ErrorCode::InvalidQuery,
        format!(
            "invalid query string: {}",
            super::plain_messages::plain(&error.to_string())
        ),
    )
    .into()
}

/// Routes actix's path-segment failures (a line that is not a number) into the table.
pub fn path_error_handler(
    error: actix_web::error::PathError,
    request: &HttpRequest,
) -> actix_web::Error {
    ApiError::new(
        ErrorCode::NotFound,
        format!(
            "no route `{}`: {}",
            request.path(),
            super::plain_messages::plain(&error.to_string())
        ),
    )
    .into()
}

/// The default service: no route has this path.
pub async fn not_found(request: HttpRequest) -> HttpResponse {
    no_route(request.path()).error_response()
}

/// The 404 of a path nothing answers (no route, or no file under a static route).
pub fn no_route(path: &str) -> ApiError {
    ApiError::new(
        ErrorCode::NotFound,
        format!(
            "no route `{path}`; the routes are listed in the OpenAPI document at /openapi.json"
        ),
    )
}

/// Every resource's default service: the path exists, the method does not. `allow` lists the
/// methods the path answers, for the `Allow` header RFC 9110 requires on a 405.
pub fn method_not_allowed(request: &HttpRequest, allow: &str) -> HttpResponse {
    let mut response = ApiError::new(
        ErrorCode::MethodNotAllowed,
        format!(
            "`{} {}` is not allowed; this path answers {allow}",
            request.method(),
            request.path()
        ),
    )
    .error_response();
    if let Ok(value) = actix_web::http::header::HeaderValue::from_str(allow) {
        response
            .headers_mut()
            .insert(actix_web::http::header::ALLOW, value);
    }
    response
}

#[cfg(test)]
#[path = "error_tests.rs"]
mod tests;
