//! Screening: rules turn a manifest line into flags, flags into a verdict.
//!
//! [`Screener`] reads each line against the knowledge base ([`facts`]), runs the rules
//! ([`rules`]: origin, parties, vessels, places), and assembles flags with their legal basis,
//! rebuttal guidance and evidence ([`assemble`]). Verdicts order `presumption > high_risk >
//! review > clear`; a line's verdict is its highest flag's severity.

pub mod assemble;
pub mod facts;
pub mod flags;
pub mod legal_basis;
pub mod result;
pub mod rules;
pub mod screener;
pub mod stream;
pub mod texts;
pub mod verdict;

pub use flags::{Citation, Evidence, Flag, FlagCode};
pub use result::{LineContext, LineResult, RecognisedSector, ResolvedCountry, Screening, Summary};
pub use screener::Screener;
pub use verdict::Verdict;
