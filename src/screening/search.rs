//! Analyst search over the party watchlist: one implementation for the CLI (`names search`) and
//! the API (`GET /v1/indicators/search`), so both list the same entities in the same order.
//!
//! The matcher returns hits per listed *name* (an entity's listed name and each of its aliases);
//! an analyst looks for parties, so hits are grouped by entity, each entity kept once with its
//! best-scoring name (the matcher ranks best first, so the first hit of an entity is its best).
//! More hits than asked for are fetched before grouping, because several may belong to one
//! entity.

use crate::names::NameKind;

use super::rules::parties::PartyWatchlist;

/// Hits fetched from the matcher per hit asked for, before grouping by entity ...
const FETCH_PER_HIT: usize = 4;
/// ... and at least this many, so that a kind filter (people only) still finds its hits.
const MIN_FETCH: usize = 400;

/// One entity found by a search, with the name that matched best.
#[derive(Debug, Clone, PartialEq)]
pub struct EntityHit {
    /// Index of the entity in the knowledge base's `entities`.
    pub entity: usize,
    /// The listed name or alias that matched.
    pub matched_name: String,
    /// Name similarity in [0, 1].
    pub score: f32,
    /// The match is an exact match to an OFAC weak alias.
    pub weak_alias: bool,
}

/// The entities whose names score at least `min_score` against `query`, best first, each once,
/// at most `limit`, optionally only people or only organizations.
pub fn search_entities(
    watchlist: &PartyWatchlist,
    query: &str,
    kind: Option<NameKind>,
    min_score: f32,
    limit: usize,
) -> Vec<EntityHit> {
    let matcher = watchlist.matcher();
    let fetch = limit.saturating_mul(FETCH_PER_HIT).max(MIN_FETCH);
    let mut seen = std::collections::HashSet::new();
    let mut out = Vec::new();
    for hit in matcher.search(query, min_score, fetch) {
        let listed = &matcher.names()[hit.name as usize];
        if kind.is_some_and(|k| listed.kind != k) || !seen.insert(hit.owner) {
            continue;
        }
        out.push(EntityHit {
            entity: hit.owner as usize,
            matched_name: listed.name.clone(),
            score: hit.score,
            weak_alias: hit.weak,
        });
        if out.len() == limit {
            break;
        }
    }
    out
}
