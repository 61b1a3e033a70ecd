//! Each name-equivalence rule of the matcher, pinned with a case it must accept and a case it
//! must reject, at the production thresholds.

use caatsa_screen::names::{self, Matcher, NameKind, TokenWeights, WatchName, MATCH_THRESHOLD};

pub fn score(a: &str, b: &str, kind: NameKind) -> f32 {
    names::pair_score(a, b, kind, &TokenWeights::uniform()).score
}

pub fn matches(a: &str, b: &str, kind: NameKind) -> bool {
    score(a, b, kind) >= MATCH_THRESHOLD
}

use NameKind::{Organization as Org, Person};

#[test]
fn mccune_reischauer_vowels_meet_revised_romanization() {
    assert!(matches(
        "KOREA RYONBONG GENERAL CORPORATION",
        "Korea Ryeonbong General Corp.",
        Org
    ));
    assert!(matches(
        "KOREA KUMSAN TRADING CORPORATION",
        "Korea Geumsan Trading Corporation",
        Org
    ));
    assert!(!matches(
        "KOREA RYONBONG GENERAL CORPORATION",
        "Korea Sungbong General Corp.",
        Org
    ));
}

#[test]
fn initial_consonants_k_g_t_d_p_b_ch_j_are_equivalent() {
    assert!(matches(
        "KOREA KWANGSON BANKING CORP",
        "Korea Gwangseon Banking Corporation",
        Org
    ));
    assert!(matches(
        "TANCHON COMMERCIAL BANK",
        "Danchon Commercial Bank",
        Org
    ));
    assert!(matches(
        "PAEKSOL TRADING CORPORATION",
        "Baeksol Trading Company",
        Org
    ));
    assert!(matches(
        "CHONGCHONGANG SHIPPING CO",
        "Jeongcheongang Shipping Co",
        Org
    ));
    assert!(!matches(
        "TANCHON COMMERCIAL BANK",
        "Daehan Commercial Bank",
        Org
    ));
}

#[test]
fn aspirate_apostrophes_vanish() {
    assert!(matches(
        "CH'OLHYO'N OVERSEAS CONSTRUCTION COMPANY",
        "Cholhyon Overseas Construction Co",
        Org
    ));
    assert!(matches(
        "CH'OLHYO'N OVERSEAS CONSTRUCTION COMPANY",
        "Cheolhyeon Overseas Construction",
        Org
    ));
}

#[test]
fn surname_variants_ri_lee_yi_pak_park_ro_no_ryu_yu_rim_im() {
    assert!(matches("RI, Su Yong", "Lee Su-yong", Person));
    assert!(matches("RI, Su Yong", "Yi Su Yong", Person));
    assert!(matches("PAK, Chol Nam", "Park Cheol-nam", Person));
    assert!(matches("RO, Song Chol", "Noh Song Chol", Person));
    assert!(matches("RYU, Jong Nam", "Yu Jong Nam", Person));
    assert!(matches("RIM, Yong Hyok", "Im Yong Hyok", Person));
    assert!(matches("RYANG, Su Nyo", "Yang Su Nyo", Person));
    assert!(!matches("RI, Su Yong", "Kim Su Yong", Person));
}

#[test]
fn syllables_written_together_or_apart_are_the_same_name() {
    assert!(matches(
        "NAMCHONGANG TRADING CORPORATION",
        "Nam Chon Gang Trading Co",
        Org
    ));
    assert!(matches("KIM, Jong Un", "Kim Jong-un", Person));
    assert!(matches("KIM, Jong Un", "Kim Jongun", Person));
    assert!(!matches("KIM, Myong Gi", "Kim Mi Gyong", Person));
}

#[test]
fn person_names_match_in_any_rotation_but_not_reshuffled() {
    assert!(matches("KIM, Jong Un", "Kim Jong Un", Person));
    assert!(matches("KIM, Jong Un", "Jong Un Kim", Person));
    assert!(!matches("RI, Su Yong", "Ri Yong Su", Person));
}

#[test]
fn every_syllable_of_a_korean_given_name_matters() {
    assert!(!matches("KIM, Jong Un", "Kim Jong Il", Person));
    assert!(!matches("KIM, Il Su", "Kim Il-sung", Person));
    assert!(!matches("KIM, Jong Chol", "Kim Jong Chon", Person));
    // A typing slip is not another syllable.
    assert!(matches("KIM, Sok Chol", "Kim Sko Chol", Person));
    assert!(matches("CHOE, Song Il", "Chooe Song Il", Person));
}

