//! `POST /v1/screenings`: the same verdicts as the library's `Screener` on the same manifest,
//! whether it arrives as JSON, streamed CSV or a multipart upload; CSV results on request.

use std::collections::BTreeMap;
use std::sync::Arc;

use caatsa_screen::indicators::KnowledgeBase;
use caatsa_screen::manifest;
use caatsa_screen::screening::Screener;
use reqwest::multipart::{Form, Part};
use serde_json::Value;

use super::support::{shared_app, DEMO_MANIFEST};

type Verdicts = BTreeMap<(String, u64), String>;

/// What the library says about the demo manifest, line by line.
fn library_verdicts() -> (Verdicts, usize) {
    let kb = KnowledgeBase::builtin().expect("built-in knowledge base");
    let screener = Screener::new(Arc::new(kb));
    let manifest = manifest::read_csv(DEMO_MANIFEST.as_bytes()).expect("demo manifest reads");
    let screening = screener.screen(&manifest.lines, manifest.errors, manifest.warnings);
    let verdicts = screening
        .results
        .iter()
        .map(|r| {
            (
                (r.shipment_id.clone(), u64::from(r.line)),
                r.verdict.as_str().to_owned(),
            )
        })
        .collect();
    (verdicts, screening.errors.len())
}

fn verdicts_of(body: &Value) -> Verdicts {
    body["results"]
        .as_array()
        .expect("results array")
        .iter()
        .map(|r| {
            (
                (
                    r["shipment_id"].as_str().expect("shipment id").to_owned(),
                    r["line"].as_u64().expect("line"),
                ),
                r["verdict"].as_str().expect("verdict").to_owned(),
            )
        })
        .collect()
}

async fn assert_same_as_library(response: reqwest::Response) {
    assert_eq!(response.status(), 200);
    let body: Value = response.json().await.expect("JSON screening");
    let (expected, errors) = library_verdicts();
    assert_eq!(verdicts_of(&body), expected);
    assert_eq!(body["errors"].as_array().map(Vec::len), Some(errors));
    assert!(body["indicators_version"]
        .as_str()
        .is_some_and(|v| !v.is_empty()));
    assert_eq!(
        body["summary"]["lines"].as_u64(),
        Some(expected.len() as u64)
    );
}

#[tokio::test]
async fn a_csv_body_is_screened_with_the_verdicts_of_the_library() {
    let app = shared_app().await;
    let response = reqwest::Client::new()
        .post(app.url("/v1/screenings"))
        .header("content-type", "text/csv")
        .body(DEMO_MANIFEST)
        .send()
        .await
        .expect("sent");
    assert_same_as_library(response).await;
}

#[tokio::test]
async fn a_csv_body_sent_in_many_small_chunks_is_screened_the_same() {
    let app = shared_app().await;
    let chunks: Vec<Result<Vec<u8>, std::io::Error>> = DEMO_MANIFEST
        .as_bytes()
        .chunks(7)
        .map(|c| Ok(c.to_vec()))
        .collect();
    let response = reqwest::Client::new()
        .post(app.url("/v1/screenings"))
        .header("content-type", "text/csv")
        .body(reqwest::Body::wrap_stream(futures_util::stream::iter(
            chunks,
        )))
        .send()
        .await
        .expect("sent");
    assert_same_as_library(response).await;
}

#[tokio::test]
async fn a_json_manifest_is_screened_with_the_verdicts_of_the_library() {
    let app = shared_app().await;
    let manifest = manifest::read_csv(DEMO_MANIFEST.as_bytes()).expect("demo manifest reads");
    let lines: Vec<Value> = manifest
        .lines
        .iter()
        .map(|line| {
            let mut value = serde_json::to_value(line).expect("serializable line");
            if let Some(object) = value.as_object_mut() {
                object.retain(|key, _| key != "source_line" && key != "extra");
            }
            value
        })
        .collect();
    let response = reqwest::Client::new()
        .post(app.url("/v1/screenings"))
        .json(&lines)
        .send()
        .await
        .expect("sent");
    assert_eq!(response.status(), 200);
    let body: Value = response.json().await.expect("JSON screening");
    let (expected, _) = library_verdicts();
    assert_eq!(verdicts_of(&body), expected);
}

