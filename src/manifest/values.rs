//! Cell values -> typed values: trimming, missing-value markers, the manifest line number and
//! the declared value in USD. Shared by the CSV and JSON readers so both accept the same input.
//!
//! Parsing is deliberately narrow: a value is accepted only when its meaning is unambiguous
//! (`$1,234.50` yes, `1.234,50` no, because a European decimal comma would silently multiply the
//! value by a thousand). The trade-off is more row errors on odd exports, each of which says how
//! to fix the cell, instead of wrong numbers in an audit trail.

/// The text pandas writes for a missing cell when a frame is printed or exported with its
/// default `na_rep`; real AMS samples rendered from notebooks contain it in every empty cell.
/// Only this exact spelling is treated as missing: `NAN` or `Nan` may be real names (Nan, a
/// province and city of Thailand).
pub(crate) const PANDAS_MISSING_MARKER: &str = "NaN";

/// Currency markers accepted around a declared value (case-insensitive); anything else is an error.
const USD_MARKERS: [&str; 3] = ["US$", "USD", "$"];

/// A trimmed cell, or `None` when it is empty or the pandas missing-value marker.
pub(crate) fn clean(text: &str) -> Option<&str> {
    let trimmed = text.trim();
    if trimmed.is_empty() || trimmed == PANDAS_MISSING_MARKER {
        None
    } else {
        Some(trimmed)
    }
}

/// Parses a manifest line number: `3`, `3.0`, ` 3 `. Fractions other than zero are rejected.
pub(crate) fn parse_line_number(text: &str) -> Result<u32, String> {
    let trimmed = text.trim();
    let (whole, fraction) = trimmed.split_once('.').unwrap_or((trimmed, ""));
    let digits_only = |s: &str| s.bytes().all(|b| b.is_ascii_digit());
    if whole.is_empty() || !digits_only(whole) || !digits_only(fraction) {
        return Err(format!(
            "`{trimmed}` is not a line number: use a whole number such as 1, 2, 3"
        ));
    }
    if fraction.bytes().any(|b| b != b'0') {
        return Err(format!(
            "`{trimmed}` is not a whole number: line numbers cannot have a fraction"
        ));
    }
    whole.parse::<u32>().map_err(|_| {
        format!(
            "`{trimmed}` is too large for a line number (at most {})",
            u32::MAX
        )
    })
}

/// Parses a declared value in US dollars: `1234.5`, `$1,234.50`, `USD 1,234`, `1234 USD`.
/// Thousands separators must group by three; negative, non-finite and other-currency values
/// are rejected.
pub(crate) fn parse_value_usd(text: &str) -> Result<f64, String> {
    let original = text.trim();
    let fail = || {
        format!(
            "`{original}` is not a value in US dollars: write a plain number such as 1234.50 \
             (a leading `$` or `USD` and thousands commas are accepted)"
        )
    };
    let number = strip_currency(original).ok_or_else(fail)?;
    let (whole, fraction) = match number.split_once('.') {
        Some((whole, fraction)) => (whole, Some(fraction)),
        None => (number, None),
    };
    if !is_grouped_integer(whole) {
        return Err(fail());
    }
    if let Some(fraction) = fraction {
        if fraction.is_empty() || !fraction.bytes().all(|b| b.is_ascii_digit()) {
            return Err(fail());
        }
    }
    let plain: String = number.chars().filter(|c| *c != ',').collect();
    match plain.parse::<f64>() {
        Ok(value) if value.is_finite() => Ok(value),
        _ => Err(fail()),
    }
}

/// Checks a JSON number used as a declared value: finite and not negative.
pub(crate) fn check_value_usd(value: f64) -> Result<f64, String> {
    if value.is_finite() && value >= 0.0 {
        Ok(value)
    } else {
        Err(format!(
            "`{value}` is not a value in US dollars: use a number of zero or more"
        ))
    }
}

