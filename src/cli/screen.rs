//! `caatsa-screen screen FILE`: reads a manifest (CSV streamed in constant memory, or JSON),
//! screens it in parallel, and writes the result to stdout or `--out`: a table when stdout is a
//! terminal and no `--format` is given, JSON otherwise (or CSV), with a progress bar on a
//! terminal and a summary on stderr. `--fail-on LEVEL` exits 3 when any line reaches LEVEL or
//! any row could not be read (unless `--allow-row-errors`); `--max-list-age DAYS` sets when the
//! OFAC list is reported stale.

use std::fs::File;
use std::io::{BufReader, BufWriter, IsTerminal, Read, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::time::Instant;

use anyhow::{bail, Context};
use caatsa_screen::manifest::{self, InputFormat, ManifestLine, RowError};
use caatsa_screen::report::stream::{CsvWriter, JsonWriter, ResultWriter};
use caatsa_screen::report::table::TableWriter;
use caatsa_screen::screening::gate::{FailOn, Gate};
use caatsa_screen::screening::stream::{screen_stream, Item, DEFAULT_CHUNK};
use caatsa_screen::screening::tables::Tables;
use caatsa_screen::screening::{ScreeningHeader, Summary, Warning};
use indicatif::{ProgressBar, ProgressStyle};

use super::{KbArgs, EXIT_FAIL_ON};

#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum OutputFormat {
    /// The result contract (what scripts and the API read).
    Json,
    /// One row per input line, safe to open in a spreadsheet.
    Csv,
    /// An aligned table for reading at a terminal (not for parsing).
    Table,
}

impl OutputFormat {
    /// The format asked for; without one, a table when the result goes to a terminal and JSON
    /// otherwise, so a newcomer reads a table and a script (piped or `--out`) keeps its JSON.
    pub fn choose(asked: Option<OutputFormat>, to_terminal: bool) -> OutputFormat {
        asked.unwrap_or(if to_terminal {
            OutputFormat::Table
        } else {
            OutputFormat::Json
        })
    }
}

#[derive(Debug, Clone, Copy, clap::ValueEnum)]
pub enum InputKind {
    Csv,
    Json,
}

#[derive(Debug, Clone, Copy, clap::ValueEnum)]
pub enum Level {
    Prohibited,
    Presumption,
    /// Written as the verdict is (`high_risk`); `high-risk` is accepted too.
    #[value(name = "high_risk", alias = "high-risk")]
    HighRisk,
    Review,
}

impl Level {
    fn fail_on(self) -> FailOn {
        match self {
            Level::Prohibited => FailOn::Prohibited,
            Level::Presumption => FailOn::Presumption,
            Level::HighRisk => FailOn::HighRisk,
            Level::Review => FailOn::Review,
        }
    }
}

#[derive(Debug, clap::Args)]
pub struct ScreenArgs {
    /// Manifest file (.csv or .json), or `-` for stdin (with --input-format).
    #[arg(required_unless_present = "ams", conflicts_with = "ams")]
    pub file: Option<PathBuf>,
    /// A folder of CBP's public AMS tables (header, billgen, cargodesc, tariff, shipper,
    /// consignee, ...), joined on `identifier` into lines. Rows that join no bill are reported.
    #[arg(long, value_name = "DIR")]
    pub ams: Option<PathBuf>,
    /// Output format [default: table on a terminal, else json].
    #[arg(long, value_enum)]
    format: Option<OutputFormat>,
    /// Write the result here instead of stdout.
    #[arg(long, value_name = "PATH")]
    out: Option<PathBuf>,
    /// Exit with status 3 when any line reaches this level, or when any row could not be read
    /// (an unread row was not screened, so it may hide anything).
    #[arg(long, value_enum, value_name = "LEVEL")]
    fail_on: Option<Level>,
    /// With --fail-on: rows that could not be read do not fail the run (they are still listed).
    #[arg(long, requires = "fail_on")]
    allow_row_errors: bool,
    /// Input format; by default from the file extension, else from the content.
    #[arg(long, value_enum)]
    pub input_format: Option<InputKind>,
    #[command(flatten)]
    pub store: super::screen_store::StoreArgs,
    #[command(flatten)]
    kb: KbArgs,
}

