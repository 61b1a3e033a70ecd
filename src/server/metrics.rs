//! Prometheus metrics, hand-rolled: request counts and latency histograms by route template,
//! method and status; lines screened by verdict; row errors; requests rejected by admission.
//!
//! Hand-rolled rather than the `metrics` crate's global recorder: each running app owns its
//! registry, so several apps in one process (the integration tests) never mix their counts, and
//! the text format needed here is about forty lines. The trade-off: one mutex around the HTTP
//! series map, taken once per request for a few hundred nanoseconds, which is nothing at the
//! request rates a screening service sees. Labels use the route TEMPLATE (`match_pattern`), never
//! the raw path, so a scanner probing random paths adds one `unmatched` series, not thousands.

use std::collections::BTreeMap;
use std::fmt::Write;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::Mutex;
use std::time::Duration;

use crate::screening::Summary;

/// Upper bounds (seconds) of the latency histogram buckets: 1 ms to 10 s.
pub const LATENCY_BUCKETS: [f64; 13] = [
    0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0, 10.0,
];

/// The route label of a request no route matched.
pub const UNMATCHED_ROUTE: &str = "unmatched";

/// The methods kept as labels; any other method is counted as `other`.
const KNOWN_METHODS: [&str; 7] = ["GET", "POST", "PUT", "DELETE", "PATCH", "HEAD", "OPTIONS"];

#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
struct HttpKey {
    route: String,
    method: &'static str,
    status: u16,
}

#[derive(Debug, Default)]
struct HttpSeries {
    count: u64,
    sum_seconds: f64,
    /// Non-cumulative counts per bucket; rendered cumulatively.
    buckets: [u64; LATENCY_BUCKETS.len()],
}

/// Values the registry does not own but reads at render time.
pub struct Gauges<'a> {
    pub screenings_in_flight: usize,
    pub screening_capacity: usize,
    pub rejected: u64,
    pub indicators_version: Option<&'a str>,
    /// Age in days of the loaded OFAC list (absent before the first load or without a date).
    pub list_age_days: Option<i64>,
}

/// The registry of one running app.
#[derive(Debug, Default)]
pub struct Metrics {
    http: Mutex<BTreeMap<HttpKey, HttpSeries>>,
    prohibited: AtomicU64,
    presumption: AtomicU64,
    high_risk: AtomicU64,
    review: AtomicU64,
    clear: AtomicU64,
    row_errors: AtomicU64,
    reloads_ok: AtomicU64,
    reloads_failed: AtomicU64,
}

impl Metrics {
    /// Records one answered request.
    pub fn observe_http(&self, route: &str, method: &str, status: u16, elapsed: Duration) {
        let method = KNOWN_METHODS
            .iter()
            .find(|m| **m == method)
            .copied()
            .unwrap_or("other");
        let key = HttpKey {
            route: route.to_owned(),
            method,
            status,
        };
        let seconds = elapsed.as_secs_f64();
        let bucket = LATENCY_BUCKETS.iter().position(|le| seconds <= *le);
        let mut http = self
            .http
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner());
        let series = http.entry(key).or_default();
        series.count += 1;
        series.sum_seconds += seconds;
        if let Some(i) = bucket {
            series.buckets[i] += 1;
        }
    }

    /// Records the verdict counts and row errors of one screening.
    pub fn observe_screening(&self, summary: &Summary) {
        let add = |counter: &AtomicU64, n: usize| counter.fetch_add(n as u64, Ordering::Relaxed);
        add(&self.prohibited, summary.prohibited);
        add(&self.presumption, summary.presumption);
        add(&self.high_risk, summary.high_risk);
        add(&self.review, summary.review);
        add(&self.clear, summary.clear);
        add(&self.row_errors, summary.errors);
    }

    pub fn observe_reload(&self, succeeded: bool) {
        let counter = if succeeded {
            &self.reloads_ok
        } else {
            &self.reloads_failed
        };
        counter.fetch_add(1, Ordering::Relaxed);
    }

    /// The Prometheus text exposition (format 0.0.4).
    pub fn render(&self, gauges: &Gauges<'_>) -> String {
        let mut out = String::new();
        self.render_http(&mut out);
        let load = |c: &AtomicU64| c.load(Ordering::Relaxed);
        header(
            &mut out,
            "caatsa_lines_screened_total",
            "counter",
            "Manifest lines screened, by verdict.",
        );
        for (verdict, counter) in [
            ("prohibited", &self.prohibited),
            ("presumption", &self.presumption),
            ("high_risk", &self.high_risk),
            ("review", &self.review),
            ("clear", &self.clear),
        ] {
            let _ = writeln!(
                out,
                "caatsa_lines_screened_total{{verdict=\"{verdict}\"}} {}",
                load(counter)
            );
        }
        single(
            &mut out,
            "caatsa_row_errors_total",
            "counter",
            "Manifest rows that could not be read (reported in results, not screened).",
            load(&self.row_errors),
        );
        single(
            &mut out,
            "caatsa_rejected_requests_total",
            "counter",
            "Screening requests answered 503 overloaded because no screening slot was free.",
            gauges.rejected,
        );
        single(
            &mut out,
            "caatsa_screenings_in_flight",
            "gauge",
            "Screenings holding a slot now.",
            gauges.screenings_in_flight as u64,
        );
        single(
            &mut out,
            "caatsa_screening_capacity",
            "gauge",
            "Screening slots (max_concurrent_screenings).",
            gauges.screening_capacity as u64,
        );
        header(
            &mut out,
            "caatsa_reloads_total",
            "counter",
            "Knowledge-base reloads, by outcome.",
        );
        let _ = writeln!(
            out,
            "caatsa_reloads_total{{outcome=\"ok\"}} {}",
            load(&self.reloads_ok)
        );
        let _ = writeln!(
            out,
            "caatsa_reloads_total{{outcome=\"failed\"}} {}",
            load(&self.reloads_failed)
        );
        header(
            &mut out,
            "caatsa_knowledge_base_info",
            "gauge",
            "1 with the loaded knowledge-base version as a label; absent before the first load.",
        );
        if let Some(version) = gauges.indicators_version {
            let _ = writeln!(
                out,
                "caatsa_knowledge_base_info{{version=\"{}\"}} 1",
                escape(version)
            );
        }
        header(
            &mut out,
            "caatsa_knowledge_base_list_age_days",
            "gauge",
            "Days since the date of the loaded OFAC list; results warn STALE_LIST past max_list_age_days.",
        );
        if let Some(days) = gauges.list_age_days {
            let _ = writeln!(out, "caatsa_knowledge_base_list_age_days {days}");
        }
        out
    }

    fn render_http(&self, out: &mut String) {
        let http = self
            .http
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner());
        header(
            out,
            "caatsa_http_requests_total",
            "counter",
            "HTTP requests answered, by route template, method and status.",
        );
        for (key, series) in http.iter() {
            let _ = writeln!(
                out,
                "caatsa_http_requests_total{{{}}} {}",
                labels(key),
                series.count
            );
        }
        header(out, "caatsa_http_request_duration_seconds", "histogram",
            "Time to answer HTTP requests (to the response head), by route template, method and status.");
        for (key, series) in http.iter() {
            let labels = labels(key);
            let mut cumulative = 0;
            for (le, n) in LATENCY_BUCKETS.iter().zip(series.buckets) {
                cumulative += n;
                let _ = writeln!(out, "caatsa_http_request_duration_seconds_bucket{{{labels},le=\"{le}\"}} {cumulative}");
            }
            let _ = writeln!(
                out,
                "caatsa_http_request_duration_seconds_bucket{{{labels},le=\"+Inf\"}} {}",
                series.count
            );
            let _ = writeln!(
                out,
                "caatsa_http_request_duration_seconds_sum{{{labels}}} {}",
                series.sum_seconds
            );
            let _ = writeln!(
                out,
                "caatsa_http_request_duration_seconds_count{{{labels}}} {}",
                series.count
            );
        }
    }
}

