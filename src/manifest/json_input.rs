//! The JSON reader: [`read_json`] accepts `{"shipments":[{..., "lines":[...]}]}`, a single
//! shipment `{"lines":[...]}`, or a bare array of line objects.
//!
//! The document is parsed once into borrowed `RawValue`s, which are slices of the input text, so
//! the JSON line where each line object starts is known from its address in the text without a
//! position-tracking parser; each line object is then parsed on its own. The trade-off: line
//! objects are scanned twice (once for syntax, once for values), which is linear and keeps every
//! row error pointing at the right line of the file. Syntax errors are fatal
//! ([`ManifestError::Json`], with line and column); a bad shipment or line is a [`RowError`].

use serde::Deserialize;
use serde_json::value::RawValue;
use serde_json::Value;

use super::json_fields::{BadValue, LineFiller, OrderedMap};
use super::row::{LineBuilder, UNSPECIFIED_SHIPMENT};
use super::{Manifest, ManifestError, ManifestLine, RowError};

/// The byte-order mark some editors put before UTF-8 text.
const UTF8_BOM: &str = "\u{feff}";

/// Reads a JSON manifest: every line, every row error, every warning.
pub fn read_json(bytes: &[u8]) -> Result<Manifest, ManifestError> {
    let text = decode_utf8(bytes)?;
    let text = text.strip_prefix(UTF8_BOM).unwrap_or(text);
    if text.trim().is_empty() {
        return Err(ManifestError::Empty);
    }
    let top: &RawValue = serde_json::from_str(text).map_err(syntax_error)?;
    let mut reader = DocumentReader::new(text);
    match first_byte(top) {
        b'[' => {
            let lines: Vec<&RawValue> = parse(top)?;
            reader.read_lines(&lines, &[]);
        }
        b'{' => {
            let document: OrderedMap<&RawValue> = parse(top)?;
            let shipments = find(&document, "shipments", &mut reader.lines)?;
            let lines = find(&document, "lines", &mut reader.lines)?;
            match (shipments, lines) {
                (Some(shipments), _) => {
                    let shipments: Vec<&RawValue> = parse(shipments).map_err(|_| {
                        ManifestError::Schema(
                            "`shipments` must be an array of shipment objects: \
                             {\"shipments\": [{\"shipment_id\": \"...\", \"lines\": [...]}]}"
                                .to_owned(),
                        )
                    })?;
                    for shipment in shipments {
                        reader.read_shipment(shipment)?;
                    }
                }
                (None, Some(lines)) => {
                    if first_byte(lines) != b'[' {
                        return Err(ManifestError::Schema(
                            "`lines` must be an array of line objects: {\"lines\": [{...}]}"
                                .to_owned(),
                        ));
                    }
                    reader.read_shipment(top)?;
                }
                (None, None) => {
                    return Err(ManifestError::Schema(
                        "the JSON object has neither `shipments` nor `lines`: use \
                     {\"shipments\": [{\"shipment_id\": \"...\", \"lines\": [...]}]}, \
                     {\"lines\": [...]} or an array of line objects"
                            .to_owned(),
                    ))
                }
            }
        }
        _ => {
            return Err(ManifestError::Schema(
                "the JSON document is neither an object nor an array: use \
                 {\"shipments\": [...]}, {\"lines\": [...]} or an array of line objects"
                    .to_owned(),
            ))
        }
    }
    Ok(reader.finish())
}

/// Walks the document, turning line objects into lines and row errors.
struct DocumentReader<'t> {
    lines: LineLocator<'t>,
    builder: LineBuilder,
    manifest: Manifest,
    warnings: Vec<String>,
}

impl<'t> DocumentReader<'t> {
    fn new(text: &'t str) -> Self {
        DocumentReader {
            lines: LineLocator::new(text),
            builder: LineBuilder::default(),
            manifest: Manifest::default(),
            warnings: Vec::new(),
        }
    }

    fn finish(mut self) -> Manifest {
        self.manifest.warnings = self.warnings;
        self.manifest.warnings.extend(self.builder.warning());
        self.manifest
    }

