//! Specification of country resolution, the North Korea safety rules first.

use proptest::prelude::*;

use super::sources::split_alt_spellings;
use super::{CountryResolution, CountrySources, CountryTable};
use crate::indicators::RefError;

fn table() -> &'static CountryTable {
    crate::indicators::test_tables::countries()
}

fn code(raw: &str) -> Option<String> {
    table().resolve(raw).code().map(str::to_owned)
}

fn candidates(raw: &str) -> Vec<String> {
    match table().resolve(raw) {
        CountryResolution::Ambiguous { candidates, .. } => candidates,
        other => panic!("`{raw}` should be ambiguous, got {other:?}"),
    }
}

#[test]
fn nothing_south_korean_resolves_to_north_korea() {
    for raw in [
        "Korea, Republic of",
        "KOREA, REPUBLIC OF",
        "South Korea",
        "ROK",
        "R.O.K.",
        "KR",
        "kr",
        "KOR",
        "Republic of Korea",
        "Korea (the Republic of)",
        "KOREA (THE REPUBLIC OF)",
        "Korea, South",
        "Korea (South)",
        "Korea Rep.",
        "Korea, Rep.",
        "한국",
        "대한민국",
        "韩国",
        "大韩民国",
        "남한",
    ] {
        assert_eq!(code(raw).as_deref(), Some("KR"), "`{raw}`");
    }
}

#[test]
fn every_north_korean_form_resolves_to_kp() {
    for raw in [
        "Korea, Democratic People's Republic of",
        "Korea, Democratic People’s Republic of",
        "Democratic People's Republic of Korea",
        "the Democratic People's Republic of Korea",
        "KOREA (THE DEMOCRATIC PEOPLE’S REPUBLIC OF)",
        "Korea, Dem. People's Rep.",
        "DPRK",
        "D.P.R.K.",
        "Korea DPR",
        "KP",
        "kp",
        "PRK",
        "North Korea",
        "NORTH KOREA",
        "Korea, North",
        "Korea (North)",
        "북한",
        "조선",
        "북조선",
        "朝鲜",
        "朝鲜民主主义人民共和国",
    ] {
        assert_eq!(code(raw).as_deref(), Some("KP"), "`{raw}`");
    }
}

#[test]
fn bare_korea_is_ambiguous_between_the_two_koreas_never_kp() {
    for raw in [
        "Korea",
        "KOREA",
        "korea",
        " Korea. ",
        "Corea",
        "Korea Rep or DPR",
    ] {
        assert_eq!(candidates(raw), ["KP", "KR"], "`{raw}`");
    }
}

#[test]
fn the_reason_for_an_ambiguity_names_the_candidates_and_the_fix() {
    let CountryResolution::Ambiguous { reason, .. } = table().resolve("Korea") else {
        panic!("Korea must be ambiguous");
    };
    assert!(
        reason.contains("KP (Korea, Democratic People's Republic of)"),
        "{reason}"
    );
    assert!(reason.contains("KR (Korea, Republic of)"), "{reason}");
    assert!(reason.contains("write the full country name"), "{reason}");
}

#[test]
fn korea_inside_a_longer_unknown_string_is_unknown_not_a_substring_match() {
    for raw in [
        "Korea Trading Co",
        "Korea Democratic",
        "North Korea Republic Of South",
        "Kimchi Korea",
        "Republic",
    ] {
        assert_eq!(table().resolve(raw), CountryResolution::Unknown, "`{raw}`");
    }
}

#[test]
fn fips_and_itu_codes_are_not_accepted_as_codes() {
    // FIPS KN (North Korea) is ISO for Saint Kitts and Nevis; FIPS KS and ITU KRE are no ISO code.
    assert_eq!(code("KN").as_deref(), Some("KN"));
    assert_eq!(table().name("KN"), Some("Saint Kitts and Nevis"));
    assert!(table().resolve("KS").is_unknown());
    assert!(table().resolve("KRE").is_unknown());
}

