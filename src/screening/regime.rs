//! [`Regime`]: the legal question a flag answers. A flag names its regime(s) so that each
//! regime's legal basis and guidance can be given apart: an OFAC prohibition is cured only by an
//! OFAC license, the forced-labor presumption only by clear and convincing evidence to CBP, and a
//! risk indicator is not a legal conclusion at all. `KP_ORIGIN` is the one flag under two
//! regimes: goods from North Korea are barred by E.O. 13570 and presumed forced-labor goods.

use serde::{Deserialize, Serialize};

#[derive(
    Debug,
    Clone,
    Copy,
    PartialEq,
    Eq,
    Hash,
    PartialOrd,
    Ord,
    Serialize,
    Deserialize,
    utoipa::ToSchema,
)]
#[serde(rename_all = "snake_case")]
pub enum Regime {
    /// OFAC sanctions: blocking of SDN property, the E.O. 13570 import ban (31 C.F.R. Parts 501
    /// and 510).
    OfacSanctions,
    /// The 22 U.S.C. 9241a presumption that goods made with North Korean labor are forced-labor
    /// goods barred by 19 U.S.C. 1307.
    ForcedLabor,
    /// Evidence short of either: a reported employer, a region, a sector, a weak name match.
    RiskIndicator,
}

impl Regime {
    pub const ALL: [Regime; 3] = [
        Regime::OfacSanctions,
        Regime::ForcedLabor,
        Regime::RiskIndicator,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Regime::OfacSanctions => "ofac_sanctions",
            Regime::ForcedLabor => "forced_labor",
            Regime::RiskIndicator => "risk_indicator",
        }
    }

    /// The regime in words, for headings.
    pub fn label(self) -> &'static str {
        match self {
            Regime::OfacSanctions => "OFAC sanctions (prohibition)",
            Regime::ForcedLabor => "Forced-labor presumption (22 U.S.C. 9241a)",
            Regime::RiskIndicator => "Risk indicator (not a legal finding)",
        }
    }
}

impl std::fmt::Display for Regime {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}
