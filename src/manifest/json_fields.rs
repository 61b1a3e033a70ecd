//! JSON objects -> [`RawLine`]: key resolution, lenient value typing and shipment defaults.
//!
//! Keys go through the same alias table as CSV headers, so `supplier_name`, `supplierName` and
//! `Shipper` all work. Values are typed leniently because JSON exports often carry codes as
//! numbers (`"hts_code": 30743.0`, `"vessel_imo": 9218674`): numbers become text without a
//! spurious `.0`, and strings where numbers are expected are parsed like CSV cells. What cannot
//! be read sensibly (a boolean supplier, an object as a country) is a row error naming the key.
//! Objects are kept in document order ([`OrderedMap`]) so that, as in CSV, the first of two keys
//! meaning the same field wins; the cost is a small custom `Deserialize` instead of
//! `serde_json::Map`, which sorts keys.

use std::fmt;
use std::marker::PhantomData;

use serde::de::{Deserialize, Deserializer, MapAccess, Visitor};
use serde_json::Value;

use super::aliases::{header_meaning, is_multi_column, HeaderMeaning};
use super::row::{RawLine, RawNumber};
use super::values::{clean, render_number};
use super::Field;

/// A JSON object with its entries in document order (duplicates kept).
#[derive(Debug)]
pub(crate) struct OrderedMap<V>(pub Vec<(String, V)>);

impl<'de, V: Deserialize<'de>> Deserialize<'de> for OrderedMap<V> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct EntriesVisitor<V>(PhantomData<V>);

        impl<'de, V: Deserialize<'de>> Visitor<'de> for EntriesVisitor<V> {
            type Value = OrderedMap<V>;

            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a JSON object")
            }

            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Self::Value, A::Error> {
                let mut entries = Vec::with_capacity(map.size_hint().unwrap_or(0));
                while let Some(entry) = map.next_entry::<String, V>()? {
                    entries.push(entry);
                }
                Ok(OrderedMap(entries))
            }
        }

        deserializer.deserialize_map(EntriesVisitor(PhantomData))
    }
}

/// A value that could not be read: the key it was under and what is wrong.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct BadValue {
    pub column: String,
    pub message: String,
}

/// Fills a [`RawLine`] from a line object, then from its shipment's defaults.
#[derive(Debug)]
pub(crate) struct LineFiller<'w> {
    raw: RawLine,
    /// Fields given by the line object itself; shipment defaults never override them.
    own: [bool; Field::ALL.len()],
    /// Fields given by the object currently being applied (detects duplicate keys).
    current: [bool; Field::ALL.len()],
    /// The first key that set each field in the current object, for duplicate warnings.
    first_key: [Option<String>; Field::ALL.len()],
    warnings: &'w mut Vec<String>,
}

impl<'w> LineFiller<'w> {
    pub fn new(source_line: Option<u64>, warnings: &'w mut Vec<String>) -> Self {
        LineFiller {
            raw: RawLine {
                source_line,
                ..RawLine::default()
            },
            own: [false; Field::ALL.len()],
            current: [false; Field::ALL.len()],
            first_key: Default::default(),
            warnings,
        }
    }

    /// Applies the line object's own entries.
    pub fn apply_own(&mut self, entries: &[(String, Value)]) -> Result<(), BadValue> {
        self.apply(entries, false)?;
        self.own = self.current;
        Ok(())
    }

    /// Applies shipment-level entries as defaults: only fields and extra keys the line lacks.
    pub fn apply_defaults(&mut self, entries: &[(String, Value)]) -> Result<(), BadValue> {
        self.current = [false; Field::ALL.len()];
        self.first_key = Default::default();
        self.apply(entries, true)
    }

    pub fn finish(self) -> RawLine {
        self.raw
    }

    /// The shipment id given so far, if any (for error reports).
    pub fn shipment_id(&self) -> Option<&str> {
        self.raw.get(Field::ShipmentId)
    }

    fn apply(&mut self, entries: &[(String, Value)], defaults: bool) -> Result<(), BadValue> {
        for (key, value) in entries {
            if value.is_null() {
                continue;
            }
            let field = match header_meaning(key) {
                HeaderMeaning::Field(field) => field,
                HeaderMeaning::Unqualified(_) | HeaderMeaning::Unknown => {
                    self.put_extra(key, value, defaults);
                    continue;
                }
            };
            let slot = field as usize;
            if defaults && self.own[slot] {
                continue;
            }
            if self.current[slot] && !is_multi_column(field) {
                self.check_duplicate(entries, key, value, field)?;
                self.put_extra(key, value, defaults);
                continue;
            }
            if self.set(field, key, value)? {
                self.current[slot] = true;
                self.first_key[slot].get_or_insert_with(|| key.clone());
            }
        }
        Ok(())
    }

