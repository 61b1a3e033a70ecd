//! Finding place names in free text, in any script. Latin spellings (and romanized Hangul) match
//! as whole-word sequences of the normalized text, never inside a longer word (`Namp'o` is not
//! in `Nampodong`). Chinese spellings match as substrings, since Chinese writes no spaces
//! between words; the spellings chosen for the tables are ones that do not occur inside other
//! common names (`东港市`, not `东港`, which is inside `广东港`); a spelling that ends in a city or
//! county suffix (市, 县) also matches its stem standing alone (`东港` as the whole city field, or
//! between non-Chinese characters), never glued to other characters. Hangul spellings match when not
//! glued to other syllables, except for the suffixes that mark a city, port or province (시, 항,
//! 도, 북도, 남도): `평양시` is Pyongyang, `남포동` (a Busan neighbourhood) is not Nampo.
//!
//! [`PlaceNames::street_after`] tells whether a match is followed by a street word (`Pyongyang
//! Road`, `平壤路`): a street named after a city is not that city.

use crate::names::hangul;
use crate::names::normalize::normalize;

/// Hangul suffixes that may follow a place name: city, port, province.
const HANGUL_SUFFIXES: &[&str] = &["특별시", "직할시", "시", "항", "북도", "남도", "도"];

/// Words that make the place before them a street name.
const STREET_WORDS: &[&str] = &[
    "road",
    "rd",
    "street",
    "st",
    "avenue",
    "ave",
    "boulevard",
    "blvd",
    "lane",
    "ln",
    "lu",
    "jie",
    "dajie",
    "dadao",
    "ro",
    "gil",
    "daero",
];
/// Chinese and Korean street words.
const SCRIPT_STREET_WORDS: &[&str] = &["路", "街", "大街", "大道", "道路", "로", "길", "대로"];

enum Spelling {
    /// Normalized words (Latin spelling, or Hangul read as Latin by the normalizer).
    Words(Vec<String>),
    /// Hangul, matched with syllable boundaries.
    Hangul(String),
    /// Chinese characters or another script, matched as a substring.
    Substring(String),
    /// The stem of a Chinese spelling without its 市/县 suffix, matched only when no Chinese
    /// character touches it on either side.
    Stem(String),
}

/// Chinese suffixes for a city or county.
const HAN_PLACE_SUFFIXES: &[char] = &['市', '县'];

/// A place found in a text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PlaceHit {
    /// Index of the place in the list the matcher was built from.
    pub place: usize,
    /// The spelling as found.
    pub matched: String,
    /// A street word follows the match.
    pub street: bool,
}

/// Spellings of a list of places, ready to be found in text.
pub struct PlaceNames {
    spellings: Vec<(usize, Spelling, String)>,
}

impl PlaceNames {
    /// `places[i]` is the list of spellings of place `i`.
    pub fn build<'a>(places: impl IntoIterator<Item = &'a [String]>) -> PlaceNames {
        let mut spellings = Vec::new();
        for (i, names) in places.into_iter().enumerate() {
            for name in names {
                let spelling = if name.chars().any(hangul::is_syllable) {
                    Spelling::Hangul(name.clone())
                } else if name
                    .chars()
                    .all(|c| c.is_ascii() || c.is_alphabetic() && is_latin(c))
                {
                    let words: Vec<String> = normalize(name)
                        .split(' ')
                        .filter(|w| !w.is_empty())
                        .map(str::to_owned)
                        .collect();
                    if words.is_empty() {
                        continue;
                    }
                    Spelling::Words(words)
                } else {
                    if let Some(stem) = name.strip_suffix(HAN_PLACE_SUFFIXES) {
                        if stem.chars().count() >= 2 {
                            spellings.push((i, Spelling::Stem(stem.to_owned()), stem.to_owned()));
                        }
                    }
                    Spelling::Substring(name.clone())
                };
                spellings.push((i, spelling, name.clone()));
            }
        }
        PlaceNames { spellings }
    }

    /// Every place whose spelling occurs in `text`, once per place, in spelling order.
    pub fn find(&self, text: &str) -> Vec<PlaceHit> {
        let normalized = normalize(text);
        let words: Vec<&str> = normalized.split(' ').filter(|w| !w.is_empty()).collect();
        let mut hits: Vec<PlaceHit> = Vec::new();
        for (place, spelling, name) in &self.spellings {
            if hits.iter().any(|h| h.place == *place) {
                continue;
            }
            let found = match spelling {
                Spelling::Words(sequence) => find_words(&words, sequence),
                Spelling::Hangul(h) => find_hangul(text, h),
                Spelling::Substring(s) => text.find(s.as_str()).map(|at| {
                    let rest = &text[at + s.len()..];
                    SCRIPT_STREET_WORDS.iter().any(|w| rest.starts_with(w))
                }),
                Spelling::Stem(s) => find_stem(text, s),
            };
            if let Some(street) = found {
                hits.push(PlaceHit {
                    place: *place,
                    matched: name.clone(),
                    street,
                });
            }
        }
        hits
    }
}

