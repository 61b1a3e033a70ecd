//! How long a cell may be. Screening cost grows with the length of the names it compares (the
//! matcher scores every token of a name against candidate tokens), so one pathological cell (a
//! 100 KB "supplier name") could hold a CPU for seconds. Real values are far shorter: the
//! longest names on the OFAC list are about 150 characters and a few words, and cargo
//! descriptions in AMS data run to a few hundred characters. A longer cell is a row error naming
//! the field and the limit, like any other unreadable value, so the rest of the manifest is
//! still screened and nothing is cut silently.

use super::Field;

/// The longest name (party or vessel) screened, in characters.
pub const MAX_NAME_CHARS: usize = 400;
/// The most words a name may have.
pub const MAX_NAME_WORDS: usize = 40;
/// The longest value of any other field, in characters.
pub const MAX_FIELD_CHARS: usize = 4000;

/// Fields that hold one party's name (screened, or echoed as a shipment fact).
fn is_name(field: Field) -> bool {
    matches!(
        field,
        Field::Importer
            | Field::SupplierName
            | Field::ManufacturerName
            | Field::VesselName
            | Field::Consignee
            | Field::NotifyParty
    )
}

/// Why `text` of `field` is too long to screen, if it is.
pub fn too_long(field: Field, text: &str) -> Option<String> {
    let limit = if is_name(field) {
        MAX_NAME_CHARS
    } else {
        MAX_FIELD_CHARS
    };
    // Counting stops just past the limit, so the check itself is cheap on a huge cell.
    if text.chars().take(limit + 1).count() > limit {
        return Some(format!(
            "the value is longer than {limit} characters (it has {}), which no real {} is: \
             check the column mapping or shorten it",
            text.chars().count(),
            field.as_str()
        ));
    }
    if is_name(field) && text.split_whitespace().nth(MAX_NAME_WORDS).is_some() {
        return Some(format!(
            "the name has more than {MAX_NAME_WORDS} words (it has {}): check the column \
             mapping, or keep only the party's name in this field",
            text.split_whitespace().count()
        ));
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_and_other_fields_have_their_own_limits() {
        let long_name = "A".repeat(MAX_NAME_CHARS + 1);
        assert!(too_long(Field::SupplierName, &long_name).is_some_and(|m| m.contains("400")));
        assert!(too_long(Field::Description, &long_name).is_none());
        assert!(too_long(Field::Description, &"d".repeat(MAX_FIELD_CHARS + 1)).is_some());
        assert!(too_long(Field::SupplierName, &"A".repeat(MAX_NAME_CHARS)).is_none());
        let wordy = vec!["ab"; MAX_NAME_WORDS + 1].join(" ");
        assert!(too_long(Field::VesselName, &wordy).is_some_and(|m| m.contains("words")));
        assert!(too_long(Field::SupplierAddress, &wordy).is_none());
    }

    #[test]
    fn limits_count_characters_not_bytes() {
        // 400 Hangul syllables are 1,200 bytes of UTF-8 but 400 characters: accepted.
        assert!(too_long(Field::SupplierName, &"가".repeat(MAX_NAME_CHARS)).is_none());
    }
}
