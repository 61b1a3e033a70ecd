//! The screening rules, end to end on the shipped knowledge base: every flag code with a line
//! that must raise it and a line that must not, the verdict order, and the acceptance table of
//! the engine issue. The legal regimes, North Korean places and the stale-list warning have their
//! own modules under `tests/screening/` (one test binary, one shared screener).

#[path = "screening/places.rs"]
mod places;
#[path = "screening/regimes.rs"]
mod regimes;
#[path = "screening/stale.rs"]
mod stale;

use std::sync::{Arc, OnceLock};

use caatsa_screen::indicators::KnowledgeBase;
use caatsa_screen::manifest::ManifestLine;
use caatsa_screen::screening::{FlagCode, LineResult, Screener, Verdict};

fn screener() -> &'static Screener {
    static SCREENER: OnceLock<Screener> = OnceLock::new();
    SCREENER.get_or_init(|| {
        Screener::new(Arc::new(
            KnowledgeBase::builtin().expect("builtin knowledge base"),
        ))
    })
}

/// A line from `field=value` pairs.
fn line(pairs: &[(&str, &str)]) -> ManifestLine {
    let mut l = ManifestLine {
        shipment_id: "T1".into(),
        line: 1,
        ..ManifestLine::default()
    };
    for (k, v) in pairs {
        let v = Some(v.to_string());
        match *k {
            "supplier_name" => l.supplier_name = v,
            "supplier_address" => l.supplier_address = v,
            "supplier_city" => l.supplier_city = v,
            "supplier_country" => l.supplier_country = v,
            "manufacturer_name" => l.manufacturer_name = v,
            "manufacturer_city" => l.manufacturer_city = v,
            "manufacturer_country" => l.manufacturer_country = v,
            "country_of_origin" => l.country_of_origin = v,
            "port_of_lading" => l.port_of_lading = v,
            "hts_code" => l.hts_code = v,
            "description" => l.description = v,
            "vessel_name" => l.vessel_name = v,
            "vessel_imo" => l.vessel_imo = v,
            other => panic!("unknown field {other}"),
        }
    }
    l
}

fn screen(pairs: &[(&str, &str)]) -> LineResult {
    screener().screen_line(&line(pairs))
}

fn codes(r: &LineResult) -> Vec<FlagCode> {
    r.flags.iter().map(|f| f.code).collect()
}

#[test]
fn the_acceptance_table_gets_its_verdicts() {
    let table: [(&[(&str, &str)], Verdict); 7] = [
        (
            &[
                ("supplier_name", "Korea Ryonbong General Corp."),
                ("country_of_origin", "CN"),
                ("hts_code", "8479.89"),
            ],
            Verdict::Prohibited,
        ),
        (
            &[
                ("supplier_name", "Kwangson Banking Corp"),
                ("country_of_origin", "KP"),
                ("hts_code", "7108.13"),
            ],
            Verdict::Prohibited,
        ),
        (
            &[
                ("supplier_name", "Any Trading Co"),
                (
                    "country_of_origin",
                    "Korea, Democratic People's Republic of",
                ),
                ("hts_code", "0307.43"),
            ],
            Verdict::Prohibited,
        ),
        (
            &[
                ("supplier_name", "Yantai Ocean Star Foods"),
                ("supplier_city", "Hunchun"),
                ("supplier_country", "CN"),
                ("country_of_origin", "CN"),
                ("hts_code", "0304.75"),
            ],
            Verdict::HighRisk,
        ),
        (
            &[
                ("supplier_name", "Shandong Blue Sea Aquatic"),
                ("supplier_city", "Rizhao"),
                ("supplier_country", "CN"),
                ("country_of_origin", "CN"),
                ("hts_code", "0307.43"),
            ],
            Verdict::Review,
        ),
        (
            &[
                ("supplier_name", "LG Electronics Inc."),
                ("supplier_country", "Korea, Republic of"),
                ("country_of_origin", "Korea, Republic of"),
                ("hts_code", "8528.72"),
            ],
            Verdict::Clear,
        ),
        (
            &[
                ("supplier_name", "Hyundai Glovis"),
                ("supplier_country", "KR"),
                ("country_of_origin", "KR"),
                ("hts_code", "8703.80"),
            ],
            Verdict::Clear,
        ),
    ];
    for (pairs, expected) in table {
        let r = screen(pairs);
        assert_eq!(r.verdict, expected, "{pairs:?}: {}", r.explanation);
    }
}

