//! Korean romanization keys: one spelling-independent key per romanized syllable string, so that
//! McCune-Reischauer (used by the DPRK and by OFAC), Revised Romanization (South Korea) and common
//! popular spellings of the same Korean name meet.
//!
//! Two steps. First a syllable grammar decides whether a token can be romanized Korean at all
//! (`ryonbong`, `kwangson`, `un` can; `zinc`, `trading`, `mjaid` cannot), so that the merges below
//! never touch names from other languages. Then the key folds the differences between systems:
//! vowels (`eo`/`ŏ` -> `o`, `eu`/`ŭ` -> `u`), voicing of consonants (k/g, t/d, p/b, ch/j), `shi`/`si`,
//! the South Korean dropping of an initial r/l before i/y (`Ri`/`Lee`/`Yi`/`I`, `Ryu`/`Yu`,
//! `Rim`/`Im`, `Ryang`/`Yang`) and its change to n before other vowels (`Ro`/`No`), and a small table
//! of conventional English spellings (`Park`, `Choi`, `Chung`, `-ung` for `-eong`).
//!
//! The key is computed per token; multi-syllable tokens keep their internal syllable boundaries
//! implicit, which is why the consonant and vowel rules are context-free: the key of
//! `Namchongang` equals the concatenated keys of `Nam Chon Gang`.

use std::sync::OnceLock;

use rustc_hash::FxHashMap;

/// Conventional (mostly South Korean, English-influenced) spellings that the syllable rules cannot
/// derive, mapped to a Revised Romanization spelling the rules then key. Each is a whole token.
const CONVENTIONAL_SPELLINGS: &[(&str, &str)] = &[
    ("park", "bak"),
    ("pak", "bak"),
    ("bahk", "bak"),
    ("choi", "choe"),
    ("lee", "i"),
    ("rhee", "i"),
    ("yi", "i"),
    ("oh", "o"),
    ("ahn", "an"),
    ("woo", "u"),
    ("noh", "no"),
    ("roh", "no"),
    ("yoon", "yun"),
    ("yoo", "yu"),
    ("you", "yu"),
    ("shin", "sin"),
    ("moon", "mun"),
    ("koo", "gu"),
    ("joo", "ju"),
    ("paik", "baek"),
    ("suh", "seo"),
    ("hur", "heo"),
    ("huh", "heo"),
    ("chung", "jeong"),
    ("jung", "jeong"),
    ("sung", "seong"),
    ("young", "yeong"),
    ("kyung", "gyeong"),
    ("hyung", "hyeong"),
    ("myung", "myeong"),
    ("byung", "byeong"),
    ("hyun", "hyeon"),
    ("chul", "cheol"),
];

/// Syllable onsets, longest first (empty onset allowed).
const ONSETS: &[&str] = &[
    "tch", "kk", "tt", "pp", "ss", "jj", "ch", "sh", "rh", "k", "g", "n", "d", "t", "r", "l", "m",
    "b", "p", "s", "j", "h", "",
];
/// Syllable nuclei, longest first, including the popular spellings `oo`, `ee`, `oi`, `yi`.
const NUCLEI: &[&str] = &[
    "yeo", "yae", "wae", "weo", "eo", "eu", "ae", "ya", "ye", "yo", "yu", "wa", "wo", "we", "wi",
    "ui", "oe", "oi", "ee", "oo", "yi", "a", "e", "o", "u", "i",
];
/// Syllable codas, longest first (empty coda allowed).
const CODAS: &[&str] = &["ng", "k", "n", "t", "l", "m", "p", "h", ""];

/// Longest token the grammar will examine; longer strings are never single Korean words.
const MAX_KOREAN_TOKEN_LEN: usize = 24;

/// True when `token` (lowercase ASCII letters) can be read as a sequence of romanized Korean
/// syllables, or is a conventional spelling from the table.
pub fn is_plausible(token: &str) -> bool {
    if token.is_empty()
        || token.len() > MAX_KOREAN_TOKEN_LEN
        || !token.bytes().all(|b| b.is_ascii_lowercase())
    {
        return false;
    }
    if conventional(token).is_some() {
        return true;
    }
    let bytes = token.as_bytes();
    // reachable[i]: the prefix of length i splits into whole syllables.
    let mut reachable = [false; MAX_KOREAN_TOKEN_LEN + 1];
    reachable[0] = true;
    for start in 0..bytes.len() {
        if !reachable[start] {
            continue;
        }
        for onset in ONSETS {
            let Some(after_onset) = eat(bytes, start, onset) else {
                continue;
            };
            for nucleus in NUCLEI {
                let Some(after_nucleus) = eat(bytes, after_onset, nucleus) else {
                    continue;
                };
                for coda in CODAS {
                    if let Some(end) = eat(bytes, after_nucleus, coda) {
                        reachable[end] = true;
                    }
                }
            }
        }
    }
    reachable[bytes.len()]
}

