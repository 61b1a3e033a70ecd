//! [`name_key`]: the comparison key for country and port names.
//!
//! Names are compared as whole keys, never by substring: `Korea` must not be found inside
//! `Korea, Republic of`. The key therefore only removes differences that never change which
//! place is meant: Unicode compatibility forms (NFKC), case, Latin diacritics, apostrophe style
//! (`PEOPLE’S` = `People's` = `Peoples`), punctuation, the article `the`, `&` vs `and`, and dots
//! inside initialisms (`D.P.R.K.` = `DPRK`, `U.S.A.` = `USA`). The trade-off: anything beyond
//! that (word order, abbreviations like `Dem. Rep.`, `Is` for `Islands`) needs a curated variant
//! row rather than a clever rule, because a clever rule is exactly how `South Korea` ends up
//! equal to something North Korean.

use unicode_normalization::char::is_combining_mark;
use unicode_normalization::UnicodeNormalization;

/// Apostrophe look-alikes deleted before anything else (so `People’s` and `Peoples` agree, and
/// the spacing acute accent is not split into a space and a combining mark by NFKD).
const APOSTROPHES: [char; 9] = [
    '\'', '\u{2019}', '\u{2018}', '\u{02BC}', '\u{02BB}', '\u{02B9}', '`', '\u{00B4}', '\u{FF07}',
];

/// Articles dropped from keys: `Congo (the)` and `the Congo` name the same country as `Congo`.
const DROPPED_WORDS: [&str; 1] = ["the"];

/// The comparison key of a place name: lower-case words of letters and digits separated by one
/// space. Empty when the input has no letters or digits.
pub(crate) fn name_key(raw: &str) -> String {
    let without_apostrophes: String = raw.chars().filter(|c| !APOSTROPHES.contains(c)).collect();
    let folded: String = without_apostrophes
        .nfkd()
        .filter(|c| !is_combining_mark(*c))
        .nfc()
        .flat_map(char::to_lowercase)
        .map(|c| if c == '&' { '+' } else { c })
        .collect();
    let spaced: String = folded
        .chars()
        .map(|c| {
            if c.is_alphanumeric() || c == '+' {
                c
            } else {
                ' '
            }
        })
        .collect();
    let words = spaced
        .split_whitespace()
        .flat_map(|w| split_plus(w))
        .filter(|w| !DROPPED_WORDS.contains(w));
    join_initialisms(words)
}

/// `&` (kept as `+` above) becomes the word `and`, also when written without spaces (`B&H`).
fn split_plus(word: &str) -> Vec<&str> {
    if !word.contains('+') {
        return vec![word];
    }
    let mut out = Vec::new();
    for (i, part) in word.split('+').enumerate() {
        if i > 0 {
            out.push("and");
        }
        if !part.is_empty() {
            out.push(part);
        }
    }
    out
}

/// Runs of single ASCII letters are initialisms written with dots or spaces: join them
/// (`d p r k` -> `dprk`), so `D.P.R.K.`, `D P R K` and `DPRK` share one key.
fn join_initialisms<'a>(words: impl Iterator<Item = &'a str>) -> String {
    let mut out: Vec<String> = Vec::new();
    let mut run = String::new();
    for word in words {
        if word.len() == 1 && word.chars().all(|c| c.is_ascii_alphabetic()) {
            run.push_str(word);
            continue;
        }
        if !run.is_empty() {
            out.push(std::mem::take(&mut run));
        }
        out.push(word.to_owned());
    }
    if !run.is_empty() {
        out.push(run);
    }
    out.join(" ")
}

#[cfg(test)]
mod tests {
    use super::name_key;

    #[test]
    fn curly_and_straight_apostrophes_give_the_same_key() {
        assert_eq!(
            name_key("KOREA (THE DEMOCRATIC PEOPLE’S REPUBLIC OF)"),
            name_key("Korea, Democratic People's Republic of")
        );
    }

    #[test]
    fn initialisms_with_dots_equal_the_plain_abbreviation() {
        assert_eq!(name_key("D.P.R.K."), "dprk");
        assert_eq!(name_key("U.S.A."), name_key("USA"));
        assert_eq!(name_key("P.R. China"), "pr china");
    }

    #[test]
    fn diacritics_and_compatibility_forms_are_folded() {
        assert_eq!(name_key("Chosŏn"), "choson");
        assert_eq!(name_key("ＫＯＲＥＡ"), "korea");
        assert_eq!(name_key("Côte d’Ivoire"), "cote divoire");
    }

    #[test]
    fn hangul_and_chinese_survive_normalization() {
        assert_eq!(name_key("북한"), "북한");
        assert_eq!(name_key(" 朝鲜 "), "朝鲜");
    }

    #[test]
    fn ampersand_means_and_and_the_article_is_dropped() {
        assert_eq!(
            name_key("Bosnia & Herzegovina"),
            name_key("Bosnia and Herzegovina")
        );
        assert_eq!(name_key("Congo (the)"), "congo");
    }

    #[test]
    fn words_are_never_merged_or_shortened() {
        assert_eq!(name_key("Korea, Republic of"), "korea republic of");
        assert_ne!(name_key("Korea"), name_key("Korea, Republic of"));
    }

    #[test]
    fn text_without_letters_or_digits_has_an_empty_key() {
        assert_eq!(name_key(" (-) ,. "), "");
    }
}
