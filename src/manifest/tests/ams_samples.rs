//! Real AMS rows from `fixtures/` (see `fixtures/README.md` for their sources).

use super::super::{read_csv, ManifestError};
use super::csv_bytes;

fn fixture(name: &str) -> Vec<u8> {
    let path = format!("{}/fixtures/{name}", env!("CARGO_MANIFEST_DIR"));
    std::fs::read(&path).unwrap_or_else(|e| panic!("fixture {path} must be readable: {e}"))
}

#[test]
fn the_ams_shipper_table_maps_onto_supplier_fields() {
    let manifest = csv_bytes(&fixture("reader_ams_sample.csv"));
    assert_eq!(manifest.lines.len(), 10);
    assert!(manifest.errors.is_empty(), "{:?}", manifest.errors);

    let first = &manifest.lines[0];
    assert_eq!(first.shipment_id, "202001060");
    assert_eq!(first.line, 1);
    assert_eq!(first.source_line, Some(2));
    assert_eq!(
        first.supplier_name.as_deref(),
        Some("LEADTONE COMMUNICATION TECHNOLOIES")
    );
    assert_eq!(
        first.supplier_address.as_deref(),
        Some("NO.8 XINHUA ROAD XINWU ZONE WUXI,JI ANGSU 214028 P.R.CHINA"),
        "the four address columns are joined and NaN cells dropped"
    );
    assert_eq!(first.supplier_city.as_deref(), Some("JIANGSU"));
    assert_eq!(first.supplier_country.as_deref(), Some("CN"));
    assert!(
        first.extra.is_empty(),
        "NaN cells are not echoed: {:?}",
        first.extra
    );

    let philippines = &manifest.lines[2];
    assert_eq!(
        philippines.supplier_country, None,
        "country_code is empty in the source"
    );
    assert_eq!(
        philippines
            .extra
            .get("comm_number_qualifier")
            .map(String::as_str),
        Some("Telephone Number")
    );

    let brazil = &manifest.lines[5];
    assert_eq!(brazil.supplier_country.as_deref(), Some("BR"));
    assert_eq!(
        brazil.extra.get("zip_code").map(String::as_str),
        Some("61760-000")
    );
    assert_eq!(
        brazil.extra.get("state_province").map(String::as_str),
        Some("CE")
    );

    assert_eq!(manifest.warnings.len(), 2, "{:?}", manifest.warnings);
    assert!(manifest
        .warnings
        .iter()
        .all(|w| w.contains("`supplier_name`")));
}

#[test]
fn the_flattened_2018_sample_without_party_columns_is_rejected_with_its_headers() {
    let error = read_csv(&fixture("reader_ams2018_flat_head.csv")[..]).expect_err("no party");
    let ManifestError::Schema(message) = error else {
        panic!("expected a schema error, got {error:?}");
    };
    assert!(
        message.contains("`identifier`, `trade_update_date`"),
        "{message}"
    );
    assert!(
        message.contains("`...`"),
        "the renderer's hidden-columns marker is listed"
    );
}
