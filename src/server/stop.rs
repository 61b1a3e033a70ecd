//! [`Stop`]: when a screening request's work should end early, checked between chunks of lines.
//!
//! Two reasons: the request ran past `screening_timeout_secs` (it is answered 503
//! `screening_timeout`), or nobody waits for the answer any more, which [`StopGuard`] notices by
//! being dropped with the request's future (the server shutting down drops in-flight requests
//! after `shutdown_timeout_secs`). Screening runs on a blocking thread that a dropped future
//! cannot interrupt; without this, a 300,000-line upload would go on screening, holding its slot,
//! for an answer nobody will read.
//!
//! A limit: actix-web does not notice a client that leaves after sending its whole body until it
//! writes the answer, so that request's future is not dropped early; the time budget bounds it.
//! (A client that leaves while its CSV body is still arriving ends the body stream, which stops
//! the screening at once.)

use std::sync::atomic::{AtomicU8, Ordering};
use std::sync::Arc;
use std::time::{Duration, Instant};

use crate::manifest::{ManifestLine, RowError};

use super::error::{ApiError, ErrorCode};

const RUNNING: u8 = 0;
const ABANDONED: u8 = 1;
const TIMED_OUT: u8 = 2;

/// Shared between the request and its screening thread.
#[derive(Debug, Clone)]
pub struct Stop {
    state: Arc<AtomicU8>,
    deadline: Instant,
    budget: Duration,
}

/// Marks its [`Stop`] abandoned when dropped before [`StopGuard::disarm`].
#[derive(Debug)]
pub struct StopGuard(Option<Stop>);

impl Stop {
    /// A stop for a request that may take `budget` from now, and the guard the request holds.
    pub fn new(budget: Duration) -> (Stop, StopGuard) {
        let stop = Stop {
            state: Arc::new(AtomicU8::new(RUNNING)),
            deadline: Instant::now() + budget,
            budget,
        };
        (stop.clone(), StopGuard(Some(stop)))
    }

    /// Whether work should end now; past the deadline this records the timeout.
    pub fn should_stop(&self) -> bool {
        if self.state.load(Ordering::Relaxed) != RUNNING {
            return true;
        }
        if Instant::now() >= self.deadline {
            let _ = self.state.compare_exchange(
                RUNNING,
                TIMED_OUT,
                Ordering::Relaxed,
                Ordering::Relaxed,
            );
            return true;
        }
        false
    }

    /// The error to answer with if work was stopped.
    pub fn error(&self) -> Option<ApiError> {
        match self.state.load(Ordering::Relaxed) {
            TIMED_OUT => Some(ApiError::new(
                ErrorCode::ScreeningTimeout,
                format!(
                    "the screening did not finish within {} s (`screening_timeout_secs`); \
                     nothing was stored: split the manifest into smaller files, or screen it \
                     with the CLI (`caatsa-screen screen`), which has no time limit",
                    self.budget.as_secs()
                ),
            )),
            // Nobody reads this answer; it ends the work without storing anything.
            ABANDONED => Some(ApiError::new(
                ErrorCode::RequestTimeout,
                "the request was abandoned before its screening finished",
            )),
            _ => None,
        }
    }

    /// `records`, ended early once work should stop (checked before each record is read, which
    /// costs a clock read a line); the iterator takes this stop along.
    pub fn watch<I>(self, records: I) -> impl Iterator<Item = Result<ManifestLine, RowError>>
    where
        I: Iterator<Item = Result<ManifestLine, RowError>>,
    {
        records.take_while(move |_| !self.should_stop())
    }
}

impl StopGuard {
    /// The request got its answer: dropping the guard no longer stops anything.
    pub fn disarm(mut self) {
        self.0 = None;
    }
}

impl Drop for StopGuard {
    fn drop(&mut self) {
        if let Some(stop) = &self.0 {
            let _ = stop.state.compare_exchange(
                RUNNING,
                ABANDONED,
                Ordering::Relaxed,
                Ordering::Relaxed,
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lines(n: usize) -> impl Iterator<Item = Result<ManifestLine, RowError>> {
        (0..n).map(|_| Ok(ManifestLine::default()))
    }

    #[test]
    fn a_dropped_guard_stops_the_work_and_a_disarmed_one_does_not() {
        let (stop, guard) = Stop::new(Duration::from_secs(60));
        assert!(!stop.should_stop());
        assert!(stop.error().is_none());
        drop(guard);
        assert!(stop.should_stop());
        assert_eq!(stop.clone().watch(lines(10)).count(), 0);
        assert_eq!(stop.error().unwrap().code, ErrorCode::RequestTimeout);
        let (stop, guard) = Stop::new(Duration::from_secs(60));
        guard.disarm();
        assert_eq!(stop.clone().watch(lines(10)).count(), 10);
        assert!(stop.error().is_none());
    }

    #[test]
    fn past_the_deadline_work_stops_with_a_timeout_naming_the_setting() {
        let (stop, _guard) = Stop::new(Duration::ZERO);
        assert_eq!(stop.clone().watch(lines(10)).count(), 0);
        let error = stop.error().expect("timed out");
        assert_eq!(error.code, ErrorCode::ScreeningTimeout);
        assert!(
            error.message.contains("screening_timeout_secs"),
            "{}",
            error.message
        );
    }
}
