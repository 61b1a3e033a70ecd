//! Input meant to hold the service: a client that stops sending its body is answered 408
//! `request_timeout` in the JSON error shape once `body_idle_timeout_secs` passes, and the
//! screening slot it held is freed; a pathological cell (a 100 KB name) is a row error found in
//! linear time, not seconds of matching; nothing is lost without a word: a `fail_on` gate trips on
//! rows that could not be read, and a line number given twice in a shipment is a row error.

use std::io::{Read, Write};
use std::net::TcpStream;
use std::time::{Duration, Instant};

use serde_json::Value;

use super::records::post_csv;
use super::support::{held_upload, shared_app, spawn_app, test_config, DEMO_MANIFEST};

/// Sends the head of a request promising `declared` bytes of body, then only `sent`, and reads
/// whatever the server answers (it closes the connection after an error).
fn stalled_request(
    port: &str,
    content_type: &str,
    declared: usize,
    sent: &str,
) -> (String, Duration) {
    let mut stream = TcpStream::connect(format!("127.0.0.1:{port}")).expect("connect");
    stream
        .set_read_timeout(Some(Duration::from_secs(20)))
        .expect("read timeout");
    let head = format!(
        "POST /v1/screenings HTTP/1.1\r\nHost: test\r\nContent-Type: {content_type}\r\n\
         Content-Length: {declared}\r\n\r\n{sent}"
    );
    let started = Instant::now();
    stream.write_all(head.as_bytes()).expect("write");
    let mut answer = Vec::new();
    let mut buffer = [0u8; 4096];
    // Read until the body of the answer has arrived (the JSON error ends with `}}`).
    while let Ok(n) = stream.read(&mut buffer) {
        if n == 0 {
            break;
        }
        answer.extend_from_slice(&buffer[..n]);
        if answer.ends_with(b"}}") {
            break;
        }
    }
    (
        String::from_utf8_lossy(&answer).into_owned(),
        started.elapsed(),
    )
}

#[tokio::test]
async fn a_stalled_body_is_a_408_and_frees_its_screening_slot() {
    let mut config = test_config();
    config.body_idle_timeout = Duration::from_secs(1);
    config.max_concurrent_screenings = 1;
    config.admission_wait = Duration::from_millis(200);
    let app = spawn_app(config).await;
    let port = app.address.rsplit(':').next().expect("port").to_owned();

    for content_type in ["text/csv", "application/json"] {
        let port = port.clone();
        let sent = "Supplier,Country of Origin\nACME,CN\n";
        let (answer, waited) =
            tokio::task::spawn_blocking(move || stalled_request(&port, content_type, 10_000, sent))
                .await
                .expect("joined");
        assert!(
            answer.starts_with("HTTP/1.1 408"),
            "{content_type}: {answer}"
        );
        assert!(answer.contains("\"code\":\"request_timeout\""), "{answer}");
        assert!(
            waited < Duration::from_secs(10),
            "the 408 came after {waited:?}, not after about the 1 s idle timeout"
        );
    }

    // The one screening slot was released: a normal request is screened.
    let response = post_csv(&app, None, DEMO_MANIFEST).await;
    assert_eq!(response.status(), 200);
}

#[tokio::test]
async fn a_huge_name_is_a_row_error_answered_at_once_and_the_other_lines_are_screened() {
    let app = shared_app().await;
    let huge = "X".repeat(100_000);
    let manifest = serde_json::json!({"shipments": [{"shipment_id": "BIG", "lines": [
        {"line": 1, "supplier_name": huge, "country_of_origin": "CN"},
        {"line": 2, "supplier_name": "Korea Ryonbong General Corp.", "country_of_origin": "CN"}
    ]}]});
    let started = Instant::now();
    let response = reqwest::Client::new()
        .post(app.url("/v1/screenings"))
        .json(&manifest)
        .send()
        .await
        .expect("sent");
    let waited = started.elapsed();
    assert_eq!(response.status(), 200);
    let body: serde_json::Value = response.json().await.expect("JSON");
    assert_eq!(
        body["errors"][0]["column"], "supplier_name",
        "{}",
        body["errors"]
    );
    assert!(body["errors"][0]["message"]
        .as_str()
        .is_some_and(|m| m.contains("400 characters")));
    assert_eq!(body["results"][0]["line"], 2);
    assert_eq!(body["results"][0]["verdict"], "prohibited");
    assert!(waited < Duration::from_secs(5), "took {waited:?}");
}

/// POSTs `body` (CSV) to `/v1/screenings` with `query`; the status, the gate headers, the body.
async fn screen_csv_with(query: &str, body: &str) -> (u16, Option<String>, Option<String>, Value) {
    screen_with(query, "text/csv", body).await
}

