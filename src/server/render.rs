//! The result's wire form: JSON (the engine's `Screening`, the default) or CSV (`report::csv`,
//! injection-safe), chosen by `?format=` first, then by the `Accept` header (`negotiate`).
//!
//! Rendering happens line by line on the blocking pool as lines are screened (see
//! [`super::keeper`]), so the bytes are produced where the CPU work is budgeted, and packed as
//! they are produced: the status code stays honest (a 422 or 503 can still be sent after the
//! last line) without holding the rendered body.

use super::negotiate::Negotiable;

/// The result formats (`?format=json|csv`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, utoipa::ToSchema)]
#[schema(rename_all = "lowercase")]
pub enum OutputFormat {
    Json,
    Csv,
}

impl Negotiable for OutputFormat {
    const DEFAULT: OutputFormat = OutputFormat::Json;
    const NAMES: &'static [(&'static str, OutputFormat)] =
        &[("json", OutputFormat::Json), ("csv", OutputFormat::Csv)];

    fn for_media(kind: &str, subtype: &str) -> Option<OutputFormat> {
        match (kind, subtype) {
            ("text", "csv") => Some(OutputFormat::Csv),
            ("application", "json") | ("application", "*") => Some(OutputFormat::Json),
            _ => None,
        }
    }
}

impl OutputFormat {
    pub fn content_type(self) -> &'static str {
        match self {
            OutputFormat::Json => "application/json",
            OutputFormat::Csv => "text/csv; charset=utf-8",
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::server::negotiate::{negotiate, request_accepting};

    fn pick(format: Option<&str>, accept: Option<&str>) -> OutputFormat {
        negotiate(format, &request_accepting(accept)).expect("a known format")
    }

    #[test]
    fn json_is_the_default() {
        assert_eq!(pick(None, None), OutputFormat::Json);
        assert_eq!(pick(None, Some("*/*")), OutputFormat::Json);
        assert_eq!(pick(None, Some("text/html")), OutputFormat::Json);
        assert_eq!(pick(None, Some("application/*")), OutputFormat::Json);
    }

    #[test]
    fn accept_text_csv_asks_for_csv_unless_json_is_preferred() {
        assert_eq!(pick(None, Some("text/csv")), OutputFormat::Csv);
        assert_eq!(
            pick(None, Some("application/json;q=0.5, text/csv")),
            OutputFormat::Csv
        );
        assert_eq!(
            pick(None, Some("application/json, text/csv;q=0.5")),
            OutputFormat::Json
        );
    }

    #[test]
    fn the_format_parameter_wins_over_accept() {
        assert_eq!(
            pick(Some("csv"), Some("application/json")),
            OutputFormat::Csv
        );
        assert_eq!(pick(Some("json"), Some("text/csv")), OutputFormat::Json);
    }
}
