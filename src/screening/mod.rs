//! Screening: rules turn a manifest line into flags, flags into a verdict.

pub mod flags;
pub mod result;
pub mod texts;
pub mod verdict;

pub use flags::{Citation, Evidence, Flag, FlagCode};
pub use result::{LineContext, LineResult, RecognisedSector, ResolvedCountry, Screening, Summary};
pub use verdict::Verdict;
