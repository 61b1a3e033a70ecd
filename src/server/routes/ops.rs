//! Operations endpoints: `/healthz` (the process answers), `/readyz` (a knowledge base is in
//! service), `/metrics` (Prometheus text). Liveness never depends on the knowledge base, so an
//! orchestrator does not restart a process that is only loading.

use actix_web::{web, HttpResponse};
use serde::Serialize;

use crate::server::error::{ApiError, ErrorBody};
use crate::server::state::AppState;

#[derive(Debug, Serialize, utoipa::ToSchema)]
pub struct Health {
    /// `ok` or `ready`.
    pub status: &'static str,
    /// The knowledge-base version in service (readiness only).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub indicators_version: Option<String>,
}

/// Liveness: the process is up and answering.
#[utoipa::path(get, path = "/healthz", tag = "operations",
    responses((status = 200, description = "Up", body = Health)))]
pub async fn healthz() -> HttpResponse {
    HttpResponse::Ok().json(Health {
        status: "ok",
        indicators_version: None,
    })
}

/// Readiness: a knowledge base is loaded and screening can be served.
#[utoipa::path(get, path = "/readyz", tag = "operations",
    responses(
        (status = 200, description = "Ready", body = Health),
        (status = 503, description = "not_ready: the knowledge base is still loading", body = ErrorBody),
    ))]
pub async fn readyz(state: web::Data<AppState>) -> Result<HttpResponse, ApiError> {
    let screener = state.screener()?;
    Ok(HttpResponse::Ok().json(Health {
        status: "ready",
        indicators_version: Some(screener.kb().version.id.clone()),
    }))
}

/// Prometheus metrics: requests and latency by route template, lines by verdict, row errors,
/// rejected requests, screenings in flight, reloads, the knowledge-base version.
#[utoipa::path(get, path = "/metrics", tag = "operations",
    responses((status = 200, description = "Prometheus text exposition format 0.0.4", body = String, content_type = "text/plain")))]
pub async fn metrics(state: web::Data<AppState>) -> HttpResponse {
    HttpResponse::Ok()
        .content_type("text/plain; version=0.0.4; charset=utf-8")
        .body(state.render_metrics())
}

#[cfg(test)]
mod tests {
    use actix_web::{test, App};

    use crate::server::config::ServerConfig;
    use crate::server::routes::configure;
    use crate::server::state::AppState;

    #[actix_web::test]
    async fn before_the_knowledge_base_is_loaded_readyz_is_503_and_healthz_is_200() {
        let dir = tempfile::tempdir().expect("temp dir");
        let store = crate::store::sqlite::SqliteStore::open(&dir.path().join("t.db")).expect("db");
        let state = actix_web::web::Data::new(AppState::new(
            &ServerConfig::defaults(),
            std::sync::Arc::new(store),
            crate::server::auth::AuthMode::Open,
        ));
        let app = test::init_service(App::new().configure(configure(state))).await;
        let ready =
            test::call_service(&app, test::TestRequest::get().uri("/readyz").to_request()).await;
        assert_eq!(ready.status(), 503);
        assert!(ready.headers().contains_key("retry-after"));
        let body: serde_json::Value = test::read_body_json(ready).await;
        assert_eq!(body["error"]["code"], "not_ready");
        let live =
            test::call_service(&app, test::TestRequest::get().uri("/healthz").to_request()).await;
        assert_eq!(live.status(), 200);
        let screening = test::TestRequest::post()
            .uri("/v1/screenings")
            .insert_header(("content-type", "text/csv"))
            .set_payload("Supplier\nACME\n")
            .to_request();
        assert_eq!(test::call_service(&app, screening).await.status(), 503);
    }
}