/// Renders a JSON number as text without a spurious `.0` (`30743.0` -> `30743`), so codes
/// exported as floats read like the codes they are.
pub(crate) fn render_number(number: &serde_json::Number) -> String {
    if number.is_u64() || number.is_i64() {
        return number.to_string();
    }
    match number.as_f64() {
        // `Display` for f64 prints integral values without a fraction and never uses exponents.
        Some(value) => format!("{value}"),
        None => number.to_string(),
    }
}

/// The number with an accepted currency marker removed from its start or end, trimmed.
fn strip_currency(text: &str) -> Option<&str> {
    let mut rest = text;
    for marker in USD_MARKERS {
        if let Some(head) = rest.get(..marker.len()) {
            if head.eq_ignore_ascii_case(marker) {
                rest = rest[marker.len()..].trim_start();
                break;
            }
        }
        if rest.len() >= marker.len() {
            let split = rest.len() - marker.len();
            if let Some(tail) = rest.get(split..) {
                if tail.eq_ignore_ascii_case(marker) {
                    rest = rest[..split].trim_end();
                    break;
                }
            }
        }
    }
    (!rest.is_empty()).then_some(rest)
}

/// `1234`, `1,234`, `12,345,678`: digits, optionally grouped by three with commas.
fn is_grouped_integer(text: &str) -> bool {
    let mut groups = text.split(',');
    let first = groups.next().unwrap_or("");
    let digits = |s: &str| !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit());
    if !digits(first) {
        return false;
    }
    let mut rest = groups.peekable();
    if rest.peek().is_none() {
        return true;
    }
    first.len() <= 3 && rest.all(|g| g.len() == 3 && digits(g))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cells_are_trimmed_and_empty_or_pandas_missing_cells_are_none() {
        assert_eq!(clean("  ACME  "), Some("ACME"));
        assert_eq!(clean("   "), None);
        assert_eq!(clean("NaN"), None);
        assert_eq!(clean("NAN"), Some("NAN"));
    }

    #[test]
    fn line_numbers_accept_integers_written_as_floats() {
        assert_eq!(parse_line_number("3"), Ok(3));
        assert_eq!(parse_line_number(" 3 "), Ok(3));
        assert_eq!(parse_line_number("3.0"), Ok(3));
        assert_eq!(parse_line_number("3.00"), Ok(3));
    }

    #[test]
    fn line_numbers_reject_fractions_signs_and_words() {
        for bad in ["3.5", "-1", "three", "", ".0", "1e2", "99999999999"] {
            assert!(parse_line_number(bad).is_err(), "{bad} accepted");
        }
    }

    #[test]
    fn declared_values_accept_dollar_signs_usd_and_thousands_commas() {
        assert_eq!(parse_value_usd("1234.5"), Ok(1234.5));
        assert_eq!(parse_value_usd("$1,234.50"), Ok(1234.5));
        assert_eq!(parse_value_usd("USD 1,234"), Ok(1234.0));
        assert_eq!(parse_value_usd("usd1234"), Ok(1234.0));
        assert_eq!(parse_value_usd("1,234,567 USD"), Ok(1_234_567.0));
        assert_eq!(parse_value_usd("US$ 12"), Ok(12.0));
    }

    #[test]
    fn declared_values_reject_ambiguous_or_foreign_amounts() {
        for bad in [
            "1.234,50", "12,34", "EUR 100", "-5", "abc", "$", "1,2345", "12.", "inf", "1e3",
        ] {
            assert!(parse_value_usd(bad).is_err(), "{bad} accepted");
        }
    }

    #[test]
    fn json_numbers_render_without_a_trailing_zero_fraction() {
        let number = |text: &str| serde_json::from_str::<serde_json::Number>(text).unwrap();
        assert_eq!(render_number(&number("30743.0")), "30743");
        assert_eq!(render_number(&number("9218674")), "9218674");
        assert_eq!(render_number(&number("8451.25")), "8451.25");
    }

    #[test]
    fn negative_or_non_finite_json_values_are_rejected() {
        assert_eq!(check_value_usd(10.5), Ok(10.5));
        assert!(check_value_usd(-1.0).is_err());
        assert!(check_value_usd(f64::NAN).is_err());
    }
}
