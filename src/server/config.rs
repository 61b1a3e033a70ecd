//! The service's settings, layered: defaults < TOML config file < `CAATSA_*` environment
//! variables < command-line flags.
//!
//! Every layer is a [`Layer`] (all fields optional) and layers merge field by field, so the
//! precedence lives in one function ([`Layer::over`]) and every source is tested the same way.
//! The environment is passed in as key/value pairs rather than read from the process, so tests
//! never mutate global state. The trade-off: clap's own `env` support is not used for `serve`
//! (it would put the environment above the config file but outside this one precedence rule).

use std::net::SocketAddr;
use std::path::{Path, PathBuf};
use std::time::Duration;

use serde::Deserialize;

/// Default listen address: loopback, so a fresh install is not reachable from the network.
pub const DEFAULT_BIND: &str = "127.0.0.1:8080";
/// Default request-body limit in MiB (a 10,000-line CSV manifest is about 2 MiB).
pub const DEFAULT_MAX_BODY_MB: u64 = 50;
/// Largest configurable body limit in MiB; bodies are held in memory (JSON) while parsed.
pub const MAX_BODY_MB_CEILING: u64 = 4096;
/// Default wait for a free screening slot before answering 503, in milliseconds.
pub const DEFAULT_ADMISSION_WAIT_MS: u64 = 50;
/// Default `Retry-After` of 503 answers, in seconds.
pub const DEFAULT_RETRY_AFTER_SECS: u64 = 1;
/// Default time in-flight requests get to finish on SIGTERM/SIGINT, in seconds.
pub const DEFAULT_SHUTDOWN_TIMEOUT_SECS: u64 = 30;
/// Default longest wait for the next byte of a request body before answering 408, in seconds.
pub const DEFAULT_BODY_IDLE_TIMEOUT_SECS: u64 = 30;
/// Default longest time one screening request may take, body included, in seconds (a million
/// flagged lines take about a minute and a half on 2 cores).
pub const DEFAULT_SCREENING_TIMEOUT_SECS: u64 = 600;
/// Default log filter (`RUST_LOG` syntax).
pub const DEFAULT_LOG: &str = "info";
/// Concurrent screenings per available core by default: one computing, one reading its body.
pub const SCREENINGS_PER_CORE: usize = 2;

/// Prefix of every environment variable the service reads.
pub const ENV_PREFIX: &str = "CAATSA_";

#[derive(Debug, thiserror::Error)]
pub enum ConfigError {
    #[error("cannot read the config file {path}: {source}")]
    Read {
        path: String,
        source: std::io::Error,
    },
    #[error("the config file {path} is not valid: {message} (keys: {keys})", keys = KEYS.join(", "))]
    File { path: String, message: String },
    #[error("environment variable {name}={value:?} is not valid: {message}")]
    Env {
        name: String,
        value: String,
        message: String,
    },
    #[error("`{key}` = {value:?} is not valid: {message}")]
    Value {
        key: &'static str,
        value: String,
        message: String,
    },
}

/// Every setting key, as written in the config file (the environment variable is
/// `CAATSA_` + the key in upper case; the flag is `--` + the key with dashes).
pub const KEYS: [&str; 15] = [
    "bind",
    "indicators",
    "max_list_age_days",
    "max_body_mb",
    "body_idle_timeout_secs",
    "screening_timeout_secs",
    "workers",
    "max_concurrent_screenings",
    "admission_wait_ms",
    "retry_after_secs",
    "shutdown_timeout_secs",
    "log",
    "log_format",
    "database_url",
    "insecure_no_auth",
];

/// How log lines are written.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum LogFormat {
    /// One human-readable line per event (the default).
    Compact,
    /// One JSON object per event, for log collectors.
    Json,
}

