//! Analyst search (`screening::search`), the one implementation behind `names search` and
//! `GET /v1/indicators/search`: each entity once, best first, filtered by kind when asked.

use std::sync::Arc;

use caatsa_screen::indicators::{EntityType, KnowledgeBase};
use caatsa_screen::names::NameKind;
use caatsa_screen::screening::search::search_entities;
use caatsa_screen::screening::Screener;

#[test]
fn each_entity_is_listed_once_best_first() {
    let screener = Screener::new(Arc::new(KnowledgeBase::builtin().expect("builtin")));
    // Several entities, some matched through an alias (KOREA DAESONG GENERAL TRADING CORPORATION
    // through KOREA DAESONG TRADING COMPANY).
    let hits = search_entities(screener.parties(), "Korea Trading", None, 0.5, 20);
    assert!(hits.len() > 1, "{hits:?}");
    let mut ids: Vec<usize> = hits.iter().map(|h| h.entity).collect();
    ids.sort_unstable();
    ids.dedup();
    assert_eq!(ids.len(), hits.len(), "an entity appears twice: {hits:?}");
    assert!(hits.windows(2).all(|w| w[0].score >= w[1].score));
    let best = search_entities(screener.parties(), "Korea Ryonbong", None, 0.5, 5);
    let first = &screener.kb().entities[best[0].entity];
    assert!(first.name.contains("RYONBONG"), "{}", first.name);

    let people = search_entities(
        screener.parties(),
        "Kim Jong",
        Some(NameKind::Person),
        0.5,
        10,
    );
    assert!(!people.is_empty());
    for hit in people {
        let entity = &screener.kb().entities[hit.entity];
        assert_eq!(entity.entity_type, EntityType::Person, "{}", entity.name);
    }
}