#[test]
fn codes_are_matched_only_when_the_whole_input_is_the_code() {
    assert_eq!(code("cn").as_deref(), Some("CN"));
    assert_eq!(code(" chn ").as_deref(), Some("CN"));
    assert!(table().resolve("CN Shanghai").is_unknown());
    assert!(table().resolve("KPX").is_unknown());
}

#[test]
fn congo_and_the_netherlands_antilles_are_ambiguous() {
    assert_eq!(candidates("Congo"), ["CD", "CG"]);
    assert_eq!(candidates("Neth Antilles"), ["BQ", "CW", "SX"]);
    assert_eq!(code("Congo Brazzaville").as_deref(), Some("CG"));
    assert_eq!(
        code("Congo, Democratic Republic of the").as_deref(),
        Some("CD")
    );
    assert_eq!(code("Congo, Republic of the").as_deref(), Some("CG"));
}

#[test]
fn names_two_datasets_give_to_different_countries_are_ambiguous_not_first_wins() {
    // mledoze gives the Korean 인도 (India) to British Indian Ocean Territory as well.
    assert_eq!(candidates("인도"), ["IN", "IO"]);
}

#[test]
fn guinea_alone_is_the_republic_of_guinea() {
    assert_eq!(code("Guinea").as_deref(), Some("GN"));
    assert_eq!(code("Guinea Bissau").as_deref(), Some("GW"));
    assert_eq!(code("Equatorial Guinea").as_deref(), Some("GQ"));
}

#[test]
fn common_trade_names_resolve() {
    for (raw, expected) in [
        ("Hong Kong", "HK"),
        ("Hong Kong SAR", "HK"),
        ("Taiwan", "TW"),
        ("China (Taiwan)", "TW"),
        ("Russia", "RU"),
        ("Russian Federation", "RU"),
        ("Vietnam", "VN"),
        ("Viet Nam", "VN"),
        ("Laos", "LA"),
        ("Lao People's Democratic Republic", "LA"),
        ("UAE", "AE"),
        ("U.A.E.", "AE"),
        ("China (Mainland)", "CN"),
        ("Mainland China", "CN"),
        ("PRC", "CN"),
        ("P.R.C.", "CN"),
        ("P.R. China", "CN"),
        ("中国", "CN"),
        ("Burma", "MM"),
        ("USA", "US"),
        ("U.S.A.", "US"),
        ("Turkey", "TR"),
        ("Türkiye", "TR"),
        ("Cote d Ivoire", "CI"),
        ("Côte d'Ivoire", "CI"),
    ] {
        assert_eq!(code(raw).as_deref(), Some(expected), "`{raw}`");
    }
}

#[test]
fn every_name_that_resolves_to_kp_says_north_or_democratic() {
    let markers = [
        "north",
        "democratic",
        "dem",
        "dpr",
        "dprk",
        "kp",
        "prk",
        "choson",
        "북",
        "조선",
        "朝鲜",
    ];
    for key in table().keys_for("KP") {
        // `N. Korea` abbreviates North.
        assert!(
            markers.iter().any(|m| key.contains(m)) || key.starts_with("n "),
            "`{key}` resolves to KP without saying North or Democratic"
        );
        assert!(!key.contains("south"), "`{key}` resolves to KP");
    }
}

#[test]
fn every_name_that_resolves_to_kr_never_says_north() {
    for key in table().keys_for("KR") {
        for marker in ["north", "democratic", "dpr", "북", "朝鲜"] {
            assert!(!key.contains(marker), "`{key}` resolves to KR");
        }
    }
}

#[test]
fn a_country_is_found_after_the_last_comma_of_free_text() {
    let found = |text: &str| {
        table()
            .resolve_in_text(text)
            .and_then(|r| r.code().map(str::to_owned))
    };
    assert_eq!(found("Shanghai ,China (Mainland)").as_deref(), Some("CN"));
    assert_eq!(
        found("NO.8 XINHUA ROAD, DANDONG, LIAONING, CHINA").as_deref(),
        Some("CN")
    );
    assert_eq!(
        found("NO.8 XINHUA ROAD, DANDONG, CHINA 118000").as_deref(),
        Some("CN")
    );
    assert_eq!(found("Pyongyang, Korea, North").as_deref(), Some("KP"));
    assert_eq!(found("Seoul, Korea, South").as_deref(), Some("KR"));
    assert_eq!(found("Kowloon, Hong Kong, China").as_deref(), Some("HK"));
    assert_eq!(found("North Korea").as_deref(), Some("KP"));
    assert_eq!(found("Kaohsiung,China (Taiwan)").as_deref(), Some("TW"));
}

