//! `POST /v1/tips`: the service's draft is the library's draft of the same screening, in the
//! format asked for; unknown shipments and lines are 404s that list what exists; a clear line is
//! refused with a 422, never drafted empty.

use std::sync::Arc;

use caatsa_screen::indicators::KnowledgeBase;
use caatsa_screen::manifest;
use caatsa_screen::report::tip::{self, TipFormat};
use caatsa_screen::screening::{Screener, Screening};
use serde_json::{json, Value};

use super::support::{expect_error, shared_app, spawn_app, test_config};

const DATE: &str = "2026-03-02";

/// One shipment: an OFAC-listed supplier on line 1, a South Korean supplier of nothing risky on
/// line 2.
fn manifest() -> Value {
    json!({"shipments":[{"shipment_id":"TIP1","lines":[
        {"line":1,"supplier_name":"Korea Ryonbong General Corp.","country_of_origin":"CN",
         "hts_code":"8479.89","description":"machinery parts"},
        {"line":2,"supplier_name":"Hanil Office Supplies","supplier_country":"South Korea",
         "country_of_origin":"KR","hts_code":"4820.10","description":"notebooks"}
    ]}]})
}

fn library_screening() -> (Screener, Screening) {
    let screener = Screener::new(Arc::new(KnowledgeBase::builtin().expect("built-in KB")));
    let bytes = serde_json::to_vec(&manifest()).expect("JSON");
    let read = manifest::read_json(&bytes).expect("manifest reads");
    let screening = screener.screen(&read.lines, read.errors, read.warnings);
    (screener, screening)
}

async fn post(query: &str, accept: Option<&str>, body: &Value) -> reqwest::Response {
    let app = shared_app().await;
    let mut request = reqwest::Client::new()
        .post(app.url(&format!("/v1/tips{query}")))
        .json(body);
    if let Some(accept) = accept {
        request = request.header("accept", accept);
    }
    request.send().await.expect("sent")
}

fn content_type(response: &reqwest::Response) -> String {
    response.headers()["content-type"]
        .to_str()
        .expect("ascii")
        .to_owned()
}

#[tokio::test]
async fn a_posted_screening_gets_the_library_draft_in_each_format() {
    let (screener, screening) = library_screening();
    let date = time::Date::from_calendar_date(2026, time::Month::March, 2).expect("date");
    let expected = tip::draft(screener.kb(), &screening, "TIP1", Some(1), date).expect("draft");
    let body = json!({"shipment_id":"TIP1","line":1,"date":DATE,"screening":screening});
    for (query, accept, format, media) in [
        ("", None, TipFormat::Md, "text/markdown"),
        ("", Some("text/html"), TipFormat::Html, "text/html"),
        (
            "?format=json",
            Some("text/html"),
            TipFormat::Json,
            "application/json",
        ),
    ] {
        let response = post(query, accept, &body).await;
        assert_eq!(response.status(), 200, "{query} {accept:?}");
        assert!(content_type(&response).starts_with(media), "{media}");
        let text = response.text().await.expect("text");
        assert_eq!(text, tip::render(&expected, format), "{format:?}");
    }
}

#[tokio::test]
async fn a_posted_manifest_is_screened_and_drafted_for_its_flagged_lines() {
    let body = json!({"shipment_id":"TIP1","date":DATE,"manifest":manifest()});
    let response = post("?format=md", None, &body).await;
    assert_eq!(response.status(), 200);
    let text = response.text().await.expect("markdown");
    assert!(text.contains(tip::TITLE), "{text}");
    assert!(text.contains("Korea Ryonbong General Corp."), "{text}");
    assert!(text.contains("TIP1"), "{text}");
}

#[tokio::test]
async fn an_unknown_shipment_or_line_is_a_404_listing_what_exists() {
    let known = json!({"shipment_id":"NOPE","manifest":manifest()});
    let error = expect_error(post("", None, &known).await, 404, "unknown_shipment").await;
    assert_eq!(error["error"]["details"][0]["shipments"], json!(["TIP1"]));
    let line = json!({"shipment_id":"TIP1","line":9,"manifest":manifest()});
    let error = expect_error(post("", None, &line).await, 404, "unknown_line").await;
    assert_eq!(error["error"]["details"][0]["lines"], json!([1, 2]));
}

