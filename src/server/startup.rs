//! [`Application`]: binds its own listener (so tests pass port 0 and read the port back), builds
//! the actix app with its middleware, starts serving at once, and loads the knowledge base in the
//! background — `/healthz` answers from the first moment, `/readyz` and the screening routes
//! from the moment the knowledge base is in service. A knowledge base that fails to load at
//! startup stops the server with the error (a misconfigured path should fail loudly, not leave a
//! process that is never ready).
//!
//! Middleware, outermost first: `TracingLogger` (a span and request id per request), then the
//! metrics/request-id layer, which times every answer by route template and returns the id in
//! `x-request-id`. Graceful shutdown is actix's: SIGTERM/SIGINT stop accepting, in-flight requests
//! get `shutdown_timeout_secs` to finish.

use std::net::{SocketAddr, TcpListener};
use std::sync::Arc;
use std::time::Instant;

use actix_web::dev::{Server, ServerHandle, Service};
use actix_web::http::header::{HeaderName, HeaderValue};
use actix_web::{web, App, HttpMessage, HttpServer};
use tracing_actix_web::{RequestId, TracingLogger};

use super::auth::AuthMode;
use super::config::ServerConfig;
use super::metrics::UNMATCHED_ROUTE;
use super::routes;
use super::state::AppState;
use crate::store::Store;

/// The response header carrying the request id.
pub const REQUEST_ID_HEADER: &str = "x-request-id";

#[derive(Debug, thiserror::Error)]
pub enum ServeError {
    #[error(
        "cannot listen on {addr}: {source}; choose another address with --bind or CAATSA_BIND"
    )]
    Bind {
        addr: SocketAddr,
        source: std::io::Error,
    },
    #[error("the HTTP server failed: {0}")]
    Io(#[from] std::io::Error),
    #[error("the knowledge base could not be loaded at startup: {0}")]
    Load(String),
    #[error("the database {url} could not be opened: {source}")]
    Store {
        url: String,
        source: crate::store::StoreError,
    },
    #[error(
        "refusing to listen on {addr} without API keys: anyone who can reach it could screen \
         and read every screening. Create a key first (`caatsa-screen keys create --tenant NAME \
         --role admin`), bind 127.0.0.1, or pass --insecure-no-auth if another layer \
         authenticates callers"
    )]
    NoKeys { addr: SocketAddr },
}

/// Opens the store and decides how callers authenticate (see `auth`): keys when any key was
/// ever created; otherwise open, but only on loopback unless `insecure_no_auth`.
async fn open_store(config: &ServerConfig) -> Result<(Arc<dyn Store>, AuthMode), ServeError> {
    let failed = |source| ServeError::Store {
        url: crate::store::redacted(&config.database_url),
        source,
    };
    let store = crate::store::open(&config.database_url)
        .await
        .map_err(failed)?;
    let has_keys = !store.keys().await.map_err(failed)?.is_empty();
    let auth = if has_keys {
        AuthMode::Keys
    } else if config.bind.ip().is_loopback() {
        tracing::warn!(
            "no API keys exist: serving without authentication on loopback only; every request \
             acts as tenant `local` (create keys with `caatsa-screen keys create`, then restart)"
        );
        AuthMode::Open
    } else if config.insecure_no_auth {
        tracing::warn!(bind = %config.bind, "no API keys and --insecure-no-auth: anyone who can reach this address can screen and read every screening");
        AuthMode::Open
    } else {
        return Err(ServeError::NoKeys { addr: config.bind });
    };
    tracing::info!(
        database = %crate::store::redacted(&config.database_url),
        backend = store.backend(),
        auth = ?auth,
        "records store open"
    );
    Ok((store, auth))
}

/// A running (not yet awaited) service.
pub struct Application {
    addr: SocketAddr,
    server: Server,
    state: web::Data<AppState>,
    initial_load: tokio::task::JoinHandle<Result<(), String>>,
}

