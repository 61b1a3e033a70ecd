//! Properties of the name scorer that must hold for any input: scores lie in [0, 1], scoring is
//! symmetric, identical names score 1, normalization is idempotent, and nothing panics on
//! arbitrary Unicode.

use caatsa_screen::names::{self, normalize::normalize, NameKind, TokenWeights};
use proptest::prelude::*;

fn kind() -> impl Strategy<Value = NameKind> {
    prop_oneof![
        Just(NameKind::Person),
        Just(NameKind::Organization),
        Just(NameKind::Vessel)
    ]
}

/// Names built from romanized Korean syllables, legal forms and common words, so that the
/// interesting rules (keys, runs, legal forms) are exercised, not only random noise.
fn name_like() -> impl Strategy<Value = String> {
    let words = prop::sample::select(vec![
        "kim",
        "jong",
        "un",
        "il",
        "ri",
        "lee",
        "pak",
        "park",
        "chol",
        "cheol",
        "nam",
        "chon",
        "gang",
        "namchongang",
        "korea",
        "joseon",
        "trading",
        "general",
        "corp",
        "co",
        "ltd",
        "ryonbong",
        "ryeonbong",
        "al",
        "hassan",
        "mohammad",
        "mohamed",
        "bank",
        "jv",
        "ab",
        "ba",
    ]);
    prop::collection::vec(words, 1..6).prop_map(|w| w.join(" "))
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 400, .. ProptestConfig::default() })]

    #[test]
    fn scores_lie_in_the_unit_interval_and_never_panic(a in "\\PC{0,40}", b in "\\PC{0,40}", k in kind()) {
        let s = names::pair_score(&a, &b, k, &TokenWeights::uniform()).score;
        prop_assert!((0.0..=1.0).contains(&s), "{s}");
    }

    #[test]
    fn scoring_is_symmetric(a in name_like(), b in name_like(), k in kind()) {
        let w = TokenWeights::uniform();
        let ab = names::pair_score(&a, &b, k, &w).score;
        let ba = names::pair_score(&b, &a, k, &w).score;
        prop_assert!((ab - ba).abs() < 1e-5, "{a:?} vs {b:?}: {ab} != {ba}");
    }

    #[test]
    fn scoring_is_symmetric_on_arbitrary_text(a in "\\PC{0,30}", b in "\\PC{0,30}", k in kind()) {
        let w = TokenWeights::uniform();
        let ab = names::pair_score(&a, &b, k, &w).score;
        let ba = names::pair_score(&b, &a, k, &w).score;
        prop_assert!((ab - ba).abs() < 1e-5, "{a:?} vs {b:?}: {ab} != {ba}");
    }

    #[test]
    fn a_name_matches_itself(a in name_like(), k in kind()) {
        let s = names::pair_score(&a, &a, k, &TokenWeights::uniform()).score;
        prop_assert!(s > 0.999, "{a:?}: {s}");
    }

    #[test]
    fn normalization_is_idempotent(a in "\\PC{0,40}") {
        let once = normalize(&a);
        prop_assert_eq!(normalize(&once), once);
    }
}
