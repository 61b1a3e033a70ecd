//! `POST /v1/indicators/reload`: a new knowledge base is swapped in atomically; a request in
//! flight finishes on the version it started with; a failed reload keeps the old version.

use std::path::Path;
use std::time::Duration;

use serde_json::Value;

use super::support::{expect_error, held_upload, spawn_app, test_config, TestApp};

/// The OFAC files of the shipped North Korea subset.
const OFAC_FILES: [&str; 4] = ["sdn.csv", "alt.csv", "add.csv", "sdn_comments.csv"];

fn copy_ofac_files(into: &Path) {
    let from = Path::new(env!("CARGO_MANIFEST_DIR")).join("data/ofac/dprk");
    for name in OFAC_FILES {
        std::fs::copy(from.join(name), into.join(name)).expect("copied");
    }
}

/// An app whose knowledge base is a copy of the shipped OFAC files, in a folder the test may change.
async fn app_on_a_copy_of_the_ofac_files() -> (tempfile::TempDir, TestApp) {
    let dir = tempfile::tempdir().expect("temp dir");
    copy_ofac_files(dir.path());
    let mut config = test_config();
    config.indicators = Some(dir.path().to_owned());
    (dir, spawn_app(config).await)
}

/// A successful `POST /v1/indicators/reload`'s answer.
async fn reload(app: &TestApp) -> Value {
    let response = reqwest::Client::new()
        .post(app.url("/v1/indicators/reload"))
        .send()
        .await
        .expect("sent");
    assert_eq!(response.status(), 200);
    response.json().await.expect("JSON")
}

async fn version(app: &TestApp) -> String {
    let ready: Value = reqwest::Client::new()
        .get(app.url("/readyz"))
        .send()
        .await
        .expect("sent")
        .json()
        .await
        .expect("JSON");
    ready["indicators_version"]
        .as_str()
        .expect("version")
        .to_owned()
}

#[tokio::test]
async fn a_reload_answers_the_new_version_while_a_request_in_flight_keeps_the_old_one() {
    let (dir, app) = app_on_a_copy_of_the_ofac_files().await;
    let client = reqwest::Client::new();
    let old = version(&app).await;

    // Start a streamed upload and keep it open: its handler has taken the screener in service
    // when the headers arrived (the body is spooled before any screening starts).
    let (tx, upload) = held_upload(&app);
    tx.send(Ok(
        b"Supplier,Country of Origin\nKorea Ryonbong General Corp.,CN\n".to_vec(),
    ))
    .await
    .expect("first chunk");
    // No metric counts a request whose body is still arriving: give the handler a moment.
    tokio::time::sleep(Duration::from_millis(500)).await;

    // A different knowledge base: without the comments file the content hash changes.
    std::fs::remove_file(dir.path().join("sdn_comments.csv")).expect("removed");
    let reloaded = reload(&app).await;
    let new = reloaded["indicators_version"]
        .as_str()
        .expect("new version")
        .to_owned();
    assert_ne!(new, old);
    assert_eq!(reloaded["previous_version"], old.as_str());
    assert_eq!(version(&app).await, new);

    // Finish the upload: it was screened with the knowledge base it started with.
    tx.send(Ok(b"Other Trading Co,CN\n".to_vec()))
        .await
        .expect("second chunk");
    drop(tx);
    let response = upload.await.expect("joined").expect("answered");
    assert_eq!(response.status(), 200);
    let screening: Value = response.json().await.expect("JSON");
    assert_eq!(screening["indicators_version"], old.as_str());
    assert_eq!(screening["summary"]["lines"], 2);

    // A new request uses the new version.
    let screening: Value = client
        .post(app.url("/v1/screenings"))
        .header("content-type", "text/csv")
        .body("Supplier\nACME\n")
        .send()
        .await
        .expect("sent")
        .json()
        .await
        .expect("JSON");
    assert_eq!(screening["indicators_version"], new.as_str());
}

#[tokio::test]
async fn a_failed_reload_is_an_error_and_keeps_the_version_in_service() {
    let (dir, app) = app_on_a_copy_of_the_ofac_files().await;
    let old = version(&app).await;

    std::fs::remove_file(dir.path().join("sdn.csv")).expect("removed");
    let response = reqwest::Client::new()
        .post(app.url("/v1/indicators/reload"))
        .send()
        .await
        .expect("sent");
    let body = expect_error(response, 500, "reload_failed").await;
    assert_eq!(body["error"]["details"][0]["kept_version"], old.as_str());
    // Server paths stay in the log: the client learns that it failed and what is in service.
    let message = body["error"]["message"].as_str().expect("message");
    let dir_name = dir.path().to_string_lossy();
    assert!(
        !message.contains(dir_name.as_ref()) && !message.contains("sdn.csv"),
        "{message}"
    );
    assert!(
        message.contains("stays in service") && message.contains("log"),
        "{message}"
    );
    assert_eq!(version(&app).await, old);
}

#[tokio::test]
async fn a_reload_of_the_content_in_service_is_a_no_op_that_says_so() {
    let (dir, app) = app_on_a_copy_of_the_ofac_files().await;
    let old = version(&app).await;
    let same = reload(&app).await;
    assert_eq!(same["unchanged"], true, "{same}");
    assert_eq!(same["indicators_version"], old.as_str());
    assert_eq!(version(&app).await, old);

    std::fs::remove_file(dir.path().join("sdn_comments.csv")).expect("removed");
    let changed = reload(&app).await;
    assert_eq!(changed["unchanged"], false, "{changed}");
    assert_ne!(changed["indicators_version"], old.as_str());
    assert_eq!(changed["previous_version"], old.as_str());
}

#[test]
fn a_fifo_given_as_knowledge_base_is_refused_not_read() {
    let dir = tempfile::tempdir().expect("temp dir");
    let fifo = dir.path().join("kb.json");
    let made = std::process::Command::new("mkfifo")
        .arg(&fifo)
        .status()
        .expect("mkfifo runs");
    assert!(made.success());
    // On another thread, so that a regression (opening the FIFO blocks) fails the test.
    let (tx, rx) = std::sync::mpsc::channel();
    std::thread::spawn(move || {
        let _ = tx.send(caatsa_screen::indicators::KnowledgeBase::load(&fifo).map(|_| ()));
    });
    let loaded = rx
        .recv_timeout(Duration::from_secs(10))
        .expect("the load returned instead of blocking on the FIFO");
    let error = loaded
        .expect_err("a FIFO is not a knowledge base")
        .to_string();
    assert!(
        error.contains("neither a snapshot file nor a directory"),
        "{error}"
    );
}
