//! The AMS tables of a folder: which file is which table, and each table read into rows of
//! named cells.
//!
//! A file is recognised by its columns, not its name: the public release calls them
//! `ams__header_2020__202001201500.csv`, notebooks re-save them as `cell03_header.csv` or
//! `cell27_cosignee.csv`, and people rename them. Each table has a column no other table has
//! (`master_bol_number` for the bill table, `shipper_party_name` for the shipper table, ...).
//! Files that are no AMS table (no `identifier` column: an HTS sheet, a notes file) are named
//! in a notice and skipped.

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use crate::manifest::values::clean;
use crate::manifest::ManifestError;

/// The AMS tables this reader joins, and the ones it knows but does not need.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Kind {
    Header,
    Bill,
    CargoDesc,
    Tariff,
    Shipper,
    Consignee,
    NotifyParty,
    Container,
    Marks,
    Hazmat,
    HazmatClass,
}

impl Kind {
    /// The table's name in the public release.
    pub fn name(self) -> &'static str {
        match self {
            Kind::Header => "header",
            Kind::Bill => "billgen",
            Kind::CargoDesc => "cargodesc",
            Kind::Tariff => "tariff",
            Kind::Shipper => "shipper",
            Kind::Consignee => "consignee",
            Kind::NotifyParty => "notifyparty",
            Kind::Container => "container",
            Kind::Marks => "marksnumbers",
            Kind::Hazmat => "hazmat",
            Kind::HazmatClass => "hazmatclass",
        }
    }

    /// The table whose columns these are, or `None` for a file that is no AMS table.
    fn of(columns: &[String]) -> Option<Kind> {
        let has = |name: &str| columns.iter().any(|c| c == name);
        if !has("identifier") {
            return None;
        }
        // Checked in this order: a flattened file (header and cargo columns in one) is not a
        // table of the release and is refused below, before it could pass for the header.
        let signatures: [(Kind, &str); 11] = [
            (Kind::Bill, "master_bol_number"),
            (Kind::Tariff, "harmonized_number"),
            (Kind::CargoDesc, "description_text"),
            (Kind::Shipper, "shipper_party_name"),
            (Kind::Consignee, "consignee_name"),
            (Kind::NotifyParty, "notify_party_name"),
            (Kind::Marks, "marks_and_numbers_1"),
            (Kind::HazmatClass, "hazmat_classification"),
            (Kind::Hazmat, "hazmat_code"),
            (Kind::Container, "seal_number_1"),
            (Kind::Header, "port_of_unlading"),
        ];
        signatures
            .iter()
            .find(|(_, column)| has(column))
            .map(|(kind, _)| *kind)
    }
}

/// One table row: cells by column name (empty and `NaN` cells left out), and where it was.
#[derive(Debug, Clone, Default)]
pub struct Row {
    pub cells: HashMap<String, String>,
    /// 1-based line of the file where the record starts.
    pub line: u64,
}

impl Row {
    pub fn get(&self, column: &str) -> Option<&str> {
        self.cells.get(column).map(String::as_str)
    }

    pub fn identifier(&self) -> Option<&str> {
        self.get("identifier")
    }

    /// `name_1`, `name_2`, ... in order, present ones only.
    pub fn numbered(&self, stem: &str, count: usize) -> Vec<&str> {
        (1..=count)
            .filter_map(|n| self.get(&format!("{stem}_{n}")))
            .collect()
    }
}

/// A table file and its rows.
#[derive(Debug, Clone)]
pub struct Table {
    pub kind: Kind,
    pub file: String,
    pub rows: Vec<Row>,
}

/// The folder's files, sorted into tables.
#[derive(Debug, Default)]
pub struct Folder {
    pub tables: Vec<Table>,
    /// Files skipped, each with why (shown to the user as warnings).
    pub notices: Vec<String>,
}

impl Folder {
    /// Reads every `.csv` file of `dir` (not recursive), in name order.
    pub fn read(dir: &Path) -> Result<Folder, ManifestError> {
        let mut paths: Vec<PathBuf> = std::fs::read_dir(dir)?
            .filter_map(Result::ok)
            .map(|entry| entry.path())
            .filter(|path| {
                path.extension()
                    .is_some_and(|e| e.eq_ignore_ascii_case("csv"))
            })
            .collect();
        paths.sort();
        let files = paths
            .into_iter()
            .map(|path| {
                let name = path
                    .file_name()
                    .map(|n| n.to_string_lossy().into_owned())
                    .unwrap_or_default();
                Ok((name, std::fs::read(&path)?))
            })
            .collect::<Result<Vec<_>, ManifestError>>()?;
        Folder::from_files(&files, &dir.display().to_string())
    }

