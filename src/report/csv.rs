//! The CSV rendering: one row per input line (screened lines and row errors, in input order),
//! with the verdict, the legal regimes of its flags, the flag codes, the best party match with
//! its identity strength and source, and the legal basis.
//! Every cell passes through [`super::spreadsheet::neutralize`].

use std::io::Write;

use crate::manifest::RowError;
use crate::screening::{LineResult, Regime, Screening};

use super::spreadsheet::neutralize;

/// The CSV header, in column order.
pub const HEADER: [&str; 17] = [
    "shipment_id",
    "line",
    "source_line",
    "supplier_name",
    "manufacturer_name",
    "verdict",
    "regimes",
    "flags",
    "summary",
    "best_match",
    "best_match_score",
    "best_match_identity",
    "best_match_source",
    "legal_basis",
    "explanation",
    "input_warnings",
    "indicators_version",
];

/// Writes the header row.
pub fn write_header<W: Write>(out: &mut csv::Writer<W>) -> csv::Result<()> {
    out.write_record(HEADER)
}

/// Writes one row for a screened line.
pub fn write_line<W: Write>(
    out: &mut csv::Writer<W>,
    result: &LineResult,
    indicators_version: &str,
) -> csv::Result<()> {
    let codes: Vec<&str> = result.flags.iter().map(|f| f.code.as_str()).collect();
    let mut regimes: Vec<Regime> = result
        .flags
        .iter()
        .flat_map(|f| f.regimes.iter().copied())
        .collect();
    regimes.sort_unstable();
    regimes.dedup();
    let regimes: Vec<&str> = regimes.iter().map(|r| r.as_str()).collect();
    let summaries: Vec<&str> = result.flags.iter().map(|f| f.summary.as_str()).collect();
    let best = result
        .flags
        .iter()
        .flat_map(|f| &f.evidence)
        .filter(|e| e.kind.is_entity())
        .max_by(|a, b| a.score.total_cmp(&b.score));
    let mut citations: Vec<&str> = result
        .flags
        .iter()
        .flat_map(|f| f.law.iter())
        .flat_map(|l| l.legal_basis.iter().map(|c| c.citation.as_str()))
        .collect();
    citations.sort_unstable();
    citations.dedup();
    let row = [
        result.shipment_id.clone(),
        result.line.to_string(),
        result
            .input
            .source_line
            .map(|l| l.to_string())
            .unwrap_or_default(),
        result.input.supplier_name.clone().unwrap_or_default(),
        result.input.manufacturer_name.clone().unwrap_or_default(),
        result.verdict.as_str().to_string(),
        regimes.join(";"),
        codes.join(";"),
        summaries.join(" | "),
        best.map(|e| e.matched.clone()).unwrap_or_default(),
        best.map(|e| format!("{:.3}", e.score)).unwrap_or_default(),
        best.and_then(|e| e.identity.as_ref())
            .map(|i| i.strength.as_str().to_owned())
            .unwrap_or_default(),
        best.map(|e| e.source.url.clone()).unwrap_or_default(),
        citations.join("; "),
        result.explanation.clone(),
        result.input_warnings.join(" | "),
        indicators_version.to_string(),
    ];
    out.write_record(row.iter().map(|c| neutralize(c).into_owned()))
}

/// Writes one row for an input row that could not be screened.
pub fn write_error<W: Write>(
    out: &mut csv::Writer<W>,
    error: &RowError,
    indicators_version: &str,
) -> csv::Result<()> {
    let row = [
        error.shipment_id.clone().unwrap_or_default(),
        error
            .manifest_line
            .map(|l| l.to_string())
            .unwrap_or_default(),
        error.line.map(|l| l.to_string()).unwrap_or_default(),
        String::new(),
        String::new(),
        "error".to_string(),
        String::new(),
        String::new(),
        String::new(),
        String::new(),
        String::new(),
        String::new(),
        String::new(),
        String::new(),
        error.to_string(),
        String::new(),
        indicators_version.to_string(),
    ];
    out.write_record(row.iter().map(|c| neutralize(c).into_owned()))
}

/// Renders a whole screening: results and row errors merged in input order.
pub fn write<W: Write>(screening: &Screening, out: W) -> csv::Result<()> {
    let mut writer = csv::Writer::from_writer(out);
    write_header(&mut writer)?;
    let version = &screening.indicators_version;
    let mut errors = screening.errors.iter().peekable();
    for result in &screening.results {
        let at = result.input.source_line.unwrap_or(u64::MAX);
        while let Some(e) = errors.next_if(|e| e.line.is_some_and(|l| l < at)) {
            write_error(&mut writer, e, version)?;
        }
        write_line(&mut writer, result, version)?;
    }
    for e in errors {
        write_error(&mut writer, e, version)?;
    }
    writer.flush()?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::manifest::ManifestLine;
    use crate::screening::{LineContext, Verdict};

    #[test]
    fn line_rows_and_error_rows_have_as_many_cells_as_the_header() {
        let result = LineResult {
            shipment_id: "S".into(),
            line: 1,
            verdict: Verdict::Clear,
            flags: Vec::new(),
            explanation: "x".into(),
            context: LineContext::default(),
            input: ManifestLine::default(),
            input_warnings: vec!["w".into()],
        };
        let mut out = csv::Writer::from_writer(Vec::new());
        write_header(&mut out).unwrap();
        write_line(&mut out, &result, "v").unwrap();
        write_error(&mut out, &RowError::new(Some(3), Some("line"), "bad"), "v").unwrap();
        let bytes = out.into_inner().unwrap();
        let mut reader = csv::ReaderBuilder::new()
            .has_headers(false)
            .from_reader(&bytes[..]);
        for record in reader.records() {
            assert_eq!(record.unwrap().len(), HEADER.len());
        }
    }
}
