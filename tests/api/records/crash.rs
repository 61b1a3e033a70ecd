//! Durability: the real binary is killed with SIGKILL while clients are screening, then started
//! again on the same database; every screening id a client received must be readable. A
//! screening is answered only after its commit, so this holds by construction; the test is
//! there so a change that answers first and stores later cannot pass.

use std::net::TcpListener;
use std::process::{Child, Command, Stdio};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use super::backend::Backend;
use crate::on_both;

/// Acknowledged screenings to collect before the kill.
const KILL_AFTER: usize = 150;
/// Most requests sent in all (the load is bounded).
const MAX_REQUESTS: usize = 400;
const CLIENTS: usize = 8;

fn free_port() -> u16 {
    TcpListener::bind("127.0.0.1:0")
        .and_then(|l| l.local_addr())
        .map(|a| a.port())
        .expect("a free port")
}

fn start(url: &str, port: u16) -> Child {
    Command::new(env!("CARGO_BIN_EXE_caatsa-screen"))
        .args([
            "serve",
            "--bind",
            &format!("127.0.0.1:{port}"),
            "--database-url",
            url,
        ])
        .env("CAATSA_LOG", "warn")
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .expect("the server starts")
}

async fn wait_ready(client: &reqwest::Client, port: u16) {
    let started = Instant::now();
    while started.elapsed() < Duration::from_secs(120) {
        if let Ok(r) = client
            .get(format!("http://127.0.0.1:{port}/readyz"))
            .send()
            .await
        {
            if r.status() == 200 {
                return;
            }
        }
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    panic!("the server was not ready in 120 s");
}

async fn kill_nine_loses_no_acknowledged_screening(backend: Backend) {
    let url = backend.fresh_url().await;
    let port = free_port();
    let mut server = start(&url, port);
    let client = reqwest::Client::builder()
        .timeout(Duration::from_secs(20))
        .build()
        .unwrap();
    wait_ready(&client, port).await;

    let acked = Arc::new(Mutex::new(Vec::<String>::new()));
    let sent = Arc::new(std::sync::atomic::AtomicUsize::new(0));
    let stop = Arc::new(AtomicBool::new(false));
    let mut clients = Vec::new();
    for n in 0..CLIENTS {
        let (client, acked, sent, stop) =
            (client.clone(), acked.clone(), sent.clone(), stop.clone());
        clients.push(tokio::spawn(async move {
            while !stop.load(Ordering::SeqCst) && sent.fetch_add(1, Ordering::SeqCst) < MAX_REQUESTS
            {
                let body = serde_json::json!([{
                    "shipment_id": format!("BL-{n}"),
                    "supplier_name": "Harbor Fasteners",
                    "country_of_origin": "CN"
                }]);
                let answer = client
                    .post(format!("http://127.0.0.1:{port}/v1/screenings"))
                    .json(&body)
                    .send()
                    .await;
                let Ok(answer) = answer else { break };
                if answer.status() != 200 {
                    continue;
                }
                let Ok(result) = answer.json::<serde_json::Value>().await else {
                    break;
                };
                if let Some(id) = result["screening_id"].as_str() {
                    acked.lock().unwrap().push(id.to_owned());
                }
            }
        }));
    }
    let started = Instant::now();
    while acked.lock().unwrap().len() < KILL_AFTER && started.elapsed() < Duration::from_secs(120) {
        tokio::time::sleep(Duration::from_millis(5)).await;
    }
    server.kill().expect("SIGKILL sent");
    server.wait().expect("the server is gone");
    stop.store(true, Ordering::SeqCst);
    for c in clients {
        c.await.unwrap();
    }
    let acked = acked.lock().unwrap().clone();
    assert!(
        acked.len() >= KILL_AFTER,
        "only {} screenings were answered",
        acked.len()
    );

    let mut again = start(&url, port);
    wait_ready(&client, port).await;
    let mut missing = Vec::new();
    for id in &acked {
        let answer = client
            .get(format!("http://127.0.0.1:{port}/v1/screenings/{id}"))
            .send()
            .await
            .unwrap();
        if answer.status() != 200 {
            missing.push(id.clone());
        }
    }
    again.kill().ok();
    again.wait().ok();
    assert!(
        missing.is_empty(),
        "{} of {} acknowledged screenings lost: {missing:?}",
        missing.len(),
        acked.len()
    );
}
on_both!(kill_nine_loses_no_acknowledged_screening);