    /// Stores one value; returns whether the field now holds something.
    fn set(&mut self, field: Field, key: &str, value: &Value) -> Result<bool, BadValue> {
        let bad = |message: String| BadValue {
            column: field.as_str().to_owned(),
            message,
        };
        match field {
            Field::Line | Field::ValueUsd => {
                let number = match value {
                    Value::Number(n) => n.as_f64().map(RawNumber::Number),
                    Value::String(s) => clean(s).map(|t| RawNumber::Text(t.to_owned())),
                    other => return Err(bad(expected("a number", key, other))),
                };
                let set = number.is_some();
                if field == Field::Line {
                    self.raw.line_number = number;
                } else {
                    self.raw.value = number;
                }
                Ok(set)
            }
            _ if is_multi_column(field) => {
                let parts: Vec<String> = match value {
                    Value::Array(items) => items
                        .iter()
                        .filter(|item| !item.is_null())
                        .map(|item| scalar_text(item).ok_or_else(|| bad(expected_text(key, item))))
                        .collect::<Result<Vec<_>, _>>()?
                        .into_iter()
                        .flatten()
                        .collect(),
                    other => scalar_text(other)
                        .ok_or_else(|| bad(expected_text(key, other)))?
                        .into_iter()
                        .collect(),
                };
                for part in &parts {
                    self.raw.push_part(field, part);
                }
                Ok(!parts.is_empty())
            }
            _ => match scalar_text(value).ok_or_else(|| bad(expected_text(key, value)))? {
                Some(text) => Ok(self.raw.set_if_empty(field, text)),
                None => Ok(false),
            },
        }
    }

    fn put_extra(&mut self, key: &str, value: &Value, defaults: bool) {
        let text = match value {
            Value::String(s) => match clean(s) {
                Some(t) => t.to_owned(),
                None => return,
            },
            Value::Number(n) => render_number(n),
            other => other.to_string(),
        };
        if defaults {
            self.raw.extra.entry(key.to_owned()).or_insert(text);
        } else if let Some(previous) = self.raw.extra.insert(key.to_owned(), text) {
            // Same key twice in one object: keep the first, as for fields.
            self.raw.extra.insert(key.to_owned(), previous);
        }
    }

    /// A field given twice in one object: with the same value it is a warning; with another
    /// value it is a bad line, because screening only one of the two could miss the party the
    /// other names (`{"supplier": "ACME", "supplier_name": "Korea Ryonbong ..."}`).
    fn check_duplicate(
        &mut self,
        entries: &[(String, Value)],
        key: &str,
        value: &Value,
        field: Field,
    ) -> Result<(), BadValue> {
        let first = entries
            .iter()
            .find(|(k, v)| {
                let blank = v.is_null() || scalar_text(v) == Some(None);
                !blank && matches!(header_meaning(k), HeaderMeaning::Field(f) if f == field)
            })
            .map(|(k, v)| (k.as_str(), v));
        match first {
            Some((first_key, first_value)) if !same_value(first_value, value) => Err(BadValue {
                column: field.as_str().to_owned(),
                message: if first_key == key {
                    format!(
                        "key `{key}` is given twice in the line with different values \
                         ({first_value} and {value}); give it once"
                    )
                } else {
                    format!(
                        "keys `{first_key}` ({first_value}) and `{key}` ({value}) both mean \
                         `{field}` and differ; give one of them"
                    )
                },
            }),
            _ => {
                self.warn_duplicate(key, field);
                Ok(())
            }
        }
    }

    fn warn_duplicate(&mut self, key: &str, field: Field) {
        let first = self.first_key[field as usize].as_deref().unwrap_or("?");
        let warning = format!(
            "keys `{first}` and `{key}` both mean `{field}`; the first is used and `{key}` is \
             echoed in extra: remove one of them"
        );
        if !self.warnings.contains(&warning) {
            self.warnings.push(warning);
        }
    }
}

/// Whether two values of one field say the same thing (text compared as cleaned, so `"ACME "`
/// and `"ACME"` agree, and `7` and `"7"` agree).
fn same_value(a: &Value, b: &Value) -> bool {
    match (scalar_text(a), scalar_text(b)) {
        (Some(a), Some(b)) => a == b,
        _ => a == b,
    }
}

/// Text of a string or number (`None` when blank); `None` outside means not a scalar we accept.
fn scalar_text(value: &Value) -> Option<Option<String>> {
    match value {
        Value::String(s) => Some(clean(s).map(str::to_owned)),
        Value::Number(n) => Some(Some(render_number(n))),
        _ => None,
    }
}

fn expected_text(key: &str, found: &Value) -> String {
    expected("text or a number", key, found)
}

