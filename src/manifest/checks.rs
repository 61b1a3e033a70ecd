//! Checks on the shipment facts a line carries, which never stop it from being screened: a
//! container number whose ISO 6346 check digit is wrong, or an arrival date that is not a date,
//! is a warning on the line (the goods are still screened; the fact is still echoed as written).
//!
//! Why warnings and not errors: these fields do not feed a verdict, and a typo in a container
//! number must not hide a sanctions hit on the same line. But an allegation quotes them to CBP,
//! so the person filing must see that one is wrong before it goes out.
//!
//! ISO 6346: an owner code of three letters, a category letter (`U` freight container, `J`
//! detachable equipment, `Z` trailer or chassis), a six-digit serial number and a check digit.
//! Each of the first ten characters has a value (digits their own; letters from A = 10 upward,
//! skipping 11, 22 and 33), multiplied by 2^position; the sum modulo 11, then modulo 10, is the
//! check digit.

use time::{Date, Month};

use super::ManifestLine;

/// Warnings about one line's shipment facts, in field order.
pub fn line_warnings(line: &ManifestLine) -> Vec<String> {
    let mut warnings: Vec<String> = line
        .container_numbers
        .iter()
        .filter_map(|number| container_warning(number))
        .collect();
    if let Some(text) = &line.arrival_date {
        if parse_date(text).is_none() {
            warnings.push(format!(
                "arrival_date `{text}` is not a date this reader understands (write it as \
                 YYYY-MM-DD); it is echoed as written but left out of any date arithmetic"
            ));
        }
    }
    warnings
}

/// Why `number` is not a valid ISO 6346 container number, or `None` when it is.
pub fn container_warning(number: &str) -> Option<String> {
    match check_container(number) {
        ContainerCheck::Valid => None,
        ContainerCheck::NotAContainerNumber => Some(format!(
            "container number `{number}` is not in ISO 6346 form (four letters ending in U, J or \
             Z, then seven digits): check it against the bill of lading"
        )),
        ContainerCheck::WrongCheckDigit { expected } => Some(format!(
            "container number `{number}` fails its ISO 6346 check digit (the first ten \
             characters give {expected}): a digit may be mistyped; check it against the bill of \
             lading"
        )),
    }
}

/// The outcome of checking one container number.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ContainerCheck {
    Valid,
    NotAContainerNumber,
    /// The form is right but the last digit is not the one the first ten give.
    WrongCheckDigit {
        expected: u32,
    },
}

/// Checks `number` (spaces and hyphens ignored, any case).
pub fn check_container(number: &str) -> ContainerCheck {
    let chars: Vec<char> = number
        .chars()
        .filter(|c| !c.is_whitespace() && *c != '-')
        .map(|c| c.to_ascii_uppercase())
        .collect();
    let well_formed = chars.len() == 11
        && chars[..4].iter().all(char::is_ascii_uppercase)
        && matches!(chars[3], 'U' | 'J' | 'Z')
        && chars[4..].iter().all(char::is_ascii_digit);
    if !well_formed {
        return ContainerCheck::NotAContainerNumber;
    }
    let sum: u32 = chars[..10]
        .iter()
        .enumerate()
        .map(|(position, c)| char_value(*c) << position)
        .sum();
    let expected = sum % 11 % 10;
    if chars[10].to_digit(10) == Some(expected) {
        ContainerCheck::Valid
    } else {
        ContainerCheck::WrongCheckDigit { expected }
    }
}

/// ISO 6346 value of a character: a digit is itself; letters run from A = 10 and skip the
/// multiples of 11.
fn char_value(c: char) -> u32 {
    if let Some(digit) = c.to_digit(10) {
        return digit;
    }
    // Count up from A = 10, stepping over 11, 22 and 33.
    let mut value = 10 + (c as u32 - 'A' as u32);
    value += value / 11;
    if value.is_multiple_of(11) {
        value += 1;
    }
    value
}

