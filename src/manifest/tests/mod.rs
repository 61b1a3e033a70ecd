//! Specification tests of the manifest readers, one file per concern: header resolution, the
//! CSV reader, the JSON reader, the real AMS samples in `fixtures/`, and property tests.

mod ams_samples;
mod csv_reader;
mod headers;
mod json_reader;
mod properties;

use super::{read_csv, read_json, Manifest, ManifestError};

/// Reads CSV text that must have a usable header.
fn csv(text: &str) -> Manifest {
    csv_bytes(text.as_bytes())
}

fn csv_bytes(bytes: &[u8]) -> Manifest {
    match read_csv(bytes) {
        Ok(manifest) => manifest,
        Err(error) => panic!("the CSV should be readable: {error}"),
    }
}

/// Reads JSON text that must be a readable document.
fn json(text: &str) -> Manifest {
    match read_json(text.as_bytes()) {
        Ok(manifest) => manifest,
        Err(error) => panic!("the JSON should be readable: {error}"),
    }
}

fn csv_error(bytes: &[u8]) -> ManifestError {
    match read_csv(bytes) {
        Ok(manifest) => panic!("expected a fatal error, read {manifest:?}"),
        Err(error) => error,
    }
}

fn json_error(text: &str) -> ManifestError {
    match read_json(text.as_bytes()) {
        Ok(manifest) => panic!("expected a fatal error, read {manifest:?}"),
        Err(error) => error,
    }
}
