//! The development mailbox: under `serve --demo` mail is written as `.eml` files, and this
//! page shows them, so a newcomer can open the verification link without a mail server.
//! The routes exist only in demo mode.

use std::path::{Path, PathBuf};

use askama::Template;
use axum::extract::{Path as UrlPath, State};
use axum::http::StatusCode;
use axum::response::Response;
use base64::Engine;
use base64::engine::general_purpose::STANDARD;

use crate::AppState;
use crate::http::page::{Page, render};
use crate::i18n::Lang;

/// A message as the page shows it.
pub struct Letter {
    pub file: String,
    pub to: String,
    pub date: String,
    pub subject: String,
    /// The text part, split into plain runs and links.
    pub body: Vec<(String, bool)>,
    /// (file name, text) of each attachment.
    pub attachments: Vec<(String, String)>,
}

fn unfold(head: &str) -> Vec<(String, String)> {
    let mut out: Vec<(String, String)> = Vec::new();
    for line in head.lines() {
        if line.starts_with([' ', '\t']) {
            // Unfolding removes the line break only; the folding white space stays
            // (RFC 5322 §2.2.3), or a plain word would run into the next one.
            if let Some(last) = out.last_mut() {
                last.1.push(' ');
                last.1.push_str(line.trim_start());
            }
        } else if let Some((k, v)) = line.split_once(':') {
            out.push((k.trim().to_ascii_lowercase(), v.trim().to_owned()));
        }
    }
    out
}

/// RFC 2047 encoded words (`=?utf-8?b?…?=` or `?q?`) among plain words, as lettre writes
/// a subject that mixes ASCII words and others: each encoded word is decoded, plain words
/// stay, and only the white space between two encoded words goes (RFC 2047 §6.2).
fn decode_words(value: &str) -> String {
    let mut out = String::new();
    let mut last_encoded = false;
    for (i, token) in value.split_whitespace().enumerate() {
        let decoded = encoded_word(token);
        if i > 0 && !(last_encoded && decoded.is_some()) {
            out.push(' ');
        }
        last_encoded = decoded.is_some();
        out.push_str(decoded.as_deref().unwrap_or(token));
    }
    out
}

/// One encoded word, or `None` when `token` is a plain word.
fn encoded_word(token: &str) -> Option<String> {
    let inner = token.strip_prefix("=?")?.strip_suffix("?=")?;
    let mut parts = inner.splitn(3, '?');
    let (_charset, encoding, data) = (parts.next()?, parts.next()?, parts.next()?);
    let bytes = match encoding {
        "b" | "B" => STANDARD.decode(data).ok()?,
        "q" | "Q" => quoted_printable(&data.replace('_', " ")).into_bytes(),
        _ => return None,
    };
    Some(String::from_utf8_lossy(&bytes).into_owned())
}

/// RFC 2045 quoted-printable, as lettre writes ASCII-only text.
fn quoted_printable(body: &str) -> String {
    let joined = body.replace("=\n", "");
    let bytes = joined.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        let hex = bytes
            .get(i + 1..i + 3)
            .and_then(|h| std::str::from_utf8(h).ok())
            .and_then(|h| u8::from_str_radix(h, 16).ok());
        match (bytes[i], hex) {
            (b'=', Some(b)) => {
                out.push(b);
                i += 3;
            }
            (b, _) => {
                out.push(b);
                i += 1;
            }
        }
    }
    String::from_utf8_lossy(&out).into_owned()
}

fn linkify(text: &str) -> Vec<(String, bool)> {
    text.split_inclusive(char::is_whitespace)
        .map(|w| {
            (
                w.to_owned(),
                w.trim().starts_with("http://") || w.trim().starts_with("https://"),
            )
        })
        .collect()
}

