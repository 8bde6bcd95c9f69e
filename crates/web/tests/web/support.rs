//! Shared helpers for the web tests: one app per backend with a hand-moved clock, requests,
//! cookies, and the mail as it arrives over a real SMTP server.
#![allow(dead_code)]

use std::sync::Arc;

use axum::Router;
use axum::body::Body;
use axum::http::{Request, header};
use chrono::{TimeZone, Utc};
use http_body_util::BodyExt;
use madoguchi_app::accounts::limits::Limits;
use madoguchi_app::mail::smtp_sink::SmtpSink;
use madoguchi_app::mail::{self, SmtpSettings, TlsMode, Transport};
use madoguchi_domain::clock::ManualClock;
use madoguchi_store::{Db, testing};
use madoguchi_web::{AppState, router};
use serde_json::{Value, json};
use tower::ServiceExt;

use super::Reply;
pub(crate) struct World {
    pub backend: &'static str,
    pub db: Db,
    pub clock: Arc<ManualClock>,
    pub app: Router,
    /// PV-1: the usage record's writer, recording every request of this world.
    pub usage_stop: tokio::sync::watch::Sender<bool>,
    pub usage_writer: Option<tokio::task::JoinHandle<()>>,
    /// The app's password-hashing bound (a test may hold its slots).
    pub limits: Limits,
    /// The state the app was built from (to serve it through the real accept loop).
    pub state: AppState,
}

impl World {
    /// Drains and seals the usage record (as a graceful shutdown does); later requests
    /// are no longer recorded.
    pub async fn flush_usage(&mut self) {
        let _ = self.usage_stop.send(true);
        if let Some(h) = self.usage_writer.take() {
            h.await.unwrap();
        }
    }
}

pub(crate) async fn worlds(name: &str) -> Vec<World> {
    worlds_with(name, Limits::for_tests).await
}

/// Worlds whose apps have their own `Limits` (one per world, from `limits`).
pub(crate) async fn worlds_with(name: &str, limits: impl Fn() -> Limits) -> Vec<World> {
    let mut out = Vec::new();
    for t in testing::both(name).await {
        let clock = Arc::new(ManualClock::new(Utc.with_ymd_and_hms(2026, 12, 28, 1, 0, 0).unwrap()));
        let (usage_stop, stopped) = tokio::sync::watch::channel(false);
        let (usage, writer) =
            madoguchi_app::records::usage::start(t.db.clone(), clock.clone(), "test".into(), 365, stopped);
        let state = AppState {
            usage,
            db: t.db.clone(),
            clock: clock.clone(),
            site: madoguchi_app::shared::Site {
                base_url: "http://madoguchi.test".into(),
            },
            cookie_secure: true,
            mailbox: None,
            test_clock: None,
            maintenance: madoguchi_web::http::maintenance::ModeCache::new(std::time::Duration::ZERO),
            http: madoguchi_web::serving::limits::HttpConfig::default(),
            limits: limits(),
            // MT-3: the room relays through PostgreSQL on that backend, as in production.
            room: madoguchi_web::room::Rooms::start(&t.db, room_config()).await.unwrap(),
            zoom: zoom_config(),
        };
        let state_limits = state.limits.clone();
        out.push(World {
            backend: t.db.backend(),
            db: t.db,
            clock,
            app: router(state.clone()),
            state,
            usage_stop,
            usage_writer: Some(writer),
            limits: state_limits,
        });
    }
    out
}

/// Zoom in tests (issue 15): a fixed operator key; the API is a local Zoom where a test needs one.
pub(crate) fn zoom_config() -> madoguchi_app::zoom::ZoomConfig {
    madoguchi_app::zoom::ZoomConfig {
        keys: Some(
            madoguchi_app::shared::secrets::SealKeys::from_base64("AQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQE=", None)
                .unwrap(),
        ),
        ..Default::default()
    }
}

/// The rooms' configuration in tests: a TURN server and its shared secret (MT-3).
pub(crate) fn room_config() -> madoguchi_app::room::RoomConfig {
    madoguchi_app::room::RoomConfig {
        stun_urls: vec!["stun:127.0.0.1:3478".into()],
        turn_urls: vec!["turn:127.0.0.1:3478?transport=udp".into()],
        turn_secret: Some("test-turn-secret".into()),
        ..Default::default()
    }
}

pub(crate) async fn send(app: &Router, req: Request<Body>) -> Reply {
    let response = app.clone().oneshot(req).await.unwrap();
    let status = response.status();
    let headers = response.headers().clone();
    let bytes = response.into_body().collect().await.unwrap().to_bytes();
    Reply {
        status,
        headers,
        body: String::from_utf8_lossy(&bytes).into_owned(),
    }
}

pub(crate) fn post_json(uri: &str, body: &Value, cookie: Option<&str>) -> Request<Body> {
    let mut b = Request::post(uri).header(header::CONTENT_TYPE, "application/json");
    if let Some(c) = cookie {
        b = b.header(header::COOKIE, c);
    }
    b.body(Body::from(body.to_string())).unwrap()
}

