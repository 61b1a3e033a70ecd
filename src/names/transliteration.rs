//! Spelling-independent keys for words that are not romanized Korean: the differences between
//! the systems that write Russian, Arabic and other names in Latin letters, folded away.
//!
//! BGN/PCGN writes `Й`, `Ю`, `Я` as `y`, `yu`, `ya`; the passport style (ICAO 9303) writes `i`,
//! `iu`, `ia`; popular spellings end `-iy`, `-ii` or `-y` (`Dmitriy`, `Dmitrii`, `Dmitry`), write
//! `x` for `ks` (`Alexander`/`Aleksandr`), `w` for `v` in German style (`Iwanow`), `h` for `kh`
//! (`Mihail`), `q` or `k` for Arabic qaf, `ou` or `u` (`Youssef`/`Yusuf`), and double letters or
//! not. The key applies the same folds to both names, so the systems meet without either side
//! being converted to the other: a vowel `y` (not before a vowel) -> `i`, a consonant `i` (before
//! `a`, `o`, `u`, not after a vowel) -> `y`, `kh`->`h`, `x`->`ks`, `w`->`v`, `q`->`k`, `ph`->`f`,
//! `dzh`->`j`, `ou`->`u`, doubled letters single, and a leading `ye` -> `e`. A consonant `y` stays
//! a `y`, so that a word that is nearly a romanized Korean one (`Yongm`) keeps its spelling.
//!
//! These folds only ever merge spellings of one sound, so they are safe for any word; the
//! Korean romanization key ([`super::korean`]) replaces this one for romanized Korean words,
//! where vowels and consonants are folded differently.
//!
//! [`consonant_skeleton`] serves names written in Arabic script, which leaves short vowels out:
//! `محمد` reads `mhmd`, the skeleton of `Muhammad` and `Mohammed`.

/// The folded key of a lowercase ASCII word (other words are returned as they are).
pub fn fold(word: &str) -> String {
    if !word.bytes().all(|b| b.is_ascii_lowercase()) {
        return word.to_owned();
    }
    let bytes = word.as_bytes();
    let is_vowel = |b: u8| matches!(b, b'a' | b'e' | b'i' | b'o' | b'u');
    let mut out: Vec<u8> = Vec::with_capacity(word.len() + 2);
    let mut i = 0;
    while i < bytes.len() {
        let rest = &bytes[i..];
        let next = rest.get(1).copied();
        let (replacement, used): (&[u8], usize) = if rest.starts_with(b"dzh") {
            (b"j", 3)
        } else if rest.starts_with(b"kh") {
            (b"h", 2)
        } else if rest.starts_with(b"ph") {
            (b"f", 2)
        } else if rest.starts_with(b"ou") {
            (b"u", 2)
        } else {
            match rest[0] {
                b'x' => (b"ks", 1),
                b'w' => (b"v", 1),
                b'q' => (b"k", 1),
                // Consonant y before a vowel, written i by the passport style: `iu` = `yu`.
                b'i' if next.is_some_and(|n| matches!(n, b'a' | b'o' | b'u'))
                    && (i == 0 || !is_vowel(bytes[i - 1])) =>
                {
                    (b"y", 1)
                }
                // Vowel y (`-iy`, `-y`, `-ey`): an i.
                b'y' if !next.is_some_and(is_vowel) => (b"i", 1),
                _ => (std::slice::from_ref(&bytes[i]), 1),
            }
        };
        for &b in replacement {
            if out.last() != Some(&b) {
                out.push(b);
            }
        }
        i += used;
    }
    if out.len() > 3 && out.starts_with(b"ye") {
        out.remove(0);
    }
    String::from_utf8(out).unwrap_or_else(|_| word.to_owned())
}

/// Shortest consonant skeleton compared (two consonants name too many different words).
pub const MIN_SKELETON_LEN: usize = 3;

/// True for a word of two letters or more with at most one vowel letter in four: the shape of
/// a word transliterated from Arabic or Hebrew script.
pub fn is_vowel_sparse(text: &str) -> bool {
    let letters = text.len();
    let vowels = text
        .bytes()
        .filter(|b| matches!(b, b'a' | b'e' | b'i' | b'o' | b'u'))
        .count();
    letters >= 2 && text.bytes().all(|b| b.is_ascii_lowercase()) && vowels * 4 <= letters
}

