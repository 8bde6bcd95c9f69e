//! Security headers on every response, `Cache-Control: no-store` on what depends on the
//! session, and the language cookie the switch leaves.

use axum::extract::Request;
use axum::http::{HeaderName, HeaderValue, header};
use axum::middleware::Next;
use axum::response::Response;

use crate::http::cookies::session_cookie;
use crate::i18n;

/// No inline script anywhere; pages need only our own stylesheet.
pub const CSP: &str = "default-src 'none'; style-src 'self'; img-src 'self'; form-action 'self'; \
     base-uri 'none'; frame-ancestors 'none'";
/// The connection test page runs one script of ours and fetches the speed payload.
pub const CSP_CONNECTION_TEST: &str = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self'; \
     connect-src 'self'; media-src 'self' blob:; form-action 'self'; base-uri 'none'; frame-ancestors 'none'";
/// The built-in room (MT-3) runs its ES modules, opens its WebSocket and shows the camera.
pub const CSP_ROOM: &str = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self'; \
     connect-src 'self'; media-src 'self' blob: mediastream:; form-action 'self'; base-uri 'none'; frame-ancestors 'none'";
/// The counsellor's day page runs one script of ours that asks for its rooms' state (MT-3).
pub const CSP_DAY: &str = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self'; \
     connect-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'";
/// Swagger UI needs its own scripts and sets inline styles; still no inline script.
pub const CSP_API_DOCS: &str = "default-src 'none'; script-src 'self'; style-src 'self' 'unsafe-inline'; \
     img-src 'self' data:; connect-src 'self'; base-uri 'none'; frame-ancestors 'none'";

pub async fn security(request: Request, next: Next) -> Response {
    let docs = request.uri().path().starts_with("/api/docs");
    // The connection test needs its own script (camera, microphone); still no inline script.
    let test = request.uri().path() == "/connection-test";
    let room = request.uri().path().starts_with("/rooms/");
    let day = request.uri().path() == "/staff/day";
    // Issue 11, item 9: what depends on the session must not be kept by a browser or a
    // proxy: every API answer, and anything answered to a request with a session cookie.
    let personal = request.uri().path().starts_with("/api/v1/") || session_cookie(request.headers()).is_some();
    let set_lang = request
        .uri()
        .query()
        .and_then(|q| q.split('&').find_map(|kv| kv.strip_prefix("lang=")))
        .and_then(i18n::Lang::parse);
    let mut response = next.run(request).await;
    let h = response.headers_mut();
    // A response that starts a session carries it; assets keep their own `public` rule.
    if (personal || h.contains_key(header::SET_COOKIE)) && !h.contains_key(header::CACHE_CONTROL) {
        h.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    }
    let csp = if docs {
        CSP_API_DOCS
    } else if test {
        CSP_CONNECTION_TEST
    } else if room {
        CSP_ROOM
    } else if day {
        CSP_DAY
    } else {
        CSP
    };
    h.insert(header::CONTENT_SECURITY_POLICY, HeaderValue::from_static(csp));
    h.insert(header::X_CONTENT_TYPE_OPTIONS, HeaderValue::from_static("nosniff"));
    h.insert(header::REFERRER_POLICY, HeaderValue::from_static("same-origin"));
    h.insert(header::X_FRAME_OPTIONS, HeaderValue::from_static("DENY"));
    h.insert(
        HeaderName::from_static("cross-origin-opener-policy"),
        HeaderValue::from_static("same-origin"),
    );
    h.insert(
        HeaderName::from_static("permissions-policy"),
        HeaderValue::from_static("camera=(self), microphone=(self), geolocation=()"),
    );
    h.insert(
        header::STRICT_TRANSPORT_SECURITY,
        HeaderValue::from_static("max-age=31536000; includeSubDomains"),
    );
    if let Some(lang) = set_lang {
        let cookie = format!(
            "{}={}; Path=/; Max-Age=31536000; SameSite=Lax",
            i18n::COOKIE,
            lang.code()
        );
        if let Ok(v) = HeaderValue::from_str(&cookie) {
            h.append(header::SET_COOKIE, v);
        }
    }
    response
}
