//! Who is asking: the session behind the cookie (rule AC-6), the client address, the page
//! frame that follows it (issue 13), and the CSRF checks for forms and for the JSON API.

use std::net::SocketAddr;

use axum::body::HttpBody;
use axum::extract::{ConnectInfo, FromRequestParts, Request, State};
use axum::http::request::Parts;
use axum::http::{HeaderValue, Method, header};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use madoguchi_app::accounts::session::{self, Session};
use madoguchi_app::{AppError, shared::secrets};

use crate::AppState;
use crate::http::cookies::cookie_in;
use crate::http::cookies::{COOKIE, set_cookie};
use crate::http::page::{Frame, Resumed, in_frame};
use crate::http::problem::ApiError;

/// The request's session (if its cookie is live) and client address.
pub struct Visitor {
    pub session: Option<Session>,
    pub client_addr: String,
}

fn cookie_value<'a>(parts: &'a Parts, name: &str) -> Option<&'a str> {
    cookie_in(&parts.headers, name)
}

impl FromRequestParts<AppState> for Visitor {
    type Rejection = Response;

    async fn from_request_parts(parts: &mut Parts, state: &AppState) -> Result<Self, Self::Rejection> {
        let client_addr = parts
            .extensions
            .get::<ConnectInfo<SocketAddr>>()
            .map_or_else(|| "unknown".to_owned(), |c| c.0.ip().to_string());
        let resumed = parts.extensions.get::<Resumed>().cloned();
        let session = match (resumed, cookie_value(parts, COOKIE)) {
            // The page frame read it already for this request.
            (Some(r), _) => r.0,
            (None, Some(id)) if !id.is_empty() => session::resume(&state.db, state.clock.as_ref(), id)
                .await
                .map_err(|e| ApiError(e).into_response())?,
            _ => None,
        };
        // PV-1: tell the usage record who this is, without a second session read.
        if let (Some(slot), Some(actor)) = (
            parts.extensions.get::<crate::http::usage::ActorSlot>(),
            session.as_ref().and_then(crate::http::usage::actor_of),
        ) {
            slot.set(actor);
        }
        Ok(Self { session, client_addr })
    }
}

impl Visitor {
    pub fn user_ref(&self) -> Option<i64> {
        self.session.as_ref().and_then(|s| s.user_ref)
    }

    /// The signed-in job seeker and the session's CSRF token, for pages with forms.
    pub fn signed_in(&self) -> Option<(i64, String)> {
        Some((self.user_ref()?, self.session.as_ref()?.csrf.clone()))
    }

    /// The signed-in staff member and the session's CSRF token; `None` for anyone else.
    pub async fn staff_member(
        &self,
        state: &AppState,
    ) -> Result<Option<(madoguchi_app::shared::StaffMember, String)>, AppError> {
        let (Some(id), Some(s)) = (self.staff_ref(), self.session.as_ref()) else {
            return Ok(None);
        };
        let member = madoguchi_app::console::staff::member(&state.db, id).await?;
        Ok(member.map(|m| (m, s.csrf.clone())))
    }

    pub fn staff_ref(&self) -> Option<i64> {
        self.session.as_ref().and_then(|s| s.staff_ref)
    }

    /// The session, starting an anonymous one (for a form's CSRF token) if there is none.
    /// Returns the cookie to set when a session was started.
    pub async fn ensure(&self, state: &AppState) -> Result<(Session, Option<HeaderValue>), AppError> {
        match &self.session {
            Some(s) => Ok((s.clone(), None)),
            None => {
                let s = session::start(
                    &state.db,
                    state.clock.as_ref(),
                    madoguchi_store::accounts::sessions::Owner::Anonymous,
                )
                .await?;
                let cookie = set_cookie(&s, state.cookie_secure);
                Ok((s, Some(cookie)))
            }
        }
    }

    /// A form's `_csrf` field must match the session's token.
    pub fn check_csrf(&self, submitted: &str) -> Result<(), AppError> {
        match &self.session {
            Some(s) if secrets::same(&s.csrf, submitted) => Ok(()),
            _ => Err(AppError::Forbidden {
                code: "csrf",
                message: "the form expired or came from another site; please try again",
            }),
        }
    }
}

/// Paths that are not pages: no frame, no session read here.
fn is_page(path: &str) -> bool {
    !(path.starts_with("/api/")
        || path.starts_with("/assets/")
        || matches!(
            path,
            "/healthz" | "/readyz" | "/metrics" | "/favicon.ico" | "/connection-test/payload"
        ))
}

/// Middleware: resumes the session once (if there is a cookie) and reads the maintenance
/// switch, so every page rendered while handling this request draws the right frame.
pub async fn frame(State(state): State<AppState>, mut request: Request, next: Next) -> Response {
    if !is_page(request.uri().path()) {
        return next.run(request).await;
    }
    let mode = state.maintenance.mode(&state).await;
    let mut frame = Frame {
        read_only: mode == madoguchi_app::notices::Mode::ReadOnly,
        ..Frame::default()
    };
    if let Some(id) = crate::http::cookies::session_cookie(request.headers()) {
        // A failure is left for the handler's `Visitor`, which answers it properly.
        if let Ok(s) = session::resume(&state.db, state.clock.as_ref(), &id).await {
            if let Some(s) = &s {
                frame.seeker = s.user_ref.is_some();
                // Issue 16: a job seeker's pages follow the language their account is set to.
                if let Some(l) = s.lang.as_deref().and_then(crate::i18n::Lang::parse)
                    && s.user_ref.is_some()
                {
                    request.extensions_mut().insert(crate::i18n::AccountLang(l));
                }
                frame.staff = s.staff_ref.is_some();
                frame.csrf.clone_from(&s.csrf);
            }
            request.extensions_mut().insert(Resumed(s));
        }
    }
    in_frame(frame, next.run(request)).await
}

