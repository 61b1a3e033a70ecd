//! The JSON reader: document shapes, shipment defaults, lenient types, positions.

use super::super::{ManifestError, UNSPECIFIED_SHIPMENT};
use super::{json, json_error};

const SHIPMENTS: &str = r#"{
  "shipments": [
    {
      "shipment_id": "BL-1",
      "importer": "OCEAN FOODS INC",
      "country_of_origin": "CN",
      "lines": [
        {"line": 1, "supplier_name": "DANDONG SEAFOOD CO", "hts_code": 30743.0},
        {"line": 2, "supplier_name": "HUNCHUN FISHERY", "country_of_origin": "KP",
         "vessel_imo": 9218674, "value_usd": "$12,000"}
      ]
    },
    {
      "shipment_id": 202001060,
      "lines": [{"manufacturer_name": "ACME", "line": "3.0"}]
    }
  ]
}"#;

#[test]
fn shipment_fields_are_defaults_and_a_line_value_wins() {
    let manifest = json(SHIPMENTS);
    assert!(manifest.errors.is_empty(), "{:?}", manifest.errors);
    let [first, second, third] = &manifest.lines[..] else {
        panic!("three lines expected: {:?}", manifest.lines)
    };
    assert_eq!(first.shipment_id, "BL-1");
    assert_eq!(first.importer.as_deref(), Some("OCEAN FOODS INC"));
    assert_eq!(first.country_of_origin.as_deref(), Some("CN"));
    assert_eq!(
        second.country_of_origin.as_deref(),
        Some("KP"),
        "the line's own value wins"
    );
    assert_eq!(second.importer.as_deref(), Some("OCEAN FOODS INC"));
    assert_eq!(third.shipment_id, "202001060");
    assert_eq!(third.importer, None, "defaults stay within their shipment");
}

#[test]
fn numbers_where_text_is_expected_become_text_without_a_trailing_zero() {
    let manifest = json(SHIPMENTS);
    assert_eq!(manifest.lines[0].hts_code.as_deref(), Some("30743"));
    assert_eq!(manifest.lines[1].vessel_imo.as_deref(), Some("9218674"));
}

#[test]
fn text_where_numbers_are_expected_is_parsed_like_csv() {
    let manifest = json(SHIPMENTS);
    assert_eq!(manifest.lines[1].value_usd, Some(12_000.0));
    assert_eq!(manifest.lines[2].line, 3);
}

#[test]
fn line_objects_carry_the_json_line_where_they_start() {
    let manifest = json(SHIPMENTS);
    let lines: Vec<Option<u64>> = manifest.lines.iter().map(|l| l.source_line).collect();
    assert_eq!(lines, [Some(8), Some(9), Some(15)]);
}

#[test]
fn a_bare_array_of_lines_is_accepted() {
    let manifest = json(
        r#"[{"shipment_id":"S","supplier_name":"A"},{"shipment_id":"S","supplier_name":"B"}]"#,
    );
    let numbers: Vec<u32> = manifest.lines.iter().map(|l| l.line).collect();
    assert_eq!(
        numbers,
        [1, 2],
        "missing line numbers count within the shipment"
    );
}

