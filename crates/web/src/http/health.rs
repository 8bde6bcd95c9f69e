//! Liveness, readiness and Prometheus metrics, for load balancers and operators.

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
            metrics::set_global_recorder(recorder).ok().map(|()| handle)
        })
        .as_ref()
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
        return (StatusCode::SERVICE_UNAVAILABLE, "database unreachable").into_response();
    }
    let probe = madoguchi_store::writer::probe(&state.db, state.clock.now());
    match tokio::time::timeout(PROBE_WAIT, probe).await {
        Ok(Ok(())) => (StatusCode::OK, "ready").into_response(),
        Ok(Err(e)) => {
            tracing::warn!(error = %e, "readiness check: the database cannot be written");
            (StatusCode::SERVICE_UNAVAILABLE, "database cannot be written").into_response()
        }
        Err(_) => {
            tracing::warn!("readiness check: no write committed within {} s", PROBE_WAIT.as_secs());
            (StatusCode::SERVICE_UNAVAILABLE, "database cannot be written").into_response()
        }
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
    match prometheus() {
        Some(h) => ([(header::CONTENT_TYPE, "text/plain; version=0.0.4")], h.render()).into_response(),
        None => (StatusCode::SERVICE_UNAVAILABLE, "metrics recorder unavailable").into_response(),
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
