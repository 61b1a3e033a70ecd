//! Runs of neighbouring tokens written together (`Nam Chon Gang` -> `namchongang`), by hash, for
//! the scorer's run alignment. A name's runs depend on its tokens alone, so they are computed the
//! first time the name is scored against a name with words left over and then kept with it: a
//! listed name meets many queries, a query many listed names.

use rustc_hash::FxHasher;
use std::hash::Hasher;

use super::prepared::Token;
use super::vocabulary::TokenClass;

/// Longest run of neighbouring tokens compared written together.
pub const MAX_RUN: usize = 3;

/// A run of neighbouring tokens written together, by hash (spelled out only to confirm a match).
#[derive(Debug, Clone, PartialEq)]
pub struct Span {
    pub range: (usize, usize),
    /// Hash of the canonical texts joined, doubled letters folded.
    pub text: u64,
    /// Hash of the romanization keys joined, when every token of the run is romanized Korean.
    pub keys: Option<u64>,
    pub weight: f32,
}

/// Every run of 1..=MAX_RUN non-legal-form neighbours.
pub fn spans(tokens: &[Token]) -> Box<[Span]> {
    let mut spans = Vec::new();
    for start in 0..tokens.len() {
        let mut text = FoldedHash::default();
        let mut keys = FoldedHash::default();
        let mut korean = true;
        let mut weight = 0.0;
        for (end, t) in tokens.iter().enumerate().skip(start).take(MAX_RUN) {
            if t.class == TokenClass::LegalForm {
                break;
            }
            text.feed(&t.text);
            keys.feed(&t.key);
            korean &= t.korean;
            weight += t.weight;
            spans.push(Span {
                range: (start, end + 1),
                text: text.finish(),
                keys: korean.then(|| keys.finish()),
                weight,
            });
        }
    }
    spans.into_boxed_slice()
}

/// FxHash of a string fed in pieces, with doubled letters folded across the pieces.
#[derive(Default, Clone)]
struct FoldedHash {
    hasher: FxHasher,
    last: Option<char>,
}

impl FoldedHash {
    fn feed(&mut self, piece: &str) {
        for c in piece.chars() {
            if self.last != Some(c) {
                self.hasher.write_u32(c as u32);
                self.last = Some(c);
            }
        }
    }

    fn finish(&self) -> u64 {
        self.hasher.finish()
    }
}
