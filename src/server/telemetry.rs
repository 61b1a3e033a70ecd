//! Structured logs: `tracing` events to stderr, compact lines or JSON objects, filtered with
//! `RUST_LOG` syntax (`info` by default). Requests get a span with a request id from
//! `tracing-actix-web`; the id is also sent back in the `x-request-id` header, so a client
//! reporting a 500 hands the operator the key to its log lines.

use std::io::IsTerminal;

use tracing_subscriber::fmt::format::FmtSpan;
use tracing_subscriber::EnvFilter;

use super::config::{LogFormat, ServerConfig};

#[derive(Debug, thiserror::Error)]
pub enum TelemetryError {
    #[error("log filter {filter:?} is not valid: {message}; use RUST_LOG syntax such as `info` or `caatsa_screen=debug,actix_web=info`")]
    Filter { filter: String, message: String },
    #[error("a global log subscriber is already installed: {0}")]
    Installed(String),
}

/// Installs the global subscriber for the whole process (call once, before serving).
pub fn init(config: &ServerConfig) -> Result<(), TelemetryError> {
    let filter = EnvFilter::try_new(&config.log).map_err(|e| TelemetryError::Filter {
        filter: config.log.clone(),
        message: e.to_string(),
    })?;
    // One event when each request span closes: an access log line with its timing.
    let builder = tracing_subscriber::fmt()
        .with_env_filter(filter)
        .with_span_events(FmtSpan::CLOSE)
        .with_ansi(std::io::stderr().is_terminal())
        .with_writer(std::io::stderr);
    let installed = match config.log_format {
        LogFormat::Compact => builder.compact().try_init(),
        LogFormat::Json => builder.json().try_init(),
    };
    installed.map_err(|e| TelemetryError::Installed(e.to_string()))
}
