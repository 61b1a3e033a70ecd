//! The result's wire form: JSON (the engine's `Screening`, the default) or CSV (`report::csv`,
//! injection-safe), chosen by `?format=` first, then by the `Accept` header.
//!
//! Rendering runs on the blocking pool with the screening (a 10,000-line result is megabytes of
//! JSON), so the bytes are produced where the CPU work is budgeted. The trade-off: the whole
//! result is built in memory before the response starts, which keeps the status code honest
//! (a 422 or 500 can still be sent) at the cost of holding the rendered body.

use actix_web::http::header::{self, Header};
use actix_web::HttpRequest;
use serde_json::json;

use crate::report;
use crate::screening::{Screening, Summary};

use super::error::{ApiError, ErrorCode};

/// The result formats.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum OutputFormat {
    Json,
    Csv,
}

/// A rendered result and what it counted.
#[derive(Debug)]
pub struct Rendered {
    pub body: Vec<u8>,
    pub content_type: &'static str,
    pub summary: Summary,
}

impl OutputFormat {
    /// `format` (`json` | `csv`, from the query) when given; else CSV when the client's most
    /// preferred `Accept` type that we produce is `text/csv`; else JSON.
    pub fn negotiate(
        format: Option<&str>,
        request: &HttpRequest,
    ) -> Result<OutputFormat, ApiError> {
        if let Some(format) = format {
            return match format.to_ascii_lowercase().as_str() {
                "json" => Ok(OutputFormat::Json),
                "csv" => Ok(OutputFormat::Csv),
                _ => Err(ApiError::new(
                    ErrorCode::InvalidQuery,
                    format!("`format={format}` is not a result format: use `format=json` or `format=csv`"),
                )
                .with_details(vec![json!({ "parameter": "format", "accepted": ["json", "csv"] })])),
            };
        }
        let Ok(accept) = header::Accept::parse(request) else {
            return Ok(OutputFormat::Json);
        };
        for mime in accept.ranked() {
            match (mime.type_().as_str(), mime.subtype().as_str()) {
                ("text", "csv") => return Ok(OutputFormat::Csv),
                ("application", "json") | ("application", "*") | ("*", "*") => {
                    return Ok(OutputFormat::Json)
                }
                _ => {}
            }
        }
        Ok(OutputFormat::Json)
    }

    pub fn content_type(self) -> &'static str {
        match self {
            OutputFormat::Json => "application/json",
            OutputFormat::Csv => "text/csv; charset=utf-8",
        }
    }

    /// Renders `screening` in this format.
    pub fn render(self, screening: &Screening) -> Result<Rendered, ApiError> {
        let mut body = Vec::new();
        match self {
            OutputFormat::Json => report::json::write(screening, &mut body)
                .map_err(|e| ApiError::internal("rendering a screening as JSON failed", e))?,
            OutputFormat::Csv => report::csv::write(screening, &mut body)
                .map_err(|e| ApiError::internal("rendering a screening as CSV failed", e))?,
        }
        Ok(Rendered {
            body,
            content_type: self.content_type(),
            summary: screening.summary,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use actix_web::test::TestRequest;

    fn negotiate(format: Option<&str>, accept: Option<&str>) -> Result<OutputFormat, ApiError> {
        let mut request = TestRequest::default();
        if let Some(accept) = accept {
            request = request.insert_header(("accept", accept));
        }
        OutputFormat::negotiate(format, &request.to_http_request())
    }

    #[test]
    fn json_is_the_default() {
        assert_eq!(negotiate(None, None).ok(), Some(OutputFormat::Json));
        assert_eq!(negotiate(None, Some("*/*")).ok(), Some(OutputFormat::Json));
        assert_eq!(
            negotiate(None, Some("text/html")).ok(),
            Some(OutputFormat::Json)
        );
    }

    #[test]
    fn accept_text_csv_asks_for_csv_unless_json_is_preferred() {
        assert_eq!(
            negotiate(None, Some("text/csv")).ok(),
            Some(OutputFormat::Csv)
        );
        assert_eq!(
            negotiate(None, Some("application/json;q=0.5, text/csv")).ok(),
            Some(OutputFormat::Csv)
        );
        assert_eq!(
            negotiate(None, Some("application/json, text/csv;q=0.5")).ok(),
            Some(OutputFormat::Json)
        );
    }

    #[test]
    fn the_format_parameter_wins_over_accept_and_must_be_known() {
        assert_eq!(
            negotiate(Some("csv"), Some("application/json")).ok(),
            Some(OutputFormat::Csv)
        );
        assert_eq!(
            negotiate(Some("JSON"), Some("text/csv")).ok(),
            Some(OutputFormat::Json)
        );
        let error = negotiate(Some("xlsx"), None).expect_err("unknown");
        assert_eq!(error.code, ErrorCode::InvalidQuery);
    }
}
