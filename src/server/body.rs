//! Request bodies: which kind a request sends ([`BodyKind`] from its Content-Type), the size
//! budget ([`BodyBudget`]), reading a whole body ([`read_all`]), and streaming one into a
//! blocking reader ([`ChannelReader`] fed by [`pump`]).
//!
//! CSV is streamed: the async handler forwards each network chunk through a bounded channel to a
//! `std::io::Read` on the blocking pool, where `manifest::csv_lines` parses rows as they arrive
//! and the screener works through them chunk by chunk. No `String` is built per row and the body
//! is never held whole; the bounded channel applies back-pressure to the client when screening
//! falls behind. The trade-off: a blocking thread is held for the whole upload (it is counted
//! against the admission budget), which a fully async parser would avoid — but the engine is
//! synchronous by design and must not learn about tokio.
//! JSON is read whole (with the same budget), because `manifest::read_json` needs the whole text.
//! Either way a body must keep coming: nothing for `body_idle_timeout_secs`, or less than
//! [`MIN_BODY_RATE`] on average once [`MIN_RATE_GRACE`] has passed, is a 408, so a client that
//! drips bytes cannot hold a screening slot for long.

use std::future::Future;
use std::io::Read;
use std::time::Duration;

use actix_web::http::header;
use actix_web::web::{Bytes, BytesMut};
use actix_web::HttpRequest;
use futures_util::{Stream, StreamExt};
use serde_json::json;
use tokio::sync::mpsc;

use super::error::{payload_too_large, ApiError, ErrorCode};

/// Chunks in flight between the network and the CSV parser (each up to actix's read size,
/// a few KiB to 64 KiB): enough to keep the parser busy, small enough to bound memory.
pub const CHANNEL_CHUNKS: usize = 16;

/// The media types `POST /v1/screenings` accepts, for messages.
pub const ACCEPTED_MEDIA_TYPES: [&str; 3] = ["application/json", "text/csv", "multipart/form-data"];

/// What a request body holds, by its Content-Type.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum BodyKind {
    Json,
    Csv,
    Multipart,
}

/// The body kind of `request`; `unsupported_media_type` when the Content-Type is missing or
/// not one of [`ACCEPTED_MEDIA_TYPES`].
pub fn classify(request: &HttpRequest) -> Result<BodyKind, ApiError> {
    let declared = request
        .headers()
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .map(str::to_owned);
    let Some(declared) = declared else {
        return Err(unsupported("no Content-Type header"));
    };
    let Ok(mime) = declared.parse::<actix_web::mime::Mime>() else {
        return Err(unsupported(&format!(
            "Content-Type `{declared}` is not a media type"
        )));
    };
    match (
        mime.type_().as_str(),
        mime.subtype().as_str(),
        mime.suffix(),
    ) {
        ("application", "json", _) | ("application", _, Some(actix_web::mime::JSON)) => {
            Ok(BodyKind::Json)
        }
        ("text", "csv", _) | ("application", "csv", _) => Ok(BodyKind::Csv),
        ("multipart", "form-data", _) => Ok(BodyKind::Multipart),
        _ => Err(unsupported(&format!(
            "Content-Type `{declared}` is not accepted"
        ))),
    }
}

fn unsupported(what: &str) -> ApiError {
    ApiError::new(
        ErrorCode::UnsupportedMediaType,
        format!(
            "{what}: send the manifest as application/json, text/csv, or multipart/form-data \
             with a `file` part (e.g. curl --data-binary @manifest.csv -H 'Content-Type: text/csv')"
        ),
    )
    .with_details(vec![json!({ "accepted": ACCEPTED_MEDIA_TYPES })])
}

/// Slowest average a request body may arrive at, once [`MIN_RATE_GRACE`] of waiting has passed:
/// 1 KiB/s, far below any real link, far above a client that drips a byte now and then to keep
/// the idle timeout from firing while it holds a screening slot.
pub const MIN_BODY_RATE: u64 = 1024;
/// Waiting on the client before [`MIN_BODY_RATE`] applies (a slow start is not an attack).
pub const MIN_RATE_GRACE: Duration = Duration::from_secs(10);