#[test]
fn a_single_shipment_object_with_lines_is_accepted() {
    let manifest = json(r#"{"shipment_id":"S9","importer":"IMP","lines":[{"supplier_name":"A"}]}"#);
    assert_eq!(manifest.lines[0].shipment_id, "S9");
    assert_eq!(manifest.lines[0].importer.as_deref(), Some("IMP"));
}

#[test]
fn keys_may_use_header_aliases() {
    let manifest = json(r#"[{"Bill of Lading":"B1","Shipper":"ACME","supplierCountry":"CN"}]"#);
    let line = &manifest.lines[0];
    assert_eq!(line.shipment_id, "B1");
    assert_eq!(line.supplier_name.as_deref(), Some("ACME"));
    assert_eq!(line.supplier_country.as_deref(), Some("CN"));
}

#[test]
fn unknown_keys_are_echoed_in_extra_as_text() {
    let manifest = json(
        r#"[{"supplier_name":"A","seal":"K1","pieces_per_box":12.0,"hazmat":false,"tags":["A","B"]}]"#,
    );
    let extra = &manifest.lines[0].extra;
    assert_eq!(extra.get("seal").map(String::as_str), Some("K1"));
    assert_eq!(extra.get("pieces_per_box").map(String::as_str), Some("12"));
    assert_eq!(extra.get("hazmat").map(String::as_str), Some("false"));
    assert_eq!(extra.get("tags").map(String::as_str), Some(r#"["A","B"]"#));
}

#[test]
fn shipment_facts_are_read_with_arrays_for_containers_and_marks() {
    let manifest = json(
        r#"[{"supplier_name":"A","container_numbers":["OOLU1809656","TEMU6512740"],
            "marks":["MADE IN","PHILIPPINES"],"Port of Unlading":"Oakland, California",
            "actual_arrival_date":"2019-08-09","consignee_name":"QUINTEL USA INC.",
            "notify_party_name":"DAMCO USA INC.","Entry Number":"ABC-1234567-8"}]"#,
    );
    let line = &manifest.lines[0];
    assert_eq!(line.container_numbers, ["OOLU1809656", "TEMU6512740"]);
    assert_eq!(line.marks.as_deref(), Some("MADE IN PHILIPPINES"));
    assert_eq!(
        line.port_of_unlading.as_deref(),
        Some("Oakland, California")
    );
    assert_eq!(line.arrival_date.as_deref(), Some("2019-08-09"));
    assert_eq!(line.consignee.as_deref(), Some("QUINTEL USA INC."));
    assert_eq!(line.notify_party.as_deref(), Some("DAMCO USA INC."));
    assert_eq!(line.entry_number.as_deref(), Some("ABC-1234567-8"));
    assert_eq!(
        line.importer, None,
        "a consignee is not the importer of record"
    );
}

#[test]
fn two_keys_for_one_field_with_one_value_keep_the_first_and_warn() {
    let manifest = json(r#"[{"shipper":"SAME CO","supplier_name":"SAME CO"}]"#);
    assert_eq!(manifest.lines[0].supplier_name.as_deref(), Some("SAME CO"));
    assert_eq!(
        manifest.lines[0]
            .extra
            .get("supplier_name")
            .map(String::as_str),
        Some("SAME CO")
    );
    assert_eq!(manifest.warnings.len(), 2, "{:?}", manifest.warnings);
    assert!(manifest.warnings[0].contains("keys `shipper` and `supplier_name`"));
}

#[test]
fn two_keys_for_one_field_with_two_values_are_a_row_error_at_the_object() {
    let manifest =
        json("[{\"supplier_name\":\"A\"},\n{\"shipper\":\"FIRST\",\"supplier_name\":\"SECOND\"}]");
    assert_eq!(manifest.lines.len(), 1);
    assert_eq!(manifest.errors.len(), 1);
    assert_eq!(manifest.errors[0].line, Some(2));
    assert!(
        manifest.errors[0].message.contains("`shipper` (\"FIRST\")"),
        "{}",
        manifest.errors[0].message
    );
}

#[test]
fn a_line_that_is_not_an_object_is_a_row_error_with_its_position() {
    let manifest = json("{\"shipment_id\":\"S1\",\"lines\":[\n{\"supplier_name\":\"A\"},\n\"oops\",\n{\"supplier_name\":\"B\"}]}");
    assert_eq!(manifest.lines.len(), 2);
    assert_eq!(
        manifest.lines[1].line, 3,
        "the bad line still takes its place"
    );
    let error = &manifest.errors[0];
    assert_eq!(error.line, Some(3));
    assert_eq!(error.shipment_id.as_deref(), Some("S1"));
    assert_eq!(error.manifest_line, Some(2));
    assert!(error.message.contains("\"oops\""), "{}", error.message);
}

#[test]
fn a_bad_value_is_a_row_error_naming_the_column() {
    let manifest = json(
        "{\"shipments\":[{\"shipment_id\":\"S1\",\"lines\":[\n{\"line\":4,\"supplier_name\":true},\n{\"supplier_name\":\"B\",\"value_usd\":\"lots\"}]}]}",
    );
    assert!(manifest.lines.is_empty());
    let [boolean, value] = &manifest.errors[..] else {
        panic!("two errors expected: {:?}", manifest.errors)
    };
    assert_eq!(boolean.column.as_deref(), Some("supplier_name"));
    assert_eq!(boolean.line, Some(2));
    assert_eq!(boolean.manifest_line, Some(4));
    assert_eq!(boolean.shipment_id.as_deref(), Some("S1"));
    assert_eq!(value.column.as_deref(), Some("value_usd"));
    assert_eq!(value.line, Some(3));
    assert_eq!(value.manifest_line, Some(2));
}

#[test]
fn a_line_naming_no_party_or_country_is_an_error_unless_its_shipment_does() {
    let manifest = json(
        r#"{"shipments":[
            {"shipment_id":"S1","lines":[{"description":"SQUID"}]},
            {"shipment_id":"S2","supplier_name":"ACME","lines":[{"description":"SQUID"}]}
        ]}"#,
    );
    assert_eq!(manifest.lines.len(), 1);
    assert_eq!(manifest.lines[0].shipment_id, "S2");
    assert!(manifest.errors[0].message.starts_with("nothing to screen"));
    assert_eq!(manifest.errors[0].shipment_id.as_deref(), Some("S1"));
}

#[test]
fn a_shipment_without_lines_is_a_row_error() {
    let manifest = json(r#"{"shipments":[{"shipment_id":"S1","supplier_name":"A"}, 7]}"#);
    assert!(manifest.lines.is_empty());
    assert_eq!(manifest.errors.len(), 2);
    assert_eq!(manifest.errors[0].column.as_deref(), Some("lines"));
    assert_eq!(manifest.errors[0].shipment_id.as_deref(), Some("S1"));
    assert!(manifest.errors[1].message.contains("must be a JSON object"));
}

#[test]
fn a_shipments_or_lines_key_given_twice_is_refused_with_both_lines() {
    let twice = [
        (
            "{\"shipments\": [],\n \"shipments\": []}",
            "shipments",
            "lines 1 and 2",
        ),
        (
            "{\"lines\": [{\"supplier_name\": \"A\"}],\n\n \"lines\": []}",
            "lines",
            "lines 1 and 3",
        ),
        (
            "{\"shipments\": [{\"shipment_id\": \"S\",\n \"lines\": [],\n \"lines\": []}]}",
            "lines",
            "lines 2 and 3",
        ),
    ];
    for (text, key, lines) in twice {
        match json_error(text) {
            ManifestError::Schema(message) => {
                assert!(
                    message.contains(&format!("`{key}` is given twice")),
                    "{message}"
                );
                assert!(message.contains(lines), "{message}");
            }
            other => panic!("{text}: expected a schema error, got {other:?}"),
        }
    }
}

#[test]
fn lines_without_shipment_id_are_unspecified_with_one_warning() {
    let manifest = json(r#"[{"supplier_name":"A"},{"supplier_name":"B"}]"#);
    assert!(manifest
        .lines
        .iter()
        .all(|l| l.shipment_id == UNSPECIFIED_SHIPMENT));
    assert_eq!(manifest.warnings.len(), 1);
}

#[test]
fn a_syntax_error_reports_its_line_and_column() {
    let error = json_error("{\"lines\": [\n  {\"supplier_name\": \"A\",}\n]}");
    let ManifestError::Json {
        line,
        column,
        message,
    } = error
    else {
        panic!("expected a JSON error, got {error:?}");
    };
    assert_eq!((line, column), (2, 25));
    assert!(
        !message.contains("at line"),
        "position is not repeated: {message}"
    );
}

#[test]
fn invalid_utf8_is_a_json_error_at_its_position() {
    let error =
        super::super::read_json(b"[{\"supplier_name\":\n\"B\xE9TA\"}]").expect_err("not UTF-8");
    let ManifestError::Json {
        line,
        column,
        message,
    } = error
    else {
        panic!("expected a JSON error, got {error:?}");
    };
    assert_eq!((line, column), (2, 3));
    assert!(message.contains("byte offset 21"), "{message}");
}

#[test]
fn documents_of_the_wrong_shape_are_schema_errors() {
    assert!(matches!(
        json_error(r#"{"rows": []}"#),
        ManifestError::Schema(_)
    ));
    assert!(matches!(
        json_error(r#"{"shipments": {}}"#),
        ManifestError::Schema(_)
    ));
    assert!(matches!(
        json_error(r#"{"lines": 3}"#),
        ManifestError::Schema(_)
    ));
    assert!(matches!(json_error("42"), ManifestError::Schema(_)));
    assert!(matches!(json_error("  "), ManifestError::Empty));
}

#[test]
fn a_byte_order_mark_is_ignored() {
    let manifest = json("\u{feff}[{\"supplier_name\":\"A\"}]");
    assert_eq!(manifest.lines.len(), 1);
}

#[test]
fn a_line_number_repeated_in_a_shipment_is_a_row_error_at_its_position() {
    let manifest = json(
        r#"{"shipments": [
  {"shipment_id": "S1", "lines": [
    {"line": 1, "supplier_name": "ACME", "supplier_country": "CN"},
    {"line": 1, "supplier_name": "KOREA RYONBONG GENERAL CORP", "supplier_country": "CN"}
  ]},
  {"shipment_id": "S2", "lines": [{"line": 1, "supplier_name": "ACME", "supplier_country": "CN"}]}
]}"#,
    );
    let lines: Vec<(&str, u32)> = manifest
        .lines
        .iter()
        .map(|l| (l.shipment_id.as_str(), l.line))
        .collect();
    assert_eq!(lines, [("S1", 1), ("S2", 1)]);
    let [error] = &manifest.errors[..] else {
        panic!("one row error expected: {:?}", manifest.errors)
    };
    assert_eq!(
        error.line,
        Some(4),
        "the JSON line where the repeated object starts"
    );
    assert_eq!(error.shipment_id.as_deref(), Some("S1"));
    assert!(
        error.message.contains("first on input line 3"),
        "{}",
        error.message
    );
}
