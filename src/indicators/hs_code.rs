//! HS/HTS codes as manifests write them: [`normalize_hs`] for a code field, [`find_hs_in_text`]
//! for a code quoted inside a cargo description.
//!
//! A code is kept as its digits only (2 to 10, even length: chapter, heading, HS-6 subheading,
//! US 8-digit and 10-digit statistical lines), so every consumer matches by prefix on one form.
//! Real AMS data writes codes with dots, spaces, as floats (`8451.0`) and, when a spreadsheet
//! read the column as a number, without the leading zero of chapters 01-09 (`030749` -> `30749`).
//! The odd-length rule below restores that zero. Its ambiguity is accepted knowingly: `30743`
//! could also be a truncated `307430` or a typo; the value alone cannot tell, and the lost-zero
//! reading is the documented AMS quirk, so it wins. A float suffix is only `.0` exactly (how a
//! number prints), so a real subheading such as `0501.00` keeps its digits.
//! In free text only numbers after an HS/HTS marker count: a bare number in a description is a
//! quantity, weight or order number far more often than a tariff code.

use serde::{Deserialize, Serialize};
use unicode_normalization::UnicodeNormalization;

/// Fewest digits a code field may carry before padding (a chapter that lost its zero, `3`, is
/// indistinguishable from a quantity, so one digit is rejected).
const MIN_RAW_DIGITS: usize = 2;

/// Most digits an HTS code has (10-digit statistical reporting number).
const MAX_DIGITS: usize = 10;

/// Fewest digits a code quoted in free text must have (a heading): `HS 12 PCS` is no code.
const MIN_TEXT_DIGITS: usize = 4;

/// Digits after which [`find_hs_in_text`] stops joining space-separated groups: an HS-6
/// subheading is complete, and further groups are more likely quantities (`7321 11 500 PCS`).
const TEXT_JOIN_LIMIT: usize = 6;

/// An HS or HTS code: 2 to 10 digits, even length, as produced by [`normalize_hs`].
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub struct HsCode {
    /// The digits only, e.g. `0307430050`.
    pub digits: String,
}

impl HsCode {
    /// The two-digit chapter.
    pub fn chapter(&self) -> &str {
        self.digits.get(..2).unwrap_or(&self.digits)
    }

    /// The digits as a string slice.
    pub fn as_str(&self) -> &str {
        &self.digits
    }

    /// True when this code is `prefix` or lies under it (`030743` starts with `03`).
    pub fn starts_with(&self, prefix: &str) -> bool {
        self.digits.starts_with(prefix)
    }
}

impl std::fmt::Display for HsCode {
    /// Dotted HTS style: `0307`, `0307.43`, `0307.43.00`, `0307.43.00.50`.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let d = &self.digits;
        let mut start = 0;
        for (i, end) in [4, 6, 8, 10].into_iter().enumerate() {
            if d.len() <= start {
                break;
            }
            if i > 0 {
                f.write_str(".")?;
            }
            f.write_str(&d[start..end.min(d.len())])?;
            start = end;
        }
        Ok(())
    }
}

/// Normalize a code field: accepts `0307.43.0050`, `030743`, `0307 43`, `HS 0307.43`, the
/// float-typed `30743.0` and the zero-stripped `30743` (odd lengths get a leading `0`). Returns
/// `None` for text that is not exactly one code (`N/A`, `TBD`, two codes, letters).
pub fn normalize_hs(raw: &str) -> Option<HsCode> {
    let text: String = raw.nfkc().collect::<String>().to_ascii_uppercase();
    let text = strip_marker(text.trim()).trim();
    let text = strip_float_suffix(text);
    if text.is_empty() || !text.starts_with(|c: char| c.is_ascii_digit()) {
        return None;
    }
    if !text
        .chars()
        .all(|c| c.is_ascii_digit() || matches!(c, '.' | ' ' | '-'))
    {
        return None;
    }
    let digits: String = text.chars().filter(char::is_ascii_digit).collect();
    from_digits(&digits)
}

/// The first HS/HTS code quoted in free text after an `HS`, `HTS`, `H.S.` or `HTSUS` marker
/// (optionally followed by `CODE`, `NO`, `:` or `#`), e.g. `JAM FLASKS HS CODE   20079939`,
/// `H.S.CODE: 7321 11`. Numbers without a marker are never taken for codes.
pub fn find_hs_in_text(text: &str) -> Option<HsCode> {
    let upper: Vec<char> = text.nfkc().flat_map(char::to_uppercase).collect();
    let mut i = 0;
    while i < upper.len() {
        if is_word_start(&upper, i) {
            if let Some(after) = match_marker(&upper, i) {
                if let Some(code) = code_after_marker(&upper, after) {
                    return Some(code);
                }
            }
        }
        i += 1;
    }
    None
}

