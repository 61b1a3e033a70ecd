//! The knowledge base: every indicator the screening rules rely on, each with its source.
//!
//! It holds OFAC SDN entries (parsed from OFAC's official legacy CSV files), curated
//! indicators (CBP CAATSA enforcement targets, employers named by investigations, regions,
//! host countries, sector and country risks), and the reference tables the rules need
//! (ISO 3166 countries, Schedule K ports, HS/HTS sectors, legal texts). Loading is the only
//! I/O; everything after is read-only and shared between threads.

pub mod countries;
pub mod curated;
pub mod hs_code;
pub mod hts;
pub mod kb;
pub mod labor_export;
pub mod legal;
pub mod model;
mod name_key;
pub mod ofac;
pub mod places;
pub mod ports;
mod ref_csv;
mod ref_error;
pub mod sector;
pub mod sectors;
pub mod summary;
#[cfg(test)]
mod test_tables;

pub use countries::{CountryResolution, CountrySources, CountryTable};
pub use hs_code::{find_hs_in_text, normalize_hs, HsCode};
pub use hts::{DescriptionSource, HtsDescription, HtsTable};
pub use kb::{KbError, KbVersion, KnowledgeBase, SourceUse};
pub use model::*;
pub use ports::{Port, PortTable};
pub use ref_error::RefError;
pub use sector::Sector;
pub use sectors::{SectorBasis, SectorMatch, SectorTable};
pub use summary::KbSummary;
