//! serde's error messages in the user's words. serde describes what it expected in Rust terms
//! ("expected u32", "expected struct TipRequest with 5 elements", "expected enum PartyKind");
//! a client reading a 400 should see "a whole number", "a JSON object". This rewrites those
//! phrases and leaves the rest of the message (positions, field names, the value found) as is.

/// Rust type names in serde messages and what they mean to a client.
const TYPES: [(&str, &str); 12] = [
    ("u8", "a whole number"),
    ("u16", "a whole number"),
    ("u32", "a whole number"),
    ("u64", "a whole number"),
    ("usize", "a whole number"),
    ("i32", "a whole number"),
    ("i64", "a whole number"),
    ("f32", "a number"),
    ("f64", "a number"),
    ("a borrowed string", "a string"),
    ("String", "a string"),
    ("bool", "true or false"),
];

/// `message` with Rust type names replaced by plain descriptions.
pub fn plain(message: &str) -> String {
    let mut out = message.to_owned();
    for (rust, words) in TYPES {
        for lead in ["expected ", "type "] {
            out = replace_word(&out, &format!("{lead}{rust}"), &format!("{lead}{words}"));
        }
    }
    out = replace_described(&out, "struct ", "a JSON object");
    out = replace_described(&out, "enum ", "one of the documented values");
    for (rust, words) in [
        ("type: sequence", "type: array"),
        ("type: map", "type: object"),
        ("expected a sequence", "expected an array"),
        ("expected a map", "expected an object"),
    ] {
        out = replace_word(&out, rust, words);
    }
    out
}

/// Replaces `from` where it ends at a word boundary (so `u32` does not match `u320`).
fn replace_word(text: &str, from: &str, to: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(at) = rest.find(from) {
        let after = &rest[at + from.len()..];
        let boundary = !after.starts_with(|c: char| c.is_alphanumeric() || c == '_');
        out.push_str(&rest[..at]);
        out.push_str(if boundary { to } else { from });
        rest = after;
    }
    out.push_str(rest);
    out
}

/// Replaces `struct Name` / `struct Name with N elements` (or `enum Name`) by `words`.
fn replace_described(text: &str, keyword: &str, words: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(at) = rest.find(keyword) {
        out.push_str(&rest[..at]);
        let after = &rest[at + keyword.len()..];
        let name_len = after
            .find(|c: char| !(c.is_alphanumeric() || c == '_'))
            .unwrap_or(after.len());
        if name_len == 0 || !after.starts_with(|c: char| c.is_ascii_uppercase()) {
            out.push_str(keyword);
            rest = after;
            continue;
        }
        let mut tail = &after[name_len..];
        if let Some(elements) = tail.strip_prefix(" with ") {
            if let Some(end) = elements.find(" elements") {
                if elements[..end].chars().all(|c| c.is_ascii_digit()) {
                    tail = &elements[end + " elements".len()..];
                }
            }
        }
        out.push_str(words);
        rest = tail;
    }
    out.push_str(rest);
    out
}

#[cfg(test)]
mod tests {
    use super::plain;

    #[test]
    fn rust_types_become_words() {
        assert_eq!(
            plain("invalid type: string \"x\", expected u32 at line 1 column 9"),
            "invalid type: string \"x\", expected a whole number at line 1 column 9"
        );
        assert_eq!(
            plain("invalid type: sequence, expected struct TipRequest with 5 elements"),
            "invalid type: array, expected a JSON object"
        );
        assert_eq!(
            plain("invalid type: map, expected struct TipRequest"),
            "invalid type: object, expected a JSON object"
        );
        assert_eq!(
            plain("unknown variant `x`, expected enum PartyKind"),
            "unknown variant `x`, expected one of the documented values"
        );
        assert_eq!(plain("expected f64"), "expected a number");
    }

    #[test]
    fn field_names_and_values_are_left_alone() {
        let message = "missing field `shipment_id` at line 1 column 2";
        assert_eq!(plain(message), message);
        assert_eq!(plain("expected u320"), "expected u320");
        assert_eq!(plain("a struct of mine"), "a struct of mine");
        let value = "invalid type: string \"roadmap sequence\", expected a sequence";
        assert_eq!(
            plain(value),
            "invalid type: string \"roadmap sequence\", expected an array"
        );
    }
}
