//! Who is asking: the session behind the cookie (rule AC-6), the client address, and
//! the CSRF checks for forms and for the JSON API.

use std::net::SocketAddr;

use axum::extract::{ConnectInfo, FromRequestParts, Request};
use axum::http::request::Parts;
use axum::http::{HeaderValue, Method, header};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use madoguchi_app::accounts::session::{self, Session};
use madoguchi_app::{AppError, shared::secrets};

use crate::AppState;
use crate::http::cookies::cookie_in;
use crate::http::cookies::{COOKIE, set_cookie};
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
        let session = match cookie_value(parts, COOKIE) {
            Some(id) if !id.is_empty() => session::resume(&state.db, state.clock.as_ref(), id)
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
        let member = madoguchi_app::accounts::staff::member(&state.db, id).await?;
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

/// JSON API requests that change state must be JSON (which a cross-site form cannot send
/// without a preflight) and must not come from another site's page.
pub async fn api_guard(request: Request, next: Next) -> Response {
    let changes = !matches!(*request.method(), Method::GET | Method::HEAD | Method::OPTIONS);
    if changes {
        let headers = request.headers();
        let host = headers.get(header::HOST).and_then(|v| v.to_str().ok());
        let origin = headers.get(header::ORIGIN).and_then(|v| v.to_str().ok());
        if let Some(origin) = origin {
            let origin_host = origin.split_once("://").map_or(origin, |(_, h)| h);
            if Some(origin_host) != host {
                return ApiError(AppError::Forbidden {
                    code: "csrf",
                    message: "requests from another site are refused",
                })
                .into_response();
            }
        }
        let has_body = request.method() != Method::DELETE
            || headers
                .get(header::CONTENT_LENGTH)
                .is_some_and(|v| v.as_bytes() != b"0");
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
