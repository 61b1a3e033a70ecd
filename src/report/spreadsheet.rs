//! Spreadsheet formula-injection neutralization (OWASP "CSV injection"): a cell that a
//! spreadsheet would evaluate (starting with `=`, `+`, `-`, `@`, tab or carriage return) gets a
//! leading apostrophe, so Excel and LibreOffice show it as text. Applied to every cell we write,
//! because supplier names and descriptions come from untrusted input.

use std::borrow::Cow;

/// The characters that make a spreadsheet treat a cell as a formula.
const FORMULA_TRIGGERS: [char; 6] = ['=', '+', '-', '@', '\t', '\r'];

/// `cell`, made safe to open in a spreadsheet.
pub fn neutralize(cell: &str) -> Cow<'_, str> {
    match cell.chars().next() {
        Some(c) if FORMULA_TRIGGERS.contains(&c) => Cow::Owned(format!("'{cell}")),
        _ => Cow::Borrowed(cell),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formula_triggers_are_neutralized() {
        for cell in ["=HYPERLINK(\"x\")", "+1", "-2+3", "@SUM(A1)", "\tx", "\rx"] {
            assert_eq!(neutralize(cell), format!("'{cell}"));
        }
    }

    #[test]
    fn ordinary_cells_are_untouched() {
        for cell in ["Korea Ryonbong", "0307.43", "", "a=b", " =x"] {
            assert_eq!(neutralize(cell), cell);
        }
    }
}
