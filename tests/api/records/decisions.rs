//! Analyst decisions: appended (never replaced) with who and when, refused for a flag the line
//! does not carry or an unknown decision, and shown in a later screening's evidence of the same
//! supplier against the same listed entity, and not beside a different supplier.

use serde_json::json;

use super::backend::Backend;
use super::{app_on, get_json, one_line, screen};
use crate::api::support::TestApp;
use crate::on_both;

async fn decide(app: &TestApp, id: &str, line: u32, body: serde_json::Value) -> reqwest::Response {
    reqwest::Client::new()
        .post(app.url(&format!("/v1/screenings/{id}/lines/{line}/decisions")))
        .json(&body)
        .send()
        .await
        .unwrap()
}

async fn decisions_are_appended_and_shown_later(backend: Backend) {
    let (app, _) = app_on(backend).await;
    let listed = one_line("Korea Ryonbong General Corp.");
    let first = screen(&app, None, &listed).await;
    let id = first["screening_id"].as_str().unwrap();
    assert_eq!(first["results"][0]["flags"][0]["code"], "DESIGNATED_PARTY");
    assert!(first["results"][0]["flags"][0]
        .get("prior_decisions")
        .is_none());

    let escalated = decide(
        &app,
        id,
        1,
        serde_json::json!({"flag": "DESIGNATED_PARTY", "decision": "escalated", "note": "ask counsel"}),
    )
    .await;
    assert_eq!(escalated.status(), 201);
    let recorded: serde_json::Value = escalated.json().await.unwrap();
    assert_eq!(recorded["decided_by"], "local");
    assert_eq!(recorded["line"], 1);
    let cleared = decide(
        &app,
        id,
        1,
        serde_json::json!({"flag": "DESIGNATED_PARTY", "decision": "false_positive", "note": "different company: registration 12345"}),
    )
    .await;
    assert_eq!(cleared.status(), 201);

    let history = get_json(
        &app,
        None,
        &format!("/v1/screenings/{id}/lines/1/decisions"),
    )
    .await;
    let kinds: Vec<&str> = history["decisions"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| d["decision"].as_str().unwrap())
        .collect();
    assert_eq!(
        kinds,
        ["escalated", "false_positive"],
        "appended, oldest first"
    );
    assert_eq!(history["shipment_id"], "BL-1");

    let later = screen(&app, None, &listed).await;
    let flag = &later["results"][0]["flags"][0];
    let prior = flag["prior_decisions"]
        .as_array()
        .expect("shown with the flag");
    assert_eq!(prior.len(), 2, "{flag}");
    let text = prior[1]["text"].as_str().unwrap();
    assert!(
        text.starts_with("decided false positive on 20")
            && text.ends_with("by local: different company: registration 12345"),
        "{text}"
    );
    assert_eq!(prior[1]["screening_id"], id);
    assert_eq!(
        later["results"][0]["verdict"], "prohibited",
        "shown, never applied"
    );

    // Another supplier matching the same listed entity is a different subject.
    let other = screen(&app, None, &one_line("Korea Ryonbong General Corporation")).await;
    if let Some(flag) = other["results"][0]["flags"]
        .as_array()
        .and_then(|f| f.first())
    {
        assert!(flag.get("prior_decisions").is_none(), "{flag}");
    }
    app.handle.stop(false).await;
}
on_both!(decisions_are_appended_and_shown_later);

async fn bad_decisions_are_refused(backend: Backend) {
    let (app, _) = app_on(backend).await;
    let result = screen(&app, None, &one_line("Korea Ryonbong General Corp.")).await;
    let id = result["screening_id"].as_str().unwrap();
    let long = "x".repeat(5000);
    let cases = [
        (
            id,
            1,
            json!({"flag": "KP_ORIGIN", "decision": "cleared"}),
            422,
            "unknown_flag",
            "flags",
            json!(["DESIGNATED_PARTY", "SECTOR_COUNTRY_RISK"]),
        ),
        (
            id,
            1,
            json!({"flag": "DESIGNATED_PARTY", "decision": "maybe"}),
            422,
            "invalid_decision",
            "parameter",
            json!("decision"),
        ),
        (
            id,
            1,
            json!({"flag": "DESIGNATED_PARTY", "decision": "cleared", "note": long}),
            422,
            "invalid_decision",
            "-",
            json!(null),
        ),
        (
            id,
            2,
            json!({"flag": "DESIGNATED_PARTY", "decision": "cleared"}),
            404,
            "unknown_line",
            "line_count",
            json!(1),
        ),
        (
            "no-such-id",
            1,
            json!({"flag": "DESIGNATED_PARTY", "decision": "cleared"}),
            404,
            "screening_not_found",
            "-",
            json!(null),
        ),
    ];
    for (screening, line, body, status, code, detail, value) in cases {
        let answer = decide(&app, screening, line, body).await;
        let error = crate::api::support::expect_error(answer, status, code).await;
        assert_eq!(
            error["error"]["details"][0]
                .get(detail)
                .cloned()
                .unwrap_or_default(),
            value,
            "{error}"
        );
    }
    let history = get_json(
        &app,
        None,
        &format!("/v1/screenings/{id}/lines/1/decisions"),
    )
    .await;
    assert_eq!(
        history["decisions"],
        json!([]),
        "nothing refused was stored"
    );
    app.handle.stop(false).await;
}
on_both!(bad_decisions_are_refused);
