//! Vessel rules: the line's vessel against SDN vessels. IMO numbers match exactly (a vessel name
//! that is a seven-digit number is read as an IMO number, an AMS quirk); names go through the name
//! matcher. A North Korea-linked vessel raises DPRK_VESSEL, another SDN vessel SANCTIONED_PARTY, a
//! weaker name match POSSIBLE_MATCH.

use rustc_hash::FxHashMap;

use std::sync::Arc;

use crate::indicators::{EntityType, KnowledgeBase, ListKind, ListedEntity};
use crate::manifest::Field;
use crate::memo::Memo;
use crate::names::NameHit;
use crate::names::{Matcher, NameKind, Strength, POSSIBLE_THRESHOLD};
use crate::screening::distinctive::NameRarity;
use crate::screening::facts::LineFacts;
use crate::screening::flags::FlagCode;
use crate::screening::identity::{self, Attribute, Corroboration, Identity, IdentityStrength};

use super::parties::{capped, watch_names};
use super::{entity_evidence, spelling_of, Finding};

/// How many hits per vessel name are considered.
const HITS_PER_NAME: usize = 4;

/// SDN vessels by IMO number and by name, built once per knowledge base.
pub struct VesselWatchlist {
    matcher: Matcher,
    rarity: NameRarity,
    by_imo: FxHashMap<String, Vec<usize>>,
    cache: Memo<Arc<[NameHit]>>,
}

impl VesselWatchlist {
    pub fn build(entities: &[ListedEntity]) -> VesselWatchlist {
        let mut by_imo: FxHashMap<String, Vec<usize>> = FxHashMap::default();
        for (i, e) in entities.iter().enumerate() {
            if let Some(imo) = e.vessel.as_ref().and_then(|v| v.imo.clone()) {
                by_imo.entry(imo).or_default().push(i);
            }
        }
        let kind =
            |e: &ListedEntity| (e.entity_type == EntityType::Vessel).then_some(NameKind::Vessel);
        let names = watch_names(entities, kind);
        VesselWatchlist {
            rarity: NameRarity::build(&names),
            matcher: Matcher::new(names),
            by_imo,
            cache: Memo::default(),
        }
    }
}

/// The seven digits of an IMO number written as `9218674`, `IMO 9218674` or `IMO9218674`.
pub fn imo_digits(text: &str) -> Option<String> {
    let trimmed = text.trim();
    let rest = trimmed
        .strip_prefix("IMO")
        .or_else(|| trimmed.strip_prefix("imo"))
        .unwrap_or(trimmed)
        .trim_start_matches([' ', ':', '.', '#']);
    let digits: String = rest.chars().filter(|c| !c.is_whitespace()).collect();
    (digits.len() == 7 && digits.chars().all(|c| c.is_ascii_digit())).then_some(digits)
}

fn flag_for(entity: &ListedEntity) -> FlagCode {
    if entity.list == ListKind::OfacNorthKorea {
        FlagCode::DprkVessel
    } else {
        FlagCode::SanctionedParty
    }
}

pub fn apply(
    kb: &KnowledgeBase,
    vessels: &VesselWatchlist,
    facts: &LineFacts<'_>,
    out: &mut Vec<Finding>,
) {
    let line = facts.line;
    let imo_inputs = [
        (Field::VesselImo, line.vessel_imo.as_deref()),
        (Field::VesselName, line.vessel_name.as_deref()),
    ];
    let mut matched: Vec<usize> = Vec::new();
    for (field, value) in imo_inputs {
        let Some(value) = value else { continue };
        let Some(imo) = imo_digits(value) else {
            continue;
        };
        for &i in vessels.by_imo.get(&imo).into_iter().flatten() {
            if matched.contains(&i) {
                continue;
            }
            matched.push(i);
            let entity = &kb.entities[i];
            let mut evidence = entity_evidence(
                field,
                value,
                entity,
                &format!("{} (IMO {imo})", entity.name),
                1.0,
            );
            evidence.prefix_note(&format!("IMO number {imo} is listed for this vessel."));
            evidence.identity = Some(Identity {
                strength: IdentityStrength::Strong,
                corroborated_by: vec![Corroboration {
                    attribute: Attribute::Imo,
                    detail: format!("IMO number {imo} is the listed vessel's"),
                }],
                distinctive_name: true,
                to_confirm: identity::to_confirm(entity),
            });
            out.push(Finding::new(flag_for(entity), evidence));
        }
    }
    let Some(name) = line
        .vessel_name
        .as_deref()
        .filter(|n| imo_digits(n).is_none())
    else {
        return;
    };
    let hits = vessels.cache.get_or(name, || {
        vessels
            .matcher
            .search(name, POSSIBLE_THRESHOLD, HITS_PER_NAME)
            .into()
    });
    for hit in hits.iter() {
        let i = hit.owner as usize;
        if matched.contains(&i) {
            continue;
        }
        matched.push(i);
        let entity = &kb.entities[i];
        let strength = Strength::of(hit.score);
        let code = match strength {
            Strength::Match => flag_for(entity),
            Strength::Possible => FlagCode::PossibleMatch,
            Strength::NoMatch => continue,
        };
        let watch = &vessels.matcher.names()[hit.name as usize];
        let identity = Identity {
            strength: if strength == Strength::Match {
                IdentityStrength::NameOnly
            } else {
                IdentityStrength::Weak
            },
            corroborated_by: Vec::new(),
            distinctive_name: vessels.rarity.is_distinctive(&watch.name, watch.kind),
            to_confirm: identity::to_confirm(entity),
        };
        let severity = capped(code, &identity);
        let mut evidence = entity_evidence(Field::VesselName, name, entity, &watch.name, hit.score);
        evidence.spelling = Some(spelling_of(entity, watch));
        evidence.identity = Some(identity);
        out.push(Finding::new(code, evidence).with_severity(severity));
    }
}

#[cfg(test)]
mod tests {
    use super::imo_digits;

    #[test]
    fn imo_numbers_are_read_in_their_common_spellings() {
        assert_eq!(imo_digits("9218674").as_deref(), Some("9218674"));
        assert_eq!(imo_digits("IMO 9218674").as_deref(), Some("9218674"));
        assert_eq!(imo_digits("imo:9218674").as_deref(), Some("9218674"));
        assert_eq!(imo_digits("CHONG CHON GANG"), None);
        assert_eq!(imo_digits("921867"), None);
    }
}