impl ScreenArgs {
    /// The input format `--input-format` gives, else the file's extension (none for stdin, `-`);
    /// `None` leaves it to the content (`InputFormat::sniff`).
    pub fn declared_format(&self, file: &Path) -> Option<InputFormat> {
        let declared = self.input_format.map(|k| match k {
            InputKind::Csv => InputFormat::Csv,
            InputKind::Json => InputFormat::Json,
        });
        declared.or_else(|| InputFormat::from_extension(file))
    }
}

pub fn run(args: ScreenArgs) -> anyhow::Result<ExitCode> {
    let screener = super::kb::screener(&args.kb)?;
    if args.store.store {
        return super::screen_store::run(&args, &screener);
    }
    let started = Instant::now();
    let (records, warnings) = open_records(&args)?;
    let (mut writer, format) = open_writer(&args, &screener.header(), screener.tables())?;
    let bar = progress_bar();
    let mut failure: Option<std::io::Error> = None;
    let summary = screen_stream(
        &screener,
        records,
        DEFAULT_CHUNK,
        |item| {
            if failure.is_some() {
                return;
            }
            let written = match item {
                Item::Line(result) => writer.line(&result),
                Item::Error(error) => writer.error(error),
            };
            if let Err(e) = written {
                failure = Some(e);
            }
        },
        |done| bar.set_position(done as u64),
    );
    bar.finish_and_clear();
    if let Some(e) = failure {
        return Err(e).context("writing the result");
    }
    let warnings = screener.warnings(warnings);
    writer
        .finish(&summary, &warnings)
        .context("writing the result")?;
    Ok(conclude(&args, format, &summary, &warnings, started))
}

/// The result writer `args` ask for, and its format.
pub fn open_writer(
    args: &ScreenArgs,
    header: &ScreeningHeader,
    tables: Tables,
) -> anyhow::Result<(Box<dyn ResultWriter>, OutputFormat)> {
    let to_terminal = args.out.is_none() && std::io::stdout().is_terminal();
    let format = OutputFormat::choose(args.format, to_terminal);
    let sink: Box<dyn Write> = match &args.out {
        Some(path) => Box::new(BufWriter::new(
            File::create(path).with_context(|| format!("creating {}", path.display()))?,
        )),
        None => Box::new(BufWriter::new(std::io::stdout().lock())),
    };
    let writer: Box<dyn ResultWriter> = match format {
        OutputFormat::Json => Box::new(JsonWriter::start(sink, header, tables)?),
        OutputFormat::Csv => Box::new(CsvWriter::start(sink, header)?),
        OutputFormat::Table => Box::new(TableWriter::start(sink, colour(to_terminal))?),
    };
    Ok((writer, format))
}

/// After the result is written: warnings and the speed on stderr, then the exit code
/// (`--fail-on`).
pub fn conclude(
    args: &ScreenArgs,
    format: OutputFormat,
    summary: &Summary,
    warnings: &[Warning],
    started: Instant,
) -> ExitCode {
    if format != OutputFormat::Table {
        // The table prints its own warnings; JSON and CSV carry them in the document.
        for w in warnings {
            eprintln!("warning: {}", w.message);
        }
    }
    report(summary, started, format != OutputFormat::Table);
    if format == OutputFormat::Table && args.format.is_none() {
        eprintln!(
            "(a table because the output is a terminal: `--format json` or a pipe gives the JSON result, with each flag's evidence and sources)"
        );
    }
    let reasons = args
        .fail_on
        .map(|level| Gate {
            fail_on: level.fail_on(),
            allow_row_errors: args.allow_row_errors,
        })
        .map(|gate| gate.reasons(summary, "--allow-row-errors"))
        .unwrap_or_default();
    if !reasons.is_empty() {
        eprintln!("failing (--fail-on): {}", reasons.join("; "));
        ExitCode::from(EXIT_FAIL_ON)
    } else {
        ExitCode::SUCCESS
    }
}