/// JSON API requests that change state must not come from another site's page, and a body
/// must be JSON, which a cross-site form cannot send (nor a script without a preflight).
/// Layered on each route's own methods only, so a method no route has is a plain 405.
///
/// A POST with no body (cancel, lock) needs no content type: there is nothing to read, a
/// cross-site form that sends one empty still carries its `Origin`, which is checked here,
/// and the session cookie is `SameSite=Lax`, so a cross-site POST does not carry it anyway.
pub async fn api_guard(State(state): State<AppState>, request: Request, next: Next) -> Response {
    let changes = !matches!(*request.method(), Method::GET | Method::HEAD | Method::OPTIONS);
    if changes {
        let headers = request.headers();
        let host = headers.get(header::HOST).and_then(|v| v.to_str().ok());
        let origin = headers.get(header::ORIGIN).map(|v| v.to_str().unwrap_or("?"));
        if let Some(origin) = origin
            && !same_site(origin, &state.site.base_url, host)
        {
            return ApiError(AppError::Forbidden {
                code: "csrf",
                message: "requests from another site are refused",
            })
            .into_response();
        }
        // `limits::read_body` has read the body, so its length is known here.
        let has_body = request.body().size_hint().exact() != Some(0);
        let json = headers
            .get(header::CONTENT_TYPE)
            .and_then(|v| v.to_str().ok())
            .is_some_and(|v| {
                v.split(';')
                    .next()
                    .is_some_and(|m| m.trim().eq_ignore_ascii_case("application/json"))
            });
        if has_body && !json {
            return ApiError(AppError::invalid(
                "unsupported_media_type",
                "content-type",
                "send JSON with Content-Type: application/json",
            ))
            .into_response();
        }
    }
    next.run(request).await
}

/// The scheme, host and port of a URL, ports made explicit; `None` for anything but an
/// `http`/`https` URL with a host.
fn origin_of(url: &str) -> Option<(String, String, u16)> {
    let (scheme, rest) = url.split_once("://")?;
    let scheme = scheme.to_ascii_lowercase();
    let default_port = match scheme.as_str() {
        "http" => 80,
        "https" => 443,
        _ => return None,
    };
    let authority = rest.split(['/', '?', '#']).next().unwrap_or_default();
    if authority.contains('@') {
        return None;
    }
    // `[::1]:8080`: the port follows the closing bracket.
    let split_at = authority.rfind(':').filter(|&i| !authority[i..].contains(']'));
    let (host, port) = match split_at {
        Some(i) => (&authority[..i], authority[i + 1..].parse().ok()?),
        None => (authority, default_port),
    };
    (!host.is_empty()).then(|| (scheme, host.to_ascii_lowercase(), port))
}

/// Whether `origin` is this site: the configured base URL's scheme, host and port (issue 11,
/// item 9: `http://host` is another origin than `https://host`). A site served over plain
/// HTTP (development) also takes the address the browser used, as its `Host` header says.
pub fn same_site(origin: &str, base_url: &str, host: Option<&str>) -> bool {
    let Some(origin) = origin_of(origin) else {
        return false;
    };
    let base = origin_of(base_url);
    if base.as_ref() == Some(&origin) {
        return true;
    }
    let plain = base.as_ref().is_none_or(|(scheme, _, _)| scheme == "http");
    plain && host.and_then(|h| origin_of(&format!("http://{h}"))) == Some(origin)
}

#[cfg(test)]
mod tests {
    use super::same_site;

    // Issue 11, item 9: the scheme, host and port all count.
    #[test]
    fn origins_are_compared_by_scheme_host_and_port() {
        let site = "https://madoguchi.example.go.jp";
        let host = Some("madoguchi.example.go.jp");
        assert!(same_site("https://madoguchi.example.go.jp", site, host));
        assert!(same_site("https://MADOGUCHI.example.go.jp:443", site, host));
        for foreign in [
            "http://madoguchi.example.go.jp",
            "https://madoguchi.example.go.jp:8443",
            "https://evil.example",
            "https://madoguchi.example.go.jp.evil.example",
            "null",
            "madoguchi.example.go.jp",
            "https://user@madoguchi.example.go.jp",
        ] {
            assert!(!same_site(foreign, site, host), "{foreign}");
        }
        // Local development over plain HTTP: the base URL or the address in the browser.
        let dev = "http://127.0.0.1:8080";
        assert!(same_site("http://127.0.0.1:8080", dev, Some("127.0.0.1:8080")));
        assert!(same_site("http://localhost:8080", dev, Some("localhost:8080")));
        assert!(same_site("http://[::1]:8080", dev, Some("[::1]:8080")));
        assert!(!same_site("http://localhost:9999", dev, Some("localhost:8080")));
        assert!(!same_site("https://localhost:8080", dev, Some("localhost:8080")));
        // An https site never falls back to the Host header.
        assert!(!same_site("https://alias.example", site, Some("alias.example")));
    }
}