    /// Sorts files already in memory (`(file name, bytes)`, e.g. an upload) into tables, in
    /// the order given. `origin` names where they came from, for the error message.
    pub fn from_files(files: &[(String, Vec<u8>)], origin: &str) -> Result<Folder, ManifestError> {
        let mut folder = Folder::default();
        for (file, bytes) in files {
            match read_table(bytes, file)? {
                Ok(table) => folder.tables.push(table),
                Err(notice) => folder.notices.push(notice),
            }
        }
        if !folder.tables.iter().any(|t| t.kind == Kind::Header) {
            let found: Vec<String> = folder
                .tables
                .iter()
                .map(|t| format!("{} ({})", t.file, t.kind.name()))
                .collect();
            return Err(ManifestError::Schema(format!(
                "{origin} has no AMS header table (the one with `identifier`, `vessel_name`, \
                 `port_of_unlading`), which every bill of lading is joined to; found: {}",
                if found.is_empty() {
                    "no AMS table".to_owned()
                } else {
                    found.join(", ")
                }
            )));
        }
        Ok(folder)
    }

    /// The rows of every table of `kind`, in file order.
    pub fn rows(&self, kind: Kind) -> impl Iterator<Item = (&Table, &Row)> {
        self.tables
            .iter()
            .filter(move |t| t.kind == kind)
            .flat_map(|t| t.rows.iter().map(move |r| (t, r)))
    }
}

/// Reads one file: `Ok(Ok(table))`, `Ok(Err(notice))` for a file that is no AMS table.
fn read_table(bytes: &[u8], file: &str) -> Result<Result<Table, String>, ManifestError> {
    let mut reader = csv::ReaderBuilder::new().flexible(true).from_reader(bytes);
    let columns: Vec<String> = reader
        .headers()
        .map_err(|e| csv_error(file, &e))?
        .iter()
        .map(|h| h.trim_start_matches('\u{feff}').trim().to_ascii_lowercase())
        .collect();
    let Some(kind) = Kind::of(&columns) else {
        return Ok(Err(format!(
            "{file} is not an AMS table (it has no `identifier` column) and was skipped"
        )));
    };
    let flattened = columns.iter().any(|c| c == "description_text")
        && columns.iter().any(|c| c == "port_of_unlading");
    if flattened {
        return Ok(Err(format!(
            "{file} holds header and cargo columns in one table (a flattened AMS file, such as \
             the NIST 2018 one) and was skipped: screen it on its own as a CSV manifest"
        )));
    }
    let mut rows = Vec::new();
    // Lines are counted from the bytes: the csv crate's own line count drifts on CRLF files.
    let (mut counted_to, mut line) = (0usize, 1u64);
    for record in reader.records() {
        let record = record.map_err(|e| csv_error(file, &e))?;
        let start = record.position().map_or(counted_to, |p| {
            usize::try_from(p.byte()).unwrap_or(counted_to)
        });
        let mut start = start.clamp(counted_to, bytes.len());
        // On CRLF files the reported start can sit on the `\n` that ends the previous line.
        while bytes.get(start).is_some_and(|b| matches!(b, b'\r' | b'\n')) {
            start += 1;
        }
        line += bytecount_newlines(&bytes[counted_to..start]);
        counted_to = start;
        let cells = columns
            .iter()
            .zip(record.iter())
            .filter_map(|(column, cell)| clean(cell).map(|v| (column.clone(), v.to_owned())))
            .collect();
        rows.push(Row { cells, line });
    }
    Ok(Ok(Table {
        kind,
        file: file.to_owned(),
        rows,
    }))
}

fn bytecount_newlines(bytes: &[u8]) -> u64 {
    bytes.iter().filter(|b| **b == b'\n').count() as u64
}

fn csv_error(file: &str, error: &csv::Error) -> ManifestError {
    let line = error.position().map_or(0, |p| p.line());
    ManifestError::Csv {
        line,
        message: format!("in {file}: {error}"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn kind(columns: &str) -> Option<Kind> {
        let columns: Vec<String> = columns.split(',').map(str::to_owned).collect();
        Kind::of(&columns)
    }

    #[test]
    fn tables_are_known_by_their_columns() {
        assert_eq!(
            kind("identifier,carrier_code,vessel_name,port_of_unlading"),
            Some(Kind::Header)
        );
        assert_eq!(
            kind("identifier,container_number,description_sequence_number,harmonized_number"),
            Some(Kind::Tariff)
        );
        assert_eq!(
            kind("identifier,container_number,description_sequence_number,piece_count,description_text"),
            Some(Kind::CargoDesc)
        );
        assert_eq!(
            kind("identifier,consignee_name,city"),
            Some(Kind::Consignee)
        );
        assert_eq!(
            kind("identifier,container_number,seal_number_1"),
            Some(Kind::Container)
        );
        assert_eq!(kind("HTS Number,Indent,Description"), None);
    }
}