/// Reads one `.eml` file written by the demo transport.
pub fn read(path: &Path) -> Option<Letter> {
    let raw = std::fs::read_to_string(path).ok()?.replace("\r\n", "\n");
    let (head, body) = raw.split_once("\n\n")?;
    let headers = unfold(head);
    let header = |name: &str| {
        headers
            .iter()
            .find(|(k, _)| k == name)
            .map(|(_, v)| v.clone())
            .unwrap_or_default()
    };
    let mut text = String::new();
    let mut attachments = Vec::new();
    for part in body.split("\n--") {
        let Some((part_head, part_body)) = part.split_once("\n\n") else {
            continue;
        };
        let original_head = part_head;
        let part_head = part_head.to_ascii_lowercase();
        let attachment = part_head.contains("attachment");
        if !part_head.contains("text/plain") && !attachment {
            continue;
        }
        let part_body = part_body.split("\n--").next().unwrap_or_default();
        let decoded = if part_head.contains("base64") {
            let joined: String = part_body.lines().take_while(|l| !l.is_empty()).collect();
            String::from_utf8_lossy(&STANDARD.decode(joined.trim()).unwrap_or_default()).into_owned()
        } else if part_head.contains("quoted-printable") {
            quoted_printable(part_body)
        } else {
            part_body.to_owned()
        };
        if attachment {
            // Shown as text: the demo only ever attaches calendar files (NO-4).
            let name = original_head
                .split("filename=")
                .nth(1)
                .map(|n| {
                    n.split([';', '\n'])
                        .next()
                        .unwrap_or_default()
                        .trim_matches('"')
                        .to_owned()
                })
                .unwrap_or_default();
            attachments.push((name, decoded.trim().to_owned()));
        } else {
            text = decoded;
        }
    }
    Some(Letter {
        file: path.file_name()?.to_string_lossy().into_owned(),
        to: header("to"),
        date: header("date"),
        subject: decode_words(&header("subject")),
        body: linkify(text.trim()),
        attachments,
    })
}

fn letters(dir: &Path) -> Vec<Letter> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(dir)
        .map(|d| d.filter_map(|e| e.ok().map(|e| e.path())).collect())
        .unwrap_or_default();
    files.retain(|p| p.extension().is_some_and(|e| e == "eml"));
    files.sort();
    files.reverse();
    files.iter().filter_map(|p| read(p)).collect()
}

#[derive(Template)]
#[template(path = "dev/mail.html")]
struct MailboxPage {
    page: Page,
    letters: Vec<Letter>,
    open: Option<Letter>,
}

/// `GET /dev/mail`
pub async fn index(State(state): State<AppState>, lang: Lang) -> Response {
    let dir = state.mailbox.clone().unwrap_or_default();
    let view = MailboxPage {
        page: Page::new(lang, "/dev/mail", &[]),
        letters: letters(&dir),
        open: None,
    };
    render(&view, StatusCode::OK)
}

/// `GET /dev/mail/{file}`: one message, its links clickable.
pub async fn show(State(state): State<AppState>, UrlPath(file): UrlPath<String>, lang: Lang) -> Response {
    let dir = state.mailbox.clone().unwrap_or_default();
    // Only plain file names from the listing: no path traversal.
    let safe = file.ends_with(".eml") && file.chars().all(|c| c.is_ascii_alphanumeric() || c == '.');
    let open = if safe { read(&dir.join(&file)) } else { None };
    let status = if open.is_some() {
        StatusCode::OK
    } else {
        StatusCode::NOT_FOUND
    };
    let view = MailboxPage {
        page: Page::new(lang, "/dev/mail", &[]),
        letters: letters(&dir),
        open,
    };
    render(&view, status)
}

#[cfg(test)]
mod tests {
    use super::*;

    // Issue 16: a Vietnamese or Portuguese subject mixes plain ASCII words and encoded words;
    // the mailbox showed it cut short or empty.
    #[test]
    fn subjects_mixing_plain_and_encoded_words_read_whole() {
        let b = |s: &str| format!("=?utf-8?b?{}?=", STANDARD.encode(s));
        let subject = format!(
            "[Madoguchi] Vui {} {} email {}",
            b("lòng xác"),
            b(" nhận địa chỉ"),
            b("của bạn")
        );
        assert_eq!(
            decode_words(&subject),
            "[Madoguchi] Vui lòng xác nhận địa chỉ email của bạn"
        );
        assert_eq!(
            decode_words("=?utf-8?q?Confirma=C3=A7=C3=A3o_de?= e-mail"),
            "Confirmação de e-mail"
        );
        assert_eq!(decode_words("plain words only"), "plain words only");
        let folded = unfold("Subject: [Madoguchi] Vui\n =?utf-8?b?bMOybmc=?=\nTo: a@example.jp");
        assert_eq!(
            folded[0],
            ("subject".to_owned(), "[Madoguchi] Vui =?utf-8?b?bMOybmc=?=".to_owned())
        );
        assert_eq!(decode_words(&folded[0].1), "[Madoguchi] Vui lòng");
    }
}
