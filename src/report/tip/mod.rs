//! CBP forced-labor allegation drafts ("tips"). Anyone outside CBP with reason to believe that
//! forced-labor goods are being imported may tell CBP (19 C.F.R. 12.42(b)); this module turns a
//! screening's flagged line(s) into a complete, cited draft that a person checks and files.
//!
//! [`draft`] builds a [`TipDraft`] (pure: knowledge base, screening, selection, date in; draft
//! out), and [`render`] prints it as Markdown, print-ready HTML, or JSON (the model's serde
//! form). Trade-off: the model holds finished sentences, so the renderers are thin layouts and
//! the three formats cannot say different things; the price is a model that is more prose than
//! data. Every quotation comes from the knowledge base's legal texts with its source, every
//! reason names its sources and evidence tier, and every value is escaped by the renderer that
//! prints it ([`escape`]).

mod build;
mod checks;
pub mod error;
pub mod escape;
mod filing;
mod goods;
mod html;
pub mod html_style;
pub mod ilo;
mod labels;
mod lookup;
mod markdown;
pub mod model;
mod production;
mod quotes;
mod reasons;
mod supplier;

use std::str::FromStr;

pub use build::{draft, iso_date, parse_iso_date, TITLE};
pub use error::{TipError, TipRefusal};
pub use model::*;
pub use supplier::{supplier_draft, NOT_GIVEN_KEY, UNDATED};

/// The three renderings of a draft.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize, utoipa::ToSchema,
)]
#[serde(rename_all = "lowercase")]
pub enum TipFormat {
    /// Markdown, for editing and for pasting into a submission.
    Md,
    /// A standalone HTML page, print-ready (print it to PDF from a browser).
    Html,
    /// The draft model as pretty JSON.
    Json,
}

impl TipFormat {
    pub const ALL: [TipFormat; 3] = [TipFormat::Md, TipFormat::Html, TipFormat::Json];

    pub fn as_str(self) -> &'static str {
        match self {
            TipFormat::Md => "md",
            TipFormat::Html => "html",
            TipFormat::Json => "json",
        }
    }

    /// The media type a server answers with.
    pub fn media_type(self) -> &'static str {
        match self {
            TipFormat::Md => "text/markdown; charset=utf-8",
            TipFormat::Html => "text/html; charset=utf-8",
            TipFormat::Json => "application/json",
        }
    }
}

impl FromStr for TipFormat {
    type Err = String;

    /// `md` (or `markdown`), `html`, `json`; any case.
    fn from_str(name: &str) -> Result<Self, Self::Err> {
        match name.trim().to_ascii_lowercase().as_str() {
            "md" | "markdown" => Ok(TipFormat::Md),
            "html" => Ok(TipFormat::Html),
            "json" => Ok(TipFormat::Json),
            _ => Err(format!(
                "unknown tip format `{name}`: use `md`, `html` or `json`"
            )),
        }
    }
}

impl std::fmt::Display for TipFormat {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// The draft in `format`.
pub fn render(draft: &TipDraft, format: TipFormat) -> String {
    match format {
        TipFormat::Md => markdown::render(draft),
        TipFormat::Html => html::render(draft),
        TipFormat::Json => {
            serde_json::to_string_pretty(draft).unwrap_or_else(|e| format!("{{\"error\":\"{e}\"}}"))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formats_parse_from_their_names() {
        for f in TipFormat::ALL {
            assert_eq!(f.as_str().parse::<TipFormat>(), Ok(f));
        }
        assert_eq!("Markdown".parse::<TipFormat>(), Ok(TipFormat::Md));
        assert!("pdf".parse::<TipFormat>().is_err());
    }
}
