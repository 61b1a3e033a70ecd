//! The shipped curated entities: CBP enforcement targets, employers named by investigations,
//! Treasury designations after the shipped SDN file, and annotations of SDN entries, checked
//! against the shipped OFAC files.

use crate::common::{curated, entity_named, read};
use caatsa_screen::indicators::{AliasStrength, EntityType, ListKind, ListedEntity, Source, Tier};

/// Entry number and name of every row of an official legacy SDN file (no header, CRLF,
/// trailing 0x1A byte).
fn sdn_names(path: &str) -> Vec<(u32, String)> {
    let bytes = read(path);
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .from_reader(bytes.as_slice());
    reader
        .records()
        .filter_map(Result::ok)
        .filter_map(|r| Some((r.get(0)?.trim().parse().ok()?, r.get(1)?.to_owned())))
        .collect()
}

#[test]
fn the_five_cbp_enforcement_companies_are_on_the_cbp_list_with_enforcement_tier() {
    let c = curated();
    let names = [
        "Li-Ning Sporting Goods",
        "Jingde Trading Ltd.",
        "Rixin Foods Ltd.",
        "Zhejiang Sunrise Garment Group Co. Ltd.",
        "Dandong Huayang Textiles and Garments Co., Ltd.",
    ];
    for name in names {
        let e = entity_named(&c, name);
        assert_eq!(e.list, ListKind::CbpEnforcement, "{name}");
        assert_eq!(e.tier, Tier::GovEnforcement, "{name}");
        assert_eq!(e.entity_type, EntityType::Organization, "{name}");
    }
    let cbp = c
        .entities
        .iter()
        .filter(|e| e.list == ListKind::CbpEnforcement);
    assert_eq!(cbp.count(), names.len());
}

#[test]
fn the_ten_outlaw_ocean_processors_are_reported_employers_in_seafood() {
    let c = curated();
    for name in [
        "Dalian Haiqing Food",
        "Dandong Galicia Seafood",
        "Dandong Hailong Foodstuff",
        "Dandong Omeca Food",
        "Dandong Taifeng Foodstuff",
        "Dandong Taihua Foodstuff",
        "Dandong Yuanyi Refined Seafoods",
        "Donggang Haimeng Foodstuff",
        "Donggang Jinhui Foodstuff",
        "Donggang Luyuan Food",
    ] {
        let e = entity_named(&c, name);
        assert_eq!(e.list, ListKind::ReportedEmployer, "{name}");
        assert_eq!(e.tier, Tier::InvestigativeReport, "{name}");
        assert_eq!(c.sectors_of_entity(&e.id), ["seafood"], "{name}");
    }
    let jinhui = c
        .entity("inv:donggang-jinhui-foodstuff")
        .expect("Jinhui by id");
    assert!(jinhui
        .aliases
        .iter()
        .any(|a| a.name == "Donggang Jinhui Food"));
}

#[test]
fn ap_2017_hunchun_employers_are_reported_employers_and_ocean_one_is_marked_a_distributor() {
    let c = curated();
    for name in [
        "Hunchun Dongyang Seafood Industry & Trade Co. Ltd.",
        "Hunchun Pagoda Industry Co. Ltd.",
        "Yantai Dachen Hunchun Seafood Products",
        "Yanbian Shenghai Industry & Trade Co. Ltd.",
        "Hong Chao Zhi Yi garment factory (Hunchun)",
        "Ocean One Enterprise",
    ] {
        assert_eq!(
            entity_named(&c, name).list,
            ListKind::ReportedEmployer,
            "{name}"
        );
    }
    let ocean_one = entity_named(&c, "Ocean One Enterprise");
    assert!(ocean_one
        .note
        .as_deref()
        .is_some_and(|n| n.contains("distributor")));
    let li_ning = entity_named(&c, "Li-Ning Sporting Goods");
    assert_ne!(li_ning.list, ListKind::ReportedEmployer);
}

#[test]
fn korea_osong_shipping_is_a_curated_treasury_designation_not_an_sdn_annotation() {
    let c = curated();
    let osong = c.entity("treas:korea-osong-shipping-co").expect("Osong");
    assert_eq!(osong.list, ListKind::OfacNorthKorea);
    assert_eq!(osong.tier, Tier::GovDesignation);
    assert!(osong.source.url.contains("jy2790"));
    assert!(c.sdn_annotations.iter().all(|a| a.name != osong.name));
}

