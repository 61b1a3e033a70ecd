//! libFuzzer entry point for the `json_reader` properties of `checks.rs`.
#![no_main]

#[allow(dead_code)] // each target uses its own part of the checks
#[path = "../checks.rs"]
mod checks;

libfuzzer_sys::fuzz_target!(|data: &[u8]| checks::json_reader(data));