/// One source of settings; `None` leaves the setting to the layers below.
#[derive(Debug, Clone, Default, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Layer {
    pub bind: Option<String>,
    pub indicators: Option<PathBuf>,
    pub max_list_age_days: Option<u32>,
    pub max_body_mb: Option<u64>,
    pub body_idle_timeout_secs: Option<u64>,
    pub screening_timeout_secs: Option<u64>,
    pub workers: Option<usize>,
    pub max_concurrent_screenings: Option<usize>,
    pub admission_wait_ms: Option<u64>,
    pub retry_after_secs: Option<u64>,
    pub shutdown_timeout_secs: Option<u64>,
    pub log: Option<String>,
    pub log_format: Option<LogFormat>,
    pub database_url: Option<String>,
    pub insecure_no_auth: Option<bool>,
}

/// The resolved settings.
#[derive(Debug, Clone, PartialEq)]
pub struct ServerConfig {
    pub bind: SocketAddr,
    /// Knowledge-base snapshot or OFAC directory; `None` = the built-in knowledge base.
    pub indicators: Option<PathBuf>,
    /// A result says `STALE_LIST` when the OFAC list is older than this many days.
    pub max_list_age_days: u32,
    pub max_body_bytes: usize,
    /// A request body that sends nothing for this long is answered 408 and its slot freed.
    pub body_idle_timeout: Duration,
    /// The longest one screening request may take, body included; past it the request is
    /// answered 503 `screening_timeout` and its work stops.
    pub screening_timeout: Duration,
    /// HTTP worker threads; `None` = one per core (actix's default).
    pub workers: Option<usize>,
    /// Screenings admitted at once; 0 admits none (every screening answers 503).
    pub max_concurrent_screenings: usize,
    pub admission_wait: Duration,
    pub retry_after_secs: u64,
    pub shutdown_timeout_secs: u64,
    pub log: String,
    pub log_format: LogFormat,
    /// `sqlite://PATH` (default `sqlite://caatsa-screen.db`) or `postgres://...`.
    pub database_url: String,
    /// Serve without API keys on a non-loopback address (never the default).
    pub insecure_no_auth: bool,
}

impl Layer {
    /// A TOML config file.
    pub fn from_file(path: &Path) -> Result<Layer, ConfigError> {
        let text = std::fs::read_to_string(path).map_err(|source| ConfigError::Read {
            path: path.display().to_string(),
            source,
        })?;
        toml::from_str(&text).map_err(|e| ConfigError::File {
            path: path.display().to_string(),
            message: e.message().to_owned(),
        })
    }

    /// The `CAATSA_*` variables among `vars`; other variables are ignored. `CAATSA_CONFIG` (the
    /// config file) is the caller's business and is skipped here.
    pub fn from_env<I, K, V>(vars: I) -> Result<Layer, ConfigError>
    where
        I: IntoIterator<Item = (K, V)>,
        K: AsRef<str>,
        V: AsRef<str>,
    {
        let mut layer = Layer::default();
        for (name, value) in vars {
            let (name, value) = (name.as_ref(), value.as_ref());
            let Some(key) = name.strip_prefix(ENV_PREFIX) else {
                continue;
            };
            let fail = |message: String| ConfigError::Env {
                name: name.to_owned(),
                value: value.to_owned(),
                message,
            };
            let number = || value.trim().parse::<u64>().map_err(|e| fail(e.to_string()));
            match key {
                "BIND" => layer.bind = Some(value.to_owned()),
                "INDICATORS" => layer.indicators = Some(PathBuf::from(value)),
                "MAX_LIST_AGE_DAYS" => {
                    layer.max_list_age_days = Some(
                        value
                            .trim()
                            .parse::<u32>()
                            .map_err(|e| fail(e.to_string()))?,
                    )
                }
                "MAX_BODY_MB" => layer.max_body_mb = Some(number()?),
                "BODY_IDLE_TIMEOUT_SECS" => layer.body_idle_timeout_secs = Some(number()?),
                "SCREENING_TIMEOUT_SECS" => layer.screening_timeout_secs = Some(number()?),
                "WORKERS" => layer.workers = Some(number()? as usize),
                "MAX_CONCURRENT_SCREENINGS" => {
                    layer.max_concurrent_screenings = Some(number()? as usize)
                }
                "ADMISSION_WAIT_MS" => layer.admission_wait_ms = Some(number()?),
                "RETRY_AFTER_SECS" => layer.retry_after_secs = Some(number()?),
                "SHUTDOWN_TIMEOUT_SECS" => layer.shutdown_timeout_secs = Some(number()?),
                "LOG" => layer.log = Some(value.to_owned()),
                "LOG_FORMAT" => {
                    layer.log_format = Some(parse_log_format(value).map_err(fail)?);
                }
                "DATABASE_URL" => layer.database_url = Some(value.to_owned()),
                "INSECURE_NO_AUTH" => {
                    layer.insecure_no_auth = Some(parse_bool(value).map_err(fail)?);
                }
                _ => {}
            }
        }
        Ok(layer)
    }

