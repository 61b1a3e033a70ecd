//! Hangul syllables to Latin, by Unicode syllable arithmetic (our own code: the only crate that
//! does this is GPL-licensed).
//!
//! A precomposed syllable `S` in U+AC00..=U+D7A3 is `0xAC00 + (L * 21 + V) * 28 + T` with
//! L = initial consonant, V = vowel, T = final consonant (0 = none). Each syllable becomes one
//! Latin token in Revised Romanization without sound-change rules (a syllable-by-syllable
//! transliteration), because the romanization keys in [`super::korean`] compare syllables, not
//! pronunciations: `김정은` becomes `gim jeong eun`, which keys to the same syllables as the
//! McCune-Reischauer `Kim Jong Un`.

const SYLLABLE_BASE: u32 = 0xAC00;
const SYLLABLE_LAST: u32 = 0xD7A3;
const VOWELS_TIMES_FINALS: u32 = 21 * 28;
const FINALS: u32 = 28;

const INITIALS: [&str; 19] = [
    "g", "kk", "n", "d", "tt", "r", "m", "b", "pp", "s", "ss", "", "j", "jj", "ch", "k", "t", "p",
    "h",
];
const VOWELS: [&str; 21] = [
    "a", "ae", "ya", "yae", "eo", "e", "yeo", "ye", "o", "wa", "wae", "oe", "yo", "u", "wo", "we",
    "wi", "yu", "eu", "ui", "i",
];
const FINAL_CONSONANTS: [&str; 28] = [
    "", "k", "k", "k", "n", "n", "n", "t", "l", "k", "m", "l", "l", "l", "p", "l", "m", "p", "p",
    "t", "t", "ng", "t", "t", "k", "t", "p", "t",
];

/// True for a precomposed Hangul syllable.
pub fn is_syllable(c: char) -> bool {
    (SYLLABLE_BASE..=SYLLABLE_LAST).contains(&(c as u32))
}

/// The Latin transliteration of one precomposed syllable, or `None` for any other character.
pub fn romanize_syllable(c: char) -> Option<String> {
    if !is_syllable(c) {
        return None;
    }
    let index = c as u32 - SYLLABLE_BASE;
    let initial = (index / VOWELS_TIMES_FINALS) as usize;
    let vowel = ((index % VOWELS_TIMES_FINALS) / FINALS) as usize;
    let last = (index % FINALS) as usize;
    let mut out = String::with_capacity(6);
    out.push_str(INITIALS[initial]);
    out.push_str(VOWELS[vowel]);
    out.push_str(FINAL_CONSONANTS[last]);
    Some(out)
}

/// Replaces every Hangul syllable with its transliteration surrounded by spaces, so that each
/// syllable becomes its own token; other characters pass through unchanged.
pub fn romanize_text(text: &str) -> std::borrow::Cow<'_, str> {
    if !text.chars().any(is_syllable) {
        return std::borrow::Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len() * 2);
    for c in text.chars() {
        match romanize_syllable(c) {
            Some(latin) => {
                out.push(' ');
                out.push_str(&latin);
                out.push(' ');
            }
            None => out.push(c),
        }
    }
    std::borrow::Cow::Owned(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn syllable_arithmetic_gives_initial_vowel_and_final() {
        assert_eq!(romanize_syllable('김').as_deref(), Some("gim"));
        assert_eq!(romanize_syllable('정').as_deref(), Some("jeong"));
        assert_eq!(romanize_syllable('은').as_deref(), Some("eun"));
        assert_eq!(romanize_syllable('일').as_deref(), Some("il"));
        assert_eq!(romanize_syllable('박').as_deref(), Some("bak"));
        assert_eq!(romanize_syllable('리').as_deref(), Some("ri"));
        assert_eq!(romanize_syllable('가').as_deref(), Some("ga"));
        assert_eq!(romanize_syllable('힣').as_deref(), Some("hit"));
    }

    #[test]
    fn non_syllables_are_not_romanized() {
        assert_eq!(romanize_syllable('A'), None);
        assert_eq!(romanize_syllable('ㄱ'), None);
        assert_eq!(romanize_syllable('朝'), None);
    }

    #[test]
    fn each_syllable_becomes_a_token() {
        let text = romanize_text("김정은");
        let tokens: Vec<&str> = text.split_whitespace().collect();
        assert_eq!(tokens, ["gim", "jeong", "eun"]);
    }

    #[test]
    fn text_without_hangul_is_borrowed_unchanged() {
        assert!(matches!(
            romanize_text("Kim Jong Un"),
            std::borrow::Cow::Borrowed(_)
        ));
    }
}
