//! What every page shares: the language, the switch links, the frame around the content
//! (the header by sign-in, the read-only banner: issue 13, item 6), and HTML error pages.

use askama::Template;
use axum::http::StatusCode;
use axum::response::{Html, IntoResponse, Redirect, Response};
use madoguchi_app::accounts::session::Session;
use madoguchi_app::{AppError, ErrorCode};
use madoguchi_domain::calendar::{Closure, ClosureKind};

use crate::http::problem::{retry_after, status_of};
use crate::i18n::Lang;

/// The part of every page's model that the base template reads.
pub struct Page {
    pub lang: Lang,
    /// The current path and query without `lang`, for the switch links.
    path: String,
    frame: Frame,
}

/// Who the page is drawn for and in which mode, from the request (`visitor::frame`): the header
/// offers what fits (sign-in or sign-out), and while read-only every page says so and its
/// forms are disabled (NT-2).
#[derive(Debug, Clone, Default)]
pub struct Frame {
    pub seeker: bool,
    pub staff: bool,
    /// The session's CSRF token, for the header's sign-out button.
    pub csrf: String,
    pub read_only: bool,
}

tokio::task_local! {
    static FRAME: Frame;
}

/// The session `visitor::frame` resumed for this request, so the `Visitor` does not read it
/// again.
#[derive(Clone)]
pub struct Resumed(pub Option<Session>);

/// Runs `work` (the rest of the request) with `frame` for every page it renders.
pub async fn in_frame<F: std::future::Future>(frame: Frame, work: F) -> F::Output {
    FRAME.scope(frame, work).await
}

/// What still changes while read-only (NT-2): staff signing in and out, the switch itself,
/// and a job seeker signing out (leaving a shared computer changes no record; issue 13).
pub fn writable_while_read_only(path: &str) -> bool {
    matches!(
        path,
        "/staff/sign-in" | "/staff/sign-out" | "/staff/notices" | "/sign-out"
    )
}

/// `text` for a URL's query value: everything but unreserved characters and `/` escaped.
pub fn url_component(text: &str) -> String {
    text.bytes()
        .map(|b| {
            if b.is_ascii_alphanumeric() || b"-_.~/".contains(&b) {
                (b as char).to_string()
            } else {
                format!("%{b:02X}")
            }
        })
        .collect()
}

/// The sign-in page, then back to `next` (a path on this site) once signed in.
pub fn sign_in_first(next: &str) -> Response {
    Redirect::to(&format!("/sign-in?next={}", url_component(next))).into_response()
}

pub struct LangLink {
    pub code: &'static str,
    pub label: &'static str,
    pub href: String,
    pub current: bool,
}

impl Page {
    pub fn new(lang: Lang, path: &str, query: &[(&str, String)]) -> Self {
        let mut path = path.to_owned();
        let kept: Vec<String> = query.iter().map(|(k, v)| format!("{k}={v}")).collect();
        if !kept.is_empty() {
            path.push('?');
            path.push_str(&kept.join("&"));
        }
        let frame = FRAME.try_with(Frame::clone).unwrap_or_default();
        Self { lang, path, frame }
    }

    pub fn t(&self, id: &str) -> String {
        self.lang.t(id)
    }

    /// The message `id` with its `count`.
    pub fn t_count(&self, id: &str, count: impl std::fmt::Display) -> String {
        self.lang.t_args(id, &[("count", count.to_string())])
    }

    /// A job seeker is signed in (the header offers My Page and sign-out).
    pub fn seeker(&self) -> bool {
        self.frame.seeker
    }

    /// A staff member is signed in (the header offers the console and sign-out).
    pub fn staff(&self) -> bool {
        self.frame.staff
    }

    pub fn csrf(&self) -> &str {
        &self.frame.csrf
    }

    /// NT-2: the service is read-only; every page says so.
    pub fn read_only(&self) -> bool {
        self.frame.read_only
    }

    /// NT-2: this page's forms are disabled while read-only: the pages that exist to send
    /// something (sign-in, registration, a booking, My Page's forms, a seminar's sign-up…).
    /// Pages for looking things up keep their search forms (GET) and hide what would write;
    /// staff pages keep their tools, and staff sign-in and the switch itself still write.
    pub fn frozen(&self) -> bool {
        let path = self.path.split('?').next().unwrap_or_default();
        let browsing = matches!(
            path,
            "/" | "/offices" | "/seminars" | "/notices" | "/privacy" | "/me" | "/connection-test"
        ) || (path.starts_with("/offices/") && !path.ends_with("/request"))
            || path.starts_with("/staff")
            || path.starts_with("/dev/");
        self.frame.read_only && !browsing && !writable_while_read_only(path)
    }