/// The consonants of a folded key, doubled ones single: what a name written in Arabic script
/// records of it (`y`/`i` and `w`/`v`, which Arabic writes as long vowels, are dropped too).
pub fn consonant_skeleton(key: &str) -> String {
    skeleton_chars(key).collect()
}

/// The length of [`consonant_skeleton`], without building it.
pub fn skeleton_len(key: &str) -> usize {
    skeleton_chars(key).count()
}

fn skeleton_chars(key: &str) -> impl Iterator<Item = char> + '_ {
    let mut last = None;
    key.chars().filter(move |&c| {
        let keep = !matches!(c, 'a' | 'e' | 'i' | 'o' | 'u' | 'y' | 'v' | 'w') && last != Some(c);
        if keep {
            last = Some(c);
        }
        keep
    })
}

/// True when a word written without short vowels (`sparse`, a folded key such as `mhmd` or
/// `hsin`) can be the reading of a Latin spelling (`full`, folded: `muhamad`, `husein`): every
/// consonant agrees in order, the Latin vowels the sparse word does not write are skipped, and
/// the sparse word's long-vowel letters (`a` alif, `v` waw, `i` ya) stand for a Latin vowel of
/// their kind (waw and ya also for the consonants `w`/`v` and `y`). Stricter than comparing consonant skeletons: `محمود` (`mhmvd`) is not `Muhammad`,
/// and `منصوری` (`mnsvri`) is not `Mansur`.
pub fn abjad_reads_as(sparse: &str, full: &str) -> bool {
    let (s, f) = (sparse.as_bytes(), full.as_bytes());
    // Every letter of `full` but a short vowel is read by one letter of `sparse`, and every
    // letter of `sparse` but an alif reads one of `full`: most pairs fail these counts.
    let short_vowel = |c: &&u8| matches!(c, b'a' | b'e' | b'i' | b'o' | b'u');
    let unskippable = f.iter().filter(|c| !short_vowel(c)).count();
    let alifs = s.iter().filter(|&&c| c == b'a').count();
    if unskippable > s.len() || s.len() - alifs > f.len() {
        return false;
    }
    // Positions of the Latin spelling as bits: bit j set = the letters before j are read.
    if f.len() >= 128 {
        return false;
    }
    let mut at = [0u128; SLOTS];
    // A byte that is not a letter or digit is in no set, so no reading passes through it.
    for (j, &c) in f.iter().enumerate() {
        if let Some(slot) = slot(c) {
            at[slot] |= 1 << j;
        }
    }
    let of = |c: u8| slot(c).map_or(0, |k| at[k]);
    let vowels = of(b'a') | of(b'e') | of(b'i') | of(b'o') | of(b'u');
    // Short vowels of the Latin spelling are read for free.
    let skip_vowels = |mut reach: u128| loop {
        let next = reach | ((reach & vowels) << 1);
        if next == reach {
            return reach;
        }
        reach = next;
    };
    let spelled_by = |letter: u8| -> u128 {
        // A long-vowel letter stands for a Latin vowel of its own kind.
        match letter {
            b'a' => of(b'a') | of(b'e'),
            b'v' => of(b'v') | of(b'o') | of(b'u'),
            b'i' => of(b'i') | of(b'e') | of(b'y'),
            _ => of(letter),
        }
    };
    let mut reach = skip_vowels(1);
    for &letter in s {
        let mut next = (reach & spelled_by(letter)) << 1;
        if letter == b'a' {
            // An alif may also be a seat for a vowel the Latin spelling does not write.
            next |= reach;
        }
        reach = skip_vowels(next);
    }
    reach & (1 << f.len()) != 0
}

/// Letters and digits, the bytes a folded key is made of.
const SLOTS: usize = 36;

