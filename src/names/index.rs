//! The candidate index: finds, among tens of thousands of listed names, the few worth scoring.
//!
//! Token postings keyed by romanization key and canonical text (so `Ryeonbong` finds
//! `RYONBONG`), by the joined keys of two or three neighbouring tokens (so `Namchongang` finds
//! `NAM CHON GANG`), and a one-deletion neighbourhood of every term (SymSpell style: two words
//! within one insertion, deletion or swap share a deletion variant) for typing slips. A
//! candidate's estimate is the weight its shared terms account for on both names; the best
//! estimates go to the full scorer. Postings, not a BK-tree: Jaro-Winkler is not a metric, and
//! hash lookups keep the cost per query nearly flat in the size of the list.
//!
//! Terms are interned to ids, and terms and deletion variants share one table keyed by 64-bit
//! hash, so a query probes once per variant and allocates nothing per probe; per-thread scratch
//! arrays accumulate the estimates. A hash collision can only add a candidate, which the scorer
//! then rejects.

use std::cell::RefCell;
use std::hash::Hasher;

use rustc_hash::{FxHashMap, FxHasher};

use super::prepared::{PreparedName, Token};
use super::vocabulary::TokenClass;
use super::{person, transliteration};

/// Shortest term that gets a deletion neighbourhood; shorter ones only meet their typing slips
/// (the scorer never treats short words as similar otherwise, and their deletion variants would
/// collide with half the vocabulary).
const MIN_FUZZY_TERM_LEN: usize = 4;
/// Share of a term's weight credited when it is met through a deletion variant.
const FUZZY_TERM_CREDIT: f32 = 0.9;
/// Longest run of neighbouring tokens indexed joined together.
const MAX_JOINED_RUN: usize = 3;

/// Token postings over a list of prepared names (identified by their position).
#[derive(Debug, Default)]
pub struct CandidateIndex {
    /// Hash of a vocabulary term or of a deletion variant -> what it leads to: one lookup per
    /// probe, however the hash is met.
    lookup: FxHashMap<u64, Probe>,
    /// The terms of every deletion variant, each variant's a slice ([`Probe::deletions`]).
    deletion_terms: Vec<u32>,
    /// Term id -> names containing it (ascending, no duplicates).
    postings: Vec<Vec<u32>>,
    /// Term id -> the largest weight the term has in any name.
    term_weight: Vec<f32>,
    /// Term id -> whether the term is a joined run of words (else a single word).
    term_is_run: Vec<bool>,
    /// Name id -> its total token weight (the estimate's denominator, read for every name met).
    name_weight: Vec<f32>,
    /// Name id -> for a person's name, the most weight the scorer may leave out of it as middle
    /// names; -1 for other names.
    name_left_out: Vec<f32>,
}

/// What one hash leads to in the index.
#[derive(Debug, Clone, Copy)]
struct Probe {
    /// The vocabulary term with this hash, or [`NO_TERM`].
    term: u32,
    /// Start and end in `deletion_terms` of the terms one of whose deletion variants has it.
    deletions: (u32, u32),
}

const NO_TERM: u32 = u32::MAX;

impl Default for Probe {
    fn default() -> Self {
        Probe {
            term: NO_TERM,
            deletions: (0, 0),
        }
    }
}

/// A name worth scoring, with the share of weight its shared terms account for.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Candidate {
    pub name: u32,
    pub estimate: f32,
}

/// One query term's lookups: (vocabulary term, gain) pairs and the best gain.
struct TermPlan {
    matched: Vec<(u32, f32)>,
    max_gain: f32,
}

/// Below this ratio of postings to names already met, those names are looked up in the postings
/// by binary search instead of walking the postings.
const BINARY_SEARCH_FACTOR: usize = 16;

/// Per-thread accumulators, sized to the largest index searched on the thread.
#[derive(Default)]
struct Scratch {
    covered: Vec<f32>,
    touched: Vec<u32>,
    term_best: Vec<f32>,
    term_stamp: Vec<u32>,
    term_touched: Vec<u32>,
    stamp: u32,
}

impl Scratch {
    /// The current term earns `gain` for name `id` (the best of its matches counts once).
    fn note(&mut self, id: u32, gain: f32) {
        let n = id as usize;
        if self.term_stamp[n] != self.stamp {
            self.term_stamp[n] = self.stamp;
            self.term_best[n] = gain;
            self.term_touched.push(id);
        } else if gain > self.term_best[n] {
            self.term_best[n] = gain;
        }
    }
}

