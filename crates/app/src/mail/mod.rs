//! Delivering the outbox (rule NO-3): claim due messages, send each over SMTP (or, in demo
//! mode, write `.eml` files), mark it sent or schedule a retry. An SMTP outage delays
//! mail and loses none; nothing here blocks the change that wrote the message.

pub mod decisions;
pub mod ics;
pub mod letters;
pub mod password;
pub mod reservations;
pub mod smtp_sink;

use std::path::PathBuf;

use chrono::Duration;
use lettre::message::{Attachment, Mailbox, MultiPart, SinglePart, header::ContentType};
use lettre::transport::smtp::authentication::Credentials;
use lettre::transport::smtp::client::{Tls, TlsParameters};
use lettre::{AsyncSmtpTransport, AsyncTransport, Message, Tokio1Executor};
use madoguchi_domain::clock::Clock;
use madoguchi_store::Db;
use madoguchi_store::mail::outbox::{self, Mail};

/// How the SMTP connection is secured.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TlsMode {
    /// Plain SMTP: only for a relay on the same host or a test server.
    None,
    /// STARTTLS upgrade (port 587), required.
    StartTls,
    /// TLS from the first byte (port 465).
    Tls,
}

/// Where mail goes. `host` is the right side of each Message-ID: the site's host (see
/// `for_site`), else the sender's domain.
pub enum Transport {
    Smtp {
        smtp: AsyncSmtpTransport<Tokio1Executor>,
        from: Mailbox,
        host: String,
    },
    /// Demo mode: each message becomes an `.eml` file the development mailbox page lists.
    Files { dir: PathBuf, from: Mailbox, host: String },
}

/// SMTP settings; the password never appears in `Debug`.
#[derive(Clone)]
pub struct SmtpSettings {
    pub host: String,
    pub port: u16,
    pub tls: TlsMode,
    pub username: Option<String>,
    pub password: Option<String>,
    pub from: String,
    pub timeout: std::time::Duration,
}

impl std::fmt::Debug for SmtpSettings {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("SmtpSettings")
            .field("host", &self.host)
            .field("port", &self.port)
            .field("tls", &self.tls)
            .field("username", &self.username)
            .field("password", &self.password.as_ref().map(|_| "***"))
            .field("from", &self.from)
            .finish()
    }
}

impl Transport {
    pub fn smtp(s: &SmtpSettings) -> Result<Self, String> {
        let from: Mailbox = s.from.parse().map_err(|e| format!("mail sender {}: {e}", s.from))?;
        let tls = |host: &str| TlsParameters::new(host.to_owned()).map_err(|e| format!("TLS for {host}: {e}"));
        let mut b = AsyncSmtpTransport::<Tokio1Executor>::builder_dangerous(&s.host)
            .port(s.port)
            .timeout(Some(s.timeout));
        b = match s.tls {
            TlsMode::None => b.tls(Tls::None),
            TlsMode::StartTls => b.tls(Tls::Required(tls(&s.host)?)),
            TlsMode::Tls => b.tls(Tls::Wrapper(tls(&s.host)?)),
        };
        if let (Some(u), Some(p)) = (&s.username, &s.password) {
            b = b.credentials(Credentials::new(u.clone(), p.clone()));
        }
        let host = from.email.domain().to_owned();
        Ok(Self::Smtp {
            smtp: b.build(),
            from,
            host,
        })
    }

    pub fn files(dir: PathBuf, from: &str) -> Result<Self, String> {
        let from: Mailbox = from.parse().map_err(|e| format!("mail sender {from}: {e}"))?;
        std::fs::create_dir_all(&dir).map_err(|e| format!("mail folder {}: {e}", dir.display()))?;
        let host = from.email.domain().to_owned();
        Ok(Self::Files { dir, from, host })
    }

    /// Message-IDs name the site's host (from its address, e.g. `https://madoguchi.example.go.jp`).
    pub fn for_site(mut self, base_url: &str) -> Self {
        let site = base_url.split_once("://").map_or(base_url, |(_, rest)| rest);
        let site = site.split(['/', '?', '#']).next().unwrap_or_default();
        let site = site.rsplit_once('@').map_or(site, |(_, h)| h);
        // A port is no part of an id; a bracketed IPv6 literal keeps its colons.
        let site = match site.rsplit_once(':') {
            Some((h, port)) if !h.is_empty() && port.bytes().all(|b| b.is_ascii_digit()) => h,
            _ => site,
        };
        if !site.is_empty() && site.bytes().all(|b| b.is_ascii_graphic() && !b"<>@\\\"".contains(&b)) {
            match &mut self {
                Self::Smtp { host, .. } | Self::Files { host, .. } => *host = site.to_owned(),
            }
        }
        self
    }

