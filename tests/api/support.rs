//! `spawn_app()`: the real app on port 0, on its own thread and runtime so that it outlives the
//! test runtime that started it (the shared app serves every test of the binary).

use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::mpsc;
use std::time::{Duration, Instant};

use actix_web::dev::ServerHandle;
use caatsa_screen::server::{Application, ServerConfig};
use tokio::sync::OnceCell;

/// How long a test waits for the knowledge base to load.
const READY_TIMEOUT: Duration = Duration::from_secs(120);

/// The demo manifest shipped in fixtures/.
pub const DEMO_MANIFEST: &str = include_str!("../../fixtures/demo_manifest.csv");

pub struct TestApp {
    pub address: String,
    /// Stops the app (`stop(true)` waits for requests in flight).
    pub handle: ServerHandle,
}

impl TestApp {
    pub fn url(&self, path: &str) -> String {
        format!("{}{path}", self.address)
    }
}

/// A SQLite database URL no other test uses, in the system's temp directory (removed with it).
pub fn fresh_sqlite_url() -> String {
    static NEXT: AtomicUsize = AtomicUsize::new(0);
    let n = NEXT.fetch_add(1, Ordering::Relaxed);
    let nanos = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.subsec_nanos());
    let path = std::env::temp_dir().join(format!(
        "caatsa-api-test-{}-{n}-{nanos}.db",
        std::process::id()
    ));
    format!("sqlite://{}", path.display())
}

/// Settings for a test app: port 0, a fresh SQLite database, everything else default.
pub fn test_config() -> ServerConfig {
    let mut config = ServerConfig::defaults();
    config.bind = "127.0.0.1:0".parse().expect("loopback address");
    config.workers = Some(2);
    config.database_url = fresh_sqlite_url();
    config
}

/// Starts an app with `config` and waits until it is ready.
pub async fn spawn_app(config: ServerConfig) -> TestApp {
    let (tx, rx) = mpsc::channel();
    std::thread::spawn(move || {
        let runtime = tokio::runtime::Builder::new_multi_thread()
            .worker_threads(2)
            .enable_all()
            .build()
            .expect("test runtime");
        runtime.block_on(async move {
            let app = Application::build(config).await.expect("the app starts");
            tx.send((app.port(), app.handle())).expect("port sent");
            let _ = app.run_until_stopped().await;
        });
    });
    let (port, handle) = rx.recv().expect("the app reports its port");
    let app = TestApp {
        address: format!("http://127.0.0.1:{port}"),
        handle,
    };
    wait_ready(&app).await;
    app
}

async fn wait_ready(app: &TestApp) {
    let client = reqwest::Client::new();
    let started = Instant::now();
    loop {
        if let Ok(response) = client.get(app.url("/readyz")).send().await {
            if response.status() == 200 {
                return;
            }
        }
        assert!(
            started.elapsed() < READY_TIMEOUT,
            "the app was not ready within {READY_TIMEOUT:?}"
        );
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
}

static SHARED: OnceCell<TestApp> = OnceCell::const_new();

/// The app shared by tests that need default settings.
pub async fn shared_app() -> &'static TestApp {
    SHARED.get_or_init(|| spawn_app(test_config())).await
}

/// The JSON error body of a response, after checking its status and code.
pub async fn expect_error(
    response: reqwest::Response,
    status: u16,
    code: &str,
) -> serde_json::Value {
    assert_eq!(response.status().as_u16(), status, "status");
    let content_type = response
        .headers()
        .get("content-type")
        .and_then(|v| v.to_str().ok())
        .unwrap_or_default()
        .to_owned();
    assert!(
        content_type.starts_with("application/json"),
        "{content_type}"
    );
    let body: serde_json::Value = response.json().await.expect("a JSON error body");
    assert_eq!(body["error"]["code"], code, "{body}");
    assert!(
        body["error"]["message"]
            .as_str()
            .is_some_and(|m| !m.is_empty()),
        "{body}"
    );
    assert!(body["error"]["details"].is_array(), "{body}");
    body
}

/// The value of a sample line (`name{labels} value`) in a Prometheus text, 0 when absent.
pub fn metric(text: &str, series: &str) -> f64 {
    text.lines()
        .find_map(|line| line.strip_prefix(series)?.trim().parse().ok())
        .unwrap_or(0.0)
}

/// GET `path` on the shared app.
pub async fn get_shared(path: &str) -> reqwest::Response {
    let app = shared_app().await;
    reqwest::Client::new()
        .get(app.url(path))
        .send()
        .await
        .expect("sent")
}

/// The body chunks of an upload still arriving.
pub type Chunks = tokio::sync::mpsc::Sender<Result<Vec<u8>, std::io::Error>>;

/// Starts a CSV upload to `POST /v1/screenings` whose body arrives as the test sends chunks;
/// dropping the sender ends the body. The handle gives the response.
pub fn held_upload(
    app: &TestApp,
) -> (
    Chunks,
    tokio::task::JoinHandle<reqwest::Result<reqwest::Response>>,
) {
    let (tx, rx) = tokio::sync::mpsc::channel(4);
    let body = futures_util::stream::unfold(rx, |mut rx| async move {
        rx.recv().await.map(|item| (item, rx))
    });
    let request = reqwest::Client::new()
        .post(app.url("/v1/screenings"))
        .header("content-type", "text/csv")
        .body(reqwest::Body::wrap_stream(body));
    (tx, tokio::spawn(request.send()))
}
