//! [`PortTable`]: foreign ports of lading as CBP Schedule K codes, with their ISO country.
//!
//! Schedule K lists each port once as `Official` and under any number of `Alias` names; a port
//! is returned under its official name whatever name was used. Port names repeat across
//! countries (`Victoria`, `Manzanillo`), so a name alone resolves only when exactly one port has
//! it; the AMS form `Name ,Country` narrows by country first. When the name is unknown or still
//! ambiguous the answer is `None` rather than the nearest guess: the caller can still resolve
//! the country part with [`CountryTable::resolve_in_text`]. Schedule K country names
//! (`China`, `North Korea`, `Neth Antilles`) go through the [`CountryTable`], so the port's ISO
//! code follows the same safety rules as every other country in the product.

use std::collections::{BTreeSet, HashMap};
use std::sync::Arc;

use serde::{Deserialize, Serialize};

use super::name_key::name_key;
use super::ref_csv::{field, CsvRows};
use super::{CountryResolution, CountryTable, RefError};

const SCHEDULE_K_FILE: &str = "data/ports/schedule_k_foreign_ports_2024Q4.csv";
const ALIASES_FILE: &str = "data/ports/aliases.csv";

/// Digits of a Schedule K foreign port code.
const SCHEDULE_K_CODE_LEN: usize = 5;

/// A Schedule K foreign port.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Port {
    /// Five-digit Schedule K code.
    pub code: String,
    /// The official Schedule K port name.
    pub name: String,
    /// The country as Schedule K writes it (e.g. `North Korea`, `China`).
    pub country_name: String,
    /// ISO alpha-2 of the country, when the country table resolves it to exactly one country.
    pub country_code: Option<String>,
}

#[derive(Debug)]
struct Inner {
    ports: Vec<Port>,
    by_code: HashMap<String, usize>,
    /// Name key (official names, aliases, curated aliases) -> ports.
    by_name: HashMap<String, BTreeSet<usize>>,
    countries: CountryTable,
}

/// Schedule K ports by code and name. Cheap to clone.
#[derive(Debug, Clone)]
pub struct PortTable {
    inner: Arc<Inner>,
}

impl PortTable {
    /// The table built from the crate's shipped Schedule K file and curated aliases.
    pub fn builtin(countries: &CountryTable) -> Result<Self, RefError> {
        Self::from_sources(
            include_bytes!(concat!(
                env!("CARGO_MANIFEST_DIR"),
                "/data/ports/schedule_k_foreign_ports_2024Q4.csv"
            )),
            include_bytes!(concat!(
                env!("CARGO_MANIFEST_DIR"),
                "/data/ports/aliases.csv"
            )),
            countries,
        )
    }

    /// Build the table from the Schedule K CSV and `aliases.csv` (`code,alias,note`); countries
    /// are resolved with `countries`.
    pub fn from_sources(
        schedule_k_csv: &[u8],
        aliases_csv: &[u8],
        countries: &CountryTable,
    ) -> Result<Self, RefError> {
        let mut inner = read_schedule_k(schedule_k_csv, countries)?;
        read_aliases(aliases_csv, &mut inner)?;
        Ok(PortTable {
            inner: Arc::new(inner),
        })
    }

    /// The port `raw` designates: a 5-digit Schedule K code, a port name or alias, or the AMS
    /// form `Name ,Country` (the name narrowed to that country). `None` when unknown or when
    /// several ports fit.
    pub fn resolve(&self, raw: &str) -> Option<Port> {
        let trimmed = raw.trim();
        if trimmed.len() == SCHEDULE_K_CODE_LEN && trimmed.chars().all(|c| c.is_ascii_digit()) {
            return self
                .inner
                .by_code
                .get(trimmed)
                .map(|&i| self.inner.ports[i].clone());
        }
        if let Some(port) = self.only(self.named(trimmed), |_| true) {
            return Some(port);
        }
        let (name, country) = trimmed.rsplit_once(',')?;
        let ports = self.named(name);
        match self.inner.countries.resolve(country) {
            CountryResolution::Country { code, .. } => {
                self.only(ports, |p| p.country_code.as_deref() == Some(code.as_str()))
            }
            CountryResolution::Ambiguous { candidates, .. } => self.only(ports, |p| {
                p.country_code
                    .as_ref()
                    .is_some_and(|c| candidates.contains(c))
            }),
            CountryResolution::Unknown => self.only(ports, |_| true),
        }
    }

