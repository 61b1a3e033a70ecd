//! The admission budget for CPU-bound screening: a [`Semaphore`] of `max_concurrent_screenings`
//! slots. A request takes a slot after its body has been read (JSON into memory, CSV into a
//! spool), so a slow upload holds none, and keeps it until its result is rendered; the work
//! itself runs on tokio's blocking pool ([`run_blocking`]), never on an HTTP worker.
//!
//! Large bodies (over [`SMALL_BODY_BYTES`]) also need one of the fewer large slots (half the
//! slots, at least one): however many big uploads arrive, the other half stays for small
//! requests, which would otherwise wait behind uploads that take seconds each. A body whose
//! Content-Length is big is refused before it is read when no large slot is free
//! ([`Admission::refuse_early`]).
//!
//! When no slot frees up within `admission_wait`, the request is answered 503 `overloaded` with
//! `Retry-After` instead of joining an unbounded queue: under overload, latency stays bounded
//! and the client (or its load balancer) decides when to retry. The trade-off: a burst slightly
//! above capacity sees some 503s that a queue would have absorbed; the short wait smooths that.

use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::Arc;
use std::time::Duration;

use tokio::sync::{OwnedSemaphorePermit, Semaphore};

use super::error::{ApiError, ErrorCode};

/// Bodies up to this size are small: they may take any slot. 64 KiB is about 1,300 CSV lines,
/// a few dozen milliseconds of screening; at 1 MiB (about 21,000 flag-heavy lines, seconds of
/// screening each), four uploads just under the limit took every slot and half the small
/// requests were refused.
pub const SMALL_BODY_BYTES: usize = 64 * 1024;

/// The screening slots of one app.
#[derive(Debug)]
pub struct Admission {
    slots: Arc<Semaphore>,
    /// Permits a large body needs besides its slot.
    large: Arc<Semaphore>,
    large_capacity: usize,
    capacity: usize,
    wait: Duration,
    retry_after_secs: u64,
    rejected: AtomicU64,
}

/// A held screening slot (and, for a large body, its large permit); dropping it frees both.
#[derive(Debug)]
pub struct Slot(
    #[allow(dead_code)] OwnedSemaphorePermit,
    #[allow(dead_code)] Option<OwnedSemaphorePermit>,
);

impl Admission {
    pub fn new(capacity: usize, wait: Duration, retry_after_secs: u64) -> Admission {
        let large_capacity = capacity.div_ceil(2);
        Admission {
            slots: Arc::new(Semaphore::new(capacity)),
            large: Arc::new(Semaphore::new(large_capacity)),
            large_capacity,
            capacity,
            wait,
            retry_after_secs,
            rejected: AtomicU64::new(0),
        }
    }

    /// A slot for a small request, taken at once or within the configured wait; `overloaded`
    /// otherwise.
    pub async fn admit(&self) -> Result<Slot, ApiError> {
        match self.permit(&self.slots).await {
            Some(permit) => Ok(Slot(permit, None)),
            None => Err(self.overloaded(self.capacity, "screening slots")),
        }
    }

    /// A slot for a body of `bytes` (`None`: not known yet, as for a streamed upload without
    /// Content-Length): a body over [`SMALL_BODY_BYTES`] also needs a large permit.
    pub async fn admit_sized(&self, bytes: Option<usize>) -> Result<Slot, ApiError> {
        if bytes.is_some_and(|n| n <= SMALL_BODY_BYTES) {
            return self.admit().await;
        }
        let Some(large) = self.permit(&self.large).await else {
            return Err(self.overloaded(self.large_capacity, "slots for bodies over 64 KiB"));
        };
        let Slot(slot, _) = self.admit().await?;
        Ok(Slot(slot, Some(large)))
    }

    /// Refuses at once a body whose Content-Length says it is big while every large slot is
    /// busy: it would be refused after its whole upload was read and spooled otherwise. Best
    /// effort (a slot may free while the body arrives); the slot itself is taken after.
    pub fn refuse_early(&self, declared: Option<u64>) -> Result<(), ApiError> {
        let big = declared.is_some_and(|n| n > SMALL_BODY_BYTES as u64);
        if big && self.large.available_permits() == 0 {
            return Err(self.overloaded(self.large_capacity, "slots for bodies over 64 KiB"));
        }
        Ok(())
    }

    /// A permit of `semaphore`, at once or within the configured wait.
    async fn permit(&self, semaphore: &Arc<Semaphore>) -> Option<OwnedSemaphorePermit> {
        if let Ok(permit) = semaphore.clone().try_acquire_owned() {
            return Some(permit);
        }
        if self.wait.is_zero() {
            return None;
        }
        match tokio::time::timeout(self.wait, semaphore.clone().acquire_owned()).await {
            Ok(Ok(permit)) => Some(permit),
            _ => None,
        }
    }