pub(crate) fn get_with(uri: &str, cookie: Option<&str>) -> Request<Body> {
    let mut b = Request::get(uri);
    if let Some(c) = cookie {
        b = b.header(header::COOKIE, c);
    }
    b.body(Body::empty()).unwrap()
}

/// `mdg_session=…` from a response's Set-Cookie.
pub(crate) fn session_cookie(r: &Reply) -> Option<String> {
    r.headers
        .get_all(header::SET_COOKIE)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .find(|v| v.starts_with("mdg_session="))
        .and_then(|v| v.split(';').next())
        .map(str::to_owned)
}

pub(crate) fn registration(user_id: &str) -> Value {
    json!({
        "user_id": user_id,
        "password": "Kobe-Sannomiya#2026",
        "name": "山田 太郎",
        "name_kana": "ヤマダ タロウ",
        "address": "兵庫県神戸市中央区雲井通５－３－１",
        "email": "taro@example.jp",
        "phone": "078-231-8609",
        "accept_terms": true
    })
}

pub(crate) fn smtp(port: u16) -> Transport {
    Transport::smtp(&SmtpSettings {
        host: "127.0.0.1".into(),
        port,
        tls: TlsMode::None,
        username: None,
        password: None,
        from: "Madoguchi <no-reply@madoguchi.test>".into(),
        timeout: std::time::Duration::from_secs(5),
    })
    .unwrap()
}

/// Every MIME part of a received message, with base64 and quoted-printable undone.
pub(crate) fn decoded_parts(data: &str) -> String {
    use base64::Engine;
    let mut out = String::new();
    for part in data.split("\r\n--") {
        let Some((head, body)) = part.split_once("\r\n\r\n") else {
            continue;
        };
        let head = head.to_ascii_lowercase();
        if head.contains("content-transfer-encoding: base64") {
            let joined: String = body.lines().take_while(|l| !l.is_empty()).collect();
            if let Ok(bytes) = base64::engine::general_purpose::STANDARD.decode(joined.trim()) {
                out.push_str(&String::from_utf8_lossy(&bytes));
            }
        } else {
            out.push_str(&body.replace("=\r\n", "").replace("=3D", "="));
        }
    }
    out
}

/// Delivers the outbox through a real SMTP server; the last message, decoded.
pub(crate) async fn last_mail(w: &World) -> String {
    let sink = SmtpSink::start("127.0.0.1:0".parse().unwrap()).await.unwrap();
    mail::deliver_due(&w.db, &smtp(sink.addr.port()), w.clock.as_ref(), 10)
        .await
        .unwrap();
    let got = sink.received();
    decoded_parts(&got.last().expect("a mail arrived").data)
}

/// The token of the link to `path` in a decoded mail.
pub(crate) fn link_in(plain: &str, path: &str) -> String {
    let marker = format!("{path}?token=");
    let start = plain.find(&marker).expect("link in the mail") + marker.len();
    plain[start..]
        .chars()
        .take_while(|c| c.is_ascii_alphanumeric() || *c == '-' || *c == '_')
        .collect()
}

/// The verification token of the last mail.
pub(crate) async fn mailed_token(w: &World) -> String {
    link_in(&last_mail(w).await, "/register/verify")
}

pub(crate) fn form_post(uri: &str, cookie: &str, body: &str) -> Request<Body> {
    Request::post(uri)
        .header(header::CONTENT_TYPE, "application/x-www-form-urlencoded")
        .header(header::COOKIE, cookie)
        .body(Body::from(body.to_owned()))
        .unwrap()
}

pub(crate) fn csrf_of(html: &str) -> String {
    let start = html.find("name=\"_csrf\" value=\"").unwrap() + "name=\"_csrf\" value=\"".len();
    html[start..].split('"').next().unwrap().to_owned()
}

pub(crate) fn enc(s: &str) -> String {
    s.bytes()
        .map(|b| {
            if b.is_ascii_alphanumeric() || b"-._~".contains(&b) {
                (b as char).to_string()
            } else {
                format!("%{b:02X}")
            }
        })
        .collect()
}

pub(crate) async fn active_account(w: &World, user_id: &str) -> String {
    send(&w.app, post_json("/api/v1/registrations", &registration(user_id), None)).await;
    let token = mailed_token(w).await;
    send(
        &w.app,
        post_json("/api/v1/registrations/verify", &json!({ "token": token }), None),
    )
    .await;
    let s = send(
        &w.app,
        post_json(
            "/api/v1/session",
            &json!({"user_id": user_id, "password": "Kobe-Sannomiya#2026"}),
            None,
        ),
    )
    .await;
    session_cookie(&s).expect("signed in")
}

pub(crate) fn put_json(uri: &str, body: &Value, cookie: &str) -> Request<Body> {
    Request::put(uri)
        .header(header::CONTENT_TYPE, "application/json")
        .header(header::COOKIE, cookie)
        .body(Body::from(body.to_string()))
        .unwrap()
}