    /// The header's sign-in link: back to this page afterwards (not from the account pages).
    pub fn sign_in_href(&self) -> String {
        let own = ["/", "/sign-in", "/register", "/register/sent", "/register/verify"];
        let path = self.path.split('?').next().unwrap_or_default();
        if own.contains(&path) || path.starts_with("/staff") {
            "/sign-in".to_owned()
        } else {
            format!("/sign-in?next={}", url_component(&self.path))
        }
    }

    /// This page's path and query, for a form that comes back here.
    pub fn here(&self) -> &str {
        &self.path
    }

    pub fn languages(&self) -> Vec<LangLink> {
        let sep = if self.path.contains('?') { '&' } else { '?' };
        Lang::all()
            .map(|l| LangLink {
                code: l.code(),
                label: l.label(),
                href: format!("{}{sep}lang={}", self.path, l.code()),
                current: l == self.lang,
            })
            .collect()
    }

    /// A closure's reason in this page's language: a holiday's and the year-end's from the
    /// locale files (issue 16, item 1), an office's own as its staff typed it.
    pub fn closure_name(&self, c: &Closure) -> String {
        match (c.kind, c.holiday) {
            (ClosureKind::Weekly, _) => self.t("closure-weekly"),
            (ClosureKind::YearEnd, _) => self.t("closure-year-end"),
            (ClosureKind::Holiday, Some(code)) => self.lang.t_or_code("holiday", code),
            _ => self.lang.pick(&c.name_ja, &c.name_en).to_owned(),
        }
    }

    /// The name in this page's language, falling back to Japanese.
    pub fn pick<'a>(&self, ja: &'a str, en: &'a str) -> &'a str {
        self.lang.pick(ja, en)
    }
}

/// Renders a template, or a plain 500 if the template itself fails.
pub fn render(t: &impl Template, status: StatusCode) -> Response {
    match t.render() {
        Ok(html) => (status, Html(crate::http::ruby::to_html(&html).into_owned())).into_response(),
        Err(e) => {
            tracing::error!(error = %e, "template failed");
            (StatusCode::INTERNAL_SERVER_ERROR, "internal error").into_response()
        }
    }
}

#[derive(Template)]
#[template(path = "error.html")]
struct ErrorPage {
    page: Page,
    heading: String,
    message: String,
}

/// An `AppError` shown to a person, in their language, without internals.
pub struct PageError(pub Lang, pub AppError);

impl IntoResponse for PageError {
    fn into_response(self) -> Response {
        let PageError(lang, e) = self;
        let status = status_of(e.code());
        let (heading, message) = match e.code() {
            ErrorCode::NotFound => (lang.t("error-not-found"), lang.t("error-not-found-detail")),
            ErrorCode::InvalidInput
            | ErrorCode::InvalidCharacters
            | ErrorCode::Conflict
            // The code's words, never the use case's English text (issue 12).
            | ErrorCode::RateLimited => (
                lang.t("error-bad-request"),
                lang.t(&format!("problem-{}", e.specific_code())),
            ),
            // Not the person's input: "check what you entered" would send them looking for a typo.
            ErrorCode::Unauthorized | ErrorCode::Forbidden => (
                lang.t("error-forbidden"),
                lang.t(&format!("problem-{}", e.specific_code())),
            ),
            ErrorCode::Busy => (lang.t("error-unavailable"), lang.t("problem-busy")),
            ErrorCode::Unavailable => (lang.t("error-unavailable"), lang.t("error-unavailable-detail")),
            ErrorCode::Internal => (lang.t("error-internal"), lang.t("error-internal-detail")),
        };
        if status.is_server_error() && e.code() != ErrorCode::Busy {
            tracing::error!(error = ?e, "page failed");
        }
        let page = ErrorPage {
            page: Page::new(lang, "/", &[]),
            heading,
            message,
        };
        retry_after(&e, render(&page, status))
    }
}

/// A staff page this staff member's role may not open, in their language.
pub fn forbidden(lang: Lang) -> Response {
    error_page(lang, StatusCode::FORBIDDEN, "error-forbidden", "problem-not_allowed")
}

/// The error page with a heading and a message from the message files.
pub fn error_page(lang: Lang, status: StatusCode, heading: &str, message: &str) -> Response {
    let page = ErrorPage {
        page: Page::new(lang, "/", &[]),
        heading: lang.t(heading),
        message: lang.t(message),
    };
    render(&page, status)
}

/// The 404 page for paths no route matches; a problem document under `/api/`.
pub async fn not_found(lang: Lang, uri: axum::http::Uri) -> Response {
    if uri.path().starts_with("/api/") {
        return crate::http::problem::ApiError(AppError::NotFound {
            what: "resource".into(),
        })
        .into_response();
    }
    PageError(lang, AppError::NotFound { what: "page".into() }).into_response()
}