    /// One shipment object: its `lines`, with its other keys as defaults. A shipment with two
    /// `lines` arrays is refused whole: screening one would silently drop the other.
    fn read_shipment(&mut self, shipment: &'t RawValue) -> Result<(), ManifestError> {
        let at = self.lines.line_of(shipment);
        let entries: OrderedMap<&RawValue> = match parse(shipment) {
            Ok(entries) if first_byte(shipment) == b'{' => entries,
            _ => {
                let message = format!(
                    "a shipment must be a JSON object with a `lines` array, found `{}`",
                    preview(shipment)
                );
                self.manifest.errors.push(RowError::new(at, None, message));
                return Ok(());
            }
        };
        find(&entries, "lines", &mut self.lines)?;
        let mut defaults: Vec<(String, Value)> = Vec::new();
        let mut lines = None;
        for (key, raw) in entries.0 {
            if key == "lines" {
                lines = Some(raw);
            } else if let Ok(value) = serde_json::from_str::<Value>(raw.get()) {
                defaults.push((key, value));
            }
        }
        let lines = lines.map(parse::<Vec<&RawValue>>);
        match lines {
            Some(Ok(lines)) => self.read_lines(&lines, &defaults),
            _ => {
                let mut error = RowError::new(
                    at,
                    Some("lines"),
                    "the shipment has no `lines` array: list its goods under \
                     \"lines\": [{\"line\": 1, \"supplier_name\": \"...\"}]",
                );
                error.shipment_id = Some(shipment_id_of(&defaults));
                self.manifest.errors.push(error);
            }
        }
        Ok(())
    }

    /// Line objects sharing the given shipment defaults.
    fn read_lines(&mut self, lines: &[&'t RawValue], defaults: &[(String, Value)]) {
        for raw in lines {
            let at = self.lines.line_of(raw);
            match self.read_line(raw, at, defaults) {
                Ok(line) => self.manifest.lines.push(line),
                Err(error) => self.manifest.errors.push(error),
            }
        }
    }

    fn read_line(
        &mut self,
        raw: &RawValue,
        at: Option<u64>,
        defaults: &[(String, Value)],
    ) -> Result<ManifestLine, RowError> {
        let entries: Vec<(String, Value)> = match parse::<OrderedMap<Value>>(raw) {
            Ok(map) if first_byte(raw) == b'{' => map.0,
            _ => {
                let id = shipment_id_of(defaults);
                let message = format!(
                    "a line must be a JSON object such as {{\"line\": 1, \"supplier_name\": \
                     \"...\"}}, found `{}`",
                    preview(raw)
                );
                return Err(self.failed(at, None, message, id, None));
            }
        };
        let mut filler = LineFiller::new(at, &mut self.warnings);
        let filled = filler
            .apply_own(&entries)
            .and_then(|()| filler.apply_defaults(defaults));
        match filled {
            Ok(()) => self.builder.build(filler.finish()),
            Err(BadValue { column, message }) => {
                let id = filler
                    .shipment_id()
                    .map(str::to_owned)
                    .unwrap_or_else(|| shipment_id_of(defaults));
                let given_line = filler.finish().given_line_number();
                Err(self.failed(at, Some(&column), message, id, given_line))
            }
        }
    }

    /// A row error for a line that never reached the builder; the row is still counted so
    /// later lines keep their positions.
    fn failed(
        &mut self,
        at: Option<u64>,
        column: Option<&str>,
        message: String,
        shipment_id: String,
        given_line: Option<u32>,
    ) -> RowError {
        let position = self.builder.count_row(&shipment_id);
        let mut error = RowError::new(at, column, message);
        error.manifest_line = Some(given_line.unwrap_or(position));
        error.shipment_id = Some(shipment_id);
        error
    }
}

/// Finds the 1-based text line of borrowed values, counting line breaks incrementally (values
/// are visited in document order, so the whole text is scanned about once).
struct LineLocator<'t> {
    text: &'t str,
    offset: usize,
    line: u64,
}

