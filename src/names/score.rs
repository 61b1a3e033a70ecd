//! The name score: how much of two names' identity agrees, in [0, 1].
//!
//! Both names are token lists with weights (rare words heavy, legal forms and particles light).
//! Tokens are aligned one-to-one, or one token to a run of two or three neighbours (so `Nam Chon
//! Gang` meets `Namchongang` and `Jong Un` meets `Jongun`), greedily: most similar pairs first,
//! then the pair accounting for more weight. The score is the weighted share of both names that the alignment covers, each
//! pair counted at its similarity:
//!
//! `score = sum(sim(p) * (w_a(p) + w_b(p))) / (W_a + W_b)`.
//!
//! Symmetric by construction, and a missing distinctive word pulls the score down by its
//! weight. Token similarity is exact on romanization keys; short Korean syllables otherwise only
//! forgive typing slips (another letter makes another syllable), and other words are compared by
//! Jaro-Winkler with a length guard (Jaro-Winkler alone rewards shared prefixes of unequal words).
//! A person's name must be wholly accounted for, in order up to a rotation: any unaligned word, or
//! words in another order, cap the score below the match threshold, because `Kim Jong Il` is not
//! `Kim Jong Un` and `Yong Su` is not `Su Yong`.

use smallvec::SmallVec;

use super::kind::NameKind;
use super::korean;
use super::prepared::{PreparedName, Token};
use super::vocabulary::TokenClass;
use super::{numbers, person, transliteration};

/// Below this Jaro-Winkler similarity two (non-Korean) words are different words.
pub const TOKEN_MIN_SIMILARITY: f32 = 0.88;
/// Words this short are equal or different, never similar.
pub const EXACT_ONLY_LEN: usize = 3;
/// Fuzzy words this short must begin with the same letter (`Evan` is not `Ivan`).
pub const SAME_INITIAL_LEN: usize = 4;
/// Similarity of two spellings that differ by one typing slip (doubled or swapped letters).
pub const TYPING_SLIP_SIMILARITY: f32 = 0.92;
/// Two words whose lengths differ more than this ratio are never similar (prefix guard).
pub const MIN_LENGTH_RATIO: f32 = 0.75;
/// Romanization keys up to this length are one or two syllables and compared strictly.
pub const SHORT_KOREAN_KEY: usize = 5;
/// A fuzzy match of two words (not romanized Korean) allows one edit per this many letters.
pub const LETTERS_PER_EDIT: usize = 3;
/// Similarity of a consonant skeleton and a Latin spelling with the same consonants.
pub const ABJAD_SIMILARITY: f32 = 0.9;
/// Words at least this long forgive one typing slip at [`LONG_WORD_ONE_SLIP`].
pub const LONG_WORD_LEN: usize = 7;
/// Similarity of two long words one edit apart.
pub const LONG_WORD_ONE_SLIP: f32 = 0.95;
/// Similarity of two words of at least twice [`LONG_WORD_LEN`] letters two edits apart.
pub const LONG_WORD_TWO_SLIPS: f32 = 0.9;
/// Highest score a person's name can reach while some word of either name is unaccounted for.
pub const PERSON_PARTIAL_CAP: f32 = 0.80;

/// The score of two prepared names and how it was reached.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct NameScore {
    pub score: f32,
    /// True when every word of both names is aligned.
    pub complete: bool,
}

type Pairs = SmallVec<[Pair; 24]>;

#[derive(Debug, Clone, Copy)]
struct Pair {
    a: (usize, usize),
    b: (usize, usize),
    similarity: f32,
    gain: f32,
}

