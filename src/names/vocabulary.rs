//! What words mean in a name: legal forms (equivalent to each other and nearly weightless),
//! abbreviations expanded to the word they stand for, `Choson`/`Chosun`/`Joseon` read as `korea`
//! (in DPRK organisation names the word is the country's name), and minor words (articles,
//! name particles) that carry little identity.
//!
//! A fixed vocabulary, not learned weights: these equivalences are conventions of company and
//! personal names, and they must hold even for a word the watchlist has never seen.

use std::sync::OnceLock;

use rustc_hash::FxHashMap;

use super::{generic_words, legal_forms, transliteration};

/// How a token counts when two names are compared.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TokenClass {
    /// An ordinary word; its weight comes from how rare it is in the watchlist.
    Word,
    /// A legal form (Co, Corp, Ltd, LLC ...): matches any other legal form, weighs almost nothing.
    LegalForm,
    /// An article, conjunction or name particle (of, the, and, al, bin ...): weighs little.
    Minor,
}

/// Fixed phrases that are not legal forms, rewritten to one token.
const FIXED_PHRASES: &[(&[&str], &str)] = &[(&["joint", "venture"], "jv")];

/// Abbreviations common in trade documents and OFAC entries, expanded.
const ABBREVIATIONS: &[(&str, &str)] = &[
    ("intl", "international"),
    ("int", "international"),
    ("devt", "development"),
    ("dev", "development"),
    ("dvpt", "development"),
    ("trdg", "trading"),
    ("trd", "trading"),
    ("shpg", "shipping"),
    ("mfg", "manufacturing"),
    ("mfr", "manufacturer"),
    ("ind", "industrial"),
    ("inds", "industrial"),
    ("industry", "industrial"),
    ("industries", "industrial"),
    ("grp", "group"),
    ("gen", "general"),
    ("genl", "general"),
    ("natl", "national"),
    ("assn", "association"),
    ("engg", "engineering"),
    ("eng", "engineering"),
    ("tech", "technology"),
    ("technologies", "technology"),
    ("mgmt", "management"),
    ("svc", "services"),
    ("svcs", "services"),
    ("service", "services"),
    ("hldg", "holdings"),
    ("hldgs", "holdings"),
    ("holding", "holdings"),
    ("invt", "investment"),
    ("prod", "products"),
    ("product", "products"),
    ("enterprises", "enterprise"),
    ("ent", "enterprise"),
    ("bros", "brothers"),
    ("dept", "department"),
    ("foods", "food"),
    ("foodstuff", "food"),
    ("foodstuffs", "food"),
    ("seafoods", "seafood"),
    ("intern", "international"),
    // In DPRK organisation names these are the country's own name for itself.
    ("choson", "korea"),
    ("chosun", "korea"),
    ("joseon", "korea"),
    ("chosen", "korea"),
    ("korean", "korea"),
];

/// Words that carry little identity: articles, conjunctions, particles of personal names, and
/// the roman numerals of ship and generation names.
/// Deliberately absent: `do`, `da`, `le`, `e`, `y`, which are also Korean or Vietnamese surnames.
const MINOR_WORDS: &[&str] = &[
    "the", "of", "and", "for", "de", "del", "la", "les", "el", "al", "bin", "ben", "ibn", "bint",
    "abu", "das", "dos", "du", "des", "van", "von", "der", "den", "et", "und", "ii", "iii", "iv",
];

/// Phrases by their first folded word: (the folded words, the token they become), longest
/// first.
type PhraseTable = FxHashMap<String, Vec<(Vec<String>, &'static str)>>;

fn phrases() -> &'static PhraseTable {
    static PHRASES: OnceLock<PhraseTable> = OnceLock::new();
    PHRASES.get_or_init(|| {
        let mut by_first: PhraseTable = FxHashMap::default();
        for (words, token) in legal_forms::PHRASES.iter().chain(FIXED_PHRASES) {
            let folded: Vec<String> = words.iter().map(|w| transliteration::fold(w)).collect();
            by_first
                .entry(folded[0].clone())
                .or_default()
                .push((folded, token));
        }
        for list in by_first.values_mut() {
            list.sort_by_key(|(words, _)| std::cmp::Reverse(words.len()));
        }
        by_first
    })
}

