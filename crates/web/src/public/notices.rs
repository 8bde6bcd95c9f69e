//! Notices (rule NT-1): the list page, the Atom feed and the API; and the admins' page for
//! publishing notices and, for national admins, the maintenance switch (NT-2).

use askama::Template;
use axum::Json;
use axum::extract::State;
use axum::http::{StatusCode, header};
use axum::response::{IntoResponse, Response};
use chrono::{DateTime, FixedOffset, Utc};
use std::collections::BTreeMap;

use madoguchi_app::AppError;
use madoguchi_app::notices::{self};
use madoguchi_app::translations::{Of, Texts};
use madoguchi_domain::clock::jst;
use madoguchi_store::notices::NoticeRow;
use serde::Serialize;
use utoipa::ToSchema;

use crate::AppState;
use crate::http::page::{Page, PageError, render};
use crate::http::problem::ApiError;
use crate::http::translated::{self, Text, TranslationJson};
use crate::i18n::Lang;

/// A notice as pages show it: (kind label, title, body, published, window or "", scope),
/// the title and body in the reader's language or marked as Japanese only.
pub type Shown = (String, Text, Text, String, String, String);

/// The translations of these notices (issue 16, item 3), in one read.
pub async fn texts(state: &AppState, rows: &[NoticeRow]) -> Result<Texts, AppError> {
    translated::read(&state.db, Of::Notice, rows.iter().map(|n| n.id.to_string())).await
}

pub fn shown(lang: Lang, n: &NoticeRow, texts: &Texts) -> Shown {
    let window = match (n.window_from, n.window_until) {
        (Some(a), Some(b)) => lang.t_args(
            "notice-window",
            &[("from", lang.date_time(a)), ("until", lang.date_time(b))],
        ),
        _ => String::new(),
    };
    let scope = n.office_code.as_ref().map_or_else(
        || lang.t("notice-national"),
        |c| lang.t_args("notice-office", &[("code", c.clone())]),
    );
    let (title, body) = translated::pick(lang, texts, &n.id.to_string(), &n.title, &n.body);
    (
        lang.t(&format!("notice-kind-{}", n.kind)),
        title,
        body,
        lang.date_time(n.publish_from),
        window,
        scope,
    )
}

#[derive(Template)]
#[template(path = "public/notices.html")]
struct NoticesPage {
    page: Page,
    notices: Vec<Shown>,
}

/// `GET /notices`
pub async fn list(State(state): State<AppState>, lang: Lang) -> Result<Response, PageError> {
    let rows = notices::current(&state.db, state.clock.as_ref())
        .await
        .map_err(|e| PageError(lang, e))?;
    let texts = texts(&state, &rows).await.map_err(|e| PageError(lang, e))?;
    let view = NoticesPage {
        page: Page::new(lang, "/notices", &[]),
        notices: rows.iter().map(|n| shown(lang, n, &texts)).collect(),
    };
    Ok(render(&view, StatusCode::OK))
}

fn xml(s: &str) -> String {
    madoguchi_app::mail::letters::escape(s)
}

/// `GET /notices.atom`: the current notices as an Atom feed (RFC 4287), in the reader's
/// language (`?lang=` or the cookie): an entry without a translation carries its Japanese
/// with `xml:lang="ja"` and a title beginning with the "Japanese only" mark.
pub async fn atom(State(state): State<AppState>, lang: Lang) -> Result<Response, ApiError> {
    let rows = notices::current(&state.db, state.clock.as_ref()).await?;
    let texts = texts(&state, &rows).await?;
    let base = state.site.base_url.trim_end_matches('/').to_owned();
    let updated = rows
        .iter()
        .map(|n| n.created_at)
        .max()
        .unwrap_or(DateTime::<Utc>::UNIX_EPOCH);
    let mut out = format!(
        "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<feed xmlns=\"http://www.w3.org/2005/Atom\">\n<title xml:lang=\"{}\">{}</title>\n<id>{base}/notices</id>\n<link href=\"{base}/notices\"/>\n<link rel=\"self\" href=\"{base}/notices.atom\"/>\n<updated>{}</updated>\n",
        lang.code(),
        xml(&madoguchi_app::shared::locales::plain(&lang.t("notices-feed-title"))),
        updated.to_rfc3339()
    );
    for n in &rows {
        let (title, body) = translated::pick(lang, &texts, &n.id.to_string(), &n.title, &n.body);
        let title = if title.ja_only {
            format!("{} {}", lang.t("content-japanese-only-feed"), title.text)
        } else {
            title.text
        };
        let content_lang = if body.ja_only { " xml:lang=\"ja\"" } else { "" };
        out.push_str(&format!(
            "<entry>\n<title>{}</title>\n<id>{base}/notices#{}</id>\n<link href=\"{base}/notices\"/>\n<updated>{}</updated>\n<category term=\"{}\"/>\n<author><name>{}</name></author>\n<content type=\"text\"{content_lang}>{}</content>\n</entry>\n",
            xml(&title),
            n.id,
            n.created_at.to_rfc3339(),
            n.kind,
            n.office_code.as_deref().unwrap_or("Madoguchi"),
            xml(&body.text)
        ));
    }
    out.push_str("</feed>\n");
    Ok(([(header::CONTENT_TYPE, "application/atom+xml; charset=utf-8")], out).into_response())
}

#[derive(Debug, Serialize, ToSchema)]
pub struct NoticeJson {
    pub id: i64,
    /// `null` for a national notice.
    pub office: Option<String>,
    /// `information`, `planned_maintenance` or `outage`.
    pub kind: String,
    pub title: String,
    pub body: String,
    #[schema(value_type = String)]
    pub published: DateTime<FixedOffset>,
    #[schema(value_type = Option<String>)]
    pub window_start: Option<DateTime<FixedOffset>>,
    #[schema(value_type = Option<String>)]
    pub window_end: Option<DateTime<FixedOffset>>,
    /// The notice in other languages, by language tag (`en`, `pt-BR`, …); `title` and `body`
    /// above stay the Japanese original. Empty when nobody translated it.
    pub translations: BTreeMap<String, TranslationJson>,
}

/// The notices published now, newest first (NT-1), each with its translations.
#[utoipa::path(get, path = "/api/v1/notices", tag = "notices", responses((status = 200, body = [NoticeJson])))]
pub async fn api(State(state): State<AppState>) -> Result<Json<Vec<NoticeJson>>, ApiError> {
    let rows = notices::current(&state.db, state.clock.as_ref()).await?;
    let texts = texts(&state, &rows).await?;
    let t = |d: DateTime<Utc>| d.with_timezone(&jst());
    Ok(Json(
        rows.into_iter()
            .map(|n| NoticeJson {
                translations: translated::json(&texts, &n.id.to_string()),
                id: n.id,
                office: n.office_code,
                kind: n.kind,
                title: n.title,
                body: n.body,
                published: t(n.publish_from),
                window_start: n.window_from.map(t),
                window_end: n.window_until.map(t),
            })
            .collect(),
    ))
}
