//! The records commands: `keys create|list|revoke`, `screen --store`, `prune`, `backup`, on a
//! SQLite database in a temporary directory (the HTTP tests cover PostgreSQL).

use serde_json::Value;

use super::{fixture, run};

fn db_arg(dir: &tempfile::TempDir) -> String {
    format!("sqlite://{}", dir.path().join("records.db").display())
}

#[test]
fn keys_are_printed_once_listed_without_secrets_and_revoked() {
    let dir = tempfile::tempdir().unwrap();
    let db = db_arg(&dir);
    let created = run(&[
        "keys",
        "create",
        "--tenant",
        "acme",
        "--name",
        "ops-team",
        "--role",
        "admin",
        "--database-url",
        &db,
    ]);
    assert!(
        created.status.success(),
        "{}",
        String::from_utf8_lossy(&created.stderr)
    );
    let key = String::from_utf8(created.stdout).unwrap().trim().to_owned();
    assert!(key.starts_with("csk_"), "{key}");
    // The secret is base64url, which may itself hold `_`: split as the server does.
    let (id, secret) = caatsa_screen::store::keys::split(&key).expect("a key's shape");
    let (id, secret) = (id.to_owned(), secret.to_owned());

    let listed = run(&["keys", "list", "--database-url", &db]);
    let text = String::from_utf8(listed.stdout).unwrap();
    assert!(
        text.contains(&format!("{id}\tacme\tops-team\tadmin")),
        "{text}"
    );
    assert!(!text.contains(&secret), "no secret in the list");

    let bad = run(&[
        "keys",
        "create",
        "--tenant",
        "acme corp",
        "--database-url",
        &db,
    ]);
    assert!(!bad.status.success());

    assert!(run(&["keys", "revoke", &key, "--database-url", &db])
        .status
        .success());
    let again = run(&["keys", "revoke", &id, "--database-url", &db]);
    assert!(
        !again.status.success(),
        "a revoked key cannot be revoked twice"
    );
    let text = String::from_utf8(run(&["keys", "list", "--database-url", &db]).stdout).unwrap();
    assert!(!text.contains("\t-\n"), "revoked: {text}");
}

#[test]
fn screen_store_keeps_the_screening_and_prune_needs_force_below_five_years() {
    let dir = tempfile::tempdir().unwrap();
    let db = db_arg(&dir);
    let screened = run(&[
        "screen",
        &fixture("demo_manifest.csv"),
        "--format",
        "json",
        "--store",
        "--tenant",
        "acme",
        "--database-url",
        &db,
    ]);
    assert!(
        screened.status.success(),
        "{}",
        String::from_utf8_lossy(&screened.stderr)
    );
    let result: Value = serde_json::from_slice(&screened.stdout).unwrap();
    let id = result["screening_id"].as_str().unwrap();
    let stderr = String::from_utf8_lossy(&screened.stderr);
    assert!(
        stderr.contains(&format!("stored screening {id} for tenant acme")),
        "{stderr}"
    );
    assert_eq!(result["summary"]["lines"], 15);

    let runtime = tokio::runtime::Runtime::new().unwrap();
    let store = runtime.block_on(caatsa_screen::store::open(&db)).unwrap();
    let stored = runtime
        .block_on(store.screening("acme", id))
        .unwrap()
        .expect("stored");
    assert_eq!(
        stored.manifest().unwrap(),
        std::fs::read(fixture("demo_manifest.csv")).unwrap()
    );
    assert_eq!(
        serde_json::to_value(stored.result().unwrap()).unwrap(),
        result,
        "the stored result is the printed one"
    );
    assert!(runtime
        .block_on(store.screening("other", id))
        .unwrap()
        .is_none());

    let copy = dir.path().join("copy.db");
    let backup = run(&[
        "backup",
        "--to",
        copy.to_str().unwrap(),
        "--database-url",
        &db,
    ]);
    assert!(
        backup.status.success(),
        "{}",
        String::from_utf8_lossy(&backup.stderr)
    );

    let refused = run(&["prune", "--older-than", "30", "--database-url", &db]);
    assert!(!refused.status.success());
    assert!(String::from_utf8_lossy(&refused.stderr).contains("501.601"));
    let kept = run(&[
        "prune",
        "--older-than",
        "1",
        "--force",
        "--database-url",
        &db,
    ]);
    assert!(String::from_utf8_lossy(&kept.stderr).contains("deleted 0 screenings"));
    // `--older-than 0` deletes what was created before this second.
    std::thread::sleep(std::time::Duration::from_millis(1100));
    let pruned = run(&[
        "prune",
        "--older-than",
        "0",
        "--force",
        "--database-url",
        &db,
    ]);
    assert!(
        String::from_utf8_lossy(&pruned.stderr).contains("deleted 1 screenings"),
        "{}",
        String::from_utf8_lossy(&pruned.stderr)
    );
    assert!(runtime
        .block_on(store.screening("acme", id))
        .unwrap()
        .is_none());
    let copied = runtime
        .block_on(caatsa_screen::store::open(&format!(
            "sqlite://{}",
            copy.display()
        )))
        .unwrap();
    assert!(
        runtime
            .block_on(copied.screening("acme", id))
            .unwrap()
            .is_some(),
        "the backup holds it"
    );
}
