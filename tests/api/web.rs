//! The web page as served: HTML pages with a strict Content-Security-Policy, the embedded
//! script and stylesheet, the knowledge base rendered server-side, JSON errors for other
//! methods. (The page's behaviour in a browser is checked by scripts/web_check.sh.)

use crate::api::support::{expect_error, get_shared as get, shared_app};

#[tokio::test]
async fn every_page_is_html_with_a_strict_content_security_policy() {
    for (path, heading) in [
        ("/", "<h1>Screen a manifest</h1>"),
        ("/history", "<h1>History</h1>"),
        ("/knowledge-base", "<h1>Knowledge base</h1>"),
    ] {
        let response = get(path).await;
        assert_eq!(response.status(), 200, "{path}");
        let headers = response.headers().clone();
        let csp = headers["content-security-policy"].to_str().unwrap();
        assert!(
            csp.contains("default-src 'none'") && csp.contains("script-src 'self';"),
            "{csp}"
        );
        assert!(!csp.contains("unsafe-inline"), "{csp}");
        assert_eq!(headers["x-content-type-options"], "nosniff");
        assert!(headers["content-type"]
            .to_str()
            .unwrap()
            .starts_with("text/html"));
        let body = response.text().await.unwrap();
        assert!(body.contains(heading), "{path}");
        assert!(body.contains(r#"<script src="/static/app.js" defer></script>"#));
        assert!(!body.contains("<script>"), "{path}: no inline script");
    }
}

#[tokio::test]
async fn the_knowledge_base_page_shows_version_dates_and_linked_sources() {
    let body = get("/knowledge-base").await.text().await.unwrap();
    assert!(body.contains("OFAC list date"));
    assert!(body.contains("2024-05-03"), "the built-in list's date");
    assert!(body.contains(r#"<a href="https://"#), "sources are links");
    assert!(
        body.contains("Stale list"),
        "the built-in list is older than 30 days"
    );
}

#[tokio::test]
async fn the_assets_are_served_from_the_binary() {
    let script = get("/static/app.js").await;
    assert_eq!(script.status(), 200);
    assert!(script.headers()["content-type"]
        .to_str()
        .unwrap()
        .starts_with("text/javascript"));
    let text = script.text().await.unwrap();
    assert!(
        text.contains("textContent") && !text.contains("innerHTML"),
        "values go in as text"
    );
    let style = get("/static/app.css").await;
    assert!(style.headers()["content-type"]
        .to_str()
        .unwrap()
        .starts_with("text/css"));
    expect_error(get("/static/nothing.js").await, 404, "not_found").await;
    let app = shared_app().await;
    let post = reqwest::Client::new()
        .post(app.url("/"))
        .send()
        .await
        .unwrap();
    assert_eq!(post.headers()["allow"], "GET, HEAD");
    expect_error(post, 405, "method_not_allowed").await;
}
