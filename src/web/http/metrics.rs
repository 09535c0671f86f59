//! Web: Prometheus metrics for `/metrics` — requests and latency by route, and how long the index
//! took to build. One registry per app (no globals), so tests see only their own traffic.

use std::sync::atomic::AtomicU64;
use std::time::Duration;

use prometheus_client::encoding::EncodeLabelSet;
use prometheus_client::metrics::counter::Counter;
use prometheus_client::metrics::family::Family;
use prometheus_client::metrics::gauge::Gauge;
use prometheus_client::metrics::histogram::{Histogram, exponential_buckets};
use prometheus_client::registry::Registry;

/// Latency buckets: 50 µs doubling up to about 1.6 s.
const LATENCY_START_SECONDS: f64 = 0.000_05;
const LATENCY_FACTOR: f64 = 2.0;
const LATENCY_BUCKETS: u16 = 16;

#[derive(Clone, Debug, Hash, PartialEq, Eq, EncodeLabelSet)]
pub struct RequestLabels {
    pub method: String,
    pub route: String,
    pub status: u16,
}

#[derive(Clone, Debug, Hash, PartialEq, Eq, EncodeLabelSet)]
pub struct RouteLabels {
    pub route: String,
}

fn latency_histogram() -> Histogram {
    Histogram::new(exponential_buckets(
        LATENCY_START_SECONDS,
        LATENCY_FACTOR,
        LATENCY_BUCKETS,
    ))
}

#[derive(Debug)]
pub struct Metrics {
    registry: Registry,
    requests: Family<RequestLabels, Counter>,
    latency: Family<RouteLabels, Histogram, fn() -> Histogram>,
    index_build_seconds: Gauge<f64, AtomicU64>,
    shed: Counter,
}

impl Default for Metrics {
    fn default() -> Self {
        let mut registry = Registry::with_prefix("talentdex");
        let requests = Family::<RequestLabels, Counter>::default();
        let latency = Family::<RouteLabels, Histogram, fn() -> Histogram>::new_with_constructor(
            latency_histogram,
        );
        let index_build_seconds = Gauge::<f64, AtomicU64>::default();
        let shed = Counter::default();
        registry.register("http_requests", "HTTP requests answered", requests.clone());
        registry.register(
            "http_request_duration_seconds",
            "Time to answer an HTTP request, by route",
            latency.clone(),
        );
        registry.register(
            "index_build_seconds",
            "Seconds the search index took to build or open at start",
            index_build_seconds.clone(),
        );
        registry.register(
            "http_requests_shed",
            "Requests refused with 503 because the concurrency limit was reached",
            shed.clone(),
        );
        Self {
            registry,
            requests,
            latency,
            index_build_seconds,
            shed,
        }
    }
}

/// The methods counted by name; any other counts as `other`, so made-up methods cannot grow the
/// number of series.
const KNOWN_METHODS: [&str; 9] = [
    "GET", "HEAD", "POST", "PUT", "DELETE", "OPTIONS", "PATCH", "CONNECT", "TRACE",
];
const OTHER_METHOD: &str = "other";

/// The metrics label of a method: its name if standard, `other` if not.
pub fn method_label(method: &str) -> &'static str {
    KNOWN_METHODS
        .iter()
        .find(|m| **m == method)
        .copied()
        .unwrap_or(OTHER_METHOD)
}

impl Metrics {
    /// Count one answer. `route` must come from a closed set (a route template or `unmatched`).
    pub fn record(&self, method: &str, route: &str, status: u16, elapsed: Duration) {
        self.requests
            .get_or_create(&RequestLabels {
                method: method_label(method).to_string(),
                route: route.to_string(),
                status,
            })
            .inc();
        self.latency
            .get_or_create(&RouteLabels {
                route: route.to_string(),
            })
            .observe(elapsed.as_secs_f64());
    }

    pub fn record_shed(&self) {
        self.shed.inc();
    }

    pub fn set_index_build(&self, elapsed: Duration) {
        self.index_build_seconds.set(elapsed.as_secs_f64());
    }

    /// The Prometheus text exposition.
    pub fn render(&self) -> String {
        let mut out = String::new();
        // Writing into a String cannot fail.
        let _ = prometheus_client::encoding::text::encode(&mut out, &self.registry);
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Issue 13: 15,000 made-up methods grew `/metrics` to 71 MB, one series each.
    #[test]
    fn made_up_methods_share_one_series() {
        let metrics = Metrics::default();
        for i in 0..100 {
            metrics.record(&format!("X{i}"), "unmatched", 405, Duration::ZERO);
        }
        metrics.record("GET", "/healthz", 200, Duration::ZERO);
        let text = metrics.render();
        let series = text
            .lines()
            .filter(|l| l.starts_with("talentdex_http_requests_total{"))
            .count();
        assert_eq!(series, 2, "{text}");
        assert!(text.contains("method=\"other\""), "{text}");
        assert!(text.contains("method=\"GET\""), "{text}");
    }
}
