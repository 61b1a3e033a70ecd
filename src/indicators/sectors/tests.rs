//! Specification of sector classification.

use std::collections::HashSet;

use proptest::prelude::*;

use super::{SectorBasis, SectorMatch, SectorTable, SECTOR_IDS};
use crate::indicators::ref_csv::{field, CsvRows};
use crate::indicators::Sector;
use crate::indicators::{normalize_hs, HsCode, RefError};

fn table() -> &'static SectorTable {
    crate::indicators::test_tables::sectors()
}

fn code(raw: &str) -> HsCode {
    match normalize_hs(raw) {
        Some(code) => code,
        None => panic!("`{raw}` must normalize"),
    }
}

fn sectors(matches: &[SectorMatch]) -> Vec<&str> {
    matches.iter().map(|m| m.sector.as_str()).collect()
}

fn by_code(raw: &str) -> Vec<SectorMatch> {
    table().classify(Some(&code(raw)), None)
}

fn by_words(description: &str) -> Vec<SectorMatch> {
    table().classify(None, Some(description))
}

#[test]
fn every_prefix_exists_in_the_hs_nomenclature() {
    let hs = include_bytes!(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/data/hs/harmonized-system.csv"
    ));
    let csv = match CsvRows::parse("harmonized-system.csv", hs) {
        Ok(csv) => csv,
        Err(e) => panic!("{e}"),
    };
    let column = match csv.column("hscode") {
        Ok(column) => column,
        Err(e) => panic!("{e}"),
    };
    let codes: HashSet<&str> = csv.rows().map(|(_, r)| field(r, column)).collect();
    for (prefix, sector) in table().prefixes() {
        assert!(
            codes.contains(prefix),
            "{sector} prefix {prefix} is not an HS 2022 code"
        );
    }
}

#[test]
fn every_sector_id_has_a_prefix_and_a_label() {
    for id in SECTOR_IDS {
        assert!(
            table().prefixes().any(|(_, s)| s == id),
            "{id} has no prefix"
        );
        let sector = Sector::parse(id).expect("a sector id");
        assert!(table().label(sector).is_some(), "{id} has no label");
    }
    let goods: Vec<&str> = Sector::GOODS.iter().map(|s| s.as_str()).collect();
    assert_eq!(goods, SECTOR_IDS, "the sector type and the id list agree");
    assert_eq!(
        table().label(Sector::Seafood),
        Some("Seafood (fish, crustaceans, molluscs)")
    );
    assert_eq!(table().label(Sector::Construction), None);
}

#[test]
fn codes_map_to_sectors_by_prefix() {
    for (raw, expected) in [
        ("0307.43.0050", "seafood"),
        ("160554", "seafood"),
        ("6109.10", "apparel"),
        ("6204", "apparel"),
        ("640399", "footwear"),
        ("520812", "textiles"),
        ("4407", "timber"),
        ("670419", "wigs"),
        ("270112", "coal"),
        ("260111", "iron"),
        ("7202", "iron"),
        ("7108.12", "gold"),
        ("2608", "minerals"),
        ("7801", "minerals"),
        ("6904", "bricks"),
        ("2523", "cement"),
        ("8517", "electronics"),
        ("9506", "sporting_goods"),
        ("8901", "ships"),
        ("8609", "containers"),
    ] {
        assert_eq!(sectors(&by_code(raw)), [expected], "{raw}");
    }
}

#[test]
fn a_code_outside_every_prefix_has_no_sector() {
    assert!(by_code("0101").is_empty());
    assert!(by_code("7007190000").is_empty());
    // A chapter alone does not reach a longer prefix: chapter 16 is not seafood as a whole.
    assert!(by_code("16").is_empty());
}

#[test]
fn overlapping_prefixes_give_every_sector_most_specific_first() {
    let matches = by_code("6307.90.9870");
    assert_eq!(sectors(&matches), ["ppe", "textiles"]);
    assert_eq!(
        matches[0].basis,
        SectorBasis::HsPrefix {
            code: "6307909870".into(),
            prefix: "630790".into()
        }
    );
    assert_eq!(
        matches[1].basis,
        SectorBasis::HsPrefix {
            code: "6307909870".into(),
            prefix: "63".into()
        }
    );
    assert_eq!(sectors(&by_code("621010")), ["ppe", "apparel"]);
    assert_eq!(sectors(&by_code("6307.10")), ["textiles"]);
}

