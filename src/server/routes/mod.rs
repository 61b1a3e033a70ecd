//! The route table: every path, its methods and its handler, in one place. Each resource
//! answers other methods with the JSON `method_not_allowed` error, and unknown paths get the JSON
//! `not_found` error, so no route falls back to actix's empty-bodied defaults.

pub mod decisions;
pub mod indicators;
pub mod ops;
pub mod records;
pub mod screenings;
pub mod tips;

use actix_web::web::{self, ServiceConfig};
use actix_web::{FromRequest, Handler, HttpRequest, Resource, Responder};

use super::error::{self, method_not_allowed};
use super::openapi;
use super::state::AppState;

/// Every API route as `(method, path template)`, as documented in the OpenAPI document.
pub const ROUTES: [(&str, &str); 15] = [
    ("POST", "/v1/screenings"),
    ("GET", "/v1/screenings"),
    ("GET", "/v1/screenings/{id}"),
    ("GET", "/v1/screenings/{id}/results.csv"),
    ("GET", "/v1/screenings/{id}/manifest"),
    ("POST", "/v1/screenings/{id}/lines/{line}/decisions"),
    ("GET", "/v1/screenings/{id}/lines/{line}/decisions"),
    ("POST", "/v1/tips"),
    ("GET", "/v1/indicators"),
    ("GET", "/v1/indicators/search"),
    ("POST", "/v1/indicators/reload"),
    ("GET", "/healthz"),
    ("GET", "/readyz"),
    ("GET", "/metrics"),
    ("GET", "/openapi.json"),
];

/// The methods `path` answers, as an `Allow` header lists them (from [`ROUTES`] and the web
/// pages; a path that answers GET also answers HEAD, as HTTP requires).
pub fn allowed_methods(path: &str) -> String {
    let pages = super::web::PAGES.iter().map(|page| ("GET", *page));
    let mut methods: Vec<&str> = ROUTES
        .iter()
        .copied()
        .chain(pages)
        .filter(|(_, p)| *p == path)
        .map(|(method, _)| method)
        .collect();
    if methods.contains(&"GET") {
        methods.push("HEAD");
    }
    methods.join(", ")
}

/// A GET resource: the handler answers GET and HEAD (actix sends HEAD answers without a body).
pub fn get_resource<F, Args>(path: &str, handler: F) -> Resource
where
    F: Handler<Args> + Clone,
    Args: FromRequest + 'static,
    F::Output: Responder + 'static,
{
    resource(path)
        .route(web::get().to(handler.clone()))
        .route(web::head().to(handler))
}

/// A resource whose unsupported methods get the JSON 405 with `Allow`.
pub fn resource(path: &str) -> Resource {
    let allow = allowed_methods(path);
    web::resource(path).default_service(web::to(move |request: HttpRequest| {
        let response = method_not_allowed(&request, &allow);
        async move { response }
    }))
}

/// Registers the state, the extractor error handlers, every route, the docs and the 404.
pub fn configure(state: web::Data<AppState>) -> impl FnOnce(&mut ServiceConfig) {
    move |cfg: &mut ServiceConfig| {
        // JSON bodies read by the extractor (a tip request, which may carry a whole screening)
        // get the same limit as manifests, not actix's 2 MiB default.
        let json = web::JsonConfig::default()
            .limit(state.max_body_bytes)
            .error_handler(error::json_error_handler);
        cfg.app_data(state)
            .app_data(json)
            .app_data(web::QueryConfig::default().error_handler(error::query_error_handler))
            .app_data(web::PathConfig::default().error_handler(error::path_error_handler))
            .service(
                resource("/v1/screenings")
                    .route(web::post().to(screenings::create))
                    .route(web::get().to(records::list))
                    .route(web::head().to(records::list)),
            )
            .service(get_resource("/v1/screenings/{id}", records::get))
            .service(get_resource(
                "/v1/screenings/{id}/results.csv",
                records::csv,
            ))
            .service(get_resource(
                "/v1/screenings/{id}/manifest",
                records::manifest,
            ))
            .service(
                resource("/v1/screenings/{id}/lines/{line}/decisions")
                    .route(web::post().to(decisions::create))
                    .route(web::get().to(decisions::list))
                    .route(web::head().to(decisions::list)),
            )
            .service(resource("/v1/tips").route(web::post().to(tips::create)))
            .service(get_resource("/v1/indicators", indicators::summary))
            .service(get_resource("/v1/indicators/search", indicators::search))
            .service(resource("/v1/indicators/reload").route(web::post().to(indicators::reload)))
            .service(get_resource("/healthz", ops::healthz))
            .service(get_resource("/readyz", ops::readyz))
            .service(get_resource("/metrics", ops::metrics))
            .configure(openapi::configure)
            .configure(super::web::configure)
            .default_service(web::to(error::not_found));
    }
}