#[test]
fn hangul_meets_romanized_names() {
    assert!(matches("KIM, Jong Un", "김정은", Person));
    assert!(!matches("KIM, Jong Un", "김정일", Person));
    assert!(matches("RI, Su Yong", "리수용", Person));
}

#[test]
fn legal_forms_and_abbreviations_are_equivalent() {
    assert!(matches(
        "MIRIM SHIPPING CO LTD",
        "Mirim Shipping Company Limited",
        Org
    ));
    assert!(matches(
        "KOREA MINING DEVELOPMENT TRADING CORPORATION",
        "Korea Mining Devt. Trading Corp",
        Org
    ));
    assert!(matches("KOREA EXPO JOINT VENTURE", "Korea Expo J/V", Org));
    assert!(matches("MOKRAN LLC", "Mokran OOO", Org));
}

#[test]
fn choson_chosun_joseon_stand_for_korea_in_organisation_names() {
    assert!(matches(
        "KOREA EXPO JOINT VENTURE",
        "Joseon Expo Joint Venture",
        Org
    ));
    assert!(matches(
        "KOREA EXPO JOINT VENTURE",
        "Chosun Expo Joint Venture",
        Org
    ));
    assert!(!matches(
        "KOREA EXPO JOINT VENTURE",
        "Japan Expo Joint Venture",
        Org
    ));
}

#[test]
fn a_missing_distinctive_word_pulls_the_score_down_hard() {
    // Weights from a small watchlist where Korea/General/Trading are common.
    let list = [
        "KOREA RUNGRADO GENERAL TRADING CORPORATION",
        "KOREA KWANGSON GENERAL TRADING CORPORATION",
        "KOREA TAESONG GENERAL TRADING CORPORATION",
        "KOREA HYOKSIN TRADING CORPORATION",
        "KOREA DAESONG BANK",
    ];
    let m = matcher(&list);
    let s = m
        .score_pair(list[0], "Korea General Trading Corporation", Org)
        .score;
    assert!(s < names::POSSIBLE_THRESHOLD, "{s}");
    let t = m.score_pair(list[0], "Rungrado Trading Company", Org).score;
    assert!(
        t > s,
        "sharing the distinctive word counts more: {t} vs {s}"
    );
}

#[test]
fn generic_words_alone_do_not_match() {
    assert!(!matches(
        "KOREA ZINC INDUSTRIAL GROUP",
        "Korea Zinc Co., Ltd.",
        Org
    ));
    assert!(!matches(
        "HANA BANKING CORPORATION LTD",
        "Hana Financial Group",
        Org
    ));
    assert!(!matches(
        "KOREA DAESONG BANK",
        "Korea Daesong General Trading Corporation",
        Org
    ));
}

fn matcher(names: &[&str]) -> Matcher {
    Matcher::new(
        names
            .iter()
            .enumerate()
            .map(|(i, n)| WatchName {
                owner: i as u32,
                name: n.to_string(),
                kind: NameKind::infer(n),
                weak: false,
            })
            .collect(),
    )
}

#[test]
fn weak_aliases_match_only_whole_and_exact_and_say_so() {
    let mut list = vec![WatchName {
        owner: 7,
        name: "KOREA PAEKHO TRADING CORPORATION".into(),
        kind: Org,
        weak: false,
    }];
    list.push(WatchName {
        owner: 7,
        name: "KPTC".into(),
        kind: Org,
        weak: true,
    });
    let m = Matcher::new(list);
    let exact = m.search("K.P.T.C.", 0.5, 5);
    assert_eq!(exact.len(), 1);
    assert!(exact[0].weak && exact[0].owner == 7);
    assert!(m.search("KPTC Shipping", 0.5, 5).iter().all(|h| !h.weak));
    assert!(m.search("KPTD", 0.5, 5).is_empty());
}

#[test]
fn the_index_finds_romanization_variants_and_joined_syllables() {
    let m = matcher(&[
        "NAM CHON GANG TRADING",
        "KOREA RYONBONG GENERAL CORPORATION",
        "KIM, Jong Un",
    ]);
    assert_eq!(m.search("Namchongang Trading", 0.75, 1)[0].owner, 0);
    assert_eq!(m.search("Ryeonbong General Corp", 0.75, 1)[0].owner, 1);
    assert_eq!(m.search("김정은", 0.75, 1)[0].owner, 2);
    assert!(m.search("Acme Widgets", 0.75, 1).is_empty());
}