/// A date as exports write it: `YYYY-MM-DD` (optionally followed by a time, as AMS timestamps
/// are), `YYYY/MM/DD`, `YYYYMMDD`, or the US `MM/DD/YYYY`.
pub fn parse_date(text: &str) -> Option<Date> {
    let text = text.trim();
    let date_part = text.split(['T', ' ']).next().unwrap_or(text);
    let numbers: Vec<&str> = date_part.split(['-', '/', '.']).collect();
    let (year, month, day) = match numbers.as_slice() {
        [y, m, d] if y.len() == 4 => (*y, *m, *d),
        [m, d, y] if y.len() == 4 && date_part.contains('/') => (*y, *m, *d),
        // ASCII digits only: eight bytes of other text may hold a multi-byte character that
        // the slices below would cut through.
        [compact] if compact.len() == 8 && compact.bytes().all(|b| b.is_ascii_digit()) => {
            (&compact[..4], &compact[4..6], &compact[6..])
        }
        _ => return None,
    };
    let year: i32 = year.parse().ok()?;
    let month = Month::try_from(month.parse::<u8>().ok()?).ok()?;
    let day: u8 = day.parse().ok()?;
    if !(1900..=2200).contains(&year) {
        return None;
    }
    Date::from_calendar_date(year, month, day).ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn eight_bytes_that_are_not_digits_are_not_a_date_and_do_not_panic() {
        assert_eq!(parse_date("\u{c1e21}\u{a483e}"), None);
        assert_eq!(parse_date("2024é1"), None);
        assert!(parse_date("20240105").is_some());
    }

    #[test]
    fn letter_values_skip_multiples_of_eleven() {
        let values: Vec<u32> = ('A'..='Z').map(char_value).collect();
        assert_eq!(values[0], 10); // A
        assert_eq!(values[1], 12); // B: 11 skipped
        assert_eq!(values[10], 21); // K
        assert_eq!(values[11], 23); // L: 22 skipped
        assert_eq!(values[20], 32); // U
        assert_eq!(values[21], 34); // V: 33 skipped
        assert_eq!(values[25], 38); // Z
        assert!(values.iter().all(|v| v % 11 != 0));
    }

    #[test]
    fn published_container_numbers_pass_and_a_changed_digit_fails() {
        // The ISO 6346 worked example, and a real container from the AMS 2020 sample.
        assert_eq!(check_container("CSQU3054383"), ContainerCheck::Valid);
        assert_eq!(check_container("csqu 305438 3"), ContainerCheck::Valid);
        assert_eq!(check_container("OOLU1809656"), ContainerCheck::Valid);
        assert_eq!(
            check_container("CSQU3054384"),
            ContainerCheck::WrongCheckDigit { expected: 3 }
        );
        assert_eq!(
            check_container("CSQU3054483"),
            ContainerCheck::WrongCheckDigit { expected: 6 }
        );
    }

    #[test]
    fn other_shapes_are_not_container_numbers() {
        for text in ["NC", "6931988", "CSQA3054383", "CSQU305438", "CSQU30543833"] {
            assert_eq!(
                check_container(text),
                ContainerCheck::NotAContainerNumber,
                "{text}"
            );
        }
    }

    #[test]
    fn dates_in_export_forms_parse_and_impossible_ones_do_not() {
        let expected = Date::from_calendar_date(2019, Month::August, 9).ok();
        for text in [
            "2019-08-09",
            "2019-08-09 00:00:00",
            "2019-08-09T00:00:00Z",
            "2019/08/09",
            "08/09/2019",
            "20190809",
        ] {
            assert_eq!(parse_date(text), expected, "{text}");
        }
        for text in ["2019-02-30", "09-08-19", "tomorrow", "0019-08-09", ""] {
            assert_eq!(parse_date(text), None, "{text}");
        }
    }

    #[test]
    fn line_warnings_name_each_bad_fact() {
        let line = ManifestLine {
            container_numbers: vec!["CSQU3054383".into(), "CSQU3054384".into(), "NC".into()],
            arrival_date: Some("soon".into()),
            ..ManifestLine::default()
        };
        let warnings = line_warnings(&line);
        assert_eq!(warnings.len(), 3, "{warnings:?}");
        assert!(warnings[0].contains("CSQU3054384") && warnings[0].contains("give 3"));
        assert!(warnings[1].contains("`NC` is not in ISO 6346 form"));
        assert!(warnings[2].starts_with("arrival_date `soon`"));
    }
}
