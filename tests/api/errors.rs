//! Every failure has one JSON shape, `{"error":{"code","message","details"}}`, with a stable code
//! and its status — extractor failures, 404 and 405 included.

use std::time::Duration;

use futures_util::stream;
use serde_json::Value;

use super::support::{expect_error, metric, shared_app, spawn_app, test_config};

async fn post(path: &str, content_type: &str, body: impl Into<reqwest::Body>) -> reqwest::Response {
    let app = shared_app().await;
    reqwest::Client::new()
        .post(app.url(path))
        .header("content-type", content_type)
        .body(body)
        .send()
        .await
        .expect("sent")
}

async fn post_form(form: reqwest::multipart::Form) -> reqwest::Response {
    let app = shared_app().await;
    reqwest::Client::new()
        .post(app.url("/v1/screenings"))
        .multipart(form)
        .send()
        .await
        .expect("an answer, not a closed connection")
}

#[tokio::test]
async fn malformed_json_is_a_400_with_line_and_column() {
    let response = post(
        "/v1/screenings",
        "application/json",
        "{\n  \"lines\": [ {\"supplier_name\": }\n]}",
    )
    .await;
    let body = expect_error(response, 400, "malformed_json").await;
    assert_eq!(body["error"]["details"][0]["line"], 2);
    assert!(body["error"]["details"][0]["column"]
        .as_u64()
        .is_some_and(|c| c > 0));
}

#[tokio::test]
async fn a_csv_whose_header_cannot_be_read_is_a_400_with_its_line() {
    let response = post(
        "/v1/screenings",
        "text/csv",
        &b"Supp\xffier,Country\nACME,CN\n"[..],
    )
    .await;
    let body = expect_error(response, 400, "malformed_csv").await;
    assert_eq!(body["error"]["details"][0]["line"], 1);
    assert!(body["error"]["message"]
        .as_str()
        .is_some_and(|m| m.contains("UTF-8")));
}

#[tokio::test]
async fn an_empty_file_part_with_no_declared_type_is_a_422_not_a_dropped_connection() {
    // Found by schemathesis: the part ended while its format was being sniffed, and polling it
    // again panicked inside actix-multipart, which dropped the connection without an answer.
    for file_name in ["file", "manifest"] {
        let part = reqwest::multipart::Part::bytes(Vec::new()).file_name(file_name);
        let form = reqwest::multipart::Form::new().part("file", part);
        let response = post_form(form).await;
        expect_error(response, 422, "no_screenable_line").await;
    }
}

#[tokio::test]
async fn a_form_with_two_file_parts_is_refused_not_half_screened() {
    let part = |name: &str| {
        reqwest::multipart::Part::bytes(b"Supplier,Country of Origin\nACME,CN\n".to_vec())
            .file_name(name.to_owned())
    };
    let form = reqwest::multipart::Form::new()
        .part("file", part("a.csv"))
        .text("note", "between the files")
        .part("file", part("b.csv"));
    let response = post_form(form).await;
    let body = expect_error(response, 400, "malformed_multipart").await;
    assert!(body["error"]["message"]
        .as_str()
        .is_some_and(|m| m.contains("more than one")));
}

#[tokio::test]
async fn a_multipart_form_without_a_file_part_is_a_400() {
    let form = reqwest::multipart::Form::new().text("manifest", "Supplier\nACME\n");
    let response = post_form(form).await;
    let body = expect_error(response, 400, "malformed_multipart").await;
    assert!(body["error"]["message"]
        .as_str()
        .is_some_and(|m| m.contains("`file`")));
}

#[tokio::test]
async fn an_unsupported_content_type_is_a_415_listing_the_accepted_ones() {
    let response = post("/v1/screenings", "application/x-www-form-urlencoded", "a=b").await;
    let body = expect_error(response, 415, "unsupported_media_type").await;
    assert_eq!(
        body["error"]["details"][0]["accepted"],
        serde_json::json!(["application/json", "text/csv", "multipart/form-data"])
    );
}

#[tokio::test]
async fn a_manifest_with_no_screenable_line_is_a_422_listing_its_row_errors() {
    let csv = "Supplier,Line\nACME,first\nOther,second\n";
    let response = post("/v1/screenings", "text/csv", csv).await;
    let body = expect_error(response, 422, "no_screenable_line").await;
    let details = body["error"]["details"].as_array().expect("details");
    assert_eq!(details.len(), 2);
    assert_eq!(details[0]["line"], 2);
    assert_eq!(details[1]["line"], 3);
}

#[tokio::test]
async fn a_csv_without_a_supplier_manufacturer_or_country_column_is_a_422() {
    let response = post("/v1/screenings", "text/csv", "Quantity,Value\n1,2\n").await;
    expect_error(response, 422, "invalid_manifest").await;
}

#[tokio::test]
async fn a_json_document_of_the_wrong_shape_is_a_422() {
    let response = post("/v1/screenings", "application/json", "{\"rows\": []}").await;
    expect_error(response, 422, "invalid_manifest").await;
}

#[tokio::test]
async fn an_unknown_result_format_is_a_400_invalid_query() {
    let response = post("/v1/screenings?format=xlsx", "text/csv", "Supplier\nACME\n").await;
    let body = expect_error(response, 400, "invalid_query").await;
    assert_eq!(body["error"]["details"][0]["parameter"], "format");
}