/// Scores two prepared names of the given kind.
pub fn score(a: &PreparedName, b: &PreparedName, kind: NameKind) -> NameScore {
    let (ta, tb) = (&a.tokens, &b.tokens);
    let total = a.total_weight() + b.total_weight();
    if ta.is_empty() || tb.is_empty() || total <= 0.0 {
        return NameScore {
            score: 0.0,
            complete: false,
        };
    }
    let singles = single_pairs(ta, tb, kind);
    let mut alignment = Alignment::new(ta.len(), tb.len());
    alignment.take(ta, tb, singles.clone());
    if !alignment.complete(ta, tb) {
        // Words are left over: align again with runs of neighbours in the same pool, so that a
        // run spelled exactly like one word wins over a word that merely shares its prefix.
        let mut pool = singles;
        pool.extend(run_pairs(a, b));
        alignment = Alignment::new(ta.len(), tb.len());
        alignment.take(ta, tb, pool);
    }
    if kind == NameKind::Person {
        alignment.order_initials(ta, tb);
    }
    let complete = alignment.complete(ta, tb);
    let left_out = match (kind, complete) {
        (NameKind::Person, false) => {
            person::left_out_weight((a, &alignment.used_a), (b, &alignment.used_b))
        }
        _ => None,
    };
    let total = total - left_out.unwrap_or(0.0);
    let mut score = (alignment.covered / total).clamp(0.0, 1.0);
    let accounted = complete || left_out.is_some();
    if kind == NameKind::Person && !(accounted && alignment.in_rotated_order(ta)) {
        score = score.min(PERSON_PARTIAL_CAP);
    }
    if kind == NameKind::Person && (a.logographic || b.logographic) {
        score = score.min(person::HOMOPHONE_CAP);
    }
    if kind != NameKind::Person && numbers::disagree(ta, tb) {
        score = score.min(numbers::NUMBER_MISMATCH_CAP);
    }
    NameScore { score, complete }
}

/// Which tokens of a name are aligned (on the stack for names of ordinary length).
type Used = SmallVec<[bool; 16]>;

struct Alignment {
    used_a: Used,
    used_b: Used,
    covered: f32,
    chosen: SmallVec<[Pair; 8]>,
}

impl Alignment {
    fn new(len_a: usize, len_b: usize) -> Self {
        Alignment {
            used_a: SmallVec::from_elem(false, len_a),
            used_b: SmallVec::from_elem(false, len_b),
            covered: 0.0,
            chosen: SmallVec::new(),
        }
    }

    /// Takes pairs greedily, most similar first, then the one accounting for more weight; a
    /// pair is taken only if none of its tokens is taken yet.
    fn take(&mut self, ta: &[Token], tb: &[Token], mut pairs: Pairs) {
        pairs.sort_by(|x, y| {
            y.similarity
                .total_cmp(&x.similarity)
                .then(y.gain.total_cmp(&x.gain))
                .then_with(|| tie_break(ta, tb, x, y))
        });
        for p in &pairs {
            if self.free_a(p.a) && self.free_b(p.b) {
                self.used_a[p.a.0..p.a.1].iter_mut().for_each(|u| *u = true);
                self.used_b[p.b.0..p.b.1].iter_mut().for_each(|u| *u = true);
                self.covered += p.gain;
                self.chosen.push(*p);
            }
        }
    }

    /// Pairs initials with given names in the order both are written: the greedy choice may
    /// pair `V. V.` with `Vladimir Valerievich` crosswise, which would read as another order.
    fn order_initials(&mut self, ta: &[Token], tb: &[Token]) {
        let is_initial_pair = |p: &Pair| {
            p.a.1 - p.a.0 == 1
                && p.b.1 - p.b.0 == 1
                && person::initial_similarity(&ta[p.a.0], &tb[p.b.0]).is_some()
                && token_similarity(&ta[p.a.0], &tb[p.b.0]) == 0.0
        };
        let at: Vec<usize> = (0..self.chosen.len())
            .filter(|&k| is_initial_pair(&self.chosen[k]))
            .collect();
        if at.len() < 2 {
            return;
        }
        let mut a_sides: Vec<(usize, usize)> = at.iter().map(|&k| self.chosen[k].a).collect();
        let mut b_sides: Vec<(usize, usize)> = at.iter().map(|&k| self.chosen[k].b).collect();
        a_sides.sort_unstable();
        b_sides.sort_unstable();
        let agree = a_sides
            .iter()
            .zip(&b_sides)
            .all(|(a, b)| person::initial_similarity(&ta[a.0], &tb[b.0]).is_some());
        if !agree {
            return;
        }
        for (slot, (a, b)) in at.iter().zip(a_sides.into_iter().zip(b_sides)) {
            let p = &mut self.chosen[*slot];
            self.covered -= p.gain;
            p.a = a;
            p.b = b;
            p.gain = p.similarity * (ta[a.0].weight + tb[b.0].weight);
            self.covered += p.gain;
        }
    }

