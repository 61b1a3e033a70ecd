//! The JSON rendering of a screening: the serde form of [`crate::screening::Screening`], pretty
//! or compact. Scores are rounded to three decimals on the way in (see the screening rules), so
//! the JSON is stable across platforms.

use crate::screening::Screening;

/// Pretty JSON, for files and terminals.
pub fn to_pretty(screening: &Screening) -> String {
    serde_json::to_string_pretty(screening).unwrap_or_else(|e| format!("{{\"error\":\"{e}\"}}"))
}

/// Writes compact JSON to `out`.
pub fn write<W: std::io::Write>(screening: &Screening, out: W) -> serde_json::Result<()> {
    serde_json::to_writer(out, screening)
}
