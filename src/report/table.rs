//! The screening as a table for a person at a terminal: one row per line (shipment, line, party,
//! verdict, flag codes), written as results arrive like the other streamed writers, then the
//! rows that could not be read and the warnings.
//!
//! Colour is an aid, never the message: every verdict is printed as its word, and colour (ANSI,
//! chosen by the caller, who knows whether the output is a terminal and whether `NO_COLOR` is
//! set) only tints it. Columns are measured in display cells (`unicode-width`), so Hangul and
//! Chinese names, two cells per character, keep the columns straight; a value too wide for its
//! column is cut with `…`. The table is for reading, not for parsing: scripts get JSON or CSV.

use std::io::Write;

use unicode_width::{UnicodeWidthChar, UnicodeWidthStr};

use crate::manifest::RowError;
use crate::screening::{LineResult, Summary, Verdict, Warning};

use super::stream::ResultWriter;

/// Column widths in display cells: shipment, line, party, verdict (flags take the rest).
const WIDTHS: [usize; 4] = [18, 5, 36, 11];
/// The verdict's column.
const VERDICT: usize = 3;

/// Writes a screening as an aligned table.
pub struct TableWriter<W: Write> {
    out: W,
    colour: bool,
    errors: Vec<RowError>,
}

impl<W: Write> TableWriter<W> {
    /// Writes the column headings. `colour` turns on ANSI colour for verdicts.
    pub fn start(mut out: W, colour: bool) -> std::io::Result<Self> {
        let heading = aligned(
            &["SHIPMENT", "LINE", "PARTY", "VERDICT", "FLAGS"],
            &WIDTHS,
            None,
        );
        writeln!(out, "{heading}")?;
        Ok(TableWriter {
            out,
            colour,
            errors: Vec::new(),
        })
    }
}

impl<W: Write> ResultWriter for TableWriter<W> {
    fn line(&mut self, result: &LineResult) -> std::io::Result<()> {
        let flags: Vec<&str> = result.flags.iter().map(|f| f.code.as_str()).collect();
        let flags = if flags.is_empty() {
            "-".to_owned()
        } else {
            flags.join(", ")
        };
        let line = result.line.to_string();
        let cells = [
            result.shipment_id.as_str(),
            &line,
            party(result),
            result.verdict.as_str(),
            &flags,
        ];
        let tint = self.colour.then_some((VERDICT, result.verdict));
        let text = aligned(&cells, &WIDTHS, tint);
        writeln!(self.out, "{text}")
    }

    fn error(&mut self, error: RowError) -> std::io::Result<()> {
        self.errors.push(error);
        Ok(())
    }

    fn finish(&mut self, summary: &Summary, warnings: &[Warning]) -> std::io::Result<()> {
        writeln!(self.out)?;
        writeln!(self.out, "{} lines: {}", summary.lines, summary.describe())?;
        if !self.errors.is_empty() {
            writeln!(self.out, "\nRows not read (not screened):")?;
            for error in &self.errors {
                writeln!(self.out, "  {}", one_line(&error.to_string()))?;
            }
        }
        for warning in warnings {
            writeln!(self.out, "\nwarning: {}", one_line(&warning.message))?;
        }
        self.out.flush()
    }
}

/// The party a reader recognises the line by: the supplier, else the manufacturer, else the
/// importer.
fn party(result: &LineResult) -> &str {
    let input = &result.input;
    [
        &input.supplier_name,
        &input.manufacturer_name,
        &input.importer,
    ]
    .into_iter()
    .find_map(|name| name.as_deref())
    .unwrap_or("-")
}

/// One table row: cell `i` cut or padded to `widths[i]` display cells (cells past the widths
/// are written whole), control characters blanked; `tint` colours one cell by a verdict.
pub fn aligned(cells: &[&str], widths: &[usize], tint: Option<(usize, Verdict)>) -> String {
    let mut out = String::new();
    for (i, cell) in cells.iter().enumerate() {
        let text = one_line(cell);
        match widths.get(i) {
            Some(&width) => {
                let fitted = fit(&text, width);
                let padded = format!("{fitted}{}  ", " ".repeat(width - fitted.width()));
                match tint {
                    Some((column, verdict)) if column == i => {
                        out.push_str(&colour(&padded, verdict))
                    }
                    _ => out.push_str(&padded),
                }
            }
            None => out.push_str(&text),
        }
    }
    out.trim_end().to_owned()
}

/// `text` cut to at most `width` display cells, ending in `…` when cut.
fn fit(text: &str, width: usize) -> String {
    if text.width() <= width {
        return text.to_owned();
    }
    let mut out = String::new();
    let mut used = 0;
    for c in text.chars() {
        let w = c.width().unwrap_or(0);
        if used + w + 1 > width {
            break;
        }
        out.push(c);
        used += w;
    }
    out.push('…');
    out
}

/// Control characters (a newline in a name, an escape sequence) as spaces: input text must not
/// break the table or drive the terminal.
fn one_line(text: &str) -> String {
    text.chars()
        .map(|c| if c.is_control() { ' ' } else { c })
        .collect()
}

/// The ANSI colour of a verdict, around `text`.
fn colour(text: &str, verdict: Verdict) -> String {
    let code = match verdict {
        Verdict::Prohibited => "1;31",
        Verdict::Presumption => "31",
        Verdict::HighRisk => "33",
        Verdict::Review => "36",
        Verdict::Clear => "32",
    };
    format!("\x1b[{code}m{text}\x1b[0m")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cells_are_cut_and_padded_by_display_width() {
        assert_eq!(fit("ACME", 6), "ACME");
        assert_eq!(fit("ABCDEFGH", 5), "ABCD…");
        // Hangul takes two cells a character: 3 characters and the ellipsis fit in 7 cells.
        let cut = fit("조선릉라도무역총회사", 7);
        assert_eq!(cut, "조선릉…");
        assert!(cut.width() <= 7);
        let line = aligned(&["조선", "1", "x", "clear", "-"], &WIDTHS, None);
        let plain = aligned(&["AB", "1", "x", "clear", "-"], &WIDTHS, None);
        assert_eq!(line.width(), plain.width(), "{line:?} vs {plain:?}");
    }

    #[test]
    fn control_characters_cannot_break_a_row_or_reach_the_terminal() {
        let line = aligned(&["S\n1", "1", "A\x1b[2JB", "clear", "-"], &WIDTHS, None);
        assert!(!line.contains('\n') && !line.contains('\x1b'), "{line:?}");
    }

    #[test]
    fn colour_tints_the_verdict_and_never_replaces_its_word() {
        let cells = ["S", "1", "P", "prohibited", "SDN_MATCH"];
        let coloured = aligned(&cells, &WIDTHS, Some((VERDICT, Verdict::Prohibited)));
        assert!(coloured.contains("\x1b[1;31mprohibited"), "{coloured:?}");
        let plain = aligned(&cells, &WIDTHS, None);
        assert!(plain.contains("prohibited") && !plain.contains('\x1b'));
    }
}
