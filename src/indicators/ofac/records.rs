//! Record readers for OFAC's official legacy CSV files (`sdn.csv`, `alt.csv`, `add.csv`,
//! `sdn_comments.csv`): no header row, `-0- ` for an empty field, CRLF line ends, a final 0x1A
//! (DOS end-of-file) byte, fields quoted when they hold text. ASCII in practice; any other byte is
//! decoded lossily rather than rejected, because one odd byte must not hide 13,000 entries.
//!
//! The `csv` crate does the quoting; this module only trims the envelope (0x1A, blank tail),
//! maps `-0-` to `None`, and reports a malformed record with its file and line.

use super::OfacError;

/// One row of `sdn.csv`.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct SdnRecord {
    pub ent_num: u32,
    pub name: String,
    /// `individual`, `vessel`, `aircraft`; `None` for entities.
    pub sdn_type: Option<String>,
    pub programs: Vec<String>,
    pub title: Option<String>,
    pub call_sign: Option<String>,
    pub vessel_type: Option<String>,
    pub tonnage: Option<String>,
    pub grt: Option<String>,
    pub vessel_flag: Option<String>,
    pub vessel_owner: Option<String>,
    pub remarks: Option<String>,
}

/// One row of `alt.csv`.
#[derive(Debug, Clone, PartialEq)]
pub struct AltRecord {
    pub ent_num: u32,
    pub alt_num: u32,
    pub alt_type: Option<String>,
    pub alt_name: String,
    pub alt_remarks: Option<String>,
}

/// One row of `add.csv`.
#[derive(Debug, Clone, PartialEq)]
pub struct AddRecord {
    pub ent_num: u32,
    pub add_num: u32,
    pub address: Option<String>,
    pub city: Option<String>,
    pub country: Option<String>,
    pub add_remarks: Option<String>,
}

/// One row of `sdn_comments.csv`: the continuation of an entry's Remarks.
#[derive(Debug, Clone, PartialEq)]
pub struct CommentRecord {
    pub ent_num: u32,
    pub remarks_extended: String,
}

pub fn parse_sdn(bytes: &[u8]) -> Result<Vec<SdnRecord>, OfacError> {
    rows("sdn.csv", bytes, 12, |f| {
        Ok(SdnRecord {
            ent_num: f.number(0)?,
            name: f.required(1)?,
            sdn_type: f.text(2),
            programs: f.text(3).map(|p| split_programs(&p)).unwrap_or_default(),
            title: f.text(4),
            call_sign: f.text(5),
            vessel_type: f.text(6),
            tonnage: f.text(7),
            grt: f.text(8),
            vessel_flag: f.text(9),
            vessel_owner: f.text(10),
            remarks: f.text(11),
        })
    })
}

pub fn parse_alt(bytes: &[u8]) -> Result<Vec<AltRecord>, OfacError> {
    rows("alt.csv", bytes, 5, |f| {
        Ok(AltRecord {
            ent_num: f.number(0)?,
            alt_num: f.number(1)?,
            alt_type: f.text(2),
            alt_name: f.required(3)?,
            alt_remarks: f.text(4),
        })
    })
}

pub fn parse_add(bytes: &[u8]) -> Result<Vec<AddRecord>, OfacError> {
    rows("add.csv", bytes, 6, |f| {
        Ok(AddRecord {
            ent_num: f.number(0)?,
            add_num: f.number(1)?,
            address: f.text(2),
            city: f.text(3),
            country: f.text(4),
            add_remarks: f.text(5),
        })
    })
}

pub fn parse_comments(bytes: &[u8]) -> Result<Vec<CommentRecord>, OfacError> {
    rows("sdn_comments.csv", bytes, 2, |f| {
        Ok(CommentRecord {
            ent_num: f.number(0)?,
            // The continuation starts mid-word: keep its spaces as they are.
            remarks_extended: f.raw(1),
        })
    })
}

/// `NPWMD] [DPRK2` -> `["NPWMD", "DPRK2"]`.
pub fn split_programs(field: &str) -> Vec<String> {
    field
        .split("] [")
        .map(|p| p.trim_matches(|c: char| c == '[' || c == ']' || c.is_whitespace()))
        .filter(|p| !p.is_empty())
        .map(str::to_owned)
        .collect()
}

/// The fields of one record, with the record's file and line for errors.
struct Fields<'a> {
    record: &'a csv::ByteRecord,
    file: &'static str,
    line: u64,
}

impl Fields<'_> {
    fn raw(&self, i: usize) -> String {
        let bytes = self.record.get(i).unwrap_or_default();
        let text = String::from_utf8_lossy(bytes);
        if is_empty_marker(&text) {
            String::new()
        } else {
            text.into_owned()
        }
    }

    fn text(&self, i: usize) -> Option<String> {
        let raw = self.raw(i);
        let trimmed = raw.trim();
        (!trimmed.is_empty()).then(|| trimmed.to_owned())
    }

    fn required(&self, i: usize) -> Result<String, OfacError> {
        self.text(i)
            .ok_or_else(|| self.error(format!("field {} is empty", i + 1)))
    }

    fn number(&self, i: usize) -> Result<u32, OfacError> {
        let text = self.text(i).unwrap_or_default();
        text.parse()
            .map_err(|_| self.error(format!("field {} is `{text}`, not a number", i + 1)))
    }

    fn error(&self, message: String) -> OfacError {
        OfacError::Record {
            file: self.file,
            line: self.line,
            message,
        }
    }
}

