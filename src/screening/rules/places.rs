//! Place rules. NK_LABOR_REGION: a party located in a region where North Korean workers are
//! documented by investigations or enforcement (Dandong, Donggang, Hunchun, Dalian ...) or
//! reported in connection with labor-export designations (Vladivostok, Shenyang) — high risk
//! when the line's sector is one reported in that region (Dandong seafood, Hunchun garments),
//! review otherwise. SECTOR_COUNTRY_RISK: the line's sector in a country reported to use North
//! Korean labor in that sector (seafood processed in China, timber from Russia).
//!
//! A party's location is read from its city, its address and its name (Chinese company names
//! begin with their place of registration: `Dandong Taifeng Foodstuff`), in Latin letters or in
//! the region's own script (`丹东`), by whole words, never by substring of a Latin word; a street
//! named after a region (`Dandong Road, Shanghai`) is not the region.

use std::sync::Arc;

use crate::indicators::{KnowledgeBase, Region};
use crate::manifest::{Field, PartyRole};
use crate::memo::Memo;
use crate::screening::evidence::EvidenceKind;
use crate::screening::facts::LineFacts;
use crate::screening::flags::FlagCode;
use crate::screening::place_names::{PlaceHit, PlaceNames};
use crate::screening::verdict::Verdict;

use super::{indicator_evidence, Finding};

/// The regions' names in every script, built once per knowledge base.
pub struct RegionIndex {
    names: PlaceNames,
    /// Regions found in a text, remembered (cities, addresses and names repeat).
    found: Memo<Arc<[PlaceHit]>>,
}

impl RegionIndex {
    pub fn build(kb: &KnowledgeBase) -> RegionIndex {
        let spellings: Vec<Vec<String>> = kb
            .curated
            .regions
            .iter()
            .map(|r| {
                std::iter::once(&r.name)
                    .chain(&r.aliases)
                    .chain(kb.places.border_spellings(&r.id))
                    .cloned()
                    .collect()
            })
            .collect();
        RegionIndex {
            names: PlaceNames::build(spellings.iter().map(Vec::as_slice)),
            found: Memo::default(),
        }
    }

    /// The regions named in `text` (streets named after a region left out).
    fn find(&self, text: &str) -> Arc<[PlaceHit]> {
        self.found.get_or(text, || {
            self.names
                .find(text)
                .into_iter()
                .filter(|h| !h.street)
                .collect::<Vec<_>>()
                .into()
        })
    }
}

/// How strongly a region's North Korean workforce is sourced, in words.
pub fn region_wording(region: &Region) -> &'static str {
    use crate::indicators::Tier;
    match region.tier {
        Tier::InvestigativeReport | Tier::GovEnforcement | Tier::GovDesignation => {
            "a place where investigations or enforcement actions documented North Korean workers"
        }
        Tier::Advisory => {
            "a place named in reporting on North Korean labor-export designations (not a documented workforce)"
        }
    }
}

pub fn apply_regions(
    kb: &KnowledgeBase,
    index: &RegionIndex,
    facts: &LineFacts<'_>,
    out: &mut Vec<Finding>,
) {
    let regions = &kb.curated.regions;
    let mut seen: Vec<usize> = Vec::new();
    for role in PartyRole::ALL {
        let party = facts.line.party(role);
        let party_country = facts.party_country(role);
        let fields = [
            (role.city_field(), party.city),
            (role.address_field(), party.address),
            (role.name_field(), party.name),
        ];
        for (field, value) in fields {
            let Some(value) = value else { continue };
            for hit in index.find(value).iter() {
                let region = &regions[hit.place];
                let elsewhere = !region.country.is_empty()
                    && party_country.is_some_and(|c| c != region.country);
                if elsewhere || seen.contains(&hit.place) {
                    continue;
                }
                seen.push(hit.place);
                region_findings(facts, region, field, value, &hit.matched, out);
            }
        }
    }
}

fn region_findings(
    facts: &LineFacts<'_>,
    region: &Region,
    field: Field,
    value: &str,
    matched: &str,
    out: &mut Vec<Finding>,
) {
    let id = region.id.as_str();
    let place_note = match field {
        Field::SupplierName | Field::ManufacturerName => format!(
            "The company name contains the place name \"{matched}\". {}",
            region.note
        ),
        _ => region.note.clone(),
    };
    let region_evidence = indicator_evidence(
        field,
        value,
        region.name.clone(),
        (id, EvidenceKind::Region),
        region.tier,
        &region.source,
        &place_note,
    );
    let reported: Vec<_> = region
        .sectors
        .iter()
        .filter_map(|rs| facts.has_sector(rs.sector).map(|s| (rs, s)))
        .collect();
    if reported.is_empty() {
        out.push(
            Finding::new(FlagCode::NkLaborRegion, region_evidence).with_severity(Verdict::Review),
        );
        return;
    }
    out.push(Finding::new(FlagCode::NkLaborRegion, region_evidence));
    for (rs, sector) in reported {
        let (sector_field, sector_input) = facts.sector_input(sector);
        let matched = format!("{} reported in {}", sector.label, region.name);
        let evidence = indicator_evidence(
            sector_field,
            &sector_input,
            matched,
            (id, EvidenceKind::RegionSector),
            rs.tier,
            &rs.source,
            &rs.note,
        );
        out.push(Finding::new(FlagCode::NkLaborRegion, evidence));
    }
}

pub fn apply_sector_countries(kb: &KnowledgeBase, facts: &LineFacts<'_>, out: &mut Vec<Finding>) {
    // North Korea itself is KP_ORIGIN's (with the listed goods as its evidence), not a sector risk.
    for risk in kb
        .curated
        .sector_countries
        .iter()
        .filter(|r| r.country != "KP")
    {
        let Some(sector) = facts.has_sector(risk.sector) else {
            continue;
        };
        let Some((country, _)) = facts
            .country_codes()
            .find(|(_, code)| *code == risk.country)
        else {
            continue;
        };
        let country_name = kb.countries.name(&risk.country).unwrap_or(&risk.country);
        let matched = format!("{} in {country_name}", sector.label);
        let id = format!(
            "sector_country:{}:{}",
            risk.sector.as_str(),
            risk.country.to_lowercase()
        );
        let evidence = indicator_evidence(
            country.field,
            &country.input,
            matched,
            (&id, EvidenceKind::SectorCountry),
            risk.tier,
            &risk.source,
            &risk.note,
        );
        out.push(Finding::new(FlagCode::SectorCountryRisk, evidence));
    }
}
