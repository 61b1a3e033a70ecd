//! What the curated tables load into. Curated entities reuse [`ListedEntity`]; SDN entries are
//! never duplicated here but annotated ([`SdnAnnotation`]): the OFAC files stay the one record
//! of a designation, and the curated row only adds the labor-export context and its source.
//! Entity sectors live in a map keyed by entity id rather than on [`ListedEntity`], so the
//! shared type needs no field that only curated rows can fill.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use super::roles::RoleEntry;
use crate::indicators::model::{
    Alias, AliasOrigin, AliasStrength, CountryIndicator, ListedEntity, Region, SectorCountryRisk,
    SectorId, Source, Tier,
};

/// The curated knowledge base: everything `data/indicators/` holds, validated.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Curated {
    /// CBP enforcement targets, employers named by investigations, and Treasury designations
    /// that are not in the shipped SDN file.
    pub entities: Vec<ListedEntity>,
    /// Labor-export context for entries that are in the shipped SDN file.
    pub sdn_annotations: Vec<SdnAnnotation>,
    /// North Korea and the countries reported to host North Korean workers.
    pub host_countries: Vec<CountryIndicator>,
    /// Regions with a documented North Korean workforce, with their documented sectors.
    pub regions: Vec<Region>,
    /// Goods sectors in countries reported to use North Korean labor.
    pub sector_countries: Vec<SectorCountryRisk>,
    /// Industries named by advisories and reports.
    pub sector_indicators: Vec<SectorIndicator>,
    /// Goods named by advisories, lists, statutes, enforcement and reports.
    pub goods: Vec<GoodIndicator>,
    /// Sectors documented for an entity, keyed by [`ListedEntity::id`] (`cbp:…`, `inv:…`,
    /// `treas:…`, and `ofac:<ent_num>` for annotated SDN entries). Entities without a
    /// documented sector are absent.
    pub entity_sectors: BTreeMap<String, Vec<SectorId>>,
    /// What each entity is, keyed like [`Curated::entity_sectors`] (`entity_roles.csv`).
    #[serde(default)]
    pub entity_roles: BTreeMap<String, RoleEntry>,
}

impl Curated {
    /// The sectors documented for the entity with this id (empty when none is documented).
    pub fn sectors_of_entity(&self, entity_id: &str) -> &[SectorId] {
        self.entity_sectors
            .get(entity_id)
            .map_or(&[], |sectors| sectors.as_slice())
    }

    /// The role of the entity with this id, and the sentence of its source that gives it.
    pub fn role_of_entity(&self, entity_id: &str) -> Option<&RoleEntry> {
        self.entity_roles.get(entity_id)
    }

    /// The annotation of the SDN entry `ent_num`, if the curated table has one.
    pub fn annotation_for(&self, ent_num: u32) -> Option<&SdnAnnotation> {
        self.sdn_annotations.iter().find(|a| a.ent_num == ent_num)
    }

    pub fn entity(&self, id: &str) -> Option<&ListedEntity> {
        self.entities.iter().find(|e| e.id == id)
    }

    pub fn region(&self, id: &str) -> Option<&Region> {
        self.regions.iter().find(|r| r.id == id)
    }
}

/// Context for an SDN entry of the shipped OFAC file: why the designation matters for
/// North Korean labor, and the Treasury or press source that says so.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SdnAnnotation {
    pub ent_num: u32,
    /// The curated row's id (`sdn:<ent_num>`).
    pub id: String,
    /// The name as the curated row writes it (for display; the SDN name stays authoritative).
    pub name: String,
    /// Names the curated sources use besides the SDN ones (press spellings, acronyms). They are
    /// not OFAC aliases, so they are [`AliasStrength::Weak`]: counted on an exact match only.
    pub aliases: Vec<Alias>,
    pub tier: Tier,
    pub source: Source,
    pub note: String,
}

impl SdnAnnotation {
    /// The [`ListedEntity::id`] of the SDN entry this annotates.
    pub fn entity_id(&self) -> String {
        format!("ofac:{}", self.ent_num)
    }

    /// Adds this annotation to the SDN entity it belongs to: the source joins
    /// `extra_sources`, the note joins `note`, and aliases the entity lacks are appended.
    /// Returns `false` (and changes nothing) when `entity` is another entry.
    pub fn annotate(&self, entity: &mut ListedEntity) -> bool {
        if entity.id != self.entity_id() {
            return false;
        }
        if !entity.extra_sources.contains(&self.source) {
            entity.extra_sources.push(self.source.clone());
        }
        entity.note = Some(match entity.note.take() {
            Some(existing) if existing.contains(&self.note) => existing,
            Some(existing) => format!("{existing} {}", self.note),
            None => self.note.clone(),
        });
        for alias in &self.aliases {
            let known = entity.name.eq_ignore_ascii_case(&alias.name)
                || entity
                    .aliases
                    .iter()
                    .any(|a| a.name.eq_ignore_ascii_case(&alias.name));
            if !known {
                entity.aliases.push(alias.clone());
            }
        }
        true
    }
}

/// An industry named by an advisory or report (e.g. `seafood processing`, `IT services`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SectorIndicator {
    pub id: String,
    /// The sector id it maps to, when the vocabulary has one.
    pub sector: Option<SectorId>,
    /// The industry as the source words it.
    pub label: String,
    #[serde(default)]
    pub aliases: Vec<String>,
    /// ISO alpha-2, when the source ties the industry to one country (`logging (Russia)`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub country: Option<String>,
    pub tier: Tier,
    pub source: Source,
    pub note: String,
}

/// A good named by a source (e.g. `squid`, `garments labeled 'Made in China'`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct GoodIndicator {
    pub id: String,
    pub name: String,
    #[serde(default)]
    pub aliases: Vec<String>,
    pub sectors: Vec<SectorId>,
    /// ISO alpha-2 of where the source places the production, when it says.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub country: Option<String>,
    pub tier: Tier,
    pub source: Source,
    pub note: String,
}

/// `;`-separated names of the `aliases` column as strong or weak `aka` aliases.
pub fn aliases(names: &[String], strength: AliasStrength) -> Vec<Alias> {
    names
        .iter()
        .map(|name| Alias {
            name: name.clone(),
            strength,
            alias_type: "aka".to_owned(),
            // Set by `alias_sources.csv` when the tables load.
            origin: AliasOrigin::ShortForm,
            source: None,
        })
        .collect()
}