/// `-0-` with or without surrounding spaces means "no value".
fn is_empty_marker(text: &str) -> bool {
    text.trim() == "-0-"
}

/// Reads every record of `bytes` (envelope trimmed) through `build`.
fn rows<T>(
    file: &'static str,
    bytes: &[u8],
    min_fields: usize,
    build: impl Fn(&Fields<'_>) -> Result<T, OfacError>,
) -> Result<Vec<T>, OfacError> {
    let end = bytes
        .iter()
        .rposition(|&b| b != 0x1A && !b.is_ascii_whitespace())
        .map_or(0, |i| i + 1);
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .from_reader(&bytes[..end]);
    let mut out = Vec::new();
    let mut record = csv::ByteRecord::new();
    let mut lines = LineCounter::new(&bytes[..end]);
    loop {
        match reader.read_byte_record(&mut record) {
            Ok(false) => break,
            Ok(true) => {}
            Err(e) => {
                return Err(OfacError::Record {
                    file,
                    line: e.position().map_or(0, |p| p.line()),
                    message: e.to_string(),
                })
            }
        }
        let start = record.position().map_or(0, |p| p.byte() as usize);
        let line = lines.line_of(start);
        if record.iter().all(|f| f.iter().all(u8::is_ascii_whitespace)) {
            continue;
        }
        let fields = Fields {
            record: &record,
            file,
            line,
        };
        if record.len() < min_fields {
            return Err(fields.error(format!(
                "{} fields, expected {min_fields} (is this really OFAC's {file}?)",
                record.len()
            )));
        }
        out.push(build(&fields)?);
    }
    Ok(out)
}

/// Line numbers from byte offsets, counted incrementally. (The csv crate's own line count lags by
/// one on CRLF files: a record's recorded start is the `\n` that ended the previous line.)
struct LineCounter<'a> {
    bytes: &'a [u8],
    counted_to: usize,
    newlines: u64,
}

impl<'a> LineCounter<'a> {
    fn new(bytes: &'a [u8]) -> Self {
        LineCounter {
            bytes,
            counted_to: 0,
            newlines: 0,
        }
    }

    /// The 1-based line of the first content byte at or after `offset` (offsets never decrease).
    fn line_of(&mut self, offset: usize) -> u64 {
        let mut start = offset.min(self.bytes.len());
        while start < self.bytes.len() && matches!(self.bytes[start], b'\r' | b'\n') {
            start += 1;
        }
        if start > self.counted_to {
            let seen = &self.bytes[self.counted_to..start];
            self.newlines += seen.iter().filter(|&&b| b == b'\n').count() as u64;
            self.counted_to = start;
        }
        self.newlines + 1
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const SDN: &[u8] = b"9345,\"KOREA MINING DEVELOPMENT TRADING CORPORATION\",-0- ,\"NPWMD] [DPRK2\",-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,\"a.k.a. 'KOMID'.\"\r\n17069,\"CHONG CHON GANG\",\"vessel\",\"DPRK\",-0- ,-0- ,\"General Cargo\",-0- ,-0- ,\"Democratic People's Republic of Korea\",-0- ,\"Vessel Registration Identification IMO 7937317.\"\r\n\x1a";

    #[test]
    fn the_official_envelope_is_read_crlf_eof_byte_and_empty_markers() {
        let rows = parse_sdn(SDN).unwrap();
        assert_eq!(rows.len(), 2);
        assert_eq!(rows[0].ent_num, 9345);
        assert_eq!(rows[0].sdn_type, None);
        assert_eq!(rows[0].title, None);
        assert_eq!(rows[1].sdn_type.as_deref(), Some("vessel"));
        assert_eq!(
            rows[1].vessel_flag.as_deref(),
            Some("Democratic People's Republic of Korea")
        );
    }

    #[test]
    fn program_tags_are_split() {
        assert_eq!(split_programs("NPWMD] [DPRK2"), ["NPWMD", "DPRK2"]);
        assert_eq!(split_programs("DPRK3"), ["DPRK3"]);
        assert_eq!(
            split_programs("SDGT] [IFSR] [IRGC"),
            ["SDGT", "IFSR", "IRGC"]
        );
    }

    #[test]
    fn a_record_with_a_bad_number_names_its_file_and_line() {
        let bad = b"1,\"A\",-0- ,\"X\",-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- \r\nxx,\"B\",-0- ,\"X\",-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- \r\n";
        let err = parse_sdn(bad).unwrap_err().to_string();
        assert!(err.contains("sdn.csv") && err.contains("line 2"), "{err}");
    }

    #[test]
    fn a_file_of_another_shape_is_refused() {
        let err = parse_sdn(b"name,country\r\nx,y\r\n")
            .unwrap_err()
            .to_string();
        assert!(err.contains("expected 12"), "{err}");
    }

    #[test]
    fn comment_continuations_keep_their_leading_text() {
        let rows = parse_comments(b"27307,\"G TEAM'; a.k.a. 'ZINC'.\"\r\n\x1a").unwrap();
        assert_eq!(rows[0].remarks_extended, "G TEAM'; a.k.a. 'ZINC'.");
    }

    #[test]
    fn odd_bytes_are_decoded_lossily_not_refused() {
        let rows = parse_alt(b"1,2,\"aka\",\"CAF\xc9 X\",-0- \r\n").unwrap();
        assert!(rows[0].alt_name.starts_with("CAF"));
    }
}
