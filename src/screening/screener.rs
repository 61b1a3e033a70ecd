//! [`Screener`]: the engine's entry point. Built once per knowledge base (it prepares the name
//! watchlists and indexes), then shared read-only between threads; `screen_line` is pure.
//! Whole manifests are screened in parallel (rayon) with results kept in input order.

use std::sync::Arc;

use rayon::prelude::*;

use crate::indicators::KnowledgeBase;
use crate::manifest::{ManifestLine, RowError};
use crate::memo::Memo;

use super::assemble;
use super::assemble::Assessment;
use super::facts::{FactsMemo, LineFacts};
use super::flags::Citation;
use super::result::{LineResult, Screening, Summary};
use super::rules::{self, parties::PartyWatchlist, places::RegionIndex, vessel::VesselWatchlist};

pub struct Screener {
    kb: Arc<KnowledgeBase>,
    memo: FactsMemo,
    citations: Memo<Arc<[Citation]>>,
    parties: PartyWatchlist,
    vessels: VesselWatchlist,
    regions: RegionIndex,
}

impl Screener {
    pub fn new(kb: Arc<KnowledgeBase>) -> Screener {
        Screener {
            memo: FactsMemo::default(),
            citations: Memo::default(),
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
        let assessment = self.assess(line);
        result(assessment, line.clone())
    }

    /// Screens one line, moving it into its result (no copy).
    pub fn screen_owned(&self, line: ManifestLine) -> LineResult {
        let assessment = self.assess(&line);
        result(assessment, line)
    }

    fn assess(&self, line: &ManifestLine) -> Assessment {
        let kb = &self.kb;
        let facts = LineFacts::read(kb, &self.memo, line);
        let mut findings = Vec::new();
        rules::origin::apply(kb, &facts, &mut findings);
        rules::parties::apply(kb, &self.parties, &facts, &mut findings);
        rules::vessel::apply(kb, &self.vessels, &facts, &mut findings);
        rules::places::apply_regions(kb, &self.regions, &facts, &mut findings);
        rules::places::apply_sector_countries(kb, &facts, &mut findings);
        assemble::assess(kb, &self.citations, &facts, findings)
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

fn result(assessment: Assessment, input: ManifestLine) -> LineResult {
    LineResult {
        shipment_id: input.shipment_id.clone(),
        line: input.line,
        verdict: assessment.verdict,
        flags: assessment.flags,
        explanation: assessment.explanation,
        context: assessment.context,
        input,
    }
}

/// The current time, RFC 3339, UTC.
pub fn now_rfc3339() -> String {
    time::OffsetDateTime::now_utc()
        .format(&time::format_description::well_known::Rfc3339)
        .unwrap_or_default()
}
