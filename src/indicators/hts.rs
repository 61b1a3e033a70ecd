//! [`HtsTable`]: the official description of an HS/HTS code, for evidence and tip drafts.
//!
//! The USITC HTS 2024 basic edition CSV is a tree written flat: every row has an `Indent`, and
//! rows without an HTS number are headings whose text applies to the more-indented rows below
//! (`Cuttle fish and squid:` above `0307.43.00 Frozen`). Parsing keeps each row once in an
//! arena with a parent link (a stack of the open indents), so a description is the path from the
//! heading down to the matched line, joined with `: `. The arena costs one pass over 3.8 MB and
//! no per-line path copies (about 100 ms in release on a 2-core machine, measured with
//! `cargo run --release --example reftables_load`); the caller builds the table on first use
//! (e.g. in a `OnceLock`), since most screenings never need a description.
//! When the HTS has nothing as specific as the HS nomenclature (chapters, or a code whose US
//! lines split further), the WCO HS 2022 descriptions from `data/hs/harmonized-system.csv` are
//! used instead: the most specific description wins, HTS on a tie.

use std::collections::{BTreeMap, HashMap};
use std::sync::Arc;

use serde::{Deserialize, Serialize};

use super::ref_csv::{field, CsvRows};
use super::{HsCode, RefError};

const HTS_FILE: &str = "data/hs/usitc_hts_2024_basic_edition.csv";
const HS_FILE: &str = "data/hs/harmonized-system.csv";

/// Separator between the levels of a description path.
const LEVEL_SEPARATOR: &str = ": ";

/// Which nomenclature a description comes from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum DescriptionSource {
    /// USITC Harmonized Tariff Schedule of the United States, 2024 Basic Edition.
    UsitcHts2024,
    /// WCO Harmonized System 2022 (via datasets/harmonized-system).
    WcoHs2022,
}

impl DescriptionSource {
    /// Title of the source, for evidence.
    pub fn title(self) -> &'static str {
        match self {
            DescriptionSource::UsitcHts2024 => {
                "USITC Harmonized Tariff Schedule of the United States (2024 Basic Edition)"
            }
            DescriptionSource::WcoHs2022 => "WCO Harmonized System 2022 nomenclature",
        }
    }
}

/// The official description of a code.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct HtsDescription {
    /// The matched number as the source writes it (`0307.43.00.50`, or `030743` for HS).
    pub number: String,
    /// The matched number's digits; may be shorter than the code asked for (a less specific
    /// line) or longer (the only US line under an HS subheading, e.g. `0307.43.00`).
    pub digits: String,
    /// The description levels, outermost first, without trailing colons.
    pub levels: Vec<String>,
    /// The levels joined with `: `.
    pub text: String,
    pub source: DescriptionSource,
}

#[derive(Debug)]
struct Node {
    description: String,
    parent: Option<usize>,
    /// The HTS number as written, for numbered rows.
    number: Option<String>,
}

#[derive(Debug)]
struct HsEntry {
    description: String,
    parent: Option<String>,
}

#[derive(Debug)]
struct Inner {
    nodes: Vec<Node>,
    /// Digits of each numbered HTS row -> node index.
    by_digits: BTreeMap<String, usize>,
    /// HS code (2/4/6 digits) -> description and parent code.
    hs: HashMap<String, HsEntry>,
}

/// HTS and HS descriptions by code. Cheap to clone.
#[derive(Debug, Clone)]
pub struct HtsTable {
    inner: Arc<Inner>,
}

impl HtsTable {
    /// The table built from the crate's shipped HTS 2024 and HS 2022 files.
    pub fn builtin() -> Result<Self, RefError> {
        Self::from_sources(
            include_bytes!(concat!(
                env!("CARGO_MANIFEST_DIR"),
                "/data/hs/usitc_hts_2024_basic_edition.csv"
            )),
            include_bytes!(concat!(
                env!("CARGO_MANIFEST_DIR"),
                "/data/hs/harmonized-system.csv"
            )),
        )
    }

    /// Build the table from the USITC HTS CSV export and the HS nomenclature CSV.
    pub fn from_sources(hts_csv: &[u8], hs_csv: &[u8]) -> Result<Self, RefError> {
        let (nodes, by_digits) = read_hts(hts_csv)?;
        let hs = read_hs(hs_csv)?;
        Ok(HtsTable {
            inner: Arc::new(Inner {
                nodes,
                by_digits,
                hs,
            }),
        })
    }

    /// The most specific official description of `code`: its own HTS line; else the only US
    /// line under it; else the longest HTS line or HS code it falls under (HTS on a tie).
    pub fn describe(&self, code: &HsCode) -> Option<HtsDescription> {
        let digits = code.digits.as_str();
        if let Some(&node) = self.inner.by_digits.get(digits) {
            return Some(self.hts_description(node));
        }
        if let Some(node) = self.only_line_under(digits) {
            return Some(self.hts_description(node));
        }
        let hts = [8, 6, 4]
            .into_iter()
            .filter(|&len| len < digits.len())
            .find_map(|len| self.inner.by_digits.get(&digits[..len]).copied());
        let hs = [6, 4, 2]
            .into_iter()
            .filter(|&len| len <= digits.len())
            .find(|&len| self.inner.hs.contains_key(&digits[..len]));
        match (hts, hs) {
            (Some(node), Some(len)) if len > self.digits_of(node).len() => {
                self.hs_description(&digits[..len])
            }
            (Some(node), _) => Some(self.hts_description(node)),
            (None, Some(len)) => self.hs_description(&digits[..len]),
            (None, None) => None,
        }
    }