thread_local! {
    static SCRATCH: RefCell<Scratch> = RefCell::new(Scratch::default());
}

impl CandidateIndex {
    /// Indexes `names`, each with whether it is a person's name (whose middle names the scorer
    /// lets one side leave out, see [`person::most_left_out`]).
    pub fn build<'a>(names: impl IntoIterator<Item = (&'a PreparedName, bool)>) -> Self {
        let mut index = CandidateIndex::default();
        // Hash of a vocabulary term -> its id; hash of a deletion variant -> its terms. Merged
        // into `lookup` once every name is in.
        let mut term_ids: FxHashMap<u64, u32> = FxHashMap::default();
        let mut deletions: FxHashMap<u64, Vec<u32>> = FxHashMap::default();
        for (id, (name, is_person)) in names.into_iter().enumerate() {
            index.name_weight.push(name.total_weight());
            index.name_left_out.push(if is_person {
                person::most_left_out(name)
            } else {
                -1.0
            });
            for Term {
                text: term,
                weight,
                fuzzy,
                run,
            } in terms(name, Side::Listed)
            {
                let chars: Vec<char> = term.chars().collect();
                let next_id = index.postings.len() as u32;
                let term_id = *term_ids
                    .entry(hash_skipping(&chars, None))
                    .or_insert(next_id);
                if term_id == next_id {
                    index.postings.push(Vec::new());
                    index.term_weight.push(weight);
                    index.term_is_run.push(run);
                    if fuzzy && chars.len() >= MIN_FUZZY_TERM_LEN {
                        for skip in 0..chars.len() {
                            let variants = deletions
                                .entry(hash_skipping(&chars, Some(skip)))
                                .or_default();
                            if variants.last() != Some(&term_id) {
                                variants.push(term_id);
                            }
                        }
                    }
                }
                let t = term_id as usize;
                index.term_weight[t] = index.term_weight[t].max(weight);
                if index.postings[t].last() != Some(&(id as u32)) {
                    index.postings[t].push(id as u32);
                }
            }
        }
        index.lookup.reserve(term_ids.len() + deletions.len());
        for (hash, term) in term_ids {
            index.lookup.entry(hash).or_default().term = term;
        }
        for (hash, terms) in deletions {
            let start = index.deletion_terms.len() as u32;
            index.deletion_terms.extend(terms);
            index.lookup.entry(hash).or_default().deletions =
                (start, index.deletion_terms.len() as u32);
        }
        index
    }

    /// Number of distinct terms.
    pub fn vocabulary_len(&self) -> usize {
        self.postings.len()
    }

    /// Names sharing terms with `query`, best estimates first: at most `limit`, and only those
    /// whose estimate reaches `min_estimate`. The estimate is the weight the shared terms account
    /// for over both names' total weight, each query term counted once per name; it approximates
    /// the score from above.
    /// `query_left_out` is the most weight the scorer may leave out of the query as middle
    /// names when it meets a person's name: such names' estimates allow for it, and for the
    /// middle names the listed name may leave out. `None` allows for neither (a company's name).
    pub fn candidates(
        &self,
        query: &PreparedName,
        query_left_out: Option<f32>,
        limit: usize,
        min_estimate: f32,
    ) -> Vec<Candidate> {
        SCRATCH.with(|cell| {
            let mut scratch = cell.borrow_mut();
            self.collect(&mut scratch, (query, query_left_out), limit, min_estimate)
        })
    }

    fn collect(
        &self,
        s: &mut Scratch,
        (query, query_left_out): (&PreparedName, Option<f32>),
        limit: usize,
        min_estimate: f32,
    ) -> Vec<Candidate> {
        let names = self.name_weight.len();
        if s.covered.len() < names {
            s.covered.resize(names, 0.0);
            s.term_best.resize(names, 0.0);
            s.term_stamp.resize(names, 0);
        }
        s.touched.clear();
        let mut plans = self.plan(query);
        // Rarest (heaviest) terms first: once the terms left could not lift a name that shares
        // none of the terms seen so far to `min_estimate`, only names already met are updated.
        plans.sort_by(|a, b| b.max_gain.total_cmp(&a.max_gain));
        let query_weight = query.total_weight();
        let mut remaining: f32 = plans.iter().map(|p| p.max_gain).sum();
        for plan in &plans {
            let open = query_weight <= 0.0 || remaining / query_weight >= min_estimate;
            remaining -= plan.max_gain;
            s.stamp = s.stamp.wrapping_add(1);
            s.term_touched.clear();
            for &(term_id, gain) in &plan.matched {
                let postings = &self.postings[term_id as usize];
                if !open && s.touched.len() * BINARY_SEARCH_FACTOR < postings.len() {
                    for i in 0..s.touched.len() {
                        let id = s.touched[i];
                        if postings.binary_search(&id).is_ok() {
                            s.note(id, gain);
                        }
                    }
                } else {
                    for &id in postings {
                        if open || s.covered[id as usize] > 0.0 {
                            s.note(id, gain);
                        }
                    }
                }
            }
            for i in 0..s.term_touched.len() {
                let n = s.term_touched[i] as usize;
                if s.covered[n] == 0.0 {
                    s.touched.push(n as u32);
                }
                s.covered[n] += s.term_best[n];
            }
        }
        let mut out: Vec<Candidate> = Vec::new();
        for &id in &s.touched {
            let covered = std::mem::take(&mut s.covered[id as usize]);
            let left_out = self.name_left_out[id as usize];
            let slack = match query_left_out {
                Some(query_left_out) if left_out >= 0.0 => left_out.max(query_left_out),
                _ => 0.0,
            };
            let total = query_weight + self.name_weight[id as usize] - slack;
            let estimate = if total > 0.0 { covered / total } else { 0.0 };
            if estimate >= min_estimate {
                out.push(Candidate { name: id, estimate });
            }
        }
        let order = |x: &Candidate, y: &Candidate| {
            y.estimate.total_cmp(&x.estimate).then(x.name.cmp(&y.name))
        };
        if limit > 0 && out.len() > limit {
            out.select_nth_unstable_by(limit - 1, order);
            out.truncate(limit);
        }
        out.sort_by(order);
        out
    }

    /// For each query term, the vocabulary terms it meets with the gain each earns, and the best.
    fn plan(&self, query: &PreparedName) -> Vec<TermPlan> {
        let mut chars: Vec<char> = Vec::with_capacity(32);
        let mut probed: Vec<(u32, bool)> = Vec::new();
        let mut plans = Vec::new();
        for Term {
            text,
            weight,
            fuzzy,
            run,
        } in terms(query, Side::Query)
        {
            chars.clear();
            chars.extend(text.chars());
            probed.clear();
            self.probe(&chars, None, &mut probed);
            if !fuzzy {
                // Joined runs meet vocabulary terms exactly; only single words have neighbourhoods.
            } else if chars.len() >= MIN_FUZZY_TERM_LEN {
                for skip in 0..chars.len() {
                    self.probe(&chars, Some(skip), &mut probed);
                }
            } else {
                self.probe_slips(&chars, &mut probed);
            }
            probed.sort_unstable_by(|a, b| a.0.cmp(&b.0).then(b.1.cmp(&a.1)));
            probed.dedup_by_key(|m| m.0);
            let matched: Vec<(u32, f32)> = probed
                .iter()
                // A run meeting a run adds nothing its words have not already earned one by one:
                // runs only bridge a run on one side and a single word on the other.
                .filter(|(term, _)| !run || !self.term_is_run[*term as usize])
                .map(|&(term, exact)| {
                    let credit = if exact { 1.0 } else { FUZZY_TERM_CREDIT };
                    (term, (weight + self.term_weight[term as usize]) * credit)
                })
                .collect();
            let max_gain = matched.iter().map(|m| m.1).fold(0.0, f32::max);
            if !matched.is_empty() {
                plans.push(TermPlan { matched, max_gain });
            }
        }
        plans
    }

    /// Records the vocabulary terms `chars` (with one character skipped, if any) meets: the
    /// term itself (exact when nothing is skipped), or a term with one character deleted.
    fn probe(&self, chars: &[char], skip: Option<usize>, matched: &mut Vec<(u32, bool)>) {
        let Some(found) = self.lookup.get(&hash_skipping(chars, skip)) else {
            return;
        };
        if found.term != NO_TERM {
            matched.push((found.term, skip.is_none()));
        }
        let (start, end) = found.deletions;
        matched.extend(
            self.deletion_terms[start as usize..end as usize]
                .iter()
                .map(|&t| (t, false)),
        );
    }
}