    fn free_a(&self, (s, e): (usize, usize)) -> bool {
        self.used_a[s..e].iter().all(|u| !u)
    }

    fn free_b(&self, (s, e): (usize, usize)) -> bool {
        self.used_b[s..e].iter().all(|u| !u)
    }

    /// True when the aligned parts of one name, read in order, are a rotation of the other's:
    /// `Jong Un Kim` / `KIM, Jong Un` (the surname moved to the other end), but not
    /// `Yong Su Ri` / `Ri Su Yong` (the given-name syllables swapped: another person). Pairs are
    /// labelled by their spelling so that repeated words may trade places.
    fn in_rotated_order(&self, ta: &[Token]) -> bool {
        let labels = |by_b: bool| {
            let mut pairs = self.chosen.clone();
            pairs.sort_by_key(|p| if by_b { p.b.0 } else { p.a.0 });
            pairs
                .iter()
                .map(|p| joined_keys(&ta[p.a.0..p.a.1]))
                .collect::<Vec<String>>()
        };
        let (in_a, in_b) = (labels(false), labels(true));
        let n = in_a.len();
        n <= 2 || (0..n).any(|shift| (0..n).all(|i| in_a[(i + shift) % n] == in_b[i]))
    }

    /// True when no word (legal forms and particles aside) is left unaligned on either side.
    fn complete(&self, ta: &[Token], tb: &[Token]) -> bool {
        let aligned = |tokens: &[Token], used: &[bool]| {
            tokens
                .iter()
                .zip(used)
                .all(|(t, u)| *u || t.class != TokenClass::Word)
        };
        aligned(ta, &self.used_a) && aligned(tb, &self.used_b)
    }
}

/// A symmetric, content-based order for pairs of equal similarity and gain, so that swapping the
/// two names never changes which pairs are chosen: each pair is read as its two joined keys,
/// the smaller first, and the readings compare as tuples (without building the strings: ties are
/// common and this runs inside the sort).
fn tie_break(ta: &[Token], tb: &[Token], x: &Pair, y: &Pair) -> std::cmp::Ordering {
    let ordered = |p: &Pair| {
        let (one, other) = (&ta[p.a.0..p.a.1], &tb[p.b.0..p.b.1]);
        if key_bytes(one).le(key_bytes(other)) {
            (one, other)
        } else {
            (other, one)
        }
    };
    let ((x1, x2), (y1, y2)) = (ordered(x), ordered(y));
    key_bytes(x1)
        .cmp(key_bytes(y1))
        .then_with(|| key_bytes(x2).cmp(key_bytes(y2)))
}

/// The bytes of the tokens' keys written together, as [`joined_keys`] spells them.
fn key_bytes(tokens: &[Token]) -> impl Iterator<Item = u8> + '_ {
    tokens.iter().flat_map(|t| t.key.bytes())
}

fn joined_keys(tokens: &[Token]) -> String {
    tokens.iter().map(|t| t.key.as_str()).collect()
}

fn single_pairs(ta: &[Token], tb: &[Token], kind: NameKind) -> Pairs {
    let mut pairs = Pairs::new();
    // Initials stand for given names only in names that are not Korean (`I` is a surname).
    let initials =
        kind == NameKind::Person && !person::reads_korean(ta) && !person::reads_korean(tb);
    for (i, x) in ta.iter().enumerate() {
        for (j, y) in tb.iter().enumerate() {
            let mut similarity = token_similarity(x, y);
            if similarity == 0.0 && initials {
                similarity = person::initial_similarity(x, y).unwrap_or(0.0);
            }
            if similarity > 0.0 {
                pairs.push(Pair {
                    a: (i, i + 1),
                    b: (j, j + 1),
                    similarity,
                    gain: similarity * (x.weight + y.weight),
                });
            }
        }
    }
    pairs
}

