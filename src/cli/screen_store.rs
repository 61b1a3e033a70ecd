//! `screen FILE --store`: screens a manifest and keeps the screening in the records database,
//! as the service does for `POST /v1/screenings`: earlier decisions of the tenant attached to
//! their flags, the manifest stored as received with its SHA-256, the result as JSON. The
//! manifest is read whole (it is stored whole), unlike the streamed `screen`; the output is
//! written by the same writers, with the stored screening's id.

use std::io::Read;
use std::path::Path;
use std::process::ExitCode;
use std::time::Instant;

use anyhow::{bail, Context};
use caatsa_screen::manifest::{self, InputFormat};
use caatsa_screen::report;
use caatsa_screen::screening::{prior, Screener, ScreeningHeader};
use caatsa_screen::store::keep;

use super::records::{runtime, DatabaseArgs};
use super::screen::{conclude, open_writer, ScreenArgs};

/// The options of `screen --store`.
#[derive(Debug, Clone, clap::Args)]
pub struct StoreArgs {
    /// Keep the screening (manifest, result, list version) in the records database.
    #[arg(long)]
    pub store: bool,
    /// With --store: the tenant the screening belongs to.
    #[arg(long, requires = "store", default_value = "local")]
    pub tenant: String,
    #[command(flatten)]
    pub db: DatabaseArgs,
}

pub fn run(args: &ScreenArgs, screener: &Screener) -> anyhow::Result<ExitCode> {
    let started = Instant::now();
    if args.ams.is_some() {
        bail!(
            "--store keeps a manifest file as received; an AMS folder is many tables. Screen \
             the folder without --store, or export its lines to one CSV first"
        );
    }
    let Some(file) = &args.file else {
        bail!("give a manifest file");
    };
    let bytes = read_input(file)?;
    let format = args
        .declared_format(file)
        .unwrap_or_else(|| InputFormat::sniff(&bytes));
    let manifest::Manifest {
        lines,
        errors,
        warnings,
        ..
    } = manifest::read(&bytes, format).with_context(|| format!("reading {}", file.display()))?;
    if lines.is_empty() {
        bail!(
            "{} has no line to screen ({} rows could not be read); nothing stored",
            file.display(),
            errors.len()
        );
    }
    let mut screening = screener.screen(&lines, errors, warnings);

    let runtime = runtime()?;
    let store = args.store.db.open(&runtime)?;
    let tenant = &args.store.tenant;
    let subjects = prior::subject_keys(&screening.results);
    let decisions = runtime.block_on(store.subject_decisions(tenant, &subjects))?;
    keep::attach_decisions(&mut screening.results, &decisions);
    let mut json = Vec::new();
    report::json::write(&screening, &mut json)?;
    let format_name = match format {
        InputFormat::Csv => "csv",
        InputFormat::Json => "json",
    };
    let row = keep::record(&screening, tenant, None, format_name, &bytes, &json)
        .context("packing the screening for the store")?;
    runtime
        .block_on(store.insert_screening(row))
        .context("storing the screening")?;
    eprintln!(
        "stored screening {} for tenant {tenant} in {}",
        screening.screening_id,
        caatsa_screen::store::redacted(&args.store.db.database_url)
    );

    let header = ScreeningHeader {
        screening_id: screening.screening_id.clone(),
        created_at: screening.created_at.clone(),
        indicators_version: screening.indicators_version.clone(),
    };
    let (mut writer, output) = open_writer(args, &header, screener.tables())?;
    for line in &screening.results {
        writer.line(line).context("writing the result")?;
    }
    for error in &screening.errors {
        writer.error(error.clone()).context("writing the result")?;
    }
    writer
        .finish(&screening.summary, &screening.warnings)
        .context("writing the result")?;
    Ok(conclude(
        args,
        output,
        &screening.summary,
        &screening.warnings,
        started,
    ))
}

fn read_input(file: &Path) -> anyhow::Result<Vec<u8>> {
    let mut bytes = Vec::new();
    if file.as_os_str() == "-" {
        std::io::stdin().lock().read_to_end(&mut bytes)?;
    } else {
        bytes = std::fs::read(file).with_context(|| format!("reading {}", file.display()))?;
    }
    Ok(bytes)
}
