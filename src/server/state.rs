//! [`AppState`]: what every handler shares — the current screener (swappable), the store of
//! records, how callers authenticate, the admission budget, the metrics registry and the limits.
//!
//! The screener sits in an [`ArcSwapOption`]: a request takes the `Arc` once, at its start, and
//! screens with it to the end, so a reload (endpoint or SIGHUP) swaps in a new knowledge base
//! atomically while in-flight requests finish on the one they started with; the old one is freed
//! when its last request ends. `None` means the first load has not finished (`/readyz` answers
//! 503). The trade-off against a `RwLock<Arc<_>>`: lock-free reads on every request, at the cost
//! of one more crate.

use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::{Duration, Instant};

use actix_web::HttpRequest;
use arc_swap::ArcSwapOption;
use serde::Serialize;

use crate::indicators::{KbError, KnowledgeBase};
use crate::screening::{Screener, ScreeningOptions};
use crate::store::{Store, StoreError};

use super::admission::Admission;
use super::auth::AuthMode;
use super::body::BodyBudget;
use super::config::ServerConfig;
use super::error::{ApiError, ErrorCode};
use super::metrics::{Gauges, Metrics};

/// Shared by every handler of one app.
pub struct AppState {
    screener: ArcSwapOption<Screener>,
    indicators: Option<PathBuf>,
    options: ScreeningOptions,
    /// Serializes reloads, so two reloads never build at once.
    reload_lock: tokio::sync::Mutex<()>,
    pub admission: Admission,
    pub metrics: Metrics,
    /// Where screenings, decisions and keys are kept.
    pub store: Arc<dyn Store>,
    pub auth: AuthMode,
    pub max_body_bytes: usize,
    pub body_idle_timeout: Duration,
    pub screening_timeout: Duration,
    pub retry_after_secs: u64,
}

/// The answer to a successful reload.
#[derive(Debug, Clone, Serialize, utoipa::ToSchema)]
pub struct Reloaded {
    /// The version now in service.
    pub indicators_version: String,
    /// The version it replaced (`null` on the first load).
    pub previous_version: Option<String>,
    /// Where it was loaded from: a path, or `builtin`.
    pub source: String,
    pub load_ms: u64,
    /// True when the content loaded is the content in service (same content hash): nothing was
    /// rebuilt or swapped, and `indicators_version` is the version that stays.
    pub unchanged: bool,
}

impl AppState {
    /// A state with no knowledge base loaded yet.
    pub fn new(config: &ServerConfig, store: Arc<dyn Store>, auth: AuthMode) -> AppState {
        AppState {
            screener: ArcSwapOption::empty(),
            indicators: config.indicators.clone(),
            options: ScreeningOptions {
                max_list_age_days: config.max_list_age_days,
                ..ScreeningOptions::default()
            },
            reload_lock: tokio::sync::Mutex::new(()),
            admission: Admission::new(
                config.max_concurrent_screenings,
                config.admission_wait,
                config.retry_after_secs,
            ),
            metrics: Metrics::default(),
            store,
            auth,
            max_body_bytes: config.max_body_bytes,
            body_idle_timeout: config.body_idle_timeout,
            screening_timeout: config.screening_timeout,
            retry_after_secs: config.retry_after_secs,
        }
    }

    /// The body limits of one request: `max_body_bytes` and `body_idle_timeout`.
    pub fn body_budget(&self, request: &HttpRequest) -> Result<BodyBudget, ApiError> {
        BodyBudget::for_request(request, self.max_body_bytes, self.body_idle_timeout)
    }

    /// The screener in service, or `not_ready` before the first load.
    pub fn screener(&self) -> Result<Arc<Screener>, ApiError> {
        self.screener.load_full().ok_or_else(|| {
            ApiError::new(
                ErrorCode::NotReady,
                "the knowledge base is still loading; retry shortly",
            )
            .with_retry_after(self.retry_after_secs)
        })
    }

    /// A database failure as the client sees it: 503 `storage_unavailable` with Retry-After;
    /// the cause goes to the log.
    pub fn storage_error(&self, error: StoreError) -> ApiError {
        tracing::error!(error = %error, backend = self.store.backend(), "storage failed");
        ApiError::new(
            ErrorCode::StorageUnavailable,
            "the database did not answer; retry shortly (a screening answered this way was not acknowledged)",
        )
        .with_retry_after(self.retry_after_secs)
    }

    pub fn is_ready(&self) -> bool {
        self.screener.load().is_some()
    }

