//! Screening: rules turn a manifest line into flags, flags into a verdict.
//!
//! [`Screener`] reads each line against the knowledge base ([`facts`]), runs the rules
//! ([`rules`]: origin and places, parties, vessels, regions), and assembles flags with their
//! regimes, law, identity and evidence ([`assemble`]). Verdicts order `prohibited > presumption
//! > high_risk > review > clear`; a line's verdict is its highest flag's severity. The two legal
//! regimes stay apart ([`regime`]): an OFAC prohibition (`prohibited`) and the 22 U.S.C. 9241a
//! forced-labor presumption (`presumption`).

pub mod age;
pub mod assemble;
pub mod cited;
pub mod distinctive;
pub mod evidence;
pub mod facts;
pub mod flags;
pub mod freshness;
pub mod gate;
pub mod guidance;
pub mod identity;
pub mod legal_basis;
pub mod place_names;
pub mod prior;
pub mod regime;
pub mod result;
pub mod rules;
pub mod screener;
pub mod search;
pub mod sentences;
pub mod stream;
pub mod tables;
pub mod texts;
pub mod verdict;

pub use cited::SourceRef;
pub use evidence::{Evidence, EvidenceKind, MatchedSpelling, SpellingKind};
pub use flags::{Citation, Flag, FlagCode, OfficialPublication, QuotedText, RegimeLaw};
pub use identity::{Identity, IdentityStrength};
pub use regime::Regime;
pub use result::{
    LineContext, LineResult, RecognisedSector, ResolvedCountry, Screening, ScreeningHeader,
    Summary, Warning, WarningCode,
};
pub use screener::{Screener, ScreeningOptions};
pub use verdict::Verdict;
