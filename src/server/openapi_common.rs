//! The answers every operation can give, added to the OpenAPI document in one place rather than
//! repeated in each handler's annotation: 405 (the path exists, the method does not; with
//! `Allow`), 408 (an operation with a body whose body stopped arriving) and 500 (a bug or an
//! environment failure). Each uses the one error schema, `ErrorBody`, so a generated client
//! parses every failure the same way, and schemathesis's status-code check holds for them.
//!
//! Every `/v1` operation also gets the `api_key` bearer security requirement and its 401
//! answer here ([`KeyAuth`]), so no route can be documented as open by forgetting a line.

use utoipa::openapi::header::Header;
use utoipa::openapi::path::Operation;
use utoipa::openapi::schema::{ObjectBuilder, Type};
use utoipa::openapi::security::{HttpAuthScheme, HttpBuilder, SecurityRequirement, SecurityScheme};
use utoipa::openapi::{Content, Ref, RefOr, ResponseBuilder};
use utoipa::Modify;

/// Adds the common error answers to every operation that does not document them itself.
pub struct CommonResponses;

impl Modify for CommonResponses {
    fn modify(&self, openapi: &mut utoipa::openapi::OpenApi) {
        for item in openapi.paths.paths.values_mut() {
            for operation in [&mut item.get, &mut item.post].into_iter().flatten() {
                add_common(operation);
            }
        }
    }
}

fn add_common(operation: &mut Operation) {
    let allow = Header::new(ObjectBuilder::new().schema_type(Type::String));
    add(
        operation,
        "405",
        error("method_not_allowed: the path does not answer this method; `Allow` lists the methods it does")
            .header("Allow", allow),
    );
    if operation.request_body.is_some() {
        add(
            operation,
            "408",
            error("request_timeout: the body stopped arriving for `body_idle_timeout_secs`"),
        );
    }
    add(
        operation,
        "500",
        error("internal: a bug or an environment failure; the log has the cause under the response's x-request-id"),
    );
}

fn error(description: &str) -> ResponseBuilder {
    ResponseBuilder::new().description(description).content(
        "application/json",
        Content::new(Some(Ref::from_schema_name("ErrorBody"))),
    )
}

fn add(operation: &mut Operation, status: &str, response: ResponseBuilder) {
    operation
        .responses
        .responses
        .entry(status.to_owned())
        .or_insert_with(|| RefOr::T(response.build()));
}

/// The bearer-key scheme on every `/v1` operation, with its 401.
pub struct KeyAuth;

impl Modify for KeyAuth {
    fn modify(&self, openapi: &mut utoipa::openapi::OpenApi) {
        let components = openapi.components.get_or_insert_with(Default::default);
        components.add_security_scheme(
            "api_key",
            SecurityScheme::Http(
                HttpBuilder::new()
                    .scheme(HttpAuthScheme::Bearer)
                    .description(Some(
                        "An API key from `caatsa-screen keys create` (`csk_...`). A server with \
                         no keys serves loopback only and needs none.",
                    ))
                    .build(),
            ),
        );
        for (path, item) in openapi.paths.paths.iter_mut() {
            if !path.starts_with("/v1/") {
                continue;
            }
            for operation in [&mut item.get, &mut item.post].into_iter().flatten() {
                operation.security = Some(vec![SecurityRequirement::new(
                    "api_key",
                    Vec::<String>::new(),
                )]);
                add(
                    operation,
                    "401",
                    error("unauthorized: no API key, or an unknown or revoked one (with `WWW-Authenticate: Bearer`)"),
                );
            }
        }
    }
}