/// The bytes a request may still send, and how long it may keep the server waiting for each and
/// in all.
#[derive(Debug)]
pub struct BodyBudget {
    limit: usize,
    used: usize,
    idle: Duration,
    /// Time spent waiting for the client's bytes (not for the server's own work: a parser that
    /// falls behind must not make its client look slow).
    waited: Duration,
    min_rate: u64,
    grace: Duration,
}

/// The body's length as its Content-Length declares it, if it does.
pub fn declared_length(request: &HttpRequest) -> Option<u64> {
    request
        .headers()
        .get(header::CONTENT_LENGTH)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.parse::<u64>().ok())
}

impl BodyBudget {
    /// A budget of `limit` bytes, each wait for more of the body at most `idle`; refused at once
    /// when the declared Content-Length exceeds the limit.
    pub fn for_request(
        request: &HttpRequest,
        limit: usize,
        idle: Duration,
    ) -> Result<BodyBudget, ApiError> {
        if declared_length(request).is_some_and(|n| n > limit as u64) {
            return Err(payload_too_large(limit));
        }
        Ok(BodyBudget {
            limit,
            used: 0,
            idle,
            waited: Duration::ZERO,
            min_rate: MIN_BODY_RATE,
            grace: MIN_RATE_GRACE,
        })
    }

    /// This budget with another minimum rate and grace period (tests use short ones).
    pub fn with_min_rate(self, min_rate: u64, grace: Duration) -> BodyBudget {
        BodyBudget {
            min_rate,
            grace,
            ..self
        }
    }

    /// Waits for `next` (the next chunk, the next multipart field) at most the idle timeout: a
    /// client that stops sending gets `request_timeout` (408), and whatever it held (a
    /// screening slot) is released with the request.
    pub async fn wait<T>(&mut self, next: impl Future<Output = T>) -> Result<T, ApiError> {
        let started = tokio::time::Instant::now();
        let waited = tokio::time::timeout(self.idle, next).await;
        self.waited += started.elapsed();
        waited.map_err(|_| request_timeout(self.idle))
    }

    /// Counts `n` more bytes; `payload_too_large` past the limit, `request_timeout` when the
    /// body has come slower than the minimum rate.
    pub fn spend(&mut self, n: usize) -> Result<(), ApiError> {
        self.used = self.used.saturating_add(n);
        if self.used > self.limit {
            return Err(payload_too_large(self.limit));
        }
        let waited = self.waited.as_secs_f64();
        if self.waited > self.grace && (self.used as f64) < self.min_rate as f64 * waited {
            return Err(too_slow(self.used, self.waited, self.min_rate));
        }
        Ok(())
    }
}

/// A body that keeps arriving, but slower than `min_rate` on average.
fn too_slow(used: usize, waited: Duration, min_rate: u64) -> ApiError {
    ApiError::new(
        ErrorCode::RequestTimeout,
        format!(
            "the request body arrives too slowly: {used} bytes in {} s, under the minimum of \
             {min_rate} bytes/s; send the body at network speed",
            waited.as_secs()
        ),
    )
}

/// Reads a whole body stream within `budget`.
pub async fn read_all<S, E>(mut stream: S, budget: &mut BodyBudget) -> Result<BytesMut, ApiError>
where
    S: Stream<Item = Result<Bytes, E>> + Unpin,
    E: std::fmt::Display,
{
    let mut body = BytesMut::new();
    while let Some(chunk) = budget.wait(stream.next()).await? {
        let chunk = chunk.map_err(unreadable)?;
        budget.spend(chunk.len())?;
        body.extend_from_slice(&chunk);
    }
    Ok(body)
}

/// A body whose next byte did not come within `idle`.
pub fn request_timeout(idle: Duration) -> ApiError {
    ApiError::new(
        ErrorCode::RequestTimeout,
        format!(
            "the request body stopped arriving: nothing came for {} s (`body_idle_timeout_secs`); \
             send the body without pauses",
            idle.as_secs()
        ),
    )
}

/// A body that failed while being read.
pub fn unreadable(error: impl std::fmt::Display) -> ApiError {
    ApiError::new(
        ErrorCode::MalformedRequest,
        format!("the request body could not be read to its end ({error}); resend it"),
    )
}

