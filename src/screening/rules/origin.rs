//! KP_ORIGIN and AMBIGUOUS_COUNTRY: the countries a line names. North Korea as the country of
//! origin, as a party's country, in a party's address, or as the country of the port of lading
//! raises KP_ORIGIN; a bare "Korea" raises AMBIGUOUS_COUNTRY and is never read as North Korea.
//! When the line's sector is one the DOL List of Goods names for North Korea, that listing is
//! added as evidence.

use crate::indicators::{CountryResolution, KnowledgeBase, Source, Tier};
use crate::manifest::PartyRole;
use crate::screening::facts::LineFacts;
use crate::screening::flags::FlagCode;

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

pub fn apply(kb: &KnowledgeBase, facts: &LineFacts<'_>, out: &mut Vec<Finding>) {
    let Some(kp) = kb
        .curated
        .host_countries
        .iter()
        .find(|c| c.code == NORTH_KOREA)
    else {
        return;
    };
    let kp_evidence = |field: &str, input: &str, note: &str| {
        let matched = format!("North Korea ({NORTH_KOREA})");
        let note = if note.is_empty() {
            kp.note.clone()
        } else {
            format!("{note} {}", kp.note)
        };
        indicator_evidence(
            field,
            input,
            matched,
            (
                &format!("country:{}", NORTH_KOREA.to_lowercase()),
                "country",
            ),
            kp.tier,
            &kp.source,
            &note,
        )
    };
    let before = out.len();
    for c in &facts.countries {
        match &c.resolution {
            CountryResolution::Country { code, .. } if code == NORTH_KOREA => {
                out.push(Finding::new(
                    FlagCode::KpOrigin,
                    kp_evidence(c.field.as_str(), &c.input, ""),
                ));
            }
            CountryResolution::Ambiguous { candidates, reason }
                if candidates.iter().any(|k| k == NORTH_KOREA) =>
            {
                let evidence = indicator_evidence(
                    c.field.as_str(),
                    &c.input,
                    format!("one of {}", candidates.join(", ")),
                    ("reference:iso-3166", "country_table"),
                    Tier::Advisory,
                    &iso_source(),
                    reason,
                );
                out.push(Finding::new(FlagCode::AmbiguousCountry, evidence));
            }
            _ => {}
        }
    }
    for role in PartyRole::ALL {
        let party = facts.line.party(role);
        let Some(address) = party.address else {
            continue;
        };
        if let Some(CountryResolution::Country { code, .. }) = kb.countries.resolve_in_text(address)
        {
            if code == NORTH_KOREA {
                let note = format!("The {} address names North Korea.", role.as_str());
                out.push(Finding::new(
                    FlagCode::KpOrigin,
                    kp_evidence(role.address_field().as_str(), address, &note),
                ));
            }
        }
    }
    if let (Some(port), Some(input)) = (&facts.port, facts.line.port_of_lading.as_deref()) {
        if port.country_code.as_deref() == Some(NORTH_KOREA) {
            let note = format!(
                "Port of lading {} is in North Korea (CBP Schedule K {}).",
                port.name, port.code
            );
            out.push(Finding::new(
                FlagCode::KpOrigin,
                kp_evidence("port_of_lading", input, &note),
            ));
        }
    }
    if out[before..].iter().any(|f| f.code == FlagCode::KpOrigin) {
        add_listed_goods(kb, facts, out);
    }
}

/// The DOL List of Goods (and other listings) for North Korean goods of the line's sector.
fn add_listed_goods(kb: &KnowledgeBase, facts: &LineFacts<'_>, out: &mut Vec<Finding>) {
    for good in &kb.curated.goods {
        if good.country.as_deref() != Some(NORTH_KOREA) {
            continue;
        }
        if let Some(sector) = good.sectors.iter().find_map(|s| facts.has_sector(s)) {
            let (field, input) = facts.sector_input(sector);
            let evidence = indicator_evidence(
                field.as_str(),
                &input,
                good.name.clone(),
                (&good.id, "good"),
                good.tier,
                &good.source,
                &good.note,
            );
            out.push(Finding::new(FlagCode::KpOrigin, evidence));
        }
    }
}