/// Rewrites multi-word phrases (legal forms written out, `joint venture`) into one token, in
/// place. Words are compared folded, so transliteration variants of a phrase match.
pub fn fold_phrases(words: &mut Vec<String>) {
    let table = phrases();
    let folded: Vec<String> = words.iter().map(|w| transliteration::fold(w)).collect();
    let mut out: Vec<String> = Vec::with_capacity(words.len());
    let mut i = 0;
    while i < words.len() {
        let hit = table.get(&folded[i]).and_then(|list| {
            list.iter()
                .find(|(phrase, _)| folded[i..].starts_with(phrase))
        });
        match hit {
            Some((phrase, token)) => {
                out.push(token.to_string());
                i += phrase.len();
            }
            None => {
                out.push(std::mem::take(&mut words[i]));
                i += 1;
            }
        }
    }
    *words = out;
}

/// The vocabulary as one lookup table: word -> (canonical spelling, class).
fn table() -> &'static FxHashMap<&'static str, (&'static str, TokenClass)> {
    static TABLE: OnceLock<FxHashMap<&'static str, (&'static str, TokenClass)>> = OnceLock::new();
    TABLE.get_or_init(|| {
        let mut table = FxHashMap::default();
        for word in MINOR_WORDS {
            table.insert(*word, (*word, TokenClass::Minor));
        }
        for (abbreviation, full) in ABBREVIATIONS {
            let class = if MINOR_WORDS.contains(full) {
                TokenClass::Minor
            } else {
                TokenClass::Word
            };
            table.insert(*abbreviation, (*full, class));
        }
        for (canonical, forms) in generic_words::INFLECTIONS {
            for form in *forms {
                table.entry(*form).or_insert((*canonical, TokenClass::Word));
            }
        }
        for (form, canonical) in legal_forms::FORMS {
            table.insert(*form, (*canonical, TokenClass::LegalForm));
        }
        table
    })
}

/// The canonical spelling of a word and its class.
pub fn classify(word: &str) -> (String, TokenClass) {
    match table().get(word) {
        Some((canonical, class)) => (canonical.to_string(), *class),
        None => (word.to_string(), TokenClass::Word),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(s: &str) -> Vec<String> {
        let mut w: Vec<String> = s.split(' ').map(str::to_owned).collect();
        fold_phrases(&mut w);
        w
    }

    #[test]
    fn legal_forms_have_one_canonical_spelling_each() {
        assert_eq!(
            classify("corporation"),
            ("corp".into(), TokenClass::LegalForm)
        );
        assert_eq!(classify("corp"), ("corp".into(), TokenClass::LegalForm));
        assert_eq!(classify("limited").0, classify("ltd").0);
        assert_eq!(classify("ooo").0, classify("llc").0);
        assert_eq!(classify("company").0, classify("co").0);
    }

    #[test]
    fn ordinary_words_are_not_legal_forms() {
        assert_eq!(classify("trading").1, TokenClass::Word);
        assert_eq!(classify("korea").1, TokenClass::Word);
        assert_eq!(classify("ryonbong").1, TokenClass::Word);
    }

    #[test]
    fn abbreviations_expand() {
        assert_eq!(classify("devt").0, "development");
        assert_eq!(classify("trdg").0, "trading");
        assert_eq!(classify("shpg").0, "shipping");
        assert_eq!(classify("intl").0, "international");
    }

    #[test]
    fn choson_chosun_joseon_mean_korea() {
        for w in ["choson", "chosun", "joseon"] {
            assert_eq!(classify(w), ("korea".into(), TokenClass::Word));
        }
    }

    #[test]
    fn phrases_fold_into_one_token() {
        assert_eq!(words("korea expo joint venture"), ["korea", "expo", "jv"]);
        assert_eq!(words("alis limited liability company"), ["alis", "llc"]);
        assert_eq!(words("joint effort"), ["joint", "effort"]);
    }

    #[test]
    fn particles_are_minor() {
        assert_eq!(classify("al").1, TokenClass::Minor);
        assert_eq!(classify("bin").1, TokenClass::Minor);
        assert_eq!(classify("hassan").1, TokenClass::Word);
    }
}
