//! Content negotiation, once for every route that can answer in several formats: the `format`
//! query parameter wins (exactly one of the values the OpenAPI document's enum lists, else a 400
//! `invalid_query` naming them); otherwise the client's `Accept` header, ranked by its q-values,
//! picks the first media type the route produces; otherwise the route's default.
//!
//! Each format type says which media types it answers ([`Negotiable::for_media`]); the ranking
//! and the wildcard rules live here only, so `POST /v1/screenings` and `POST /v1/tips` cannot
//! drift apart.

use actix_web::http::header::{self, Header};
use actix_web::HttpRequest;
use serde_json::json;

use super::error::{ApiError, ErrorCode};

/// A response format chosen by `?format=` or `Accept`.
pub trait Negotiable: Copy + 'static {
    /// The format used when neither the query nor `Accept` names one (also for `*/*`).
    const DEFAULT: Self;
    /// Every format by its `?format=` value (the values the OpenAPI document lists).
    const NAMES: &'static [(&'static str, Self)];

    /// The format a media type (`type`/`subtype`, lower case; either may be `*`) asks for.
    fn for_media(kind: &str, subtype: &str) -> Option<Self>;
}

/// The format for this request: `?format=` when given (exactly one of `F::NAMES`, else a 400
/// `invalid_query` listing them), else the best-ranked `Accept` media type that names one of
/// `F`'s formats, else `F::DEFAULT`.
pub fn negotiate<F: Negotiable>(param: Option<&str>, request: &HttpRequest) -> Result<F, ApiError> {
    Ok(match format_param(param)? {
        Some(format) => format,
        None => by_accept(request),
    })
}

/// The `?format=` value as a format. Matching is exact, as the document's enum says.
fn format_param<F: Negotiable>(param: Option<&str>) -> Result<Option<F>, ApiError> {
    let Some(value) = param else {
        return Ok(None);
    };
    if let Some((_, format)) = F::NAMES.iter().find(|(name, _)| *name == value) {
        return Ok(Some(*format));
    }
    let accepted: Vec<&str> = F::NAMES.iter().map(|(name, _)| *name).collect();
    Err(ApiError::new(
        ErrorCode::InvalidQuery,
        format!(
            "`format={value}` is not a format this route answers in: use one of {}",
            accepted
                .iter()
                .map(|n| format!("`{n}`"))
                .collect::<Vec<_>>()
                .join(", ")
        ),
    )
    .with_details(vec![json!({ "parameter": "format", "accepted": accepted })]))
}

/// The best-ranked `Accept` media type that names one of `F`'s formats, else `F::DEFAULT`. An
/// unreadable `Accept` header is treated as absent (RFC 9110 lets a server ignore it).
fn by_accept<F: Negotiable>(request: &HttpRequest) -> F {
    let Ok(accept) = header::Accept::parse(request) else {
        return F::DEFAULT;
    };
    for mime in accept.ranked() {
        let kind = mime.type_().as_str().to_ascii_lowercase();
        let subtype = mime.subtype().as_str().to_ascii_lowercase();
        if kind == "*" && subtype == "*" {
            return F::DEFAULT;
        }
        if let Some(format) = F::for_media(&kind, &subtype) {
            return format;
        }
    }
    F::DEFAULT
}

/// A request with this `Accept` header (none for `None`), for the negotiation tests.
#[cfg(test)]
pub fn request_accepting(accept: Option<&str>) -> HttpRequest {
    let mut request = actix_web::test::TestRequest::default();
    if let Some(accept) = accept {
        request = request.insert_header(("accept", accept));
    }
    request.to_http_request()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[derive(Debug, Clone, Copy, PartialEq, Eq)]
    enum Shape {
        Round,
        Square,
    }

    impl Negotiable for Shape {
        const DEFAULT: Shape = Shape::Round;
        const NAMES: &'static [(&'static str, Shape)] =
            &[("round", Shape::Round), ("square", Shape::Square)];
        fn for_media(kind: &str, subtype: &str) -> Option<Shape> {
            match (kind, subtype) {
                ("text", "square") => Some(Shape::Square),
                ("text", "round") => Some(Shape::Round),
                _ => None,
            }
        }
    }

    fn pick(param: Option<&str>, accept: Option<&str>) -> Shape {
        negotiate(param, &request_accepting(accept)).expect("a known format")
    }

    #[test]
    fn the_parameter_wins_over_accept() {
        assert_eq!(pick(Some("round"), Some("text/square")), Shape::Round);
    }

    #[test]
    fn an_unknown_parameter_is_refused_naming_the_accepted_values() {
        for value in ["oval", "ROUND", " round", ""] {
            let error = negotiate::<Shape>(Some(value), &request_accepting(None)).expect_err(value);
            assert_eq!(error.code, ErrorCode::InvalidQuery);
            assert!(
                error.message.contains("`round`, `square`"),
                "{}",
                error.message
            );
        }
    }

    #[test]
    fn accept_is_ranked_by_quality_not_by_position() {
        assert_eq!(
            pick(None, Some("text/round;q=0.4, text/square")),
            Shape::Square
        );
        assert_eq!(
            pick(None, Some("text/round, text/square;q=0.4")),
            Shape::Round
        );
        assert_eq!(pick(None, Some("TEXT/SQUARE")), Shape::Square);
    }

    #[test]
    fn unknown_wildcard_and_missing_accept_give_the_default() {
        assert_eq!(pick(None, None), Shape::Round);
        assert_eq!(pick(None, Some("image/png")), Shape::Round);
        assert_eq!(pick(None, Some("*/*, text/square;q=0.1")), Shape::Round);
        assert_eq!(
            pick(None, Some("image/png, text/square;q=0.5")),
            Shape::Square
        );
    }
}
