//! Reading one curated CSV table into rows that know their file and line. The header must
//! name exactly the expected columns (in any order): a missing or extra column is an error,
//! not a default, because a column silently ignored is a fact silently dropped. Rows are
//! exposed by column index (the position in the table's column list), which keeps the error
//! for a bad field one call away: [`Row::invalid`].

use crate::indicators::model::{Source, Tier};

use super::error::CuratedError;
use super::vocab;

/// One data row of a curated table, its fields in the order of the table's column list.
#[derive(Debug)]
pub struct Row {
    file: &'static str,
    columns: &'static [&'static str],
    line: u64,
    fields: Vec<String>,
}

impl Row {
    /// The field, trimmed of surrounding whitespace ("" when empty).
    pub fn field(&self, column: usize) -> &str {
        self.fields.get(column).map_or("", |f| f.trim())
    }

    /// The field, or an error naming the column when it is empty.
    pub fn required(&self, column: usize, fix: &str) -> Result<&str, CuratedError> {
        let value = self.field(column);
        if value.is_empty() {
            return Err(self.invalid(column, "value is empty", fix));
        }
        Ok(value)
    }

    /// An error for this row's `column`.
    pub fn invalid(&self, column: usize, problem: impl Into<String>, fix: &str) -> CuratedError {
        CuratedError::Field {
            file: self.file,
            line: self.line,
            column: self.columns.get(column).copied().unwrap_or("?"),
            problem: problem.into(),
            fix: fix.to_owned(),
        }
    }

    /// The evidence tier in `column`.
    pub fn tier(&self, column: usize) -> Result<Tier, CuratedError> {
        let fix = format!("use one of: {}", vocab::tier_names());
        let text = self.required(column, &fix)?;
        vocab::parse_tier(text)
            .ok_or_else(|| self.invalid(column, format!("unknown tier `{text}`"), &fix))
    }

    /// The ISO 3166-1 alpha-2 code in `column`, `None` when the field is empty.
    pub fn country(&self, column: usize) -> Result<Option<&str>, CuratedError> {
        let code = self.field(column);
        if code.is_empty() {
            return Ok(None);
        }
        if !vocab::is_alpha2(code) {
            return Err(self.invalid(
                column,
                format!("`{code}` is not an ISO 3166-1 alpha-2 code"),
                "write two capital letters (e.g. `CN`)",
            ));
        }
        Ok(Some(code))
    }

    pub fn line(&self) -> u64 {
        self.line
    }

    /// The `source_title`, `source_date`, `source_url` triple at the given columns: all three
    /// are required, and the URL must be an absolute http(s) address.
    pub fn source(&self, title: usize, date: usize, url: usize) -> Result<Source, CuratedError> {
        const FIX: &str = "every row must carry the title, date and URL of its source exactly as the source list gives them";
        let source = Source {
            title: self.required(title, FIX)?.to_owned(),
            date: self.required(date, FIX)?.to_owned(),
            url: self.required(url, FIX)?.to_owned(),
        };
        if !(source.url.starts_with("https://") || source.url.starts_with("http://")) {
            return Err(self.invalid(
                url,
                format!("`{}` is not an http(s) URL", source.url),
                "write the absolute address of the source page",
            ));
        }
        Ok(source)
    }
}

/// Parses `bytes` as a CSV table with exactly `columns` as its header.
pub fn read_table(
    file: &'static str,
    bytes: &[u8],
    columns: &'static [&'static str],
) -> Result<Vec<Row>, CuratedError> {
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(true)
        .from_reader(bytes);
    let csv_error = |source: csv::Error| CuratedError::Csv {
        file,
        line: source.position().map(csv::Position::line),
        source,
    };
    let header = reader.headers().map_err(csv_error)?.clone();
    let order = column_order(file, &header, columns)?;

    let mut rows = Vec::new();
    for record in reader.records() {
        let record = record.map_err(csv_error)?;
        let line = record.position().map_or(0, csv::Position::line);
        let fields = order
            .iter()
            .map(|&at| record.get(at).unwrap_or("").to_owned())
            .collect();
        rows.push(Row {
            file,
            columns,
            line,
            fields,
        });
    }
    Ok(rows)
}

/// For each expected column, its position in the header.
fn column_order(
    file: &'static str,
    header: &csv::StringRecord,
    columns: &'static [&'static str],
) -> Result<Vec<usize>, CuratedError> {
    let header_error = |problem: String| CuratedError::Header {
        file,
        problem,
        expected: columns.join(","),
    };
    if let Some(unknown) = header.iter().find(|name| !columns.contains(&name.trim())) {
        return Err(header_error(format!("unknown column `{unknown}`")));
    }
    columns
        .iter()
        .map(|&column| {
            let mut at = header
                .iter()
                .enumerate()
                .filter(|(_, name)| name.trim() == column)
                .map(|(at, _)| at);
            match (at.next(), at.next()) {
                (Some(at), None) => Ok(at),
                (None, _) => Err(header_error(format!("column `{column}` is missing"))),
                (Some(_), Some(_)) => Err(header_error(format!("column `{column}` appears twice"))),
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    const COLUMNS: &[&str] = &["a", "b"];

    #[test]
    fn columns_may_come_in_any_order() {
        let rows = read_table("t.csv", b"b,a\n2,1\n", COLUMNS).expect("valid table");
        assert_eq!(rows[0].field(0), "1");
        assert_eq!(rows[0].field(1), "2");
        assert_eq!(rows[0].line(), 2);
    }

    #[test]
    fn a_missing_column_is_a_header_error() {
        let err = read_table("t.csv", b"a\n1\n", COLUMNS).expect_err("error");
        assert!(err.to_string().contains("column `b` is missing"), "{err}");
    }

    #[test]
    fn an_unknown_column_is_a_header_error() {
        let err = read_table("t.csv", b"a,b,c\n1,2,3\n", COLUMNS).expect_err("error");
        assert!(err.to_string().contains("unknown column `c`"), "{err}");
    }

    #[test]
    fn a_row_with_too_many_fields_names_its_line() {
        let err = read_table("t.csv", b"a,b\n1,2\n1,2,3\n", COLUMNS).expect_err("error");
        match err {
            CuratedError::Csv { file, line, .. } => {
                assert_eq!(file, "t.csv");
                assert_eq!(line, Some(3));
            }
            other => panic!("unexpected error {other}"),
        }
    }

    #[test]
    fn a_source_url_must_be_absolute() {
        let rows =
            read_table("t.csv", b"a,b\nTitle,www.example.org\n", &["a", "b"]).expect("valid table");
        // Date and title share column 0 here; only the URL shape is under test.
        let err = rows[0].source(0, 0, 1).expect_err("error");
        assert!(err.to_string().contains("not an http(s) URL"), "{err}");
    }
}
