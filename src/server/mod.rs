//! The HTTP face (actix-web): importers POST manifests, compliance teams upload CSV batches,
//! analysts search the watchlist, operators reload the knowledge base and scrape metrics.
//!
//! Handlers are thin: they parse the request into the engine's types, run the engine on the
//! blocking pool behind an admission budget ([`admission`]), and render ([`render`]). Nothing
//! here decides a verdict; the engine modules never import this one, actix or tokio. Failures
//! have one JSON shape and one table of codes ([`error`]). Settings are layered file < env <
//! flags ([`config`]). [`Application`] binds its own listener, so tests start the real app on
//! port 0.

pub mod admission;
pub mod auth;
pub mod bodiless;
pub mod body;
pub mod config;
pub mod error;
pub mod error_details;
pub mod intake;
pub mod keeper;
pub mod keeping;
pub mod metrics;
pub mod negotiate;
pub mod openapi;
pub mod openapi_common;
pub mod plain_messages;
pub mod probe;
pub mod render;
pub mod request_schemas;
pub mod routes;
pub mod startup;
pub mod state;
pub mod stop;
pub mod telemetry;
pub mod upload;
pub mod upload_ams;
pub mod web;

pub use config::{Layer, LogFormat, ServerConfig};
pub use error::{ApiError, ErrorCode};
pub use startup::{Application, ServeError};
pub use state::AppState;