/// POSTs `body` as `content_type` to `/v1/screenings` with `query`; as [`screen_csv_with`].
async fn screen_with(
    query: &str,
    content_type: &str,
    body: &str,
) -> (u16, Option<String>, Option<String>, Value) {
    let app = shared_app().await;
    let response = reqwest::Client::new()
        .post(app.url(&format!("/v1/screenings{query}")))
        .header("content-type", content_type)
        .body(body.to_owned())
        .send()
        .await
        .expect("sent");
    let header = |name: &str| {
        response
            .headers()
            .get(name)
            .map(|v| v.to_str().expect("ASCII header").to_owned())
    };
    let (gate, reasons) = (header("caatsa-gate"), header("caatsa-gate-reasons"));
    let status = response.status().as_u16();
    (status, gate, reasons, response.json().await.expect("JSON"))
}

#[tokio::test]
async fn fail_on_trips_on_a_row_that_could_not_be_read_unless_row_errors_are_allowed() {
    // The second row has a field too many: it is not screened, so it may hide anything.
    let csv = "Supplier,Country of Origin\nACME Trading,US\n\"Some Name\",CN,extra\n";
    let (status, gate, reasons, body) = screen_csv_with("?fail_on=prohibited", csv).await;
    assert_eq!(status, 200, "{body}");
    assert_eq!(body["summary"]["errors"], 1);
    assert_eq!(gate.as_deref(), Some("failed"));
    let reasons = reasons.expect("reasons");
    assert!(reasons.contains("1 row(s) could not be read"), "{reasons}");
    assert!(reasons.contains("allow_row_errors=true"), "{reasons}");

    let (_, gate, reasons, _) =
        screen_csv_with("?fail_on=prohibited&allow_row_errors=true", csv).await;
    assert_eq!(gate.as_deref(), Some("passed"));
    assert_eq!(reasons, None);

    let (_, gate, _, _) = screen_csv_with("", csv).await;
    assert_eq!(gate, None, "no gate asked, no gate header");

    let (status, _, _, body) = screen_csv_with("?allow_row_errors=true", csv).await;
    assert_eq!(status, 400);
    assert_eq!(body["error"]["code"], "invalid_query");
    let (status, _, _, body) = screen_csv_with("?fail_on=clear", csv).await;
    assert_eq!(status, 400, "{body}");
}

#[tokio::test]
async fn fail_on_trips_on_a_line_at_its_level() {
    let csv = "Supplier,Country of Origin\nKorea Ryonbong General Corporation,CN\n";
    let (_, gate, reasons, body) = screen_csv_with("?fail_on=review", csv).await;
    assert_eq!(body["results"][0]["verdict"], "prohibited");
    assert_eq!(gate.as_deref(), Some("failed"));
    assert!(reasons
        .expect("reasons")
        .contains("1 line(s) at review or above"));
}

#[tokio::test]
async fn a_json_line_giving_one_field_twice_with_different_values_is_a_row_error() {
    // Screening only the first supplier would miss the designated party in the second key.
    let json = r#"{"lines": [
        {"line": 1, "supplier": "ACME Trading", "supplier_name": "Korea Ryonbong General Corporation"},
        {"line": 2, "supplier_name": "ACME Trading", "supplier_name": "ACME Trading"}
    ]}"#;
    let (status, gate, _, body) =
        screen_with("?fail_on=prohibited", "application/json", json).await;
    assert_eq!(status, 200, "{body}");
    assert_eq!(body["summary"]["lines"], 1, "{body}");
    let error = &body["errors"][0];
    assert_eq!(error["line"], 2, "the input line of the object: {error}");
    let message = error["message"].as_str().expect("message");
    assert!(
        message.contains("`supplier`") && message.contains("`supplier_name`"),
        "{message}"
    );
    assert_eq!(
        gate.as_deref(),
        Some("failed"),
        "the unread line trips the gate"
    );
}

#[tokio::test]
async fn a_line_number_given_twice_in_a_shipment_is_a_row_error_not_a_second_line() {
    let csv = "Bill of Lading,Line,Supplier,Country of Origin\nB1,1,ACME Trading,CN\nB1,1,Korea Ryonbong General Corporation,CN\nB2,1,ACME Trading,CN\n";
    let (status, gate, _, body) = screen_csv_with("?fail_on=prohibited", csv).await;
    assert_eq!(status, 200, "{body}");
    assert_eq!(body["summary"]["lines"], 2);
    assert_eq!(body["errors"][0]["line"], 3);
    let message = body["errors"][0]["message"].as_str().expect("message");
    assert!(
        message.contains("line 1 of shipment `B1` is given twice"),
        "{message}"
    );
    assert_eq!(
        gate.as_deref(),
        Some("failed"),
        "the unread row trips the gate"
    );
}

