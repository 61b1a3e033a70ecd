//! `caatsa-screen serve`: runs the HTTP service, and `caatsa-screen healthcheck`: probes it (the
//! container's HEALTHCHECK, so the runtime image needs no curl).
//!
//! Flags are the top layer of the settings (file < `CAATSA_*` environment < flags); the
//! layering itself is the library's (`server::config`), so it is the same for every caller.

use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::Context;
use caatsa_screen::server::probe::{get_status, loopback_for};
use caatsa_screen::server::{telemetry, Application, Layer, LogFormat, ServerConfig};

#[derive(Debug, clap::Args)]
pub struct ServeArgs {
    /// Address to listen on [default: 127.0.0.1:8080; env CAATSA_BIND].
    #[arg(long, value_name = "ADDR")]
    bind: Option<String>,
    /// TOML config file (keys as in docs/service.md) [env CAATSA_CONFIG].
    #[arg(long, value_name = "FILE")]
    config: Option<PathBuf>,
    /// Knowledge-base snapshot or OFAC directory [default: built-in; env CAATSA_INDICATORS].
    #[arg(long, value_name = "PATH")]
    indicators: Option<PathBuf>,
    /// Results warn STALE_LIST when the OFAC list is older than this many days [default: 30; env
    /// CAATSA_MAX_LIST_AGE_DAYS].
    #[arg(long, value_name = "DAYS")]
    max_list_age_days: Option<u32>,
    /// Request-body limit in MiB [default: 50; env CAATSA_MAX_BODY_MB].
    #[arg(long, value_name = "N")]
    max_body_mb: Option<u64>,
    /// A request body that sends nothing for this long is answered 408, in seconds [default:
    /// 30; env CAATSA_BODY_IDLE_TIMEOUT_SECS].
    #[arg(long, value_name = "SECS")]
    body_idle_timeout_secs: Option<u64>,
    /// The longest one screening request may take, body included, before it is answered 503
    /// `screening_timeout` and its work stops, in seconds [default: 600; env
    /// CAATSA_SCREENING_TIMEOUT_SECS].
    #[arg(long, value_name = "SECS")]
    screening_timeout_secs: Option<u64>,
    /// HTTP worker threads [default: one per core; env CAATSA_WORKERS].
    #[arg(long, value_name = "N")]
    workers: Option<usize>,
    /// Screenings admitted at once; more are answered 503 [default: 2 per core; env
    /// CAATSA_MAX_CONCURRENT_SCREENINGS].
    #[arg(long, value_name = "N")]
    max_concurrent_screenings: Option<usize>,
    /// Wait for a free screening slot before answering 503, in ms [default: 50; env
    /// CAATSA_ADMISSION_WAIT_MS].
    #[arg(long, value_name = "MS")]
    admission_wait_ms: Option<u64>,
    /// Log filter, RUST_LOG syntax [default: RUST_LOG, else info; env CAATSA_LOG].
    #[arg(long, value_name = "FILTER")]
    log: Option<String>,
    /// Log line format [default: compact; env CAATSA_LOG_FORMAT].
    #[arg(long, value_enum)]
    log_format: Option<LogFormatArg>,
    /// Records database: sqlite://PATH or postgres://USER@HOST/DB [default:
    /// sqlite://caatsa-screen.db; env CAATSA_DATABASE_URL].
    #[arg(long, value_name = "URL")]
    database_url: Option<String>,
    /// Serve without API keys on a non-loopback address (only behind another layer that
    /// authenticates callers) [env CAATSA_INSECURE_NO_AUTH].
    #[arg(long)]
    insecure_no_auth: bool,
}

#[derive(Debug, Clone, Copy, clap::ValueEnum)]
enum LogFormatArg {
    Compact,
    Json,
}

#[derive(Debug, clap::Args)]
pub struct HealthcheckArgs {
    /// Address of the service [default: loopback at the port of CAATSA_BIND, else 127.0.0.1:8080].
    #[arg(long, value_name = "ADDR")]
    addr: Option<String>,
    /// Path to probe.
    #[arg(long, default_value = "/healthz")]
    path: String,
}

pub fn run(args: ServeArgs) -> anyhow::Result<ExitCode> {
    let env: Vec<(String, String)> = std::env::vars().collect();
    let file = args.config.clone().or_else(|| {
        env.iter()
            .find(|(k, _)| k == "CAATSA_CONFIG")
            .map(|(_, v)| PathBuf::from(v))
    });
    let flags = Layer {
        bind: args.bind,
        indicators: args.indicators,
        max_list_age_days: args.max_list_age_days,
        max_body_mb: args.max_body_mb,
        body_idle_timeout_secs: args.body_idle_timeout_secs,
        screening_timeout_secs: args.screening_timeout_secs,
        workers: args.workers,
        max_concurrent_screenings: args.max_concurrent_screenings,
        admission_wait_ms: args.admission_wait_ms,
        log: args.log,
        log_format: args.log_format.map(|f| match f {
            LogFormatArg::Compact => LogFormat::Compact,
            LogFormatArg::Json => LogFormat::Json,
        }),
        database_url: args.database_url,
        insecure_no_auth: args.insecure_no_auth.then_some(true),
        ..Layer::default()
    };
    let config = ServerConfig::layered(file.as_deref(), env, flags)?;
    telemetry::init(&config)?;
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
        .context("starting the async runtime")?;
    runtime.block_on(async {
        let app = Application::build(config).await?;
        app.reload_on_sighup()
            .context("installing the SIGHUP handler")?;
        app.run_until_stopped().await?;
        anyhow::Ok(())
    })?;
    Ok(ExitCode::SUCCESS)
}

pub fn healthcheck(args: HealthcheckArgs) -> anyhow::Result<ExitCode> {
    let addr = match args.addr {
        Some(addr) => addr,
        None => match std::env::var("CAATSA_BIND") {
            Ok(bind) => {
                let bind = bind
                    .trim()
                    .parse()
                    .with_context(|| format!("CAATSA_BIND={bind:?} is not an address:port"))?;
                loopback_for(bind).to_string()
            }
            Err(_) => ServerConfig::defaults().bind.to_string(),
        },
    };
    let status = get_status(&addr, &args.path)?;
    if status == 200 {
        Ok(ExitCode::SUCCESS)
    } else {
        eprintln!("caatsa-screen: {addr}{} answered {status}", args.path);
        Ok(ExitCode::FAILURE)
    }
}