fn eat(bytes: &[u8], at: usize, piece: &str) -> Option<usize> {
    let end = at + piece.len();
    (end <= bytes.len() && &bytes[at..end] == piece.as_bytes()).then_some(end)
}

fn conventional(token: &str) -> Option<&'static str> {
    static TABLE: OnceLock<FxHashMap<&'static str, &'static str>> = OnceLock::new();
    TABLE
        .get_or_init(|| CONVENTIONAL_SPELLINGS.iter().copied().collect())
        .get(token)
        .copied()
}

/// The romanization key of a plausible Korean token (see the module doc for the rules).
/// Callers check [`is_plausible`] first; the key of any other token is not meaningful.
pub fn key(token: &str) -> String {
    let base = conventional(token).unwrap_or(token);
    let mut s = initial_liquid(base);
    for (from, to) in [
        ("eo", "o"),
        ("eu", "u"),
        ("oo", "u"),
        ("ee", "i"),
        ("oi", "oe"),
    ] {
        if s.contains(from) {
            s = s.replace(from, to);
        }
    }
    let bytes = s.as_bytes();
    let mut out = String::with_capacity(s.len());
    let mut i = 0;
    while i < bytes.len() {
        let rest = &bytes[i..];
        if rest.starts_with(b"tch") {
            push_folded(&mut out, "ch");
            i += 3;
            continue;
        }
        if rest.starts_with(b"ch") {
            push_folded(&mut out, "ch");
            i += 2;
            continue;
        }
        if rest.starts_with(b"sh") {
            push_folded(&mut out, "s");
            i += 2;
            continue;
        }
        let next_is_vowel = rest.get(1).is_some_and(|&c| is_vowel(c as char));
        match rest[0] {
            b'j' => push_folded(&mut out, "ch"),
            b'g' => push_folded(&mut out, "k"),
            b'd' => push_folded(&mut out, "t"),
            b'b' => push_folded(&mut out, "p"),
            b'l' => push_folded(&mut out, "r"),
            // A final h (Roh, Oh, Ahn) is a spelling device, not a sound.
            b'h' if out.ends_with(is_vowel) && !next_is_vowel => {}
            other => push_folded(&mut out, (other as char).encode_utf8(&mut [0u8; 4])),
        }
        i += 1;
    }
    out
}

/// Appends a key piece unless it repeats the last consonant: tense consonants (kk, tt, pp, ss,
/// jj) and doubled consonants fold into one. Vowels are never folded (`iii` is not `i`).
fn push_folded(out: &mut String, piece: &str) {
    let vowel = piece.chars().all(is_vowel);
    if vowel || !out.ends_with(piece) {
        out.push_str(piece);
    }
}

fn is_vowel(c: char) -> bool {
    matches!(c, 'a' | 'e' | 'i' | 'o' | 'u' | 'y' | 'w')
}

/// South Korean initial-sound rule: an initial r/l (or `rh`) is dropped before i/y and becomes n
/// before other vowels; an initial `yi` is read as `i`.
fn initial_liquid(token: &str) -> String {
    let t = token.strip_prefix("rh").map(|rest| format!("r{rest}"));
    let t = t.as_deref().unwrap_or(token);
    let mut chars = t.chars();
    match (chars.next(), chars.clone().next()) {
        (Some('r' | 'l'), Some('i' | 'y')) => chars.as_str().to_owned(),
        (Some('r' | 'l'), Some(v)) if is_vowel(v) => format!("n{}", chars.as_str()),
        (Some('y'), Some('i')) => chars.as_str().to_owned(),
        _ => t.to_owned(),
    }
}

