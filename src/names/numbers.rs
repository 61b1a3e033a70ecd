//! Numbers in organisation and vessel names: `Blackstone Fund IV` is not `Blackstone Fund V`,
//! `Ocean Star 7` is not `Ocean Star 8`. Such names share every word but one short number, which
//! weighs little, so without this rule they would score as one name. When both names carry
//! numbers (digits or roman numerals) and the numbers differ, the score is capped below the
//! match threshold; a number on one side only (`Ocean Star` / `Ocean Star 7`) is not a
//! disagreement.

use super::prepared::Token;

/// Highest score two organisation or vessel names with different numbers can reach.
pub const NUMBER_MISMATCH_CAP: f32 = 0.80;

const ROMAN: &[&str] = &[
    "i", "ii", "iii", "iv", "v", "vi", "vii", "viii", "ix", "x", "xi", "xii", "xiii", "xiv", "xv",
    "xvi", "xvii", "xviii", "xix", "xx",
];

/// The value of a number token: digits, or a roman numeral up to 20.
fn value(token: &Token) -> Option<u64> {
    let text = token.text.as_str();
    if !text.is_empty() && text.bytes().all(|b| b.is_ascii_digit()) {
        return text.parse().ok();
    }
    if text.len() > 5 || !text.bytes().all(|b| matches!(b, b'i' | b'v' | b'x')) {
        return None;
    }
    ROMAN.iter().position(|r| *r == text).map(|i| i as u64 + 1)
}

/// True when both names carry numbers and they are not the same numbers.
pub fn disagree(ta: &[Token], tb: &[Token]) -> bool {
    if !ta.iter().any(|t| value(t).is_some()) || !tb.iter().any(|t| value(t).is_some()) {
        return false;
    }
    let numbers = |tokens: &[Token]| {
        let mut v: Vec<u64> = tokens.iter().filter_map(value).collect();
        v.sort_unstable();
        v.dedup();
        v
    };
    let (a, b) = (numbers(ta), numbers(tb));
    !a.is_empty() && !b.is_empty() && a != b
}
