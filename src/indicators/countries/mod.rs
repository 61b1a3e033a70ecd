//! [`CountryTable`]: turns a country as written on a manifest or a list into an ISO 3166-1
//! alpha-2 code, or says honestly that it cannot.
//!
//! Names come from three public datasets (datasets/country-codes, Debian iso-codes, mledoze)
//! plus a small curated `data/countries/variants.csv`, and are compared by whole normalized key
//! ([`name_key`](super::name_key)), never by substring. Every key remembers all the codes any
//! source gives it; a key with two codes is [`CountryResolution::Ambiguous`], never first-wins.
//! The trade-off is recall: `Korea`, `Congo` or a Korean name that mledoze also gives to an
//! overseas territory resolve to `Ambiguous` instead of a best guess, because a wrong `KP` (or a
//! missed one) is the one error this product cannot afford. Codes are accepted only when the
//! whole input is an ISO alpha-2 or alpha-3 code; FIPS (`KN`, `KS`), ITU (`KRE`) and IOC codes
//! are not read from the datasets, so `KN` is Saint Kitts and Nevis, as in ISO.

mod sources;

use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::sync::Arc;

use serde::{Deserialize, Serialize};

use super::name_key::name_key;
use super::RefError;
pub use sources::CountrySources;

/// What a country string designates.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum CountryResolution {
    /// Exactly one country.
    Country {
        /// ISO 3166-1 alpha-2.
        code: String,
        /// ISO 3166-1 short name (Debian iso-codes `name`).
        name: String,
    },
    /// Several countries; the input alone cannot decide (e.g. bare `Korea`).
    Ambiguous {
        /// ISO alpha-2 codes, sorted.
        candidates: Vec<String>,
        /// Why, and what the user can write instead.
        reason: String,
    },
    /// No source knows this string as a country.
    Unknown,
}

impl CountryResolution {
    /// The ISO alpha-2 code, when exactly one country is meant.
    pub fn code(&self) -> Option<&str> {
        match self {
            CountryResolution::Country { code, .. } => Some(code),
            _ => None,
        }
    }

    /// True for [`CountryResolution::Unknown`].
    pub fn is_unknown(&self) -> bool {
        matches!(self, CountryResolution::Unknown)
    }
}

/// All codes a name key designates, with the curated notes that explain the key.
#[derive(Debug, Default)]
struct KeyEntry {
    codes: BTreeSet<String>,
    notes: Vec<String>,
}

#[derive(Debug)]
struct Inner {
    /// ISO alpha-2 -> display (ISO short) name.
    names_by_code: BTreeMap<String, String>,
    /// ISO alpha-3 -> alpha-2.
    alpha3: HashMap<String, String>,
    /// Normalized name key -> codes.
    keys: HashMap<String, KeyEntry>,
}

/// Country names and codes from the ISO datasets and the curated variants. Cheap to clone.
#[derive(Debug, Clone)]
pub struct CountryTable {
    inner: Arc<Inner>,
}

/// Longest tail (in bytes) of free text that [`CountryTable::resolve_in_text`] treats as a
/// country candidate; longer tails are street text, not a country.
const MAX_TAIL_LEN: usize = 80;

/// How many trailing comma-separated segments of free text may form the country name (OFAC's
/// `Korea, North` and `Congo, Republic of the` span two; `Korea, Dem. People's Rep.` too).
const MAX_TAIL_SEGMENTS: usize = 3;

impl CountryTable {
    /// The table built from the crate's shipped data files (embedded at compile time).
    pub fn builtin() -> Result<Self, RefError> {
        Self::from_sources(CountrySources::builtin())
    }

    /// Build the table from the raw bytes of the four sources.
    pub fn from_sources(sources: CountrySources<'_>) -> Result<Self, RefError> {
        let rows = sources::read_sources(sources)?;
        let mut keys: HashMap<String, KeyEntry> = HashMap::new();
        for row in rows.names {
            let key = name_key(&row.name);
            if key.is_empty() {
                continue;
            }
            let entry = keys.entry(key).or_default();
            entry.codes.insert(row.code);
            if let Some(note) = row.note {
                if !entry.notes.contains(&note) {
                    entry.notes.push(note);
                }
            }
        }
        let alpha3 = rows
            .countries
            .iter()
            .map(|(code, c)| (c.alpha3.clone(), code.clone()))
            .collect();
        let names_by_code = rows
            .countries
            .into_iter()
            .map(|(code, c)| (code, c.name))
            .collect();
        Ok(CountryTable {
            inner: Arc::new(Inner {
                names_by_code,
                alpha3,
                keys,
            }),
        })
    }

