//! What the room tests share: a built-in consultation on 2027-01-04 10:00 JST at 28011
//! with a declared companion, people signed in after the clock moved, a real listener for
//! the WebSocket, and a WebSocket client that carries a cookie.
#![allow(dead_code)]

use std::time::Duration;

use axum::http::StatusCode;
use chrono::{DateTime, TimeZone, Utc};
use futures_util::{SinkExt, StreamExt};
use madoguchi_domain::clock::{Clock, jst};
use madoguchi_domain::staff::Role;
use serde_json::{Value, json};
use tokio_tungstenite::tungstenite::{self, Message, client::IntoClientRequest};

use crate::staff::{code, staff, staff_sign_in};
use crate::support::{World, active_account, post_json, put_json, send, session_cookie};

pub(crate) const PASSWORD: &str = "Kobe-Sannomiya#2026";

pub(crate) fn at(h: u32, m: u32) -> DateTime<Utc> {
    jst().with_ymd_and_hms(2027, 1, 4, h, m, 0).unwrap().with_timezone(&Utc)
}

/// A job seeker of 28011 with a confirmed number; returns the session cookie.
pub(crate) async fn seeker(w: &World, user_id: &str) -> String {
    let cookie = active_account(w, user_id).await;
    let number = json!({"number": "28011-01234567", "expires": "2027-12-31"});
    send(&w.app, put_json("/api/v1/me/job-seeker", &number, &cookie)).await;
    madoguchi_app::eligibility::confirm_job_seeker(&w.db, w.clock.as_ref(), user_id)
        .await
        .unwrap();
    cookie
}

/// Publishes a slot of `app` at `start` for two at 28011.
pub(crate) async fn slot(w: &World, start: DateTime<Utc>, app: &str) -> i64 {
    madoguchi_app::consultations::booking::publish_slot(&w.db, "28011", start, app, 2)
        .await
        .unwrap()
}

/// Books a slot of `app` at `start` for the signed-in seeker, with a companion declared.
pub(crate) async fn book(w: &World, cookie: &str, start: DateTime<Utc>, app: &str) -> i64 {
    let slot = slot(w, start, app).await;
    book_slot(w, cookie, slot).await
}

pub(crate) async fn book_slot(w: &World, cookie: &str, slot: i64) -> i64 {
    let body = json!({"slot_id": slot, "verify_name": "山田 太郎", "verify_number": "28011-01234567",
        "topic": "転職", "companion": "通訳（ベトナム語）"});
    let r = send(&w.app, post_json("/api/v1/reservations", &body, Some(cookie))).await;
    assert_eq!(r.status, StatusCode::CREATED, "{}", r.body);
    r.json()["id"].as_i64().unwrap()
}

/// Signs a job seeker in again (after the clock moved, sessions expire).
pub(crate) async fn sign_in(w: &World, user_id: &str) -> String {
    let s = send(
        &w.app,
        post_json(
            "/api/v1/session",
            &json!({"user_id": user_id, "password": PASSWORD}),
            None,
        ),
    )
    .await;
    session_cookie(&s).expect("signed in")
}

/// A staff member who can sign in again after the clock moved.
pub(crate) struct Staff(String, String, Vec<u8>);

impl Staff {
    pub(crate) async fn new(w: &World, office: &str, user_id: &str) -> Self {
        let (pw, key) = staff(w, Role::Counsellor, Some(office), user_id).await;
        Self(user_id.to_owned(), pw, key)
    }

    pub(crate) async fn sign_in(&self, w: &World) -> String {
        staff_sign_in(w, &self.0, &self.1, &code(w, &self.2)).await.unwrap()
    }
}

pub(crate) fn move_to(w: &World, t: DateTime<Utc>) {
    w.clock.advance(t - w.clock.now());
}

/// Serves the world's app on 127.0.0.1:0; returns the address.
pub(crate) async fn listen(w: &World) -> std::net::SocketAddr {
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let addr = listener.local_addr().unwrap();
    let app = w.app.clone();
    tokio::spawn(async move {
        axum::serve(listener, app).await.unwrap();
    });
    addr
}

pub(crate) type Ws = tokio_tungstenite::WebSocketStream<tokio_tungstenite::MaybeTlsStream<tokio::net::TcpStream>>;

/// Opens the room's WebSocket with `cookie` (and `origin`), or the HTTP status refused.
pub(crate) async fn open(
    addr: std::net::SocketAddr,
    id: i64,
    cookie: Option<&str>,
    origin: Option<&str>,
) -> Result<Ws, u16> {
    let mut req = format!("ws://{addr}/rooms/{id}/ws").into_client_request().unwrap();
    if let Some(c) = cookie {
        req.headers_mut().insert("cookie", c.parse().unwrap());
    }
    if let Some(o) = origin {
        req.headers_mut().insert("origin", o.parse().unwrap());
    }
    match tokio_tungstenite::connect_async(req).await {
        Ok((ws, _)) => Ok(ws),
        Err(tungstenite::Error::Http(r)) => Err(r.status().as_u16()),
        Err(e) => panic!("{e}"),
    }
}

/// The next message of type `t` (others are skipped), within 5 seconds.
pub(crate) async fn next(ws: &mut Ws, t: &str) -> Value {
    let wait = async {
        loop {
            match ws.next().await {
                Some(Ok(Message::Text(s))) => {
                    let v: Value = serde_json::from_str(&s).unwrap();
                    if v["t"] == t {
                        return v;
                    }
                }
                Some(Ok(_)) => {}
                other => panic!("the socket ended waiting for {t}: {other:?}"),
            }
        }
    };
    tokio::time::timeout(Duration::from_secs(5), wait)
        .await
        .unwrap_or_else(|_| panic!("no {t} within 5 s"))
}

pub(crate) async fn say(ws: &mut Ws, m: Value) {
    ws.send(Message::Text(m.to_string().into())).await.unwrap();
}

/// The room events of reservation `id`, as kinds.
pub(crate) async fn events(w: &World, id: i64) -> Vec<String> {
    madoguchi_store::room::events(&w.db, id)
        .await
        .unwrap()
        .into_iter()
        .map(|(_, k, _)| k)
        .collect()
}

/// Waits (up to 5 s) until the room events of `id` end with `kind`.
pub(crate) async fn recorded(w: &World, id: i64, kind: &str) -> Vec<String> {
    for _ in 0..100 {
        let e = events(w, id).await;
        if e.last().map(String::as_str) == Some(kind) {
            return e;
        }
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    panic!("{kind} not recorded: {:?}", events(w, id).await)
}

pub(crate) fn now(w: &World) -> DateTime<Utc> {
    w.clock.now()
}
