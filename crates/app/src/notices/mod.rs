//! Notices (rule NT-1) and the maintenance switch (NT-2). National admins publish national
//! notices and switch the system; office admins publish their office's notices.

pub mod terms;

use chrono::{DateTime, Utc};
use madoguchi_domain::characters::FieldKind;
use madoguchi_domain::clock::Clock;
use madoguchi_domain::staff::Role;
use madoguchi_store::Db;
use madoguchi_store::notices::{self as store, NewNotice, NoticeRow};

use crate::AppError;
use crate::shared::StaffMember;
use crate::translations::translate::{self, Translator};
use crate::translations::{self, Of, Translation};

pub const KINDS: [&str; 3] = ["information", "planned_maintenance", "outage"];

/// What a notice says and when it shows.
#[derive(Debug, Clone)]
pub struct NoticeInput {
    pub kind: String,
    pub title: String,
    pub body: String,
    /// Default: now.
    pub publish_from: Option<DateTime<Utc>>,
    pub publish_until: Option<DateTime<Utc>>,
    /// Planned maintenance: the window the service is affected.
    pub window: Option<(DateTime<Utc>, DateTime<Utc>)>,
}

fn text(field: &str, value: &str, kind: FieldKind, max: usize) -> Result<String, AppError> {
    crate::shared::fields::text(field, value, kind, max, true)
}

/// Who publishes: a staff member (national admins nationally, office admins for their
/// office), or the operator at the command line (national).
pub enum Publisher<'a> {
    Staff(&'a StaffMember),
    Operator,
}

/// NT-1: publishes a notice; returns its id.
pub async fn publish(db: &Db, clock: &dyn Clock, by: Publisher<'_>, n: &NoticeInput) -> Result<i64, AppError> {
    let (office, actor) = match by {
        Publisher::Operator => (None, "operator".to_owned()),
        Publisher::Staff(s) => match s.role {
            Role::NationalAdmin => (None, format!("staff:{}", s.id)),
            Role::OfficeAdmin => (s.office.clone(), format!("staff:{}", s.id)),
            Role::Counsellor => {
                return Err(AppError::Forbidden {
                    code: "forbidden",
                    message: "admins publish notices",
                });
            }
        },
    };
    if !KINDS.contains(&n.kind.as_str()) {
        return Err(AppError::invalid(
            "invalid_choice",
            "kind",
            "information, planned_maintenance or outage",
        ));
    }
    let title = text("title", &n.title, FieldKind::SingleLine, 100)?;
    let body = text("body", &n.body, FieldKind::MultiLine, 2000)?;
    let from = n.publish_from.unwrap_or_else(|| clock.now());
    if n.publish_until.is_some_and(|u| u <= from) || n.window.is_some_and(|(a, b)| a >= b) {
        return Err(AppError::invalid(
            "invalid_range",
            "publish_until",
            "the end comes after the start",
        ));
    }
    if n.kind == "planned_maintenance" && n.window.is_none() {
        return Err(AppError::invalid(
            "required",
            "window_from",
            "planned maintenance needs its window",
        ));
    }
    let new = NewNotice {
        office_code: office,
        kind: n.kind.clone(),
        title,
        body,
        publish_from: from,
        publish_until: n.publish_until,
        window: n.window,
        created_by: actor,
    };
    Ok(store::create(db, &new, clock.now()).await?)
}

/// NT-1 with a translation typed beside the Japanese (issue 16, item 3): the translation is
/// checked before anything is published, then stored with the notice (audited).
pub async fn publish_translated(
    db: &Db,
    clock: &dyn Clock,
    by: Publisher<'_>,
    n: &NoticeInput,
    translation: Option<&Translation>,
    known: &[&str],
) -> Result<i64, AppError> {
    let Some(t) = translation else {
        return publish(db, clock, by, n).await;
    };
    translations::check(Of::Notice, known, t)?;
    let translator = match &by {
        Publisher::Staff(s) => Translator::Staff(s),
        Publisher::Operator => Translator::Operator,
    };
    let id = publish(db, clock, by, n).await?;
    translate::add(db, clock, translator, Of::Notice, &id.to_string(), known, t).await?;
    Ok(id)
}

/// NT-1: the notices to show now, newest first.
pub async fn current(db: &Db, clock: &dyn Clock) -> Result<Vec<NoticeRow>, AppError> {
    Ok(store::current(db, clock.now()).await?)
}

/// NT-2: the system's availability.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mode {
    Open,
    /// Browsing works; every change is refused.
    ReadOnly,
    /// Only the notices and staff sign-in work.
    Closed,
}

impl Mode {
    pub fn code(self) -> &'static str {
        match self {
            Self::Open => "open",
            Self::ReadOnly => "read_only",
            Self::Closed => "closed",
        }
    }

    pub fn parse(s: &str) -> Option<Self> {
        [Self::Open, Self::ReadOnly, Self::Closed]
            .into_iter()
            .find(|m| m.code() == s || m.code().replace('_', "-") == s)
    }
}

/// The current mode and the notice that explains it.
pub async fn mode(db: &Db) -> Result<(Mode, Option<i64>), AppError> {
    let m = store::maintenance(db).await?;
    Ok((Mode::parse(&m.mode).unwrap_or(Mode::Open), m.notice_id))
}

/// NT-2: a national admin (or the operator) switches the mode; a read-only or closed mode
/// comes with a notice (an outage notice from now until the switch is turned back).
pub async fn switch(
    db: &Db,
    clock: &dyn Clock,
    by: Publisher<'_>,
    mode: Mode,
    notice: Option<(&str, &str)>,
) -> Result<(), AppError> {
    let actor = match &by {
        Publisher::Operator => "operator".to_owned(),
        Publisher::Staff(s) if s.role == Role::NationalAdmin => format!("staff:{}", s.id),
        Publisher::Staff(_) => {
            return Err(AppError::Forbidden {
                code: "forbidden",
                message: "only national admins switch maintenance",
            });
        }
    };
    let (_, previous) = self::mode(db).await?;
    let notice_id = match (mode, notice) {
        (Mode::Open, _) => None,
        (_, None) => {
            return Err(AppError::invalid("required", "title", "say why, in a notice"));
        }
        (_, Some((title, body))) => {
            let n = NoticeInput {
                kind: "outage".into(),
                title: title.to_owned(),
                // A title alone is enough to explain a switch.
                body: if body.trim().is_empty() { title } else { body }.to_owned(),
                publish_from: None,
                publish_until: None,
                window: None,
            };
            Some(publish(db, clock, by, &n).await?)
        }
    };
    // The notice that explained the previous mode comes down with it.
    if let Some(id) = previous {
        store::end(db, id, clock.now()).await?;
    }
    store::set_maintenance(db, mode.code(), notice_id, clock.now(), &actor).await?;
    Ok(())
}
