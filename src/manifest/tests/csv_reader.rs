//! The CSV reader: encodings, line endings, quoting, row errors, numbering, streaming.

use std::io::Read;

use super::super::{csv_lines, Field, ManifestError, UNSPECIFIED_SHIPMENT};
use super::{csv, csv_bytes, csv_error};

#[test]
fn utf8_with_bom_and_crlf_line_endings_reads_like_plain_lf() {
    let with = csv("\u{feff}Shipment ID,Supplier,COO\r\nS1,ACME,CN\r\nS1,BETA,KP\r\n");
    let without = csv("Shipment ID,Supplier,COO\nS1,ACME,CN\nS1,BETA,KP\n");
    assert_eq!(with.lines, without.lines);
    assert_eq!(with.lines[1].supplier_name.as_deref(), Some("BETA"));
    assert_eq!(with.lines[1].source_line, Some(3));
}

#[test]
fn quoted_fields_keep_embedded_newlines_and_quotes() {
    let manifest = csv("Shipper,Shipper Address,COO\n\
         \"ACME \"\"EAST\"\" CO\",\"NO.8 XINHUA ROAD\nWUXI, JIANGSU\",CN\n\
         BETA,ROAD 2,KP\n");
    let first = &manifest.lines[0];
    assert_eq!(first.supplier_name.as_deref(), Some("ACME \"EAST\" CO"));
    assert_eq!(
        first.supplier_address.as_deref(),
        Some("NO.8 XINHUA ROAD\nWUXI, JIANGSU")
    );
    assert_eq!(first.source_line, Some(2));
    assert_eq!(
        manifest.lines[1].source_line,
        Some(4),
        "the record after a two-line cell"
    );
}

#[test]
fn source_lines_count_skipped_blank_lines() {
    let manifest = csv("Shipper\n\nACME\n\r\n\nBETA\n");
    let lines: Vec<Option<u64>> = manifest.lines.iter().map(|l| l.source_line).collect();
    assert_eq!(lines, [Some(3), Some(6)]);
}

#[test]
fn a_row_with_invalid_utf8_is_an_error_naming_offset_and_column_and_other_rows_are_read() {
    let mut bytes = b"Shipment ID,Supplier,COO\nS1,ACME,CN\nS1,\"B".to_vec();
    let bad_offset = bytes.len() as u64;
    bytes.extend_from_slice(b"\xE9TA\",KP\nS1,GAMMA,CN\n");
    let manifest = csv_bytes(&bytes);

    assert_eq!(manifest.lines.len(), 2);
    assert_eq!(manifest.lines[1].supplier_name.as_deref(), Some("GAMMA"));
    assert_eq!(
        manifest.lines[1].line, 3,
        "the failed row still counts in its shipment"
    );
    let [error] = &manifest.errors[..] else {
        panic!("one error expected: {:?}", manifest.errors)
    };
    assert_eq!(error.line, Some(3));
    assert_eq!(error.column.as_deref(), Some("supplier_name"));
    assert_eq!(error.shipment_id.as_deref(), Some("S1"));
    assert_eq!(
        error.message,
        format!(
            "invalid UTF-8 at byte offset {bad_offset} in column `supplier_name`: \
             re-export the file as UTF-8 (CSV UTF-8 in Excel)"
        )
    );
}

#[test]
fn a_header_with_invalid_utf8_is_fatal_and_names_the_byte_offset() {
    let error = csv_error(b"Shipper,Pa\xEDs\nACME,CN\n");
    let ManifestError::Csv { line, message } = error else {
        panic!("expected a CSV error, got {error:?}");
    };
    assert_eq!(line, 1);
    assert!(message.contains("byte offset 10"), "{message}");
    assert!(message.contains("column 2"), "{message}");
}

#[test]
fn a_row_with_too_many_or_too_few_fields_is_an_error_and_the_rest_is_read() {
    let manifest =
        csv("Shipment ID,Supplier,COO\nS1,ACME,CN\nS1,BETA,KP,EXTRA\nS1,GAMMA\nS1,DELTA,CN\n");
    assert_eq!(manifest.lines.len(), 2);
    assert_eq!(manifest.lines[1].supplier_name.as_deref(), Some("DELTA"));
    assert_eq!(manifest.lines[1].line, 4);
    let lines: Vec<Option<u64>> = manifest.errors.iter().map(|e| e.line).collect();
    assert_eq!(lines, [Some(3), Some(4)]);
    assert!(manifest.errors[0]
        .message
        .contains("4 fields but the header has 3"));
    assert_eq!(manifest.errors[0].shipment_id.as_deref(), Some("S1"));
}

