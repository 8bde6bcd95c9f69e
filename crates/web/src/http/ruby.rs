//! Ruby (furigana) for やさしい日本語 (issue 16, item 4). A message marks ruby as
//! `｜漢字《かんじ》`; the loader hands it on as the Unicode interlinear annotation characters
//! (`madoguchi_app::shared::locales::RUBY`), which HTML escaping leaves alone. Here they
//! become markup where markup may go, `<ruby>漢字<rp>（</rp><rt>かんじ</rt><rp>）</rp></ruby>`,
//! and plain text everywhere else: inside a tag (attributes such as `aria-label`), in
//! `<title>`, `<option>` and `<textarea>`, and in every answer that is not a page (JSON,
//! Atom, calendar files, CSV): `漢字（かんじ）`.

use std::borrow::Cow;

use axum::body::Body;
use axum::extract::Request;
use axum::http::header;
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use madoguchi_app::shared::locales::{RUBY, plain};

/// Elements whose content is text only.
const TEXT_ONLY: [&str; 3] = ["title", "option", "textarea"];

/// A rendered page with its ruby as markup (or brackets where markup may not go).
pub fn to_html(html: &str) -> Cow<'_, str> {
    if !html.contains(RUBY[0]) {
        return Cow::Borrowed(html);
    }
    let mut out = String::with_capacity(html.len() + 256);
    let mut in_tag = false;
    let mut tag = String::new();
    let mut text_only = false;
    for c in html.chars() {
        let flat = in_tag || text_only;
        match c {
            '<' if !in_tag => {
                in_tag = true;
                tag.clear();
                out.push(c);
            }
            '>' if in_tag => {
                in_tag = false;
                let closing = tag.starts_with('/');
                let name: String = tag
                    .trim_start_matches('/')
                    .chars()
                    .take_while(char::is_ascii_alphanumeric)
                    .collect::<String>()
                    .to_ascii_lowercase();
                if TEXT_ONLY.contains(&name.as_str()) {
                    text_only = !closing;
                }
                out.push(c);
            }
            c if c == RUBY[0] => out.push_str(if flat { "" } else { "<ruby>" }),
            c if c == RUBY[1] => out.push_str(if flat { "（" } else { "<rp>（</rp><rt>" }),
            c if c == RUBY[2] => out.push_str(if flat { "）" } else { "</rt><rp>）</rp></ruby>" }),
            c => {
                if in_tag {
                    tag.push(c);
                }
                out.push(c);
            }
        }
    }
    Cow::Owned(out)
}

/// Whether an answer of this type is text that may carry a message (not a page).
fn is_text(content_type: &str) -> bool {
    let t = content_type.split(';').next().unwrap_or_default().trim();
    t != "text/html" && (t.starts_with("text/") || t.ends_with("json") || t.ends_with("xml"))
}

/// Middleware: every answer that is text but not a page gets its ruby as brackets.
pub async fn plain_text(request: Request, next: Next) -> Response {
    let response = next.run(request).await;
    let text = response
        .headers()
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .is_some_and(is_text);
    if !text {
        return response;
    }
    let (mut parts, body) = response.into_parts();
    let Ok(bytes) = axum::body::to_bytes(body, usize::MAX).await else {
        return axum::http::StatusCode::INTERNAL_SERVER_ERROR.into_response();
    };
    let Ok(s) = std::str::from_utf8(&bytes) else {
        return Response::from_parts(parts, Body::from(bytes));
    };
    if !s.contains(RUBY[0]) {
        return Response::from_parts(parts, Body::from(bytes));
    }
    parts.headers.remove(header::CONTENT_LENGTH);
    Response::from_parts(parts, Body::from(plain(s)))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn marked(s: &str) -> String {
        madoguchi_app::shared::locales::marked(s).into_owned()
    }

    // Issue 16, item 4: markup in text, brackets in attributes, the title and options; the
    // text around is left as escaped.
    #[test]
    fn ruby_is_markup_only_where_markup_may_go() {
        let r = marked("｜漢字《かんじ》");
        let page = format!(
            "<title>{r} | x</title><p aria-label=\"{r}\">{r} &lt;b&gt;</p><select><option>{r}</option></select><p>{r}</p>"
        );
        assert_eq!(
            to_html(&page),
            "<title>漢字（かんじ） | x</title><p aria-label=\"漢字（かんじ）\"><ruby>漢字<rp>（</rp><rt>かんじ</rt><rp>）</rp></ruby> &lt;b&gt;</p>\
             <select><option>漢字（かんじ）</option></select><p><ruby>漢字<rp>（</rp><rt>かんじ</rt><rp>）</rp></ruby></p>"
        );
        assert_eq!(to_html("<p>なし</p>"), "<p>なし</p>");
        assert!(is_text("application/json") && is_text("application/atom+xml; charset=utf-8"));
        assert!(is_text("text/calendar; charset=utf-8") && !is_text("text/html; charset=utf-8"));
    }
}
