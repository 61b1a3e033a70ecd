//! Identity confidence of a party or vessel match. A name match is evidence that a party *may be*
//! the listed one, never proof; [`Identity`] says how far the rest of the line agrees with the
//! listing (country, city, address words, the goods against what the source says the party
//! does, the IMO number) and what a person should compare to confirm it.
//!
//! Strength: `strong` when the name matches and at least one attribute agrees (or the IMO number
//! is the listed one); `name_only` when the name matches and nothing else is known to agree;
//! `weak` when only a weaker name match, or an uncorroborated weak alias, links them. The rules
//! lower a `name_only` match to a short or common name (see [`super::distinctive`]) to
//! `high_risk`: the name alone cannot carry a prohibition or the presumption.

use serde::{Deserialize, Serialize};

use crate::indicators::{KnowledgeBase, ListedEntity};
use crate::manifest::{Field, PartyRole};
use crate::names::normalize::normalize;

use super::facts::LineFacts;

#[derive(
    Debug,
    Clone,
    Copy,
    PartialEq,
    Eq,
    Hash,
    PartialOrd,
    Ord,
    Serialize,
    Deserialize,
    utoipa::ToSchema,
)]
#[serde(rename_all = "snake_case")]
pub enum IdentityStrength {
    /// Only a weaker name match or an uncorroborated weak alias.
    Weak,
    /// The name matches; nothing else on the line is known to agree.
    NameOnly,
    /// The name matches and at least one attribute agrees.
    Strong,
}

impl IdentityStrength {
    pub fn as_str(self) -> &'static str {
        match self {
            IdentityStrength::Weak => "weak",
            IdentityStrength::NameOnly => "name_only",
            IdentityStrength::Strong => "strong",
        }
    }
}

/// An attribute of the line that can agree with a listing.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, utoipa::ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum Attribute {
    Country,
    City,
    Address,
    Sector,
    Imo,
}

/// One attribute that agrees, and how.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, utoipa::ToSchema)]
pub struct Corroboration {
    pub attribute: Attribute,
    pub detail: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, utoipa::ToSchema)]
pub struct Identity {
    pub strength: IdentityStrength,
    #[serde(default)]
    pub corroborated_by: Vec<Corroboration>,
    /// The matched name is distinctive enough to carry a legal verdict on its own.
    pub distinctive_name: bool,
    /// What a person should compare to confirm or rule out the identity.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub to_confirm: Vec<String>,
}

impl Identity {
    /// True when the match may carry a legal verdict (prohibited, presumption): the identity
    /// is corroborated, or the name alone is distinctive.
    pub fn carries_legal_weight(&self) -> bool {
        match self.strength {
            IdentityStrength::Strong => true,
            IdentityStrength::NameOnly => self.distinctive_name,
            IdentityStrength::Weak => false,
        }
    }
}

/// Words of addresses that say nothing about which address it is.
const GENERIC_ADDRESS_WORDS: &[&str] = &[
    "road",
    "street",
    "avenue",
    "district",
    "city",
    "province",
    "county",
    "building",
    "floor",
    "room",
    "unit",
    "village",
    "town",
    "zone",
    "industrial",
    "park",
    "area",
    "lane",
    "block",
    "north",
    "south",
    "east",
    "west",
    "central",
    "korea",
    "china",
    "dong",
    "guyok",
    "district",
];

/// The attributes of the party in `role` (and of the line) that agree with `entity`.
pub fn party_corroboration(
    kb: &KnowledgeBase,
    entity: &ListedEntity,
    facts: &LineFacts<'_>,
    role: PartyRole,
) -> Vec<Corroboration> {
    let mut out = Vec::new();
    let party = facts.line.party(role);
    let country_fields = [role.country_field(), Field::CountryOfOrigin];
    for field in country_fields {
        let Some(fact) = facts.countries.iter().find(|c| c.field == field) else {
            continue;
        };
        if let Some(code) = fact.resolution.code() {
            if entity.country_codes.iter().any(|c| c == code) {
                out.push(Corroboration {
                    attribute: Attribute::Country,
                    detail: format!("{} {code} is a country the listing names", field.as_str()),
                });
                break;
            }
        }
    }
    if let Some(city) = listed_city_in(entity, [party.city, party.address]) {
        out.push(Corroboration {
            attribute: Attribute::City,
            detail: format!("the listed city {city} appears in the party's city or address"),
        });
    }
    let shared = shared_address_words(entity, party.address);
    if !shared.is_empty() {
        out.push(Corroboration {
            attribute: Attribute::Address,
            detail: format!(
                "address words shared with the listing: {}",
                shared.join(", ")
            ),
        });
    }
    let documented = kb.curated.sectors_of_entity(&entity.id);
    if let Some(sector) = facts
        .sectors
        .iter()
        .find(|s| documented.contains(&s.sector))
    {
        out.push(Corroboration {
            attribute: Attribute::Sector,
            detail: format!(
                "the goods ({}) are what the source says this party deals in",
                sector.label
            ),
        });
    }
    out
}

