//! What a client may ask of the server (issue 11, items 5 and 7): how long it may take to
//! send a request, how many connections it may hold, how large a body may be, and who may
//! read `/metrics`. The operator sets these in `[http]` and `[metrics]`.

use std::fmt;
use std::future::poll_fn;
use std::pin::Pin;
use std::time::Duration;

use axum::body::{Body, Bytes, HttpBody};
use axum::extract::{Request, State};
use axum::http::{StatusCode, header};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};

use crate::AppState;
use crate::http::page::error_page;
use crate::http::problem::Problem;
use crate::i18n;

/// The largest request body: far beyond any form or API request of this site.
pub const MAX_BODY_BYTES: usize = 64 * 1024;

#[derive(Clone)]
pub struct HttpConfig {
    /// Longest wait for a request's head. hyper starts it whenever the connection waits
    /// for a request, so it closes half-sent heads and idle kept-alive connections alike.
    pub header_read_timeout: Duration,
    /// Longest pause between two parts of a request body (a body sent a byte at a time).
    pub body_read_timeout: Duration,
    /// Connections served at once; further ones wait in the listen queue, so a flood of
    /// idle connections cannot use up the process's file descriptors.
    pub max_connections: usize,
    /// `Authorization: Bearer` token for `/metrics`; without one only loopback clients
    /// may read it.
    pub metrics_token: Option<String>,
}

impl Default for HttpConfig {
    fn default() -> Self {
        Self {
            header_read_timeout: Duration::from_secs(10),
            body_read_timeout: Duration::from_secs(10),
            max_connections: 4096,
            metrics_token: None,
        }
    }
}

impl fmt::Debug for HttpConfig {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("HttpConfig")
            .field("header_read_timeout", &self.header_read_timeout)
            .field("body_read_timeout", &self.body_read_timeout)
            .field("max_connections", &self.max_connections)
            .field("metrics_token", &self.metrics_token.as_ref().map(|_| "***"))
            .finish()
    }
}

enum Refusal {
    TooLarge,
    TooSlow,
    Broken,
}

/// Reads the whole body (bodies here are small forms and JSON) within the size and pause
/// limits, so a handler never waits on a trickling client and an oversized body is a 413
/// in the caller's terms, a problem document or a page, whichever extractor would read it.
pub async fn read_body(State(state): State<AppState>, request: Request, next: Next) -> Response {
    let declared = request
        .headers()
        .get(header::CONTENT_LENGTH)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.parse::<u64>().ok());
    if request.body().size_hint().exact() == Some(0) {
        return next.run(request).await;
    }
    let (parts, body) = request.into_parts();
    let read = match declared {
        // Refused before reading a byte.
        Some(n) if n > MAX_BODY_BYTES as u64 => Err(Refusal::TooLarge),
        _ => collect(body, state.http.body_read_timeout).await,
    };
    match read {
        Ok(bytes) => next.run(Request::from_parts(parts, Body::from(bytes))).await,
        Err(refusal) => {
            let (status, code) = match refusal {
                Refusal::TooLarge => (StatusCode::PAYLOAD_TOO_LARGE, "payload_too_large"),
                Refusal::TooSlow => (StatusCode::REQUEST_TIMEOUT, "request_timeout"),
                Refusal::Broken => (StatusCode::BAD_REQUEST, "malformed_body"),
            };
            let mut response = if parts.uri.path().starts_with("/api/") {
                let title = status.canonical_reason().unwrap_or("Error");
                Problem::new(status, code, title, None).into_response()
            } else {
                let lang = i18n::from_parts(&parts);
                let id = code.replace('_', "-");
                error_page(lang, status, &format!("error-{id}"), &format!("error-{id}-detail"))
            };
            // The rest of the body is not read: the connection cannot carry another request.
            response
                .headers_mut()
                .insert(header::CONNECTION, axum::http::HeaderValue::from_static("close"));
            response
        }
    }
}

async fn collect(mut body: Body, pause: Duration) -> Result<Bytes, Refusal> {
    let mut out = Vec::new();
    loop {
        let frame = poll_fn(|cx| Pin::new(&mut body).poll_frame(cx));
        match tokio::time::timeout(pause, frame).await {
            Err(_) => return Err(Refusal::TooSlow),
            Ok(None) => return Ok(Bytes::from(out)),
            Ok(Some(Err(_))) => return Err(Refusal::Broken),
            Ok(Some(Ok(frame))) => {
                if let Ok(data) = frame.into_data() {
                    if out.len() + data.len() > MAX_BODY_BYTES {
                        return Err(Refusal::TooLarge);
                    }
                    out.extend_from_slice(&data);
                }
            }
        }
    }
}
