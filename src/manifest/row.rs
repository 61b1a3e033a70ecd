//! [`RawLine`] -> [`ManifestLine`]: the one place where cell text becomes a domain line, shared
//! by the CSV and JSON readers so that both apply exactly the same rules.
//!
//! The rules: a missing shipment id becomes [`UNSPECIFIED_SHIPMENT`] (one warning per file); a
//! missing line number becomes the row's position within its shipment; `line` and `value_usd`
//! must parse; a cell longer than its limit ([`super::limits`]) is an error; a row that names no
//! party and no country is an error, not a line. Rows are
//! numbered by position within their shipment id, counting every data row (error rows
//! included), so a line keeps the same number whether or not an earlier row failed.
//! A line number given twice in one shipment is an error on the second row: a result names its
//! line by shipment and line number, and two rows under one number could not be told apart. The
//! containers are part of the key, as in CBP's AMS tables, where a bill numbers its descriptions
//! per container (`description_sequence_number` 1 in each of two containers is two lines). The
//! trade-off: the builder keeps one counter per distinct shipment id and one 16-byte entry per
//! line read (with the hash table's spare room, some 35 MB for a million lines), the price of
//! catching a repeat anywhere in a streamed file.

use std::collections::BTreeMap;
use std::hash::{Hash, Hasher};

use rustc_hash::{FxHashMap, FxHasher};

use super::limits;
use super::values::{check_value_usd, parse_line_number, parse_value_usd};
use super::{Field, ManifestLine, RowError};

/// The shipment id given to rows that have none, so that no line has an empty id.
pub const UNSPECIFIED_SHIPMENT: &str = "UNSPECIFIED";

/// The message of the row error for a row with nothing to screen.
pub(crate) const NOTHING_TO_SCREEN: &str =
    "nothing to screen: the row names no supplier, manufacturer or country; add a supplier or \
     manufacturer name, or a country of origin";

/// A declared value as the input gave it: text to parse, or a number already typed (JSON).
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum RawNumber {
    Text(String),
    Number(f64),
}

/// One input row in canonical fields, values already trimmed (`None` = empty), not yet typed.
#[derive(Debug, Clone, Default)]
pub(crate) struct RawLine {
    /// Text per canonical field, indexed by `Field as usize` (the order of [`Field::ALL`]).
    pub text: [Option<String>; Field::ALL.len()],
    /// `line` given as a JSON number (CSV puts it in `text`).
    pub line_number: Option<RawNumber>,
    /// `value_usd` given as a JSON number (CSV puts it in `text`).
    pub value: Option<RawNumber>,
    pub extra: BTreeMap<String, String>,
    /// 1-based line of the input text where the row starts, when known.
    pub source_line: Option<u64>,
}

impl RawLine {
    pub fn get(&self, field: Field) -> Option<&str> {
        self.text[field as usize].as_deref()
    }

    /// Sets a single-valued field unless it is already set; returns whether it was set.
    pub fn set_if_empty(&mut self, field: Field, value: String) -> bool {
        let slot = &mut self.text[field as usize];
        if slot.is_some() {
            return false;
        }
        *slot = Some(value);
        true
    }

    /// The line number the row gives, if it is readable (for reports on rows that fail).
    pub fn given_line_number(&self) -> Option<u32> {
        match &self.line_number {
            Some(RawNumber::Number(number)) => json_line_number(*number).ok(),
            Some(RawNumber::Text(text)) => parse_line_number(text).ok(),
            None => self
                .get(Field::Line)
                .and_then(|t| parse_line_number(t).ok()),
        }
    }

    /// Appends one part of a multi-column field (addresses, marks, containers).
    pub fn push_part(&mut self, field: Field, part: &str) {
        match &mut self.text[field as usize] {
            Some(existing) => {
                existing.push_str(super::aliases::part_separator(field));
                existing.push_str(part);
            }
            slot @ None => *slot = Some(part.to_owned()),
        }
    }
}

/// Turns raw rows into lines, carrying the per-file state the rules need.
#[derive(Debug, Default)]
pub(crate) struct LineBuilder {
    shipments: FxHashMap<String, ShipmentRows>,
    /// (shipment index, line number, 32-bit hash of its containers) of every line built -> the
    /// input line it started on (0: unknown). Kept to 16 bytes an entry: a streamed file of
    /// millions of lines holds one entry per line.
    lines: FxHashMap<(u32, u32, u32), u32>,
    unspecified_rows: u64,
}

