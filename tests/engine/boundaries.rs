//! The engine's layering, checked: the modules that decide and render results
//! (`src/{manifest,indicators,names,screening,report}`) never reach for the HTTP stack (actix,
//! tokio) or for the faces built on them (`crate::server`, `crate::cli`). The faces depend on the
//! engine, never the other way round, so the engine can be used and tested without a runtime.

use std::path::{Path, PathBuf};

const ENGINE: [&str; 5] = ["manifest", "indicators", "names", "screening", "report"];
const FORBIDDEN: [&str; 4] = ["actix", "tokio", "crate::server", "crate::cli"];

fn rust_files(dir: &Path, out: &mut Vec<PathBuf>) {
    for entry in std::fs::read_dir(dir).expect("engine directory") {
        let path = entry.expect("entry").path();
        if path.is_dir() {
            rust_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

/// Every line of `files` that mentions a forbidden name, as `path:line: text`.
fn offences(files: &[PathBuf]) -> Vec<String> {
    let mut found = Vec::new();
    for file in files {
        let text = std::fs::read_to_string(file).expect("source file");
        for (i, line) in text.lines().enumerate() {
            let lower = line.to_ascii_lowercase();
            if FORBIDDEN.iter().any(|word| lower.contains(word)) {
                found.push(format!("{}:{}: {}", file.display(), i + 1, line.trim()));
            }
        }
    }
    found
}

#[test]
fn the_engine_never_mentions_the_http_stack_or_the_faces() {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut files = Vec::new();
    for module in ENGINE {
        rust_files(&src.join(module), &mut files);
    }
    assert!(
        files.len() > 50,
        "the engine modules were not found: {files:?}"
    );
    let found = offences(&files);
    assert!(
        found.is_empty(),
        "the engine reaches for a face:\n{}",
        found.join("\n")
    );
}

#[test]
fn the_check_sees_a_mention_where_there_is_one() {
    // The server's modules do use actix: the same scan must find it there.
    let mut files = Vec::new();
    rust_files(
        &Path::new(env!("CARGO_MANIFEST_DIR")).join("src/server"),
        &mut files,
    );
    assert!(!offences(&files).is_empty());
}
