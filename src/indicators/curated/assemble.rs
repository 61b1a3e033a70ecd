//! Sorting validated `indicators.csv` rows into the parts of [`Curated`](super::Curated):
//! countries, regions, sector and good indicators, curated entities and SDN annotations.
//! Kept apart from validation so that each file holds one concern; nothing here can fail,
//! because every check has already run in [`super::table`].

use crate::indicators::model::{AliasStrength, CountryIndicator, EntityType, ListedEntity, Region};

use super::table::{Kind, Parsed};
use super::types::{aliases, Curated, GoodIndicator, SdnAnnotation, SectorIndicator};
use super::vocab;

/// Adds one validated row to the part of `out` its kind belongs to.
pub fn add(out: &mut Curated, row: Parsed) {
    match row.kind {
        Kind::Country => out.host_countries.push(CountryIndicator {
            code: row.country.unwrap_or_default(),
            name: row.value,
            tier: row.tier,
            source: row.source,
            note: row.note,
        }),
        Kind::Region => out.regions.push(Region {
            id: row.id,
            name: row.value,
            aliases: row.aliases,
            country: row.country.unwrap_or_default(),
            tier: row.tier,
            source: row.source,
            note: row.note,
            sectors: Vec::new(),
        }),
        Kind::Sector => out.sector_indicators.push(SectorIndicator {
            id: row.id,
            sector: row.sectors.into_iter().next(),
            label: row.value,
            aliases: row.aliases,
            country: row.country,
            tier: row.tier,
            source: row.source,
            note: row.note,
        }),
        Kind::Good => out.goods.push(GoodIndicator {
            id: row.id,
            name: row.value,
            aliases: row.aliases,
            sectors: row.sectors,
            country: row.country,
            tier: row.tier,
            source: row.source,
            note: row.note,
        }),
        Kind::Entity => add_entity(out, row),
    }
}

fn add_entity(out: &mut Curated, row: Parsed) {
    let Some(list) = row.list else {
        // A placeholder documents a gap (e.g. names not retrieved); there is no party to list.
        return;
    };
    if let Some(ent_num) = row.ent_num {
        let annotation = SdnAnnotation {
            ent_num,
            id: row.id,
            name: row.value,
            aliases: aliases(&row.aliases, AliasStrength::Weak),
            tier: row.tier,
            source: row.source,
            note: row.note,
        };
        if !row.sectors.is_empty() {
            out.entity_sectors
                .insert(annotation.entity_id(), row.sectors);
        }
        out.sdn_annotations.push(annotation);
        return;
    }
    if !row.sectors.is_empty() {
        out.entity_sectors.insert(row.id.clone(), row.sectors);
    }
    let entity_type = if vocab::looks_like_ofac_person(&row.value) {
        EntityType::Person
    } else {
        EntityType::Organization
    };
    out.entities.push(ListedEntity {
        id: row.id,
        name: row.value,
        entity_type,
        list,
        tier: row.tier,
        programs: Vec::new(),
        aliases: aliases(&row.aliases, AliasStrength::Strong),
        addresses: Vec::new(),
        country_codes: row.country.into_iter().collect(),
        vessel: None,
        remarks: None,
        note: Some(row.note),
        source: row.source,
        extra_sources: Vec::new(),
        role: None,
        linked_to: Vec::new(),
        labor_export: None,
    });
}