fn is_latin(c: char) -> bool {
    ('\u{00C0}'..='\u{024F}').contains(&c) || ('\u{1E00}'..='\u{1EFF}').contains(&c)
}

/// Finds `sequence` as whole words; returns whether a street word follows it.
fn find_words(words: &[&str], sequence: &[String]) -> Option<bool> {
    let n = sequence.len();
    (0..words.len().saturating_sub(n - 1))
        .find(|&at| words[at..at + n].iter().zip(sequence).all(|(a, b)| a == b))
        .map(|at| {
            words
                .get(at + n)
                .is_some_and(|next| STREET_WORDS.contains(next))
        })
}

/// Finds a Chinese stem with no Chinese character on either side (a street word after it is
/// reported, as for the other spellings; the stem is never a street word itself).
fn find_stem(text: &str, stem: &str) -> Option<bool> {
    text.match_indices(stem).find_map(|(start, _)| {
        let end = start + stem.len();
        let before_ok = !text[..start].chars().next_back().is_some_and(is_han);
        let after_ok = !text[end..].chars().next().is_some_and(is_han);
        (before_ok && after_ok).then_some(false)
    })
}

/// A CJK unified ideograph (the common and extension A blocks, and compatibility ideographs).
fn is_han(c: char) -> bool {
    ('\u{4E00}'..='\u{9FFF}').contains(&c)
        || ('\u{3400}'..='\u{4DBF}').contains(&c)
        || ('\u{F900}'..='\u{FAFF}').contains(&c)
}

/// Finds a Hangul spelling not glued to other syllables (but for the place suffixes).
fn find_hangul(text: &str, name: &str) -> Option<bool> {
    let mut from = 0;
    while let Some(at) = text[from..].find(name) {
        let start = from + at;
        let end = start + name.len();
        let before_ok = !text[..start]
            .chars()
            .next_back()
            .is_some_and(hangul::is_syllable);
        let rest = &text[end..];
        let suffix = HANGUL_SUFFIXES
            .iter()
            .find(|s| rest.starts_with(*s))
            .map_or("", |s| s);
        let after = &rest[suffix.len()..];
        let after_ok = !after.chars().next().is_some_and(hangul::is_syllable)
            || SCRIPT_STREET_WORDS.iter().any(|w| after.starts_with(w));
        if before_ok && after_ok {
            let street = SCRIPT_STREET_WORDS
                .iter()
                .any(|w| after.trim_start().starts_with(w));
            return Some(street);
        }
        from = end;
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    fn names(list: &[&[&str]]) -> PlaceNames {
        let owned: Vec<Vec<String>> = list
            .iter()
            .map(|l| l.iter().map(|s| (*s).to_owned()).collect())
            .collect();
        PlaceNames::build(owned.iter().map(Vec::as_slice))
    }

    #[test]
    fn latin_spellings_match_whole_words_only() {
        let n = names(&[&["Namp'o", "Nampo"], &["Pyongyang"]]);
        assert_eq!(n.find("Port of NAMPO, DPRK")[0].place, 0);
        assert_eq!(n.find("Namp'o, South P'yongan")[0].place, 0);
        assert!(n.find("Nampodong, Busan").is_empty());
        assert!(n.find("Pyeongchang").is_empty());
        assert!(n.find("Pyongtaek").is_empty());
    }

    #[test]
    fn a_street_named_after_a_city_is_marked() {
        let n = names(&[&["Pyongyang", "平壤"]]);
        assert!(n.find("12 Pyongyang Road, Dandong")[0].street);
        assert!(!n.find("Pyongyang")[0].street);
        assert!(n.find("丹东市平壤路8号")[0].street);
    }

    #[test]
    fn hangul_keeps_syllable_boundaries_but_for_place_suffixes() {
        let n = names(&[&["남포"], &["평양"]]);
        assert_eq!(n.find("평양시 중구역")[0].place, 1);
        assert_eq!(n.find("남포항")[0].place, 0);
        assert!(n.find("부산 중구 남포동").is_empty());
    }

    #[test]
    fn chinese_spellings_match_inside_text() {
        let n = names(&[&["丹东"], &["东港市"]]);
        assert_eq!(n.find("辽宁省丹东市振兴区")[0].place, 0);
        assert!(n.find("广东港口物流").is_empty());
        assert_eq!(n.find("东港市")[0].place, 1);
        // The stem alone is the place when nothing Chinese touches it.
        assert_eq!(n.find("东港")[0].place, 1);
        assert_eq!(n.find("Donggang (东港), Liaoning")[0].place, 1);
        assert!(n.find("广东港").is_empty());
        assert!(n.find("东港口").is_empty());
    }
}