    /// What `raw` designates: an ISO alpha-2/alpha-3 code (any case, only when the whole input
    /// is the code) or a name known to a source (whole-name match after normalization).
    pub fn resolve(&self, raw: &str) -> CountryResolution {
        let trimmed = raw.trim();
        let mut codes: BTreeSet<&str> = BTreeSet::new();
        if let Some(code) = self.code_of(trimmed) {
            codes.insert(code);
        }
        let key = name_key(trimmed);
        let entry = self.inner.keys.get(&key);
        if let Some(entry) = entry {
            codes.extend(entry.codes.iter().map(String::as_str));
        }
        let mut codes = codes.into_iter();
        match (codes.next(), codes.next()) {
            (None, _) => CountryResolution::Unknown,
            (Some(code), None) => CountryResolution::Country {
                code: code.to_owned(),
                name: self.name(code).unwrap_or(code).to_owned(),
            },
            (Some(first), Some(second)) => {
                let candidates: Vec<String> = [first, second]
                    .into_iter()
                    .chain(codes)
                    .map(str::to_owned)
                    .collect();
                let reason = self.ambiguity_reason(trimmed, &candidates, entry);
                CountryResolution::Ambiguous { candidates, reason }
            }
        }
    }

    /// The country named at the end of free text (an address, an AMS port string such as
    /// `Shanghai ,China (Mainland)`): the whole text, else its last comma-separated segments
    /// (up to [`MAX_TAIL_SEGMENTS`], longest first, so OFAC's `Pyongyang, Korea, North` and
    /// `Kowloon, Hong Kong, China` are read whole), each also without a trailing postal code.
    /// Never searches inside a segment, so `Korea` inside a company or street name is not found.
    /// `None` when no country is named there.
    pub fn resolve_in_text(&self, text: &str) -> Option<CountryResolution> {
        if let Some(found) = self.resolve_segment(text) {
            return Some(found);
        }
        let commas: Vec<usize> = text
            .char_indices()
            .filter(|(_, c)| matches!(c, ',' | '，'))
            .map(|(i, c)| i + c.len_utf8())
            .collect();
        commas
            .iter()
            .rev()
            .take(MAX_TAIL_SEGMENTS)
            .rev()
            .find_map(|&start| self.resolve_tail(&text[start..]))
    }

    /// A tail segment as written, else without a trailing postal code (`CHINA 118000`).
    fn resolve_tail(&self, tail: &str) -> Option<CountryResolution> {
        if let Some(found) = self.resolve_segment(tail) {
            return Some(found);
        }
        let trimmed = tail.trim_end();
        let without_postal_code =
            trimmed.trim_end_matches(|c: char| c.is_ascii_digit() || c == '-' || c == ' ');
        if without_postal_code.len() < trimmed.len() {
            return self.resolve_segment(without_postal_code);
        }
        None
    }

    /// The ISO short name of an alpha-2 code (any case).
    pub fn name(&self, code: &str) -> Option<&str> {
        let upper = code.trim().to_ascii_uppercase();
        self.inner.names_by_code.get(&upper).map(String::as_str)
    }

    /// All ISO alpha-2 codes in the table, sorted.
    pub fn codes(&self) -> impl Iterator<Item = &str> {
        self.inner.names_by_code.keys().map(String::as_str)
    }

    /// One segment of free text: short all-letter segments count only as upper-case codes, so
    /// a trailing `in` or `no` in prose is not India or Norway.
    fn resolve_segment(&self, segment: &str) -> Option<CountryResolution> {
        let segment = segment.trim();
        if segment.is_empty() || segment.len() > MAX_TAIL_LEN {
            return None;
        }
        if is_code_shaped(segment) && !segment.chars().all(|c| c.is_ascii_uppercase()) {
            return None;
        }
        let found = self.resolve(segment);
        (!found.is_unknown()).then_some(found)
    }

    fn code_of(&self, trimmed: &str) -> Option<&str> {
        if !is_code_shaped(trimmed) {
            return None;
        }
        let upper = trimmed.to_ascii_uppercase();
        if upper.len() == 2 {
            self.inner
                .names_by_code
                .get_key_value(&upper)
                .map(|(k, _)| k.as_str())
        } else {
            self.inner.alpha3.get(&upper).map(String::as_str)
        }
    }

    fn ambiguity_reason(&self, raw: &str, codes: &[String], entry: Option<&KeyEntry>) -> String {
        let listed: Vec<String> = codes
            .iter()
            .map(|c| format!("{c} ({})", self.name(c).unwrap_or(c)))
            .collect();
        let mut reason = format!(
            "`{raw}` names more than one country in the reference data: {}",
            listed.join(", ")
        );
        if let Some(entry) = entry.filter(|e| !e.notes.is_empty()) {
            reason.push_str(&format!(" ({})", entry.notes.join("; ")));
        }
        reason.push_str("; write the full country name or its ISO code");
        reason
    }

    #[cfg(test)]
    fn keys_for(&self, code: &str) -> Vec<&str> {
        let mut keys: Vec<&str> = self
            .inner
            .keys
            .iter()
            .filter(|(_, e)| e.codes.len() == 1 && e.codes.contains(code))
            .map(|(k, _)| k.as_str())
            .collect();
        keys.sort_unstable();
        keys
    }
}

/// Two or three ASCII letters: the only inputs read as ISO codes.
fn is_code_shaped(s: &str) -> bool {
    (2..=3).contains(&s.len()) && s.chars().all(|c| c.is_ascii_alphabetic())
}

#[cfg(test)]
mod tests;