/// The sending half: chunks, or the error that ended the body early.
pub type ChunkSender = mpsc::Sender<std::io::Result<Bytes>>;

/// Forwards `stream` into `tx` within `budget`. Stops early, without error, when the reader has
/// gone (the parser stopped, e.g. on a bad header). On a body error the reader receives an I/O
/// error, so the parser never mistakes a cut body for a complete one.
pub async fn pump<S, E>(
    mut stream: S,
    budget: &mut BodyBudget,
    tx: &ChunkSender,
) -> Result<(), ApiError>
where
    S: Stream<Item = Result<Bytes, E>> + Unpin,
    E: std::fmt::Display,
{
    // A timeout, like a broken body, ends the stream with an error the reader also receives.
    while let Some(next) = budget.wait(stream.next()).await.transpose() {
        let checked = next
            .and_then(|chunk| chunk.map_err(unreadable))
            .and_then(|chunk| budget.spend(chunk.len()).map(|()| chunk));
        match checked {
            Ok(chunk) => {
                if tx.send(Ok(chunk)).await.is_err() {
                    return Ok(());
                }
            }
            Err(error) => {
                let _ = tx
                    .send(Err(std::io::Error::other(error.message.clone())))
                    .await;
                return Err(error);
            }
        }
    }
    Ok(())
}

/// A blocking `Read` over chunks sent from the async side. End of input is the sender being
/// dropped; an `Err` chunk is returned as a read error.
pub struct ChannelReader {
    rx: mpsc::Receiver<std::io::Result<Bytes>>,
    chunk: Bytes,
}

impl ChannelReader {
    pub fn new(rx: mpsc::Receiver<std::io::Result<Bytes>>) -> ChannelReader {
        ChannelReader {
            rx,
            chunk: Bytes::new(),
        }
    }
}

impl Read for ChannelReader {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        while self.chunk.is_empty() {
            match self.rx.blocking_recv() {
                Some(Ok(chunk)) => self.chunk = chunk,
                Some(Err(error)) => return Err(error),
                None => return Ok(0),
            }
        }
        let n = buf.len().min(self.chunk.len());
        buf[..n].copy_from_slice(&self.chunk[..n]);
        let _ = self.chunk.split_to(n);
        Ok(n)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use actix_web::test::TestRequest;
    use futures_util::stream;

    const IDLE: Duration = Duration::from_secs(5);

