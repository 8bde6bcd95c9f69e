//! Liveness, readiness and Prometheus metrics, for load balancers and operators. Every
//! metric is listed in docs/operations.md; the alert rules are docs/alerts.yml.

use std::net::SocketAddr;
use std::sync::OnceLock;
use std::time::Instant;

use axum::extract::{ConnectInfo, MatchedPath, Request, State};
use axum::http::{Method, StatusCode, header};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use metrics_exporter_prometheus::{PrometheusBuilder, PrometheusHandle};

use madoguchi_app::shared::secrets;

use crate::AppState;
use crate::i18n::Lang;

/// The process-wide recorder; installed once, shared by every router (tests build many).
pub fn prometheus() -> Option<&'static PrometheusHandle> {
    static HANDLE: OnceLock<Option<PrometheusHandle>> = OnceLock::new();
    HANDLE
        .get_or_init(|| {
            let recorder = PrometheusBuilder::new().build_recorder();
            let handle = recorder.handle();
            let installed = metrics::set_global_recorder(recorder).ok().map(|()| handle);
            describe();
            installed
        })
        .as_ref()
}

/// Every metric's help text (docs/operations.md lists them with their labels). Counters of
/// rare events start at 0, so `rate()` and `increase()` see them from the first scrape and
/// an alert can tell "none yet" from "not exported".
fn describe() {
    use metrics::{Unit, describe_counter, describe_gauge, describe_histogram};
    describe_counter!(
        "madoguchi_http_requests_total",
        "HTTP requests by method, route pattern and status"
    );
    describe_histogram!(
        "madoguchi_http_request_duration_seconds",
        Unit::Seconds,
        "HTTP request latency by method, route pattern and status"
    );
    describe_counter!(
        "madoguchi_consultation_bookings_total",
        "Consultation booking attempts by job seekers, by outcome (booked, refused, failed) and code"
    );
    describe_counter!(
        "madoguchi_seminar_registrations_total",
        "Seminar registration attempts, by outcome (registered, waitlisted, refused, failed) and code"
    );
    describe_counter!("madoguchi_busy_answers_total", "Requests answered 503 busy, by reason");
    describe_gauge!(
        "madoguchi_mail_waiting",
        "Mail in the outbox not yet sent (due or backing off)"
    );
    describe_gauge!(
        "madoguchi_mail_oldest_waiting_age_seconds",
        Unit::Seconds,
        "Age of the oldest unsent mail; 0 when none waits"
    );
    describe_counter!(
        "madoguchi_mail_sent_total",
        "Mail handed to the SMTP server by this replica"
    );
    describe_counter!(
        "madoguchi_mail_send_failures_total",
        "Mail sends that failed and will be retried"
    );
    describe_gauge!(
        "madoguchi_job_last_success_timestamp_seconds",
        Unit::Seconds,
        "Unix time of the last round of a background job this replica completed"
    );
    describe_gauge!(
        "madoguchi_job_lease_held",
        "1 while this replica holds the job's lease, else 0"
    );
    describe_counter!(
        "madoguchi_job_failures_total",
        "Background job rounds that failed, lease checks included"
    );
    describe_counter!(
        "madoguchi_zoom_retries_total",
        "Zoom calls that failed or were told to wait, tried again later"
    );
    describe_counter!(
        "madoguchi_zoom_gave_up_total",
        "Zoom meetings given up after the last attempt (hand entry)"
    );
    describe_gauge!(
        "madoguchi_usage_queue_depth",
        "Usage-record entries waiting for the writer"
    );
    describe_gauge!(
        "madoguchi_db_pool_connections",
        "Database connections by pool and state (idle, in_use)"
    );
    describe_gauge!(
        "madoguchi_db_pool_max_connections",
        "Most connections each pool may open"
    );
    describe_counter!(
        "madoguchi_db_pool_timeouts_total",
        "Waits for a pooled connection that ran out"
    );
    describe_gauge!("madoguchi_ready", "1 if the last readiness check could write, else 0");
    describe_counter!(
        "madoguchi_db_write_batches_total",
        "SQLite write transactions shared by queued bookings (group commit)"
    );
    describe_counter!(
        "madoguchi_db_batched_writes_total",
        "Bookings written through those shared transactions"
    );
    describe_gauge!(
        "madoguchi_http_connections",
        "Connections holding a place (http.max_connections), open room WebSockets included"
    );
    describe_counter!(
        "madoguchi_room_floods_total",
        "Room WebSockets closed for sending more than the flood limit (close code 1008)"
    );
    describe_counter!(
        "madoguchi_metrics_refresh_failures_total",
        "Scrapes whose outbox query failed or timed out"
    );
    for name in [
        "madoguchi_mail_sent_total",
        "madoguchi_mail_send_failures_total",
        "madoguchi_db_pool_timeouts_total",
        "madoguchi_metrics_refresh_failures_total",
        "madoguchi_zoom_retries_total",
        "madoguchi_zoom_gave_up_total",
        "madoguchi_room_floods_total",
    ] {
        metrics::counter!(name).increment(0);
    }
    metrics::counter!("madoguchi_busy_answers_total", "reason" => "password_hashing").increment(0);
}

/// The process is up.
pub async fn healthz() -> &'static str {
    "ok"
}

/// How long readiness waits for its write; a writer that does not answer is not ready.
const PROBE_WAIT: std::time::Duration = std::time::Duration::from_secs(5);