#[test]
fn declared_values_in_common_notations_are_read() {
    let manifest = csv("Supplier,Value (USD)\nA,1234.5\nB,\"$1,234.50\"\nC,\"USD 1,234\"\nD,\n");
    let values: Vec<Option<f64>> = manifest.lines.iter().map(|l| l.value_usd).collect();
    assert_eq!(values, [Some(1234.5), Some(1234.5), Some(1234.0), None]);
}

#[test]
fn an_unreadable_declared_value_is_a_row_error_naming_the_column() {
    let manifest = csv("Shipment ID,Supplier,Value\nS1,A,\"1.234,50\"\nS1,B,10\n");
    assert_eq!(manifest.lines.len(), 1);
    let error = &manifest.errors[0];
    assert_eq!(error.line, Some(2));
    assert_eq!(error.column.as_deref(), Some("value_usd"));
    assert_eq!(error.manifest_line, Some(1));
    assert!(error.message.contains("`1.234,50`"), "{}", error.message);
}

#[test]
fn missing_line_numbers_are_the_running_count_within_each_shipment() {
    let manifest = csv("BOL,Supplier\nA,X\nB,Y\nA,Z\n");
    let numbered: Vec<(&str, u32)> = manifest
        .lines
        .iter()
        .map(|l| (l.shipment_id.as_str(), l.line))
        .collect();
    assert_eq!(numbered, [("A", 1), ("B", 1), ("A", 2)]);
}

#[test]
fn line_numbers_given_as_floats_or_padded_are_read_and_empty_ones_are_counted() {
    let manifest = csv("BOL,Line,Supplier\nA, 7 ,X\nA,3.0,Y\nA,,Z\nA,,W\n");
    let numbers: Vec<u32> = manifest.lines.iter().map(|l| l.line).collect();
    // The empty cell of the third row counts it as line 3, which the second row already is:
    // that row is an error, not a second line 3. The fourth row is line 4.
    assert_eq!(numbers, [7, 3, 4]);
    assert_eq!(manifest.errors.len(), 1);
    assert_eq!(manifest.errors[0].line, Some(4));
    assert!(manifest.errors[0]
        .message
        .contains("line 3 of shipment `A` is given twice"));
}

#[test]
fn an_unreadable_line_number_is_a_row_error_naming_the_column() {
    let manifest = csv("BOL,Line,Supplier\nA,two,X\n");
    assert!(manifest.lines.is_empty());
    assert_eq!(manifest.errors[0].column.as_deref(), Some("line"));
}

#[test]
fn rows_without_shipment_id_are_grouped_as_unspecified_with_one_warning() {
    let manifest = csv("Supplier\nACME\nBETA\n");
    assert!(manifest
        .lines
        .iter()
        .all(|l| l.shipment_id == UNSPECIFIED_SHIPMENT));
    assert_eq!(manifest.warnings.len(), 1);
    assert!(
        manifest.warnings[0].contains("2 row(s)"),
        "{}",
        manifest.warnings[0]
    );

    let manifest = csv("BOL,Supplier\nS1,ACME\n,BETA\n");
    assert_eq!(manifest.lines[1].shipment_id, UNSPECIFIED_SHIPMENT);
    assert!(manifest.warnings[0].contains("1 row(s)"));

    let manifest = csv("BOL,Supplier\nS1,ACME\n");
    assert!(manifest.warnings.is_empty());
}

#[test]
fn a_row_naming_no_party_or_country_is_an_error_not_a_line() {
    let manifest = csv("BOL,Supplier,COO,Description\nS1,,,FROZEN SQUID\nS1,,KP,CRAB\n");
    assert_eq!(
        manifest.lines.len(),
        1,
        "a country alone is enough to screen"
    );
    let error = &manifest.errors[0];
    assert_eq!(error.line, Some(2));
    assert_eq!(error.manifest_line, Some(1));
    assert!(error
        .message
        .starts_with("nothing to screen: the row names no supplier, manufacturer or country"));
}

#[test]
fn fully_blank_rows_are_skipped_silently() {
    let manifest = csv("BOL,Supplier,COO\n,,\nS1,ACME,CN\n  , ,\nNaN,NaN,NaN\n");
    assert_eq!(manifest.lines.len(), 1);
    assert!(manifest.errors.is_empty(), "{:?}", manifest.errors);
    assert!(manifest.warnings.is_empty());
}

#[test]
fn values_are_trimmed_and_empty_cells_are_none() {
    let manifest = csv("Supplier,Importer,HS Code\n  ACME CO  ,   ,030749\n");
    let line = &manifest.lines[0];
    assert_eq!(line.supplier_name.as_deref(), Some("ACME CO"));
    assert_eq!(line.importer, None);
    assert_eq!(
        line.get(Field::HtsCode).as_deref(),
        Some("030749"),
        "codes stay as written"
    );
}