/// What the builder knows of one shipment id.
#[derive(Debug)]
struct ShipmentRows {
    /// Order of first appearance: the shipment's key in `lines`.
    index: u32,
    /// Data rows counted so far (error rows included).
    rows: u32,
}

impl LineBuilder {
    /// The line for `raw`, or the error that keeps it from being screened.
    pub fn build(&mut self, mut raw: RawLine) -> Result<ManifestLine, RowError> {
        let shipment_id = match raw.text[Field::ShipmentId as usize].take() {
            Some(id) => id,
            // An export keyed by entry number (Form 7501) has no bill of lading column.
            None if raw.get(Field::EntryNumber).is_some() => {
                raw.get(Field::EntryNumber).unwrap_or_default().to_owned()
            }
            None => {
                self.unspecified_rows += 1;
                UNSPECIFIED_SHIPMENT.to_owned()
            }
        };
        let position = self.count_row(&shipment_id);
        let error = |column: Option<&str>, message: String, line: Option<u32>| RowError {
            line: raw.source_line,
            column: column.map(str::to_owned),
            message,
            shipment_id: Some(shipment_id.clone()),
            manifest_line: line,
        };

        let line_number = match raw
            .line_number
            .take()
            .or_else(|| raw.text[Field::Line as usize].take().map(RawNumber::Text))
        {
            None => position,
            Some(RawNumber::Text(text)) => parse_line_number(&text)
                .map_err(|message| error(Some(Field::Line.as_str()), message, None))?,
            Some(RawNumber::Number(number)) => json_line_number(number)
                .map_err(|message| error(Some(Field::Line.as_str()), message, None))?,
        };
        let value_usd = match raw.value.take().or_else(|| {
            raw.text[Field::ValueUsd as usize]
                .take()
                .map(RawNumber::Text)
        }) {
            None => None,
            Some(RawNumber::Text(text)) => Some(parse_value_usd(&text).map_err(|message| {
                error(Some(Field::ValueUsd.as_str()), message, Some(line_number))
            })?),
            Some(RawNumber::Number(number)) => {
                Some(check_value_usd(number).map_err(|message| {
                    error(Some(Field::ValueUsd.as_str()), message, Some(line_number))
                })?)
            }
        };

        for field in Field::ALL {
            if let Some(message) = raw
                .get(field)
                .and_then(|text| limits::too_long(field, text))
            {
                return Err(error(Some(field.as_str()), message, Some(line_number)));
            }
        }
        let mut take = |field: Field| raw.text[field as usize].take();
        let line = ManifestLine {
            shipment_id: shipment_id.clone(),
            line: line_number,
            importer: take(Field::Importer),
            supplier_name: take(Field::SupplierName),
            supplier_address: take(Field::SupplierAddress),
            supplier_city: take(Field::SupplierCity),
            supplier_country: take(Field::SupplierCountry),
            manufacturer_name: take(Field::ManufacturerName),
            manufacturer_address: take(Field::ManufacturerAddress),
            manufacturer_city: take(Field::ManufacturerCity),
            manufacturer_country: take(Field::ManufacturerCountry),
            country_of_origin: take(Field::CountryOfOrigin),
            port_of_lading: take(Field::PortOfLading),
            hts_code: take(Field::HtsCode),
            description: take(Field::Description),
            quantity: take(Field::Quantity),
            value_usd,
            vessel_name: take(Field::VesselName),
            vessel_imo: take(Field::VesselImo),
            port_of_unlading: take(Field::PortOfUnlading),
            arrival_date: take(Field::ArrivalDate),
            entry_number: take(Field::EntryNumber),
            container_numbers: take(Field::ContainerNumbers)
                .map(|text| split_containers(&text))
                .unwrap_or_default(),
            consignee: take(Field::Consignee),
            notify_party: take(Field::NotifyParty),
            marks: take(Field::Marks),
            extra: std::mem::take(&mut raw.extra),
            source_line: raw.source_line,
        };
        if !line.is_screenable() {
            return Err(error(None, NOTHING_TO_SCREEN.to_owned(), Some(line_number)));
        }
        if let Some(first) = self.repeated(&line, raw.source_line) {
            let first = first.map_or_else(String::new, |at| format!(" (first on input line {at})"));
            let message = format!(
                "line {line_number} of shipment `{shipment_id}` is given twice{first}; a result \
                 names its line by shipment and line number, and two rows under one number could \
                 not be told apart, so this row was not screened: give each row of a shipment its \
                 own line number"
            );
            return Err(error(
                Some(Field::Line.as_str()),
                message,
                Some(line_number),
            ));
        }
        Ok(line)
    }

