//! Text normalization shared by every name comparison: other scripts to Latin
//! ([`super::script`]), Unicode NFKD with
//! combining marks dropped (`Chosŏn` -> `choson`), case folding, apostrophe-like marks deleted
//! (`CH'OLHYO'N` -> `cholhyon`, so McCune-Reischauer aspirate marks vanish), every other
//! punctuation mark a token boundary, and runs of single letters joined (`K.P.T.C.` -> `kptc`,
//! `J/V` -> `jv`).
//!
//! Deleting apostrophes (rather than splitting on them) is deliberate: in OFAC's romanized
//! Korean names an apostrophe never separates words.

use unicode_normalization::{char::is_combining_mark, UnicodeNormalization};

use super::script;

/// Characters that mark aspiration or elision in romanized names; deleted, not split on.
fn is_apostrophe(c: char) -> bool {
    matches!(
        c,
        '\'' | '\u{2018}' | '\u{2019}' | '\u{02BC}' | '\u{02BB}' | '`' | '\u{00B4}' | '\u{2032}'
    )
}

/// Normalizes `raw` into lowercase tokens separated by single spaces, runs of initials joined.
pub fn normalize(raw: &str) -> String {
    join_initials(spaced(raw).split_whitespace()).join(" ")
}

/// Lowercase words with every punctuation mark a space (initials not joined).
fn spaced(raw: &str) -> String {
    if raw.is_ascii() {
        // Most manifest names: no other script, nothing to decompose.
        let mut spaced = String::with_capacity(raw.len());
        raw.chars().for_each(|c| push_ascii(&mut spaced, c));
        return spaced;
    }
    spaced_unicode(&script::to_latin(raw))
}

/// Appends an ASCII character as normalized text has it: apostrophes deleted, letters and
/// digits lowercase, anything else a space.
fn push_ascii(spaced: &mut String, c: char) {
    if is_apostrophe(c) {
        return;
    }
    spaced.push(if c.is_ascii_alphanumeric() {
        c.to_ascii_lowercase()
    } else {
        ' '
    });
}

/// The general path: NFKD, marks and apostrophes dropped, lowercase, punctuation to spaces.
fn spaced_unicode(text: &str) -> String {
    let mut spaced = String::with_capacity(text.len());
    for c in text.nfkd() {
        if is_combining_mark(c) || is_apostrophe(c) {
            continue;
        }
        if c.is_alphanumeric() {
            for lower in c.to_lowercase() {
                if lower.is_ascii() {
                    spaced.push(lower);
                } else {
                    // A letter NFKD leaves whole (`ⱥ`, `ø`, `ß`): its Latin reading, so that
                    // normalizing twice changes nothing.
                    let latin = deunicode::deunicode_char(lower).unwrap_or(" ");
                    latin.chars().for_each(|l| push_ascii(&mut spaced, l));
                }
            }
        } else {
            spaced.push(' ');
        }
    }
    spaced
}

/// Splits normalized text into tokens (runs of initials joined: `K.P.T.C.` is one token).
pub fn tokens(raw: &str) -> Vec<String> {
    joined(&words(raw))
}

/// The normalized words of `raw` with initials left apart, as a person's name is read
/// (`J. R. Smith` is two initials and a surname, not the word `jr`).
pub fn words(raw: &str) -> Vec<String> {
    spaced(raw).split_whitespace().map(str::to_owned).collect()
}

/// [`words`] with runs of initials joined, as [`tokens`] returns them.
pub fn joined(words: &[String]) -> Vec<String> {
    join_initials(words.iter().map(String::as_str))
}

/// Joins runs of two or more single-letter tokens into one token (acronyms written with dots or
/// slashes), leaving lone single letters alone.
fn join_initials<'a>(words: impl Iterator<Item = &'a str>) -> Vec<String> {
    let words: Vec<&str> = words.filter(|w| !w.is_empty()).collect();
    let single = |w: &str| {
        let mut chars = w.chars();
        matches!((chars.next(), chars.next()), (Some(c), None) if c.is_alphabetic())
    };
    let mut out = Vec::with_capacity(words.len());
    let mut i = 0;
    while i < words.len() {
        let mut j = i;
        while j < words.len() && single(words[j]) {
            j += 1;
        }
        if j - i >= 2 {
            out.push(words[i..j].concat());
            i = j;
        } else {
            out.push(words[i].to_owned());
            i += 1;
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn apostrophes_are_deleted_not_split() {
        assert_eq!(normalize("CH'OLHYO'N"), "cholhyon");
        assert_eq!(normalize("Ch\u{2019}ŏlhyŏn"), "cholhyon");
    }

    #[test]
    fn diacritics_and_case_are_folded() {
        assert_eq!(normalize("Chosŏn Minjujuŭi"), "choson minjujuui");
        assert_eq!(normalize("ESTÊVÃO"), "estevao");
    }

    #[test]
    fn punctuation_separates_tokens() {
        assert_eq!(normalize("Kim Jong-un"), "kim jong un");
        assert_eq!(normalize("KIM, Jong Un"), "kim jong un");
        assert_eq!(normalize("Co.,Ltd."), "co ltd");
    }

    #[test]
    fn runs_of_initials_become_one_token() {
        assert_eq!(normalize("K.P.T.C."), "kptc");
        assert_eq!(normalize("Korea Expo J/V"), "korea expo jv");
        assert_eq!(normalize("D. P. R. K. Trading"), "dprk trading");
        assert_eq!(normalize("Kim J Un"), "kim j un");
    }

    #[test]
    fn words_keep_initials_apart() {
        assert_eq!(words("J. R. Smith"), ["j", "r", "smith"]);
        assert_eq!(tokens("J. R. Smith"), ["jr", "smith"]);
    }

    #[test]
    fn hangul_becomes_one_token_per_syllable() {
        assert_eq!(normalize("김정은"), "gim jeong eun");
    }

    #[test]
    fn the_ascii_fast_path_agrees_with_the_general_path() {
        for raw in [
            "CH'OLHYO'N Co., Ltd.",
            "K.P.T.C.",
            "Kim Jong-un",
            "  A  B  ",
            "J/V 3",
        ] {
            let general = join_initials(spaced_unicode(raw).split_whitespace()).join(" ");
            assert_eq!(normalize(raw), general, "{raw}");
        }
    }

    #[test]
    fn other_scripts_become_latin() {
        assert_eq!(normalize("ООО «Алис»"), "ooo alis");
        assert!(normalize("حسین موسوی").is_ascii());
        assert_eq!(normalize("  "), "");
    }
}
