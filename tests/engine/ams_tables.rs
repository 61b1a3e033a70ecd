//! `manifest::read_ams`: the public AMS tables joined into lines, on the real 2020 sample and
//! on small tables written here with known joins.

use std::path::{Path, PathBuf};

use caatsa_screen::manifest::{read_ams, ManifestError};

fn sample() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures/ams2020_jackyho112")
}

#[test]
fn the_real_sample_joins_its_five_bills_and_reports_every_row_that_joins_none() {
    let manifest = read_ams(&sample()).expect("readable folder");
    let shipments: Vec<(&str, u32)> = manifest
        .lines
        .iter()
        .map(|l| (l.shipment_id.as_str(), l.line))
        .collect();
    // House bill numbers where the bill is a house bill, else the master (regular) bill.
    assert_eq!(
        shipments,
        [
            ("SWOESH1S01451870", 1),
            ("SWOESH1S01451855", 1),
            ("OOLU2107899100", 1),
            ("OOLU2107899100", 2),
            ("OOLU2107899100", 3),
            ("OOLU2107932870", 1),
            ("OOLU2107974500", 1),
        ]
    );
    let vase = &manifest.lines[2];
    assert_eq!(vase.extra["ams_identifier"], "202001062");
    assert_eq!(vase.supplier_name.as_deref(), Some("DAMCO PHILIPPINES"));
    assert_eq!(
        vase.description.as_deref(),
        Some("DECORATIVE TERRACOTTA VASE BOWL")
    );
    assert_eq!(vase.quantity, None, "NaN is empty");
    assert_eq!(manifest.lines[3].quantity.as_deref(), Some("9"));
    assert_eq!(vase.container_numbers, ["OOLU1809656"]);
    assert_eq!(vase.port_of_unlading.as_deref(), Some("Savannah, Georgia"));
    assert_eq!(vase.arrival_date.as_deref(), Some("2019-08-27"));
    assert_eq!(vase.vessel_imo.as_deref(), Some("9665621"));
    assert_eq!(
        vase.consignee.as_deref(),
        Some("WILLIAMS-SONOMA SINGAPORE PTE LIMIT")
    );
    assert_eq!(
        vase.notify_party.as_deref(),
        Some("DAMCO USA INC.; EXPEDITORS INTERNATIONAL OF WASHING")
    );
    assert!(vase
        .marks
        .as_deref()
        .is_some_and(|m| m.contains("MADE IN PHILIPPINES")));
    assert_eq!(
        vase.source_line,
        Some(4),
        "cargodesc line, CRLF counted right"
    );
    // Wrapped addresses are joined over the four columns.
    assert_eq!(
        manifest.lines[0].supplier_address.as_deref(),
        Some("NO.8 XINHUA ROAD XINWU ZONE WUXI,JI ANGSU 214028 P.R.CHINA")
    );
    // Bill 060 has no cargo-less container in scope: its container comes from its cargo row.
    assert_eq!(manifest.lines[0].container_numbers, ["TEMU6512740"]);

    // 45 rows of 9 joined tables name identifiers with no header row; 5 header rows have no
    // shipper. Every one is reported with its file and line.
    let not_joined: Vec<_> = manifest
        .errors
        .iter()
        .filter(|e| e.message.contains("has no row in the header table"))
        .collect();
    assert_eq!(not_joined.len(), 45, "{:#?}", manifest.errors);
    assert!(not_joined.iter().any(|e| e
        .message
        .starts_with("cell20_tariff.csv (tariff table): identifier 2020010624")
        && e.line == Some(2)));
    let no_shipper = manifest
        .errors
        .iter()
        .filter(|e| e.message.contains("has no shipper row"))
        .count();
    assert_eq!(no_shipper, 5);
    assert_eq!(manifest.lines.len() + manifest.errors.len(), 57);
    assert!(manifest
        .warnings
        .iter()
        .any(|w| w.starts_with("cell24_tariff_schedule.csv is not an AMS table")));
}

/// A folder of small tables: `(file name, CSV text)`.
fn folder(tables: &[(&str, &str)]) -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("temp dir");
    for (name, text) in tables {
        std::fs::write(dir.path().join(name), text).expect("write table");
    }
    dir
}

