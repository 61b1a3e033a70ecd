//! What a person's name may leave out: a middle name or patronymic written on one side only
//! (`Sergei Viktorovich Ivanov` / `Sergei Ivanov`) and given names written as initials
//! (`J. R. Smith` / `John Robert Smith`).
//!
//! Both are how people's names are written on documents everywhere except in Korean names,
//! where every syllable is identity (`Kim Jong Il` is not `Kim Jong`, nor `Kim J Il`): the rules
//! apply only to words that cannot be romanized Korean. A left-out word still costs a quarter
//! of its weight, so the fuller name scores higher; words may be left out by one side only, with
//! at least two words agreeing. A
//! surname or a first given name is never a middle name: in `SURNAME, Given Middle` only the words
//! after the first given name may be left out (`CORONA ROMERO, Alfonso` is not `Alfonso Romero`),
//! and in `Given Middle Surname` only the words between the first and the last.

use super::prepared::{PreparedName, Token};
use super::vocabulary::TokenClass;

/// Highest score of a person's name read from Chinese characters: one reading stands for many
/// characters (`张雷` and `章蕾` both read `Zhang Lei`), so the Latin name can only say that the
/// names may be the same.
pub const HOMOPHONE_CAP: f32 = 0.85;
/// Share of a left-out middle name's weight the score still misses.
pub const MIDDLE_NAME_SHARE: f32 = 0.25;
/// Similarity of an initial and a given name that begins with it.
pub const INITIAL_SIMILARITY: f32 = 0.9;

/// The weight to take off the names' total when the only unaligned words are middle names
/// one side left out; `None` when the rule does not apply.
pub fn left_out_weight(a: (&PreparedName, &[bool]), b: (&PreparedName, &[bool])) -> Option<f32> {
    let ((na, used_a), (nb, used_b)) = (a, b);
    let (ta, tb) = (&na.tokens[..], &nb.tokens[..]);
    let aligned_words = |tokens: &[Token], used: &[bool]| {
        (0..tokens.len())
            .filter(|&i| used[i] && tokens[i].class == TokenClass::Word)
            .count()
    };
    let (left_a, left_b) = (unaligned(ta, used_a).next(), unaligned(tb, used_b).next());
    let (name, used, other_aligned) = match (left_a, left_b) {
        (Some(_), None) => (na, used_a, aligned_words(tb, used_b)),
        (None, Some(_)) => (nb, used_b, aligned_words(ta, used_a)),
        _ => return None,
    };
    let tokens = &name.tokens;
    if other_aligned < 2 || !unaligned(tokens, used).all(|i| may_leave_out(name, i)) {
        return None;
    }
    Some(
        unaligned(tokens, used)
            .map(|i| tokens[i].weight * (1.0 - MIDDLE_NAME_SHARE))
            .sum(),
    )
}

/// The positions of the words of `tokens` the alignment left unused.
fn unaligned<'a>(tokens: &'a [Token], used: &'a [bool]) -> impl Iterator<Item = usize> + 'a {
    (0..tokens.len()).filter(move |&i| !used[i] && tokens[i].class == TokenClass::Word)
}

/// True when token `i` of a person's name sits where a middle name or patronymic does and is
/// not romanized Korean: after the surname and the first given name of `SURNAME, Given Middle`,
/// or between the first and the last word of `Given Middle Surname`.
pub fn may_leave_out(name: &PreparedName, i: usize) -> bool {
    let middle = if name.surnames > 0 {
        i > name.surnames
    } else {
        i > 0 && i + 1 < name.tokens.len()
    };
    middle && !name.tokens[i].korean && name.tokens[i].class == TokenClass::Word
}

/// The most weight [`left_out_weight`] could take off when `name` is the side that left words
/// out: what the candidate index allows for so that it does not drop such names.
pub fn most_left_out(name: &PreparedName) -> f32 {
    (0..name.tokens.len())
        .filter(|&i| may_leave_out(name, i))
        .map(|i| name.tokens[i].weight)
        .sum::<f32>()
        * (1.0 - MIDDLE_NAME_SHARE)
}

/// True when every word of the name longer than a letter can be romanized Korean: then its
/// single letters are syllables (`I`, `O`, `U`), not initials.
pub fn reads_korean(tokens: &[Token]) -> bool {
    let mut words = tokens.iter().filter(|t| t.text.len() > 1).peekable();
    words.peek().is_some() && words.all(|t| t.korean)
}

/// [`INITIAL_SIMILARITY`] when one token is a single letter and the other a longer given name
/// (not romanized Korean) that begins with it; else `None`.
pub fn initial_similarity(a: &Token, b: &Token) -> Option<f32> {
    let is_initial =
        |t: &Token| t.text.len() == 1 && t.text.bytes().all(|c| c.is_ascii_lowercase());
    let (initial, name) = match (is_initial(a), is_initial(b)) {
        (true, false) => (a, b),
        (false, true) => (b, a),
        _ => return None,
    };
    (!name.korean && name.text.len() > 1 && name.text.starts_with(initial.text.as_str()))
        .then_some(INITIAL_SIMILARITY)
}