#[tokio::test]
async fn a_clear_line_is_refused_not_drafted() {
    let body = json!({"shipment_id":"TIP1","line":2,"manifest":manifest()});
    let error = expect_error(post("", None, &body).await, 422, "tip_refused").await;
    let message = error["error"]["message"].as_str().expect("message");
    assert!(message.contains("clear"), "{message}");
}

#[tokio::test]
async fn malformed_tip_requests_get_their_codes() {
    let (_, screening) = library_screening();
    let neither = json!({"shipment_id":"TIP1"});
    expect_error(post("", None, &neither).await, 422, "invalid_tip_request").await;
    let both = json!({"shipment_id":"TIP1","manifest":manifest(),"screening":screening});
    expect_error(post("", None, &both).await, 422, "invalid_tip_request").await;
    let not_a_screening = json!({"shipment_id":"TIP1","screening":{"results":"no"}});
    expect_error(
        post("", None, &not_a_screening).await,
        422,
        "invalid_tip_request",
    )
    .await;
    let bad_date = json!({"shipment_id":"TIP1","date":"2.3.2026","manifest":manifest()});
    expect_error(post("", None, &bad_date).await, 422, "invalid_tip_request").await;
    let good = json!({"shipment_id":"TIP1","manifest":manifest()});
    expect_error(post("?format=pdf", None, &good).await, 400, "invalid_query").await;
    let missing_id = json!({"manifest":manifest()});
    expect_error(
        post("", None, &missing_id).await,
        422,
        "invalid_tip_request",
    )
    .await;
    let shipment_and_supplier =
        json!({"shipment_id":"TIP1","supplier":"Korea Ryonbong","manifest":manifest()});
    expect_error(
        post("", None, &shipment_and_supplier).await,
        422,
        "invalid_tip_request",
    )
    .await;
}

#[tokio::test]
async fn a_supplier_draft_covers_its_lines_and_an_unknown_or_clear_supplier_is_not_drafted() {
    let body = json!({"supplier":"Korea Ryonbong General","date":DATE,"manifest":manifest()});
    let response = post("?format=json", None, &body).await;
    assert_eq!(response.status(), 200);
    let draft: Value = response.json().await.expect("JSON draft");
    assert_eq!(draft["header"]["subject"]["kind"], "supplier");
    assert_eq!(
        draft["header"]["lines"],
        json!([{"shipment_id":"TIP1","line":1}])
    );
    assert_eq!(draft["pattern"]["totals"]["lines"], 1);

    let unknown = json!({"supplier":"Pyongyang Textile Export","manifest":manifest()});
    expect_error(post("", None, &unknown).await, 404, "unknown_supplier").await;
    let clear = json!({"supplier":"Hanil Office Supplies","manifest":manifest()});
    let error = expect_error(post("", None, &clear).await, 422, "tip_refused").await;
    assert_eq!(
        error["error"]["details"][0]["supplier"],
        "Hanil Office Supplies"
    );
}

#[tokio::test]
async fn a_tip_request_may_be_as_large_as_the_configured_body_limit() {
    // A 3 MiB request (a large screening posted back) is read, not refused at actix's 2 MiB
    // default; over the configured limit it is a 413. The padding makes `date` invalid, so
    // the read request is answered 422 without drafting anything.
    let padded =
        json!({"shipment_id": "TIP1", "date": "x".repeat(3 << 20), "manifest": manifest()});
    for (limit_mb, status, code) in [
        (8, 422, "invalid_tip_request"),
        (1, 413, "payload_too_large"),
    ] {
        let mut config = test_config();
        config.max_body_bytes = limit_mb << 20;
        let app = spawn_app(config).await;
        let response = reqwest::Client::new()
            .post(app.url("/v1/tips"))
            .json(&padded)
            .send()
            .await
            .expect("sent");
        expect_error(response, status, code).await;
    }
}