/// Runs of up to [`super::spans::MAX_RUN`] neighbouring tokens on each side whose spellings, written together,
/// are the same: `Nam Chon Gang` / `Namchongang`, `Myong-chin` / `Myongc-hin`. Never fuzzy:
/// across syllable boundaries a near spelling is another name (`Myong Gi` is not `Mi Gyong`).
fn run_pairs(a: &PreparedName, b: &PreparedName) -> Pairs {
    let (ta, tb) = (&a.tokens, &b.tokens);
    let mut pairs = Pairs::new();
    for x in a.spans() {
        for y in b.spans() {
            if x.range.1 - x.range.0 == 1 && y.range.1 - y.range.0 == 1 {
                continue;
            }
            let keys_agree = matches!((x.keys, y.keys), (Some(kx), Some(ky)) if kx == ky);
            let agree = (keys_agree && joined(ta, x.range, true) == joined(tb, y.range, true))
                || (x.text == y.text && joined(ta, x.range, false) == joined(tb, y.range, false));
            if agree {
                pairs.push(Pair {
                    a: x.range,
                    b: y.range,
                    similarity: 1.0,
                    gain: x.weight + y.weight,
                });
            }
        }
    }
    pairs
}

/// The joined (folded) spelling of a range, to confirm a hash match.
fn joined(tokens: &[Token], (s, e): (usize, usize), keys: bool) -> String {
    fn spelling(t: &Token, keys: bool) -> &str {
        if keys {
            &t.key
        } else {
            &t.text
        }
    }
    let run = &tokens[s..e];
    let mut out = String::with_capacity(run.iter().map(|t| spelling(t, keys).len()).sum());
    for t in run {
        for c in spelling(t, keys).chars() {
            if !out.ends_with(c) {
                out.push(c);
            }
        }
    }
    out
}

/// Similarity of two tokens in [0, 1]; 0 means different words.
pub fn token_similarity(a: &Token, b: &Token) -> f32 {
    match (a.class, b.class) {
        (TokenClass::LegalForm, TokenClass::LegalForm) => return 1.0,
        (TokenClass::LegalForm, _) | (_, TokenClass::LegalForm) => return 0.0,
        _ => {}
    }
    if a.key == b.key || a.text == b.text {
        return 1.0;
    }
    if korean::is_typing_slip(&a.text, &b.text) {
        return TYPING_SLIP_SIMILARITY;
    }
    if let Some(similarity) = abjad_similarity(a, b) {
        return similarity;
    }
    if a.korean && b.korean {
        if a.key.len().min(b.key.len()) <= SHORT_KOREAN_KEY {
            let slip = korean::is_typing_slip(&a.key, &b.key);
            return if slip { TYPING_SLIP_SIMILARITY } else { 0.0 };
        }
        return text_similarity(&a.key, &b.key);
    }
    if a.korean || b.korean {
        // Keys of different systems: only the spellings compare.
        return text_similarity(&a.text, &b.text);
    }
    let similarity = text_similarity(&a.key, &b.key);
    if similarity <= 0.0 || similarity >= 1.0 {
        return similarity;
    }
    // Jaro-Winkler rewards a long shared prefix (`Vasinski` / `Vasilenko`); a spelling variant
    // differs in a few letters, not in a third of the word.
    let edits = strsim::osa_distance(&a.key, &b.key);
    let shorter = a.key.len().min(b.key.len());
    if edits > (shorter / LETTERS_PER_EDIT).max(1) {
        return 0.0;
    }
    similarity.max(long_word_slip(shorter, edits))
}