    /// `self` over `below`: each setting `self` has replaces the one below.
    pub fn over(self, below: Layer) -> Layer {
        Layer {
            bind: self.bind.or(below.bind),
            indicators: self.indicators.or(below.indicators),
            max_list_age_days: self.max_list_age_days.or(below.max_list_age_days),
            max_body_mb: self.max_body_mb.or(below.max_body_mb),
            body_idle_timeout_secs: self.body_idle_timeout_secs.or(below.body_idle_timeout_secs),
            screening_timeout_secs: self.screening_timeout_secs.or(below.screening_timeout_secs),
            workers: self.workers.or(below.workers),
            max_concurrent_screenings: self
                .max_concurrent_screenings
                .or(below.max_concurrent_screenings),
            admission_wait_ms: self.admission_wait_ms.or(below.admission_wait_ms),
            retry_after_secs: self.retry_after_secs.or(below.retry_after_secs),
            shutdown_timeout_secs: self.shutdown_timeout_secs.or(below.shutdown_timeout_secs),
            log: self.log.or(below.log),
            log_format: self.log_format.or(below.log_format),
            database_url: self.database_url.or(below.database_url),
            insecure_no_auth: self.insecure_no_auth.or(below.insecure_no_auth),
        }
    }

    /// The settings, with defaults for what no layer set. `rust_log` (the `RUST_LOG` variable)
    /// is the log filter when no layer sets `log`.
    pub fn resolve(self, rust_log: Option<String>) -> Result<ServerConfig, ConfigError> {
        let bind_text = self.bind.unwrap_or_else(|| DEFAULT_BIND.to_owned());
        let bind = bind_text
            .trim()
            .parse::<SocketAddr>()
            .map_err(|e| ConfigError::Value {
                key: "bind",
                value: bind_text.clone(),
                message: format!("{e}; write an address and port such as 0.0.0.0:8080"),
            })?;
        let max_body_mb = self.max_body_mb.unwrap_or(DEFAULT_MAX_BODY_MB);
        if max_body_mb == 0 || max_body_mb > MAX_BODY_MB_CEILING {
            return Err(ConfigError::Value {
                key: "max_body_mb",
                value: max_body_mb.to_string(),
                message: format!("use 1 to {MAX_BODY_MB_CEILING} (MiB)"),
            });
        }
        let body_idle_timeout_secs = seconds(
            "body_idle_timeout_secs",
            self.body_idle_timeout_secs,
            DEFAULT_BODY_IDLE_TIMEOUT_SECS,
        )?;
        let screening_timeout_secs = seconds(
            "screening_timeout_secs",
            self.screening_timeout_secs,
            DEFAULT_SCREENING_TIMEOUT_SECS,
        )?;
        if let Some(url) = &self.database_url {
            crate::store::parse_url(url).map_err(|e| ConfigError::Value {
                key: "database_url",
                value: crate::store::redacted(url),
                message: e.to_string(),
            })?;
        }
        if self.workers == Some(0) {
            return Err(ConfigError::Value {
                key: "workers",
                value: "0".to_owned(),
                message: "use at least 1, or leave it unset for one per core".to_owned(),
            });
        }
        let cores = std::thread::available_parallelism().map_or(1, |n| n.get());
        Ok(ServerConfig {
            bind,
            indicators: self.indicators,
            max_list_age_days: self
                .max_list_age_days
                .unwrap_or(crate::screening::freshness::DEFAULT_MAX_LIST_AGE_DAYS),
            max_body_bytes: (max_body_mb as usize).saturating_mul(1024 * 1024),
            body_idle_timeout: Duration::from_secs(body_idle_timeout_secs),
            screening_timeout: Duration::from_secs(screening_timeout_secs),
            workers: self.workers,
            max_concurrent_screenings: self
                .max_concurrent_screenings
                .unwrap_or(cores * SCREENINGS_PER_CORE),
            admission_wait: Duration::from_millis(
                self.admission_wait_ms.unwrap_or(DEFAULT_ADMISSION_WAIT_MS),
            ),
            retry_after_secs: self.retry_after_secs.unwrap_or(DEFAULT_RETRY_AFTER_SECS),
            shutdown_timeout_secs: self
                .shutdown_timeout_secs
                .unwrap_or(DEFAULT_SHUTDOWN_TIMEOUT_SECS),
            log: self
                .log
                .or(rust_log)
                .unwrap_or_else(|| DEFAULT_LOG.to_owned()),
            log_format: self.log_format.unwrap_or(LogFormat::Compact),
            database_url: self
                .database_url
                .unwrap_or_else(|| crate::store::DEFAULT_DATABASE_URL.to_owned()),
            insecure_no_auth: self.insecure_no_auth.unwrap_or(false),
        })
    }
}

