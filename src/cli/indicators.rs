//! `caatsa-screen indicators import` (OFAC official files + curated tables -> a snapshot file)
//! and `indicators show` (version, counts, sources).

use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::Context;
use caatsa_screen::indicators::KnowledgeBase;

use super::KbArgs;

#[derive(Debug, clap::Subcommand)]
pub enum IndicatorsCommand {
    /// Build a knowledge base from OFAC's official legacy CSV files (sdn.csv, alt.csv, add.csv,
    /// optional sdn_comments.csv) plus the curated indicators, and save it as a snapshot.
    Import {
        /// Directory holding OFAC's files.
        #[arg(long, value_name = "DIR")]
        ofac_dir: PathBuf,
        /// Where to write the snapshot.
        #[arg(long, value_name = "PATH", default_value = "indicators.json")]
        out: PathBuf,
        /// Publication or download date of the OFAC files (they carry none); shown in the version.
        #[arg(long, value_name = "YYYY-MM-DD")]
        ofac_date: Option<String>,
    },
    /// Show the loaded knowledge base: version, counts by list, kind and tier, sources.
    Show {
        #[command(flatten)]
        kb: KbArgs,
        /// Print JSON instead of text.
        #[arg(long)]
        json: bool,
    },
}

pub fn run(command: IndicatorsCommand) -> anyhow::Result<ExitCode> {
    match command {
        IndicatorsCommand::Import {
            ofac_dir,
            out,
            ofac_date,
        } => {
            let date = ofac_date.unwrap_or_else(|| "undated".to_owned());
            let started = std::time::Instant::now();
            let kb = KnowledgeBase::from_ofac_dir(&ofac_dir, &date)
                .with_context(|| format!("importing OFAC files from {}", ofac_dir.display()))?;
            kb.write_snapshot(&out)
                .with_context(|| format!("writing {}", out.display()))?;
            let s = &kb.ofac_stats;
            eprintln!(
                "imported {} SDN entries ({} with a North Korea nexus, {} strong and {} weak aliases, {} addresses) and {} curated entities in {:.1}s",
                s.entries,
                s.north_korea_nexus,
                s.strong_aliases,
                s.weak_aliases,
                s.addresses,
                kb.curated.entities.len(),
                started.elapsed().as_secs_f64()
            );
            if s.orphan_rows > 0 {
                eprintln!("warning: {} alt/add/comment rows name entries that are not in sdn.csv (ignored)", s.orphan_rows);
            }
            eprintln!(
                "knowledge base {} written to {}",
                kb.version.id,
                out.display()
            );
            Ok(ExitCode::SUCCESS)
        }
        IndicatorsCommand::Show { kb, json } => {
            let kb = super::kb::load(&kb)?;
            let summary = kb.summary();
            if json {
                println!("{}", serde_json::to_string_pretty(&summary)?);
                return Ok(ExitCode::SUCCESS);
            }
            println!("knowledge base {}", summary.version.id);
            println!(
                "  OFAC files dated {}; latest curated source {}",
                summary.version.ofac_date, summary.version.curated_date
            );
            println!("entities by list:");
            for (list, n) in &summary.entities_by_list {
                println!("  {list:<20} {n:>6}");
            }
            println!("indicators by kind:");
            for (kind, n) in &summary.indicators_by_kind {
                println!("  {kind:<20} {n:>6}");
            }
            println!("indicators by evidence tier:");
            for (tier, n) in &summary.indicators_by_tier {
                println!("  {tier:<20} {n:>6}");
            }
            println!("{} sources; most cited:", summary.sources.len());
            for s in summary.sources.iter().take(12) {
                println!(
                    "  {:>5}  {} ({}) {}",
                    s.indicators, s.source.title, s.source.date, s.source.url
                );
            }
            Ok(ExitCode::SUCCESS)
        }
    }
}
