//! The session cookie: its name, reading it from a request, setting and clearing it (AC-6).

use axum::http::{HeaderValue, header};
use madoguchi_app::accounts::session::Session;

pub const COOKIE: &str = "mdg_session";

/// The session cookie's value in `headers`, if any.
pub fn session_cookie(headers: &axum::http::HeaderMap) -> Option<String> {
    cookie_in(headers, COOKIE).filter(|v| !v.is_empty()).map(str::to_owned)
}

/// `Set-Cookie` for a session: HttpOnly, SameSite=Lax, Secure unless disabled for local development.
pub fn set_cookie(s: &Session, secure: bool) -> HeaderValue {
    let secure = if secure { "; Secure" } else { "" };
    let value = format!(
        "{COOKIE}={}; Path=/; HttpOnly; SameSite=Lax; Max-Age=43200{secure}",
        s.id
    );
    HeaderValue::from_str(&value).unwrap_or_else(|_| HeaderValue::from_static(""))
}

pub fn clear_cookie() -> HeaderValue {
    HeaderValue::from_static("mdg_session=; Path=/; HttpOnly; SameSite=Lax; Max-Age=0")
}

pub(crate) fn cookie_in<'a>(headers: &'a axum::http::HeaderMap, name: &str) -> Option<&'a str> {
    headers
        .get_all(header::COOKIE)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .flat_map(|v| v.split(';'))
        .filter_map(|kv| kv.trim().split_once('='))
        .find(|(k, _)| *k == name)
        .map(|(_, v)| v)
}