impl ServerConfig {
    /// Settings from the config file (if any), the environment and the flags, in that order of
    /// precedence (flags win).
    pub fn layered<I, K, V>(
        file: Option<&Path>,
        env: I,
        flags: Layer,
    ) -> Result<ServerConfig, ConfigError>
    where
        I: IntoIterator<Item = (K, V)>,
        K: AsRef<str>,
        V: AsRef<str>,
    {
        let mut rust_log = None;
        let env: Vec<(String, String)> = env
            .into_iter()
            .map(|(k, v)| (k.as_ref().to_owned(), v.as_ref().to_owned()))
            .inspect(|(k, v)| {
                if k == "RUST_LOG" {
                    rust_log = Some(v.clone());
                }
            })
            .collect();
        let file = match file {
            Some(path) => Layer::from_file(path)?,
            None => Layer::default(),
        };
        flags
            .over(Layer::from_env(env)?)
            .over(file)
            .resolve(rust_log)
    }

    /// Defaults only: loopback port 8080, the built-in knowledge base.
    pub fn defaults() -> ServerConfig {
        Layer::default()
            .resolve(None)
            .unwrap_or_else(|e| unreachable!("the defaults are valid: {e}"))
    }
}

fn parse_bool(value: &str) -> Result<bool, String> {
    match value.trim().to_ascii_lowercase().as_str() {
        "1" | "true" | "yes" => Ok(true),
        "0" | "false" | "no" | "" => Ok(false),
        _ => Err("use true or false".to_owned()),
    }
}

fn parse_log_format(value: &str) -> Result<LogFormat, String> {
    match value.trim().to_ascii_lowercase().as_str() {
        "compact" => Ok(LogFormat::Compact),
        "json" => Ok(LogFormat::Json),
        _ => Err("use `compact` or `json`".to_owned()),
    }
}

/// A time setting in seconds: `given`, else `default`; zero is refused (it would fail every
/// request at once).
fn seconds(key: &'static str, given: Option<u64>, default: u64) -> Result<u64, ConfigError> {
    match given.unwrap_or(default) {
        0 => Err(ConfigError::Value {
            key,
            value: "0".to_owned(),
            message: "use at least 1 (seconds)".to_owned(),
        }),
        secs => Ok(secs),
    }
}

#[cfg(test)]
#[path = "config_tests.rs"]
mod tests;