/// Build a code from bare digits: pad odd lengths with a leading zero, check 2..=10 digits and
/// a real chapter (`00` is none).
fn from_digits(digits: &str) -> Option<HsCode> {
    if digits.len() < MIN_RAW_DIGITS || digits.len() > MAX_DIGITS {
        return None;
    }
    let digits = if digits.len() % 2 == 1 {
        format!("0{digits}")
    } else {
        digits.to_owned()
    };
    if digits.starts_with("00") {
        return None;
    }
    Some(HsCode { digits })
}

/// Markers recognised before a code, longest first so `HTSUS` is not read as `HTS` + `US`.
const MARKERS: [&str; 6] = ["HTSUS", "H.T.S.", "HTS", "H.S.", "H.S", "HS"];

/// Words that may sit between a marker and the code.
const FILLER_WORDS: [&str; 4] = ["CODE", "NUMBER", "NO", "NR"];

/// A field value may repeat the marker (`HS 0307.43`, `HTS CODE: 030743`): drop it.
fn strip_marker(text: &str) -> &str {
    let chars: Vec<char> = text.chars().collect();
    match match_marker(&chars, 0) {
        Some(after) => {
            let after = skip_filler(&chars, after);
            let byte = chars[..after].iter().map(|c| c.len_utf8()).sum::<usize>();
            &text[byte..]
        }
        None => text,
    }
}

/// `30743.0` (a code read as a float) -> `30743`; any other dotted form is kept.
fn strip_float_suffix(text: &str) -> &str {
    match text.split_once('.') {
        Some((int, "0")) if !int.is_empty() && int.chars().all(|c| c.is_ascii_digit()) => int,
        _ => text,
    }
}

fn is_word_start(chars: &[char], i: usize) -> bool {
    i == 0 || !chars[i - 1].is_alphanumeric()
}

/// If a marker starts at `i` and ends at a word boundary (or runs into `CODE` or a digit),
/// the index just after it.
fn match_marker(chars: &[char], i: usize) -> Option<usize> {
    MARKERS.iter().find_map(|marker| {
        let len = marker.chars().count();
        let candidate = chars.get(i..i + len)?;
        if !candidate.iter().copied().eq(marker.chars()) {
            return None;
        }
        let end = i + len;
        let boundary = match chars.get(end) {
            None => true,
            Some(c) if !c.is_alphabetic() => true,
            Some(_) => starts_with_word(chars, end, "CODE"),
        };
        boundary.then_some(end)
    })
}

fn starts_with_word(chars: &[char], i: usize, word: &str) -> bool {
    let len = word.chars().count();
    chars
        .get(i..i + len)
        .is_some_and(|s| s.iter().copied().eq(word.chars()))
        && chars.get(i + len).is_none_or(|c| !c.is_alphabetic())
}

/// Skip separators and filler words after a marker.
fn skip_filler(chars: &[char], mut i: usize) -> usize {
    loop {
        while chars
            .get(i)
            .is_some_and(|c| c.is_whitespace() || matches!(c, ':' | '#' | '-' | '.' | '=' | '/'))
        {
            i += 1;
        }
        match FILLER_WORDS.iter().find(|w| starts_with_word(chars, i, w)) {
            Some(word) => i += word.len(),
            None => return i,
        }
    }
}

/// The code right after a marker: a dotted digit run, then space-separated digit groups while
/// the code is shorter than an HS-6 subheading and stays even-length.
fn code_after_marker(chars: &[char], after_marker: usize) -> Option<HsCode> {
    let mut i = skip_filler(chars, after_marker);
    let mut digits = String::new();
    while let Some(&c) = chars.get(i) {
        if c.is_ascii_digit() {
            digits.push(c);
        } else if !(c == '.' && chars.get(i + 1).is_some_and(char::is_ascii_digit)) {
            break;
        }
        i += 1;
    }
    if digits.is_empty() {
        return None;
    }
    while digits.len() < TEXT_JOIN_LIMIT && chars.get(i) == Some(&' ') {
        let group: String = chars[i + 1..]
            .iter()
            .take_while(|c| c.is_ascii_digit())
            .collect();
        let end = i + 1 + group.len();
        let ends_word = chars.get(end).is_none_or(|c| !c.is_alphanumeric());
        let joined = digits.len() + group.len();
        if group.is_empty() || !ends_word || joined > TEXT_JOIN_LIMIT || joined % 2 == 1 {
            break;
        }
        digits.push_str(&group);
        i = end;
    }
    if digits.len() < MIN_TEXT_DIGITS || chars.get(i).is_some_and(|c| c.is_alphabetic()) {
        return None;
    }
    from_digits(&digits)
}

#[cfg(test)]
#[path = "hs_code_tests.rs"]
mod tests;
