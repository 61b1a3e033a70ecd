//! The knowledge base: every indicator the screening rules rely on, each with its source.
//!
//! It holds OFAC SDN entries (parsed from OFAC's official legacy CSV files), curated
//! indicators (CBP CAATSA enforcement targets, employers named by investigations, regions,
//! host countries, sector and country risks), and the reference tables the rules need
//! (ISO 3166 countries, Schedule K ports, HS/HTS sectors, legal texts). Loading is the only
//! I/O; everything after is read-only and shared between threads.

pub mod curated;
pub mod legal;
pub mod ofac;
pub mod model;

pub use model::*;
