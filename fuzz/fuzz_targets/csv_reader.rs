//! libFuzzer entry point for the `csv_reader` properties of `checks.rs`.
#![no_main]

#[allow(dead_code)] // each target uses its own part of the checks
#[path = "../checks.rs"]
mod checks;

libfuzzer_sys::fuzz_target!(|data: &[u8]| checks::csv_reader(data));
