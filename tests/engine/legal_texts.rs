//! The shipped legal texts (`data/legal/texts.json`): verbatim, sourced, and marked for
//! reliability.

use caatsa_screen::indicators::legal::{
    LegalTexts, Reliability, CAATSA_A, CAATSA_B, CFR_12_42_B, CFR_12_43_A_CERTIFICATE,
    CFR_31_510_205, CLEAR_AND_CONVINCING, OFAC_SDN_LIST, REQUIRED_IDS, TARIFF_ACT_1307,
};

fn texts() -> LegalTexts {
    LegalTexts::builtin().unwrap_or_else(|e| panic!("shipped legal texts do not load: {e}"))
}

fn text_of<'a>(texts: &'a LegalTexts, id: &str) -> &'a str {
    texts
        .get(id)
        .unwrap_or_else(|| panic!("no text {id}"))
        .text
        .as_deref()
        .unwrap_or_else(|| panic!("{id} has no quotation"))
}

#[test]
fn every_required_text_is_shipped_with_a_source() {
    let texts = texts();
    for id in REQUIRED_IDS {
        let text = texts.get(id).unwrap_or_else(|| panic!("missing {id}"));
        assert!(text.source.url.starts_with("http"), "{id}");
        assert!(!text.source.date.is_empty(), "{id}");
    }
    assert!(
        texts.get("22-usc-9241a-c").is_none(),
        "9241a has only (a) and (b)"
    );
}

#[test]
fn the_exception_requires_clear_and_convincing_evidence() {
    let texts = texts();
    assert!(text_of(&texts, CAATSA_B).contains("clear and convincing evidence"));
    assert!(!text_of(&texts, CAATSA_A).contains("clear and convincing"));
    assert!(
        text_of(&texts, CAATSA_A).contains("by the labor of North Korean nationals or citizens")
    );
}

#[test]
fn section_1307_defines_forced_labor_by_the_menace_of_any_penalty() {
    let texts = texts();
    let tariff_act = text_of(&texts, TARIFF_ACT_1307);
    assert!(tariff_act.contains("menace of any penalty"));
    assert!(tariff_act.contains("the importation thereof is hereby prohibited"));
}

#[test]
fn the_allegation_regulation_lists_its_three_elements() {
    let texts = texts();
    let elements = text_of(&texts, CFR_12_42_B);
    for element in [
        "(1) A full statement of the reasons for the belief;",
        "(2) A detailed description or sample of the merchandise; and",
        "(3) All pertinent facts obtainable as to the production of the merchandise abroad.",
    ] {
        assert!(elements.contains(element), "{element}");
    }
}

#[test]
fn secondary_summaries_are_marked_as_such_and_statutes_are_not() {
    let texts = texts();
    let mark = |id: &str| texts.get(id).expect(id).reliability;
    assert_eq!(mark(CAATSA_A), Reliability::Gov);
    assert_eq!(mark(CLEAR_AND_CONVINCING), Reliability::Sec);
    assert_eq!(mark(CFR_31_510_205), Reliability::Sec);
    assert_eq!(mark(CFR_12_43_A_CERTIFICATE), Reliability::Sec);
    let note = &texts.get(CFR_31_510_205).expect("510.205").note;
    assert!(note.contains("not retrieved"), "{note}");
}

#[test]
fn the_sdn_list_entry_is_a_reference_without_a_quotation() {
    let texts = texts();
    let sdn = texts.get(OFAC_SDN_LIST).expect("ofac-sdn-list");
    assert_eq!(sdn.text, None);
    assert_eq!(
        sdn.citation,
        "OFAC Specially Designated Nationals and Blocked Persons List"
    );
    assert!(sdn.note.contains("blocks"));
}