    fn overloaded(&self, count: usize, what: &str) -> ApiError {
        self.rejected.fetch_add(1, Ordering::Relaxed);
        ApiError::new(
            ErrorCode::Overloaded,
            format!(
                "all {count} {what} are busy; retry after {} s (the server's \
                 `max_concurrent_screenings` bounds concurrent screenings; bodies over 64 KiB \
                 may use half of them)",
                self.retry_after_secs
            ),
        )
        .with_retry_after(self.retry_after_secs)
    }

    pub fn capacity(&self) -> usize {
        self.capacity
    }

    /// Slots held now.
    pub fn in_flight(&self) -> usize {
        self.capacity.saturating_sub(self.slots.available_permits())
    }

    /// Requests answered `overloaded` so far.
    pub fn rejected(&self) -> u64 {
        self.rejected.load(Ordering::Relaxed)
    }
}

/// Runs `work` on the blocking pool while holding `slot`, so the slot frees when the work ends
/// even if the client has gone away.
pub async fn run_blocking<T, F>(slot: Slot, work: F) -> Result<T, ApiError>
where
    F: FnOnce() -> Result<T, ApiError> + Send + 'static,
    T: Send + 'static,
{
    run_blocking_holding(slot, work)
        .await
        .map(|(done, _slot)| done)
}

/// [`run_blocking`] that hands the slot back with the result, for work that goes on after it
/// (rendering and storing a screening). If the client has gone away, the slot is dropped with
/// the finished task's output, so it still frees when the work ends.
pub async fn run_blocking_holding<T, F>(slot: Slot, work: F) -> Result<(T, Slot), ApiError>
where
    F: FnOnce() -> Result<T, ApiError> + Send + 'static,
    T: Send + 'static,
{
    tokio::task::spawn_blocking(move || work().map(|done| (done, slot)))
        .await
        .map_err(|e| ApiError::internal("a screening task panicked or was cancelled", e))?
}

#[cfg(test)]
mod tests {
    use super::*;

    #[tokio::test]
    async fn big_bodies_take_at_most_half_the_slots_and_small_requests_get_the_rest() {
        let admission = Admission::new(4, Duration::from_millis(20), 1);
        let big = Some(SMALL_BODY_BYTES + 1);
        let first = admission.admit_sized(big).await.expect("first big");
        let _second = admission
            .admit_sized(None)
            .await
            .expect("an unknown size is big");
        let refused = admission.admit_sized(big).await.expect_err("a third big");
        let declared = big.map(|n| n as u64);
        assert!(
            admission.refuse_early(declared).is_err(),
            "refused before its body"
        );
        assert!(
            admission.refuse_early(Some(100)).is_ok(),
            "a small body is never"
        );
        assert_eq!(refused.code, ErrorCode::Overloaded);
        assert_eq!(admission.in_flight(), 2, "a refused request holds nothing");
        let _small = admission
            .admit_sized(Some(SMALL_BODY_BYTES))
            .await
            .expect("small");
        let _also_small = admission.admit().await.expect("small");
        assert!(admission.admit().await.is_err(), "every slot is taken");
        drop(first);
        assert!(
            admission.admit_sized(big).await.is_ok(),
            "a freed big slot is reused"
        );
    }

    #[tokio::test]
    async fn a_budget_of_zero_rejects_at_once_with_retry_after() {
        let admission = Admission::new(0, Duration::ZERO, 3);
        let error = admission.admit().await.expect_err("no slot");
        assert_eq!(error.code, ErrorCode::Overloaded);
        assert_eq!(error.retry_after, Some(3));
        assert_eq!(admission.rejected(), 1);
    }

    #[tokio::test]
    async fn a_held_slot_blocks_the_next_request_until_it_is_released() {
        let admission = Admission::new(1, Duration::from_millis(20), 1);
        let slot = admission.admit().await.expect("first slot");
        assert_eq!(admission.in_flight(), 1);
        assert!(
            admission.admit().await.is_err(),
            "second waits, then gives up"
        );
        drop(slot);
        assert!(admission.admit().await.is_ok(), "released slot is reused");
    }

    #[tokio::test]
    async fn a_slot_freed_within_the_wait_is_taken() {
        let admission = Arc::new(Admission::new(1, Duration::from_secs(5), 1));
        let slot = admission.admit().await.expect("first slot");
        let waiter = {
            let admission = admission.clone();
            tokio::spawn(async move { admission.admit().await.is_ok() })
        };
        tokio::time::sleep(Duration::from_millis(20)).await;
        drop(slot);
        assert!(waiter.await.expect("joined"));
    }

    #[tokio::test]
    async fn blocking_work_returns_its_value_and_frees_the_slot() {
        let admission = Admission::new(1, Duration::ZERO, 1);
        let slot = admission.admit().await.expect("slot");
        let value = run_blocking(slot, || Ok(21 * 2)).await.expect("ran");
        assert_eq!(value, 42);
        assert_eq!(admission.in_flight(), 0);
    }
}
