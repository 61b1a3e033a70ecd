//! [`Screener`]: the engine's entry point. Built once per knowledge base (it prepares the name
//! watchlists and indexes), then shared read-only between threads; `screen_line` is pure.
//! Whole manifests are screened in parallel (rayon) with results kept in input order; small ones
//! on the calling thread ([`PARALLEL_MIN_LINES`]).

use std::sync::Arc;

use rayon::prelude::*;

use crate::indicators::KnowledgeBase;
use crate::manifest::{ManifestLine, RowError};
use crate::memo::Memo;

use time::Date;

use super::assemble;
use super::assemble::Assessment;
use super::cited::LawRef;
use super::facts::{FactsMemo, LineFacts};
use super::freshness::{self, DEFAULT_MAX_LIST_AGE_DAYS};
use super::result::{LineResult, Screening, ScreeningHeader, Summary, Warning};
use super::rules::origin::KpPlaceIndex;
use super::rules::{self, parties::PartyWatchlist, places::RegionIndex, vessel::VesselWatchlist};
use super::tables::Tables;

/// Fewer lines than this are screened on the calling thread. Handing a few lines to the rayon
/// pool costs more than it saves where it matters: a service screening hundreds of small
/// manifests a second already keeps every core busy with requests, and each hand-off wakes pool
/// threads that then spin (`sched_yield`) before sleeping, taking CPU from the other requests (a
/// `perf` profile of the service under 500 requests/s of 20-line manifests spent about 15% of
/// its samples there; docs/benchmarks.md). About 50 microseconds a line, so this many lines is
/// a few milliseconds on one core.
pub const PARALLEL_MIN_LINES: usize = 64;

/// Settings of a screening that are not in the knowledge base.
#[derive(Debug, Clone, Copy)]
pub struct ScreeningOptions {
    /// The date the screening is made on: it dates source ages and the list's age. `None` (the
    /// default) is the day each screening runs, so a long-running service never ages.
    pub as_of: Option<Date>,
    /// A list older than this many days gets a `STALE_LIST` warning.
    pub max_list_age_days: u32,
}

impl Default for ScreeningOptions {
    fn default() -> Self {
        ScreeningOptions {
            as_of: None,
            max_list_age_days: DEFAULT_MAX_LIST_AGE_DAYS,
        }
    }
}

pub struct Screener {
    kb: Arc<KnowledgeBase>,
    options: ScreeningOptions,
    memo: FactsMemo,
    laws: Memo<Arc<[LawRef]>>,
    parties: PartyWatchlist,
    vessels: VesselWatchlist,
    regions: RegionIndex,
    kp_places: KpPlaceIndex,
}

impl Screener {
    pub fn new(kb: Arc<KnowledgeBase>) -> Screener {
        Screener::with_options(kb, ScreeningOptions::default())
    }

    pub fn with_options(kb: Arc<KnowledgeBase>, options: ScreeningOptions) -> Screener {
        Screener {
            options,
            memo: FactsMemo::default(),
            laws: Memo::default(),
            parties: PartyWatchlist::build(&kb.entities),
            vessels: VesselWatchlist::build(&kb.entities),
            regions: RegionIndex::build(&kb),
            kp_places: KpPlaceIndex::build(&kb.places.kp),
            kb,
        }
    }

    pub fn options(&self) -> ScreeningOptions {
        self.options
    }

    /// The date screenings are made on: the configured one, else today (UTC).
    pub fn as_of(&self) -> Date {
        self.options.as_of.unwrap_or_else(freshness::today)
    }

    /// The age in days of the knowledge base's OFAC list today (`None` if it has no date).
    pub fn list_age_days(&self) -> Option<i64> {
        freshness::list_age_days(&self.kb.version.ofac_date, self.as_of())
    }

    /// The `STALE_LIST` warning, when the knowledge base's OFAC list is older than allowed.
    pub fn list_warning(&self) -> Option<Warning> {
        freshness::stale_list_warning(
            &self.kb.version.ofac_date,
            self.as_of(),
            self.options.max_list_age_days,
        )
    }

    /// The warnings of a screening: the input's, then the list's.
    pub fn warnings(&self, input: Vec<String>) -> Vec<Warning> {
        input
            .into_iter()
            .map(Warning::input)
            .chain(self.list_warning())
            .collect()
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
        rules::origin::apply(kb, &self.kp_places, &facts, &mut findings);
        rules::parties::apply(kb, &self.parties, &facts, &mut findings);
        rules::vessel::apply(kb, &self.vessels, &facts, &mut findings);
        rules::places::apply_regions(kb, &self.regions, &facts, &mut findings);
        rules::places::apply_sector_countries(kb, &facts, &mut findings);
        assemble::assess(kb, &self.laws, &facts, findings, self.as_of().year())
    }

    /// Screens lines, keeping their order: in parallel when there are enough of them to be worth
    /// it ([`PARALLEL_MIN_LINES`]), else on the calling thread.
    pub fn screen_lines(&self, lines: &[ManifestLine]) -> Vec<LineResult> {
        if lines.len() < PARALLEL_MIN_LINES {
            lines.iter().map(|l| self.screen_line(l)).collect()
        } else {
            lines.par_iter().map(|l| self.screen_line(l)).collect()
        }
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
        let warnings = self.warnings(warnings);
        Screening::new(
            self.header(),
            summary,
            results,
            errors,
            warnings,
            self.tables(),
        )
    }

    /// Empty document tables ([`super::tables`]) quoting this knowledge base's legal texts.
    pub fn tables(&self) -> Tables {
        Tables::new(Arc::clone(&self.kb))
    }

    /// A new screening's header: a fresh id, the current time and this knowledge base's
    /// version. The one place a screening gets its identity.
    pub fn header(&self) -> ScreeningHeader {
        ScreeningHeader {
            screening_id: uuid::Uuid::new_v4().to_string(),
            created_at: now_rfc3339(),
            indicators_version: self.kb.version.id.clone(),
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
        input_warnings: crate::manifest::checks::line_warnings(&input),
        input,
    }
}

/// The current time, RFC 3339, UTC.
pub fn now_rfc3339() -> String {
    time::OffsetDateTime::now_utc()
        .format(&time::format_description::well_known::Rfc3339)
        .unwrap_or_default()
}
