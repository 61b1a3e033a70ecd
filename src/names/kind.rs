//! [`NameKind`]: whether a name is a person's, an organisation's or a vessel's. The rules differ:
//! every token of a person's name must be accounted for (a Korean given name that differs in one
//! syllable is another person), while organisation names tolerate missing generic words.

use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum NameKind {
    Person,
    Organization,
    Vessel,
}

impl NameKind {
    /// Parses `Person`, `Organization`/`Organisation`/`Company`/`Entity` and `Vessel`, any case.
    pub fn parse(text: &str) -> Option<NameKind> {
        match text.trim().to_ascii_lowercase().as_str() {
            "person" | "individual" => Some(NameKind::Person),
            "organization" | "organisation" | "company" | "entity" | "legalentity" => {
                Some(NameKind::Organization)
            }
            "vessel" => Some(NameKind::Vessel),
            _ => None,
        }
    }

    /// The kind of a listed name written without a type: OFAC writes people as
    /// `SURNAME, Given Names`, so a single comma with words on both sides and no legal form
    /// means a person; anything else is treated as an organisation.
    pub fn infer(listed_name: &str) -> NameKind {
        let mut parts = listed_name.split(',');
        let (Some(surname), Some(given), None) = (parts.next(), parts.next(), parts.next()) else {
            return NameKind::Organization;
        };
        let words = |s: &str| s.split_whitespace().count();
        let has_legal_form = super::normalize::tokens(listed_name)
            .iter()
            .any(|t| super::vocabulary::classify(t).1 == super::vocabulary::TokenClass::LegalForm);
        if (1..=3).contains(&words(surname)) && (1..=4).contains(&words(given)) && !has_legal_form {
            NameKind::Person
        } else {
            NameKind::Organization
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ofac_person_format_is_a_person() {
        assert_eq!(NameKind::infer("KIM, Jong Un"), NameKind::Person);
        assert_eq!(NameKind::infer("RI, Su Yong"), NameKind::Person);
    }

    #[test]
    fn company_names_are_organisations() {
        assert_eq!(
            NameKind::infer("KOREA RYONBONG GENERAL CORPORATION"),
            NameKind::Organization
        );
        assert_eq!(
            NameKind::infer("DANDONG HONGXIANG, LTD"),
            NameKind::Organization
        );
        assert_eq!(NameKind::infer("Kim Jong Un"), NameKind::Organization);
    }

    #[test]
    fn kinds_parse_from_common_labels() {
        assert_eq!(NameKind::parse("Person"), Some(NameKind::Person));
        assert_eq!(
            NameKind::parse("Organization"),
            Some(NameKind::Organization)
        );
        assert_eq!(NameKind::parse("vessel"), Some(NameKind::Vessel));
        assert_eq!(NameKind::parse("ship"), None);
    }
}
