//! [`InputFormat`] and [`read`]: one entry point for callers that hold a whole upload or file.
//!
//! Detection prefers what the caller knows (the file extension) and falls back to sniffing the
//! content: a JSON manifest must start with `{` or `[`, which no CSV header a reader accepts
//! does. The trade-off: a CSV whose first header starts with `[` would be read as JSON; such a
//! file can still be read by passing [`InputFormat::Csv`] explicitly.

use std::path::Path;
use std::str::FromStr;

use super::{read_csv, read_json, Manifest, ManifestError};

/// The byte-order mark some editors put before UTF-8 text.
const UTF8_BOM: &[u8] = b"\xEF\xBB\xBF";

/// The two manifest formats the readers accept.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum InputFormat {
    Csv,
    Json,
}

impl InputFormat {
    /// The format a file name's extension announces (`.csv`, `.json`; any case), if any.
    pub fn from_extension(path: &Path) -> Option<InputFormat> {
        let extension = path.extension()?.to_str()?;
        extension.parse().ok()
    }

    /// The format of the content: JSON when the first byte after an optional byte-order mark
    /// and whitespace is `{` or `[`, CSV otherwise.
    pub fn sniff(bytes: &[u8]) -> InputFormat {
        let body = bytes.strip_prefix(UTF8_BOM).unwrap_or(bytes);
        match body.iter().find(|b| !b.is_ascii_whitespace()) {
            Some(b'{') | Some(b'[') => InputFormat::Json,
            _ => InputFormat::Csv,
        }
    }

    /// The extension's format when the path has a known one, else the sniffed format.
    pub fn detect(path: Option<&Path>, bytes: &[u8]) -> InputFormat {
        path.and_then(InputFormat::from_extension)
            .unwrap_or_else(|| InputFormat::sniff(bytes))
    }
}

impl FromStr for InputFormat {
    type Err = String;

    /// `csv` or `json`, any case.
    fn from_str(name: &str) -> Result<Self, Self::Err> {
        if name.eq_ignore_ascii_case("csv") {
            Ok(InputFormat::Csv)
        } else if name.eq_ignore_ascii_case("json") {
            Ok(InputFormat::Json)
        } else {
            Err(format!(
                "unknown manifest format `{name}`: use `csv` or `json`"
            ))
        }
    }
}

impl std::fmt::Display for InputFormat {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(match self {
            InputFormat::Csv => "csv",
            InputFormat::Json => "json",
        })
    }
}

/// Reads a whole manifest held in memory in the given format. For CSV files too large to hold,
/// stream them with [`super::csv_lines`] instead.
pub fn read(bytes: &[u8], format: InputFormat) -> Result<Manifest, ManifestError> {
    match format {
        InputFormat::Csv => read_csv(bytes),
        InputFormat::Json => read_json(bytes),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn extensions_name_the_format_in_any_case() {
        assert_eq!(
            InputFormat::from_extension(Path::new("a/b.CSV")),
            Some(InputFormat::Csv)
        );
        assert_eq!(
            InputFormat::from_extension(Path::new("m.json")),
            Some(InputFormat::Json)
        );
        assert_eq!(InputFormat::from_extension(Path::new("m.xlsx")), None);
        assert_eq!(InputFormat::from_extension(Path::new("manifest")), None);
    }

    #[test]
    fn content_starting_with_a_brace_or_bracket_is_json() {
        assert_eq!(InputFormat::sniff(b"  \n{\"lines\":[]}"), InputFormat::Json);
        assert_eq!(InputFormat::sniff(b"\xEF\xBB\xBF[ ]"), InputFormat::Json);
        assert_eq!(InputFormat::sniff(b"Shipper,Country\n"), InputFormat::Csv);
        assert_eq!(InputFormat::sniff(b""), InputFormat::Csv);
    }

    #[test]
    fn a_known_extension_wins_over_sniffing() {
        let json_looking = b"[not really json";
        assert_eq!(
            InputFormat::detect(Some(Path::new("x.csv")), json_looking),
            InputFormat::Csv
        );
        assert_eq!(InputFormat::detect(None, json_looking), InputFormat::Json);
        assert_eq!(
            InputFormat::detect(Some(Path::new("x.txt")), json_looking),
            InputFormat::Json
        );
    }

    #[test]
    fn format_names_parse_case_insensitively_and_reject_others() {
        assert_eq!("JSON".parse::<InputFormat>(), Ok(InputFormat::Json));
        assert_eq!("csv".parse::<InputFormat>(), Ok(InputFormat::Csv));
        assert!("xlsx".parse::<InputFormat>().is_err());
    }

    #[test]
    fn read_dispatches_on_the_format() {
        let csv = read(b"Supplier\nACME\n", InputFormat::Csv).expect("valid CSV");
        assert_eq!(csv.lines.len(), 1);
        let json = read(br#"[{"supplier_name":"ACME"}]"#, InputFormat::Json).expect("valid JSON");
        assert_eq!(json.lines.len(), 1);
        assert!(read(br#"[{"supplier_name":"ACME"}]"#, InputFormat::Csv).is_err());
    }
}