impl<'t> LineLocator<'t> {
    fn new(text: &'t str) -> Self {
        LineLocator {
            text,
            offset: 0,
            line: 1,
        }
    }

    /// The line where `value` starts, or `None` if it is not a slice of the text.
    fn line_of(&mut self, value: &RawValue) -> Option<u64> {
        let start = (value.get().as_ptr() as usize).checked_sub(self.text.as_ptr() as usize)?;
        if start > self.text.len() {
            return None;
        }
        if start < self.offset {
            self.offset = 0;
            self.line = 1;
        }
        let skipped = self.text.as_bytes().get(self.offset..start)?;
        self.line += skipped.iter().filter(|b| **b == b'\n').count() as u64;
        self.offset = start;
        Some(self.line)
    }
}

fn parse<'t, T: Deserialize<'t>>(raw: &'t RawValue) -> Result<T, ManifestError> {
    serde_json::from_str(raw.get()).map_err(syntax_error)
}

/// The value of `key` in `object`; a key given twice is refused with both lines, because
/// reading either one would drop the other without a word.
fn find<'t>(
    object: &OrderedMap<&'t RawValue>,
    key: &str,
    locator: &mut LineLocator<'_>,
) -> Result<Option<&'t RawValue>, ManifestError> {
    let mut found = object.0.iter().filter(|(k, _)| k == key).map(|(_, v)| *v);
    let first = found.next();
    if let (Some(first), Some(second)) = (first, found.next()) {
        let at = |value: &RawValue, locator: &mut LineLocator<'_>| {
            locator
                .line_of(value)
                .map_or("?".to_owned(), |l| l.to_string())
        };
        return Err(ManifestError::Schema(format!(
            "`{key}` is given twice in one object (its values start on lines {} and {}); only \
             one could be read and the other would be lost: merge them into one `{key}` array",
            at(first, locator),
            at(second, locator)
        )));
    }
    Ok(first)
}

fn first_byte(raw: &RawValue) -> u8 {
    raw.get().bytes().next().unwrap_or(b' ')
}

/// The shipment id among shipment-level keys, rendered as text, or [`UNSPECIFIED_SHIPMENT`].
fn shipment_id_of(defaults: &[(String, Value)]) -> String {
    let mut warnings = Vec::new();
    let mut filler = LineFiller::new(None, &mut warnings);
    // Only the id is wanted; a bad value elsewhere is reported with the line itself.
    let _ = filler.apply_own(defaults);
    filler
        .shipment_id()
        .unwrap_or(UNSPECIFIED_SHIPMENT)
        .to_owned()
}

/// The start of a value for messages, cut at a character boundary.
fn preview(raw: &RawValue) -> String {
    const PREVIEW_CHARS: usize = 40;
    let text = raw.get();
    match text.char_indices().nth(PREVIEW_CHARS) {
        Some((cut, _)) => format!("{}...", &text[..cut]),
        None => text.to_owned(),
    }
}

fn syntax_error(error: serde_json::Error) -> ManifestError {
    let full = error.to_string();
    let suffix = format!(" at line {} column {}", error.line(), error.column());
    let message = full.strip_suffix(&suffix).unwrap_or(&full);
    ManifestError::Json {
        line: error.line(),
        column: error.column(),
        message: format!("{message}: fix the JSON syntax there (a JSON validator shows the spot)"),
    }
}

/// The input as text, or the position of its first byte that is not UTF-8.
fn decode_utf8(bytes: &[u8]) -> Result<&str, ManifestError> {
    std::str::from_utf8(bytes).map_err(|error| {
        let at = error.valid_up_to();
        let before = &bytes[..at];
        let line = before.iter().filter(|b| **b == b'\n').count() + 1;
        let line_start = before
            .iter()
            .rposition(|b| *b == b'\n')
            .map_or(0, |i| i + 1);
        ManifestError::Json {
            line,
            column: at - line_start + 1,
            message: format!(
                "invalid UTF-8 at byte offset {at}: JSON must be UTF-8, re-save the file as UTF-8"
            ),
        }
    })
}