    fn chunks(parts: &[&'static str]) -> impl Stream<Item = Result<Bytes, String>> + Unpin {
        stream::iter(
            parts
                .iter()
                .map(|p| Ok(Bytes::from_static(p.as_bytes())))
                .collect::<Vec<_>>(),
        )
    }

    #[test]
    fn content_types_name_the_body_kind_and_others_are_refused() {
        let kind = |ct: &str| {
            classify(
                &TestRequest::default()
                    .insert_header(("content-type", ct))
                    .to_http_request(),
            )
        };
        assert_eq!(kind("application/json").ok(), Some(BodyKind::Json));
        assert_eq!(kind("application/manifest+json").ok(), Some(BodyKind::Json));
        assert_eq!(kind("text/csv; charset=utf-8").ok(), Some(BodyKind::Csv));
        assert_eq!(
            kind("multipart/form-data; boundary=x").ok(),
            Some(BodyKind::Multipart)
        );
        let refused = kind("application/x-www-form-urlencoded").expect_err("form");
        assert_eq!(refused.code, ErrorCode::UnsupportedMediaType);
        assert!(refused.message.contains("text/csv"));
        let missing = classify(&TestRequest::default().to_http_request()).expect_err("none");
        assert!(missing.message.contains("no Content-Type"));
    }

    #[test]
    fn a_declared_length_over_the_limit_is_refused_before_reading() {
        let request = TestRequest::default()
            .insert_header(("content-length", "11"))
            .to_http_request();
        let error = BodyBudget::for_request(&request, 10, IDLE).expect_err("too large");
        assert_eq!(error.code, ErrorCode::PayloadTooLarge);
    }

    #[tokio::test]
    async fn reading_stops_with_413_once_the_budget_is_spent() {
        let request = TestRequest::default().to_http_request();
        let mut budget = BodyBudget::for_request(&request, 5, IDLE).expect("budget");
        let error = read_all(chunks(&["abc", "def"]), &mut budget)
            .await
            .expect_err("over");
        assert_eq!(error.code, ErrorCode::PayloadTooLarge);
        let mut budget = BodyBudget::for_request(&request, 6, IDLE).expect("budget");
        let body = read_all(chunks(&["abc", "def"]), &mut budget)
            .await
            .expect("fits");
        assert_eq!(&body[..], b"abcdef");
    }

    /// Chunks of one byte, each after `pause`.
    fn dripped(count: usize, pause: Duration) -> impl Stream<Item = Result<Bytes, String>> + Unpin {
        Box::pin(
            futures_util::stream::iter(0..count).then(move |_| async move {
                tokio::time::sleep(pause).await;
                Ok(Bytes::from_static(b"x"))
            }),
        )
    }

    #[tokio::test]
    async fn a_body_dripped_under_the_minimum_rate_is_a_408_once_the_grace_has_passed() {
        let request = TestRequest::default().to_http_request();
        let slow = Duration::from_millis(30);
        let mut budget = BodyBudget::for_request(&request, 1000, IDLE)
            .expect("budget")
            .with_min_rate(1000, Duration::from_millis(100));
        let error = read_all(dripped(20, slow), &mut budget)
            .await
            .expect_err("too slow");
        assert_eq!(error.code, ErrorCode::RequestTimeout);
        assert!(
            error.message.contains("arrives too slowly"),
            "{}",
            error.message
        );
        // The same drip within the grace period is read.
        let mut budget = BodyBudget::for_request(&request, 1000, IDLE)
            .expect("budget")
            .with_min_rate(1000, Duration::from_secs(60));
        let body = read_all(dripped(3, slow), &mut budget).await.expect("read");
        assert_eq!(&body[..], b"xxx");
    }

    #[tokio::test]
    async fn time_the_server_spends_on_its_own_work_is_not_counted_against_the_client() {
        let request = TestRequest::default().to_http_request();
        let mut budget = BodyBudget::for_request(&request, 1000, IDLE)
            .expect("budget")
            .with_min_rate(1000, Duration::from_millis(50));
        let mut stream = chunks(&["a", "b", "c"]);
        while let Some(chunk) = budget.wait(stream.next()).await.expect("in time") {
            budget
                .spend(chunk.expect("chunk").len())
                .expect("fast client");
            // The parser is busy: the client is not waiting on itself.
            tokio::time::sleep(Duration::from_millis(40)).await;
        }
    }

    #[tokio::test]
    async fn pumped_chunks_reach_the_blocking_reader_in_order() {
        let request = TestRequest::default().to_http_request();
        let mut budget = BodyBudget::for_request(&request, 100, IDLE).expect("budget");
        let (tx, rx) = mpsc::channel(2);
        let reader = tokio::task::spawn_blocking(move || {
            let mut text = String::new();
            ChannelReader::new(rx)
                .read_to_string(&mut text)
                .map(|_| text)
        });
        pump(chunks(&["a,b\n", "1,2\n", "3,4\n"]), &mut budget, &tx)
            .await
            .expect("pumped");
        drop(tx);
        let text = reader.await.expect("joined").expect("read");
        assert_eq!(text, "a,b\n1,2\n3,4\n");
    }

    #[tokio::test]
    async fn a_body_over_budget_ends_the_reader_with_an_error_not_an_eof() {
        let request = TestRequest::default().to_http_request();
        let mut budget = BodyBudget::for_request(&request, 4, IDLE).expect("budget");
        let (tx, rx) = mpsc::channel(4);
        let reader = tokio::task::spawn_blocking(move || {
            let mut text = Vec::new();
            ChannelReader::new(rx).read_to_end(&mut text)
        });
        let error = pump(chunks(&["abc", "def"]), &mut budget, &tx)
            .await
            .expect_err("over");
        drop(tx);
        assert_eq!(error.code, ErrorCode::PayloadTooLarge);
        assert!(reader.await.expect("joined").is_err());
    }
}