impl CandidateIndex {
    /// Short terms (no deletion neighbourhood) meet their typing slips only: two neighbours
    /// swapped, a letter doubled, a doubled letter single.
    fn probe_slips(&self, chars: &[char], matched: &mut Vec<(u32, bool)>) {
        let mut variant: Vec<char> = Vec::with_capacity(chars.len() + 1);
        let mut look = |v: &[char]| match self.lookup.get(&hash_skipping(v, None)) {
            Some(found) if found.term != NO_TERM => matched.push((found.term, false)),
            _ => {}
        };
        for i in 0..chars.len() {
            variant.clear();
            variant.extend_from_slice(chars);
            variant.insert(i, chars[i]);
            look(&variant);
            if i + 1 < chars.len() {
                variant.clear();
                variant.extend_from_slice(chars);
                variant.swap(i, i + 1);
                look(&variant);
                if chars[i] == chars[i + 1] {
                    variant.remove(i);
                    look(&variant);
                }
            }
        }
    }
}

/// FxHash of `chars` with the character at `skip` left out.
fn hash_skipping(chars: &[char], skip: Option<usize>) -> u64 {
    let mut h = FxHasher::default();
    for (i, &c) in chars.iter().enumerate() {
        if Some(i) != skip {
            h.write_u32(c as u32);
        }
    }
    h.write_u8(0xff);
    h.finish()
}

