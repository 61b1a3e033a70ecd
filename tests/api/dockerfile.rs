//! The Dockerfile cannot be built here (no Docker engine), so what can be checked by reading is
//! checked: every path it COPYs from the build context exists in the repository, and it runs as
//! a non-root user with a health check on `/healthz`.

use std::path::Path;

fn dockerfile() -> String {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("Dockerfile");
    std::fs::read_to_string(path).expect("a Dockerfile at the top level")
}

/// The context sources of every `COPY` without `--from` (the last operand is the destination).
fn copied_sources(text: &str) -> Vec<String> {
    let mut sources = Vec::new();
    for line in text.lines().map(str::trim) {
        let Some(rest) = line.strip_prefix("COPY ") else {
            continue;
        };
        let operands: Vec<&str> = rest.split_whitespace().collect();
        if operands.iter().any(|o| o.starts_with("--from")) {
            continue;
        }
        let operands: Vec<&str> = operands
            .into_iter()
            .filter(|o| !o.starts_with("--"))
            .collect();
        if let Some((_, sources_only)) = operands.split_last() {
            sources.extend(sources_only.iter().map(|s| s.to_string()));
        }
    }
    sources
}

#[test]
fn every_path_the_dockerfile_copies_exists_in_the_repository() {
    let text = dockerfile();
    let sources = copied_sources(&text);
    assert!(sources.len() >= 3, "{sources:?}");
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    for source in sources {
        assert!(
            root.join(&source).exists(),
            "COPY {source}: no such path in the repository"
        );
    }
}

#[test]
fn the_image_runs_as_a_non_root_user_exposes_8080_and_checks_healthz() {
    let text = dockerfile();
    let user = text
        .lines()
        .rev()
        .find_map(|l| l.trim().strip_prefix("USER "))
        .expect("a USER instruction");
    assert!(!matches!(user.trim(), "root" | "0"), "runs as {user}");
    assert!(text.contains("EXPOSE 8080"));
    assert!(text.contains("HEALTHCHECK"));
    assert!(text.contains("healthcheck"));
    assert!(text.contains("CAATSA_BIND=0.0.0.0:8080"));
}
