//! [`Matcher`]: a watchlist of names ready to be searched. It owns the watchlist's token weights,
//! the prepared names and the candidate index; `search` finds candidates and scores them with
//! [`super::score`], the same function `caatsa-screen names score` uses.
//!
//! OFAC's weak aliases (short quoted a.k.a.s such as `KPTC`) are kept out of fuzzy matching: they
//! only match when the whole query equals them, and such a hit says so (`weak`), so that the
//! screening rules can treat it as a possible match unless another field agrees.

use rustc_hash::FxHashMap;

use super::index::CandidateIndex;
use super::kind::NameKind;
use super::prepared::{self, PreparedName};
use super::score::{self, NameScore};
use super::vocabulary::TokenClass;
use super::weights::TokenWeights;

/// How many candidates the index hands to the full scorer per query, at most.
pub const CANDIDATES_PER_QUERY: usize = 48;
/// Candidates whose index estimate is below `min_score * ESTIMATE_SLACK` are not scored: the
/// estimate approximates the score from above, and the slack covers word pairs the scorer finds
/// similar that the index did not see as shared.
pub const ESTIMATE_SLACK: f32 = 0.8;

/// One name of the watchlist: `owner` is the caller's id for the listed entity.
#[derive(Debug, Clone, PartialEq)]
pub struct WatchName {
    pub owner: u32,
    pub name: String,
    pub kind: NameKind,
    pub weak: bool,
}

/// A scored hit of a query against one watchlist name.
#[derive(Debug, Clone, PartialEq)]
pub struct NameHit {
    /// Position of the name in the watchlist given to [`Matcher::new`].
    pub name: u32,
    pub owner: u32,
    pub score: f32,
    /// The hit is an exact match to a weak alias.
    pub weak: bool,
    /// Every word of both names was accounted for.
    pub complete: bool,
}

/// A query prepared once for each way a listed name may read it.
pub struct Query {
    person: PreparedName,
    /// The most weight the scorer may leave out of the query read as a person's name; `None`
    /// for a company's name, which the index then ranks without allowing for middle names.
    left_out: Option<f32>,
    other: PreparedName,
    canonical: String,
}

impl Query {
    fn for_kind(&self, kind: NameKind) -> &PreparedName {
        match kind {
            NameKind::Person => &self.person,
            NameKind::Organization | NameKind::Vessel => &self.other,
        }
    }
}

pub struct Matcher {
    names: Vec<WatchName>,
    prepared: Vec<PreparedName>,
    weights: TokenWeights,
    index: CandidateIndex,
    weak_exact: FxHashMap<String, Vec<u32>>,
}

impl Matcher {
    /// Prepares and indexes `names`. Token weights are counted over the strong names.
    pub fn new(names: Vec<WatchName>) -> Self {
        let docs: Vec<Vec<String>> = names
            .iter()
            .filter(|n| !n.weak)
            .map(|n| {
                prepared::words(&n.name, n.kind)
                    .into_iter()
                    .map(|(text, _)| prepared::word_key(&text).0)
                    .collect()
            })
            .collect();
        let weights =
            TokenWeights::from_documents(docs.iter().map(|d| d.iter().map(String::as_str)));
        let prepared: Vec<PreparedName> = names
            .iter()
            .map(|n| {
                if n.weak {
                    PreparedName::default()
                } else {
                    prepared::prepare(&n.name, n.kind, &weights)
                }
            })
            .collect();
        let index = CandidateIndex::build(
            prepared
                .iter()
                .zip(&names)
                .map(|(p, n)| (p, n.kind == NameKind::Person)),
        );
        let mut weak_exact: FxHashMap<String, Vec<u32>> = FxHashMap::default();
        for (i, n) in names.iter().enumerate().filter(|(_, n)| n.weak) {
            let canonical = prepared::prepare(&n.name, n.kind, &weights).canonical();
            if !canonical.is_empty() {
                weak_exact.entry(canonical).or_default().push(i as u32);
            }
        }
        Matcher {
            names,
            prepared,
            weights,
            index,
            weak_exact,
        }
    }

    pub fn weights(&self) -> &TokenWeights {
        &self.weights
    }

    pub fn names(&self) -> &[WatchName] {
        &self.names
    }

    pub fn query(&self, raw: &str) -> Query {
        let words = super::normalize::words(raw);
        let tokens = super::normalize::joined(&words);
        let read = |words, kind| {
            let prepared = prepared::prepare_words(prepared::words_of(words, kind), &self.weights);
            prepared::with_facts(prepared, raw, kind)
        };
        let person = read(words, NameKind::Person);
        let other = read(tokens, NameKind::Organization);
        // A name with a legal form is a company's: the index need not allow for middle names.
        let company = other
            .tokens
            .iter()
            .any(|t| t.class == TokenClass::LegalForm);
        Query {
            left_out: (!company).then(|| super::person::most_left_out(&person)),
            person,
            canonical: other.canonical(),
            other,
        }
    }

    /// Scores two raw names with this watchlist's weights: the pair scorer of the product.
    pub fn score_pair(&self, a: &str, b: &str, kind: NameKind) -> NameScore {
        let pa = prepared::prepare(a, kind, &self.weights);
        let pb = prepared::prepare(b, kind, &self.weights);
        score::score(&pa, &pb, kind)
    }

    /// Hits scoring at least `min_score`, best first, at most `limit`, found through the index.
    pub fn search(&self, raw: &str, min_score: f32, limit: usize) -> Vec<NameHit> {
        let query = self.query(raw);
        let min_estimate = min_score * ESTIMATE_SLACK;
        let candidates = self.index.candidates(
            &query.other,
            query.left_out,
            CANDIDATES_PER_QUERY,
            min_estimate,
        );
        let scored = candidates.into_iter().map(|c| c.name);
        self.rank(&query, scored, min_score, limit)
    }

    /// The same as [`Matcher::search`] but scoring every listed name (for tests and evaluation).
    pub fn search_exhaustive(&self, raw: &str, min_score: f32, limit: usize) -> Vec<NameHit> {
        let query = self.query(raw);
        self.rank(&query, 0..self.names.len() as u32, min_score, limit)
    }

    fn rank(
        &self,
        query: &Query,
        ids: impl Iterator<Item = u32>,
        min_score: f32,
        limit: usize,
    ) -> Vec<NameHit> {
        let mut hits: Vec<NameHit> = ids
            .filter(|&id| !self.names[id as usize].weak)
            .filter_map(|id| {
                let listed = &self.names[id as usize];
                let s = score::score(
                    query.for_kind(listed.kind),
                    &self.prepared[id as usize],
                    listed.kind,
                );
                (s.score >= min_score && s.score > 0.0).then_some(NameHit {
                    name: id,
                    owner: listed.owner,
                    score: s.score,
                    weak: false,
                    complete: s.complete,
                })
            })
            .collect();
        for &id in self.weak_exact.get(&query.canonical).into_iter().flatten() {
            hits.push(NameHit {
                name: id,
                owner: self.names[id as usize].owner,
                score: 1.0,
                weak: true,
                complete: true,
            });
        }
        hits.sort_by(|x, y| y.score.total_cmp(&x.score).then(x.name.cmp(&y.name)));
        hits.truncate(limit);
        hits
    }
}
