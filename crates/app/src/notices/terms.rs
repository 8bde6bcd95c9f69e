//! Terms versions per service (rules AC-13, NT-3): national admins publish a version with its
//! effective date, announced on the top page and by a message to every active user; from that
//! date a user accepts it before booking or registering (`terms_not_accepted`).

use chrono::{DateTime, Utc};
use madoguchi_domain::characters::{self, FieldKind};
use madoguchi_domain::clock::Clock;
use madoguchi_store::mail::inbox::{self, Acceptance};
use madoguchi_store::notices::terms::{self as store, TermsRow};
use madoguchi_store::{Db, mail::outbox};

use crate::AppError;
use crate::mail::letters::Letter;
use crate::notices::{self, NoticeInput, Publisher};
use crate::shared::locales::Lang;
use crate::translations::translate::{self, Translator};
use crate::translations::{self, Of, Translation};

pub const SERVICES: [&str; 3] = ["consultation", "seminar", "system"];

fn service(s: &str) -> Result<&'static str, AppError> {
    SERVICES
        .into_iter()
        .find(|x| *x == s)
        .ok_or_else(|| AppError::NotFound {
            what: format!("terms for {s}"),
        })
}

/// Every version of a service, newest first, and which one is in force now.
pub async fn versions(db: &Db, clock: &dyn Clock, s: &str) -> Result<(Vec<TermsRow>, Option<i64>), AppError> {
    let rows = store::versions(db, service(s)?).await?;
    let now = clock.now();
    let in_force = rows.iter().find(|r| r.effective_from <= now).map(|r| r.id);
    Ok((rows, in_force))
}

pub(crate) fn announcement(lang: &str, name: &str, label: &str, version: &str, when: &str) -> Letter {
    let l = Lang::of(lang);
    Letter {
        subject: l.t("mail-terms-subject"),
        paragraphs: vec![
            crate::mail::letters::greeting(l, name),
            l.t_args(
                "mail-terms-body",
                &[("label", label), ("version", version), ("when", when)],
            ),
        ],
    }
}

/// What the terms are for, as a letter names it.
pub(crate) fn label(lang: &str, s: &str) -> String {
    let service = if matches!(s, "consultation" | "seminar") {
        s
    } else {
        "system"
    };
    Lang::of(lang).t(&format!("mail-terms-label-{service}"))
}

/// NT-3: publishes a version that takes effect at `effective_from` (not in the past), and
/// announces it: a notice on the top page and a message to every active user.
pub async fn publish(
    db: &Db,
    clock: &dyn Clock,
    by: Publisher<'_>,
    s: &str,
    version: &str,
    body: &str,
    effective_from: DateTime<Utc>,
) -> Result<i64, AppError> {
    let s = service(s)?;
    let actor = match &by {
        Publisher::Operator => "operator".to_owned(),
        Publisher::Staff(m) if m.role == madoguchi_domain::staff::Role::NationalAdmin => format!("staff:{}", m.id),
        Publisher::Staff(_) => {
            return Err(AppError::Forbidden {
                code: "forbidden",
                message: "national admins publish terms",
            });
        }
    };
    let version = version.trim();
    if version.is_empty()
        || version.chars().count() > 20
        || !characters::validate(version, FieldKind::SingleLine).is_empty()
    {
        return Err(AppError::invalid("invalid_version", "version", "1 to 20 characters"));
    }
    let offences = characters::validate(body, FieldKind::MultiLine);
    if body.trim().is_empty() || !offences.is_empty() {
        return Err(AppError::InvalidCharacters {
            fields: vec![("body".to_owned(), offences)],
        });
    }
    let now = clock.now();
    if effective_from < now {
        return Err(AppError::invalid(
            "date_in_past",
            "effective_from",
            "announce terms before they take effect",
        ));
    }
    let id = match store::publish(db, s, version, body, effective_from, now, &actor).await {
        Ok(id) => id,
        Err(e) if e.is_unique_violation() => return Err(AppError::Conflict(format!("version {version} exists"))),
        Err(e) => return Err(e.into()),
    };
    let when = crate::mail::letters::start_time("ja", effective_from);
    let notice = NoticeInput {
        kind: "information".into(),
        title: format!("利用規約改定のお知らせ（{}）", label("ja", s)),
        body: format!(
            "{}の利用規約（版 {version}）が {when} から適用されます。",
            label("ja", s)
        ),
        publish_from: None,
        publish_until: None,
        window: None,
    };
    notices::publish(db, clock, by, &notice).await?;
    let users = store::active_users(db).await?;
    let mut tx = db.begin().await?;
    for (id, name, email, lang) in users {
        let when = crate::mail::letters::start_time(&lang, effective_from);
        let letter = announcement(&lang, &name, &label(&lang, s), version, &when);
        outbox::enqueue(&mut tx, &letter.to(&email), now).await?;
        inbox::add(&mut tx, id, &letter.subject, &letter.inbox_body(), now).await?;
    }
    tx.commit().await?;
    Ok(id)
}