#[test]
fn empty_input_is_an_error_and_a_header_alone_is_an_empty_manifest() {
    assert!(matches!(csv_error(b""), ManifestError::Empty));
    assert!(matches!(csv_error(b"\n\n"), ManifestError::Empty));
    let manifest = csv("Supplier,COO\n");
    assert!(manifest.lines.is_empty() && manifest.errors.is_empty());
}

#[test]
fn the_streaming_reader_exposes_headers_and_yields_rows_in_order() {
    let data = "Shipper,Country of Origin\nACME,CN\n,\nBETA,KP\n";
    let rows = csv_lines(data.as_bytes()).expect("valid header");
    assert_eq!(rows.headers(), ["Shipper", "Country of Origin"]);
    let names: Vec<String> = rows
        .map(|row| {
            row.map(|l| l.supplier_name.unwrap_or_default())
                .unwrap_or_default()
        })
        .collect();
    assert_eq!(names, ["ACME", "BETA"]);
}

/// Lines of CSV generated on the fly, so the test itself holds no file in memory.
struct GeneratedCsv {
    rows: u64,
    next: u64,
    pending: Vec<u8>,
    at: usize,
}

impl Read for GeneratedCsv {
    fn read(&mut self, out: &mut [u8]) -> std::io::Result<usize> {
        if self.at == self.pending.len() {
            if self.next > self.rows {
                return Ok(0);
            }
            self.pending.clear();
            self.at = 0;
            if self.next == 0 {
                self.pending
                    .extend_from_slice(b"Bill of Lading,Shipper,Shipper Address,COO,Value\n");
            } else {
                let n = self.next;
                let row = format!(
                    "BL{},\"SUPPLIER {n}, LTD\",\"ROAD {n}\nCITY\",CN,\"$1,{:03}.50\"\n",
                    n / 10,
                    n % 1000
                );
                self.pending.extend_from_slice(row.as_bytes());
            }
            self.next += 1;
        }
        let n = out.len().min(self.pending.len() - self.at);
        out[..n].copy_from_slice(&self.pending[self.at..self.at + n]);
        self.at += n;
        Ok(n)
    }
}

#[test]
fn a_million_line_file_streams_through_without_being_held_in_memory() {
    const ROWS: u64 = 1_000_000;
    let source = GeneratedCsv {
        rows: ROWS,
        next: 0,
        pending: Vec::new(),
        at: 0,
    };
    let mut count = 0u64;
    let mut last = None;
    for row in csv_lines(source).expect("valid header") {
        let line = row.expect("every generated row is valid");
        count += 1;
        last = Some(line);
    }
    assert_eq!(count, ROWS);
    let last = last.expect("at least one line");
    assert_eq!(last.shipment_id, format!("BL{}", ROWS / 10));
    assert_eq!(
        last.source_line,
        Some(2 * ROWS),
        "each record spans two lines"
    );
    assert_eq!(last.value_usd, Some(1000.5));
}

/// Yields `data`, then fails like a dropped network upload.
struct FailingAfter<'a> {
    data: &'a [u8],
}

impl Read for FailingAfter<'_> {
    fn read(&mut self, out: &mut [u8]) -> std::io::Result<usize> {
        if self.data.is_empty() {
            return Err(std::io::Error::other("connection reset"));
        }
        let n = out.len().min(self.data.len());
        out[..n].copy_from_slice(&self.data[..n]);
        self.data = &self.data[n..];
        Ok(n)
    }
}

#[test]
fn a_read_failure_after_the_header_ends_the_rows_with_an_error_saying_so() {
    let rows: Vec<_> = csv_lines(FailingAfter {
        data: b"Supplier\nACME\n",
    })
    .expect("the header was read")
    .collect();
    let [Ok(line), Err(error)] = &rows[..] else {
        panic!("one line then one error expected: {rows:?}")
    };
    assert_eq!(line.supplier_name.as_deref(), Some("ACME"));
    assert!(
        error.message.starts_with("reading stopped here"),
        "{}",
        error.message
    );
    assert!(
        error.message.contains("connection reset"),
        "{}",
        error.message
    );
}

#[test]
fn a_read_failure_before_the_header_is_an_io_error() {
    let error = match csv_lines(FailingAfter { data: b"" }) {
        Ok(_) => panic!("nothing could be read"),
        Err(error) => error,
    };
    assert!(matches!(error, ManifestError::Io(_)), "{error:?}");
}
