//! [`PreparedName`]: a name turned once into the tokens the scorer compares, each with its
//! canonical text, its romanization key, its class and its weight. Watchlist names are prepared
//! when the knowledge base loads; a query is prepared once however many candidates it meets.

use std::cell::RefCell;

use rustc_hash::FxHashMap;

use super::derived::Derived;
use super::kind::NameKind;
use super::korean;
use super::normalize;
use super::spans::{self, Span};
use super::transliteration;
use super::vocabulary::{self, TokenClass};
use super::weights::TokenWeights;

#[derive(Debug, Clone, PartialEq)]
pub struct Token {
    /// Canonical text (abbreviations expanded, legal forms canonical).
    pub text: String,
    /// What equality is judged on: the Korean romanization key when the token can be romanized
    /// Korean, else the text with transliteration variants folded.
    pub key: String,
    pub korean: bool,
    /// Written without short vowels, as a word transliterated from Arabic script reads
    /// ([`transliteration::is_vowel_sparse`]).
    pub sparse: bool,
    pub class: TokenClass,
    pub weight: f32,
    /// The folded Latin spelling of a romanized Korean word, worked out on first use
    /// ([`Token::latin`]).
    latin: Derived<String>,
}

impl Token {
    /// The folded Latin spelling, whichever key the token is compared by (a romanized Korean
    /// word's key folds Korean spellings, not transliteration systems).
    pub fn latin(&self) -> &str {
        if self.korean {
            self.latin.get(|| transliteration::fold(&self.text))
        } else {
            &self.key
        }
    }
}

#[derive(Debug, Clone, PartialEq, Default)]
pub struct PreparedName {
    pub tokens: Vec<Token>,
    /// How many leading tokens are surnames, when the name says so (`SURNAME, Given Names`, the
    /// way OFAC writes people); 0 when it does not.
    pub surnames: usize,
    /// The name was written in Chinese characters, whose readings are homophones of many other
    /// characters: its Latin reading can only say that the names may be the same.
    pub logographic: bool,
    /// Runs of neighbouring tokens, computed on first use ([`PreparedName::spans`]).
    spans: Derived<Box<[Span]>>,
}

impl PreparedName {
    /// The token keys joined by spaces: equal for two spellings of the same name.
    pub fn canonical(&self) -> String {
        let keys: Vec<&str> = self.tokens.iter().map(|t| t.key.as_str()).collect();
        keys.join(" ")
    }

    /// Every run of 1..=[`super::spans::MAX_RUN`] neighbouring tokens that are not legal forms.
    pub fn spans(&self) -> &[Span] {
        self.spans.get(|| spans::spans(&self.tokens))
    }

    pub fn total_weight(&self) -> f32 {
        self.tokens.iter().map(|t| t.weight).sum()
    }

    pub fn is_empty(&self) -> bool {
        self.tokens.is_empty()
    }
}

/// The canonical words of a name with their class, before weighting (used to count document
/// frequencies and to prepare).
pub fn words(raw: &str, kind: NameKind) -> Vec<(String, TokenClass)> {
    let tokens = match kind {
        NameKind::Person => normalize::words(raw),
        NameKind::Organization | NameKind::Vessel => normalize::tokens(raw),
    };
    words_of(tokens, kind)
}

/// The canonical words of already-normalized tokens (so a query normalized once can be read both
/// as a person's and as an organisation's name).
pub fn words_of(mut tokens: Vec<String>, kind: NameKind) -> Vec<(String, TokenClass)> {
    if kind != NameKind::Person {
        vocabulary::fold_phrases(&mut tokens);
    }
    tokens
        .into_iter()
        .map(|w| {
            let (text, class) = vocabulary::classify(&w);
            match (kind, class) {
                // In a person's name "Sa" or "Co" is a name, not a legal form.
                (NameKind::Person, TokenClass::LegalForm) => (w, TokenClass::Word),
                _ => (text, class),
            }
        })
        .collect()
}

/// Words whose keys a thread remembers before it starts over (watchlist and manifest words
/// repeat, and the syllable grammar is the costliest step of preparing a name).
const KEY_CACHE_CAPACITY: usize = 200_000;

thread_local! {
    static KEY_CACHE: RefCell<FxHashMap<String, (String, bool)>> = RefCell::new(FxHashMap::default());
}

/// The key a canonical word is compared and counted by, and whether it is romanized Korean.
pub fn word_key(text: &str) -> (String, bool) {
    KEY_CACHE.with(|cell| {
        let mut cache = cell.borrow_mut();
        if let Some(hit) = cache.get(text) {
            return hit.clone();
        }
        let computed = if korean::is_plausible(text) {
            (korean::key(text), true)
        } else {
            (transliteration::fold(text), false)
        };
        if cache.len() >= KEY_CACHE_CAPACITY {
            cache.clear();
        }
        cache.insert(text.to_owned(), computed.clone());
        computed
    })
}

/// Prepares `raw` for scoring, with weights from `weights`.
pub fn prepare(raw: &str, kind: NameKind, weights: &TokenWeights) -> PreparedName {
    with_facts(prepare_words(words(raw, kind), weights), raw, kind)
}

/// `name` (prepared from `raw` read as `kind`) with what only the raw text tells: whether it
/// was written in Chinese characters, and, for a person, how many words are surnames.
pub fn with_facts(mut name: PreparedName, raw: &str, kind: NameKind) -> PreparedName {
    name.logographic = raw.chars().any(super::chinese::is_han);
    if kind == NameKind::Person {
        name.surnames = surname_count(raw);
    }
    name
}

/// The number of words before the comma of `SURNAME, Given Names`, else 0.
fn surname_count(raw: &str) -> usize {
    match raw.split_once(',') {
        Some((surname, given)) if !given.contains(',') && !given.trim().is_empty() => {
            normalize::words(surname).len()
        }
        _ => 0,
    }
}

/// Prepares already-read words for scoring.
pub fn prepare_words(words: Vec<(String, TokenClass)>, weights: &TokenWeights) -> PreparedName {
    let tokens = words
        .into_iter()
        .map(|(text, class)| {
            let (key, korean) = word_key(&text);
            let weight = weights.weight(&key, class);
            Token {
                sparse: transliteration::is_vowel_sparse(&text),
                text,
                key,
                korean,
                class,
                weight,
                latin: Derived::default(),
            }
        })
        .collect();
    PreparedName {
        tokens,
        ..PreparedName::default()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn romanization_variants_prepare_to_the_same_canonical_form() {
        let w = TokenWeights::uniform();
        let a = prepare(
            "KOREA RYONBONG GENERAL CORPORATION",
            NameKind::Organization,
            &w,
        );
        let b = prepare("Korea Ryeonbong General Corp.", NameKind::Organization, &w);
        assert_eq!(a.canonical(), b.canonical());
    }

    #[test]
    fn legal_forms_are_words_in_person_names() {
        let w = TokenWeights::uniform();
        let p = prepare("SA, Kyong Il", NameKind::Person, &w);
        assert_eq!(p.tokens[0].class, TokenClass::Word);
        let o = prepare("Congo Aconde SA", NameKind::Organization, &w);
        assert_eq!(o.tokens[2].class, TokenClass::LegalForm);
    }

    #[test]
    fn empty_names_prepare_to_nothing() {
        assert!(prepare(" ,. ", NameKind::Organization, &TokenWeights::uniform()).is_empty());
    }
}