/// Similarity of a word written in Arabic script (or another script without short vowels),
/// which reads as a consonant skeleton (`mhmd`), and a Latin spelling with its vowels
/// (`Muhammad`): see [`transliteration::abjad_reads_as`]; at least [`transliteration::MIN_SKELETON_LEN`]
/// consonants, or a short word (`ly` / `Ali`).
fn abjad_similarity(a: &Token, b: &Token) -> Option<f32> {
    let (sparse, full) = match (a.sparse, b.sparse) {
        (true, false) => (a, b),
        (false, true) => (b, a),
        _ => return None,
    };
    let full_key = full.latin();
    let long_enough = transliteration::skeleton_len(&sparse.key)
        >= transliteration::MIN_SKELETON_LEN
        || full_key.len() <= sparse.key.len() + 2;
    (long_enough && transliteration::abjad_reads_as(&sparse.key, full_key))
        .then_some(ABJAD_SIMILARITY)
}

/// A typing slip in a long word costs less than in a short one: one edit in a word of
/// [`LONG_WORD_LEN`] letters or more, or two in one twice as long.
fn long_word_slip(shorter: usize, edits: usize) -> f32 {
    match edits {
        1 if shorter >= LONG_WORD_LEN => LONG_WORD_ONE_SLIP,
        2 if shorter >= 2 * LONG_WORD_LEN => LONG_WORD_TWO_SLIPS,
        _ => 0.0,
    }
}

/// Jaro-Winkler with guards and a floor; 1.0 for equal strings. Words of up to
/// [`EXACT_ONLY_LEN`] letters are never fuzzy (a letter more or less makes another word), and
/// fuzzy words up to [`SAME_INITIAL_LEN`] letters must share their first letter.
fn text_similarity(a: &str, b: &str) -> f32 {
    if a == b {
        return 1.0;
    }
    let ascii = a.is_ascii() && b.is_ascii();
    let (la, lb) = if ascii {
        (a.len(), b.len())
    } else {
        (a.chars().count(), b.chars().count())
    };
    let shorter = la.min(lb);
    if shorter <= EXACT_ONLY_LEN
        || (shorter as f32) < MIN_LENGTH_RATIO * la.max(lb) as f32
        || (shorter <= SAME_INITIAL_LEN && a.chars().next() != b.chars().next())
        || (ascii && !may_reach_min_similarity(a.as_bytes(), b.as_bytes()))
    {
        return 0.0;
    }
    let similarity = strsim::jaro_winkler(a, b) as f32;
    if similarity >= TOKEN_MIN_SIMILARITY {
        similarity
    } else {
        0.0
    }
}

/// False when Jaro-Winkler cannot reach [`TOKEN_MIN_SIMILARITY`], judged from the letters alone:
/// most pairs of words the scorer meets are plainly different, and this costs a pass over each.
///
/// Jaro counts `m` matching letters; a letter of one word that the other lacks cannot match, so
/// `m` is at most the letters of each word found in the other. Jaro is at most
/// `(m/|a| + m/|b| + 1) / 3`, and Winkler's bonus (a prefix of at most 4 letters, 0.1 each) at
/// most `0.4 (1 - jaro)`; below `jaro = 0.8` the result stays under 0.88.
fn may_reach_min_similarity(a: &[u8], b: &[u8]) -> bool {
    let letters = |w: &[u8]| w.iter().fold(0u128, |set, &c| set | 1 << (c & 0x7f));
    let found_in = |w: &[u8], set: u128| w.iter().filter(|&&c| set >> (c & 0x7f) & 1 == 1).count();
    let m = found_in(a, letters(b)).min(found_in(b, letters(a))) as f32;
    let jaro_bound = (m / a.len() as f32 + m / b.len() as f32 + 1.0) / 3.0;
    // The Winkler bound, with a margin for rounding: only plainly lower pairs are refused.
    let best = jaro_bound + 0.4 * (1.0 - jaro_bound);
    best >= TOKEN_MIN_SIMILARITY - 1e-4
}

#[cfg(test)]
#[path = "score_bound_tests.rs"]
mod bound_tests;
