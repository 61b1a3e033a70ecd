//! Prints how long building each reference table from the embedded data takes.
//! Run with `cargo run --release --example reftables_load`.

use std::time::Instant;

use caatsa_screen::indicators::{CountryTable, HtsTable, PortTable, RefError, SectorTable};

fn main() -> Result<(), RefError> {
    let start = Instant::now();
    let countries = CountryTable::builtin()?;
    println!("countries: {:>7.1} ms", ms(start));
    let start = Instant::now();
    PortTable::builtin(&countries)?;
    println!("ports:     {:>7.1} ms", ms(start));
    let start = Instant::now();
    SectorTable::builtin()?;
    println!("sectors:   {:>7.1} ms", ms(start));
    let start = Instant::now();
    HtsTable::builtin()?;
    println!("hts:       {:>7.1} ms", ms(start));
    Ok(())
}

fn ms(start: Instant) -> f64 {
    start.elapsed().as_secs_f64() * 1000.0
}