#[test]
fn kp_origin_from_origin_party_country_address_and_port() {
    assert!(codes(&screen(&[
        ("supplier_name", "X Co"),
        ("country_of_origin", "North Korea")
    ]))
    .contains(&FlagCode::KpOrigin));
    assert!(codes(&screen(&[
        ("supplier_name", "X Co"),
        ("supplier_country", "DPRK")
    ]))
    .contains(&FlagCode::KpOrigin));
    assert!(codes(&screen(&[
        ("supplier_name", "X Co"),
        (
            "supplier_address",
            "Sosong District, Pyongyang, North Korea"
        )
    ]))
    .contains(&FlagCode::KpOrigin));
    assert!(codes(&screen(&[
        ("supplier_name", "X Co"),
        ("port_of_lading", "57900")
    ]))
    .contains(&FlagCode::KpOrigin));
    let south = screen(&[
        ("supplier_name", "X Co"),
        ("country_of_origin", "Korea, Republic of"),
        ("port_of_lading", "Busan"),
    ]);
    assert!(
        !codes(&south).contains(&FlagCode::KpOrigin),
        "{:?}",
        codes(&south)
    );
}

#[test]
fn a_bare_korea_is_ambiguous_never_north_korea() {
    let r = screen(&[
        ("supplier_name", "Samsung Electronics"),
        ("country_of_origin", "Korea"),
    ]);
    assert_eq!(codes(&r), [FlagCode::AmbiguousCountry]);
    assert_eq!(r.verdict, Verdict::Review);
    assert!(!codes(&screen(&[
        ("supplier_name", "Samsung Electronics"),
        ("country_of_origin", "South Korea")
    ]))
    .contains(&FlagCode::AmbiguousCountry));
}

#[test]
fn designated_party_for_an_sdn_entry_with_a_north_korea_nexus() {
    let r = screen(&[
        ("manufacturer_name", "Korea Ryeonbong General Corporation"),
        ("country_of_origin", "CN"),
    ]);
    let flag = r.flag(FlagCode::DesignatedParty).expect("DESIGNATED_PARTY");
    let e = &flag.evidence[0];
    assert_eq!(e.field.as_str(), "manufacturer_name");
    assert_eq!(e.matched, "KOREA RYONBONG GENERAL CORPORATION");
    assert!(e.source.url.starts_with("https://"));
    assert!(!codes(&screen(&[
        ("manufacturer_name", "Korea General Corporation"),
        ("country_of_origin", "CN")
    ]))
    .contains(&FlagCode::DesignatedParty));
}

#[test]
fn enforcement_target_for_a_company_under_cbp_caatsa_detention() {
    let r = screen(&[
        ("supplier_name", "Li-Ning Sporting Goods Co., Ltd."),
        ("country_of_origin", "CN"),
    ]);
    assert_eq!(r.verdict, Verdict::Presumption);
    assert!(r.has(FlagCode::EnforcementTarget));
    assert!(!screen(&[
        ("supplier_name", "Lining Textiles Ltd"),
        ("country_of_origin", "VN")
    ])
    .has(FlagCode::EnforcementTarget));
}

#[test]
fn reported_nk_labor_for_an_employer_named_by_an_investigation() {
    let r = screen(&[
        ("supplier_name", "Donggang Jinhui Foodstuff Co Ltd"),
        ("country_of_origin", "CN"),
        ("hts_code", "0307.43"),
    ]);
    assert!(r.has(FlagCode::ReportedNkLabor), "{:?}", codes(&r));
    assert!(r.verdict >= Verdict::HighRisk);
    assert!(!screen(&[
        ("supplier_name", "Donggang Fresh Produce"),
        ("country_of_origin", "CN"),
        ("hts_code", "0709.99")
    ])
    .has(FlagCode::ReportedNkLabor));
}

