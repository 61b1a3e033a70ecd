//! Whether a listed name is distinctive enough for a match on the name alone to carry legal
//! weight. A name match says the party *may be* the listed one; for `Korea Ryonbong General
//! Corporation` that is strong evidence, for `Li Ning` (a common personal name that is also a
//! brand) or `Mokran LLC` it is not, and the line must say "confirm identity first" instead of
//! "prohibited".
//!
//! A name is distinctive when it has at least [`MIN_NAME_WORDS`] name words (legal forms and
//! particles do not count) and enough of them are rare: a word is rare when few listed entries use
//! it ([`RARE_SHARE`] of the entries, at least [`RARE_MIN_NAMES`]) and it is neither a generic
//! trade word nor a place name. Entries are counted, not names: the aliases of one entry, or a
//! family of entries named after one company (Mansudae's subsidiaries), do not make its words
//! common in the world of trade names. People need [`PERSON_RARE_WORDS`] rare words (given names and
//! surnames repeat across lists; a two- or three-syllable Korean name is common by design),
//! organisations and vessels one. Counting is on romanization keys, as the matcher counts.

use rustc_hash::{FxHashMap, FxHashSet};

use crate::names::prepared::{word_key, words};
use crate::names::vocabulary::TokenClass;
use crate::names::{NameKind, WatchName};

/// Fewer name words than this and a name is short, however rare its words.
pub const MIN_NAME_WORDS: usize = 3;
/// A word used by at most this share of the watchlist's names is rare ...
pub const RARE_SHARE: f64 = 0.002;
/// ... or by at most this many entries, whichever is larger.
pub const RARE_MIN_NAMES: u32 = 6;
/// Rare words a person's name needs to stand on its own.
pub const PERSON_RARE_WORDS: usize = 2;

/// Words of trade names that say what a company does, not which company it is.
const GENERIC_WORDS: &[&str] = &[
    "trading",
    "trade",
    "general",
    "industrial",
    "industry",
    "industries",
    "development",
    "import",
    "export",
    "imports",
    "exports",
    "international",
    "global",
    "group",
    "holding",
    "holdings",
    "enterprise",
    "enterprises",
    "company",
    "corporation",
    "foods",
    "food",
    "foodstuff",
    "foodstuffs",
    "seafood",
    "seafoods",
    "aquatic",
    "products",
    "product",
    "marine",
    "fishery",
    "fisheries",
    "garment",
    "garments",
    "textile",
    "textiles",
    "clothing",
    "apparel",
    "sporting",
    "sports",
    "goods",
    "technology",
    "technologies",
    "tech",
    "information",
    "network",
    "electronics",
    "electronic",
    "logistics",
    "shipping",
    "transport",
    "construction",
    "engineering",
    "services",
    "service",
    "supply",
    "manufacturing",
    "factory",
    "works",
    "machinery",
    "materials",
    "resources",
    "mining",
    "metals",
    "steel",
    "chemical",
    "chemicals",
    "bank",
    "banking",
    "finance",
    "investment",
    "commercial",
    "cooperation",
    "joint",
    "venture",
    "overseas",
    "project",
    "projects",
    "new",
    "star",
    "ocean",
    "sea",
    "east",
    "eastern",
    "west",
    "western",
    "north",
    "northern",
    "south",
    "southern",
    "golden",
    "gold",
    "great",
    "united",
    "first",
    "royal",
    "national",
    "state",
    "department",
    "bureau",
    "ministry",
    "office",
    "committee",
    "association",
    "center",
    "centre",
];

/// Place words that appear in many names (countries and the cities of trade names).
const PLACE_WORDS: &[&str] = &[
    "korea",
    "korean",
    "dprk",
    "china",
    "chinese",
    "russia",
    "russian",
    "hong",
    "kong",
    "pyongyang",
    "beijing",
    "shanghai",
    "dandong",
    "dalian",
    "liaoning",
    "shenyang",
    "hunchun",
    "yanbian",
    "donggang",
    "jilin",
    "vladivostok",
    "singapore",
    "dubai",
    "asia",
    "asian",
    "pacific",
];

/// How many watchlist names use each word key.
#[derive(Debug, Default)]
pub struct NameRarity {
    /// Distinct listed entries (owners) counted.
    names: u32,
    frequency: FxHashMap<String, u32>,
    common: FxHashSet<String>,
}

