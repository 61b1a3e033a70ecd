//! Specification of HS code normalization and of HS codes quoted in descriptions.

use proptest::prelude::*;

use super::{find_hs_in_text, normalize_hs, HsCode};

fn digits(raw: &str) -> Option<String> {
    normalize_hs(raw).map(|c| c.digits)
}

fn in_text(text: &str) -> Option<String> {
    find_hs_in_text(text).map(|c| c.digits)
}

#[test]
fn dotted_spaced_and_plain_codes_normalize_to_digits() {
    assert_eq!(digits("0307.43.0050").as_deref(), Some("0307430050"));
    assert_eq!(digits("0307.43.00.50").as_deref(), Some("0307430050"));
    assert_eq!(digits("030743").as_deref(), Some("030743"));
    assert_eq!(digits("0307 43").as_deref(), Some("030743"));
    assert_eq!(digits(" 6109-10 ").as_deref(), Some("610910"));
    assert_eq!(digits("ＨＳ ０３０７．４３").as_deref(), Some("030743"));
}

#[test]
fn a_leading_marker_in_the_field_is_dropped() {
    assert_eq!(digits("HS 0307.43").as_deref(), Some("030743"));
    assert_eq!(
        digits("hts code: 6109.10.0012").as_deref(),
        Some("6109100012")
    );
    assert_eq!(digits("HTSUS 6109.10").as_deref(), Some("610910"));
}

#[test]
fn float_typed_codes_lose_the_dot_zero() {
    assert_eq!(digits("8451.0").as_deref(), Some("8451"));
    assert_eq!(digits("30743.0").as_deref(), Some("030743"));
}

#[test]
fn a_real_zero_subheading_is_not_mistaken_for_a_float() {
    assert_eq!(digits("0501.00").as_deref(), Some("050100"));
}

#[test]
fn odd_length_codes_get_back_their_lost_leading_zero() {
    assert_eq!(digits("30743").as_deref(), Some("030743"));
    assert_eq!(digits("30749").as_deref(), Some("030749"));
    assert_eq!(digits("307430050").as_deref(), Some("0307430050"));
    assert_eq!(digits("307").as_deref(), Some("0307"));
}

#[test]
fn text_that_is_not_exactly_one_code_is_rejected() {
    for raw in [
        "",
        "N/A",
        "TBD",
        "HS",
        "HS CODE",
        "frozen squid",
        "0307.43 / 0307.49",
        "030743, 030749",
        "12345678901",
        "0",
        "00",
        "0000",
        "-0307",
        "3.0743E5",
        "0307a",
    ] {
        assert_eq!(digits(raw), None, "`{raw}`");
    }
}

#[test]
fn codes_display_in_dotted_hts_style() {
    let code = |d: &str| {
        HsCode {
            digits: d.to_owned(),
        }
        .to_string()
    };
    assert_eq!(code("03"), "03");
    assert_eq!(code("0307"), "0307");
    assert_eq!(code("030743"), "0307.43");
    assert_eq!(code("03074300"), "0307.43.00");
    assert_eq!(code("0307430050"), "0307.43.00.50");
}

#[test]
fn codes_after_an_hs_marker_in_descriptions_are_found() {
    assert_eq!(
        in_text("JAM FLASKS HS CODE   20079939").as_deref(),
        Some("20079939")
    );
    assert_eq!(
        in_text("TEMPERED GLASS HS CODE:7007190000").as_deref(),
        Some("7007190000")
    );
    assert_eq!(
        in_text("STOVE PARTS H.S.CODE: 7321 11").as_deref(),
        Some("732111")
    );
    assert_eq!(in_text("BOLTS HTS CODE 731829").as_deref(), Some("731829"));
    assert_eq!(
        in_text("FROZEN SQUID RINGS HS 0307.43 NET WT 20 KG").as_deref(),
        Some("030743")
    );
    assert_eq!(
        in_text("hs-code no. 6109.10.0012 cotton tees").as_deref(),
        Some("6109100012")
    );
    assert_eq!(in_text("HSCODE 610910").as_deref(), Some("610910"));
    assert_eq!(in_text("HTSUS#6109100012").as_deref(), Some("6109100012"));
}

#[test]
fn a_bare_number_in_a_description_is_not_an_hs_code() {
    for text in [
        "1200 CTNS FROZEN SQUID 030743",
        "PO 20079939 JAM FLASKS",
        "FROZEN SQUID 24000 KGS",
        "HSBC REF 123456",
        "THS 123456",
        "CRASHS 123456",
    ] {
        assert_eq!(in_text(text), None, "`{text}`");
    }
}

#[test]
fn a_marker_without_a_code_is_skipped_and_the_next_marker_used() {
    assert_eq!(
        in_text("HS CODE TBA; HTS 610910").as_deref(),
        Some("610910")
    );
    assert_eq!(in_text("HS CODE TO FOLLOW"), None);
    assert_eq!(in_text("HS 12 PCS"), None);
}

#[test]
fn quantities_after_a_code_are_not_joined_to_it() {
    assert_eq!(in_text("HS 7321 500 PCS").as_deref(), Some("7321"));
    assert_eq!(
        in_text("HS CODE 6109100010 500 CTNS").as_deref(),
        Some("6109100010")
    );
    assert_eq!(in_text("HS CODE 610910 50 CTNS").as_deref(), Some("610910"));
}

proptest! {
    #[test]
    fn normalize_hs_never_panics_and_yields_valid_codes(raw in "\\PC{0,40}") {
        if let Some(code) = normalize_hs(&raw) {
            prop_assert!(code.digits.len() >= 2 && code.digits.len() <= 10);
            prop_assert_eq!(code.digits.len() % 2, 0);
            prop_assert!(code.digits.chars().all(|c| c.is_ascii_digit()));
        }
    }

    #[test]
    fn find_hs_in_text_never_panics_and_yields_valid_codes(text in "\\PC{0,80}") {
        if let Some(code) = find_hs_in_text(&text) {
            prop_assert!(code.digits.len() >= 4 && code.digits.len() <= 10);
            prop_assert_eq!(code.digits.len() % 2, 0);
        }
    }

    #[test]
    fn normalizing_a_normalized_code_changes_nothing(d in "[1-9][0-9]{1,9}") {
        if let Some(code) = normalize_hs(&d) {
            prop_assert_eq!(normalize_hs(&code.digits), Some(code.clone()));
            prop_assert_eq!(normalize_hs(&code.to_string()), Some(code));
        }
    }
}
