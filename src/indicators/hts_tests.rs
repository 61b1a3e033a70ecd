//! Specification of HTS/HS descriptions.

use super::{clean_description, DescriptionSource, HtsTable};
use crate::indicators::{normalize_hs, RefError};

fn table() -> &'static HtsTable {
    crate::indicators::test_tables::hts()
}

fn describe(raw: &str) -> super::HtsDescription {
    let Some(code) = normalize_hs(raw) else {
        panic!("`{raw}` must normalize");
    };
    match table().describe(&code) {
        Some(d) => d,
        None => panic!("`{raw}` must have a description"),
    }
}

#[test]
fn a_ten_digit_squid_line_is_described_by_its_full_hierarchy() {
    let d = describe("0307.43.0050");
    assert_eq!(d.number, "0307.43.00.50");
    assert_eq!(d.source, DescriptionSource::UsitcHts2024);
    assert_eq!(d.levels.len(), 6, "{:?}", d.levels);
    assert!(d.levels[0].starts_with("Molluscs, whether in shell or not"));
    assert_eq!(
        &d.levels[1..],
        ["Cuttle fish and squid", "Frozen", "Squid", "Other", "Other"]
    );
    assert!(
        d.text
            .ends_with(": Cuttle fish and squid: Frozen: Squid: Other: Other"),
        "{}",
        d.text
    );
}

#[test]
fn an_hs_subheading_the_us_did_not_split_is_described_by_its_only_us_line() {
    let d = describe("0307.43");
    assert_eq!(d.number, "0307.43.00");
    assert_eq!(d.digits, "03074300");
    assert!(
        d.text.ends_with(": Cuttle fish and squid: Frozen"),
        "{}",
        d.text
    );

    let d = describe("6109.10");
    assert_eq!(d.number, "6109.10.00");
    assert_eq!(
        d.text,
        "T-shirts, singlets, tank tops and similar garments, knitted or crocheted: Of cotton"
    );
}

#[test]
fn a_six_digit_hts_line_is_used_as_written() {
    let d = describe("030475");
    assert_eq!(d.number, "0304.75");
    assert_eq!(
        d.levels.last().map(String::as_str),
        Some("Alaska pollock (Theragra chalcogramma)")
    );
    assert!(
        d.levels[1].starts_with("Frozen fillets of the families Bregmacerotidae"),
        "{:?}",
        d.levels
    );
}

#[test]
fn a_chapter_falls_back_to_the_hs_nomenclature() {
    let d = describe("03");
    assert_eq!(d.source, DescriptionSource::WcoHs2022);
    assert_eq!(
        d.text,
        "Fish and crustaceans, molluscs and other aquatic invertebrates"
    );
}

#[test]
fn an_unknown_statistical_suffix_falls_back_to_the_longest_known_line() {
    let d = describe("0307.43.0099");
    assert_eq!(d.number, "0307.43.00");
    assert_eq!(d.source, DescriptionSource::UsitcHts2024);
}

#[test]
fn when_hs_is_more_specific_than_any_hts_line_hs_is_used() {
    // The HTS has no 5604.90 line, only 5604.90.20.00 and 5604.90.90.00; HS 560490 describes it whole.
    let d = describe("5604.90");
    assert_eq!(d.source, DescriptionSource::WcoHs2022, "{d:?}");
    assert_eq!(d.digits, "560490");
    assert_eq!(d.levels.len(), 3);
}

#[test]
fn a_code_in_no_chapter_has_no_description() {
    let Some(code) = normalize_hs("7700") else {
        panic!("7700 normalizes");
    };
    assert_eq!(table().describe(&code), None);
}

#[test]
fn html_in_usitc_descriptions_is_removed() {
    assert_eq!(
        clean_description("Mussels (<i>Mytilus spp., Perna spp.</i>):"),
        "Mussels (Mytilus spp., Perna spp.)"
    );
    assert_eq!(clean_description("Other<i></i>:<i></i>"), "Other");
    assert_eq!(clean_description("a; <newline></newline>b"), "a; b");
    assert_eq!(clean_description("m<sup>3</sup>"), "m3");
}

#[test]
fn a_non_numeric_indent_names_its_line() {
    let hts = b"HTS Number,Indent,Description\n0101,0,Live horses\n0101.21,x,Purebred\n";
    let hs = b"section,hscode,description,parent,level\nI,01,Animals; live,TOTAL,2\n";
    match HtsTable::from_sources(hts, hs) {
        Err(RefError::InvalidValue { line, column, .. }) => {
            assert_eq!((line, column), (3, "Indent"))
        }
        other => panic!("expected an indent error, got {other:?}"),
    }
}
