//! The OFAC parser on the real files the crate ships: the North Korea subset, the full
//! 2023-12-28 set and the 2024-05-03 sdn.csv.

use caatsa_screen::indicators::ofac::{self, records, OfacFiles};
use caatsa_screen::indicators::{AliasStrength, CountryTable, ListKind, Source};
use proptest::prelude::*;

fn read(path: &str) -> Vec<u8> {
    std::fs::read(format!("{}/data/ofac/{path}", env!("CARGO_MANIFEST_DIR"))).unwrap()
}

fn source() -> Source {
    Source {
        title: "OFAC SDN list".into(),
        date: "test".into(),
        url: "https://www.treasury.gov/ofac/downloads/sdn.csv".into(),
    }
}

fn load(dir: &str, comments: bool) -> ofac::OfacLoad {
    let (sdn, alt, add) = (
        read(&format!("{dir}/sdn.csv")),
        read(&format!("{dir}/alt.csv")),
        read(&format!("{dir}/add.csv")),
    );
    let extra = comments.then(|| read(&format!("{dir}/sdn_comments.csv")));
    let countries = CountryTable::builtin().unwrap();
    let files = OfacFiles {
        sdn: &sdn,
        alt: Some(&alt),
        add: Some(&add),
        comments: extra.as_deref(),
    };
    ofac::build_entities(&files, &source(), &|c| {
        countries.resolve(c).code().map(str::to_owned)
    })
    .unwrap()
}

#[test]
fn the_north_korea_subset_has_559_entries_all_with_a_nexus() {
    let load = load("dprk", true);
    assert_eq!(load.stats.entries, 559);
    assert_eq!(load.stats.north_korea_nexus, 559);
    assert_eq!(load.stats.orphan_rows, 0);
    let tagged = load
        .entities
        .iter()
        .filter(|e| e.programs.iter().any(|p| p.starts_with("DPRK")))
        .count();
    assert_eq!(
        tagged, 484,
        "SUMMARY.md: 484 entries carry a DPRK program tag"
    );
    assert!(load
        .entities
        .iter()
        .all(|e| e.list == ListKind::OfacNorthKorea));
}

#[test]
fn weak_aliases_come_from_remarks_and_strong_ones_from_alt_csv() {
    let load = load("dprk", true);
    let by_id = |id: &str| load.entities.iter().find(|e| e.id == id).unwrap();
    let komid = by_id("ofac:9345");
    assert!(komid
        .aliases
        .iter()
        .any(|a| a.name == "KOMID" && a.strength == AliasStrength::Weak));
    assert!(
        komid
            .aliases
            .iter()
            .any(|a| a.name == "CHANGGWANG SINYONG CORPORATION"
                && a.strength == AliasStrength::Strong)
    );
    let paekho = by_id("ofac:39499");
    let weak: Vec<&str> = paekho
        .aliases
        .iter()
        .filter(|a| a.strength == AliasStrength::Weak)
        .map(|a| a.name.as_str())
        .collect();
    assert_eq!(weak, ["KPTC", "DEPARTMENT 30"]);
}

#[test]
fn vessels_carry_their_imo_number_and_flag() {
    let load = load("dprk", true);
    let ship = load
        .entities
        .iter()
        .find(|e| e.name == "CHONG CHON GANG")
        .unwrap();
    let vessel = ship.vessel.as_ref().unwrap();
    assert_eq!(vessel.imo.as_deref(), Some("7937317"));
    assert!(ship.country_codes.contains(&"KP".to_string()));
}

#[test]
fn remarks_overflow_from_sdn_comments_is_joined() {
    let load = load("dprk", true);
    let with_overflow = load.entities.iter().find(|e| e.id == "ofac:27307").unwrap();
    assert!(with_overflow
        .aliases
        .iter()
        .any(|a| a.name == "ZINC" && a.strength == AliasStrength::Weak));
}

#[test]
fn the_full_list_parses_to_13821_entries_with_every_row_attached() {
    let load = load("set_2023-12-28", false);
    assert_eq!(load.stats.entries, 13_821);
    assert_eq!(load.stats.orphan_rows, 0);
    let by_id = |id: &str| load.entities.iter().find(|e| e.id == id);
    assert_eq!(by_id("ofac:20129").unwrap().list, ListKind::OfacNorthKorea);
    if let Some(russian) = by_id("ofac:25437") {
        assert_eq!(russian.name, "MINISTRY OF STATE SECURITY");
        assert_eq!(
            russian.list,
            ListKind::OfacOther,
            "CAATSA - RUSSIA is not a North Korea program"
        );
    }
    assert!(load.stats.north_korea_nexus > 500 && load.stats.north_korea_nexus < 600);
}

#[test]
fn the_2024_sdn_file_parses_alone() {
    let sdn = read("sdn_2024-05-03/sdn.csv");
    let rows = records::parse_sdn(&sdn).unwrap();
    assert_eq!(rows.len(), 14_965);
}

proptest! {
    #[test]
    fn record_readers_never_panic(bytes in prop::collection::vec(any::<u8>(), 0..400)) {
        let _ = records::parse_sdn(&bytes);
        let _ = records::parse_alt(&bytes);
        let _ = records::parse_add(&bytes);
        let _ = records::parse_comments(&bytes);
    }
}
