//! The maintenance switch at the door (rule NT-2). Read-only: browsing works and every
//! change is refused with a page or a `maintenance` problem (503). Closed: only the notices,
//! staff sign-in and the switch itself work. The mode is read from the database at most
//! every `ttl` per process, so a switch reaches every replica within seconds.

use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use askama::Template;
use axum::extract::{Request, State};
use axum::http::{HeaderValue, Method, StatusCode, header};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use madoguchi_app::notices::{self, Mode};

use crate::AppState;
use crate::http::page::{Page, render};
use crate::http::problem::Problem;

/// This process's copy of the switch, timed by the monotonic clock; rules never see it.
#[derive(Clone, Debug)]
pub struct ModeCache {
    ttl: Duration,
    last: Arc<Mutex<Option<(Instant, Mode)>>>,
}

impl ModeCache {
    pub fn new(ttl: Duration) -> Self {
        Self {
            ttl,
            last: Arc::new(Mutex::new(None)),
        }
    }

    pub(crate) async fn mode(&self, state: &AppState) -> Mode {
        if let Ok(last) = self.last.lock()
            && let Some((at, mode)) = *last
            && at.elapsed() < self.ttl
        {
            return mode;
        }
        // If the database cannot say, keep serving: its own errors will speak for it.
        let mode = notices::mode(&state.db).await.map_or(Mode::Open, |(m, _)| m);
        if let Ok(mut last) = self.last.lock() {
            *last = Some((madoguchi_domain::clock::monotonic(), mode));
        }
        mode
    }
}

impl ModeCache {
    /// Reads the switch again on the next request (after this process changed it).
    pub fn forget(&self) {
        if let Ok(mut last) = self.last.lock() {
            *last = None;
        }
    }
}

impl Default for ModeCache {
    fn default() -> Self {
        Self::new(Duration::from_secs(2))
    }
}

/// What works while closed: the notices, staff sign-in, the switch, health and assets.
fn open_while_closed(path: &str) -> bool {
    matches!(
        path,
        "/notices"
            | "/notices.atom"
            | "/api/v1/notices"
            | "/staff/sign-in"
            | "/staff/sign-out"
            | "/staff/notices"
            | "/healthz"
            | "/readyz"
            | "/metrics"
            | "/assets/site.css"
            | "/assets/favicon.svg"
            | "/favicon.ico"
    )
}

#[derive(Template)]
#[template(path = "maintenance.html")]
struct MaintenancePage {
    page: Page,
    closed: bool,
    notices: Vec<(String, String)>,
}

pub async fn guard(State(state): State<AppState>, request: Request, next: Next) -> Response {
    let mode = state.maintenance.mode(&state).await;
    let path = request.uri().path().to_owned();
    let reading = matches!(*request.method(), Method::GET | Method::HEAD | Method::OPTIONS);
    let allowed = match mode {
        Mode::Open => true,
        Mode::ReadOnly => reading || crate::http::page::writable_while_read_only(&path),
        Mode::Closed => open_while_closed(&path),
    };
    if allowed {
        return next.run(request).await;
    }
    let lang = crate::i18n::from_parts(&request.into_parts().0);
    let mut response = if path.starts_with("/api/") {
        let detail = lang.t(if mode == Mode::Closed {
            "maintenance-closed"
        } else {
            "maintenance-read-only"
        });
        Problem::new(
            StatusCode::SERVICE_UNAVAILABLE,
            "maintenance",
            "Service Unavailable",
            Some(detail),
        )
        .into_response()
    } else {
        let notices = notices::current(&state.db, state.clock.as_ref())
            .await
            .unwrap_or_default()
            .into_iter()
            .filter(|n| n.kind != "information")
            .map(|n| (n.title, n.body))
            .collect();
        let view = MaintenancePage {
            page: Page::new(lang, "/notices", &[]),
            closed: mode == Mode::Closed,
            notices,
        };
        render(&view, StatusCode::SERVICE_UNAVAILABLE)
    };
    response
        .headers_mut()
        .insert(header::RETRY_AFTER, HeaderValue::from_static("300"));
    response
}
