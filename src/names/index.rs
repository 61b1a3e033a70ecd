//! The candidate index: finds, among tens of thousands of listed names, the few worth scoring.
//!
//! Token postings keyed by romanization key and canonical text (so `Ryeonbong` finds
//! `RYONBONG`), by the joined keys of two or three neighbouring tokens (so `Namchongang` finds
//! `NAM CHON GANG`), and a one-deletion neighbourhood of every key (SymSpell style: two words
//! within one insertion, deletion or swap share a deletion variant) for typing slips. A
//! candidate's estimate is the weight its shared tokens account for on both sides; the best
//! estimates go to the full scorer. Postings, not a BK-tree: Jaro-Winkler is not a metric, and
//! hash lookups keep the cost per query nearly flat in the size of the list.

use rustc_hash::FxHashMap;

use super::prepared::{PreparedName, Token};
use super::vocabulary::TokenClass;

/// Shortest key that gets a deletion neighbourhood; shorter ones only match exactly.
const MIN_FUZZY_KEY_LEN: usize = 3;
/// Share of a term's weight credited when it is met through a deletion variant.
const FUZZY_TERM_CREDIT: f32 = 0.9;
/// Longest run of neighbouring tokens indexed joined together.
const MAX_JOINED_RUN: usize = 3;

/// Token postings over a list of prepared names (identified by their position).
#[derive(Debug, Default)]
pub struct CandidateIndex {
    /// Vocabulary term (key or text, or a joined run) -> names containing it.
    postings: FxHashMap<Box<str>, Vec<u32>>,
    /// Deletion variant -> vocabulary terms it comes from.
    deletions: FxHashMap<Box<str>, Vec<Box<str>>>,
    /// The weight of each vocabulary term (the largest it has in any name), for the estimate.
    term_weight: FxHashMap<Box<str>, f32>,
}

/// A name worth scoring, with the share of weight its shared terms account for.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Candidate {
    pub name: u32,
    pub estimate: f32,
}

impl CandidateIndex {
    pub fn build<'a>(names: impl IntoIterator<Item = &'a PreparedName>) -> Self {
        let mut index = CandidateIndex::default();
        for (id, name) in names.into_iter().enumerate() {
            let id = id as u32;
            for (term, weight) in terms(name) {
                let list = index.postings.entry(term.clone().into()).or_default();
                if list.last() != Some(&id) {
                    list.push(id);
                }
                let w = index.term_weight.entry(term.into()).or_insert(weight);
                *w = w.max(weight);
            }
        }
        let vocabulary: Vec<Box<str>> = index.postings.keys().cloned().collect();
        for term in vocabulary {
            for variant in deletion_variants(&term) {
                index
                    .deletions
                    .entry(variant.into())
                    .or_default()
                    .push(term.clone());
            }
        }
        index
    }

    /// Names sharing terms with `query`, best estimates first: at most `limit`, and only those whose
    /// estimate reaches `min_estimate`. The estimate is the weight both names' shared terms account
    /// for over both names' total weight (`name_weight(id)` gives a listed name's), each query term
    /// counted once per name; it approximates the score from above.
    pub fn candidates(
        &self,
        query: &PreparedName,
        limit: usize,
        min_estimate: f32,
        name_weight: impl Fn(u32) -> f32,
    ) -> Vec<Candidate> {
        let mut covered: FxHashMap<u32, f32> = FxHashMap::default();
        let mut best_for_term: FxHashMap<u32, f32> = FxHashMap::default();
        let query_weight = query.total_weight();
        for (term, weight) in terms(query) {
            best_for_term.clear();
            let variants = deletion_variants(&term);
            for probe in std::iter::once(term.as_str()).chain(variants.iter().map(String::as_str)) {
                let exact = probe == term;
                // The probe is a vocabulary term (exact, or the query with one letter deleted) ...
                if let Some((known, ids)) = self.postings.get_key_value(probe) {
                    self.credit(&mut best_for_term, known, ids, weight, exact);
                }
                // ... or a vocabulary term with one letter deleted.
                for known in self.deletions.get(probe).into_iter().flatten() {
                    if let Some(ids) = self.postings.get(known) {
                        self.credit(&mut best_for_term, known, ids, weight, false);
                    }
                }
            }
            for (&id, &gain) in &best_for_term {
                *covered.entry(id).or_default() += gain;
            }
        }
        let mut out: Vec<Candidate> = covered
            .into_iter()
            .filter_map(|(name, covered)| {
                let total = query_weight + name_weight(name);
                let estimate = if total > 0.0 { covered / total } else { 0.0 };
                (estimate >= min_estimate).then_some(Candidate { name, estimate })
            })
            .collect();
        let order = |x: &Candidate, y: &Candidate| {
            y.estimate.total_cmp(&x.estimate).then(x.name.cmp(&y.name))
        };
        if out.len() > limit && limit > 0 {
            out.select_nth_unstable_by(limit - 1, order);
            out.truncate(limit);
        }
        out.sort_by(order);
        out
    }

    /// Records, for every name holding `known`, the best gain the current query term earns.
    fn credit(
        &self,
        best: &mut FxHashMap<u32, f32>,
        known: &str,
        ids: &[u32],
        weight: f32,
        exact: bool,
    ) {
        let listed = self.term_weight.get(known).copied().unwrap_or(weight);
        let gain = (weight + listed) * if exact { 1.0 } else { FUZZY_TERM_CREDIT };
        for &id in ids {
            let slot = best.entry(id).or_default();
            *slot = slot.max(gain);
        }
    }
}

/// The index terms of a name with their weights: each word's key and text, and the joined keys
/// and texts of runs of neighbours.
fn terms(name: &PreparedName) -> Vec<(String, f32)> {
    let words: Vec<&Token> = name
        .tokens
        .iter()
        .filter(|t| t.class != TokenClass::LegalForm)
        .collect();
    let mut out: Vec<(String, f32)> = Vec::with_capacity(words.len() * 3);
    for t in &words {
        if t.class == TokenClass::Word {
            out.push((t.key.clone(), t.weight));
            if t.text != t.key {
                out.push((t.text.clone(), t.weight));
            }
        }
    }
    for len in 2..=MAX_JOINED_RUN.min(words.len()) {
        for run in words.windows(len) {
            let weight: f32 = run.iter().map(|t| t.weight).sum();
            out.push((fold(run.iter().map(|t| t.text.as_str())), weight));
            if run.iter().all(|t| t.korean) {
                out.push((fold(run.iter().map(|t| t.key.as_str())), weight));
            }
        }
    }
    out
}

fn fold<'a>(parts: impl Iterator<Item = &'a str>) -> String {
    let mut out = String::new();
    for c in parts.flat_map(str::chars) {
        if !out.ends_with(c) {
            out.push(c);
        }
    }
    out
}

/// Every string obtained by deleting one character (none for short terms).
fn deletion_variants(term: &str) -> Vec<String> {
    let chars: Vec<char> = term.chars().collect();
    if chars.len() < MIN_FUZZY_KEY_LEN {
        return Vec::new();
    }
    let mut out: Vec<String> = (0..chars.len())
        .map(|skip| {
            chars
                .iter()
                .enumerate()
                .filter(|(i, _)| *i != skip)
                .map(|(_, c)| *c)
                .collect()
        })
        .collect();
    out.sort_unstable();
    out.dedup();
    out
}