/// NT-3 with a translation typed beside the Japanese (issue 16, item 3): the translation is
/// checked first, then stored with the version (audited). The Japanese text binds.
pub async fn publish_translated(
    db: &Db,
    clock: &dyn Clock,
    by: Publisher<'_>,
    s: &str,
    (version, body, effective_from): (&str, &str, DateTime<Utc>),
    translation: Option<&Translation>,
    known: &[&str],
) -> Result<i64, AppError> {
    let Some(t) = translation else {
        return publish(db, clock, by, s, version, body, effective_from).await;
    };
    translations::check(Of::Terms, known, t)?;
    let translator = match &by {
        Publisher::Staff(m) => Translator::Staff(m),
        Publisher::Operator => Translator::Operator,
    };
    let id = publish(db, clock, by, s, version, body, effective_from).await?;
    translate::add(db, clock, translator, Of::Terms, &id.to_string(), known, t).await?;
    Ok(id)
}

/// The versions in force for `services` (and the system terms) this user has not accepted.
pub async fn pending(db: &Db, clock: &dyn Clock, user_ref: i64, s: &str) -> Result<Vec<(String, String)>, AppError> {
    let s = service(s)?;
    let services: &[&str] = if s == "system" { &["system"] } else { &["system", s] };
    Ok(store::pending(db, user_ref, services, clock.now()).await?)
}

/// AC-13: a booking (`consultation`) or a registration (`seminar`) needs the versions in force.
pub async fn gate(db: &Db, clock: &dyn Clock, user_ref: i64, s: &str) -> Result<(), AppError> {
    gate_counted(pending(db, clock, user_ref, s).await?.len())
}

/// AC-13 as `gate`, from a count of versions not accepted read with something else (the
/// booking context), so the booking path needs no read of its own for it.
pub fn gate_counted(pending: usize) -> Result<(), AppError> {
    if pending == 0 {
        Ok(())
    } else {
        Err(AppError::Forbidden {
            code: "terms_not_accepted",
            message: "please read and accept the terms in force first",
        })
    }
}

/// AC-13: records the acceptance (version, time, client address) of a version in force.
pub async fn accept(
    db: &Db,
    clock: &dyn Clock,
    user_ref: i64,
    s: &str,
    version: &str,
    client_addr: &str,
) -> Result<(), AppError> {
    let (rows, in_force) = versions(db, clock, s).await?;
    let ok = rows.iter().any(|r| Some(r.id) == in_force && r.version == version);
    if !ok {
        return Err(AppError::Refused {
            code: "not_in_force",
            message: "that version is not the one in force".into(),
        });
    }
    let a = Acceptance {
        service: service(s)?.to_owned(),
        version: version.to_owned(),
        accepted_at: clock.now(),
        client_addr: client_addr.to_owned(),
    };
    let mut tx = db.begin().await?;
    inbox::accept_terms(&mut tx, user_ref, &a).await?;
    tx.commit().await?;
    Ok(())
}