fn header(out: &mut String, name: &str, kind: &str, help: &str) {
    let _ = writeln!(out, "# HELP {name} {help}\n# TYPE {name} {kind}");
}

fn single(out: &mut String, name: &str, kind: &str, help: &str, value: u64) {
    header(out, name, kind, help);
    let _ = writeln!(out, "{name} {value}");
}

fn labels(key: &HttpKey) -> String {
    format!(
        "route=\"{}\",method=\"{}\",status=\"{}\"",
        escape(&key.route),
        key.method,
        key.status
    )
}

/// Escapes a label value as the text format requires.
fn escape(value: &str) -> String {
    value
        .replace('\\', "\\\\")
        .replace('"', "\\\"")
        .replace('\n', "\\n")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn gauges() -> Gauges<'static> {
        Gauges {
            screenings_in_flight: 1,
            screening_capacity: 4,
            rejected: 2,
            indicators_version: Some("2024-05-03+x.\"ab\""),
            list_age_days: Some(942),
        }
    }

    #[test]
    fn requests_are_counted_by_route_method_and_status_with_cumulative_buckets() {
        let metrics = Metrics::default();
        metrics.observe_http("/v1/screenings", "POST", 200, Duration::from_micros(500));
        metrics.observe_http("/v1/screenings", "POST", 200, Duration::from_millis(20));
        metrics.observe_http("/v1/screenings", "BREW", 405, Duration::from_millis(1));
        let text = metrics.render(&gauges());
        assert!(text.contains(
            "caatsa_http_requests_total{route=\"/v1/screenings\",method=\"POST\",status=\"200\"} 2"
        ));
        assert!(text.contains("method=\"other\",status=\"405\"} 1"));
        assert!(text.contains(
            "caatsa_http_request_duration_seconds_bucket{route=\"/v1/screenings\",method=\"POST\",status=\"200\",le=\"0.001\"} 1"
        ));
        assert!(text.contains(
            "caatsa_http_request_duration_seconds_bucket{route=\"/v1/screenings\",method=\"POST\",status=\"200\",le=\"0.025\"} 2"
        ));
    }

    #[test]
    fn verdicts_row_errors_and_gauges_are_exposed() {
        let metrics = Metrics::default();
        let summary = Summary {
            lines: 4,
            prohibited: 1,
            presumption: 1,
            high_risk: 0,
            review: 0,
            clear: 2,
            errors: 4,
        };
        metrics.observe_screening(&summary);
        metrics.observe_reload(false);
        let text = metrics.render(&gauges());
        assert!(text.contains("caatsa_lines_screened_total{verdict=\"presumption\"} 1"));
        assert!(text.contains("caatsa_lines_screened_total{verdict=\"prohibited\"} 1"));
        assert!(text.contains("caatsa_lines_screened_total{verdict=\"clear\"} 2"));
        assert!(text.contains("caatsa_row_errors_total 4"));
        assert!(text.contains("caatsa_rejected_requests_total 2"));
        assert!(text.contains("caatsa_screenings_in_flight 1"));
        assert!(text.contains("caatsa_reloads_total{outcome=\"failed\"} 1"));
        assert!(text.contains("version=\"2024-05-03+x.\\\"ab\\\"\"} 1"));
        assert!(text.contains("caatsa_knowledge_base_list_age_days 942"));
    }
}
