//! The two production thresholds on a name score, and what they mean. One pair for every list
//! and every data set: they are not tuned per evaluation set.

/// At or above: the names designate the same party as far as the names can tell (a match).
/// Every distinctive word agrees, up to romanization variants and typing slips.
pub const MATCH_THRESHOLD: f32 = 0.88;

/// At or above (and below [`MATCH_THRESHOLD`]): the names may designate the same party and a
/// person should look (a possible match). Below: not the same party.
pub const POSSIBLE_THRESHOLD: f32 = 0.75;

/// How a score reads against the thresholds.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, serde::Serialize, serde::Deserialize,
)]
#[serde(rename_all = "snake_case")]
pub enum Strength {
    NoMatch,
    Possible,
    Match,
}

impl Strength {
    pub fn of(score: f32) -> Strength {
        if score >= MATCH_THRESHOLD {
            Strength::Match
        } else if score >= POSSIBLE_THRESHOLD {
            Strength::Possible
        } else {
            Strength::NoMatch
        }
    }
}
