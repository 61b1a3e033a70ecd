//! `caatsa-screen tip`: a CBP forced-labor allegation draft for one shipment (`--shipment`) or
//! one supplier across all its lines (`--supplier`), from screening results (`--screening`) or
//! from manifests and AMS table folders (`--ams`), screened first. Prints Markdown, HTML or JSON
//! to stdout or `--out`. All the drafting is the library's (`report::tip`); this file only
//! reads the inputs and writes the output.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use anyhow::{bail, Context};
use caatsa_screen::manifest::{self, InputFormat};
use caatsa_screen::report::tip::{self, TipFormat};
use caatsa_screen::screening::{Screener, Screening};

use super::KbArgs;

#[derive(Debug, Clone, Copy, clap::ValueEnum)]
pub enum Format {
    /// Markdown, for editing and pasting.
    Md,
    /// A standalone, print-ready HTML page (print it to PDF from a browser).
    Html,
    /// The draft as JSON.
    Json,
}

impl Format {
    fn tip(self) -> TipFormat {
        match self {
            Format::Md => TipFormat::Md,
            Format::Html => TipFormat::Html,
            Format::Json => TipFormat::Json,
        }
    }
}

#[derive(Debug, clap::Args)]
pub struct TipArgs {
    /// Manifests (.csv or .json) to screen first. Give these, --ams, or --screening.
    #[arg(required_unless_present_any = ["screening", "ams"])]
    manifests: Vec<PathBuf>,
    /// A folder of CBP's public AMS tables, joined and screened first (repeatable).
    #[arg(long, value_name = "DIR")]
    ams: Vec<PathBuf>,
    /// Screening results (JSON) written by `caatsa-screen screen` (repeatable).
    #[arg(long, value_name = "RESULT.json", conflicts_with_all = ["manifests", "ams"])]
    screening: Vec<PathBuf>,
    /// The shipment to draft for (its shipment id / bill of lading number).
    #[arg(
        long,
        value_name = "ID",
        required_unless_present = "supplier",
        conflicts_with = "supplier"
    )]
    shipment: Option<String>,
    /// One supplier or manufacturer: one draft across all its lines in every input, spelling
    /// variants grouped by the screening name matcher.
    #[arg(long, value_name = "NAME")]
    supplier: Option<String>,
    /// One manifest line of the shipment; by default every flagged line.
    #[arg(long, value_name = "N", requires = "shipment")]
    line: Option<u32>,
    /// Output format.
    #[arg(long, value_enum, default_value = "md")]
    format: Format,
    /// Write the draft here instead of stdout.
    #[arg(long, value_name = "PATH")]
    out: Option<PathBuf>,
    /// The date printed on the draft (YYYY-MM-DD); default today (UTC).
    #[arg(long, value_name = "YYYY-MM-DD")]
    date: Option<String>,
    #[command(flatten)]
    kb: KbArgs,
}

pub fn run(args: TipArgs) -> anyhow::Result<ExitCode> {
    let date = match &args.date {
        Some(text) => parse_date(text)?,
        None => time::OffsetDateTime::now_utc().date(),
    };
    let screener = super::kb::screener(&args.kb)?;
    let mut screenings = Vec::new();
    for path in &args.screening {
        screenings.push(read_screening(path)?);
    }
    for path in &args.manifests {
        screenings.push(screen_manifest(&screener, path)?);
    }
    for dir in &args.ams {
        let manifest = manifest::read_ams(dir)
            .with_context(|| format!("reading the AMS tables in {}", dir.display()))?;
        screenings.push(screener.screen(&manifest.lines, manifest.errors, manifest.warnings));
    }
    let draft = match (&args.shipment, &args.supplier) {
        (_, Some(name)) => tip::supplier_draft(
            screener.kb(),
            screener.parties().matcher(),
            &screenings,
            name,
            date,
        )?,
        (Some(id), None) => {
            let holding = screenings
                .iter()
                .find(|s| s.results.iter().any(|r| &r.shipment_id == id))
                .or(screenings.first());
            let Some(screening) = holding else {
                bail!("nothing to draft from: give a manifest, --ams DIR or --screening");
            };
            tip::draft(screener.kb(), screening, id, args.line, date)?
        }
        (None, None) => bail!("give --shipment ID or --supplier NAME"),
    };
    let text = tip::render(&draft, args.format.tip());
    match &args.out {
        Some(path) => std::fs::write(path, text.as_bytes())
            .with_context(|| format!("writing {}", path.display()))?,
        None => print!("{text}"),
    }
    // The draft's header carries the screenings' warnings; stderr repeats them once.
    let mut shown: Vec<&str> = Vec::new();
    for w in screenings.iter().flat_map(|s| &s.warnings) {
        if !shown.contains(&w.message.as_str()) {
            shown.push(&w.message);
            eprintln!("warning: {}", w.message);
        }
    }
    Ok(ExitCode::SUCCESS)
}

fn parse_date(text: &str) -> anyhow::Result<time::Date> {
    tip::parse_iso_date(text)
        .with_context(|| format!("--date `{text}` is not a date; write it as YYYY-MM-DD"))
}

fn read_screening(path: &Path) -> anyhow::Result<Screening> {
    let bytes = std::fs::read(path).with_context(|| format!("reading {}", path.display()))?;
    serde_json::from_slice(&bytes).with_context(|| {
        format!(
            "{} is not a screening result; write one with `caatsa-screen screen MANIFEST --out {}` \
             (JSON format), or pass the manifest itself",
            path.display(),
            path.display()
        )
    })
}

fn screen_manifest(screener: &Screener, path: &Path) -> anyhow::Result<Screening> {
    let bytes = std::fs::read(path).with_context(|| format!("reading {}", path.display()))?;
    let format = InputFormat::detect(Some(path), &bytes);
    let manifest =
        manifest::read(&bytes, format).with_context(|| format!("reading {}", path.display()))?;
    Ok(screener.screen(&manifest.lines, manifest.errors, manifest.warnings))
}
