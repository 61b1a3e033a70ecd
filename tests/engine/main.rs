//! The engine's integration tests, one test binary: everything that exercises the library
//! (knowledge base, matcher, screening rules, result contract, tip drafts) without the HTTP
//! service. One binary links the crate and its dependencies once instead of ten times, which is
//! most of the cost of a cold `cargo test` on a small machine. The HTTP and CLI tests keep their
//! own binaries (`tests/api.rs`, `tests/cli.rs`).

mod ams_tables;
mod boundaries;
#[allow(dead_code)]
mod common;
mod curated_entities;
mod curated_indicators;
mod index_agreement;
mod legal_texts;
mod names_general;
mod names_properties;
mod names_rules;
mod ofac_files;
mod result_contract;
mod screening_rules;
mod search;
mod tip_drafts;
