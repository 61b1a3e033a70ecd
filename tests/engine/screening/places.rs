//! North Korean geography: ports, cities and provinces in any common romanization, in Hangul or
//! Chinese script, and UN/LOCODEs resolve to North Korea; South Korean places with similar names
//! and Chinese streets named after North Korean cities do not.

use caatsa_screen::screening::{EvidenceKind, FlagCode};

use super::{codes, screen};

fn kp(pairs: &[(&str, &str)]) -> bool {
    screen(pairs).has(FlagCode::KpOrigin)
}

#[test]
fn north_korean_ports_of_lading_resolve_in_every_spelling() {
    for port in [
        "Nampo",
        "Namp'o",
        "NAMPHO",
        "Chinnampo",
        "Chongjin",
        "Rajin",
        "Najin",
        "Wonsan",
    ] {
        assert!(
            kp(&[("supplier_name", "X Co"), ("port_of_lading", port)]),
            "{port}"
        );
    }
}

#[test]
fn a_un_locode_resolves_by_its_country_letters() {
    assert!(kp(&[
        ("supplier_name", "X Co"),
        ("port_of_lading", "KPNAM")
    ]));
    // Not a port the gazetteer knows: the country letters are enough.
    assert!(kp(&[
        ("supplier_name", "X Co"),
        ("port_of_lading", "KP ZZZ")
    ]));
    assert!(!kp(&[
        ("supplier_name", "X Co"),
        ("port_of_lading", "KRPUS")
    ]));
    assert!(!kp(&[
        ("supplier_name", "X Co"),
        ("port_of_lading", "CNDLC")
    ]));
}

#[test]
fn a_city_with_no_country_resolves_and_says_it_was_inferred() {
    let r = screen(&[
        ("supplier_name", "X Co"),
        ("manufacturer_city", "Pyongyang"),
    ]);
    let flag = r.flag(FlagCode::KpOrigin).expect("KP_ORIGIN");
    let e = &flag.evidence[0];
    assert_eq!(e.field.as_str(), "manufacturer_city");
    assert_eq!(e.kind, EvidenceKind::KpPlace, "{e:?}");
    assert!(kp(&[
        ("supplier_name", "X Co"),
        ("supplier_city", "Sinuiju")
    ]));
    assert!(kp(&[("supplier_name", "X Co"), ("supplier_city", "평양")]));
    assert!(kp(&[
        ("supplier_name", "X Co"),
        ("supplier_city", "신의주")
    ]));
}

#[test]
fn border_regions_resolve_in_chinese_script() {
    for city in ["丹东", "丹东市", "珲春", "东港"] {
        let r = screen(&[
            ("supplier_name", "X Co"),
            ("supplier_city", city),
            ("country_of_origin", "CN"),
            ("hts_code", "0307.43"),
        ]);
        assert!(r.has(FlagCode::NkLaborRegion), "{city}: {:?}", codes(&r));
        assert!(!r.has(FlagCode::KpOrigin), "{city} is in China");
    }
}

#[test]
fn south_korean_places_are_not_north_korean() {
    for city in [
        "Pyeongchang",
        "Pyeongtaek",
        "Namyangju",
        "Gwangju",
        "Incheon",
        "Busan",
    ] {
        let r = screen(&[
            ("supplier_name", "X Co"),
            ("supplier_city", city),
            ("supplier_country", "KR"),
        ]);
        assert!(!r.has(FlagCode::KpOrigin), "{city}: {:?}", codes(&r));
    }
    for city in ["Pyeongchang", "Namyangju", "Pyeongtaek"] {
        let r = screen(&[("supplier_name", "X Co"), ("supplier_city", city)]);
        assert!(!r.has(FlagCode::KpOrigin), "{city} alone: {:?}", codes(&r));
    }
}

#[test]
fn free_address_text_is_read_only_when_the_place_fields_are_empty() {
    // A street in a Chinese city named after a North Korean one is not North Korea.
    let street = screen(&[
        ("supplier_name", "X Co"),
        ("supplier_address", "88 Pyongyang Street, Zhenxing District"),
        ("supplier_city", "Dandong"),
        ("supplier_country", "CN"),
    ]);
    assert!(!street.has(FlagCode::KpOrigin), "{:?}", codes(&street));
    let only_address = screen(&[
        ("supplier_name", "X Co"),
        ("supplier_address", "Taedonggang District, Pyongyang"),
    ]);
    assert!(only_address.has(FlagCode::KpOrigin));
}
