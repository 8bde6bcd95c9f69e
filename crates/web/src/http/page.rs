//! What every page shares: the language, the switch links, and HTML error pages.

use askama::Template;
use axum::http::StatusCode;
use axum::response::{Html, IntoResponse, Response};
use madoguchi_app::{AppError, ErrorCode};
use madoguchi_domain::calendar::{Closure, ClosureKind};

use crate::http::problem::{retry_after, status_of};
use crate::i18n::Lang;

/// The part of every page's model that the base template reads.
pub struct Page {
    pub lang: Lang,
    /// The current path and query without `lang`, for the switch links.
    path: String,
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
        Self { lang, path }
    }

    pub fn t(&self, id: &str) -> String {
        self.lang.t(id)
    }

    pub fn languages(&self) -> Vec<LangLink> {
        let sep = if self.path.contains('?') { '&' } else { '?' };
        Lang::ALL
            .into_iter()
            .map(|l| LangLink {
                code: l.code(),
                label: l.label(),
                href: format!("{}{sep}lang={}", self.path, l.code()),
                current: l == self.lang,
            })
            .collect()
    }

    /// A closure's reason in this page's language.
    pub fn closure_name(&self, c: &Closure) -> String {
        match (c.kind, self.lang) {
            (ClosureKind::Weekly, _) => self.t("closure-weekly"),
            (_, Lang::Ja) => c.name_ja.clone(),
            (_, Lang::En) => c.name_en.clone(),
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
        Ok(html) => (status, Html(html)).into_response(),
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
            | ErrorCode::Unauthorized
            | ErrorCode::Forbidden
            // The code's words, never the use case's English text (issue 12).
            | ErrorCode::RateLimited => (
                lang.t("error-bad-request"),
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
