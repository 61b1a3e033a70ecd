//! Every screening is stored and can be read back: the record, the result as answered, the
//! manifest as received, CSV; lists page newest first and filter by verdict; a restart on the
//! same database keeps everything.

use sha2::{Digest, Sha256};

use super::backend::Backend;
use super::{app_on, config_on, get, get_json, one_line, screen};
use crate::api::support::{spawn_app, DEMO_MANIFEST};
use crate::on_both;

async fn stores_and_fetches(backend: Backend) {
    let (app, _) = app_on(backend).await;
    let answered = screen(&app, None, DEMO_MANIFEST).await;
    let id = answered["screening_id"].as_str().expect("an id");

    let stored: serde_json::Value = get_json(&app, None, &format!("/v1/screenings/{id}")).await;
    assert_eq!(
        stored["screening"], answered,
        "the result as it was answered"
    );
    assert_eq!(stored["screening_id"], id);
    assert_eq!(stored["input_format"], "csv");
    assert_eq!(stored["input_bytes"], DEMO_MANIFEST.len());
    assert_eq!(stored["summary"], answered["summary"]);
    assert_eq!(stored["indicators_version"], answered["indicators_version"]);
    assert!(stored["request_id"].as_str().is_some_and(|r| !r.is_empty()));
    let digest: String = Sha256::digest(DEMO_MANIFEST.as_bytes())
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect();
    assert_eq!(stored["input_sha256"], digest);

    let manifest = get(&app, None, &format!("/v1/screenings/{id}/manifest")).await;
    assert_eq!(manifest.status(), 200);
    assert_eq!(manifest.bytes().await.unwrap(), DEMO_MANIFEST.as_bytes());

    let csv = get(&app, None, &format!("/v1/screenings/{id}/results.csv")).await;
    assert_eq!(csv.status(), 200);
    let text = csv.text().await.unwrap();
    assert!(text.starts_with("shipment_id,line,"), "{text}");
    // A header row plus one row per line and per row error.
    assert_eq!(
        text.lines().count(),
        1 + answered["results"].as_array().unwrap().len()
            + answered["errors"].as_array().unwrap().len()
    );

    let missing = get(
        &app,
        None,
        "/v1/screenings/00000000-0000-0000-0000-000000000000",
    )
    .await;
    crate::api::support::expect_error(missing, 404, "screening_not_found").await;
    app.handle.stop(false).await;
}
on_both!(stores_and_fetches);

async fn lists_page_newest_first_and_filter_by_verdict(backend: Backend) {
    let (app, _) = app_on(backend).await;
    let suppliers = [
        "Acme Hardware",
        "Korea Ryonbong General Corp.",
        "Blue Lake Textiles",
        "Korea Ryonbong General Corp.",
        "Harbor Fasteners",
    ];
    let mut ids = Vec::new();
    for supplier in suppliers {
        let result = screen(&app, None, &one_line(supplier)).await;
        ids.push(result["screening_id"].as_str().unwrap().to_owned());
    }
    ids.reverse();

    let mut seen = Vec::new();
    let mut cursor: Option<String> = None;
    let mut pages = 0;
    loop {
        let path = match &cursor {
            Some(c) => format!("/v1/screenings?limit=2&cursor={c}"),
            None => "/v1/screenings?limit=2".to_owned(),
        };
        let page: serde_json::Value = get_json(&app, None, &path).await;
        pages += 1;
        let rows = page["screenings"].as_array().unwrap();
        assert!(rows.len() <= 2);
        seen.extend(
            rows.iter()
                .map(|r| r["screening_id"].as_str().unwrap().to_owned()),
        );
        match page["next_cursor"].as_str() {
            Some(next) => cursor = Some(next.to_owned()),
            None => break,
        }
        assert!(pages < 10, "paging does not end");
    }
    assert_eq!(pages, 3);
    assert_eq!(seen, ids, "every screening once, newest first");

    let prohibited: serde_json::Value =
        get_json(&app, None, "/v1/screenings?verdict=prohibited").await;
    let rows = prohibited["screenings"].as_array().unwrap();
    assert_eq!(rows.len(), 2, "{prohibited}");
    assert!(rows.iter().all(|r| r["summary"]["prohibited"] == 1));

    crate::api::support::expect_error(
        get(&app, None, "/v1/screenings?cursor=abc").await,
        400,
        "invalid_query",
    )
    .await;
    crate::api::support::expect_error(
        get(&app, None, "/v1/screenings?verdict=guilty").await,
        400,
        "invalid_query",
    )
    .await;
    crate::api::support::expect_error(
        get(&app, None, "/v1/screenings?limit=0").await,
        400,
        "invalid_query",
    )
    .await;
    app.handle.stop(false).await;
}
on_both!(lists_page_newest_first_and_filter_by_verdict);

