//! Health, readiness, metrics and the OpenAPI document.

use serde_json::Value;

use caatsa_screen::server::routes::ROUTES;

use super::support::{metric, shared_app};

#[tokio::test]
async fn head_works_wherever_get_does_and_sends_no_body() {
    let app = shared_app().await;
    let client = reqwest::Client::new();
    for (method, path) in ROUTES.iter().filter(|(method, _)| *method == "GET") {
        let get = client.get(app.url(path)).send().await.expect("sent");
        let head = client.head(app.url(path)).send().await.expect("sent");
        assert_eq!(
            head.status(),
            get.status(),
            "{method} {path}: HEAD answers as GET does"
        );
        assert_eq!(
            head.headers().get("content-type"),
            get.headers().get("content-type"),
            "{path}"
        );
        assert!(
            head.bytes().await.expect("read").is_empty(),
            "{path}: no body"
        );
    }
}

#[tokio::test]
async fn healthz_and_readyz_answer_200_once_the_knowledge_base_is_loaded() {
    let app = shared_app().await;
    let client = reqwest::Client::new();
    let health: Value = client
        .get(app.url("/healthz"))
        .send()
        .await
        .expect("sent")
        .json()
        .await
        .expect("JSON");
    assert_eq!(health["status"], "ok");
    let ready = client.get(app.url("/readyz")).send().await.expect("sent");
    assert_eq!(ready.status(), 200);
    assert!(ready.headers().contains_key("x-request-id"));
    let ready: Value = ready.json().await.expect("JSON");
    assert!(ready["indicators_version"]
        .as_str()
        .is_some_and(|v| !v.is_empty()));
}

#[tokio::test]
async fn metrics_count_requests_by_route_template_and_lines_by_verdict() {
    let app = shared_app().await;
    let client = reqwest::Client::new();
    let scrape = || async {
        client
            .get(app.url("/metrics"))
            .send()
            .await
            .expect("sent")
            .text()
            .await
            .expect("text")
    };
    let series =
        "caatsa_http_requests_total{route=\"/v1/indicators/search\",method=\"GET\",status=\"200\"}";
    let before = scrape().await;
    client
        .get(app.url("/v1/indicators/search?q=Ryonbong"))
        .send()
        .await
        .expect("sent");
    let response = client
        .post(app.url("/v1/screenings"))
        .header("content-type", "text/csv")
        .body("Supplier,Country of Origin\nKorea Ryonbong General Corp.,KP\n")
        .send()
        .await
        .expect("sent");
    assert_eq!(response.status(), 200);
    let after = scrape().await;
    assert!(
        metric(&after, series) >= metric(&before, series) + 1.0,
        "{after}"
    );
    let prohibited = "caatsa_lines_screened_total{verdict=\"prohibited\"}";
    assert!(metric(&after, prohibited) >= metric(&before, prohibited) + 1.0);
    assert!(
        after.contains("caatsa_knowledge_base_list_age_days "),
        "{after}"
    );
    assert!(after.contains("# TYPE caatsa_http_request_duration_seconds histogram"));
    assert!(
        !after.contains("q=Ryonbong"),
        "raw paths never become labels"
    );
}

#[tokio::test]
async fn the_openapi_document_is_json_and_lists_every_route_with_its_method() {
    let app = shared_app().await;
    let response = reqwest::Client::new()
        .get(app.url("/openapi.json"))
        .send()
        .await
        .expect("sent");
    assert_eq!(response.status(), 200);
    let document: Value = response.json().await.expect("JSON");
    assert!(document["openapi"]
        .as_str()
        .is_some_and(|v| v.starts_with('3')));
    for (method, path) in ROUTES {
        let operation = &document["paths"][path][method.to_ascii_lowercase()];
        assert!(operation.is_object(), "{method} {path} is documented");
        assert!(
            operation["responses"].is_object(),
            "{method} {path} has responses"
        );
    }
    let paths: std::collections::BTreeSet<&str> = ROUTES.iter().map(|(_, p)| *p).collect();
    assert_eq!(
        document["paths"].as_object().map(|p| p.len()),
        Some(paths.len()),
        "no undocumented or stale paths"
    );
    assert!(document["components"]["schemas"]["ErrorBody"].is_object());
    // Operation ids are unique: generated clients name their methods after them.
    let mut ids: Vec<&str> = ROUTES
        .iter()
        .filter_map(|(method, path)| {
            document["paths"][path][method.to_ascii_lowercase()]["operationId"].as_str()
        })
        .collect();
    let documented = ids.len();
    ids.sort_unstable();
    ids.dedup();
    assert_eq!(ids.len(), documented, "duplicate operationIds: {ids:?}");
    // The screening result is a typed schema, down to the verdict enum.
    let screening = &document["paths"]["/v1/screenings"]["post"]["responses"]["200"]["content"]
        ["application/json"]["schema"]["$ref"];
    assert_eq!(screening, "#/components/schemas/Screening");
    let verdict = &document["components"]["schemas"]["Verdict"]["enum"];
    assert_eq!(
        verdict,
        &serde_json::json!(["clear", "review", "high_risk", "presumption", "prohibited"])
    );
    // Every body is a named, typed schema: no bare `object` a generated client cannot type.
    let mut untyped = Vec::new();
    untyped_objects(&document, "#", &mut untyped);
    assert!(untyped.is_empty(), "untyped objects: {untyped:?}");
    // Every operation documents the answers every route can give.
    for (method, path) in ROUTES {
        let responses = &document["paths"][path][method.to_ascii_lowercase()]["responses"];
        for status in ["405", "500"] {
            assert!(
                responses[status].is_object(),
                "{method} {path} documents {status}"
            );
        }
        assert!(responses["405"]["headers"]["Allow"].is_object());
    }
    // The contract is pinned: any change to it is a visible diff.
    insta::assert_json_snapshot!("openapi", document);
}

/// Paths of schemas that say `"type": "object"` and nothing about their keys.
fn untyped_objects(value: &Value, path: &str, found: &mut Vec<String>) {
    match value {
        Value::Object(map) => {
            let is_object = map.get("type").is_some_and(|t| {
                t == "object" || t.as_array().is_some_and(|a| a.contains(&"object".into()))
            });
            if is_object
                && !map.contains_key("properties")
                && !map.contains_key("additionalProperties")
            {
                found.push(path.to_owned());
            }
            for (key, child) in map {
                untyped_objects(child, &format!("{path}/{key}"), found);
            }
        }
        Value::Array(items) => {
            for (i, child) in items.iter().enumerate() {
                untyped_objects(child, &format!("{path}/{i}"), found);
            }
        }
        _ => {}
    }
}

#[tokio::test]
async fn swagger_ui_is_served_under_docs() {
    let app = shared_app().await;
    let client = reqwest::Client::builder()
        .redirect(reqwest::redirect::Policy::limited(3))
        .build()
        .expect("client");
    let response = client.get(app.url("/docs")).send().await.expect("sent");
    assert_eq!(response.status(), 200);
    let html = response.text().await.expect("html");
    assert!(html.contains("<html"), "{html}");
}