#[tokio::test]
async fn an_unknown_path_is_a_json_404_and_a_wrong_method_a_json_405() {
    let app = shared_app().await;
    let client = reqwest::Client::new();
    // Under /docs the answer comes from the documentation's file service, which has no body of
    // its own for an unknown file.
    for path in ["/v1/nothing-here", "/docs/nothing-here.js"] {
        let response = client.get(app.url(path)).send().await.expect("sent");
        assert!(
            response.headers().contains_key("x-request-id"),
            "{path}: the request id is on every answer"
        );
        expect_error(response, 404, "not_found").await;
    }
    for (method, path, allow) in [
        (reqwest::Method::GET, "/v1/tips", "POST"),
        (reqwest::Method::DELETE, "/v1/screenings", "POST, GET, HEAD"),
        (
            reqwest::Method::PUT,
            "/v1/screenings/x/lines/1/decisions",
            "POST, GET, HEAD",
        ),
        (reqwest::Method::DELETE, "/v1/indicators", "GET, HEAD"),
        (reqwest::Method::PUT, "/openapi.json", "GET, HEAD"),
    ] {
        let response = client
            .request(method, app.url(path))
            .send()
            .await
            .expect("sent");
        let header = response.headers().get("allow").cloned();
        expect_error(response, 405, "method_not_allowed").await;
        assert_eq!(
            header.as_ref().and_then(|v| v.to_str().ok()),
            Some(allow),
            "{path}: a 405 says which methods the path answers"
        );
    }
}

/// A CSV manifest of about `bytes` bytes.
fn csv_of_size(bytes: usize) -> String {
    let mut csv = String::from("Supplier,Country of Origin,Goods Description\n");
    let mut i = 0;
    while csv.len() < bytes {
        csv.push_str(&format!("Supplier number {i},CN,FROZEN SQUID TUBES\n"));
        i += 1;
    }
    csv
}

#[tokio::test]
async fn a_body_over_the_limit_is_a_413_whether_its_length_is_declared_or_streamed() {
    let mut config = test_config();
    config.max_body_bytes = 1024 * 1024;
    let app = spawn_app(config).await;
    let client = reqwest::Client::new();
    let big = csv_of_size(1024 * 1024 + 10_000);

    let declared = client
        .post(app.url("/v1/screenings"))
        .header("content-type", "text/csv")
        .body(big.clone())
        .send()
        .await
        .expect("sent");
    let body = expect_error(declared, 413, "payload_too_large").await;
    assert_eq!(body["error"]["details"][0]["limit_bytes"], 1024 * 1024);

    let chunks: Vec<Result<Vec<u8>, std::io::Error>> = big
        .as_bytes()
        .chunks(16 * 1024)
        .map(|c| Ok(c.to_vec()))
        .collect();
    let streamed = client
        .post(app.url("/v1/screenings"))
        .header("content-type", "text/csv")
        .body(reqwest::Body::wrap_stream(stream::iter(chunks)))
        .send()
        .await
        .expect("sent");
    expect_error(streamed, 413, "payload_too_large").await;

    let json = format!(
        "[{}]",
        vec!["{\"supplier_name\":\"ACME\"}"; 60_000].join(",")
    );
    let response = client
        .post(app.url("/v1/screenings"))
        .header("content-type", "application/json")
        .body(json)
        .send()
        .await
        .expect("sent");
    expect_error(response, 413, "payload_too_large").await;

    let form = reqwest::multipart::Form::new().part(
        "file",
        reqwest::multipart::Part::bytes(big.into_bytes()).file_name("big.csv"),
    );
    let response = client
        .post(app.url("/v1/screenings"))
        .multipart(form)
        .send()
        .await
        .expect("sent");
    expect_error(response, 413, "payload_too_large").await;
}

#[tokio::test]
async fn with_no_screening_slot_free_a_request_is_a_503_with_retry_after_and_is_counted() {
    let mut config = test_config();
    config.max_concurrent_screenings = 0;
    config.admission_wait = Duration::ZERO;
    config.retry_after_secs = 2;
    let app = spawn_app(config).await;
    let client = reqwest::Client::new();
    for content_type in ["text/csv", "application/json"] {
        let body = if content_type == "text/csv" {
            "Supplier\nACME\n"
        } else {
            "[{\"supplier_name\":\"ACME\"}]"
        };
        let response = client
            .post(app.url("/v1/screenings"))
            .header("content-type", content_type)
            .body(body)
            .send()
            .await
            .expect("sent");
        assert_eq!(
            response.headers().get("retry-after").map(|v| v.as_bytes()),
            Some(&b"2"[..])
        );
        expect_error(response, 503, "overloaded").await;
    }
    let metrics = client
        .get(app.url("/metrics"))
        .send()
        .await
        .expect("sent")
        .text()
        .await
        .expect("text");
    assert_eq!(metric(&metrics, "caatsa_rejected_requests_total"), 2.0);
    assert_eq!(
        metric(
            &metrics,
            "caatsa_http_requests_total{route=\"/v1/screenings\",method=\"POST\",status=\"503\"}"
        ),
        2.0
    );
    // Everything but screening still answers.
    let ready: Value = client
        .get(app.url("/readyz"))
        .send()
        .await
        .expect("sent")
        .json()
        .await
        .expect("JSON");
    assert_eq!(ready["status"], "ready");
}

#[test]
fn the_service_documentation_lists_every_error_code_with_its_status() {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("docs/service.md");
    let docs = std::fs::read_to_string(path).expect("docs/service.md");
    for code in caatsa_screen::server::ErrorCode::ALL {
        let row = format!("| `{}` | {} |", code.as_str(), code.status().as_u16());
        assert!(docs.contains(&row), "docs/service.md lacks the row {row}");
    }
}
