//! [`Verdict`]: how far a line's evidence goes, in the order a line's flags are combined:
//! `prohibited` > `presumption` > `high_risk` > `review` > `clear`.
//!
//! The two top levels belong to two legal regimes and are never merged: `prohibited` is an OFAC
//! prohibition (an SDN party or vessel, goods from North Korea), cured only by an OFAC license;
//! `presumption` is the 22 U.S.C. 9241a forced-labor presumption, which an importer may rebut
//! before CBP. A prohibition ranks first because no CBP finding can lift it.

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
pub enum Verdict {
    /// No indicator matched.
    Clear,
    /// An indicator a person should look at (a weaker match, a country or sector risk).
    Review,
    /// Credible evidence of North Korean labor or a sanctions match short of the presumption.
    HighRisk,
    /// The CAATSA Sec. 321(b) rebuttable presumption applies if the facts are as matched.
    Presumption,
    /// An OFAC prohibition applies if the facts are as matched (only an OFAC license cures it).
    Prohibited,
}

impl Verdict {
    pub const ALL: [Verdict; 5] = [
        Verdict::Prohibited,
        Verdict::Presumption,
        Verdict::HighRisk,
        Verdict::Review,
        Verdict::Clear,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Verdict::Clear => "clear",
            Verdict::Review => "review",
            Verdict::HighRisk => "high_risk",
            Verdict::Presumption => "presumption",
            Verdict::Prohibited => "prohibited",
        }
    }

    pub fn parse(text: &str) -> Option<Verdict> {
        Verdict::ALL.into_iter().find(|v| v.as_str() == text.trim())
    }
}

impl std::fmt::Display for Verdict {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn verdicts_are_ordered_prohibited_presumption_high_risk_review_clear() {
        assert!(Verdict::Prohibited > Verdict::Presumption);
        assert!(Verdict::Presumption > Verdict::HighRisk);
        assert!(Verdict::HighRisk > Verdict::Review);
        assert!(Verdict::Review > Verdict::Clear);
        assert_eq!(
            [Verdict::Review, Verdict::Prohibited, Verdict::Presumption]
                .into_iter()
                .max(),
            Some(Verdict::Prohibited)
        );
    }

    #[test]
    fn verdicts_round_trip_through_their_names() {
        for v in Verdict::ALL {
            assert_eq!(Verdict::parse(v.as_str()), Some(v));
        }
        assert_eq!(Verdict::parse("guilty"), None);
    }
}
