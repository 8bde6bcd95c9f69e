//! The room's WebSocket (MT-3): authenticated by the session, authorised per reservation
//! (`app::room::access`), refused from another site's page. Each connection relays
//! signalling (SDP, ICE candidates) and the chat through the hub; nothing is stored and no
//! media passes here. The server records the job seeker's attendance (BK-11): waiting,
//! joined once admitted with a connected peer, left, re-joined; the counsellor's "end"
//! records the consultation as attended (BK-16) and closes the room.
//!
//! Hardening: each connection's messages and bytes go through token buckets
//! (`room.messages_per_second`…); a flood closes the socket with 1008 (policy violation)
//! and counts in `madoguchi_room_floods_total`. The socket keeps its connection's place
//! (`serving::places`), so idle sockets count against `http.max_connections`.
//!
//! Client → server: `signal {to, data}`, `admit {peer}` (counsellor), `chat {text}`,
//! `connected`, `end` (counsellor), `leave`. Server → client: `welcome`, `peer`,
//! `peer-left`, `admitted`, `signal {from, data}`, `chat`, `attendance`, `replaced`,
//! `ended`, `closed`.

use axum::Extension;
use axum::extract::ws::{
    CloseFrame, Message, WebSocket, WebSocketUpgrade, close_code, rejection::WebSocketUpgradeRejection,
};
use axum::extract::{Path, State};
use axum::http::{HeaderMap, header};
use axum::response::{IntoResponse, Response};
use chrono::{DateTime, Utc};
use futures_util::{SinkExt, StreamExt};
use madoguchi_app::AppError;
use madoguchi_app::room::{access, attendance, ice};
use madoguchi_domain::clock::monotonic;
use madoguchi_domain::room::{MAX_CHAT_CHARS, Role};
use madoguchi_domain::room_key::RoomKey;
use madoguchi_domain::token_bucket::TokenBucket;
use serde_json::{Value, json};
use tokio::sync::broadcast::error::RecvError;

use super::hub::Envelope;
use crate::AppState;
use crate::http::problem::ApiError;
use crate::http::visitor::{Visitor, same_site};
use crate::serving::places::Place;

