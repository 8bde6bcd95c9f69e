//! PV-1 as middleware: every request by a signed-in user or staff member, and every
//! sign-in, failed sign-in, lockout and sign-out, goes to the usage record. The action is
//! the route's name (`POST /api/v1/reservations`), never the raw URL with its query.
//!
//! The session is resolved once, by the `Visitor` extractor, which leaves the actor in a
//! slot this middleware put in the request; handlers that sign people in or out name the
//! event on the response. Only a request whose handler never looked at the session (a
//! public page, a maintenance refusal) but carries a session cookie costs a read here;
//! assets, health checks and metrics are not recorded.

use std::net::SocketAddr;
use std::sync::{Arc, OnceLock};

use axum::extract::{ConnectInfo, MatchedPath, Request, State};
use axum::http::header;
use axum::middleware::Next;
use axum::response::Response;
use madoguchi_app::records::usage::Note;
use madoguchi_domain::usage::Actor;

use crate::AppState;

/// Filled by the `Visitor` extractor with the signed-in user or staff member.
#[derive(Clone, Default)]
pub struct ActorSlot(Arc<OnceLock<Actor>>);

impl ActorSlot {
    pub fn set(&self, actor: Actor) {
        let _ = self.0.set(actor);
    }
}

/// A sign-in event named by a handler on its response.
#[derive(Clone, Copy, Debug)]
pub struct Event {
    pub name: &'static str,
    /// Who signed in; `None` keeps the actor from the session (sign-out) or, with no
    /// session, records a visitor (a failed sign-in).
    pub actor: Option<Actor>,
}

impl Event {
    /// A successful sign-in by `actor`.
    pub fn signed_in(actor: Option<Actor>) -> Self {
        Self { name: "sign_in", actor }
    }

    /// A sign-out: the actor is the session's.
    pub const SIGNED_OUT: Self = Self {
        name: "sign_out",
        actor: None,
    };

    pub fn on(self, mut response: Response) -> Response {
        response.extensions_mut().insert(self);
        response
    }
}

/// The event for a failed sign-in, by its error code.
pub fn failed_sign_in(code: &str) -> Event {
    Event {
        name: if code == "account_locked" {
            "lockout"
        } else {
            "sign_in_failed"
        },
        actor: None,
    }
}

/// Who a session belongs to, if anyone has signed in on it.
pub fn actor_of(s: &madoguchi_app::accounts::session::Session) -> Option<Actor> {
    match (s.user_ref, s.staff_ref) {
        (Some(u), _) => Some(Actor::User(u)),
        (None, Some(st)) => Some(Actor::Staff(st)),
        (None, None) => None,
    }
}

pub async fn record(State(state): State<AppState>, mut request: Request, next: Next) -> Response {
    if !state.usage.is_on() {
        return next.run(request).await;
    }
    let slot = ActorSlot::default();
    request.extensions_mut().insert(slot.clone());
    // Kept cheaply now, turned into text only if the request is recorded.
    let method = request.method().clone();
    let route = request.extensions().get::<MatchedPath>().cloned();
    let client = request.extensions().get::<ConnectInfo<SocketAddr>>().map(|c| c.0.ip());
    let user_agent = request.headers().get(header::USER_AGENT).cloned();
    let plumbing = ["/assets/", "/healthz", "/readyz", "/metrics"]
        .iter()
        .any(|p| request.uri().path().starts_with(p));
    let cookie = if plumbing {
        None
    } else {
        crate::http::cookies::session_cookie(request.headers())
    };
    let response = next.run(request).await;
    let event = response.extensions().get::<Event>().copied();
    let mut signed_in = slot.0.get().copied();
    if signed_in.is_none()
        && event.is_none()
        && let Some(id) = cookie
        && let Ok(Some(s)) = madoguchi_app::accounts::session::resume(&state.db, state.clock.as_ref(), &id).await
    {
        signed_in = actor_of(&s);
    }
    let (action, actor) = match (event, signed_in) {
        (Some(e), _) => (e.name.to_owned(), e.actor.or(signed_in).unwrap_or(Actor::Visitor)),
        (None, Some(a)) => {
            let route = route.as_ref().map_or("(unmatched)", MatchedPath::as_str);
            (format!("{method} {route}"), a)
        }
        // Anonymous browsing is not recorded.
        (None, None) => return response,
    };
    state
        .usage
        .record(Note {
            at: state.clock.now(),
            actor,
            action,
            outcome: i32::from(response.status().as_u16()),
            client_addr: client.map_or_else(|| "unknown".to_owned(), |ip| ip.to_string()),
            user_agent: user_agent
                .as_ref()
                .and_then(|v| v.to_str().ok())
                .unwrap_or("")
                .to_owned(),
        })
        .await;
    response
}