#[tokio::test]
async fn a_multipart_upload_is_screened_whether_its_format_comes_from_type_name_or_content() {
    let app = shared_app().await;
    let client = reqwest::Client::new();
    let parts = [
        Part::text(DEMO_MANIFEST)
            .mime_str("text/csv")
            .expect("mime"),
        Part::bytes(DEMO_MANIFEST.as_bytes().to_vec())
            .file_name("batch.CSV")
            .mime_str("application/octet-stream")
            .expect("mime"),
        Part::bytes(DEMO_MANIFEST.as_bytes().to_vec()),
    ];
    for part in parts {
        let form = Form::new().text("note", "weekly batch").part("file", part);
        let response = client
            .post(app.url("/v1/screenings"))
            .multipart(form)
            .send()
            .await
            .expect("sent");
        assert_same_as_library(response).await;
    }
}

#[tokio::test]
async fn a_multipart_json_file_is_read_as_json() {
    let app = shared_app().await;
    let json = r#"{"shipments":[{"shipment_id":"S1","lines":[{"supplier_name":"Korea Ryonbong General Corp.","country_of_origin":"CN"}]}]}"#;
    let form = Form::new().part(
        "file",
        Part::bytes(json.as_bytes().to_vec()).file_name("manifest.json"),
    );
    let response = reqwest::Client::new()
        .post(app.url("/v1/screenings"))
        .multipart(form)
        .send()
        .await
        .expect("sent");
    assert_eq!(response.status(), 200);
    let body: Value = response.json().await.expect("JSON");
    assert_eq!(body["results"][0]["shipment_id"], "S1");
    assert_eq!(body["results"][0]["verdict"], "prohibited");
}

#[tokio::test]
async fn the_csv_result_neutralizes_formula_looking_cells_from_the_manifest() {
    let app = shared_app().await;
    // A formula in the bill-of-lading column (which starts a result row) and a supplier name
    // starting with a formula trigger (which the result quotes when it matches a listing);
    // neither may reach a spreadsheet as a formula.
    let csv = "Bill of Lading,Supplier,Country of Origin,Goods Description\n\
               \"=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\",=Korea Ryonbong General Corp.,CN,FROZEN SQUID\n\
               B2,Korea Ryonbong General Corp.,CN,MACHINES\n";
    for (query, accept) in [("", "text/csv"), ("?format=csv", "application/json")] {
        let response = reqwest::Client::new()
            .post(app.url(&format!("/v1/screenings{query}")))
            .header("content-type", "text/csv")
            .header("accept", accept)
            .body(csv)
            .send()
            .await
            .expect("sent");
        assert_eq!(response.status(), 200);
        let content_type = response.headers()["content-type"]
            .to_str()
            .expect("ascii")
            .to_owned();
        assert!(content_type.starts_with("text/csv"), "{content_type}");
        let text = response.text().await.expect("CSV");
        let mut rows = csv::Reader::from_reader(text.as_bytes());
        assert_eq!(&rows.headers().expect("header")[0], "shipment_id");
        let records: Vec<csv::StringRecord> = rows.records().map(|r| r.expect("row")).collect();
        assert_eq!(records.len(), 2);
        assert_eq!(&records[0][0], "'=HYPERLINK(\"http://x\",\"y\")");
        for record in &records {
            for cell in record {
                assert!(
                    !cell.starts_with(['=', '+', '-', '@']),
                    "cell {cell:?} would be evaluated by a spreadsheet"
                );
            }
        }
        assert!(
            records[0]
                .iter()
                .any(|cell| cell.contains("\"=Korea Ryonbong General Corp.\"")),
            "the formula-looking supplier is quoted inside a cell, as text: {text}"
        );
        let verdict = rows
            .headers()
            .expect("header")
            .iter()
            .position(|h| h == "verdict")
            .expect("a verdict column");
        assert_eq!(&records[0][verdict], "prohibited");
        assert_eq!(&records[1][verdict], "prohibited");
    }
}

#[tokio::test]
async fn row_errors_beside_good_lines_are_reported_in_the_result_not_as_a_failure() {
    let app = shared_app().await;
    let csv = "Supplier,Country of Origin,Line\nACME Trading,CN,1\nOther Co,CN,not-a-number\n";
    let response = reqwest::Client::new()
        .post(app.url("/v1/screenings"))
        .header("content-type", "text/csv")
        .body(csv)
        .send()
        .await
        .expect("sent");
    assert_eq!(response.status(), 200);
    let body: Value = response.json().await.expect("JSON");
    assert_eq!(body["summary"]["lines"], 1);
    assert_eq!(body["summary"]["errors"], 1);
    assert_eq!(body["errors"][0]["line"], 3);
}