    /// The single least-deep numbered line under `digits`, when there is exactly one: the US
    /// schedule did not subdivide there, so that line covers the whole code.
    fn only_line_under(&self, digits: &str) -> Option<usize> {
        let mut shortest: Option<(usize, usize, usize)> = None; // (len, node, count)
        for (d, &node) in self
            .inner
            .by_digits
            .range(digits.to_owned()..)
            .take_while(|(d, _)| d.starts_with(digits))
        {
            match &mut shortest {
                Some((len, _, count)) if d.len() == *len => *count += 1,
                Some((len, _, _)) if d.len() > *len => {}
                _ => shortest = Some((d.len(), node, 1)),
            }
        }
        shortest.and_then(|(_, node, count)| (count == 1).then_some(node))
    }

    fn digits_of(&self, node: usize) -> String {
        self.inner.nodes[node]
            .number
            .as_deref()
            .unwrap_or("")
            .chars()
            .filter(char::is_ascii_digit)
            .collect()
    }

    fn hts_description(&self, node: usize) -> HtsDescription {
        let mut levels = Vec::new();
        let mut current = Some(node);
        while let Some(index) = current {
            let n = &self.inner.nodes[index];
            levels.push(n.description.clone());
            current = n.parent;
        }
        levels.reverse();
        let number = self.inner.nodes[node].number.clone().unwrap_or_default();
        describe(
            number,
            self.digits_of(node),
            levels,
            DescriptionSource::UsitcHts2024,
        )
    }

    fn hs_description(&self, digits: &str) -> Option<HtsDescription> {
        let mut levels = Vec::new();
        let mut current = Some(digits.to_owned());
        while let Some(code) = current {
            let entry = self.inner.hs.get(&code)?;
            levels.push(entry.description.clone());
            current = entry.parent.clone();
        }
        levels.reverse();
        Some(describe(
            digits.to_owned(),
            digits.to_owned(),
            levels,
            DescriptionSource::WcoHs2022,
        ))
    }
}

fn describe(
    number: String,
    digits: String,
    levels: Vec<String>,
    source: DescriptionSource,
) -> HtsDescription {
    let text = levels.join(LEVEL_SEPARATOR);
    HtsDescription {
        number,
        digits,
        levels,
        text,
        source,
    }
}

/// One pass over the HTS rows: a stack of (indent, node) holds the open headings.
fn read_hts(bytes: &[u8]) -> Result<(Vec<Node>, BTreeMap<String, usize>), RefError> {
    let csv = CsvRows::parse(HTS_FILE, bytes)?;
    let number_col = csv.column("HTS Number")?;
    let indent_col = csv.column("Indent")?;
    let description_col = csv.column("Description")?;
    let mut nodes = Vec::new();
    let mut by_digits = BTreeMap::new();
    let mut open: Vec<(u32, usize)> = Vec::new();
    for (line, record) in csv.rows() {
        let raw_indent = field(record, indent_col);
        let indent: u32 = raw_indent.parse().map_err(|_| {
            RefError::invalid(
                HTS_FILE,
                line,
                "Indent",
                format!("`{raw_indent}` is not a whole number; restore the USITC export"),
            )
        })?;
        while open.last().is_some_and(|&(i, _)| i >= indent) {
            open.pop();
        }
        let number = field(record, number_col);
        let index = nodes.len();
        nodes.push(Node {
            description: clean_description(field(record, description_col)),
            parent: open.last().map(|&(_, node)| node),
            number: (!number.is_empty()).then(|| number.to_owned()),
        });
        if !number.is_empty() {
            let digits: String = number.chars().filter(char::is_ascii_digit).collect();
            by_digits.entry(digits).or_insert(index);
        }
        open.push((indent, index));
    }
    Ok((nodes, by_digits))
}

fn read_hs(bytes: &[u8]) -> Result<HashMap<String, HsEntry>, RefError> {
    let csv = CsvRows::parse(HS_FILE, bytes)?;
    let code_col = csv.column("hscode")?;
    let description_col = csv.column("description")?;
    let parent_col = csv.column("parent")?;
    let mut hs = HashMap::new();
    for (_, record) in csv.rows() {
        let code = field(record, code_col);
        // Skips the `TOTAL` pseudo-row; chapters, headings and subheadings are all digits.
        if code.is_empty() || !code.chars().all(|c| c.is_ascii_digit()) {
            continue;
        }
        let parent = field(record, parent_col);
        hs.insert(
            code.to_owned(),
            HsEntry {
                description: field(record, description_col).to_owned(),
                parent: parent
                    .chars()
                    .all(|c| c.is_ascii_digit())
                    .then(|| parent.to_owned())
                    .filter(|p| !p.is_empty()),
            },
        );
    }
    Ok(hs)
}

/// USITC descriptions carry HTML (`<i>Loligo</i>`, `<sup>`, `<newline></newline>`) and headings
/// end in `:`. Inline tags are dropped, line-break tags become a space, nothing else is touched.
fn clean_description(raw: &str) -> String {
    let mut text = String::with_capacity(raw.len());
    let mut rest = raw;
    while let Some(open) = rest.find('<') {
        text.push_str(&rest[..open]);
        let Some(close) = rest[open..].find('>') else {
            rest = &rest[open..];
            break;
        };
        let tag = rest[open + 1..open + close].trim_start_matches('/');
        if LINE_BREAK_TAGS.iter().any(|t| tag.starts_with(t)) {
            text.push(' ');
        }
        rest = &rest[open + close + 1..];
    }
    text.push_str(rest);
    let collapsed = text.split_whitespace().collect::<Vec<_>>().join(" ");
    collapsed.trim_end_matches(':').trim_end().to_owned()
}

/// Tags that stand for a line break in USITC descriptions.
const LINE_BREAK_TAGS: [&str; 3] = ["br", "newline", "nl"];

#[cfg(test)]
#[path = "hts_tests.rs"]
mod tests;
