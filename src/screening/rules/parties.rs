//! Party rules: a supplier or manufacturer name that matches a listed entity. At match strength
//! the entity's list decides the flag — DESIGNATED_PARTY (OFAC, North Korea nexus),
//! SANCTIONED_PARTY (OFAC, other programs), ENFORCEMENT_TARGET (CBP CAATSA detention),
//! REPORTED_NK_LABOR (named by an investigation) — and an entry designated for the exportation of
//! North Korean workers adds LABOR_EXPORTER; a weaker match is POSSIBLE_MATCH.
//!
//! Every match carries its [`Identity`]: what else on the line agrees with the listing. A match
//! that rests on a short or common name alone ([`crate::screening::distinctive`]) is lowered to
//! `high_risk` ("confirm identity first"): a name can say a party may be the listed one, but a
//! prohibition or the presumption needs more than `Li Ning` or `Mokran LLC`.
//!
//! A party registered in South Korea scoring against a North Korea-linked listing loses
//! [`SOUTH_KOREA_PENALTY`] (the two countries' firms share words and syllables, and South Korea
//! is not where North Korean fronts are reported). No penalty applies for other countries:
//! fronts for North Korean entities are registered in the countries that host North Korean
//! workers. OFAC's weak aliases (and spellings from the press) count only as possible matches
//! unless something on the line agrees with the listing.

use rustc_hash::FxHashMap;

use crate::indicators::{AliasStrength, EntityType, KnowledgeBase, ListKind, ListedEntity};
use crate::manifest::PartyRole;
use std::sync::Arc;

use crate::memo::Memo;
use crate::names::{Matcher, NameHit, NameKind, Strength, WatchName, POSSIBLE_THRESHOLD};
use crate::screening::distinctive::NameRarity;
use crate::screening::facts::{is_placeholder, LineFacts};
use crate::screening::flags::FlagCode;
use crate::screening::identity::{self, Identity, IdentityStrength};
use crate::screening::verdict::Verdict;

use super::{entity_evidence, spelling_of, Finding};

/// Score taken off when a South Korea-registered party meets a North Korea-linked listing.
pub const SOUTH_KOREA_PENALTY: f32 = 0.15;
/// How many hits per party name are considered.
const HITS_PER_NAME: usize = 8;

/// The watchlist of party names (people and organisations), built once per knowledge base.
pub struct PartyWatchlist {
    matcher: Matcher,
    rarity: NameRarity,
    cache: Memo<Arc<[NameHit]>>,
}

impl PartyWatchlist {
    pub fn build(entities: &[ListedEntity]) -> PartyWatchlist {
        let kinds = |e: &ListedEntity| match e.entity_type {
            EntityType::Person => Some(NameKind::Person),
            EntityType::Organization => Some(NameKind::Organization),
            EntityType::Vessel | EntityType::Aircraft => None,
        };
        let names = watch_names(entities, kinds);
        PartyWatchlist {
            rarity: NameRarity::build(&names),
            matcher: Matcher::new(names),
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

    pub fn rarity(&self) -> &NameRarity {
        &self.rarity
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

/// The severity a finding of `code` may have given the identity: a legal verdict needs an
/// identity that carries legal weight, else the match is `high_risk` at most.
pub fn capped(code: FlagCode, identity: &Identity) -> Verdict {
    let severity = code.default_severity();
    if severity >= Verdict::Presumption && !identity.carries_legal_weight() {
        Verdict::HighRisk
    } else {
        severity
    }
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
            let watch = &watchlist.matcher.names()[hit.name as usize];
            let mut score = hit.score;
            let mut notes: Vec<String> = Vec::new();
            if party_country == Some("KR")
                && north_korea_linked(entity)
                && !entity.country_codes.iter().any(|c| c == "KR")
            {
                score -= SOUTH_KOREA_PENALTY;
                notes.push(format!(
                    "Score lowered by {SOUTH_KOREA_PENALTY}: the party is registered in South Korea."
                ));
            }
            let corroborated_by = identity::party_corroboration(kb, entity, facts, role);
            let name_strength = if hit.weak {
                if corroborated_by.is_empty() {
                    Strength::Possible
                } else {
                    Strength::Match
                }
            } else {
                Strength::of(score)
            };
            let code = match name_strength {
                Strength::Match => flag_for(entity.list),
                Strength::Possible => FlagCode::PossibleMatch,
                Strength::NoMatch => continue,
            };
            let strength = match (name_strength, corroborated_by.is_empty()) {
                (Strength::Match, false) => IdentityStrength::Strong,
                (Strength::Match, true) => IdentityStrength::NameOnly,
                _ => IdentityStrength::Weak,
            };
            let identity = Identity {
                strength,
                corroborated_by,
                distinctive_name: watchlist.rarity.is_distinctive(&watch.name, watch.kind),
                to_confirm: identity::to_confirm(entity),
            };
            let mut evidence =
                entity_evidence(role.name_field(), name, entity, &watch.name, score.max(0.0));
            evidence.spelling = Some(spelling_of(entity, watch));
            if !notes.is_empty() {
                evidence.prefix_note(&notes.join(" "));
            }
            let severity = capped(code, &identity);
            evidence.identity = Some(identity);
            let finding = Finding::new(code, evidence).with_severity(severity);
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
        for finding in found {
            if let Some(labor) = labor_exporter(kb, &finding) {
                out.push(finding);
                out.push(labor);
            } else {
                out.push(finding);
            }
        }
    }
}

/// LABOR_EXPORTER beside a match to an entry designated for the exportation of North Korean
/// workers (same evidence, with the ground of that designation).
fn labor_exporter(kb: &KnowledgeBase, finding: &Finding) -> Option<Finding> {
    if !matches!(
        finding.code,
        FlagCode::DesignatedParty | FlagCode::SanctionedParty
    ) {
        return None;
    }
    let entity = kb
        .entities
        .iter()
        .find(|e| e.id == finding.evidence.indicator_id)?;
    let basis = entity.labor_export.clone()?;
    let mut evidence = finding.evidence.clone();
    evidence.labor_export = Some(basis);
    let severity = evidence
        .identity
        .as_ref()
        .map_or(Verdict::HighRisk, |i| capped(FlagCode::LaborExporter, i));
    Some(Finding::new(FlagCode::LaborExporter, evidence).with_severity(severity))
}
