//! A local Zoom for tests (feature `local-zoom`, issue 15): an axum server that follows
//! Zoom's published API for what Madoguchi calls. `POST /oauth/token?grant_type=
//! account_credentials&account_id=…` with Basic auth (401 `invalid_client` otherwise),
//! `POST /v2/users/me/meetings` (201 with `id`, `join_url`, `password`),
//! `PATCH /v2/meetings/{id}` and `DELETE /v2/meetings/{id}` (204, or 404 code 3001), every
//! API call 401 (code 124) without a valid token. Tests can revoke tokens, make it answer
//! 429 with `Retry-After` or 5xx, and send signed webhooks as Zoom does.

#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::collections::{BTreeMap, HashSet, VecDeque};
use std::sync::{Arc, Mutex};

use tokio::sync::Notify;

use axum::Json;
use axum::extract::{Path, Query, State};
use axum::http::{HeaderMap, StatusCode, header};
use axum::response::{IntoResponse, Response};
use axum::routing::{patch, post};
use serde_json::{Value, json};

use super::client;
use super::webhooks::sign;

/// What the local Zoom has seen and holds.
#[derive(Default)]
pub struct Zoom {
    pub meetings: BTreeMap<i64, Value>,
    pub token_requests: usize,
    tokens: HashSet<String>,
    /// Answers given instead of the next API calls: (status, Retry-After).
    forced: VecDeque<(u16, Option<u64>)>,
    /// While set, every API call and token request answers 503.
    pub down: bool,
    /// Every API call: (method, path, body).
    pub calls: Vec<(String, String, Value)>,
    next_id: i64,
    /// The next create, once made, says so on the first and answers after the second.
    hold_create: Option<(Arc<Notify>, Arc<Notify>)>,
}

/// The running server.
#[derive(Clone)]
pub struct LocalZoom {
    pub base: String,
    pub state: Arc<Mutex<Zoom>>,
    account_id: String,
    basic: String,
}

impl LocalZoom {
    /// Starts on a free loopback port, accepting these credentials.
    pub async fn start(account_id: &str, client_id: &str, client_secret: &str) -> Self {
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
        let base = format!("http://{}", listener.local_addr().unwrap());
        let zoom = Self {
            base,
            state: Arc::new(Mutex::new(Zoom {
                next_id: 85_000_000_001,
                ..Zoom::default()
            })),
            account_id: account_id.to_owned(),
            basic: client::basic(client_id, client_secret),
        };
        let app = axum::Router::new()
            .route("/oauth/token", post(token))
            .route("/v2/users/me/meetings", post(create))
            .route("/v2/meetings/{id}", patch(update).delete(delete))
            .with_state(zoom.clone());
        tokio::spawn(async move { axum::serve(listener, app).await });
        zoom
    }

    pub fn with<T>(&self, f: impl FnOnce(&mut Zoom) -> T) -> T {
        f(&mut self.state.lock().unwrap())
    }

    /// The next API call answers `status` (with `Retry-After` if given).
    pub fn answer_next(&self, status: u16, retry_after: Option<u64>) {
        self.with(|z| z.forced.push_back((status, retry_after)));
    }

    /// The next create makes its meeting, then waits before answering: the first `Notify`
    /// fires when the meeting exists, the answer goes out after the second is notified (so a
    /// test can change the world between Zoom's work and Madoguchi's reading of it).
    pub fn hold_next_create(&self) -> (Arc<Notify>, Arc<Notify>) {
        let pair = (Arc::new(Notify::new()), Arc::new(Notify::new()));
        self.with(|z| z.hold_create = Some(pair.clone()));
        pair
    }

    /// Every token issued so far stops working (as when Zoom expires or revokes them).
    pub fn revoke_tokens(&self) {
        self.with(|z| z.tokens.clear());
    }

    /// Sends a webhook to `url` signed with `secret` at `timestamp` (seconds), as Zoom does:
    /// (status, body).
    pub async fn send_webhook(url: &str, secret: &str, timestamp: i64, body: &str) -> (u16, String) {
        let signature = format!("v0={}", sign(secret, format!("v0:{timestamp}:{body}").as_bytes()));
        Self::send_raw(url, &signature, timestamp, body).await
    }

    /// Sends a body with the signature given (for tampered deliveries).
    pub async fn send_raw(url: &str, signature: &str, timestamp: i64, body: &str) -> (u16, String) {
        let headers = [
            ("content-type", "application/json".to_owned()),
            ("x-zm-signature", signature.to_owned()),
            ("x-zm-request-timestamp", timestamp.to_string()),
        ];
        let a = client::raw(
            hyper::Method::POST,
            url,
            &headers,
            body.as_bytes().to_vec(),
            std::time::Duration::from_secs(30),
        )
        .await
        .unwrap();
        (a.status, String::from_utf8_lossy(&a.body).into_owned())
    }
}

