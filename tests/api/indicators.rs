//! `GET /v1/indicators` and `GET /v1/indicators/search`: what is loaded, with sources, and the
//! analyst's name lookup.

use serde_json::Value;

use super::support::{expect_error, get_shared as get};

#[tokio::test]
async fn the_summary_gives_the_version_counts_and_dated_sources() {
    let response = get("/v1/indicators").await;
    assert_eq!(response.status(), 200);
    let body: Value = response.json().await.expect("JSON");
    assert!(body["version"]["id"]
        .as_str()
        .is_some_and(|v| !v.is_empty()));
    assert!(body["entities_by_list"]["ofac_north_korea"]
        .as_u64()
        .is_some_and(|n| n > 0));
    assert!(body["indicators_by_tier"]["gov_designation"]
        .as_u64()
        .is_some_and(|n| n > 0));
    // The built-in list is older than the default 30 days: its age and the warning are shown.
    assert!(body["list_age_days"].as_i64().is_some_and(|d| d > 30));
    assert_eq!(body["max_list_age_days"], 30);
    assert_eq!(body["warnings"][0]["code"], "STALE_LIST");
    let sources = body["sources"].as_array().expect("sources");
    assert!(!sources.is_empty());
    for entry in sources {
        let source = &entry["source"];
        for key in ["title", "date", "url"] {
            assert!(
                source[key].as_str().is_some_and(|v| !v.is_empty()),
                "{entry}"
            );
        }
    }
}

#[tokio::test]
async fn a_search_finds_a_listed_entity_with_its_list_tier_and_source() {
    let response = get("/v1/indicators/search?q=Korea%20Ryonbong%20General%20Corp").await;
    assert_eq!(response.status(), 200);
    let body: Value = response.json().await.expect("JSON");
    let best = &body["hits"][0];
    assert_eq!(best["entity"]["name"], "KOREA RYONBONG GENERAL CORPORATION");
    assert_eq!(best["entity"]["list"], "ofac_north_korea");
    assert_eq!(best["entity"]["tier"], "gov_designation");
    assert!(best["entity"]["id"]
        .as_str()
        .is_some_and(|id| id.starts_with("ofac:")));
    assert!(best["score"].as_f64().is_some_and(|s| s > 0.8 && s <= 1.0));
    assert_eq!(best["weak_alias"], false);
    assert!(best["entity"]["source"]["url"]
        .as_str()
        .is_some_and(|u| u.starts_with("https://")));
    assert!(body["indicators_version"].as_str().is_some());
}

#[tokio::test]
async fn a_weak_alias_hit_says_so() {
    let body: Value = get("/v1/indicators/search?q=KPTC")
        .await
        .json()
        .await
        .expect("JSON");
    let hits = body["hits"].as_array().expect("hits");
    assert!(
        hits.iter()
            .any(|h| h["weak_alias"] == true && h["matched_name"] == "KPTC"),
        "{body}"
    );
}

#[tokio::test]
async fn hits_are_one_per_entity_limited_and_filtered_by_kind() {
    let body: Value = get("/v1/indicators/search?q=Korea&limit=3")
        .await
        .json()
        .await
        .expect("JSON");
    let hits = body["hits"].as_array().expect("hits");
    assert!(hits.len() <= 3);
    let mut ids: Vec<&str> = hits
        .iter()
        .filter_map(|h| h["entity"]["id"].as_str())
        .collect();
    let before = ids.len();
    ids.sort_unstable();
    ids.dedup();
    assert_eq!(ids.len(), before, "one hit per entity");

    let body: Value = get("/v1/indicators/search?q=Kim%20Jong&kind=person&limit=20")
        .await
        .json()
        .await
        .expect("JSON");
    let hits = body["hits"].as_array().expect("hits");
    assert!(!hits.is_empty(), "{body}");
    assert!(
        hits.iter().all(|h| h["entity"]["entity_type"] == "person"),
        "{body}"
    );
}

#[tokio::test]
async fn an_empty_overlong_or_missing_query_and_an_out_of_range_limit_are_400s() {
    for (path, parameter) in [
        ("/v1/indicators/search?q=%20%20", Some("q")),
        ("/v1/indicators/search?q=Korea&limit=0", Some("limit")),
        ("/v1/indicators/search?q=Korea&limit=101", Some("limit")),
        ("/v1/indicators/search?limit=5", None),
        ("/v1/indicators/search?q=Korea&limit=ten", None),
        ("/v1/indicators/search?q=Korea&kind=vessel", None),
    ] {
        let body = expect_error(get(path).await, 400, "invalid_query").await;
        if let Some(parameter) = parameter {
            assert_eq!(
                body["error"]["details"][0]["parameter"], parameter,
                "{path}"
            );
        }
    }
    let long = "A".repeat(201);
    let body = expect_error(
        get(&format!("/v1/indicators/search?q={long}")).await,
        400,
        "invalid_query",
    )
    .await;
    assert!(body["error"]["message"]
        .as_str()
        .is_some_and(|m| m.contains("200")));
}
