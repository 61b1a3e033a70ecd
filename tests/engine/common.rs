//! Helpers shared by the integration tests: paths into the crate's `data/` and the shipped
//! curated knowledge base.

use std::path::PathBuf;

use caatsa_screen::indicators::curated::{builtin, Curated};
use caatsa_screen::indicators::ListedEntity;

pub fn read(path: &str) -> Vec<u8> {
    let full = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("data")
        .join(path);
    std::fs::read(&full).unwrap_or_else(|e| panic!("cannot read data/{path}: {e}"))
}

pub fn curated() -> Curated {
    builtin().unwrap_or_else(|e| panic!("shipped curated tables do not load: {e}"))
}

pub fn entity_named<'a>(curated: &'a Curated, name: &str) -> &'a ListedEntity {
    curated
        .entities
        .iter()
        .find(|e| e.name == name)
        .unwrap_or_else(|| panic!("no curated entity named {name}"))
}
