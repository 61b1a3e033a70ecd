//! Whole-word, plural-aware keyword matching of cargo descriptions.
//!
//! Descriptions and keywords are cut into the same normalized, singularized words and a keyword
//! matches only as a run of whole words, never inside a longer word: `cod` is not in `code` or
//! `codfish`, `fish` is not in `fishing rod`. The trade-off is recall (compound spellings such as
//! `codfish` need their own keyword row) for precision, because a keyword hit is shown to a
//! compliance officer as evidence and must be explainable by the words on the manifest.

use std::collections::HashMap;

use unicode_normalization::UnicodeNormalization;

use crate::indicators::sector::Sector;

/// Shortest word the plural rule shortens (`gas` and `bus` stay as they are).
const MIN_PLURAL_LEN: usize = 4;

/// One keyword row: the text as written in `keywords.csv`, its words, its sector.
#[derive(Debug)]
pub(super) struct Keyword {
    pub text: String,
    pub words: Vec<String>,
    pub sector: Sector,
}

/// Keywords indexed by their first word.
#[derive(Debug, Default)]
pub(super) struct KeywordIndex {
    keywords: Vec<Keyword>,
    by_first_word: HashMap<String, Vec<usize>>,
}

impl KeywordIndex {
    /// Add a keyword; returns false when it has no words.
    pub(super) fn add(&mut self, text: &str, sector: Sector) -> bool {
        let words = words(text);
        let Some(first) = words.first().cloned() else {
            return false;
        };
        // `shoe` and `shoes` have the same words: the first row (the singular) stands for both.
        let known = self.by_first_word.get(&first).is_some_and(|slot| {
            slot.iter()
                .any(|&i| self.keywords[i].words == words && self.keywords[i].sector == sector)
        });
        if known {
            return true;
        }
        let index = self.keywords.len();
        self.keywords.push(Keyword {
            text: text.to_owned(),
            words,
            sector,
        });
        let slot = self.by_first_word.entry(first).or_default();
        slot.push(index);
        // Longest phrase first, so `snow crab` is reported rather than `crab`.
        let keywords = &self.keywords;
        slot.sort_by_key(|&i| std::cmp::Reverse(keywords[i].words.len()));
        true
    }

    /// Keywords found in `description`, in order of appearance, longest phrase first at each
    /// position.
    pub(super) fn find(&self, description: &str) -> Vec<&Keyword> {
        let text = words(description);
        let mut found = Vec::new();
        for start in 0..text.len() {
            let Some(candidates) = self.by_first_word.get(&text[start]) else {
                continue;
            };
            for &i in candidates {
                let keyword = &self.keywords[i];
                let end = start + keyword.words.len();
                if text.get(start..end) == Some(keyword.words.as_slice()) {
                    found.push(keyword);
                }
            }
        }
        found
    }
}

/// Lower-case, singularized words of letters and digits (`T-SHIRTS` -> `t`, `shirt`).
pub(super) fn words(text: &str) -> Vec<String> {
    let folded: String = text
        .nfkc()
        .flat_map(char::to_lowercase)
        .map(|c| if c.is_alphanumeric() { c } else { ' ' })
        .collect();
    folded.split_whitespace().map(singular).collect()
}

/// English plural to singular, conservatively: `dresses` -> `dress`, `eyelashes` -> `eyelash`,
/// `boxes` -> `box`, `shoes` -> `shoe`, `crabs` -> `crab`; `dress` and short words stay.
fn singular(word: &str) -> String {
    if word.chars().count() < MIN_PLURAL_LEN || !word.ends_with('s') || word.ends_with("ss") {
        return word.to_owned();
    }
    let sibilant_es = ["sses", "shes", "ches", "xes", "zes"];
    if sibilant_es.iter().any(|end| word.ends_with(end)) {
        return word[..word.len() - 2].to_owned();
    }
    word[..word.len() - 1].to_owned()
}

#[cfg(test)]
mod tests {
    use super::{words, KeywordIndex};
    use crate::indicators::Sector;

    #[test]
    fn plurals_and_punctuation_reduce_to_the_same_words() {
        assert_eq!(words("T-SHIRTS"), ["t", "shirt"]);
        assert_eq!(
            words("Dresses, eyelashes & boxes"),
            ["dress", "eyelash", "box"]
        );
        assert_eq!(
            words("shoes crabs dress gas"),
            ["shoe", "crab", "dress", "gas"]
        );
    }

    #[test]
    fn the_longest_phrase_at_a_position_comes_first() {
        let mut index = KeywordIndex::default();
        assert!(index.add("crab", Sector::Seafood));
        assert!(index.add("snow crab", Sector::Seafood));
        assert!(!index.add(" - ", Sector::Seafood));
        let found: Vec<&str> = index
            .find("FROZEN SNOW CRABS")
            .iter()
            .map(|k| k.text.as_str())
            .collect();
        assert_eq!(found, ["snow crab", "crab"]);
    }
}
