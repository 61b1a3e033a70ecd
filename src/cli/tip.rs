//! `caatsa-screen tip`: a CBP forced-labor allegation draft for one shipment of a screening
//! result (`--screening RESULT.json`) or of a manifest, screened first. Prints Markdown, HTML or
//! JSON to stdout or `--out`. All the drafting is the library's (`report::tip`); this file only
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
    /// A manifest (.csv or .json) to screen first. Give either this or --screening.
    #[arg(required_unless_present = "screening", conflicts_with = "screening")]
    manifest: Option<PathBuf>,
    /// A screening result (JSON) written by `caatsa-screen screen`.
    #[arg(long, value_name = "RESULT.json")]
    screening: Option<PathBuf>,
    /// The shipment to draft for (its shipment id / bill of lading number).
    #[arg(long, value_name = "ID")]
    shipment: String,
    /// One manifest line of the shipment; by default every flagged line.
    #[arg(long, value_name = "N")]
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
    let screening = match (&args.screening, &args.manifest) {
        (Some(path), _) => read_screening(path)?,
        (None, Some(path)) => screen_manifest(&screener, path)?,
        (None, None) => bail!("give a manifest to screen, or --screening RESULT.json"),
    };
    let draft = tip::draft(screener.kb(), &screening, &args.shipment, args.line, date)?;
    let text = tip::render(&draft, args.format.tip());
    match &args.out {
        Some(path) => std::fs::write(path, text.as_bytes())
            .with_context(|| format!("writing {}", path.display()))?,
        None => print!("{text}"),
    }
    // The draft's header carries the screening's warnings; stderr repeats the list's age.
    for w in &screening.warnings {
        eprintln!("warning: {}", w.message);
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
