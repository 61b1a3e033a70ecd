//! Party rules: a supplier or manufacturer name that matches a listed entity. At match strength
//! the entity's list decides the flag — DESIGNATED_PARTY (OFAC, North Korea nexus),
//! SANCTIONED_PARTY (OFAC, other programs), ENFORCEMENT_TARGET (CBP CAATSA detention),
//! REPORTED_NK_LABOR (named by an investigation); a weaker match is POSSIBLE_MATCH.
//!
//! Two adjustments use the party's country. A party registered in South Korea scoring against a
//! North Korea-linked listing loses [`SOUTH_KOREA_PENALTY`] (the two countries' firms share words
//! and syllables, and South Korea is not where North Korean fronts are reported). No penalty
//! applies for other countries: fronts for North Korean entities are registered in the countries
//! that host North Korean workers, so a China- or Russia-registered supplier matching a North
//! Korean listing is the expected pattern, not a mismatch. OFAC's weak aliases count only as
//! possible matches unless the party's country or city agrees with the listing.

use rustc_hash::FxHashMap;

use crate::indicators::{AliasStrength, EntityType, KnowledgeBase, ListKind, ListedEntity};
use crate::manifest::PartyRole;
use std::sync::Arc;

use crate::memo::Memo;
use crate::names::{Matcher, NameHit, NameKind, Strength, WatchName, POSSIBLE_THRESHOLD};
use crate::screening::facts::{is_placeholder, LineFacts};
use crate::screening::flags::FlagCode;

use super::{entity_evidence, Finding};

/// Score taken off when a South Korea-registered party meets a North Korea-linked listing.
pub const SOUTH_KOREA_PENALTY: f32 = 0.15;
/// How many hits per party name are considered.
const HITS_PER_NAME: usize = 8;

/// The watchlist of party names (people and organisations), built once per knowledge base.
pub struct PartyWatchlist {
    matcher: Matcher,
    cache: Memo<Arc<[NameHit]>>,
}

impl PartyWatchlist {
    pub fn build(entities: &[ListedEntity]) -> PartyWatchlist {
        let kinds = |e: &ListedEntity| match e.entity_type {
            EntityType::Person => Some(NameKind::Person),
            EntityType::Organization => Some(NameKind::Organization),
            EntityType::Vessel | EntityType::Aircraft => None,
        };
        PartyWatchlist {
            matcher: Matcher::new(watch_names(entities, kinds)),
            cache: Memo::default(),
        }
    }

    /// The hits of a party name at the possible-match threshold (cached: batches repeat names).
    pub fn hits(&self, name: &str) -> Arc<[NameHit]> {
        self.cache.get_or(name, || {
            self.matcher
                .search(name, POSSIBLE_THRESHOLD, HITS_PER_NAME)
                .into()
        })
    }

    pub fn matcher(&self) -> &Matcher {
        &self.matcher
    }
}

/// Every name and alias of the entities `kind_of` accepts, owned by the entity's index.
pub fn watch_names(
    entities: &[ListedEntity],
    kind_of: impl Fn(&ListedEntity) -> Option<NameKind>,
) -> Vec<WatchName> {
    let mut names = Vec::new();
    for (i, e) in entities.iter().enumerate() {
        let Some(kind) = kind_of(e) else { continue };
        names.push(WatchName {
            owner: i as u32,
            name: e.name.clone(),
            kind,
            weak: false,
        });
        for alias in &e.aliases {
            names.push(WatchName {
                owner: i as u32,
                name: alias.name.clone(),
                kind,
                weak: alias.strength == AliasStrength::Weak,
            });
        }
    }
    names
}

fn flag_for(list: ListKind) -> FlagCode {
    match list {
        ListKind::OfacNorthKorea => FlagCode::DesignatedParty,
        ListKind::OfacOther => FlagCode::SanctionedParty,
        ListKind::CbpEnforcement => FlagCode::EnforcementTarget,
        ListKind::ReportedEmployer => FlagCode::ReportedNkLabor,
    }
}

fn north_korea_linked(entity: &ListedEntity) -> bool {
    entity.list == ListKind::OfacNorthKorea || entity.country_codes.iter().any(|c| c == "KP")
}

pub fn apply(
    kb: &KnowledgeBase,
    watchlist: &PartyWatchlist,
    facts: &LineFacts<'_>,
    out: &mut Vec<Finding>,
) {
    for role in PartyRole::ALL {
        let party = facts.line.party(role);
        let Some(name) = party.name.filter(|n| !is_placeholder(n)) else {
            continue;
        };
        let party_country = facts.party_country(role);
        let hits = watchlist.hits(name);
        let mut best: FxHashMap<u32, Finding> = FxHashMap::default();
        for hit in hits.iter() {
            let entity = &kb.entities[hit.owner as usize];
            let matched_name = &watchlist.matcher.names()[hit.name as usize].name;
            let mut score = hit.score;
            let mut notes: Vec<String> = Vec::new();
            if party_country == Some("KR")
                && north_korea_linked(entity)
                && !entity.country_codes.iter().any(|c| c == "KR")
            {
                score -= SOUTH_KOREA_PENALTY;
                notes.push(format!("Score lowered by {SOUTH_KOREA_PENALTY}: the party is registered in South Korea."));
            }
            let corroborated = corroborates(entity, party_country, party.city, party.address);
            let strength = if hit.weak {
                notes.push(format!(
                    "Exact match to a short OFAC alias ('{matched_name}'), which OFAC lists as a weak alias; {}",
                    if corroborated { "counted as a match because the party's country or city agrees with the listing." } else { "counted as a possible match only." }
                ));
                if corroborated {
                    Strength::Match
                } else {
                    Strength::Possible
                }
            } else {
                Strength::of(score)
            };
            let code = match strength {
                Strength::Match => flag_for(entity.list),
                Strength::Possible => FlagCode::PossibleMatch,
                Strength::NoMatch => continue,
            };
            let mut evidence = entity_evidence(
                role.name_field().as_str(),
                name,
                entity,
                matched_name,
                score.max(0.0),
            );
            if !notes.is_empty() {
                let joined = notes.join(" ");
                evidence.note = Some(match evidence.note.take() {
                    Some(n) => format!("{joined} {n}"),
                    None => joined,
                });
            }
            let finding = Finding::new(code, evidence);
            let keep = best.get(&hit.owner).is_none_or(|b| {
                (finding.severity, finding.evidence.score) > (b.severity, b.evidence.score)
            });
            if keep {
                best.insert(hit.owner, finding);
            }
        }
        let mut found: Vec<Finding> = best.into_values().collect();
        found.sort_by(|a, b| {
            b.evidence
                .score
                .total_cmp(&a.evidence.score)
                .then(a.evidence.indicator_id.cmp(&b.evidence.indicator_id))
        });
        out.extend(found);
    }
}

/// True when the party's country is one the listing names, or its city appears in a listed
/// address.
fn corroborates(
    entity: &ListedEntity,
    party_country: Option<&str>,
    city: Option<&str>,
    address: Option<&str>,
) -> bool {
    if party_country.is_some_and(|c| entity.country_codes.iter().any(|k| k == c)) {
        return true;
    }
    let place = |s: &str| s.to_lowercase();
    let party_places: Vec<String> = [city, address].into_iter().flatten().map(place).collect();
    // OFAC's city field is "city, state, postal code": the city is the part before the comma.
    entity
        .addresses
        .iter()
        .filter_map(|a| a.city.as_deref())
        .any(|listed| {
            let listed = place(listed.split(',').next().unwrap_or_default().trim());
            listed.len() >= 3 && party_places.iter().any(|p| p.contains(&listed))
        })
}
