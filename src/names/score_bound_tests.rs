//! The letter-set bound that lets the scorer skip Jaro-Winkler must never refuse a pair that
//! Jaro-Winkler would accept, and should refuse plainly different words.

use proptest::prelude::*;

use super::{may_reach_min_similarity, TOKEN_MIN_SIMILARITY};

proptest! {
    #![proptest_config(ProptestConfig::with_cases(20_000))]

    /// Small alphabets make near-equal words common, so the bound is tested where it is tight.
    #[test]
    fn never_refuses_a_pair_jaro_winkler_accepts(a in "[abcde]{1,12}", b in "[abcdef]{1,12}") {
        let jw = strsim::jaro_winkler(&a, &b) as f32;
        if jw >= TOKEN_MIN_SIMILARITY {
            prop_assert!(may_reach_min_similarity(a.as_bytes(), b.as_bytes()), "{a} / {b}: {jw}");
        }
    }

    #[test]
    fn never_refuses_a_one_letter_change(word in "[a-z]{4,14}", at in 0usize..14, c in "[a-z]") {
        let at = at % word.len();
        let other = format!("{}{}{}", &word[..at], c, &word[at + 1..]);
        let jw = strsim::jaro_winkler(&word, &other) as f32;
        if jw >= TOKEN_MIN_SIMILARITY {
            prop_assert!(may_reach_min_similarity(word.as_bytes(), other.as_bytes()));
        }
    }
}

#[test]
fn refuses_words_with_too_few_letters_in_common() {
    assert!(!may_reach_min_similarity(b"hongxiang", b"kwangmyong"));
    assert!(!may_reach_min_similarity(b"trading", b"shipping"));
    assert!(may_reach_min_similarity(b"trading", b"tradign"));
    assert!(may_reach_min_similarity(b"hongxiang", b"hongxaing"));
}