impl Application {
    /// Binds `config.bind`, starts serving and starts loading the knowledge base. Must be called
    /// within a tokio runtime.
    pub async fn build(config: ServerConfig) -> Result<Application, ServeError> {
        let (store, auth) = open_store(&config).await?;
        let listener = TcpListener::bind(config.bind).map_err(|source| ServeError::Bind {
            addr: config.bind,
            source,
        })?;
        let addr = listener.local_addr()?;
        let state = web::Data::new(AppState::new(&config, store, auth));
        let app_state = state.clone();
        let mut server = HttpServer::new(move || {
            let metrics_state = app_state.clone();
            App::new()
                .wrap_fn(move |request, service| {
                    let started = Instant::now();
                    let method = request.method().as_str().to_owned();
                    let state = metrics_state.clone();
                    let answer = service.call(request);
                    async move {
                        let mut response =
                            super::bodiless::with_error_body(answer.await?.map_into_boxed_body());
                        let route = response
                            .request()
                            .match_pattern()
                            .unwrap_or_else(|| UNMATCHED_ROUTE.to_owned());
                        let status = response.status().as_u16();
                        state
                            .metrics
                            .observe_http(&route, &method, status, started.elapsed());
                        let id = response.request().extensions().get::<RequestId>().copied();
                        if let Some(id) = id {
                            if let Ok(value) = HeaderValue::from_str(&id.to_string()) {
                                response
                                    .headers_mut()
                                    .insert(HeaderName::from_static(REQUEST_ID_HEADER), value);
                            }
                        }
                        Ok(response)
                    }
                })
                .wrap(TracingLogger::default())
                .configure(routes::configure(app_state.clone()))
        })
        .shutdown_timeout(config.shutdown_timeout_secs);
        if let Some(workers) = config.workers {
            server = server.workers(workers);
        }
        let server = server.listen(listener)?.run();
        let loader = state.clone();
        let initial_load =
            tokio::spawn(async move { loader.reload().await.map(|_| ()).map_err(|e| e.message) });
        tracing::info!(%addr, indicators = %state.source(), "listening; loading the knowledge base");
        Ok(Application {
            addr,
            server,
            state,
            initial_load,
        })
    }

    /// The bound address (its port is the real one when `bind` asked for port 0).
    pub fn addr(&self) -> SocketAddr {
        self.addr
    }

    pub fn port(&self) -> u16 {
        self.addr.port()
    }

    pub fn state(&self) -> web::Data<AppState> {
        self.state.clone()
    }

    /// A handle to stop the server (gracefully with `stop(true)`).
    pub fn handle(&self) -> ServerHandle {
        self.server.handle()
    }

    /// Reloads the knowledge base on every SIGHUP (Unix), logging the outcome.
    pub fn reload_on_sighup(&self) -> std::io::Result<()> {
        #[cfg(unix)]
        {
            use tokio::signal::unix::{signal, SignalKind};
            let mut hangups = signal(SignalKind::hangup())?;
            let state = self.state.clone();
            tokio::spawn(async move {
                while hangups.recv().await.is_some() {
                    tracing::info!("SIGHUP: reloading the knowledge base");
                    // The outcome is logged by `reload` itself.
                    let _ = state.reload().await;
                }
            });
        }
        Ok(())
    }

    /// Serves until the server stops (signal or handle); fails if the first knowledge-base load
    /// fails.
    pub async fn run_until_stopped(self) -> Result<(), ServeError> {
        let handle = self.server.handle();
        let mut server = tokio::spawn(self.server);
        tokio::select! {
            stopped = &mut server => return joined(stopped),
            loaded = self.initial_load => {
                let failure = match loaded {
                    Ok(Ok(())) => None,
                    Ok(Err(message)) => Some(message),
                    Err(join) => Some(format!("the loading task failed: {join}")),
                };
                if let Some(message) = failure {
                    tracing::error!(error = %message, "stopping: no knowledge base");
                    handle.stop(false).await;
                    let _ = server.await;
                    return Err(ServeError::Load(message));
                }
            }
        }
        joined(server.await)
    }
}

fn joined(outcome: Result<std::io::Result<()>, tokio::task::JoinError>) -> Result<(), ServeError> {
    match outcome {
        Ok(result) => result.map_err(ServeError::Io),
        Err(join) => Err(ServeError::Io(std::io::Error::other(join.to_string()))),
    }
}