/// OFAC's city field is "city, state, postal code": the city is the part before the comma.
fn listed_city_in<'e>(entity: &'e ListedEntity, texts: [Option<&str>; 2]) -> Option<&'e str> {
    let places: Vec<String> = texts.into_iter().flatten().map(normalize).collect();
    entity
        .addresses
        .iter()
        .filter_map(|a| a.city.as_deref())
        .map(|c| c.split(',').next().unwrap_or_default().trim())
        .find(|listed| {
            let key = normalize(listed);
            key.len() >= 3
                && places
                    .iter()
                    .any(|p| format!(" {p} ").contains(&format!(" {key} ")))
        })
}

fn shared_address_words(entity: &ListedEntity, address: Option<&str>) -> Vec<String> {
    let Some(address) = address else {
        return Vec::new();
    };
    let party: Vec<String> = normalize(address).split(' ').map(str::to_owned).collect();
    let mut shared: Vec<String> = Vec::new();
    for listed in entity.addresses.iter().filter_map(|a| a.address.as_deref()) {
        for word in normalize(listed).split(' ') {
            let useful = word.len() >= 4
                && !word.bytes().all(|b| b.is_ascii_digit())
                && !GENERIC_ADDRESS_WORDS.contains(&word);
            if useful && party.iter().any(|p| p == word) && !shared.iter().any(|s| s == word) {
                shared.push(word.to_owned());
            }
        }
    }
    shared
}

/// Clauses of OFAC remarks that identify a party (dates of birth, registration and tax
/// numbers, documents), for the "to confirm" list.
const IDENTIFIER_PREFIXES: &[&str] = &[
    "DOB ",
    "POB ",
    "Registration ID ",
    "Registration Number ",
    "Tax ID No. ",
    "Passport ",
    "National ID No. ",
    "Unified Social Credit Code",
    "Commercial Registry Number ",
    "Organization Established Date ",
    "Vessel Registration Identification ",
];

/// What a person should compare to confirm (or rule out) that the party is `entity`.
pub fn to_confirm(entity: &ListedEntity) -> Vec<String> {
    let mut out = Vec::new();
    for a in entity.addresses.iter().take(3) {
        let parts: Vec<&str> = [
            a.address.as_deref(),
            a.city.as_deref(),
            a.country.as_deref(),
        ]
        .into_iter()
        .flatten()
        .collect();
        if !parts.is_empty() {
            out.push(format!("listed address: {}", parts.join(", ")));
        }
    }
    if let Some(remarks) = entity.remarks.as_deref() {
        for clause in remarks.split(';').map(|c| c.trim().trim_end_matches('.')) {
            if IDENTIFIER_PREFIXES.iter().any(|p| clause.starts_with(p)) {
                out.push(format!("listed identifier: {clause}"));
            }
        }
    }
    if let Some(imo) = entity.vessel.as_ref().and_then(|v| v.imo.as_deref()) {
        out.push(format!("the vessel's IMO number ({imo} is listed)"));
    }
    if !entity.country_codes.is_empty() && entity.addresses.is_empty() {
        out.push(format!(
            "countries the listing names: {}",
            entity.country_codes.join(", ")
        ));
    }
    if out.is_empty() {
        out.push(
            "the listing gives no address or identifier: compare the party's full legal name, \
             registration documents and business with what the source describes"
                .to_owned(),
        );
    }
    out
}