type Records = Box<dyn Iterator<Item = Result<ManifestLine, RowError>>>;

/// The manifest's records (streamed for CSV) and the reader's warnings.
fn open_records(args: &ScreenArgs) -> anyhow::Result<(Records, Vec<String>)> {
    let file = match (&args.file, &args.ams) {
        (_, Some(dir)) => {
            let manifest = manifest::read_ams(dir)
                .with_context(|| format!("reading the AMS tables in {}", dir.display()))?;
            return Ok(in_memory(manifest));
        }
        (Some(file), None) => file,
        (None, None) => bail!("give a manifest file, or --ams DIR"),
    };
    let stdin = file.as_os_str() == "-";
    let mut input: Box<dyn Read> = if stdin {
        Box::new(std::io::stdin().lock())
    } else {
        Box::new(File::open(file).with_context(|| format!("opening {}", file.display()))?)
    };
    let format = match args.declared_format(file) {
        Some(format) => format,
        None => {
            // Sniff the first bytes, then read on from where we stopped.
            let mut head = vec![0u8; 512];
            let n = input.read(&mut head)?;
            head.truncate(n);
            let format = InputFormat::sniff(&head);
            input = Box::new(std::io::Cursor::new(head).chain(input));
            format
        }
    };
    match format {
        InputFormat::Csv => {
            let lines = manifest::csv_lines(BufReader::with_capacity(1 << 16, input))
                .with_context(|| format!("reading {}", file.display()))?;
            let warnings = lines.warnings();
            Ok((Box::new(lines), warnings))
        }
        InputFormat::Json => {
            let mut bytes = Vec::new();
            input.read_to_end(&mut bytes)?;
            let manifest = manifest::read_json(&bytes)
                .with_context(|| format!("reading {}", file.display()))?;
            Ok(in_memory(manifest))
        }
    }
}

/// A manifest read whole (JSON, AMS tables) as records: lines first, then row errors.
fn in_memory(manifest: manifest::Manifest) -> (Records, Vec<String>) {
    let records = manifest
        .lines
        .into_iter()
        .map(Ok)
        .chain(manifest.errors.into_iter().map(Err));
    (Box::new(records), manifest.warnings)
}

/// Colour for a terminal, unless the user set `NO_COLOR` (https://no-color.org).
pub fn colour(to_terminal: bool) -> bool {
    to_terminal && std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty())
}

fn progress_bar() -> ProgressBar {
    if !std::io::stderr().is_terminal() {
        return ProgressBar::hidden();
    }
    let bar = ProgressBar::new_spinner();
    bar.set_style(
        ProgressStyle::with_template("{spinner} {pos} lines screened ({per_sec}) {elapsed}")
            .unwrap_or_else(|_| ProgressStyle::default_spinner()),
    );
    bar.enable_steady_tick(std::time::Duration::from_millis(200));
    bar
}

/// The run's speed on stderr, with the verdict counts unless the table already printed them.
fn report(summary: &Summary, started: Instant, with_counts: bool) {
    let secs = started.elapsed().as_secs_f64();
    let counts = if with_counts {
        format!(": {}", summary.describe())
    } else {
        String::new()
    };
    eprintln!(
        "screened {} lines in {secs:.2}s ({:.0} lines/s, knowledge base load excluded){counts}",
        summary.lines,
        summary.lines as f64 / secs.max(1e-9),
    );
}

#[cfg(test)]
mod tests {
    use super::OutputFormat;

    #[test]
    fn a_terminal_gets_a_table_and_anything_else_json_unless_a_format_is_asked() {
        assert_eq!(OutputFormat::choose(None, true), OutputFormat::Table);
        assert_eq!(OutputFormat::choose(None, false), OutputFormat::Json);
        assert_eq!(
            OutputFormat::choose(Some(OutputFormat::Json), true),
            OutputFormat::Json
        );
        assert_eq!(
            OutputFormat::choose(Some(OutputFormat::Table), false),
            OutputFormat::Table
        );
    }
}
