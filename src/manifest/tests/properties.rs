//! Invariants over generated input: the readers never panic, and nothing is lost.

use proptest::prelude::*;
use serde_json::{json, Value};

use super::super::values::clean;
use super::super::{read_csv, read_json};

/// Cell text mixing letters, separators, quotes, line breaks, spaces and the missing marker.
fn cell() -> impl Strategy<Value = String> {
    prop_oneof![
        Just(String::new()),
        Just("   ".to_owned()),
        Just("NaN".to_owned()),
        "[A-Za-z0-9 ,\"\r\n.$-]{0,12}",
        "\\PC{0,6}",
    ]
}

/// Arbitrary JSON values, nested a few levels.
fn json_value() -> impl Strategy<Value = Value> {
    let leaf = prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::Bool),
        any::<i64>().prop_map(Value::from),
        any::<f64>().prop_map(Value::from),
        "\\PC{0,8}".prop_map(Value::String),
    ];
    leaf.prop_recursive(3, 24, 4, |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..4).prop_map(Value::Array),
            prop::collection::btree_map("[a-z_]{1,14}", inner, 0..4)
                .prop_map(|m| Value::Object(m.into_iter().collect())),
        ]
    })
}

/// Keys a line object may use: canonical fields, aliases and unknown keys.
fn line_key() -> impl Strategy<Value = String> {
    prop_oneof![
        Just("shipment_id".to_owned()),
        Just("line".to_owned()),
        Just("supplier_name".to_owned()),
        Just("Shipper".to_owned()),
        Just("country_of_origin".to_owned()),
        Just("value_usd".to_owned()),
        Just("supplier_address".to_owned()),
        "[a-z]{1,6}",
    ]
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn read_csv_never_panics_on_arbitrary_bytes(bytes in prop::collection::vec(any::<u8>(), 0..400)) {
        let _ = read_csv(&bytes[..]);
    }

    #[test]
    fn read_csv_never_panics_below_a_valid_header(bytes in prop::collection::vec(any::<u8>(), 0..400)) {
        let mut input = b"Shipment ID,Line,Supplier,Shipper Address 1,Shipper Address 2,Value\n".to_vec();
        input.extend_from_slice(&bytes);
        prop_assert!(read_csv(&input[..]).is_ok());
    }

    #[test]
    fn read_json_never_panics_on_arbitrary_text(text in "\\PC{0,200}") {
        let _ = read_json(text.as_bytes());
    }

    #[test]
    fn read_json_never_panics_on_arbitrary_documents(lines in prop::collection::vec(json_value(), 0..5), defaults in json_value()) {
        let document = json!({"shipments": [defaults, {"shipment_id": "S", "lines": lines}]});
        let _ = read_json(document.to_string().as_bytes());
    }

    #[test]
    fn every_non_blank_csv_row_becomes_a_line_or_an_error(
        rows in prop::collection::vec(prop::collection::vec(cell(), 1..6), 0..20)
    ) {
        let mut writer = csv::WriterBuilder::new().flexible(true).from_writer(Vec::new());
        writer.write_record(["BOL", "Line", "Supplier", "COO", "Value"]).expect("in-memory write");
        for row in &rows {
            writer.write_record(row).expect("in-memory write");
        }
        let bytes = writer.into_inner().expect("in-memory flush");
        let manifest = read_csv(&bytes[..]).expect("the header is valid");
        let non_blank = rows.iter().filter(|row| row.iter().any(|c| clean(c).is_some())).count();
        prop_assert_eq!(manifest.lines.len() + manifest.errors.len(), non_blank);
    }

    #[test]
    fn every_json_line_object_becomes_a_line_or_an_error(
        lines in prop::collection::vec(
            prop::collection::vec((line_key(), json_value()), 0..5),
            0..12,
        )
    ) {
        let objects: Vec<Value> = lines
            .into_iter()
            .map(|pairs| Value::Object(pairs.into_iter().collect()))
            .collect();
        let count = objects.len();
        let manifest = read_json(Value::Array(objects).to_string().as_bytes()).expect("valid JSON");
        prop_assert_eq!(manifest.lines.len() + manifest.errors.len(), count);
    }
}
