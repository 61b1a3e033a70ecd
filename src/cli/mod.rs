//! Command-line face: parses arguments with clap and dispatches to the library. Exit codes: 0
//! success, 1 an error (one line on stderr saying what to fix), 2 bad usage (clap), 3 `screen
//! --fail-on` reached.

mod indicators;
mod kb;
mod names;
mod records;
mod screen;
mod screen_store;
mod serve;
mod tip;

use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand};

/// Screens shipment manifests for North Korean forced-labor risk under CAATSA Sec. 321(b)
/// (22 U.S.C. 9241a) and explains every flag with its evidence and sources.
#[derive(Debug, Parser)]
#[command(name = "caatsa-screen", version, about)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Debug, Subcommand)]
enum Command {
    /// Screen a manifest (CSV or JSON) and print the result.
    Screen(screen::ScreenArgs),
    /// Name matching: score name pairs with the production matcher, or search the watchlist.
    #[command(subcommand)]
    Names(names::NamesCommand),
    /// Knowledge base: import OFAC files, show what is loaded.
    #[command(subcommand)]
    Indicators(indicators::IndicatorsCommand),
    /// Draft a CBP forced-labor allegation for a flagged shipment (Markdown, HTML or JSON).
    Tip(tip::TipArgs),
    /// Run the HTTP service (see docs/service.md).
    Serve(serve::ServeArgs),
    /// Probe a running service's /healthz (exit 0 when it answers 200).
    Healthcheck(serve::HealthcheckArgs),
    /// API keys and their tenants (the service's callers).
    #[command(subcommand)]
    Keys(records::KeysCommand),
    /// Delete stored screenings older than a number of days (never done automatically).
    Prune(records::PruneArgs),
    /// Copy a SQLite records database while the service runs.
    Backup(records::BackupArgs),
}

/// The knowledge-base option shared by commands.
#[derive(Debug, Clone, clap::Args)]
struct KbArgs {
    /// A knowledge-base snapshot written by `indicators import` (or a directory of OFAC
    /// files). Default: the North Korea subset and curated indicators built into the binary.
    #[arg(long, env = "CAATSA_INDICATORS", value_name = "PATH")]
    indicators: Option<PathBuf>,
    /// Warn (STALE_LIST) when the OFAC list is older than this many days.
    #[arg(
        long,
        env = "CAATSA_MAX_LIST_AGE",
        value_name = "DAYS",
        default_value_t = caatsa_screen::screening::freshness::DEFAULT_MAX_LIST_AGE_DAYS
    )]
    max_list_age: u32,
}

/// Exit code for `screen --fail-on` when a line reaches the level.
pub const EXIT_FAIL_ON: u8 = 3;

pub fn run() -> ExitCode {
    let cli = Cli::parse();
    let outcome = match cli.command {
        Command::Screen(args) => screen::run(args),
        Command::Names(command) => names::run(command),
        Command::Indicators(command) => indicators::run(command),
        Command::Tip(args) => tip::run(args),
        Command::Serve(args) => serve::run(args),
        Command::Healthcheck(args) => serve::healthcheck(args),
        Command::Keys(command) => records::keys(command),
        Command::Prune(args) => records::prune(args),
        Command::Backup(args) => records::backup(args),
    };
    match outcome {
        Ok(code) => code,
        Err(error) => {
            eprintln!("caatsa-screen: {error:#}");
            ExitCode::FAILURE
        }
    }
}