    /// Records `line`, read from input line `source_line`; when its shipment already has a line
    /// of that number in the same containers, returns where the first one was (and records
    /// nothing).
    fn repeated(&mut self, line: &ManifestLine, source_line: Option<u64>) -> Option<Option<u64>> {
        let shipment = self.shipments.get(&line.shipment_id)?.index;
        let mut containers = FxHasher::default();
        line.container_numbers.hash(&mut containers);
        let key = (shipment, line.line, containers.finish() as u32);
        match self.lines.entry(key) {
            std::collections::hash_map::Entry::Occupied(first) => {
                Some(Some(u64::from(*first.get())).filter(|&at| at > 0))
            }
            std::collections::hash_map::Entry::Vacant(slot) => {
                slot.insert(
                    source_line
                        .and_then(|at| u32::try_from(at).ok())
                        .unwrap_or(0),
                );
                None
            }
        }
    }

    /// The file-level warning about rows without a shipment id, if there were any.
    pub fn warning(&self) -> Option<String> {
        (self.unspecified_rows > 0).then(|| {
            format!(
                "{} row(s) have no shipment id and are grouped under `{UNSPECIFIED_SHIPMENT}`: \
                 add a column such as `Bill of Lading` or `shipment_id` to tell shipments apart",
                self.unspecified_rows
            )
        })
    }

    /// Counts one more row of `shipment_id` and returns its 1-based position in the shipment.
    /// Readers call it directly for rows that fail before reaching [`LineBuilder::build`].
    pub fn count_row(&mut self, shipment_id: &str) -> u32 {
        let next_index = self.shipments.len() as u32;
        let shipment = match self.shipments.get_mut(shipment_id) {
            Some(shipment) => shipment,
            None => self
                .shipments
                .entry(shipment_id.to_owned())
                .or_insert(ShipmentRows {
                    index: next_index,
                    rows: 0,
                }),
        };
        shipment.rows = shipment.rows.saturating_add(1);
        shipment.rows
    }
}

/// Container numbers from one cell: a list separated by `;`, `,`, `|` or line breaks (each
/// number may itself contain spaces, `TEMU 651274 0`, so spaces do not separate).
fn split_containers(text: &str) -> Vec<String> {
    text.split([';', ',', '|', '\n'])
        .map(str::trim)
        .filter(|part| !part.is_empty())
        .map(str::to_owned)
        .collect()
}