#[test]
fn kgcec_is_an_annotation_of_sdn_entry_19611_not_a_second_entity() {
    let c = curated();
    let kgcec = c.annotation_for(19611).expect("annotation of 19611");
    assert_eq!(
        kgcec.name,
        "Korea General Corporation for External Construction"
    );
    assert_eq!(kgcec.tier, Tier::GovDesignation);
    assert!(kgcec
        .aliases
        .iter()
        .all(|a| a.strength == AliasStrength::Weak));
    assert!(c.entities.iter().all(|e| e.name != kgcec.name));
    assert_eq!(c.sectors_of_entity("ofac:19611"), ["construction"]);
}

#[test]
fn every_annotation_names_an_entry_of_the_shipped_north_korea_sdn_file() {
    let sdn = sdn_names("ofac/dprk/sdn.csv");
    let c = curated();
    assert!(!c.sdn_annotations.is_empty());
    for a in &c.sdn_annotations {
        let (_, sdn_name) = sdn
            .iter()
            .find(|(ent_num, _)| *ent_num == a.ent_num)
            .unwrap_or_else(|| panic!("{} is not in data/ofac/dprk/sdn.csv", a.id));
        let curated_name = a.name.trim_end_matches(" (DPRK)");
        assert!(
            sdn_name.eq_ignore_ascii_case(curated_name),
            "{}: SDN name `{sdn_name}` vs curated `{}`",
            a.id,
            a.name
        );
    }
}

#[test]
fn no_curated_treasury_designation_is_in_the_shipped_sdn_file() {
    let sdn = sdn_names("ofac/sdn_2024-05-03/sdn.csv");
    assert!(sdn.len() > 14_000, "full SDN file expected");
    let c = curated();
    let treasury: Vec<&ListedEntity> = c
        .entities
        .iter()
        .filter(|e| e.id.starts_with("treas:"))
        .collect();
    assert_eq!(treasury.len(), 9);
    for e in treasury {
        let upper = e.name.to_uppercase();
        assert!(
            sdn.iter().all(|(_, name)| name.to_uppercase() != upper),
            "{} is in the SDN file: annotate it instead",
            e.name
        );
    }
}

#[test]
fn an_annotation_adds_its_source_note_and_weak_aliases_to_the_sdn_entity() {
    let c = curated();
    let annotation = c.annotation_for(23084).expect("Ch'olhyo'n");
    let mut entity = ListedEntity {
        id: "ofac:23084".to_owned(),
        name: "CH'OLHYO'N OVERSEAS CONSTRUCTION COMPANY".to_owned(),
        entity_type: EntityType::Organization,
        list: ListKind::OfacNorthKorea,
        tier: Tier::GovDesignation,
        programs: vec!["DPRK3".to_owned()],
        aliases: Vec::new(),
        addresses: Vec::new(),
        country_codes: Vec::new(),
        vessel: None,
        remarks: None,
        note: None,
        source: Source {
            title: "OFAC SDN list".to_owned(),
            date: "2024-05-03".to_owned(),
            url: "https://www.treasury.gov/ofac/downloads/".to_owned(),
        },
        extra_sources: Vec::new(),
        role: None,
        linked_to: Vec::new(),
        labor_export: None,
    };
    let mut other = entity.clone();
    other.id = "ofac:23083".to_owned();
    assert!(!annotation.annotate(&mut other));
    assert!(other.extra_sources.is_empty());

    assert!(annotation.annotate(&mut entity));
    assert!(
        annotation.annotate(&mut entity),
        "annotating twice is harmless"
    );
    assert_eq!(entity.extra_sources, vec![annotation.source.clone()]);
    assert_eq!(entity.note.as_deref(), Some(annotation.note.as_str()));
    let alias = entity
        .aliases
        .iter()
        .find(|a| a.name == "Cholhyun Construction")
        .expect("press alias");
    assert_eq!(alias.strength, AliasStrength::Weak);
    assert_eq!(entity.aliases.len(), 1);
}