#[test]
fn free_text_is_never_searched_inside_for_a_country() {
    assert_eq!(
        table().resolve_in_text("NORTH KOREA TRADING CO LTD, NO. 5 ROAD"),
        None
    );
    assert_eq!(table().resolve_in_text("KOREA LINE CORP"), None);
    assert_eq!(
        table().resolve_in_text("goods made in china for export"),
        None
    );
    // Lower-case two-letter words at the end are prose, not ISO codes.
    assert_eq!(table().resolve_in_text("deliver to dock, no"), None);
    assert_eq!(table().resolve_in_text(""), None);
}

#[test]
fn a_bare_korea_at_the_end_of_an_address_stays_ambiguous() {
    let found = table().resolve_in_text("123 HARBOUR ROAD, BUSAN, KOREA");
    assert!(
        matches!(&found, Some(CountryResolution::Ambiguous { candidates, .. }) if candidates == &["KP", "KR"]),
        "{found:?}"
    );
}

#[test]
fn names_are_looked_up_by_code_in_any_case() {
    assert_eq!(
        table().name("kp"),
        Some("Korea, Democratic People's Republic of")
    );
    assert_eq!(table().name("KR"), Some("Korea, Republic of"));
    assert_eq!(table().name("ZZ"), None);
    assert_eq!(table().codes().count(), 249);
}

#[test]
fn mledoze_alt_spellings_with_commas_stay_whole() {
    assert_eq!(
        split_alt_spellings("KP,DPRK,Korea, Democratic People's Republic of,북한"),
        [
            "KP",
            "DPRK",
            "Korea, Democratic People's Republic of",
            "북한"
        ]
    );
}

#[test]
fn a_variant_with_a_code_outside_iso_is_rejected_with_its_line() {
    let sources = CountrySources {
        variants_csv: b"code,variant,note\nKP,DPRK,abbreviation\nKN,Korea North,FIPS code\nXX,Nowhere,not a code\n",
        ..CountrySources::builtin()
    };
    match CountryTable::from_sources(sources) {
        Err(RefError::InvalidValue { line, column, .. }) => {
            assert_eq!((line, column), (4, "code"));
        }
        other => panic!("expected an invalid code error, got {other:?}"),
    }
}

#[test]
fn a_variant_without_a_note_is_rejected() {
    let sources = CountrySources {
        variants_csv: b"code,variant,note\nKP,DPRK,\n",
        ..CountrySources::builtin()
    };
    let err = CountryTable::from_sources(sources).err();
    assert!(
        matches!(err, Some(RefError::InvalidValue { column: "note", .. })),
        "{err:?}"
    );
}

#[test]
fn a_datasets_file_without_its_code_column_names_the_missing_column() {
    let sources = CountrySources {
        datasets_csv: b"name\nKorea\n",
        ..CountrySources::builtin()
    };
    let err = CountryTable::from_sources(sources).err();
    let message = err.map(|e| e.to_string()).unwrap_or_default();
    assert!(
        message.contains("missing column `ISO3166-1-Alpha-2`"),
        "{message}"
    );
    assert!(message.contains("datasets-country-codes.csv"), "{message}");
}

proptest! {
    #[test]
    fn resolve_never_panics_on_arbitrary_unicode(raw in "\\PC{0,60}") {
        let _ = table().resolve(&raw);
        let _ = table().resolve_in_text(&raw);
    }

    #[test]
    fn resolve_in_text_never_answers_unknown(raw in "\\PC{0,60}") {
        prop_assert!(table().resolve_in_text(&raw).is_none_or(|r| !r.is_unknown()));
    }
}
