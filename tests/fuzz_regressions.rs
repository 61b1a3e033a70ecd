//! Replays the fuzz targets' properties (`fuzz/checks.rs`) in the ordinary test run: over every
//! input a fuzzer once crashed on (`fuzz/regressions/<target>/`), and over the seeds the fuzz
//! corpus starts from (the fixtures and the evaluation name pairs), so that a property that
//! breaks is caught by `cargo test` even where no fuzzer runs.

#[path = "../fuzz/checks.rs"]
mod checks;

use std::fs;
use std::path::Path;

/// Every file in `dir` (none when it does not exist), in name order.
fn files(dir: &Path) -> Vec<Vec<u8>> {
    let Ok(entries) = fs::read_dir(dir) else {
        return Vec::new();
    };
    let mut paths: Vec<_> = entries.filter_map(|e| Some(e.ok()?.path())).collect();
    paths.retain(|p| p.is_file() && p.file_name().is_some_and(|n| n != ".gitkeep"));
    paths.sort();
    paths.iter().map(|p| fs::read(p).unwrap()).collect()
}

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

fn regressions(target: &str) -> Vec<Vec<u8>> {
    files(&root().join("fuzz/regressions").join(target))
}

/// Fixture files with one of `extensions`, from `fixtures/` and its subfolders.
fn fixtures(extensions: &[&str]) -> Vec<Vec<u8>> {
    let mut found = Vec::new();
    let mut dirs = vec![root().join("fixtures")];
    while let Some(dir) = dirs.pop() {
        for entry in fs::read_dir(&dir).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                dirs.push(path);
            } else if path
                .extension()
                .is_some_and(|e| extensions.iter().any(|x| e == *x))
            {
                found.push(fs::read(&path).unwrap());
            }
        }
    }
    found
}

#[test]
fn csv_reader_properties_hold_on_the_fixtures_and_kept_crashes() {
    let inputs = [fixtures(&["csv"]), regressions("csv_reader")].concat();
    assert!(inputs.len() >= 3, "no CSV fixtures found");
    for input in &inputs {
        checks::csv_reader(input);
        // The same file cut short: every prefix ends a record or a field somewhere odd.
        checks::csv_reader(&input[..input.len() / 3]);
    }
}

#[test]
fn json_reader_properties_hold_on_the_fixtures_and_kept_crashes() {
    let inputs = [fixtures(&["json"]), regressions("json_reader")].concat();
    assert!(!inputs.is_empty(), "no JSON fixtures found");
    for input in &inputs {
        checks::json_reader(input);
        checks::json_reader(&input[..input.len() / 2]);
    }
}

/// The seed form of a name pair: kind byte, floor byte, then `a<TAB>b`.
fn name_seed(kind: u8, floor: u8, a: &str, b: &str) -> Vec<u8> {
    [&[kind, floor][..], a.as_bytes(), b"\t", b.as_bytes()].concat()
}

#[test]
fn name_properties_hold_on_the_evaluation_pairs_and_kept_crashes() {
    let pairs = fs::read_to_string(root().join("eval/general_names_dev.tsv")).unwrap();
    let mut seeds = regressions("names");
    for (i, row) in pairs.lines().skip(1).enumerate() {
        let cells: Vec<&str> = row.split('\t').collect();
        let kind = if cells[1] == "Person" { 0 } else { 1 };
        // Floors across the range, the production thresholds among them.
        let floor = [0, 128, 191, 217, 230, 255][i % 6];
        seeds.push(name_seed(kind, floor, cells[3], cells[2]));
    }
    assert!(seeds.len() >= 400);
    for seed in &seeds {
        checks::names(seed);
    }
}