#[test]
fn region_with_documented_sector_is_high_risk_region_alone_is_review() {
    let seafood = screen(&[
        ("supplier_name", "Ocean Best Co"),
        ("supplier_city", "Dandong"),
        ("country_of_origin", "CN"),
        ("hts_code", "0307.43"),
    ]);
    assert_eq!(
        seafood.flag(FlagCode::NkLaborRegion).map(|f| f.severity),
        Some(Verdict::HighRisk)
    );
    let toys = screen(&[
        ("supplier_name", "Ocean Best Co"),
        ("supplier_city", "Dandong"),
        ("country_of_origin", "CN"),
        ("hts_code", "9503.00"),
    ]);
    assert_eq!(
        toys.flag(FlagCode::NkLaborRegion).map(|f| f.severity),
        Some(Verdict::Review)
    );
    let elsewhere = screen(&[
        ("supplier_name", "Ocean Best Co"),
        ("supplier_city", "Qingdao"),
        ("country_of_origin", "CN"),
        ("hts_code", "9503.00"),
    ]);
    assert!(!elsewhere.has(FlagCode::NkLaborRegion));
}

#[test]
fn sector_country_risk_for_seafood_processed_in_china() {
    let r = screen(&[
        ("supplier_name", "Qingdao Sea Co"),
        ("country_of_origin", "China"),
        ("description", "FROZEN SQUID RINGS"),
    ]);
    assert!(r.has(FlagCode::SectorCountryRisk), "{:?}", codes(&r));
    assert!(!screen(&[
        ("supplier_name", "Qingdao Sea Co"),
        ("country_of_origin", "Chile"),
        ("description", "FROZEN SQUID RINGS")
    ])
    .has(FlagCode::SectorCountryRisk));
}

#[test]
fn possible_match_for_a_weaker_name_match() {
    let r = screen(&[("supplier_name", "KPTC"), ("country_of_origin", "CN")]);
    assert!(
        r.has(FlagCode::PossibleMatch),
        "weak alias alone: {:?}",
        codes(&r)
    );
    assert!(!r.has(FlagCode::DesignatedParty));
    assert_eq!(r.verdict, Verdict::Review);
}

#[test]
fn dprk_vessel_by_imo_and_by_name() {
    let by_imo = screen(&[("supplier_name", "X Co"), ("vessel_imo", "IMO 7937317")]);
    assert!(by_imo.has(FlagCode::DprkVessel));
    assert_eq!(by_imo.verdict, Verdict::Prohibited);
    assert!(screen(&[
        ("supplier_name", "X Co"),
        ("vessel_name", "CHONG CHON GANG")
    ])
    .has(FlagCode::DprkVessel));
    assert!(!screen(&[
        ("supplier_name", "X Co"),
        ("vessel_name", "EVER GIVEN"),
        ("vessel_imo", "9811000")
    ])
    .has(FlagCode::DprkVessel));
}

#[test]
fn south_korean_parties_do_not_match_north_korean_listings() {
    let r = screen(&[
        ("supplier_name", "Korea Zinc Co., Ltd."),
        ("supplier_country", "KR"),
        ("country_of_origin", "KR"),
    ]);
    assert_eq!(r.verdict, Verdict::Clear, "{}", r.explanation);
}

#[test]
fn a_line_gets_the_highest_verdict_of_its_flags() {
    let r = screen(&[
        ("supplier_name", "Korea Ryonbong General Corporation"),
        ("country_of_origin", "Korea"),
    ]);
    assert!(r.has(FlagCode::AmbiguousCountry) && r.has(FlagCode::DesignatedParty));
    assert_eq!(r.verdict, Verdict::Prohibited);
    assert_eq!(r.verdict, r.flags.iter().map(|f| f.severity).max().unwrap());
}

#[test]
fn every_evidence_item_names_its_source() {
    let r = screen(&[
        ("supplier_name", "Dandong Taifeng Foodstuff"),
        ("supplier_city", "Dandong"),
        ("country_of_origin", "CN"),
        ("hts_code", "0307.43"),
    ]);
    assert!(!r.flags.is_empty());
    for flag in &r.flags {
        assert!(!flag.law.is_empty());
        assert!(flag.law.iter().all(|l| !l.legal_basis.is_empty()));
        for e in &flag.evidence {
            assert!(
                !e.source.title.is_empty()
                    && !e.source.date.is_empty()
                    && e.source.url.starts_with("http"),
                "{e:?}"
            );
        }
    }
}

#[test]
fn placeholder_parties_are_not_matched() {
    let r = screen(&[("supplier_name", "TO ORDER"), ("country_of_origin", "CN")]);
    assert_eq!(r.verdict, Verdict::Clear);
    assert!(r.explanation.contains("placeholder"));
}
