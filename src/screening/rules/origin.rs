//! KP_ORIGIN and AMBIGUOUS_COUNTRY: where a line says its goods or parties are. North Korea as the
//! country of origin or a party's country, named in a party's address, a North Korean place in a
//! party's city or address or in the port of lading, or a port code of North Korea raises
//! KP_ORIGIN (both the E.O. 13570 import ban and the forced-labor presumption); a bare "Korea"
//! raises AMBIGUOUS_COUNTRY and is never read as North Korea. When the line's sector is one the
//! DOL List of Goods names for North Korea, that listing is added as evidence.
//!
//! Places are read from the fields that say where a party is, in order of trust: the country
//! field, the city field, and the free address only when both are empty. A party whose country
//! is given as another country is never placed in North Korea by a city or street name (`12
//! Pyongyang Road, Dandong, China` is in China), and a place followed by a street word is a
//! street, not the place. Party names are not read for places: a Chinese company may be named
//! after a North Korean city.

use std::sync::Arc;

use crate::indicators::places::KpPlace;
use crate::indicators::{CountryIndicator, CountryResolution, KnowledgeBase, Source, Tier};
use crate::manifest::{Field, PartyRole};
use crate::memo::Memo;
use crate::screening::evidence::{Evidence, EvidenceKind};
use crate::screening::facts::LineFacts;
use crate::screening::flags::FlagCode;
use crate::screening::place_names::{PlaceHit, PlaceNames};

use super::{indicator_evidence, Finding};

const NORTH_KOREA: &str = "KP";

/// Where the ambiguity rule's evidence comes from: the ISO 3166 reference data.
fn iso_source() -> Source {
    Source {
        title: "ISO 3166-1 country codes and names (datasets/country-codes, Debian iso-codes, mledoze/countries)".into(),
        date: "2026-05-15".into(),
        url: "https://github.com/datasets/country-codes".into(),
    }
}

/// The North Korean places of the gazetteer, ready to be found in text (built once).
pub struct KpPlaceIndex {
    names: PlaceNames,
    found: Memo<Arc<[PlaceHit]>>,
}

impl KpPlaceIndex {
    pub fn build(places: &[KpPlace]) -> KpPlaceIndex {
        KpPlaceIndex {
            names: PlaceNames::build(places.iter().map(|p| p.spellings.as_slice())),
            found: Memo::default(),
        }
    }

    /// The first North Korean place named in `text` that is not a street name.
    fn place_in(&self, text: &str) -> Option<PlaceHit> {
        self.found
            .get_or(text, || self.names.find(text).into())
            .iter()
            .find(|h| !h.street)
            .cloned()
    }
}

/// A UN/LOCODE (`KPNAM`, or `KP NAM` as the UN directory prints it): two letters of the ISO
/// country, three of the place.
fn locode_country(port: &str) -> Option<&str> {
    let code = port.trim();
    let bytes = code.as_bytes();
    let place = match bytes.len() {
        5 => &bytes[2..],
        6 if bytes[2] == b' ' => &bytes[3..],
        _ => return None,
    };
    let shape = bytes[..2].iter().all(u8::is_ascii_uppercase)
        && place
            .iter()
            .all(|b| b.is_ascii_uppercase() || (b'2'..=b'9').contains(b));
    shape.then(|| &code[..2])
}

pub fn apply(
    kb: &KnowledgeBase,
    places: &KpPlaceIndex,
    facts: &LineFacts<'_>,
    out: &mut Vec<Finding>,
) {
    let Some(kp) = kb
        .curated
        .host_countries
        .iter()
        .find(|c| c.code == NORTH_KOREA)
    else {
        return;
    };
    let before = out.len();
    countries(kp, facts, out);
    for role in PartyRole::ALL {
        party_places(kb, kp, places, facts, role, out);
    }
    port(kb, kp, places, facts, out);
    if out[before..].iter().any(|f| f.code == FlagCode::KpOrigin) {
        add_listed_goods(kb, facts, out);
    }
}

fn kp_evidence(kp: &CountryIndicator, field: Field, input: &str, note: &str) -> Evidence {
    let note = if note.is_empty() {
        kp.note.clone()
    } else {
        format!("{note} {}", kp.note)
    };
    indicator_evidence(
        field,
        input,
        format!("North Korea ({NORTH_KOREA})"),
        ("country:kp", EvidenceKind::Country),
        kp.tier,
        &kp.source,
        &note,
    )
}

fn place_evidence(place: &KpPlace, field: Field, input: &str, why: &str) -> Evidence {
    // The note is trimmed (the place's note may be empty) where it is made.
    indicator_evidence(
        field,
        input,
        format!("{}, North Korea ({})", place.name, place.kind.as_str()),
        (&format!("kp_place:{}", place.id), EvidenceKind::KpPlace),
        Tier::Advisory,
        &place.sources[0],
        &format!(
            "Inferred from the place name: {} is a {} in North Korea; {why} {}",
            place.name,
            place.kind.as_str(),
            place.note
        ),
    )
}