    /// The port with this 5-digit Schedule K code.
    pub fn by_code(&self, code: &str) -> Option<&Port> {
        self.inner
            .by_code
            .get(code.trim())
            .map(|&i| &self.inner.ports[i])
    }

    fn named(&self, name: &str) -> Vec<usize> {
        self.inner
            .by_name
            .get(&name_key(name))
            .map(|set| set.iter().copied().collect())
            .unwrap_or_default()
    }

    /// The one port among `ports` that passes `keep`, if exactly one does.
    fn only(&self, ports: Vec<usize>, keep: impl Fn(&Port) -> bool) -> Option<Port> {
        let mut kept = ports
            .into_iter()
            .map(|i| &self.inner.ports[i])
            .filter(|p| keep(p));
        match (kept.next(), kept.next()) {
            (Some(port), None) => Some(port.clone()),
            _ => None,
        }
    }
}

fn read_schedule_k(bytes: &[u8], countries: &CountryTable) -> Result<Inner, RefError> {
    let csv = CsvRows::parse(SCHEDULE_K_FILE, bytes)?;
    let code_col = csv.column("Schedule K Code")?;
    let name_col = csv.column("Foreign Port Name")?;
    let country_col = csv.column("Country Name")?;
    let kind_col = csv.column("Official Port Name/Alias")?;
    let mut inner = Inner {
        ports: Vec::new(),
        by_code: HashMap::new(),
        by_name: HashMap::new(),
        countries: countries.clone(),
    };
    for (line, record) in csv.rows() {
        let code = field(record, code_col);
        if code.len() != SCHEDULE_K_CODE_LEN || !code.chars().all(|c| c.is_ascii_digit()) {
            let message = format!(
                "`{code}` is not a 5-digit Schedule K code; keep leading zeros (read the column as text)"
            );
            return Err(RefError::invalid(
                SCHEDULE_K_FILE,
                line,
                "Schedule K Code",
                message,
            ));
        }
        let name = field(record, name_col);
        let official = field(record, kind_col) == "Official";
        let index = match inner.by_code.get(code) {
            Some(&index) => {
                if official {
                    inner.ports[index].name = name.to_owned();
                }
                index
            }
            None => {
                let country_name = field(record, country_col).to_owned();
                let country_code = countries.resolve(&country_name).code().map(str::to_owned);
                inner.ports.push(Port {
                    code: code.to_owned(),
                    name: name.to_owned(),
                    country_name,
                    country_code,
                });
                inner.by_code.insert(code.to_owned(), inner.ports.len() - 1);
                inner.ports.len() - 1
            }
        };
        add_name(&mut inner, name, index);
    }
    Ok(inner)
}

fn read_aliases(bytes: &[u8], inner: &mut Inner) -> Result<(), RefError> {
    // An alias file with only its header is valid: Schedule K may need no additions.
    let csv = match CsvRows::parse(ALIASES_FILE, bytes) {
        Err(RefError::Empty { .. }) => return Ok(()),
        other => other?,
    };
    let code_col = csv.column("code")?;
    let alias_col = csv.column("alias")?;
    let note_col = csv.column("note")?;
    for (line, record) in csv.rows() {
        let code = field(record, code_col);
        let Some(&index) = inner.by_code.get(code) else {
            let message = format!(
                "`{code}` is not a code in the Schedule K file; map the alias to an existing port"
            );
            return Err(RefError::invalid(ALIASES_FILE, line, "code", message));
        };
        if field(record, note_col).is_empty() {
            return Err(RefError::invalid(
                ALIASES_FILE,
                line,
                "note",
                "empty note; say where this port name is used",
            ));
        }
        add_name(inner, field(record, alias_col), index);
    }
    Ok(())
}

fn add_name(inner: &mut Inner, name: &str, index: usize) {
    let key = name_key(name);
    if !key.is_empty() {
        inner.by_name.entry(key).or_default().insert(index);
    }
}

#[cfg(test)]
#[path = "ports_tests.rs"]
mod tests;