/// The place of a letter or digit among [`SLOTS`].
fn slot(c: u8) -> Option<usize> {
    match c {
        b'a'..=b'z' => Some(usize::from(c - b'a')),
        b'0'..=b'9' => Some(26 + usize::from(c - b'0')),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn russian_systems_meet() {
        assert_eq!(fold("dmitriy"), fold("dmitry"));
        assert_eq!(fold("dmitrii"), fold("dmitry"));
        assert_eq!(fold("yuriy"), fold("iurii"));
        assert_eq!(fold("tatyana"), fold("tatiana"));
        assert_eq!(fold("sergey"), fold("sergei"));
        assert_eq!(fold("mikhail"), fold("mihail"));
        assert_eq!(fold("yevgeniy"), fold("evgeny"));
        assert_eq!(fold("ivanov"), fold("iwanow"));
        assert_eq!(fold("dzhamshid"), fold("jamshid"));
    }

    #[test]
    fn other_common_variants_meet() {
        assert_eq!(fold("alexandr"), fold("aleksandr"));
        assert_eq!(fold("youssef"), fold("yusef"));
        assert_eq!(fold("qasim"), fold("kasim"));
        assert_eq!(fold("joseph"), fold("josef"));
    }

    #[test]
    fn different_words_stay_different() {
        assert_ne!(fold("ivan"), fold("evan"));
        assert_ne!(fold("oleg"), fold("olga"));
        assert_ne!(fold("bank"), fold("band"));
        assert_eq!(fold("b2b"), "b2b");
    }

    #[test]
    fn sparse_spellings_read_as_latin_ones_with_their_vowels() {
        assert!(abjad_reads_as("mhmd", &fold("muhammad")));
        assert!(abjad_reads_as("mhmd", &fold("mohammed")));
        assert!(abjad_reads_as(&fold("hsyn"), &fold("husayn")));
        assert!(abjad_reads_as(&fold("hsyn"), &fold("hussein")));
        assert!(!abjad_reads_as(&fold("mhmwd"), &fold("muhammad")));
        assert!(abjad_reads_as(&fold("mhmwd"), &fold("mahmood")));
        assert!(!abjad_reads_as(&fold("mnswry"), &fold("mansur")));
        assert!(!abjad_reads_as(&fold("mhmdy"), &fold("muhammad")));
        assert!(!abjad_reads_as(&fold("rswly"), &fold("irisl")));
        assert!(abjad_reads_as(&fold("ywsf"), &fold("yusuf")));
    }

    #[test]
    fn skeletons_are_what_arabic_script_writes() {
        assert_eq!(consonant_skeleton(&fold("muhammad")), "mhmd");
        assert_eq!(consonant_skeleton(&fold("mohammed")), "mhmd");
        assert_eq!(consonant_skeleton("mhmd"), "mhmd");
    }

    /// The reading as a plain dynamic program over positions: the specification the bitset
    /// version in [`abjad_reads_as`] must agree with.
    fn reads_as_reference(sparse: &str, full: &str) -> bool {
        let (s, f) = (sparse.as_bytes(), full.as_bytes());
        let is_vowel = |c: u8| b"aeiou".contains(&c);
        let long_vowel = |letter: u8, latin: u8| match letter {
            b'a' => b"ae".contains(&latin),
            b'v' => b"ouv".contains(&latin),
            b'i' => b"iey".contains(&latin),
            _ => false,
        };
        let close = |reach: &mut Vec<bool>| {
            for j in 0..f.len() {
                if reach[j] && is_vowel(f[j]) {
                    reach[j + 1] = true;
                }
            }
        };
        let mut reach = vec![false; f.len() + 1];
        reach[0] = true;
        close(&mut reach);
        for &letter in s {
            let mut next = vec![false; f.len() + 1];
            for j in 0..f.len() {
                if reach[j] && (letter == f[j] || long_vowel(letter, f[j])) {
                    next[j + 1] = true;
                }
            }
            if letter == b'a' {
                for j in 0..=f.len() {
                    next[j] |= reach[j];
                }
            }
            close(&mut next);
            reach = next;
        }
        reach[f.len()]
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(20_000))]

        #[test]
        fn the_bitset_reading_agrees_with_the_plain_one(
            sparse in "[aeimnrsvy1]{0,6}",
            full in "[aeioumnrsvy1]{0,14}",
        ) {
            proptest::prop_assert_eq!(
                abjad_reads_as(&sparse, &full),
                reads_as_reference(&sparse, &full),
                "{} / {}", sparse, full
            );
        }
    }
}