    /// Puts `screener` in service; returns the version it replaced.
    pub fn install(&self, screener: Screener) -> Option<String> {
        self.screener
            .swap(Some(Arc::new(screener)))
            .map(|old| old.kb().version.id.clone())
    }

    /// Builds a screener from the configured indicators path (or the built-in knowledge base)
    /// on the blocking pool and swaps it in. On failure the screener in service stays.
    pub async fn reload(&self) -> Result<Reloaded, ApiError> {
        let _one_at_a_time = self.reload_lock.lock().await;
        let path = self.indicators.clone();
        let options = self.options;
        let started = Instant::now();
        let in_service = self
            .screener
            .load()
            .as_ref()
            .map(|s| s.kb().version.clone());
        let current_hash = in_service.as_ref().map(|v| v.content_hash.clone());
        // The content is loaded and hashed first; the costly part (preparing and indexing every
        // name) only runs when the content differs from the version in service.
        let built = tokio::task::spawn_blocking(move || -> Result<Option<Screener>, KbError> {
            let kb = load_kb(path.as_deref())?;
            if current_hash.as_deref() == Some(kb.version.content_hash.as_str()) {
                return Ok(None);
            }
            Ok(Some(Screener::with_options(Arc::new(kb), options)))
        })
        .await
        .map_err(|e| ApiError::internal("the reload task panicked", e));
        let screener = match built {
            Ok(Ok(Some(screener))) => screener,
            Ok(Ok(None)) => {
                self.metrics.observe_reload(true);
                let version = in_service.map(|v| v.id).unwrap_or_default();
                tracing::info!(version = %version, "knowledge-base reload: same content, nothing changed");
                return Ok(Reloaded {
                    indicators_version: version.clone(),
                    previous_version: Some(version),
                    source: self.source(),
                    load_ms: started.elapsed().as_millis() as u64,
                    unchanged: true,
                });
            }
            Ok(Err(error)) => {
                self.metrics.observe_reload(false);
                tracing::error!(error = %error, source = %self.source(), "knowledge-base reload failed");
                let kept = self
                    .screener
                    .load()
                    .as_ref()
                    .map(|s| s.kb().version.id.clone());
                // The cause names server files; it goes to the log, not to the client (reload is
                // open to anyone who can reach the port until API keys exist).
                return Err(ApiError::new(
                    ErrorCode::ReloadFailed,
                    format!(
                        "reloading the knowledge base failed (the server log has the cause under \
                         this response's x-request-id); {}",
                        match &kept {
                            Some(v) => format!("version {v} stays in service"),
                            None => "no knowledge base is in service".to_owned(),
                        }
                    ),
                )
                .with_details(vec![serde_json::json!({ "kept_version": kept })]));
            }
            Err(error) => {
                self.metrics.observe_reload(false);
                return Err(error);
            }
        };
        let version = screener.kb().version.id.clone();
        if let Some(stale) = screener.list_warning() {
            tracing::warn!(version = %version, age_days = ?stale.age_days, "{}", stale.message);
        }
        let previous_version = self.install(screener);
        self.metrics.observe_reload(true);
        let load_ms = started.elapsed().as_millis() as u64;
        tracing::info!(version = %version, previous = ?previous_version, load_ms, "knowledge base in service");
        Ok(Reloaded {
            indicators_version: version,
            previous_version,
            source: self.source(),
            load_ms,
            unchanged: false,
        })
    }

    /// Where knowledge bases are loaded from, for messages.
    pub fn source(&self) -> String {
        match &self.indicators {
            Some(path) => path.display().to_string(),
            None => "builtin".to_owned(),
        }
    }

    /// The Prometheus text of this app.
    pub fn render_metrics(&self) -> String {
        let screener = self.screener.load();
        let version = screener.as_ref().map(|s| s.kb().version.id.as_str());
        self.metrics.render(&Gauges {
            screenings_in_flight: self.admission.in_flight(),
            screening_capacity: self.admission.capacity(),
            rejected: self.admission.rejected(),
            indicators_version: version,
            list_age_days: screener.as_ref().and_then(|s| s.list_age_days()),
        })
    }
}

/// The knowledge base at `path` (snapshot file or OFAC directory), or the built-in one.
fn load_kb(path: Option<&Path>) -> Result<KnowledgeBase, KbError> {
    match path {
        Some(path) => KnowledgeBase::load(path),
        None => KnowledgeBase::builtin(),
    }
}