/// `GET /rooms/{id}/ws` (`42` for a reservation, `i7` for an interview)
pub async fn upgrade(
    State(state): State<AppState>,
    visitor: Visitor,
    Path(id): Path<String>,
    headers: HeaderMap,
    place: Option<Extension<Place>>,
    ws: Result<WebSocketUpgrade, WebSocketUpgradeRejection>,
) -> Response {
    // Cross-site WebSocket hijacking: a page elsewhere cannot use the visitor's cookie.
    let host = headers.get(header::HOST).and_then(|v| v.to_str().ok());
    if let Some(origin) = headers.get(header::ORIGIN)
        && !same_site(origin.to_str().unwrap_or("?"), &state.site.base_url, host)
    {
        return ApiError(AppError::Forbidden {
            code: "forbidden",
            message: "the room is entered from this site's pages",
        })
        .into_response();
    }
    let Some(key) = RoomKey::parse(&id) else {
        return ApiError(AppError::NotFound { what: "room".into() }).into_response();
    };
    let config = &state.room.config;
    let entry = match access::enter_key(&state.db, state.clock.as_ref(), config, visitor.session.as_ref(), key).await {
        Ok(e) => e,
        Err(e) => return ApiError(e).into_response(),
    };
    let Ok(closes) = access::open_now(&entry.room, config, state.clock.now()) else {
        return ApiError(AppError::NotFound { what: "room".into() }).into_response();
    };
    match ws {
        Ok(ws) => ws.max_message_size(64 * 1024).on_upgrade(move |socket| async move {
            // The connection's place stays taken while the socket is open.
            let _place = place;
            Connection::new(state, entry, closes).run(socket).await;
        }),
        Err(r) => r.into_response(),
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Exit {
    Left,
    Replaced,
    Ended,
    Closed,
    /// More than the flood limit: closed with 1008.
    Flood,
}

/// The flood limit of one connection: messages and bytes.
struct Flood {
    messages: TokenBucket,
    bytes: TokenBucket,
    since: std::time::Instant,
}

impl Flood {
    fn new(limit: madoguchi_app::room::FloodLimit) -> Self {
        let at = std::time::Duration::ZERO;
        Self {
            messages: TokenBucket::new(limit.messages_per_second, limit.message_burst, at),
            bytes: TokenBucket::new(limit.bytes_per_second, limit.byte_burst, at),
            since: monotonic(),
        }
    }

    /// Whether a message of `len` bytes may pass now.
    fn allows(&mut self, len: usize) -> bool {
        let at = monotonic().saturating_duration_since(self.since);
        let len = u32::try_from(len).unwrap_or(u32::MAX);
        // Both buckets are charged only if both allow it.
        let (mut m, mut b) = (self.messages.clone(), self.bytes.clone());
        if m.take(1, at) && b.take(len, at) {
            (self.messages, self.bytes) = (m, b);
            true
        } else {
            false
        }
    }
}

fn size(m: &Message) -> usize {
    match m {
        Message::Text(t) => t.len(),
        Message::Binary(b) | Message::Ping(b) | Message::Pong(b) => b.len(),
        Message::Close(_) => 0,
    }
}

struct Connection {
    state: AppState,
    entry: access::Entry,
    closes: DateTime<Utc>,
    id: String,
    /// When this connection started (ms) and its number in this process; of two of one
    /// role, the later stays.
    since: i64,
    seq: u64,
    admitted: bool,
    /// BK-11: this connection already reported a connected peer.
    recorded: bool,
}

/// Connections opened by this process, in order (ties of the clock's milliseconds).
static OPENED: std::sync::atomic::AtomicU64 = std::sync::atomic::AtomicU64::new(0);

fn peer_id() -> String {
    madoguchi_app::shared::secrets::random_token()
        .map(|t| t.chars().take(16).collect())
        .unwrap_or_else(|_| format!("p{}", std::process::id()))
}

impl Connection {
    fn new(state: AppState, entry: access::Entry, closes: DateTime<Utc>) -> Self {
        // A job seeker who was in the room before comes back without waiting (a re-join);
        // an interview no counsellor attends lets everyone in (IV-3).
        let admitted = !entry.waits() || (entry.role == Role::Seeker && entry.room.joined_at.is_some());
        let since = state.clock.now().timestamp_millis();
        Self {
            state,
            entry,
            closes,
            id: peer_id(),
            since,
            seq: OPENED.fetch_add(1, std::sync::atomic::Ordering::Relaxed),
            admitted,
            recorded: false,
        }
    }

    fn me(&self, t: &str) -> Value {
        json!({"t": t, "role": self.entry.role.code(), "admitted": self.admitted,
            "name": self.entry.name, "since": self.since, "seq": self.seq})
    }

    async fn publish(&self, to: Option<&str>, msg: Value) {
        let env = Envelope {
            room: self.entry.key.to_string(),
            from: self.id.clone(),
            to: to.map(str::to_owned),
            msg,
        };
        if let Err(e) = self.state.room.hub.publish(env, self.state.clock.now()).await {
            tracing::warn!(error = %e, room = %self.entry.key, "room message not relayed");
        }
    }

    async fn run(mut self, socket: WebSocket) {
        let hub = self.state.room.hub.clone();
        let room = self.entry.key.to_string();
        let mut rx = hub.subscribe(&room);
        let (mut sink, mut stream) = socket.split();
        let config = &self.state.room.config;
        let welcome = json!({"t": "welcome", "id": self.id, "role": self.entry.role.code(),
            "admitted": self.admitted, "closes": self.closes.to_rfc3339(),
            "ice": ice::servers(config, &self.entry, self.closes)});
        if sink.send(Message::Text(welcome.to_string().into())).await.is_err() {
            hub.release(&room);
            return;
        }
        if !self.admitted {
            self.record(attendance::waiting(&self.state.db, self.state.clock.as_ref(), &self.entry).await);
        }
        self.publish(None, self.me("hello")).await;
        let left = (self.closes - self.state.clock.now()).to_std().unwrap_or_default();
        let close_at = tokio::time::sleep(left);
        tokio::pin!(close_at);
        let mut flood = Flood::new(config.flood);
        let exit = loop {
            let out = tokio::select! {
                m = stream.next() => match m {
                    Some(Ok(m)) if !flood.allows(size(&m)) => Err(Exit::Flood),
                    Some(Ok(Message::Text(t))) => self.on_client(t.as_str()).await,
                    Some(Ok(Message::Close(_)) | Err(_)) | None => Err(Exit::Left),
                    Some(Ok(_)) => Ok(Vec::new()),
                },
                e = rx.recv() => match e {
                    Ok(env) => self.on_hub(&env).await,
                    Err(RecvError::Lagged(n)) => {
                        tracing::warn!(room, skipped = n, "room connection fell behind");
                        Ok(Vec::new())
                    }
                    Err(RecvError::Closed) => Err(Exit::Closed),
                },
                () = &mut close_at => Err(Exit::Closed),
            };
            match out {
                Ok(replies) => {
                    for r in replies {
                        if sink.send(Message::Text(r.to_string().into())).await.is_err() {
                            break;
                        }
                    }
                }
                Err(exit) => break exit,
            }
        };
        let last = match exit {
            Exit::Replaced => Some("replaced"),
            Exit::Ended => Some("ended"),
            Exit::Closed => Some("closed"),
            Exit::Left | Exit::Flood => None,
        };
        if let Some(t) = last {
            let _ = sink.send(Message::Text(json!({"t": t}).to_string().into())).await;
        }
        if exit == Exit::Flood {
            metrics::counter!("madoguchi_room_floods_total").increment(1);
            tracing::warn!(
                room,
                role = self.entry.role.code(),
                "room socket closed: too many messages"
            );
            let frame = CloseFrame {
                code: close_code::POLICY,
                reason: "too many messages".into(),
            };
            let _ = sink.send(Message::Close(Some(frame))).await;
            // The closing handshake: read what the client had already sent until its own
            // close, so our close frame reaches it rather than a reset.
            let _ = tokio::time::timeout(std::time::Duration::from_secs(5), async {
                while let Some(Ok(m)) = stream.next().await {
                    if matches!(m, Message::Close(_)) {
                        break;
                    }
                }
            })
            .await;
        }
        let _ = sink.close().await;
        self.publish(None, json!({"t": "bye"})).await;
        if matches!(exit, Exit::Left | Exit::Closed | Exit::Flood) {
            self.record(attendance::left(&self.state.db, self.state.clock.as_ref(), &self.entry).await);
        }
        drop(rx);
        hub.release(&room);
    }

    fn record<T>(&self, r: Result<T, AppError>) -> Option<T> {
        r.map_err(|e| tracing::error!(error = %e, room = %self.entry.key, "room attendance not recorded"))
            .ok()
    }

    /// A message from this connection's browser: what to send back to it, or the end.
    async fn on_client(&mut self, text: &str) -> Result<Vec<Value>, Exit> {
        let Ok(m) = serde_json::from_str::<Value>(text) else {
            return Ok(Vec::new());
        };
        let field = |k: &str| m.get(k).and_then(Value::as_str).unwrap_or_default().to_owned();
        match m.get("t").and_then(Value::as_str).unwrap_or_default() {
            "signal" if self.admitted => {
                let to = field("to");
                let data = m.get("data").cloned().unwrap_or(Value::Null);
                if !to.is_empty() {
                    self.publish(Some(&to), json!({"t": "signal", "data": data})).await;
                }
            }
            "admit" if self.entry.role.admits() => {
                let to = field("peer");
                self.publish(Some(&to), json!({"t": "admit"})).await;
            }
            "chat" if self.admitted => {
                let text = field("text");
                let text = text.trim();
                if !text.is_empty() && text.chars().count() <= MAX_CHAT_CHARS {
                    self.publish(None, json!({"t": "chat", "role": self.entry.role.code(), "text": text}))
                        .await;
                }
            }
            "connected" if self.admitted && !self.recorded => {
                self.recorded = true;
                let state = &self.state;
                let kind = self.record(attendance::connected(&state.db, state.clock.as_ref(), &self.entry).await);
                // The counsellor's pane tells the job seeker's arrival; the other sides'
                // attendance is on the interview's page.
                if let (Some(Some(kind)), Role::Seeker) = (kind, self.entry.role) {
                    let msg = json!({"t": "attendance", "kind": kind});
                    self.publish(None, msg.clone()).await;
                    return Ok(vec![msg]);
                }
            }
            "end" if self.entry.role == Role::Counsellor => {
                let state = &self.state;
                self.record(attendance::end(&state.db, state.clock.as_ref(), &self.entry).await);
                self.publish(None, json!({"t": "ended"})).await;
                return Err(Exit::Ended);
            }
            "leave" => return Err(Exit::Left),
            _ => {}
        }
        Ok(Vec::new())
    }

    /// A message from the room (any replica) to everyone or to this connection.
    async fn on_hub(&mut self, env: &Envelope) -> Result<Vec<Value>, Exit> {
        if env.from == self.id || env.to.as_deref().is_some_and(|t| t != self.id) {
            return Ok(Vec::new());
        }
        let m = &env.msg;
        let get = |k: &str| m.get(k).cloned().unwrap_or(Value::Null);
        let sees = self.admitted || self.entry.role.admits();
        let peer = |m: &Value| {
            json!({"t": "peer", "id": env.from, "role": m.get("role"), "admitted": m.get("admitted"),
                "name": m.get("name")})
        };
        Ok(match m.get("t").and_then(Value::as_str).unwrap_or_default() {
            "hello" => {
                // One seat per role: the later connection of a role takes it (a re-join).
                let since = m.get("since").and_then(Value::as_i64).unwrap_or_default();
                let seq = m.get("seq").and_then(Value::as_u64).unwrap_or_default();
                if m.get("role").and_then(Value::as_str) == Some(self.entry.role.code())
                    && (since, seq, env.from.as_str()) > (self.since, self.seq, self.id.as_str())
                {
                    return Err(Exit::Replaced);
                }
                self.publish(Some(&env.from), self.me("here")).await;
                if sees { vec![peer(m)] } else { Vec::new() }
            }
            "here" if sees => vec![peer(m)],
            "admit" if !self.admitted => {
                self.admitted = true;
                self.publish(None, self.me("hello")).await;
                vec![json!({"t": "admitted"})]
            }
            "signal" if self.admitted => vec![json!({"t": "signal", "from": env.from, "data": get("data")})],
            "chat" if self.admitted => {
                vec![json!({"t": "chat", "from": env.from, "role": get("role"), "text": get("text")})]
            }
            "attendance" if self.entry.role.admits() => vec![json!({"t": "attendance", "kind": get("kind")})],
            "bye" => vec![json!({"t": "peer-left", "id": env.from})],
            "ended" => return Err(Exit::Ended),
            _ => Vec::new(),
        })
    }
}
