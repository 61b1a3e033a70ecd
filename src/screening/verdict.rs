//! [`Verdict`]: how far a line's evidence goes, in the order a line's flags are combined:
//! `presumption` > `high_risk` > `review` > `clear`.

use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Verdict {
    /// No indicator matched.
    Clear,
    /// An indicator a person should look at (a weaker match, a country or sector risk).
    Review,
    /// Credible evidence of North Korean labor or a sanctions match short of the presumption.
    HighRisk,
    /// The CAATSA Sec. 321(b) rebuttable presumption applies on the evidence shown.
    Presumption,
}

impl Verdict {
    pub const ALL: [Verdict; 4] = [
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
    fn verdicts_are_ordered_presumption_high_risk_review_clear() {
        assert!(Verdict::Presumption > Verdict::HighRisk);
        assert!(Verdict::HighRisk > Verdict::Review);
        assert!(Verdict::Review > Verdict::Clear);
        assert_eq!(
            [Verdict::Review, Verdict::Presumption, Verdict::Clear]
                .into_iter()
                .max(),
            Some(Verdict::Presumption)
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