/// An index term: a word's key or text (with a deletion neighbourhood), or a run of neighbouring
/// words joined (exact only).
struct Term {
    text: String,
    weight: f32,
    /// Has a deletion neighbourhood (single words only).
    fuzzy: bool,
    /// A run of words joined, which only meets single words and skeletons.
    run: bool,
}

/// Marks a consonant-skeleton term, so that it never collides with a word.
const SKELETON_MARK: char = '\u{1}';

/// Which side of a search a name is on: listed names index the skeletons of their ordinary
/// words, queries look up the skeletons of their words written without vowels.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Side {
    Listed,
    Query,
}

/// The index terms of a name with their weights: each word's key and text, its consonant
/// skeleton (see [`Side`]), and the joined keys and texts of runs of neighbours.
fn terms(name: &PreparedName, side: Side) -> Vec<Term> {
    let words: Vec<&Token> = name
        .tokens
        .iter()
        .filter(|t| t.class != TokenClass::LegalForm)
        .collect();
    let mut out: Vec<Term> = Vec::with_capacity(words.len() * 3);
    let mut push = |text: String, weight: f32, fuzzy: bool, run: bool| {
        out.push(Term {
            text,
            weight,
            fuzzy,
            run,
        })
    };
    for t in &words {
        if t.class == TokenClass::Word {
            push(t.key.clone(), t.weight, true, false);
            // A romanized Korean word also meets words of other languages by its spelling; any
            // other word is compared by its folded key alone.
            if t.korean && t.text != t.key {
                push(t.text.clone(), t.weight, true, false);
            }
            // Listed words are found by their skeleton from a query written without vowels.
            if t.sparse == (side == Side::Query) {
                let skeleton = transliteration::consonant_skeleton(t.latin());
                if skeleton.len() >= transliteration::MIN_SKELETON_LEN {
                    push(format!("{SKELETON_MARK}{skeleton}"), t.weight, false, false);
                }
            }
        }
    }
    for len in 2..=MAX_JOINED_RUN.min(words.len()) {
        for run in words.windows(len) {
            let weight: f32 = run.iter().map(|t| t.weight).sum();
            push(
                fold(run.iter().map(|t| t.text.as_str())),
                weight,
                false,
                true,
            );
            if run.iter().all(|t| t.korean) {
                push(
                    fold(run.iter().map(|t| t.key.as_str())),
                    weight,
                    false,
                    true,
                );
            }
        }
    }
    out
}

fn fold<'a>(parts: impl Iterator<Item = &'a str> + Clone) -> String {
    let mut out = String::with_capacity(parts.clone().map(str::len).sum());
    for c in parts.flat_map(str::chars) {
        if !out.ends_with(c) {
            out.push(c);
        }
    }
    out
}