impl NameRarity {
    /// Counts, for each word, the listed entries (owners) whose names use it.
    pub fn build(names: &[WatchName]) -> NameRarity {
        let mut owners_of: FxHashMap<String, FxHashSet<u32>> = FxHashMap::default();
        for name in names {
            for key in name_keys(&name.name, name.kind) {
                owners_of.entry(key).or_default().insert(name.owner);
            }
        }
        let frequency: FxHashMap<String, u32> = owners_of
            .into_iter()
            .map(|(key, owners)| (key, owners.len() as u32))
            .collect();
        let entries: FxHashSet<u32> = names.iter().map(|n| n.owner).collect();
        let common = GENERIC_WORDS
            .iter()
            .chain(PLACE_WORDS)
            .map(|w| word_key(w).0)
            .collect();
        NameRarity {
            names: entries.len() as u32,
            frequency,
            common,
        }
    }

    fn is_rare(&self, key: &str) -> bool {
        if self.common.contains(key) {
            return false;
        }
        let limit = ((f64::from(self.names) * RARE_SHARE) as u32).max(RARE_MIN_NAMES);
        self.frequency.get(key).copied().unwrap_or(0) <= limit
    }

    /// True when a match on `name` alone is evidence enough to reach a legal verdict.
    pub fn is_distinctive(&self, name: &str, kind: NameKind) -> bool {
        let keys = name_keys(name, kind);
        if keys.len() < MIN_NAME_WORDS {
            return false;
        }
        let rare = keys.iter().filter(|k| self.is_rare(k)).count();
        let needed = if kind == NameKind::Person {
            PERSON_RARE_WORDS
        } else {
            1
        };
        rare >= needed
    }
}

/// The keys of a name's words (legal forms and particles left out).
fn name_keys(name: &str, kind: NameKind) -> Vec<String> {
    words(name, kind)
        .into_iter()
        .filter(|(_, class)| *class == TokenClass::Word)
        .map(|(text, _)| word_key(&text).0)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn watch(names: &[(&str, NameKind)]) -> Vec<WatchName> {
        names
            .iter()
            .enumerate()
            .map(|(i, (n, k))| WatchName {
                owner: i as u32,
                name: (*n).to_owned(),
                kind: *k,
                weak: false,
            })
            .collect()
    }

    #[test]
    fn a_full_name_with_a_rare_word_is_distinctive_and_a_short_one_is_not() {
        let list = watch(&[
            ("KOREA RYONBONG GENERAL CORPORATION", NameKind::Organization),
            ("MOKRAN LLC", NameKind::Organization),
            ("Li Ning", NameKind::Organization),
        ]);
        let rarity = NameRarity::build(&list);
        assert!(rarity.is_distinctive("KOREA RYONBONG GENERAL CORPORATION", NameKind::Organization));
        assert!(!rarity.is_distinctive("MOKRAN LLC", NameKind::Organization));
        assert!(!rarity.is_distinctive("Li Ning", NameKind::Organization));
        // Aliases of one entry count once: the entry's words stay rare.
        let mut aliases = list.clone();
        for n in 0..10 {
            aliases.push(WatchName {
                owner: 0,
                name: format!("RYONBONG ALIAS {n}"),
                kind: NameKind::Organization,
                weak: false,
            });
        }
        assert!(NameRarity::build(&aliases)
            .is_distinctive("KOREA RYONBONG GENERAL CORPORATION", NameKind::Organization));
        // Three words, all generic or places: nothing says which company it is.
        assert!(!rarity.is_distinctive("Korea General Trading", NameKind::Organization));
    }

    #[test]
    fn a_person_needs_two_rare_name_words() {
        let mut names: Vec<(String, NameKind)> = (0..2000)
            .map(|i| (format!("KIM, Chol {i}"), NameKind::Person))
            .collect();
        names.push(("PAK, Hwa Song".to_owned(), NameKind::Person));
        let list: Vec<WatchName> = names
            .iter()
            .enumerate()
            .map(|(i, (n, k))| WatchName {
                owner: i as u32,
                name: n.clone(),
                kind: *k,
                weak: false,
            })
            .collect();
        let rarity = NameRarity::build(&list);
        assert!(!rarity.is_distinctive("KIM, Chol Su", NameKind::Person));
        assert!(!rarity.is_distinctive("Sergei Ivanov", NameKind::Person));
        assert!(rarity.is_distinctive("PAK, Hwa Song", NameKind::Person));
    }
}