/// True when `a` and `b` differ by one typing slip that does not change the syllable: a doubled
/// letter (`sonng`/`song`, `chooe`/`choe`) or two swapped neighbours (`sko`/`sok`). A substituted
/// letter is not a slip here: in a short Korean syllable it makes another syllable (`chol`/`chon`).
pub fn is_typing_slip(a: &str, b: &str) -> bool {
    let (a, b) = (a.as_bytes(), b.as_bytes());
    if a.len() == b.len() {
        // Two neighbours swapped: the first difference and the next letter trade places, and
        // everything after them agrees.
        return match (0..a.len()).find(|&i| a[i] != b[i]) {
            Some(i) => {
                i + 1 < a.len() && a[i] == b[i + 1] && a[i + 1] == b[i] && a[i + 2..] == b[i + 2..]
            }
            None => false,
        };
    }
    let (long, short) = if a.len() > b.len() { (a, b) } else { (b, a) };
    if long.len() != short.len() + 1 {
        return false;
    }
    let cut = (0..short.len())
        .find(|&i| long[i] != short[i])
        .unwrap_or(short.len());
    let doubled = (cut > 0 && long[cut] == long[cut - 1])
        || (cut + 1 < long.len() && long[cut] == long[cut + 1]);
    doubled && long[cut + 1..] == short[cut..]
}

#[cfg(test)]
mod tests {
    use super::*;

    fn same(a: &str, b: &str) -> bool {
        is_plausible(a) && is_plausible(b) && key(a) == key(b)
    }

    #[test]
    fn korean_syllable_strings_are_plausible() {
        for t in [
            "ryonbong",
            "kwangson",
            "namchongang",
            "un",
            "il",
            "chol",
            "cholhyon",
            "kim",
            "lee",
            "choi",
            "yi",
            "i",
            "hwan",
            "rungrado",
            "paeksol",
        ] {
            assert!(is_plausible(t), "{t}");
        }
    }

    #[test]
    fn words_of_other_languages_are_not_plausible() {
        for t in [
            "zinc",
            "trading",
            "mjaid",
            "expo",
            "venture",
            "commercial",
            "bank",
            "xyz",
            "",
            "abc1",
        ] {
            assert!(!is_plausible(t), "{t}");
        }
    }

    #[test]
    fn mccune_reischauer_and_revised_romanization_meet() {
        assert!(same("ryonbong", "ryeonbong"));
        assert!(same("kwangson", "gwangseon"));
        assert!(same("tanchon", "danchon"));
        assert!(same("taesong", "daeseong"));
        assert!(same("paeksol", "baeksol"));
        assert!(same("kumsan", "geumsan"));
        assert!(same("chongchongang", "cheongcheongang"));
        assert!(same("chong", "jeong"));
        assert!(same("jong", "chong"));
        assert!(same("shi", "si"));
        assert!(same("choson", "joseon"));
    }

    #[test]
    fn initial_liquids_follow_the_south_korean_rule() {
        for v in ["lee", "rhee", "yi", "i"] {
            assert!(same("ri", v), "ri vs {v}");
        }
        assert!(same("ryu", "yu"));
        assert!(same("rim", "im"));
        assert!(same("lim", "im"));
        assert!(same("ro", "no"));
        assert!(same("roh", "no"));
        assert!(same("ryang", "yang"));
        assert!(same("ra", "na"));
    }

    #[test]
    fn conventional_english_spellings_meet_their_syllables() {
        assert!(same("park", "pak"));
        assert!(same("bak", "pak"));
        assert!(same("choi", "choe"));
        assert!(same("chung", "jeong"));
        assert!(same("cheol", "chol"));
        assert!(same("chul", "chol"));
    }

    #[test]
    fn different_syllables_keep_different_keys() {
        for (a, b) in [
            ("un", "il"),
            ("chol", "chon"),
            ("jong", "jon"),
            ("su", "sung"),
            ("kim", "kum"),
            ("ryonbong", "ryongbong"),
            ("song", "son"),
        ] {
            assert!(!same(a, b), "{a} vs {b}");
        }
    }

    #[test]
    fn aspirate_marks_are_already_gone_so_aspirates_meet_plain_stops() {
        // ch'ol -> chol after apostrophe removal; k'ang -> kang.
        assert!(same("chol", "jol"));
        assert!(same("kang", "gang"));
    }

    #[test]
    fn typing_slips_are_doubled_letters_or_swaps_only() {
        assert!(is_typing_slip("sonng", "song"));
        assert!(is_typing_slip("chooe", "choe"));
        assert!(is_typing_slip("yyu", "yu"));
        assert!(is_typing_slip("sko", "sok"));
        assert!(is_typing_slip("hwaan", "hwan"));
        assert!(!is_typing_slip("chol", "chon"));
        assert!(!is_typing_slip("jong", "jon"));
        assert!(!is_typing_slip("un", "il"));
        assert!(!is_typing_slip("song", "song"));
    }
}
