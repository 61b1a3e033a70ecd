//! [`Screener`]: the engine's entry point. Built once per knowledge base (it prepares the name
//! watchlists and indexes), then shared read-only between threads; `screen_line` is pure.
//! Whole manifests are screened in parallel (rayon) with results kept in input order.

use std::sync::Arc;

use rayon::prelude::*;

use crate::indicators::KnowledgeBase;
use crate::manifest::{ManifestLine, PartyRole, RowError};

use super::assemble;
use super::facts::{is_placeholder, LineFacts};
use super::result::{LineResult, Screening, Summary};
use super::rules::{self, parties::PartyWatchlist, places::RegionIndex, vessel::VesselWatchlist};

pub struct Screener {
    kb: Arc<KnowledgeBase>,
    parties: PartyWatchlist,
    vessels: VesselWatchlist,
    regions: RegionIndex,
}

impl Screener {
    pub fn new(kb: Arc<KnowledgeBase>) -> Screener {
        Screener {
            parties: PartyWatchlist::build(&kb.entities),
            vessels: VesselWatchlist::build(&kb.entities),
            regions: RegionIndex::build(&kb.curated.regions),
            kb,
        }
    }

    pub fn kb(&self) -> &Arc<KnowledgeBase> {
        &self.kb
    }

    /// The party-name watchlist (for analyst search and `names score`).
    pub fn parties(&self) -> &PartyWatchlist {
        &self.parties
    }

    /// Screens one line.
    pub fn screen_line(&self, line: &ManifestLine) -> LineResult {
        let kb = &self.kb;
        let facts = LineFacts::read(kb, line);
        let mut findings = Vec::new();
        rules::origin::apply(kb, &facts, &mut findings);
        rules::parties::apply(kb, &self.parties, &facts, &mut findings);
        rules::vessel::apply(kb, &self.vessels, &facts, &mut findings);
        rules::places::apply_regions(kb, &self.regions, &facts, &mut findings);
        rules::places::apply_sector_countries(kb, &facts, &mut findings);
        let screened: Vec<String> = PartyRole::ALL
            .iter()
            .filter_map(|&role| {
                let name = line.party(role).name?;
                Some(if is_placeholder(name) {
                    format!(
                        "{} \"{name}\" (a placeholder, not a party: not screened)",
                        role.name_field()
                    )
                } else {
                    format!("{} \"{name}\"", role.name_field())
                })
            })
            .collect();
        assemble::line_result(kb, &facts, findings, &screened)
    }

    /// Screens lines in parallel, keeping their order.
    pub fn screen_lines(&self, lines: &[ManifestLine]) -> Vec<LineResult> {
        lines.par_iter().map(|l| self.screen_line(l)).collect()
    }

    /// Screens a whole manifest into a [`Screening`].
    pub fn screen(
        &self,
        lines: &[ManifestLine],
        errors: Vec<RowError>,
        warnings: Vec<String>,
    ) -> Screening {
        let results = self.screen_lines(lines);
        let mut summary = Summary::default();
        for r in &results {
            summary.count(r.verdict);
        }
        summary.errors = errors.len();
        Screening {
            screening_id: uuid::Uuid::new_v4().to_string(),
            created_at: now_rfc3339(),
            indicators_version: self.kb.version.id.clone(),
            summary,
            results,
            errors,
            warnings,
        }
    }
}

/// The current time, RFC 3339, UTC.
pub fn now_rfc3339() -> String {
    time::OffsetDateTime::now_utc()
        .format(&time::format_description::well_known::Rfc3339)
        .unwrap_or_default()
}
