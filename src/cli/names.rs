//! `caatsa-screen names score` and `names search`: the production name matcher on its own
//! (`search` prints an aligned table on a terminal, tab-separated values otherwise).
//! `score` reads `name1<TAB>name2[<TAB>Person|Organization]` lines from stdin and prints
//! `score<TAB>match` for each, through exactly the code path screening uses (the party
//! watchlist's matcher and weights).

use std::io::{BufRead, IsTerminal, Write};
use std::process::ExitCode;

use caatsa_screen::names::{NameKind, MATCH_THRESHOLD};
use caatsa_screen::report::table::aligned;
use caatsa_screen::screening::search::search_entities;

use super::KbArgs;

#[derive(Debug, clap::Subcommand)]
pub enum NamesCommand {
    /// Score name pairs read from stdin (TSV: name1, name2, optional Person|Organization).
    Score {
        #[command(flatten)]
        kb: KbArgs,
    },
    /// Search the party watchlist for a name and print the best hits with their sources.
    Search {
        name: String,
        #[arg(long, default_value_t = 10)]
        limit: usize,
        /// Lowest score to show.
        #[arg(long, default_value_t = 0.5)]
        min_score: f32,
        #[command(flatten)]
        kb: KbArgs,
    },
}

pub fn run(command: NamesCommand) -> anyhow::Result<ExitCode> {
    match command {
        NamesCommand::Score { kb } => score(&kb),
        NamesCommand::Search {
            name,
            limit,
            min_score,
            kb,
        } => search(&kb, &name, limit, min_score),
    }
}

/// True for a header line: both name columns are titled with the word "name".
fn is_header(fields: &[&str]) -> bool {
    fields.len() >= 2
        && fields[..2]
            .iter()
            .all(|f| f.to_ascii_lowercase().contains("name"))
}

fn score(kb: &KbArgs) -> anyhow::Result<ExitCode> {
    let screener = super::kb::screener(kb)?;
    let matcher = screener.parties().matcher();
    let stdin = std::io::stdin();
    let mut out = std::io::BufWriter::new(std::io::stdout().lock());
    for (i, line) in stdin.lock().lines().enumerate() {
        let line = line?;
        let fields: Vec<&str> = line.split('\t').collect();
        if i == 0 && is_header(&fields) {
            writeln!(out, "score\tmatch")?;
            continue;
        }
        if fields.len() < 2 {
            anyhow::bail!(
                "stdin line {}: expected `name1<TAB>name2[<TAB>Person|Organization]`, got {line:?}",
                i + 1
            );
        }
        let kind = fields
            .get(2)
            .and_then(|k| NameKind::parse(k))
            .unwrap_or_else(|| NameKind::infer(fields[0]));
        let s = matcher.score_pair(fields[0], fields[1], kind);
        writeln!(out, "{:.4}\t{}", s.score, s.score >= MATCH_THRESHOLD)?;
    }
    out.flush()?;
    Ok(ExitCode::SUCCESS)
}

fn search(kb: &KbArgs, name: &str, limit: usize, min_score: f32) -> anyhow::Result<ExitCode> {
    let screener = super::kb::screener(kb)?;
    let entities = &screener.kb().entities;
    let rows: Vec<[String; 5]> = search_entities(screener.parties(), name, None, min_score, limit)
        .into_iter()
        .map(|hit| {
            let e = &entities[hit.entity];
            let weak = if hit.weak_alias { " (weak alias)" } else { "" };
            [
                format!("{:.3}", hit.score),
                format!("{}{weak}", hit.matched_name),
                format!("{} {}", e.id, e.name),
                e.list.as_str().to_owned(),
                format!("{} ({}) {}", e.source.title, e.source.date, e.source.url),
            ]
        })
        .collect();
    let heading = ["score", "listed name", "entity", "list", "source"].map(str::to_owned);
    let terminal = std::io::stdout().is_terminal();
    let heading = if terminal {
        heading.map(|h| h.to_uppercase())
    } else {
        heading
    };
    let mut out = std::io::BufWriter::new(std::io::stdout().lock());
    for row in std::iter::once(&heading).chain(&rows) {
        let cells = row.each_ref().map(String::as_str);
        if terminal {
            // Aligned for reading; the source (the widest column) runs to the end of the line.
            writeln!(out, "{}", aligned(&cells, &[6, 40, 48, 9], None))?;
        } else {
            writeln!(out, "{}", cells.join("\t"))?;
        }
    }
    if terminal && rows.is_empty() {
        writeln!(
            out,
            "no listed name scores {min_score} or more against {name:?}"
        )?;
    }
    out.flush()?;
    if let Some(stale) = screener.list_warning() {
        eprintln!("warning: {}", stale.message);
    }
    Ok(ExitCode::SUCCESS)
}
