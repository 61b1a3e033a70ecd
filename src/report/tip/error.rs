//! Why a draft cannot be made: an unknown shipment or line (the message lists what exists), a
//! refusal (the lines are clear: there is no reason to believe anything, so no allegation), or
//! a legal text the draft must quote that the knowledge base lacks.
//!
//! A refusal is a value ([`TipRefusal`]) rather than an empty draft, so that no face can print
//! a "draft" without reasons; faces show its message and, over HTTP, map it to a 422.

use serde::{Deserialize, Serialize};

/// Most ids listed in an "unknown shipment" message; a long manifest would otherwise flood it.
pub const MAX_LISTED_IDS: usize = 20;

/// The draft is refused: the selected lines carry no flag.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, thiserror::Error)]
#[error("{message}")]
pub struct TipRefusal {
    /// The shipment asked for (empty for a supplier draft).
    pub shipment_id: String,
    /// The supplier asked for, for a supplier draft.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub supplier: Option<String>,
    /// The line asked for, or `None` when the whole shipment was asked for.
    pub line: Option<u32>,
    pub message: String,
}

#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum TipError {
    #[error("shipment `{shipment_id}` is not in the screening; shipments in it: {}; pass one of them as the shipment id", list(available))]
    UnknownShipment {
        shipment_id: String,
        available: Vec<String>,
    },
    #[error("shipment `{shipment_id}` has no line {line}; its lines: {}; pass one of them as the line, or omit the line to draft for every flagged line", list(available))]
    UnknownLine {
        shipment_id: String,
        line: u32,
        available: Vec<u32>,
    },
    #[error("no supplier or manufacturer in the screening(s) matches `{name}`{}; check the spelling, or pass the name as a manifest writes it", closest_hint(closest))]
    UnknownSupplier {
        name: String,
        /// Party names that come close without matching, best first.
        closest: Vec<String>,
    },
    #[error(transparent)]
    Refused(#[from] TipRefusal),
    #[error(
        "legal text `{id}` {problem}; restore it in data/legal/texts.json (a draft quotes it)"
    )]
    LegalText { id: String, problem: String },
}

fn closest_hint(closest: &[String]) -> String {
    if closest.is_empty() {
        String::new()
    } else {
        format!(" (close but not matching: {})", list(closest))
    }
}

/// `a, b, c` — at most [`MAX_LISTED_IDS`] items, then how many more.
fn list<T: std::fmt::Display>(items: &[T]) -> String {
    if items.is_empty() {
        return "none".to_owned();
    }
    let shown: Vec<String> = items
        .iter()
        .take(MAX_LISTED_IDS)
        .map(ToString::to_string)
        .collect();
    let more = items.len().saturating_sub(MAX_LISTED_IDS);
    if more == 0 {
        shown.join(", ")
    } else {
        format!("{} and {more} more", shown.join(", "))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_unknown_shipment_message_lists_the_shipments_and_the_fix() {
        let err = TipError::UnknownShipment {
            shipment_id: "X1".into(),
            available: vec!["A".into(), "B".into()],
        };
        let text = err.to_string();
        assert!(text.contains("`X1`") && text.contains("A, B"), "{text}");
    }

    #[test]
    fn a_long_list_of_ids_is_cut_with_a_count() {
        let available: Vec<u32> = (1..=25).collect();
        let err = TipError::UnknownLine {
            shipment_id: "S".into(),
            line: 99,
            available,
        };
        assert!(err.to_string().contains("and 5 more"), "{err}");
    }
}
