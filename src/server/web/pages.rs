//! The three pages, rendered from `templates/` by askama (compile-time checked; every value is
//! HTML-escaped unless a template says otherwise, and none does). What each page shows of the
//! service itself (the knowledge-base version, the stale-list warning, the body limit, whether
//! keys are required) is filled in here; tenant data is fetched by the page's script with the
//! caller's key.

use actix_web::{web, HttpResponse};
use askama::Template;

use super::csp::secure;
use crate::server::auth::AuthMode;
use crate::server::error::ApiError;
use crate::server::state::AppState;

/// What every page shows.
struct Common {
    kb_version: String,
    stale_warning: Option<String>,
    keys_required: bool,
}

impl Common {
    fn of(state: &AppState) -> Common {
        let screener = state.screener().ok();
        Common {
            kb_version: screener
                .as_ref()
                .map_or_else(|| "(loading)".to_owned(), |s| s.kb().version.id.clone()),
            stale_warning: screener
                .as_ref()
                .and_then(|s| s.list_warning())
                .map(|w| w.message),
            keys_required: state.auth == AuthMode::Keys,
        }
    }
}

#[derive(Template)]
#[template(path = "screen.html")]
struct ScreenPage {
    title: &'static str,
    page: &'static str,
    common: Common,
    max_body_mb: usize,
}

#[derive(Template)]
#[template(path = "history.html")]
struct HistoryPage {
    title: &'static str,
    page: &'static str,
    common: Common,
}

/// The knowledge base as the page shows it.
struct KbView {
    version: String,
    ofac_date: String,
    curated_date: String,
    age_days: Option<i64>,
    max_age_days: u32,
    /// `(caption, rows of (label, count))`.
    tables: Vec<(String, Vec<(String, usize)>)>,
    sources: Vec<SourceRow>,
}

struct SourceRow {
    title: String,
    date: String,
    url: String,
    /// Only http(s) URLs become links.
    url_ok: bool,
    indicators: usize,
}

#[derive(Template)]
#[template(path = "knowledge_base.html")]
struct KnowledgeBasePage {
    title: &'static str,
    page: &'static str,
    common: Common,
    kb: Option<KbView>,
}

fn html(body: Result<String, askama::Error>) -> Result<HttpResponse, ApiError> {
    let body = body.map_err(|e| ApiError::internal("rendering a page failed", e))?;
    Ok(secure(HttpResponse::Ok())
        .content_type("text/html; charset=utf-8")
        .insert_header(("cache-control", "no-store"))
        .body(body))
}

/// `GET /`: upload a manifest, read its results, decide, draft.
pub async fn screen(state: web::Data<AppState>) -> Result<HttpResponse, ApiError> {
    let common = Common::of(&state);
    html(
        ScreenPage {
            title: "Screen a manifest",
            page: "screen",
            common,
            max_body_mb: state.max_body_bytes / (1024 * 1024),
        }
        .render(),
    )
}

/// `GET /history`: the tenant's stored screenings.
pub async fn history(state: web::Data<AppState>) -> Result<HttpResponse, ApiError> {
    let common = Common::of(&state);
    html(
        HistoryPage {
            title: "History",
            page: "history",
            common,
        }
        .render(),
    )
}

/// `GET /knowledge-base`: version, dates, counts and sources; a watchlist search box.
pub async fn knowledge_base(state: web::Data<AppState>) -> Result<HttpResponse, ApiError> {
    let common = Common::of(&state);
    let kb = state.screener().ok().map(|screener| {
        let summary = screener.kb().summary();
        let rows = |map: &std::collections::BTreeMap<String, usize>| {
            map.iter().map(|(k, v)| (k.clone(), *v)).collect::<Vec<_>>()
        };
        KbView {
            version: summary.version.id.clone(),
            ofac_date: summary.version.ofac_date.clone(),
            curated_date: summary.version.curated_date.clone(),
            age_days: screener.list_age_days(),
            max_age_days: screener.options().max_list_age_days,
            tables: vec![
                (
                    "Listed entities by list".to_owned(),
                    rows(&summary.entities_by_list),
                ),
                (
                    "Indicators by evidence tier".to_owned(),
                    rows(&summary.indicators_by_tier),
                ),
                (
                    "Indicators by kind".to_owned(),
                    rows(&summary.indicators_by_kind),
                ),
            ],
            sources: summary
                .sources
                .iter()
                .map(|used| SourceRow {
                    title: used.source.title.clone(),
                    date: used.source.date.clone(),
                    url_ok: used.source.url.starts_with("https://")
                        || used.source.url.starts_with("http://"),
                    url: used.source.url.clone(),
                    indicators: used.indicators,
                })
                .collect(),
        }
    });
    html(
        KnowledgeBasePage {
            title: "Knowledge base",
            page: "knowledge-base",
            common,
            kb,
        }
        .render(),
    )
}
