//! Name matching: decides whether a party name on a manifest designates a listed entity.
//!
//! Built for North Korean names, which defeat general-purpose screeners: McCune-Reischauer and
//! Revised Romanization spell the same syllables differently (`Ryonbong`/`Ryeonbong`,
//! `Pak`/`Park`, `Ri`/`Lee`), syllables are written together or apart (`Namchongang`/`Nam Chon
//! Gang`), names arrive in Hangul, and organisation names are mostly generic words around one
//! distinctive word. The pipeline:
//!
//! - [`script`]: other scripts to Latin (Hangul, Cyrillic by BGN/PCGN, Chinese through the
//!   generic words of trade names in [`chinese`] and pinyin, the rest by `deunicode`);
//! - [`normalize`]: Unicode, case, apostrophes, punctuation;
//! - [`vocabulary`]: legal forms of the world ([`legal_forms`]), abbreviations, inflections of
//!   generic words ([`generic_words`]), `Choson` = Korea, particles;
//! - [`korean`]: which tokens can be romanized Korean and their spelling-independent keys;
//!   [`transliteration`]: the keys of every other word, with the differences between
//!   transliteration systems folded;
//! - [`weights`]: rare words weigh more than common ones (IDF over the watchlist);
//! - [`score`]: weighted alignment of two names, in [0, 1], read through [`thresholds`].
//!
//! The screening rules and `caatsa-screen names score` call [`pair_score`] / the matcher, so the
//! measured numbers are the numbers of the product.

pub mod chinese;
pub mod derived;
pub mod generic_words;
pub mod hangul;
pub mod index;
pub mod kind;
pub mod korean;
pub mod legal_forms;
pub mod matcher;
pub mod normalize;
pub mod numbers;
pub mod person;
pub mod prepared;
pub mod score;
pub mod script;
pub mod spans;
pub mod thresholds;
pub mod transliteration;
pub mod vocabulary;
pub mod weights;

pub use kind::NameKind;
pub use matcher::{Matcher, NameHit, WatchName};
pub use prepared::{prepare, PreparedName};
pub use score::NameScore;
pub use thresholds::{Strength, MATCH_THRESHOLD, POSSIBLE_THRESHOLD};
pub use weights::TokenWeights;

/// Scores two raw names of a kind with the given weights.
pub fn pair_score(a: &str, b: &str, kind: NameKind, weights: &TokenWeights) -> NameScore {
    let pa = prepare(a, kind, weights);
    let pb = prepare(b, kind, weights);
    score::score(&pa, &pb, kind)
}
