//! Header row -> column plan: for every column, which canonical field (or `extra` key) its
//! values go to, plus the warnings a user should see about the header.
//!
//! The plan is computed once per file, so per-row work is an index lookup. Decisions that need
//! the whole header row live here, not in the alias table: the first column for a single-valued
//! field wins and later ones are echoed in `extra` (a silent overwrite would hide data);
//! address columns are multi-valued and joined in column order (AMS splits addresses over
//! `address_1..4`); and unqualified columns (`city`, `country_code`) are attributed to the
//! supplier or manufacturer only when the file names exactly that one party. The trade-off of
//! that last rule: an AMS shipper table gets its `country_code` screened, while a consignee
//! table's `city` is never mistaken for the supplier's.

use std::collections::BTreeSet;

use super::aliases::{aliases_of, header_meaning, is_multi_column, HeaderMeaning, PartyAttribute};
use super::{Field, ManifestError};

/// Fields of which at least one must be present for a file to be screenable at all.
pub(crate) const SCREENABLE_FIELDS: [Field; 5] = [
    Field::SupplierName,
    Field::ManufacturerName,
    Field::CountryOfOrigin,
    Field::SupplierCountry,
    Field::ManufacturerCountry,
];

/// Words in an unrecognised header that show the file describes a party other than the
/// supplier or manufacturer, which makes unqualified `city`/`country` columns ambiguous.
const OTHER_PARTY_MARKERS: [&str; 3] = ["consignee", "notify", "buyer"];

/// Where the values of one column go.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Target {
    /// A single-valued canonical field.
    Field(Field),
    /// One part of a multi-column field (addresses), joined with a space in column order.
    Part(Field),
    /// Echoed in `ManifestLine::extra` under this key.
    Extra(String),
}

/// The resolved header row.
#[derive(Debug, Clone)]
pub(crate) struct ColumnPlan {
    /// One target per column, in column order.
    pub targets: Vec<Target>,
    /// The headers as written (BOM stripped, trimmed), for messages.
    pub headers: Vec<String>,
    /// Things the user should know about the header (duplicates, attributions).
    pub warnings: Vec<String>,
}

impl ColumnPlan {
    /// Resolves a header row. Fails only when no column can name a party or a country.
    pub fn new<S: AsRef<str>>(raw_headers: &[S]) -> Result<ColumnPlan, ManifestError> {
        let headers: Vec<String> = raw_headers
            .iter()
            .map(|h| h.as_ref().trim_start_matches('\u{feff}').trim().to_owned())
            .collect();
        let meanings: Vec<HeaderMeaning> = headers.iter().map(|h| header_meaning(h)).collect();
        let attribution = unqualified_owner(&headers, &meanings);

        let mut targets = Vec::with_capacity(headers.len());
        let mut warnings = Vec::new();
        let mut taken: Vec<(Field, usize)> = Vec::new();
        let mut extra_keys: BTreeSet<String> = BTreeSet::new();
        for (index, (header, meaning)) in headers.iter().zip(&meanings).enumerate() {
            let field = match meaning {
                HeaderMeaning::Field(field) => Some(*field),
                HeaderMeaning::Unqualified(attribute) => {
                    let resolved = attribution.map(|owner| owner.field(*attribute));
                    warnings.push(unqualified_warning(header, resolved, attribution));
                    resolved
                }
                HeaderMeaning::Unknown => None,
            };
            let target = match field {
                Some(field) if is_multi_column(field) => Target::Part(field),
                Some(field) => match taken.iter().find(|(f, _)| *f == field) {
                    None => {
                        taken.push((field, index));
                        Target::Field(field)
                    }
                    Some((_, first)) => {
                        warnings.push(format!(
                            "columns `{}` (column {}) and `{header}` (column {}) both mean \
                             `{field}`; the first is used and `{header}` is echoed in extra: \
                             rename or remove one of them",
                            headers[*first],
                            first + 1,
                            index + 1
                        ));
                        Target::Extra(unique_key(header, index, &mut extra_keys))
                    }
                },
                None => Target::Extra(unique_key(header, index, &mut extra_keys)),
            };
            targets.push(target);
        }

        let plan = ColumnPlan {
            targets,
            headers,
            warnings,
        };
        plan.require_screenable()?;
        Ok(plan)
    }

    /// The column of a single-valued field, if the header has one.
    pub fn column_of(&self, field: Field) -> Option<usize> {
        self.targets
            .iter()
            .position(|t| matches!(t, Target::Field(f) | Target::Part(f) if *f == field))
    }

