//! Stored screenings, decisions, keys and tenants, over HTTP, on both storage backends: every
//! test runs once on SQLite and once on PostgreSQL (`on_both!`). The PostgreSQL runs need the
//! server of `CAATSA_TEST_POSTGRES_URL` (default: the machine's, database `caatsa_test`, which
//! `.ci/run` creates); without it they fail, they never skip.

pub mod backend;
pub mod crash;
pub mod decisions;
pub mod keys;
pub mod parts;
pub mod stored;

use std::sync::Arc;

use caatsa_screen::server::ServerConfig;
use caatsa_screen::store::{self, keys as key_issue, Role, Store};

use crate::api::support::{spawn_app, test_config, TestApp};
use backend::Backend;

/// Runs `$test(backend)` as two tests, `sqlite` and `postgres`.
#[macro_export]
macro_rules! on_both {
    ($test:ident) => {
        mod $test {
            #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
            async fn sqlite() {
                super::$test($crate::api::records::backend::Backend::Sqlite).await
            }
            #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
            async fn postgres() {
                super::$test($crate::api::records::backend::Backend::Postgres).await
            }
        }
    };
}

/// A small manifest whose one line is prohibited (an SDN party) or clear.
pub fn one_line(supplier: &str) -> String {
    format!("Bill of Lading,Supplier,Country of Origin,HTS\nBL-1,{supplier},CN,030743\n")
}

/// Settings for an app on `url`.
pub fn config_on(url: &str) -> ServerConfig {
    let mut config = test_config();
    config.database_url = url.to_owned();
    config
}

/// The store at `url`, opened beside the app (as `caatsa-screen keys` does).
pub async fn store_at(url: &str) -> Arc<dyn Store> {
    store::open(url).await.expect("the test database opens")
}

/// Creates a key in the database at `url`; returns the full key.
pub async fn make_key(url: &str, tenant: &str, name: &str, role: Role) -> String {
    let issued = key_issue::issue(tenant, name, role, "2026-12-02T00:00:00Z").expect("random");
    store_at(url)
        .await
        .insert_key(issued.record)
        .await
        .expect("key stored");
    issued.key
}

/// An app on a fresh database of `backend`, and the database's URL.
pub async fn app_on(backend: Backend) -> (TestApp, String) {
    let url = backend.fresh_url().await;
    (spawn_app(config_on(&url)).await, url)
}

/// POSTs a CSV manifest with an optional key; returns the response.
pub async fn post_csv(app: &TestApp, key: Option<&str>, csv: &str) -> reqwest::Response {
    let mut request = reqwest::Client::new()
        .post(app.url("/v1/screenings"))
        .header("content-type", "text/csv")
        .body(csv.to_owned());
    if let Some(key) = key {
        request = request.bearer_auth(key);
    }
    request.send().await.expect("the request is answered")
}

/// GETs `path` with an optional key.
pub async fn get(app: &TestApp, key: Option<&str>, path: &str) -> reqwest::Response {
    let mut request = reqwest::Client::new().get(app.url(path));
    if let Some(key) = key {
        request = request.bearer_auth(key);
    }
    request.send().await.expect("the request is answered")
}

/// GETs `path` and returns its JSON body (any status).
pub async fn get_json(app: &TestApp, key: Option<&str>, path: &str) -> serde_json::Value {
    get(app, key, path).await.json().await.expect("a JSON body")
}

/// POSTs a CSV manifest and returns its JSON result, checking it was a 200.
pub async fn screen(app: &TestApp, key: Option<&str>, csv: &str) -> serde_json::Value {
    let response = post_csv(app, key, csv).await;
    assert_eq!(response.status(), 200);
    response.json().await.expect("a JSON result")
}