#[test]
fn descriptions_map_to_sectors_by_keyword() {
    for (description, expected, keyword) in [
        ("FROZEN SQUID RINGS", "seafood", "squid"),
        ("frozen snow crab clusters", "seafood", "snow crab"),
        ("Alaska pollock fillets", "seafood", "pollock"),
        ("MENS COTTON T-SHIRTS", "apparel", "t-shirt"),
        ("LADIES DRESSES", "apparel", "dress"),
        ("KIDS SNEAKERS", "footwear", "sneaker"),
        ("100% polyester knit fabric", "textiles", "knit fabric"),
        ("SYNTHETIC FALSE EYELASHES", "wigs", "false eyelashes"),
        ("human hair wigs", "wigs", "wig"),
        ("birch plywood sheets", "timber", "plywood"),
        ("ANTHRACITE", "coal", "anthracite"),
        ("iron ore fines", "iron", "iron ore"),
        ("DISPOSABLE FACE MASKS", "ppe", "face mask"),
        ("frozen cod loins", "seafood", "cod"),
    ] {
        let matches = by_words(description);
        assert_eq!(sectors(&matches), [expected], "{description}");
        assert_eq!(
            matches[0].basis,
            SectorBasis::Keyword {
                keyword: keyword.into()
            },
            "{description}"
        );
    }
}

#[test]
fn keywords_never_match_inside_longer_words() {
    for description in [
        "CODE 12345 PLASTIC PARTS",
        "codfish oil capsules",
        "FISHING RODS AND REELS",
        "GOLDEN SYRUP",
        "charcoal briquettes",
        "ironing boards",
        "shirtless mannequins",
    ] {
        assert!(
            by_words(description).is_empty(),
            "{description}: {:?}",
            by_words(description)
        );
    }
}

#[test]
fn keywords_only_add_sectors_the_code_did_not_give() {
    let matches = table().classify(
        Some(&code("6109.10")),
        Some("COTTON T-SHIRTS WITH EMBROIDERY, FABRIC LABELS"),
    );
    assert_eq!(sectors(&matches), ["apparel", "textiles"]);
    assert!(matches!(matches[0].basis, SectorBasis::HsPrefix { .. }));
    assert_eq!(
        matches[1].basis,
        SectorBasis::Keyword {
            keyword: "fabric".into()
        }
    );
}

#[test]
fn a_code_quoted_in_the_description_is_used_when_no_code_is_given() {
    let matches = by_words("FROZEN SQUID HS CODE 0307.43");
    assert_eq!(sectors(&matches), ["seafood"]);
    assert_eq!(
        matches[0].basis,
        SectorBasis::HsPrefix {
            code: "030743".into(),
            prefix: "03".into()
        }
    );
}

#[test]
fn a_given_code_wins_over_a_code_quoted_in_the_description() {
    let matches = table().classify(Some(&code("8609")), Some("EMPTY BOXES HS CODE 030743"));
    assert_eq!(sectors(&matches), ["containers"]);
}

#[test]
fn nothing_to_go_on_gives_no_sector() {
    assert!(table().classify(None, None).is_empty());
    assert!(by_words("GENERAL CARGO 1200 CTNS").is_empty());
}

#[test]
fn an_unknown_sector_id_in_the_data_is_rejected_with_its_line() {
    let hs = b"prefix,sector,label,note\n03,seafood,Seafood,ch 03\n61,clothes,Clothes,ch 61\n";
    match SectorTable::from_sources(hs, b"keyword,sector\nsquid,seafood\n") {
        Err(RefError::InvalidValue {
            line,
            column,
            message,
            ..
        }) => {
            assert_eq!((line, column), (3, "sector"));
            assert!(message.contains("use one of"), "{message}");
        }
        other => panic!("expected an unknown sector error, got {other:?}"),
    }
}

#[test]
fn a_prefix_that_is_not_an_hs_level_is_rejected() {
    let hs = b"prefix,sector,label,note\n030,seafood,Seafood,bad\n";
    let err = SectorTable::from_sources(hs, b"keyword,sector\nsquid,seafood\n").err();
    assert!(
        matches!(
            err,
            Some(RefError::InvalidValue {
                column: "prefix",
                ..
            })
        ),
        "{err:?}"
    );
}

#[test]
fn two_labels_for_one_sector_are_rejected() {
    let hs = b"prefix,sector,label,note\n03,seafood,Seafood,a\n1604,seafood,Fish,b\n";
    let err = SectorTable::from_sources(hs, b"keyword,sector\nsquid,seafood\n").err();
    assert!(
        matches!(
            err,
            Some(RefError::InvalidValue {
                line: 3,
                column: "label",
                ..
            })
        ),
        "{err:?}"
    );
}

#[test]
fn a_keyword_for_a_sector_without_prefixes_is_rejected() {
    let hs = b"prefix,sector,label,note\n03,seafood,Seafood,a\n";
    let err = SectorTable::from_sources(hs, b"keyword,sector\ncoal,coal\n").err();
    assert!(
        matches!(
            err,
            Some(RefError::InvalidValue {
                column: "sector",
                ..
            })
        ),
        "{err:?}"
    );
}

proptest! {
    #[test]
    fn classify_never_panics_on_arbitrary_unicode(text in "\\PC{0,80}", digits in "[0-9]{0,10}") {
        let code = normalize_hs(&digits);
        let matches = table().classify(code.as_ref(), Some(&text));
        let mut seen = HashSet::new();
        for m in &matches {
            prop_assert!(seen.insert(m.sector), "sector {} twice", m.sector);
            prop_assert!(SECTOR_IDS.contains(&m.sector.as_str()));
        }
    }
}
