//! The closed vocabularies of the curated tables: sector ids, evidence tiers, list kinds and
//! ISO country-code shape. They are closed on purpose: a misspelt sector (`sea food`) would
//! otherwise load fine and silently never match, so an unknown value is a load error instead.
//! The trade-off is that adding a sector means editing this file as well as the data.

use crate::indicators::model::{ListKind, Tier};

/// Sectors of physical goods: the only ones a shipment line can belong to, hence the only
/// ones allowed in `sector_countries.csv`. The same list the sector table classifies into.
pub const GOODS_SECTORS: &[&str] = &crate::indicators::sectors::SECTOR_IDS;

/// Sectors of work that produce no shipped goods themselves (labor export context).
pub const SERVICE_SECTORS: &[&str] = &[
    "construction",
    "it_services",
    "hospitality",
    "medical",
    "pharmaceuticals",
];

/// Every tier, strongest first, so that parsing needs no hand-kept string table.
const TIERS: [Tier; 4] = [
    Tier::GovDesignation,
    Tier::GovEnforcement,
    Tier::InvestigativeReport,
    Tier::Advisory,
];

/// The lists a curated entity row may name. `ofac_other` is left out: SDN entries under other
/// programs come from the OFAC files, never from the curated table.
const CURATED_LISTS: [ListKind; 3] = [
    ListKind::OfacNorthKorea,
    ListKind::CbpEnforcement,
    ListKind::ReportedEmployer,
];

pub fn is_known_sector(id: &str) -> bool {
    is_goods_sector(id) || SERVICE_SECTORS.contains(&id)
}

pub fn is_goods_sector(id: &str) -> bool {
    GOODS_SECTORS.contains(&id)
}

pub fn parse_tier(text: &str) -> Option<Tier> {
    TIERS.into_iter().find(|tier| tier.as_str() == text)
}

pub fn tier_names() -> String {
    TIERS.map(Tier::as_str).join(", ")
}

pub fn parse_curated_list(text: &str) -> Option<ListKind> {
    CURATED_LISTS.into_iter().find(|list| list.as_str() == text)
}

pub fn curated_list_names() -> String {
    CURATED_LISTS.map(ListKind::as_str).join(", ")
}

/// ISO 3166-1 alpha-2 shape: two ASCII capitals. Whether the code is assigned is checked by
/// the tests against the shipped ISO data, not at load time (the loader sees only its tables).
pub fn is_alpha2(code: &str) -> bool {
    code.len() == 2 && code.bytes().all(|b| b.is_ascii_uppercase())
}

/// A row id is `<prefix>:<slug>` with a slug of lowercase ASCII letters, digits and hyphens.
pub fn is_slug(text: &str) -> bool {
    !text.is_empty()
        && !text.starts_with('-')
        && !text.ends_with('-')
        && text
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
}

/// OFAC writes individuals as `SURNAME, Given names` (`KIM, Tong-chol`): an all-capital part
/// before the first comma followed by a mixed-case given name. Company names with a comma
/// (`... Co., Ltd.`) fail the all-capital test, so no extra column is needed for persons.
pub fn looks_like_ofac_person(name: &str) -> bool {
    let Some((surname, given)) = name.split_once(", ") else {
        return false;
    };
    let surname_ok = !surname.is_empty()
        && surname
            .chars()
            .all(|c| c.is_uppercase() || matches!(c, ' ' | '-' | '\''))
        && surname.chars().any(char::is_alphabetic);
    surname_ok && given.chars().any(char::is_lowercase)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_tier_name_round_trips() {
        for tier in TIERS {
            assert_eq!(parse_tier(tier.as_str()), Some(tier));
        }
        assert_eq!(parse_tier("gov-designation"), None);
    }

    #[test]
    fn ofac_other_is_not_a_curated_list() {
        assert_eq!(
            parse_curated_list("cbp_enforcement"),
            Some(ListKind::CbpEnforcement)
        );
        assert_eq!(parse_curated_list("ofac_other"), None);
    }

    #[test]
    fn service_sectors_are_known_but_not_goods() {
        assert!(is_known_sector("it_services"));
        assert!(!is_goods_sector("it_services"));
        assert!(is_goods_sector("seafood"));
        assert!(!is_known_sector("seafood processing"));
    }

    #[test]
    fn ofac_style_person_names_are_recognised_and_company_names_are_not() {
        assert!(looks_like_ofac_person("KIM, Tong-chol"));
        assert!(looks_like_ofac_person("JONG, Yong Su"));
        assert!(!looks_like_ofac_person(
            "Shenyang Geumpungri Network Technology Co., Ltd."
        ));
        assert!(!looks_like_ofac_person("Korea Osong Shipping Co"));
    }

    #[test]
    fn slugs_are_lowercase_words_joined_by_hyphens() {
        assert!(is_slug("donggang-jinhui-foodstuff"));
        assert!(!is_slug("Donggang Jinhui"));
        assert!(!is_slug("-leading"));
        assert!(!is_slug(""));
    }

    #[test]
    fn alpha2_codes_are_two_capitals() {
        assert!(is_alpha2("KP"));
        assert!(!is_alpha2("kp"));
        assert!(!is_alpha2("PRK"));
    }
}
