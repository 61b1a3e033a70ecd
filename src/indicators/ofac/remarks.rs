//! What OFAC's Remarks field says, read clause by clause: weak aliases (`a.k.a. 'KOMID'`, also
//! `f.k.a.`/`n.k.a.`), vessel IMO numbers, nationality, citizenship, the countries that issued
//! identity documents, places of birth, registration nationality, and `Linked To:` names.
//!
//! Weak aliases are read by scanning, not by splitting on `;`, because alias names carry
//! apostrophes of their own (`a.k.a. 'ABDEL' AZIZ BEN NARVAN'`): an alias ends at a quote that is
//! followed by `;`, by `.` at the end of a clause, or by the end of the text.

/// The facts read from one entry's Remarks.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Remarks {
    /// `(alias_type, name)` with alias_type `aka`, `fka` or `nka`.
    pub weak_aliases: Vec<(String, String)>,
    /// Seven-digit IMO numbers.
    pub imo_numbers: Vec<String>,
    pub nationalities: Vec<String>,
    pub citizenships: Vec<String>,
    /// Countries named in parentheses after a passport or identification number.
    pub document_countries: Vec<String>,
    pub birthplaces: Vec<String>,
    /// `Nationality of Registration` of an entity or vessel.
    pub registration_countries: Vec<String>,
    pub linked_to: Vec<String>,
}

const ALIAS_MARKERS: [(&str, &str); 3] = [
    ("a.k.a. '", "aka"),
    ("f.k.a. '", "fka"),
    ("n.k.a. '", "nka"),
];

/// Reads the Remarks text (already joined with its `sdn_comments.csv` continuation).
pub fn parse(text: &str) -> Remarks {
    let mut out = Remarks {
        weak_aliases: weak_aliases(text),
        ..Remarks::default()
    };
    for clause in text.split(';') {
        let clause = clause.trim().trim_end_matches('.').trim();
        let clause = clause.strip_prefix("alt. ").unwrap_or(clause);
        if let Some(v) = clause.strip_prefix("nationality ") {
            out.nationalities.push(v.trim().to_owned());
        } else if let Some(v) = clause.strip_prefix("citizen ") {
            out.citizenships.push(v.trim().to_owned());
        } else if let Some(v) = clause.strip_prefix("Nationality of Registration ") {
            out.registration_countries.push(v.trim().to_owned());
        } else if let Some(v) = clause.strip_prefix("POB ") {
            out.birthplaces.push(v.trim().to_owned());
        } else if let Some(v) = clause.strip_prefix("Linked To: ") {
            out.linked_to.push(v.trim().to_owned());
        } else if let Some(v) = clause.strip_prefix("Vessel Registration Identification IMO ") {
            let digits: String = v.chars().filter(char::is_ascii_digit).collect();
            if digits.len() == 7 {
                out.imo_numbers.push(digits);
            }
        } else if is_identity_document(clause) {
            if let Some(country) = trailing_parenthesis(clause) {
                out.document_countries.push(country.to_owned());
            }
        }
    }
    out
}

fn is_identity_document(clause: &str) -> bool {
    [
        "Passport ",
        "National ID No. ",
        "Identification Number ",
        "Diplomatic Passport ",
    ]
    .iter()
    .any(|p| clause.starts_with(p))
}

/// `Passport 290320764 (Korea, North) expires 2020` -> `Korea, North`.
fn trailing_parenthesis(clause: &str) -> Option<&str> {
    let open = clause.find('(')?;
    let close = clause[open..].find(')')? + open;
    Some(clause[open + 1..close].trim())
}

fn weak_aliases(text: &str) -> Vec<(String, String)> {
    let mut out = Vec::new();
    for (marker, alias_type) in ALIAS_MARKERS {
        let mut from = 0;
        while let Some(at) = text[from..].find(marker) {
            let start = from + at + marker.len();
            let end = alias_end(text, start);
            let name = text[start..end].trim();
            if !name.is_empty() {
                out.push((alias_type.to_owned(), name.to_owned()));
            }
            from = (end + 1).min(text.len());
        }
    }
    out
}

/// The byte offset of the quote that closes an alias starting at `start`.
fn alias_end(text: &str, start: usize) -> usize {
    let bytes = text.as_bytes();
    let mut i = start;
    while i < bytes.len() {
        if bytes[i] == b'\'' {
            let next = bytes.get(i + 1).copied();
            let after = bytes.get(i + 2).copied();
            let closes = match next {
                None | Some(b';') => true,
                Some(b'.') => after.is_none_or(|c| c.is_ascii_whitespace() || c == b'"'),
                _ => false,
            };
            if closes {
                return i;
            }
        }
        i += 1;
    }
    bytes.len()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn weak_aliases_in_remarks_are_extracted() {
        let r = parse("Secondary sanctions risk: ...; a.k.a. 'KPTC'; a.k.a. 'DEPARTMENT 30'.");
        assert_eq!(
            r.weak_aliases,
            [
                ("aka".to_string(), "KPTC".to_string()),
                ("aka".to_string(), "DEPARTMENT 30".to_string())
            ]
        );
    }

    #[test]
    fn aliases_keep_their_own_apostrophes() {
        let r = parse("DOB 1970; a.k.a. 'ABDEL' AZIZ BEN NARVAN'; a.k.a. ''ABD AL-RAHMAN'.");
        let names: Vec<&str> = r.weak_aliases.iter().map(|(_, n)| n.as_str()).collect();
        assert_eq!(names, ["ABDEL' AZIZ BEN NARVAN", "'ABD AL-RAHMAN"]);
    }

    #[test]
    fn former_and_new_names_are_typed() {
        let r = parse("f.k.a. 'OLD NAME'; n.k.a. 'NEW NAME'.");
        assert_eq!(
            r.weak_aliases,
            [
                ("fka".to_string(), "OLD NAME".to_string()),
                ("nka".to_string(), "NEW NAME".to_string())
            ]
        );
    }

    #[test]
    fn vessel_imo_numbers_are_read() {
        let r = parse("Secondary sanctions risk: x; Vessel Registration Identification IMO 7937317; alt. Vessel Registration Identification IMO 8405311.");
        assert_eq!(r.imo_numbers, ["7937317", "8405311"]);
        assert!(parse("Vessel Registration Identification IMO 12345.")
            .imo_numbers
            .is_empty());
    }

    #[test]
    fn nationality_citizenship_documents_and_birthplace_are_read() {
        let r = parse("DOB 1964; nationality Korea, North; citizen Korea, North; Passport 290320764 (Korea, North) expires 2020; POB Pyongan-Pukto, North Korea; Linked To: TANCHON COMMERCIAL BANK.");
        assert_eq!(r.nationalities, ["Korea, North"]);
        assert_eq!(r.citizenships, ["Korea, North"]);
        assert_eq!(r.document_countries, ["Korea, North"]);
        assert_eq!(r.birthplaces, ["Pyongan-Pukto, North Korea"]);
        assert_eq!(r.linked_to, ["TANCHON COMMERCIAL BANK"]);
    }

    #[test]
    fn remarks_without_facts_give_nothing() {
        assert_eq!(parse(""), Remarks::default());
        assert_eq!(parse("a.k.a. '"), Remarks::default());
    }
}