    fn from(&self) -> &Mailbox {
        match self {
            Self::Smtp { from, .. } | Self::Files { from, .. } => from,
        }
    }

    fn host(&self) -> &str {
        match self {
            Self::Smtp { host, .. } | Self::Files { host, .. } => host,
        }
    }

    /// Sends one message. The error text names no secrets.
    pub async fn send(&self, mail: &Mail) -> Result<(), String> {
        let message = build(self.from(), &message_id(self.host())?, mail)?;
        match self {
            Self::Smtp { smtp, .. } => smtp.send(message).await.map(|_| ()).map_err(|e| format!("smtp: {e}")),
            Self::Files { dir, .. } => {
                let path = dir.join(format!("{:08}.eml", mail.id));
                tokio::fs::write(&path, message.formatted())
                    .await
                    .map_err(|e| format!("writing {}: {e}", path.display()))
            }
        }
    }
}

/// A Message-ID (RFC 5322 3.6.4) for every message: 128 random bits and the site's host,
/// nothing about the recipient or the message, so it reveals no personal data.
fn message_id(host: &str) -> Result<String, String> {
    let mut bytes = [0_u8; 16];
    getrandom::fill(&mut bytes).map_err(|e| format!("randomness for the Message-ID: {e}"))?;
    let id: String = bytes.iter().map(|b| format!("{b:02x}")).collect();
    Ok(format!("<{id}@{host}>"))
}

fn build(from: &Mailbox, id: &str, mail: &Mail) -> Result<Message, String> {
    let to: Mailbox = mail.recipient.parse().map_err(|e| format!("recipient: {e}"))?;
    let builder = Message::builder()
        .from(from.clone())
        .to(to)
        .subject(&mail.subject)
        .message_id(Some(id.to_owned()));
    let text = mail.body_text.clone();
    let attachment = match (&mail.attachment_name, &mail.attachment_type, &mail.attachment_body) {
        (Some(name), Some(kind), Some(body)) => {
            let kind = ContentType::parse(kind).map_err(|e| format!("attachment type: {e}"))?;
            Some(Attachment::new(name.clone()).body(body.clone(), kind))
        }
        _ => None,
    };
    let built = match (&mail.body_html, attachment) {
        (Some(html), Some(a)) => builder.multipart(
            MultiPart::mixed()
                .multipart(MultiPart::alternative_plain_html(text, html.clone()))
                .singlepart(a),
        ),
        (Some(html), None) => builder.multipart(MultiPart::alternative_plain_html(text, html.clone())),
        (None, Some(a)) => builder.multipart(MultiPart::mixed().singlepart(SinglePart::plain(text)).singlepart(a)),
        (None, None) => builder.header(ContentType::TEXT_PLAIN).body(text),
    };
    built.map_err(|e| format!("building the message: {e}"))
}

/// What one delivery round did.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub struct Delivered {
    pub sent: usize,
    pub failed: usize,
}

/// Claims up to `batch` due messages and sends them. Failures are retried with back-off.
pub async fn deliver_due(
    db: &Db,
    transport: &Transport,
    clock: &dyn Clock,
    batch: i64,
) -> Result<Delivered, madoguchi_store::StoreError> {
    let mut report = Delivered::default();
    for mail in outbox::claim_due(db, clock.now(), Duration::minutes(5), batch).await? {
        match transport.send(&mail).await {
            Ok(()) => {
                outbox::mark_sent(db, mail.id, clock.now()).await?;
                report.sent += 1;
            }
            Err(e) => {
                tracing::warn!(id = mail.id, attempts = mail.attempts, error = %e, "mail not sent; will retry");
                let retry = clock.now() + outbox::retry_delay(mail.attempts);
                outbox::mark_failed(db, mail.id, &e, retry).await?;
                report.failed += 1;
            }
        }
    }
    Ok(report)
}
