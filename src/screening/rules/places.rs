//! Place rules. NK_LABOR_REGION: a party located in a region with a documented North Korean
//! workforce (Dandong, Donggang, Hunchun, Yanbian, Dalian ...) — high risk when the line's sector
//! is one documented in that region (Dandong seafood, Hunchun garments), review otherwise.
//! SECTOR_COUNTRY_RISK: the line's sector in a country reported to use North Korean labor in that
//! sector (seafood processed in China, timber from Russia).
//!
//! A party's location is read from its city, its address and its name (Chinese company names
//! begin with their place of registration: `Dandong Taifeng Foodstuff`), by whole words, never by
//! substring.

use std::sync::Arc;

use crate::indicators::{KnowledgeBase, Region};
use crate::manifest::{Field, PartyRole};
use crate::memo::Memo;
use crate::names::normalize::normalize;
use crate::screening::facts::LineFacts;
use crate::screening::flags::FlagCode;
use crate::screening::verdict::Verdict;

use super::{indicator_evidence, Finding};

/// The regions' names as word sequences, built once per knowledge base.
pub struct RegionIndex {
    /// (region index, the words of one of its names)
    names: Vec<(usize, Vec<String>)>,
    /// Regions found in a text, remembered (cities, addresses and names repeat).
    found: Memo<Arc<[(usize, String)]>>,
}

impl RegionIndex {
    pub fn build(regions: &[Region]) -> RegionIndex {
        let mut names = Vec::new();
        for (i, r) in regions.iter().enumerate() {
            for name in std::iter::once(&r.name).chain(&r.aliases) {
                let words: Vec<String> = normalize(name)
                    .split(' ')
                    .filter(|w| !w.is_empty())
                    .map(str::to_owned)
                    .collect();
                if !words.is_empty() {
                    names.push((i, words));
                }
            }
        }
        RegionIndex {
            names,
            found: Memo::default(),
        }
    }

    /// The regions whose name appears, as whole words, in `text`.
    fn find(&self, text: &str) -> Arc<[(usize, String)]> {
        self.found.get_or(text, || self.search(text).into())
    }

    fn search(&self, text: &str) -> Vec<(usize, String)> {
        let normalized = normalize(text);
        let words: Vec<&str> = normalized.split(' ').collect();
        let mut found: Vec<(usize, String)> = Vec::new();
        for (region, name) in &self.names {
            let hit = words
                .windows(name.len())
                .any(|w| w.iter().zip(name).all(|(a, b)| a == b));
            if hit && !found.iter().any(|(r, _)| r == region) {
                found.push((*region, name.join(" ")));
            }
        }
        found
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
            for (i, matched) in index.find(value).iter() {
                let (i, matched) = (*i, matched.as_str());
                let region = &regions[i];
                let elsewhere = !region.country.is_empty()
                    && party_country.is_some_and(|c| c != region.country);
                if elsewhere || seen.contains(&i) {
                    continue;
                }
                seen.push(i);
                region_findings(facts, region, field, value, matched, out);
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
            "The company name begins with or contains the place name \"{matched}\". {}",
            region.note
        ),
        _ => region.note.clone(),
    };
    let region_evidence = indicator_evidence(
        field.as_str(),
        value,
        region.name.clone(),
        (id, "region"),
        region.tier,
        &region.source,
        &place_note,
    );
    let documented: Vec<_> = region
        .sectors
        .iter()
        .filter_map(|rs| facts.has_sector(&rs.sector).map(|s| (rs, s)))
        .collect();
    if documented.is_empty() {
        out.push(
            Finding::new(FlagCode::NkLaborRegion, region_evidence).with_severity(Verdict::Review),
        );
        return;
    }
    out.push(Finding::new(FlagCode::NkLaborRegion, region_evidence));
    for (rs, sector) in documented {
        let (sector_field, sector_input) = facts.sector_input(sector);
        let matched = format!("{} documented in {}", sector.label, region.name);
        let evidence = indicator_evidence(
            sector_field.as_str(),
            &sector_input,
            matched,
            (id, "region_sector"),
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
        let Some(sector) = facts.has_sector(&risk.sector) else {
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
        let (sector_field, sector_input) = facts.sector_input(sector);
        let note = format!(
            "Sector read from {} `{}`. {}",
            sector_field.as_str(),
            sector_input,
            risk.note
        );
        let id = format!(
            "sector_country:{}:{}",
            risk.sector,
            risk.country.to_lowercase()
        );
        let evidence = indicator_evidence(
            country.field.as_str(),
            &country.input,
            matched,
            (&id, "sector_country"),
            risk.tier,
            &risk.source,
            &note,
        );
        out.push(Finding::new(FlagCode::SectorCountryRisk, evidence));
    }
}