const HEADER: &str = "identifier,vessel_name,port_of_unlading,estimated_arrival_date,foreign_port_of_lading,conveyance_id_qualifier,conveyance_id,actual_arrival_date\n\
    1,SEA STAR,\"Long Beach, California\",2026-03-01,\"Dalian ,China (Mainland)\",Conveyance Name,SEA STAR,\n\
    2,OCEAN KING,\"Tacoma, Washington\",2026-04-02,\"Dalian ,China (Mainland)\",IMO Number/Lloyds Number,9388340,2026-04-03\n\
    2,OCEAN KING,\"Tacoma, Washington\",2026-04-02,\"Dalian ,China (Mainland)\",IMO Number/Lloyds Number,9388340,2026-04-05\n";

#[test]
fn cargo_and_tariff_rows_join_on_container_and_sequence_and_leftovers_become_lines() {
    let dir = folder(&[
        ("a_header.csv", HEADER),
        (
            "b.csv",
            "identifier,master_bol_number,house_bol_number\n1,MBL1,HBL1\n2,MBL2,\n",
        ),
        (
            "shipper.csv",
            "identifier,shipper_party_name,shipper_party_address_1,city,country_code\n\
             1,DANDONG EXAMPLE FOODS,NO 1 ROAD,DANDONG,CN\n2,DALIAN EXAMPLE,,,CN\n",
        ),
        (
            "cargo.csv",
            "identifier,container_number,description_sequence_number,piece_count,description_text\n\
             1,CSQU3054383,1,10.0,FROZEN SQUID\n1,CSQU3054383,2,5,FROZEN COD\n",
        ),
        (
            "tariff.csv",
            "identifier,container_number,description_sequence_number,harmonized_number\n\
             1,CSQU3054383,2,30363.0\n1,CSQU3054384,1,030743\n",
        ),
        (
            "marks.csv",
            "identifier,container_number,marks_and_numbers_1,marks_and_numbers_2\n\
             1,CSQU3054383,MADE IN,CHINA\n",
        ),
    ]);
    let manifest = read_ams(dir.path()).expect("readable");
    let lines = &manifest.lines;
    assert_eq!(lines.len(), 4, "{lines:#?}");
    // Cargo row 1 has no tariff row of its own; cargo row 2 takes the (container, 2) one.
    assert_eq!(lines[0].shipment_id, "HBL1");
    assert_eq!(lines[0].extra["master_bol_number"], "MBL1");
    assert_eq!(lines[0].hts_code, None);
    assert_eq!(lines[0].quantity.as_deref(), Some("10"));
    assert_eq!(lines[1].hts_code.as_deref(), Some("30363.0"));
    assert_eq!(lines[1].marks.as_deref(), Some("MADE IN CHINA"));
    // The tariff row of another container joins no cargo row: a line of its own.
    assert_eq!(lines[2].hts_code.as_deref(), Some("030743"));
    assert_eq!(lines[2].container_numbers, ["CSQU3054384"]);
    assert_eq!(lines[2].description, None);
    assert_eq!(lines[2].line, 3);
    // Bill 2: no cargo rows, one line for the bill; the amended (last) header row is used.
    assert_eq!(lines[3].shipment_id, "MBL2");
    assert_eq!(lines[3].arrival_date.as_deref(), Some("2026-04-05"));
    assert_eq!(lines[3].vessel_imo.as_deref(), Some("9388340"));
    // Bill 1 has no actual arrival date: the estimate stands in; its conveyance id is a name.
    assert_eq!(lines[0].arrival_date.as_deref(), Some("2026-03-01"));
    assert_eq!(lines[0].vessel_imo, None);
    assert!(manifest.errors.is_empty(), "{:?}", manifest.errors);
    assert!(manifest
        .warnings
        .iter()
        .any(|w| w.starts_with("1 bill(s) appear more than once in the header table")));
}

#[test]
fn a_folder_without_a_header_table_is_refused_with_what_it_holds() {
    let dir = folder(&[("shipper.csv", "identifier,shipper_party_name\n1,ACME\n")]);
    let error = read_ams(dir.path()).expect_err("no header table");
    let ManifestError::Schema(message) = error else {
        panic!("{error:?}");
    };
    assert!(message.contains("no AMS header table"), "{message}");
    assert!(message.contains("shipper.csv (shipper)"), "{message}");
    let file = dir.path().join("shipper.csv");
    assert!(read_ams(&file).is_err(), "a file is not a folder");
}