fn expected(what: &str, key: &str, found: &Value) -> String {
    let kind = match found {
        Value::Null => "null",
        Value::Bool(_) => "a boolean",
        Value::Number(_) => "a number",
        Value::String(_) => "text",
        Value::Array(_) => "an array",
        Value::Object(_) => "an object",
    };
    format!("key `{key}` holds {kind} ({found}) but should hold {what}: fix the value")
}

#[cfg(test)]
mod tests {
    use serde_json::json;

    use super::*;

    fn entries(value: Value) -> Vec<(String, Value)> {
        match value {
            Value::Object(map) => map.into_iter().collect(),
            _ => Vec::new(),
        }
    }

    #[test]
    fn ordered_maps_keep_document_order_and_duplicates() {
        let map: OrderedMap<Value> =
            serde_json::from_str(r#"{"b":1,"a":2,"b":3}"#).expect("valid JSON");
        let keys: Vec<&str> = map.0.iter().map(|(k, _)| k.as_str()).collect();
        assert_eq!(keys, ["b", "a", "b"]);
    }

    #[test]
    fn numbers_for_text_fields_become_text_without_trailing_zero() {
        let mut warnings = Vec::new();
        let mut filler = LineFiller::new(None, &mut warnings);
        filler
            .apply_own(&entries(
                json!({"hts_code": 30743.0, "vessel_imo": 9218674}),
            ))
            .expect("lenient types");
        let raw = filler.finish();
        assert_eq!(raw.get(Field::HtsCode), Some("30743"));
        assert_eq!(raw.get(Field::VesselImo), Some("9218674"));
    }

    #[test]
    fn booleans_for_text_fields_are_bad_values_naming_the_field() {
        let mut warnings = Vec::new();
        let mut filler = LineFiller::new(None, &mut warnings);
        let bad = filler
            .apply_own(&entries(json!({"supplier_name": true})))
            .expect_err("a boolean is not a name");
        assert_eq!(bad.column, "supplier_name");
    }

    #[test]
    fn shipment_defaults_fill_only_what_the_line_lacks() {
        let mut warnings = Vec::new();
        let mut filler = LineFiller::new(None, &mut warnings);
        filler
            .apply_own(&entries(json!({"supplier_name": "OWN", "note": "line"})))
            .expect("valid");
        filler
            .apply_defaults(&entries(
                json!({"supplier_name": "DEFAULT", "importer": "IMP", "note": "shipment"}),
            ))
            .expect("valid");
        let raw = filler.finish();
        assert_eq!(raw.get(Field::SupplierName), Some("OWN"));
        assert_eq!(raw.get(Field::Importer), Some("IMP"));
        assert_eq!(raw.extra.get("note").map(String::as_str), Some("line"));
    }

    #[test]
    fn a_field_given_twice_with_different_values_is_a_bad_line_naming_both_keys() {
        let mut warnings = Vec::new();
        let mut filler = LineFiller::new(None, &mut warnings);
        let entries = vec![
            ("supplier".to_owned(), json!("ACME Trading")),
            (
                "supplier_name".to_owned(),
                json!("Korea Ryonbong General Corp."),
            ),
        ];
        let bad = filler.apply_own(&entries).expect_err("which supplier?");
        assert_eq!(bad.column, "supplier_name");
        assert!(
            bad.message.contains("`supplier`") && bad.message.contains("`supplier_name`"),
            "{}",
            bad.message
        );
        let mut filler = LineFiller::new(None, &mut warnings);
        let twice = vec![
            ("supplier_name".to_owned(), json!("A")),
            ("supplier_name".to_owned(), json!("B")),
        ];
        let bad = filler.apply_own(&twice).expect_err("the same key twice");
        assert!(bad.message.contains("given twice"), "{}", bad.message);
    }

    #[test]
    fn a_field_given_twice_with_the_same_value_is_a_warning() {
        let mut warnings = Vec::new();
        let mut filler = LineFiller::new(None, &mut warnings);
        let entries = vec![
            ("supplier".to_owned(), json!("ACME Trading")),
            ("supplier_name".to_owned(), json!(" ACME Trading ")),
            ("line".to_owned(), json!(7)),
            ("line".to_owned(), json!("7")),
        ];
        filler.apply_own(&entries).expect("the same values");
        assert_eq!(
            filler.finish().get(Field::SupplierName),
            Some("ACME Trading")
        );
        assert_eq!(warnings.len(), 2, "{warnings:?}");
    }

    #[test]
    fn address_arrays_are_joined_in_order() {
        let mut warnings = Vec::new();
        let mut filler = LineFiller::new(None, &mut warnings);
        filler
            .apply_own(&entries(
                json!({"supplier_address": ["NO.8 XINHUA ROAD WUXI,JI", "ANGSU"]}),
            ))
            .expect("valid");
        assert_eq!(
            filler.finish().get(Field::SupplierAddress),
            Some("NO.8 XINHUA ROAD WUXI,JI ANGSU")
        );
    }
}
