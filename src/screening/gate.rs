//! The fail-on gate: does a screening stop the goods? Shared by `screen --fail-on` (exit status
//! 3) and the API's `fail_on` parameter (the `caatsa-gate` response headers), so that both trip
//! on exactly the same things.
//!
//! A gate trips when a line reaches its level, and also when any row could not be read: an
//! unread row was not screened, so it may hide a designated party. A caller who knows its export
//! has rows to skip says so (`allow_row_errors`); the rows are still listed in `errors`.

use serde::Deserialize;

use super::result::Summary;
use super::verdict::Verdict;

/// The lowest verdict that fails the gate.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, utoipa::ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum FailOn {
    Prohibited,
    Presumption,
    HighRisk,
    Review,
}

impl FailOn {
    pub fn verdict(self) -> Verdict {
        match self {
            FailOn::Prohibited => Verdict::Prohibited,
            FailOn::Presumption => Verdict::Presumption,
            FailOn::HighRisk => Verdict::HighRisk,
            FailOn::Review => Verdict::Review,
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Gate {
    pub fail_on: FailOn,
    /// Rows that could not be read do not fail the gate.
    pub allow_row_errors: bool,
}

impl Gate {
    /// Why the screening summarised by `summary` fails the gate; empty when it passes.
    /// `allow_hint` is how the caller's face spells the way to accept unread rows.
    pub fn reasons(&self, summary: &Summary, allow_hint: &str) -> Vec<String> {
        let mut reasons = Vec::new();
        let level = self.fail_on.verdict();
        let reached = summary.at_least(level);
        if reached > 0 {
            reasons.push(format!("{reached} line(s) at {} or above", level.as_str()));
        }
        if summary.errors > 0 && !self.allow_row_errors {
            reasons.push(format!(
                "{} row(s) could not be read and were not screened ({allow_hint} to accept that)",
                summary.errors
            ));
        }
        reasons
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const HINT: &str = "--allow-row-errors";

    fn summary(review: usize, clear: usize, errors: usize) -> Summary {
        Summary {
            review,
            clear,
            errors,
            ..Summary::default()
        }
    }

    #[test]
    fn a_line_at_or_above_the_level_trips_the_gate() {
        let gate = Gate {
            fail_on: FailOn::Review,
            allow_row_errors: false,
        };
        assert!(gate.reasons(&summary(0, 3, 0), HINT).is_empty());
        assert_eq!(
            gate.reasons(&summary(2, 1, 0), HINT),
            ["2 line(s) at review or above"]
        );
        let stricter = Gate {
            fail_on: FailOn::Prohibited,
            ..gate
        };
        assert!(stricter.reasons(&summary(2, 1, 0), HINT).is_empty());
    }

    #[test]
    fn unread_rows_trip_the_gate_unless_allowed() {
        let gate = Gate {
            fail_on: FailOn::Prohibited,
            allow_row_errors: false,
        };
        let reasons = gate.reasons(&summary(0, 1, 1), HINT);
        assert_eq!(reasons.len(), 1);
        assert!(reasons[0].starts_with("1 row(s) could not be read"));
        assert!(reasons[0].contains("(--allow-row-errors to accept that)"));
        let lenient = Gate {
            allow_row_errors: true,
            ..gate
        };
        assert!(lenient.reasons(&summary(0, 1, 1), HINT).is_empty());
    }
}
