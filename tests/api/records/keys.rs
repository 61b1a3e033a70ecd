//! API keys and tenants: without a key a keyed server answers 401 with `WWW-Authenticate`;
//! a tenant never sees another tenant's screening (404, and absent from lists); only admin
//! keys reload; a revoked key stops working at once; a server with no keys refuses to listen
//! beyond loopback unless told `--insecure-no-auth`.

use caatsa_screen::server::{Application, ServerConfig};
use caatsa_screen::store::Role;

use super::backend::Backend;
use super::{config_on, get, get_json, make_key, one_line, post_csv, screen, store_at};
use crate::api::support::spawn_app;
use crate::on_both;

async fn tenants_see_only_their_own_screenings(backend: Backend) {
    let url = backend.fresh_url().await;
    let a = make_key(&url, "acme", "acme-ops", Role::Analyst).await;
    let b = make_key(&url, "beta", "beta-ops", Role::Analyst).await;
    let app = spawn_app(config_on(&url)).await;

    let none = post_csv(&app, None, &one_line("Acme Hardware")).await;
    let challenge = none
        .headers()
        .get("www-authenticate")
        .map(|v| v.to_str().unwrap().to_owned());
    crate::api::support::expect_error(none, 401, "unauthorized").await;
    assert_eq!(challenge.as_deref(), Some("Bearer realm=\"caatsa-screen\""));
    let wrong = format!("{}x", &a[..a.len() - 1]);
    crate::api::support::expect_error(
        get(&app, Some(&wrong), "/v1/screenings").await,
        401,
        "unauthorized",
    )
    .await;
    crate::api::support::expect_error(
        get(&app, Some("csk_nonsense"), "/v1/indicators").await,
        401,
        "unauthorized",
    )
    .await;

    let mine = screen(&app, Some(&a), &one_line("Korea Ryonbong General Corp.")).await;
    let id = mine["screening_id"].as_str().unwrap();
    let path = format!("/v1/screenings/{id}");
    assert_eq!(get(&app, Some(&a), &path).await.status(), 200);
    crate::api::support::expect_error(get(&app, Some(&b), &path).await, 404, "screening_not_found")
        .await;
    for suffix in ["/results.csv", "/manifest", "/lines/1/decisions"] {
        let answer = get(&app, Some(&b), &format!("{path}{suffix}")).await;
        crate::api::support::expect_error(answer, 404, "screening_not_found").await;
    }
    let listed: serde_json::Value = get_json(&app, Some(&b), "/v1/screenings").await;
    assert_eq!(listed["screenings"], serde_json::json!([]), "{listed}");
    let listed: serde_json::Value = get_json(&app, Some(&a), "/v1/screenings").await;
    assert_eq!(listed["screenings"][0]["screening_id"], id);

    // A decision of tenant A is not shown to tenant B's screening of the same supplier.
    let decided = reqwest::Client::new()
        .post(app.url(&format!("{path}/lines/1/decisions")))
        .bearer_auth(&a)
        .json(&serde_json::json!({"flag": "DESIGNATED_PARTY", "decision": "false_positive"}))
        .send()
        .await
        .unwrap();
    assert_eq!(decided.status(), 201);
    let theirs = screen(&app, Some(&b), &one_line("Korea Ryonbong General Corp.")).await;
    assert!(
        theirs["results"][0]["flags"][0]
            .get("prior_decisions")
            .is_none(),
        "{theirs}"
    );
    app.handle.stop(false).await;
}
on_both!(tenants_see_only_their_own_screenings);

async fn only_admin_keys_reload_and_revoked_keys_stop_working(backend: Backend) {
    let url = backend.fresh_url().await;
    let analyst = make_key(&url, "acme", "analyst", Role::Analyst).await;
    let admin = make_key(&url, "acme", "admin", Role::Admin).await;
    let app = spawn_app(config_on(&url)).await;
    let reload = |key: String| {
        let url = app.url("/v1/indicators/reload");
        async move {
            reqwest::Client::new()
                .post(url)
                .bearer_auth(key)
                .send()
                .await
                .unwrap()
        }
    };
    crate::api::support::expect_error(reload(analyst.clone()).await, 403, "forbidden").await;
    assert_eq!(reload(admin.clone()).await.status(), 200);

    let id = caatsa_screen::store::keys::split(&analyst)
        .unwrap()
        .0
        .to_owned();
    assert_eq!(
        get(&app, Some(&analyst), "/v1/screenings").await.status(),
        200
    );
    assert!(store_at(&url)
        .await
        .revoke_key(&id, "2026-12-02T01:00:00Z")
        .await
        .unwrap());
    crate::api::support::expect_error(
        get(&app, Some(&analyst), "/v1/screenings").await,
        401,
        "unauthorized",
    )
    .await;
    app.handle.stop(false).await;
}
on_both!(only_admin_keys_reload_and_revoked_keys_stop_working);

fn everywhere(url: &str) -> ServerConfig {
    let mut config = config_on(url);
    config.bind = "0.0.0.0:0".parse().unwrap();
    config
}

async fn a_server_without_keys_listens_only_on_loopback(backend: Backend) {
    let url = backend.fresh_url().await;
    let refused = Application::build(everywhere(&url))
        .await
        .err()
        .expect("refused");
    let message = refused.to_string();
    assert!(message.contains("without API keys"), "{message}");

    let mut insecure = everywhere(&url);
    insecure.insecure_no_auth = true;
    // Built, not run: dropping it closes its listener.
    let app = Application::build(insecure)
        .await
        .expect("allowed when told");
    drop(app);

    make_key(&url, "acme", "ops", Role::Admin).await;
    let app = Application::build(everywhere(&url))
        .await
        .expect("keys exist");
    drop(app);
}
on_both!(a_server_without_keys_listens_only_on_loopback);
