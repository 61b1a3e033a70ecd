//! The `tip` command as a new user runs it: from a saved screening or a manifest, and the errors
//! it prints when the shipment is unknown or the line is clear.

use super::*;

#[test]
fn the_cli_drafts_from_a_manifest_or_a_saved_screening_and_lists_shipments_when_unknown() {
    let bin = env!("CARGO_BIN_EXE_caatsa-screen");
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    let dir = tempfile::tempdir().expect("temp dir");
    let result = dir.path().join("result.json");
    let screened = Command::new(bin)
        .current_dir(&root)
        .args(["screen", "fixtures/demo_manifest.csv", "--out"])
        .arg(&result)
        .output()
        .expect("screen runs");
    assert!(
        screened.status.success(),
        "{}",
        String::from_utf8_lossy(&screened.stderr)
    );

    let out = dir.path().join("tip.json");
    let drafted = Command::new(bin)
        .current_dir(&root)
        .args(["tip", "--screening"])
        .arg(&result)
        .args([
            "--shipment",
            DONGGANG,
            "--format",
            "json",
            "--date",
            "2025-01-15",
            "--out",
        ])
        .arg(&out)
        .output()
        .expect("tip runs");
    assert!(
        drafted.status.success(),
        "{}",
        String::from_utf8_lossy(&drafted.stderr)
    );
    let d: TipDraft =
        serde_json::from_slice(&std::fs::read(&out).expect("draft written")).expect("JSON draft");
    assert_eq!(
        (&d.header.subject, d.header.date.as_str()),
        (
            &TipSubject::Shipment {
                shipment_id: DONGGANG.to_owned()
            },
            "2025-01-15"
        )
    );

    let unknown = Command::new(bin)
        .current_dir(&root)
        .args(["tip", "fixtures/demo_manifest.csv", "--shipment", "NOPE"])
        .output()
        .expect("tip runs");
    assert_eq!(unknown.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&unknown.stderr);
    assert!(
        stderr.contains("NOPE") && stderr.contains(RYONBONG),
        "{stderr}"
    );

    let clear = Command::new(bin)
        .current_dir(&root)
        .args([
            "tip",
            "fixtures/demo_manifest.csv",
            "--shipment",
            SOUTH_KOREA,
            "--line",
            "1",
        ])
        .output()
        .expect("tip runs");
    assert_eq!(clear.status.code(), Some(1));
    assert!(clear.stdout.is_empty(), "a refused draft printed something");
}