fn countries(kp: &CountryIndicator, facts: &LineFacts<'_>, out: &mut Vec<Finding>) {
    for c in &facts.countries {
        match &c.resolution {
            CountryResolution::Country { code, .. } if code == NORTH_KOREA => {
                out.push(Finding::new(
                    FlagCode::KpOrigin,
                    kp_evidence(kp, c.field, &c.input, ""),
                ));
            }
            CountryResolution::Ambiguous { candidates, reason }
                if candidates.iter().any(|k| k == NORTH_KOREA) =>
            {
                let evidence = indicator_evidence(
                    c.field,
                    &c.input,
                    format!("one of {}", candidates.join(", ")),
                    ("reference:iso-3166", EvidenceKind::CountryTable),
                    Tier::Advisory,
                    &iso_source(),
                    reason,
                );
                out.push(Finding::new(FlagCode::AmbiguousCountry, evidence));
            }
            _ => {}
        }
    }
}

fn party_places(
    kb: &KnowledgeBase,
    kp: &CountryIndicator,
    places: &KpPlaceIndex,
    facts: &LineFacts<'_>,
    role: PartyRole,
    out: &mut Vec<Finding>,
) {
    let party = facts.line.party(role);
    let country_given = facts
        .countries
        .iter()
        .find(|c| c.field == role.country_field());
    let elsewhere = country_given.is_some_and(|c| c.resolution.code() != Some(NORTH_KOREA));
    if let Some(address) = party.address {
        if let Some(CountryResolution::Country { code, .. }) = kb.countries.resolve_in_text(address)
        {
            if code == NORTH_KOREA {
                let note = format!("The {} address names North Korea.", role.as_str());
                out.push(Finding::new(
                    FlagCode::KpOrigin,
                    kp_evidence(kp, role.address_field(), address, &note),
                ));
                return;
            }
        }
    }
    if elsewhere {
        return;
    }
    if let Some(city) = party.city {
        if let Some(hit) = places.place_in(city) {
            let place = &kb.places.kp[hit.place];
            let why = format!("the {} city names it.", role.as_str());
            out.push(Finding::new(
                FlagCode::KpOrigin,
                place_evidence(place, role.city_field(), city, &why),
            ));
        }
        return;
    }
    let Some(address) = party.address.filter(|_| country_given.is_none()) else {
        return;
    };
    if kb.countries.resolve_in_text(address).is_some() {
        // The address ends with a country, and it is not North Korea (read above).
        return;
    }
    if let Some(hit) = places.place_in(address) {
        let place = &kb.places.kp[hit.place];
        let why = format!(
            "the {} address names it and the line gives no city or country for this party.",
            role.as_str()
        );
        out.push(Finding::new(
            FlagCode::KpOrigin,
            place_evidence(place, role.address_field(), address, &why),
        ));
    }
}

fn port(
    kb: &KnowledgeBase,
    kp: &CountryIndicator,
    places: &KpPlaceIndex,
    facts: &LineFacts<'_>,
    out: &mut Vec<Finding>,
) {
    let Some(input) = facts.line.port_of_lading.as_deref() else {
        return;
    };
    if let Some(port) = &facts.port {
        if port.country_code.as_deref() == Some(NORTH_KOREA) {
            let note = format!(
                "Port of lading {} is in North Korea (CBP Schedule K {}).",
                port.name, port.code
            );
            out.push(Finding::new(
                FlagCode::KpOrigin,
                kp_evidence(kp, Field::PortOfLading, input, &note),
            ));
        }
        return;
    }
    if locode_country(input) == Some(NORTH_KOREA) {
        let mut evidence = kp_evidence(
            kp,
            Field::PortOfLading,
            input,
            "The port of lading is written as a UN/LOCODE whose first two letters, KP, are the ISO 3166 code of North Korea.",
        );
        evidence.kind = EvidenceKind::PortCode;
        out.push(Finding::new(FlagCode::KpOrigin, evidence));
        return;
    }
    let names_other_country = kb
        .countries
        .resolve_in_text(input)
        .is_some_and(|c| c.code() != Some(NORTH_KOREA));
    if names_other_country {
        return;
    }
    if let Some(hit) = places.place_in(input) {
        let place = &kb.places.kp[hit.place];
        out.push(Finding::new(
            FlagCode::KpOrigin,
            place_evidence(
                place,
                Field::PortOfLading,
                input,
                "the port of lading names it.",
            ),
        ));
    }
}

/// The DOL List of Goods (and other listings) for North Korean goods of the line's sector.
fn add_listed_goods(kb: &KnowledgeBase, facts: &LineFacts<'_>, out: &mut Vec<Finding>) {
    for good in &kb.curated.goods {
        if good.country.as_deref() != Some(NORTH_KOREA) {
            continue;
        }
        if let Some(sector) = good.sectors.iter().find_map(|s| facts.has_sector(*s)) {
            let (field, input) = facts.sector_input(sector);
            let evidence = indicator_evidence(
                field,
                &input,
                good.name.clone(),
                (&good.id, EvidenceKind::Good),
                good.tier,
                &good.source,
                &good.note,
            );
            out.push(Finding::new(FlagCode::KpOrigin, evidence));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::locode_country;

    #[test]
    fn un_locodes_give_their_country() {
        assert_eq!(locode_country("KPNAM"), Some("KP"));
        assert_eq!(locode_country(" CNDLC "), Some("CN"));
        assert_eq!(locode_country("Nampo"), None);
        assert_eq!(locode_country("KP NAM"), Some("KP"));
        assert_eq!(locode_country("KP  NAM"), None);
        assert_eq!(locode_country("Kp Nam"), None);
        assert_eq!(locode_country("57900"), None);
    }
}