fn problem(status: u16, code: i64, message: &str, retry_after: Option<u64>) -> Response {
    let status = StatusCode::from_u16(status).unwrap();
    let mut res = (status, Json(json!({ "code": code, "message": message }))).into_response();
    if let Some(s) = retry_after {
        res.headers_mut().insert(header::RETRY_AFTER, s.into());
    }
    res
}

async fn token(State(z): State<LocalZoom>, Query(q): Query<BTreeMap<String, String>>, headers: HeaderMap) -> Response {
    let auth = headers
        .get(header::AUTHORIZATION)
        .and_then(|v| v.to_str().ok())
        .unwrap_or("");
    let mut s = z.state.lock().unwrap();
    s.token_requests += 1;
    if s.down {
        return problem(503, 503, "Service Unavailable", None);
    }
    if auth != z.basic || q.get("grant_type").map(String::as_str) != Some("account_credentials") {
        return (
            StatusCode::UNAUTHORIZED,
            Json(json!({ "reason": "Invalid client_id or client_secret", "error": "invalid_client" })),
        )
            .into_response();
    }
    if q.get("account_id") != Some(&z.account_id) {
        return (
            StatusCode::BAD_REQUEST,
            Json(json!({ "reason": "Invalid account_id", "error": "invalid_request" })),
        )
            .into_response();
    }
    let t = format!("local-token-{}", s.token_requests);
    s.tokens.insert(t.clone());
    Json(json!({ "access_token": t, "token_type": "bearer", "expires_in": 3599, "scope": "meeting:write:meeting:admin meeting:update:meeting:admin meeting:delete:meeting:admin" })).into_response()
}

/// The checks every API call passes: up, a forced answer, a valid token.
fn gate(s: &mut Zoom, headers: &HeaderMap, method: &str, path: String, body: Value) -> Option<Response> {
    s.calls.push((method.to_owned(), path, body));
    if s.down {
        return Some(problem(503, 503, "Service Unavailable", None));
    }
    if let Some((status, retry_after)) = s.forced.pop_front() {
        let message = if status == 429 {
            "You have exceeded the daily rate limit"
        } else {
            "Internal Server Error"
        };
        return Some(problem(status, i64::from(status), message, retry_after));
    }
    let auth = headers
        .get(header::AUTHORIZATION)
        .and_then(|v| v.to_str().ok())
        .unwrap_or("");
    let valid = auth.strip_prefix("Bearer ").is_some_and(|t| s.tokens.contains(t));
    (!valid).then(|| problem(401, 124, "Invalid access token.", None))
}

async fn create(State(z): State<LocalZoom>, headers: HeaderMap, Json(body): Json<Value>) -> Response {
    // The lock is let go before any wait (a held std lock would make the handler not Send).
    let (meeting, hold) = {
        let mut s = z.state.lock().unwrap();
        if let Some(r) = gate(&mut s, &headers, "POST", "/v2/users/me/meetings".into(), body.clone()) {
            return r;
        }
        let id = s.next_id;
        s.next_id += 1;
        let mut meeting = body;
        meeting["id"] = json!(id);
        meeting["join_url"] = json!(format!("https://us06web.zoom.us/j/{id}?pwd=local"));
        meeting["host_id"] = json!("host-user");
        s.meetings.insert(id, meeting.clone());
        (meeting, s.hold_create.take())
    };
    if let Some((made, release)) = hold {
        made.notify_one();
        release.notified().await;
    }
    (StatusCode::CREATED, Json(meeting)).into_response()
}

async fn update(
    State(z): State<LocalZoom>,
    Path(id): Path<i64>,
    headers: HeaderMap,
    Json(body): Json<Value>,
) -> Response {
    let mut s = z.state.lock().unwrap();
    if let Some(r) = gate(&mut s, &headers, "PATCH", format!("/v2/meetings/{id}"), body.clone()) {
        return r;
    }
    let Some(m) = s.meetings.get_mut(&id) else {
        return problem(404, 3001, &format!("Meeting does not exist: {id}."), None);
    };
    if let (Some(m), Some(b)) = (m.as_object_mut(), body.as_object()) {
        for (k, v) in b {
            m.insert(k.clone(), v.clone());
        }
    }
    StatusCode::NO_CONTENT.into_response()
}

async fn delete(State(z): State<LocalZoom>, Path(id): Path<i64>, headers: HeaderMap) -> Response {
    let mut s = z.state.lock().unwrap();
    if let Some(r) = gate(&mut s, &headers, "DELETE", format!("/v2/meetings/{id}"), Value::Null) {
        return r;
    }
    match s.meetings.remove(&id) {
        Some(_) => StatusCode::NO_CONTENT.into_response(),
        None => problem(404, 3001, &format!("Meeting does not exist: {id}."), None),
    }
}