/// A JSON number used as a line number: a whole, non-negative number that fits in `u32`.
fn json_line_number(number: f64) -> Result<u32, String> {
    if number.is_finite() && number >= 0.0 && number.fract() == 0.0 && number <= f64::from(u32::MAX)
    {
        // Exact: the value is integral and within range, checked above.
        Ok(number as u32)
    } else {
        Err(format!(
            "`{number}` is not a line number: use a whole number such as 1, 2, 3"
        ))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn raw(pairs: &[(Field, &str)]) -> RawLine {
        let mut raw = RawLine::default();
        for (field, value) in pairs {
            raw.text[*field as usize] = Some((*value).to_owned());
        }
        raw
    }

    #[test]
    fn field_discriminants_follow_the_documented_column_order() {
        for (index, field) in Field::ALL.iter().enumerate() {
            assert_eq!(*field as usize, index, "{field}");
        }
    }

    #[test]
    fn a_line_number_given_twice_in_a_shipment_is_an_error_on_the_second_row() {
        let mut builder = LineBuilder::default();
        let mut row = |shipment: &str, line: Option<&str>, at: u64| {
            let mut fields = vec![(Field::ShipmentId, shipment), (Field::SupplierName, "X")];
            fields.extend(line.map(|l| (Field::Line, l)));
            let mut raw = raw(&fields);
            raw.source_line = Some(at);
            builder.build(raw)
        };
        assert!(row("A", Some("1"), 2).is_ok());
        assert!(
            row("B", Some("1"), 3).is_ok(),
            "the same number in another shipment is another line"
        );
        let error = row("A", Some("1"), 4).expect_err("repeated in shipment A");
        assert_eq!(error.line, Some(4));
        assert_eq!(error.column.as_deref(), Some("line"));
        assert_eq!(error.manifest_line, Some(1));
        assert!(
            error.message.contains("first on input line 2"),
            "{}",
            error.message
        );
        assert!(row("A", Some("2"), 5).is_ok());
        // The fourth row of A, numbered by its position, takes line 4; a later explicit 4 repeats it.
        assert_eq!(row("A", None, 6).expect("line 4 is free").line, 4);
        assert!(row("A", Some("4"), 7).is_err());
        // As in AMS, a line number counts per container: the same number in another container
        // is another line.
        let mut in_container = raw(&[
            (Field::ShipmentId, "A"),
            (Field::Line, "2"),
            (Field::SupplierName, "X"),
            (Field::ContainerNumbers, "TEMU6512740"),
        ]);
        in_container.source_line = Some(8);
        assert!(builder.build(in_container).is_ok());
    }

    #[test]
    fn missing_line_numbers_count_rows_within_each_shipment() {
        let mut builder = LineBuilder::default();
        let lines: Vec<(String, u32)> = ["A", "B", "A", "A"]
            .iter()
            .map(|id| {
                let line = builder
                    .build(raw(&[(Field::ShipmentId, id), (Field::SupplierName, "X")]))
                    .expect("screenable row");
                (line.shipment_id, line.line)
            })
            .collect();
        let expected = [("A", 1), ("B", 1), ("A", 2), ("A", 3)];
        for ((id, line), (want_id, want_line)) in lines.iter().zip(expected) {
            assert_eq!((id.as_str(), *line), (want_id, want_line));
        }
    }

    #[test]
    fn given_line_numbers_are_kept() {
        let mut builder = LineBuilder::default();
        let line = builder
            .build(raw(&[(Field::Line, "7.0"), (Field::CountryOfOrigin, "KP")]))
            .expect("screenable row");
        assert_eq!(line.line, 7);
    }

    #[test]
    fn rows_without_shipment_id_are_unspecified_and_warned_once() {
        let mut builder = LineBuilder::default();
        assert_eq!(builder.warning(), None);
        for _ in 0..2 {
            let line = builder
                .build(raw(&[(Field::SupplierName, "X")]))
                .expect("screenable row");
            assert_eq!(line.shipment_id, UNSPECIFIED_SHIPMENT);
        }
        let warning = builder.warning().expect("a warning");
        assert!(
            warning.starts_with("2 row(s) have no shipment id"),
            "{warning}"
        );
    }

    #[test]
    fn rows_naming_no_party_or_country_are_errors() {
        let mut builder = LineBuilder::default();
        let error = builder
            .build(raw(&[
                (Field::ShipmentId, "S1"),
                (Field::Description, "SQUID"),
            ]))
            .expect_err("nothing to screen");
        assert!(error.message.starts_with("nothing to screen"));
        assert_eq!(error.shipment_id.as_deref(), Some("S1"));
        assert_eq!(error.manifest_line, Some(1));
    }

    #[test]
    fn unparsable_values_name_their_column() {
        let mut builder = LineBuilder::default();
        let error = builder
            .build(raw(&[(Field::SupplierName, "X"), (Field::ValueUsd, "ten")]))
            .expect_err("bad value");
        assert_eq!(error.column.as_deref(), Some("value_usd"));
        let error = builder
            .build(raw(&[(Field::SupplierName, "X"), (Field::Line, "2.5")]))
            .expect_err("bad line");
        assert_eq!(error.column.as_deref(), Some("line"));
    }

    #[test]
    fn container_cells_are_lists_and_entry_numbers_stand_in_for_missing_shipment_ids() {
        let mut builder = LineBuilder::default();
        let line = builder
            .build(raw(&[
                (Field::EntryNumber, "ABC-1234567-8"),
                (Field::SupplierName, "X"),
                (
                    Field::ContainerNumbers,
                    "TEMU 651274 0; GESU6641198,,OOLU1809656",
                ),
            ]))
            .expect("screenable row");
        assert_eq!(line.shipment_id, "ABC-1234567-8");
        assert_eq!(line.entry_number.as_deref(), Some("ABC-1234567-8"));
        assert_eq!(
            line.container_numbers,
            ["TEMU 651274 0", "GESU6641198", "OOLU1809656"]
        );
        assert_eq!(builder.warning(), None, "no UNSPECIFIED warning");
    }

    #[test]
    fn json_line_numbers_must_be_whole() {
        assert_eq!(json_line_number(4.0), Ok(4));
        assert!(json_line_number(4.5).is_err());
        assert!(json_line_number(-1.0).is_err());
    }
}
