//! Specification of Schedule K port resolution.

use proptest::prelude::*;

use super::PortTable;
use crate::indicators::{CountryTable, RefError};

fn countries() -> &'static CountryTable {
    crate::indicators::test_tables::countries()
}

fn table() -> &'static PortTable {
    crate::indicators::test_tables::ports()
}

fn port(raw: &str) -> (String, String, Option<String>) {
    match table().resolve(raw) {
        Some(p) => (p.code, p.name, p.country_code),
        None => panic!("`{raw}` must resolve to a port"),
    }
}

#[test]
fn north_korean_ports_resolve_to_kp() {
    let (code, name, country) = port("57900");
    assert_eq!(
        (code.as_str(), name.as_str()),
        ("57900", "All Other North Korea Ports")
    );
    assert_eq!(country.as_deref(), Some("KP"));
    for alias in ["Hungnam", "HUNGNAM", "Chinnanpo", "Wonsan"] {
        assert_eq!(port(alias).0, "57900", "{alias}");
        assert_eq!(port(alias).2.as_deref(), Some("KP"), "{alias}");
    }
    assert_eq!(port("Onsong").0, "57910");
}

#[test]
fn busan_under_either_spelling_resolves_to_the_same_south_korean_port() {
    for raw in [
        "Pusan",
        "Busan",
        "58023",
        "Busan ,South Korea",
        "PUSAN, KOREA",
    ] {
        let (code, name, country) = port(raw);
        assert_eq!((code.as_str(), name.as_str()), ("58023", "Pusan"), "{raw}");
        assert_eq!(country.as_deref(), Some("KR"), "{raw}");
    }
}

#[test]
fn ams_port_strings_resolve_name_and_country() {
    let (code, name, country) = port("Ningpo ,China (Mainland)");
    assert_eq!(
        (code.as_str(), name.as_str(), country.as_deref()),
        ("57020", "Ningbo", Some("CN"))
    );
    let (code, _, country) = port("Shanghai ,China (Mainland)");
    assert_eq!((code.as_str(), country.as_deref()), ("57035", Some("CN")));
    assert_eq!(port("Kaohsiung ,China (Taiwan)").2.as_deref(), Some("TW"));
}

#[test]
fn a_port_name_shared_by_several_countries_needs_the_country() {
    assert_eq!(table().resolve("Manzanillo"), None);
    assert_eq!(port("Manzanillo ,Mexico").2.as_deref(), Some("MX"));
    assert_eq!(port("Manzanillo ,Panama").2.as_deref(), Some("PA"));
}

#[test]
fn the_port_not_on_file_code_has_no_country() {
    let (code, name, country) = port("99999");
    assert_eq!(
        (code.as_str(), name.as_str(), country),
        ("99999", "Port Not on File", None)
    );
}

#[test]
fn a_port_name_with_a_comma_in_schedule_k_resolves_whole() {
    assert_eq!(port("Hamilton, ONT").0, "01520");
    assert_eq!(port("Hamilton, ONT ,Canada").0, "01520");
}

#[test]
fn a_port_in_the_wrong_country_is_not_returned() {
    assert_eq!(table().resolve("Pusan ,North Korea"), None);
    assert_eq!(table().resolve("Hungnam ,South Korea"), None);
}

#[test]
fn unknown_ports_and_codes_resolve_to_none() {
    for raw in [
        "",
        "Atlantis",
        "00001",
        "5790",
        "579000",
        "Dandong ,China (Mainland)",
        "Shanghai Road",
    ] {
        assert_eq!(table().resolve(raw), None, "`{raw}`");
    }
}

#[test]
fn schedule_k_country_names_get_iso_codes_through_the_country_table() {
    let country = |code: &str| table().by_code(code).and_then(|p| p.country_code.clone());
    assert_eq!(country("57035").as_deref(), Some("CN"));
    assert_eq!(country("58029").as_deref(), Some("KR"));
    assert_eq!(country("01520").as_deref(), Some("CA"));
    // Schedule K still lists the dissolved Netherlands Antilles: no single ISO country.
    let curacao = table().resolve("Willemstad");
    assert!(curacao.is_some_and(|p| p.country_name == "Neth Antilles" && p.country_code.is_none()));
}

#[test]
fn an_alias_for_a_missing_code_is_rejected_with_its_line() {
    let schedule_k = b"Schedule K Code,Foreign Port Name,Country Code, ISO Code,Country Name,Update,Latitude,Longitude,Official Port Name/Alias\n57020,Ningbo,5700,,China,,,,Official\n";
    let aliases =
        b"code,alias,note\n57020,Ningpo,postal romanization\n57021,Wenchow,not in this file\n";
    match PortTable::from_sources(schedule_k, aliases, countries()) {
        Err(RefError::InvalidValue { line, column, .. }) => assert_eq!((line, column), (3, "code")),
        other => panic!("expected an unknown code error, got {other:?}"),
    }
}

#[test]
fn a_schedule_k_code_without_leading_zeros_is_rejected() {
    let schedule_k = b"Schedule K Code,Foreign Port Name,Country Code, ISO Code,Country Name,Update,Latitude,Longitude,Official Port Name/Alias\n1520,Hamilton,1220,,Canada,,,,Official\n";
    let err = PortTable::from_sources(schedule_k, b"code,alias,note\n", countries()).err();
    assert!(
        matches!(
            err,
            Some(RefError::InvalidValue {
                line: 2,
                column: "Schedule K Code",
                ..
            })
        ),
        "{err:?}"
    );
}

proptest! {
    #[test]
    fn resolve_never_panics_on_arbitrary_unicode(raw in "\\PC{0,60}") {
        let _ = table().resolve(&raw);
    }
}