async fn a_restart_keeps_everything(backend: Backend) {
    let url = backend.fresh_url().await;
    let first = spawn_app(config_on(&url)).await;
    let result = screen(&first, None, DEMO_MANIFEST).await;
    let id = result["screening_id"].as_str().unwrap().to_owned();
    let decided = reqwest::Client::new()
        .post(first.url(&format!("/v1/screenings/{id}/lines/1/decisions")))
        .json(&serde_json::json!({"flag": "DESIGNATED_PARTY", "decision": "escalated", "note": "to counsel"}))
        .send()
        .await
        .unwrap();
    assert_eq!(decided.status(), 201);
    first.handle.stop(true).await;

    let second = spawn_app(config_on(&url)).await;
    let stored: serde_json::Value = get_json(&second, None, &format!("/v1/screenings/{id}")).await;
    assert_eq!(stored["screening"], result);
    let decisions: serde_json::Value = get(
        &second,
        None,
        &format!("/v1/screenings/{id}/lines/1/decisions"),
    )
    .await
    .json()
    .await
    .unwrap();
    assert_eq!(
        decisions["decisions"][0]["decision"], "escalated",
        "{decisions}"
    );
    second.handle.stop(false).await;
}
on_both!(a_restart_keeps_everything);

/// The tables of the real AMS sample as `ams` parts of one multipart form.
fn ams_form() -> reqwest::multipart::Form {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/fixtures/ams2020_jackyho112");
    let mut names: Vec<_> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    names.sort();
    names
        .into_iter()
        .fold(reqwest::multipart::Form::new(), |form, path| {
            let name = path.file_name().unwrap().to_string_lossy().into_owned();
            let part =
                reqwest::multipart::Part::bytes(std::fs::read(&path).unwrap()).file_name(name);
            form.part("ams", part)
        })
}

#[tokio::test]
async fn an_ams_release_uploaded_as_parts_is_joined_screened_and_stored_whole() {
    let app = crate::api::support::shared_app().await;
    let client = reqwest::Client::new();
    let answer = client
        .post(app.url("/v1/screenings"))
        .multipart(ams_form())
        .send()
        .await
        .unwrap();
    assert_eq!(answer.status(), 200);
    let result: serde_json::Value = answer.json().await.unwrap();
    assert_eq!(result["summary"]["lines"], 7, "as `screen --ams` gives");
    assert_eq!(result["summary"]["errors"], 50);
    let id = result["screening_id"].as_str().unwrap();
    let stored = get_json(app, None, &format!("/v1/screenings/{id}")).await;
    assert_eq!(stored["input_format"], "ams");
    let manifest = get_json(app, None, &format!("/v1/screenings/{id}/manifest")).await;
    assert_eq!(manifest["ams_tables"].as_array().map(Vec::len), Some(12));

    let mixed = ams_form().part(
        "file",
        reqwest::multipart::Part::text("Supplier\nACME\n").file_name("m.csv"),
    );
    let answer = client
        .post(app.url("/v1/screenings"))
        .multipart(mixed)
        .send()
        .await
        .unwrap();
    crate::api::support::expect_error(answer, 400, "malformed_multipart").await;
}
