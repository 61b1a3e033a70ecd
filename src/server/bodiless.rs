//! Error answers some other layer made without a body (the documentation's static files answer
//! an unknown file with an empty 404, and a framework error may come bare) get the one JSON error
//! shape of [`super::error`], keeping their status and headers: a client parses one error format
//! whatever failed. Answers that already have a body, and successes, pass untouched.

use actix_web::body::{BodySize, BoxBody, MessageBody};
use actix_web::dev::ServiceResponse;
use actix_web::http::{header, StatusCode};
use actix_web::ResponseError;

use super::error::{ApiError, ErrorCode};

/// `response`, with the JSON error shape when it is an error without a body.
pub fn with_error_body(response: ServiceResponse<BoxBody>) -> ServiceResponse<BoxBody> {
    let status = response.status();
    let bodiless = matches!(
        response.response().body().size(),
        BodySize::None | BodySize::Sized(0)
    );
    if !bodiless || !(status.is_client_error() || status.is_server_error()) {
        return response;
    }
    let path = response.request().path().to_owned();
    let error = match status {
        StatusCode::NOT_FOUND => super::error::no_route(&path),
        StatusCode::METHOD_NOT_ALLOWED => ApiError::new(
            ErrorCode::MethodNotAllowed,
            format!("this method is not allowed on `{path}`"),
        ),
        StatusCode::REQUEST_TIMEOUT => ApiError::new(
            ErrorCode::RequestTimeout,
            "the request did not arrive in time; send it without pauses",
        ),
        StatusCode::PAYLOAD_TOO_LARGE => ApiError::new(
            ErrorCode::PayloadTooLarge,
            "the request is larger than this service accepts",
        ),
        status if status.is_server_error() => {
            ApiError::internal("a layer below the handlers failed", status)
        }
        status => ApiError::new(
            ErrorCode::MalformedRequest,
            format!(
                "the request was refused ({}): check its method, headers and body",
                status.canonical_reason().unwrap_or("client error")
            ),
        ),
    };
    let (request, bare) = response.into_parts();
    let mut shaped = error.error_response();
    *shaped.status_mut() = status;
    for (name, value) in bare.headers() {
        if name != header::CONTENT_LENGTH && name != header::CONTENT_TYPE {
            shaped.headers_mut().insert(name.clone(), value.clone());
        }
    }
    ServiceResponse::new(request, shaped.map_body(|_, body| body.boxed()))
}
