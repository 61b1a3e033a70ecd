//! The shipped reference tables, built once per test binary and shared by every test module.

use std::sync::OnceLock;

use super::{CountryTable, HtsTable, PortTable, RefError, SectorTable};

fn shared<T>(
    cell: &'static OnceLock<T>,
    build: impl FnOnce() -> Result<T, RefError>,
) -> &'static T {
    cell.get_or_init(|| match build() {
        Ok(table) => table,
        Err(e) => panic!("the shipped reference data must load: {e}"),
    })
}

pub(crate) fn countries() -> &'static CountryTable {
    static TABLE: OnceLock<CountryTable> = OnceLock::new();
    shared(&TABLE, CountryTable::builtin)
}

pub(crate) fn ports() -> &'static PortTable {
    static TABLE: OnceLock<PortTable> = OnceLock::new();
    shared(&TABLE, || PortTable::builtin(countries()))
}

pub(crate) fn sectors() -> &'static SectorTable {
    static TABLE: OnceLock<SectorTable> = OnceLock::new();
    shared(&TABLE, SectorTable::builtin)
}

pub(crate) fn hts() -> &'static HtsTable {
    static TABLE: OnceLock<HtsTable> = OnceLock::new();
    shared(&TABLE, HtsTable::builtin)
}