/// A CSV of `n` flag-heavy seafood lines: long enough to screen for several seconds in a test
/// build.
fn seafood_csv(n: usize) -> String {
    let mut csv = String::from("Supplier,Country of Origin,HTS\n");
    for i in 0..n {
        csv.push_str(&format!(
            "Dandong Seafood Processing {i} Co Ltd,CN,0304.75\n"
        ));
    }
    csv
}

#[tokio::test]
async fn a_screening_past_its_time_budget_is_a_503_and_nothing_is_stored() {
    let mut config = test_config();
    config.screening_timeout = Duration::from_secs(1);
    let app = spawn_app(config).await;
    let started = Instant::now();
    let response = post_csv(&app, None, &seafood_csv(100_000)).await;
    let waited = started.elapsed();
    assert_eq!(response.status(), 503);
    let body: Value = response.json().await.expect("JSON");
    assert_eq!(body["error"]["code"], "screening_timeout", "{body}");
    assert!(waited < Duration::from_secs(6), "stopped after {waited:?}");
    let listed: Value = reqwest::get(app.url("/v1/screenings"))
        .await
        .expect("listed")
        .json()
        .await
        .expect("JSON");
    assert_eq!(
        listed["screenings"].as_array().map(Vec::len),
        Some(0),
        "{listed}"
    );
}

#[tokio::test]
async fn a_large_answer_is_streamed_from_the_packed_copy_whole_and_with_its_length() {
    // 400 flagged lines render to more than 1 MiB, past which the answer is unpacked from the
    // stored copy as it is sent.
    let app = shared_app().await;
    let response = post_csv(app, None, &seafood_csv(400)).await;
    assert_eq!(response.status(), 200);
    let length = response.content_length().expect("a Content-Length");
    let bytes = response.bytes().await.expect("the body");
    assert!(bytes.len() > 1 << 20, "{} bytes", bytes.len());
    assert_eq!(bytes.len() as u64, length);
    let answered: Value = serde_json::from_slice(&bytes).expect("one JSON document");
    assert_eq!(answered["summary"]["lines"], 400);
    let id = answered["screening_id"].as_str().expect("id");
    let stored: Value = reqwest::get(app.url(&format!("/v1/screenings/{id}")))
        .await
        .expect("read back")
        .json()
        .await
        .expect("JSON");
    assert_eq!(stored["screening"], answered);
}

#[tokio::test]
async fn a_big_stored_result_is_read_back_as_stored_without_decoding_it_whole() {
    let app = shared_app().await;
    let answered = post_csv(app, None, &seafood_csv(4_000)).await;
    assert_eq!(answered.status(), 200);
    let answered: Value = answered.json().await.expect("JSON");
    let id = answered["screening_id"].as_str().expect("id");
    let response = reqwest::get(app.url(&format!("/v1/screenings/{id}")))
        .await
        .expect("read back");
    assert_eq!(response.status(), 200);
    // Sent as it is unpacked, so without a length known in advance: the big-result path.
    assert_eq!(response.content_length(), None);
    let stored: Value = response.json().await.expect("one JSON document");
    assert_eq!(stored["screening"], answered);
    assert_eq!(stored["screening_id"], answered["screening_id"]);
    assert_eq!(stored["summary"]["lines"], 4_000, "the record's own fields");

    // A small result is decoded and sent whole, with its length.
    let small = post_csv(app, None, &seafood_csv(3)).await;
    let small: Value = small.json().await.expect("JSON");
    let id = small["screening_id"].as_str().expect("id");
    let response = reqwest::get(app.url(&format!("/v1/screenings/{id}")))
        .await
        .expect("read back");
    assert!(response.content_length().is_some());
    let stored: Value = response.json().await.expect("JSON");
    assert_eq!(stored["screening"], small);
}

#[tokio::test]
async fn a_csv_upload_still_arriving_holds_no_screening_slot() {
    let mut config = test_config();
    config.max_concurrent_screenings = 1;
    config.admission_wait = Duration::from_millis(200);
    let app = spawn_app(config).await;
    let (tx, upload) = held_upload(&app);
    tx.send(Ok(b"Supplier,Country of Origin\nACME Trading,CN\n".to_vec()))
        .await
        .expect("first chunk");
    tokio::time::sleep(Duration::from_millis(300)).await;
    // The only slot is free while the upload's body is still arriving.
    let response = post_csv(&app, None, DEMO_MANIFEST).await;
    assert_eq!(response.status(), 200);
    tx.send(Ok(b"Korea Ryonbong General Corporation,CN\n".to_vec()))
        .await
        .expect("second chunk");
    drop(tx);
    let response = upload.await.expect("joined").expect("answered");
    assert_eq!(response.status(), 200);
    let screening: Value = response.json().await.expect("JSON");
    assert_eq!(screening["summary"]["lines"], 2);
}