    /// The name to report for column `index`: the canonical field, or the header as written.
    pub fn column_name(&self, index: usize) -> String {
        match self.targets.get(index) {
            Some(Target::Field(field)) | Some(Target::Part(field)) => field.as_str().to_owned(),
            Some(Target::Extra(key)) => key.clone(),
            None => format!("column {}", index + 1),
        }
    }

    fn require_screenable(&self) -> Result<(), ManifestError> {
        if SCREENABLE_FIELDS
            .iter()
            .any(|f| self.column_of(*f).is_some())
        {
            return Ok(());
        }
        let found = if self.headers.iter().all(String::is_empty) {
            "none".to_owned()
        } else {
            self.headers
                .iter()
                .map(|h| format!("`{h}`"))
                .collect::<Vec<_>>()
                .join(", ")
        };
        let accepted = SCREENABLE_FIELDS
            .iter()
            .map(|f| format!("{f}: {}", aliases_of(*f).collect::<Vec<_>>().join(", ")))
            .collect::<Vec<_>>()
            .join("; ");
        Err(ManifestError::Schema(format!(
            "no column names a supplier, manufacturer or country, so nothing can be screened. \
             Headers found: {found}. Add at least one column with one of these names \
             (case, spaces and punctuation do not matter): {accepted}"
        )))
    }
}

/// The one party an unqualified column can belong to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Owner {
    Supplier,
    Manufacturer,
}

impl Owner {
    fn field(self, attribute: PartyAttribute) -> Field {
        match (self, attribute) {
            (Owner::Supplier, PartyAttribute::Address) => Field::SupplierAddress,
            (Owner::Supplier, PartyAttribute::City) => Field::SupplierCity,
            (Owner::Supplier, PartyAttribute::Country) => Field::SupplierCountry,
            (Owner::Manufacturer, PartyAttribute::Address) => Field::ManufacturerAddress,
            (Owner::Manufacturer, PartyAttribute::City) => Field::ManufacturerCity,
            (Owner::Manufacturer, PartyAttribute::Country) => Field::ManufacturerCountry,
        }
    }

    fn name_field(self) -> Field {
        match self {
            Owner::Supplier => Field::SupplierName,
            Owner::Manufacturer => Field::ManufacturerName,
        }
    }
}

/// The party unqualified columns belong to: the supplier or the manufacturer when it is the
/// only party the header names, otherwise nobody.
fn unqualified_owner(headers: &[String], meanings: &[HeaderMeaning]) -> Option<Owner> {
    let has = |field: Field| meanings.contains(&HeaderMeaning::Field(field));
    let other_party_column = headers.iter().zip(meanings).any(|(header, meaning)| {
        *meaning == HeaderMeaning::Unknown && {
            let lower = header.to_lowercase();
            OTHER_PARTY_MARKERS.iter().any(|m| lower.contains(m))
        }
    });
    if has(Field::Importer)
        || has(Field::Consignee)
        || has(Field::NotifyParty)
        || other_party_column
    {
        return None;
    }
    match (has(Field::SupplierName), has(Field::ManufacturerName)) {
        (true, false) => Some(Owner::Supplier),
        (false, true) => Some(Owner::Manufacturer),
        _ => None,
    }
}

fn unqualified_warning(header: &str, resolved: Option<Field>, owner: Option<Owner>) -> String {
    match (resolved, owner) {
        (Some(field), Some(owner)) => format!(
            "column `{header}` does not say whose it is; it is read as `{field}` because the only \
             party the file names is `{}`: rename the column if that is wrong",
            owner.name_field()
        ),
        _ => format!(
            "column `{header}` does not say whose it is and the file names several parties (or \
             none); it is echoed in extra and not screened: rename it, e.g. `supplier_{}`",
            normalized_suffix(header)
        ),
    }
}

fn normalized_suffix(header: &str) -> String {
    let lower = header.to_lowercase();
    if lower.contains("country") {
        "country".to_owned()
    } else if lower.contains("city") {
        "city".to_owned()
    } else {
        "address".to_owned()
    }
}

/// An `extra` key for a header, unique within the file (`Notes`, then `Notes (column 7)`).
fn unique_key(header: &str, index: usize, used: &mut BTreeSet<String>) -> String {
    let base = if header.is_empty() {
        format!("column {}", index + 1)
    } else {
        header.to_owned()
    };
    let key = if used.contains(&base) {
        format!("{base} (column {})", index + 1)
    } else {
        base
    };
    used.insert(key.clone());
    key
}