/// The process can serve: the database answers and a write commits now (issue 11). A full
/// disk, a read-only or damaged file or a writer that does not answer reads as not ready,
/// and as ready again as soon as a write commits, without a restart. A probe rather than a
/// flag set by failing requests: a server that is not ready gets no requests, so only a
/// probe can notice that writes work again. It costs one single-row write per check.
pub async fn readyz(State(state): State<AppState>) -> Response {
    if let Err(e) = state.db.ping().await {
        tracing::warn!(error = %e, "readiness check failed");
        metrics::gauge!("madoguchi_ready").set(0.0);
        return (StatusCode::SERVICE_UNAVAILABLE, "database unreachable").into_response();
    }
    let probe = madoguchi_store::writer::probe(&state.db, state.clock.now());
    let ready = match tokio::time::timeout(PROBE_WAIT, probe).await {
        Ok(Ok(())) => true,
        Ok(Err(e)) => {
            tracing::warn!(error = %e, "readiness check: the database cannot be written");
            false
        }
        Err(_) => {
            tracing::warn!("readiness check: no write committed within {} s", PROBE_WAIT.as_secs());
            false
        }
    };
    metrics::gauge!("madoguchi_ready").set(if ready { 1.0 } else { 0.0 });
    if ready {
        (StatusCode::OK, "ready").into_response()
    } else {
        (StatusCode::SERVICE_UNAVAILABLE, "database cannot be written").into_response()
    }
}

/// `/metrics` (issue 11, item 5): with `metrics.token` set, only a request bearing it; without
/// one, only a loopback client. Anyone else gets the same 404 as a path that does not exist.
pub async fn metrics_text(State(state): State<AppState>, lang: Lang, request: Request) -> Response {
    let allowed = match &state.http.metrics_token {
        Some(token) => request
            .headers()
            .get(header::AUTHORIZATION)
            .and_then(|v| v.to_str().ok())
            .and_then(|v| v.strip_prefix("Bearer "))
            .is_some_and(|given| secrets::same(given.trim(), token)),
        None => request
            .extensions()
            .get::<ConnectInfo<SocketAddr>>()
            .is_some_and(|c| c.0.ip().is_loopback()),
    };
    if !allowed {
        return crate::http::page::not_found(lang, request.uri().clone()).await;
    }
    refresh_gauges(&state).await;
    match prometheus() {
        Some(h) => ([(header::CONTENT_TYPE, "text/plain; version=0.0.4")], h.render()).into_response(),
        None => (StatusCode::SERVICE_UNAVAILABLE, "metrics recorder unavailable").into_response(),
    }
}

/// How long a scrape waits for the outbox query; a database that does not answer leaves
/// the last values (and counts a failed refresh) rather than holding the scrape.
const GAUGE_WAIT: std::time::Duration = std::time::Duration::from_secs(2);

/// Gauges read at scrape time (issue 17): the usage record's queue and the pools cost no
/// query; the mail waiting and the age of the oldest are one query on the outbox's partial
/// index, the same on every replica whichever holds the mailer's lease.
async fn refresh_gauges(state: &AppState) {
    metrics::gauge!("madoguchi_usage_queue_depth").set(state.usage.queued() as f64);
    for p in madoguchi_store::gauges::pools(&state.db) {
        let in_use = p.open.saturating_sub(u32::try_from(p.idle).unwrap_or(u32::MAX));
        metrics::gauge!("madoguchi_db_pool_connections", "pool" => p.pool, "state" => "idle").set(p.idle as f64);
        metrics::gauge!("madoguchi_db_pool_connections", "pool" => p.pool, "state" => "in_use").set(f64::from(in_use));
        metrics::gauge!("madoguchi_db_pool_max_connections", "pool" => p.pool).set(f64::from(p.max));
    }
    match tokio::time::timeout(GAUGE_WAIT, madoguchi_store::gauges::mail_waiting(&state.db)).await {
        Ok(Ok(mail)) => {
            let age = mail.oldest.map_or(0.0, |t| {
                (state.clock.now() - t).num_milliseconds().max(0) as f64 / 1000.0
            });
            metrics::gauge!("madoguchi_mail_waiting").set(mail.count as f64);
            metrics::gauge!("madoguchi_mail_oldest_waiting_age_seconds").set(age);
        }
        Ok(Err(e)) => {
            tracing::warn!(error = %e, "metrics: the outbox could not be read");
            metrics::counter!("madoguchi_metrics_refresh_failures_total").increment(1);
        }
        Err(_) => {
            tracing::warn!(
                "metrics: the outbox query did not answer within {} s",
                GAUGE_WAIT.as_secs()
            );
            metrics::counter!("madoguchi_metrics_refresh_failures_total").increment(1);
        }
    }
}

/// A method outside the standard set is `other`: each invented method name would be a new
/// series, and a client can invent any number (issue 11, item 5).
fn method_label(method: &Method) -> &'static str {
    match *method {
        Method::GET => "GET",
        Method::HEAD => "HEAD",
        Method::POST => "POST",
        Method::PUT => "PUT",
        Method::PATCH => "PATCH",
        Method::DELETE => "DELETE",
        Method::OPTIONS => "OPTIONS",
        Method::TRACE => "TRACE",
        Method::CONNECT => "CONNECT",
        _ => "other",
    }
}

/// Counts requests and their latency by route pattern (never by raw path, which could
/// carry personal data, and which a client could vary without end): every path no route
/// matches is `unmatched`. `Instant` is monotonic time for durations, not the wall clock.
pub async fn record(request: Request, next: Next) -> Response {
    let path = request
        .extensions()
        .get::<MatchedPath>()
        .map_or_else(|| "unmatched".to_owned(), |p| p.as_str().to_owned());
    let method = method_label(request.method());
    let started = Instant::now();
    let response = next.run(request).await;
    let status = response.status().as_u16().to_string();
    let labels = [("method", method.to_owned()), ("path", path), ("status", status)];
    metrics::counter!("madoguchi_http_requests_total", &labels).increment(1);
    metrics::histogram!("madoguchi_http_request_duration_seconds", &labels).record(started.elapsed().as_secs_f64());
    response
}
