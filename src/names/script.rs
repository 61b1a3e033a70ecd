//! Other scripts to Latin, before anything else reads a name: Hangul by its own syllable
//! arithmetic ([`super::hangul`]), Cyrillic by BGN/PCGN (the system OFAC's Russian entries
//! follow; the passport-style spellings are met by the Latin folds of
//! [`super::transliteration`]), Chinese characters by the generic words of Chinese trade names
//! ([`super::chinese`]) and one pinyin syllable per remaining character, and every other script
//! by `deunicode` (Unidecode tables: Arabic, Greek, Hebrew, Devanagari, Thai, kana ...).
//!
//! Own code for Cyrillic because the choice of system matters (Unidecode writes `Й` as `I` and
//! `Я` as `Ia`, the passport style; OFAC writes `Y` and `Ya`), and the table is short. `deunicode`
//! (BSD-3-Clause, about 400 KB of tables, no dependencies) for the rest, because it covers every
//! script with one maintained table and gives Mandarin readings for Han characters; the `pinyin`
//! crate would add a second, larger table for the one script `deunicode` already reads.
//!
//! Latin letters with diacritics are left alone: normalization folds them (NFKD).

use std::borrow::Cow;

use super::{chinese, hangul};

/// Rewrites every non-Latin letter of `text` in Latin letters, words kept apart by spaces.
pub fn to_latin(text: &str) -> Cow<'_, str> {
    if text.is_ascii() {
        return Cow::Borrowed(text);
    }
    let text = hangul::romanize_text(text);
    if !text.chars().any(needs_transliteration) {
        return text;
    }
    let chars: Vec<char> = text.chars().collect();
    let mut out = String::with_capacity(text.len() * 2);
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        if chinese::is_han(c) {
            let end = (i..chars.len())
                .find(|&j| !chinese::is_han(chars[j]))
                .unwrap_or(chars.len());
            out.push(' ');
            chinese::romanize_run(&chars[i..end], &mut out);
            out.push(' ');
            i = end;
            continue;
        }
        if is_cyrillic(c) {
            let previous = i.checked_sub(1).map(|p| chars[p]);
            push_cyrillic(c, previous, &mut out);
        } else if needs_transliteration(c) {
            out.push_str(deunicode::deunicode_char(c).unwrap_or(" "));
        } else {
            out.push(c);
        }
        i += 1;
    }
    Cow::Owned(out)
}

/// True for a letter that is neither ASCII nor a Latin letter with diacritics (those decompose).
fn needs_transliteration(c: char) -> bool {
    !c.is_ascii() && c.is_alphabetic() && !is_latin(c)
}

/// Latin letters outside ASCII: Latin-1 Supplement through Latin Extended Additional.
fn is_latin(c: char) -> bool {
    matches!(c, '\u{00C0}'..='\u{024F}' | '\u{1E00}'..='\u{1EFF}')
}

fn is_cyrillic(c: char) -> bool {
    matches!(c, '\u{0400}'..='\u{04FF}')
}

/// Cyrillic vowels and signs after which `е`, `ё` are written `ye`, `yë` in BGN/PCGN.
fn softens_e(previous: Option<char>) -> bool {
    match previous {
        None => true,
        Some(p) => {
            let p = p.to_lowercase().next().unwrap_or(p);
            !p.is_alphabetic() || "аеёиоуыэюяйъьіїє".contains(p)
        }
    }
}

/// One Cyrillic letter in BGN/PCGN romanization (Russian, with the Ukrainian and Belarusian
/// letters OFAC meets), lower case.
fn push_cyrillic(c: char, previous: Option<char>, out: &mut String) {
    let lower = c.to_lowercase().next().unwrap_or(c);
    let latin = match lower {
        'а' => "a",
        'б' => "b",
        'в' => "v",
        'г' | 'ґ' => "g",
        'д' => "d",
        'е' | 'ё' if softens_e(previous) => "ye",
        'е' | 'ё' | 'э' | 'є' => "e",
        'ж' => "zh",
        'з' => "z",
        'и' | 'і' => "i",
        'ї' => "yi",
        'й' => "y",
        'к' => "k",
        'л' => "l",
        'м' => "m",
        'н' => "n",
        'о' => "o",
        'п' => "p",
        'р' => "r",
        'с' => "s",
        'т' => "t",
        'у' | 'ў' => "u",
        'ф' => "f",
        'х' => "kh",
        'ц' => "ts",
        'ч' => "ch",
        'ш' => "sh",
        'щ' => "shch",
        'ъ' | 'ь' => "",
        'ы' => "y",
        'ю' => "yu",
        'я' => "ya",
        other => return out.push_str(deunicode::deunicode_char(other).unwrap_or(" ")),
    };
    out.push_str(latin);
}

#[cfg(test)]
mod tests {
    use super::*;

    fn latin(s: &str) -> String {
        to_latin(s)
            .to_lowercase()
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" ")
    }

    #[test]
    fn cyrillic_follows_bgn_pcgn() {
        assert_eq!(latin("Алис"), "alis");
        assert_eq!(
            latin("Сергей Викторович Иванов"),
            "sergey viktorovich ivanov"
        );
        assert_eq!(latin("Елена Юрьевна"), "yelena yuryevna");
        assert_eq!(latin("Хабаровск"), "khabarovsk");
        assert_eq!(latin("Щукин"), "shchukin");
    }

    #[test]
    fn chinese_becomes_syllables_and_generic_words() {
        assert_eq!(
            latin("丹东鸿祥实业发展有限公司"),
            "dan dong hong xiang industrial development co ltd"
        );
    }

    #[test]
    fn other_scripts_go_through_deunicode() {
        assert_eq!(latin("Αθήνα"), "athena");
        assert!(latin("محمد").is_ascii());
    }

    #[test]
    fn latin_with_diacritics_and_ascii_are_left_alone() {
        assert_eq!(to_latin("Chosŏn"), "Chosŏn");
        assert!(matches!(to_latin("KIM"), Cow::Borrowed(_)));
    }

    #[test]
    fn hangul_keeps_its_own_path() {
        assert_eq!(latin("김정은"), "gim jeong eun");
    }
}
