//! Staff translate content (issue 16, item 3): add a translation in a language, edit it,
//! remove it. Who may is who may publish the original: national admins for national notices
//! and terms, an office's admins (and national admins) for its notices, seminars and its
//! own address. Each change is audited (PV-4) in the same transaction.

use madoguchi_domain::clock::Clock;
use madoguchi_domain::staff::{Role, administers};
use madoguchi_store::Db;
use madoguchi_store::accounts::staff as staff_store;
use madoguchi_store::translations::{self as store, NewText, Of};

use super::{Translation, check, original};
use crate::AppError;
use crate::shared::StaffMember;

/// Who translates: a staff member (audited), or the operator (the demo seed).
pub enum Translator<'a> {
    Staff(&'a StaffMember),
    Operator,
}

impl Translator<'_> {
    fn actor(&self) -> String {
        match self {
            Self::Staff(s) => format!("staff:{}", s.id),
            Self::Operator => "operator".to_owned(),
        }
    }
}

/// The item exists and the translator may change its texts.
pub async fn may_translate(db: &Db, by: &Translator<'_>, of: Of, item: &str) -> Result<(), AppError> {
    let o = original(db, of, item).await?;
    let Translator::Staff(s) = by else {
        return Ok(());
    };
    let allowed = match (of, o.office_code.as_deref()) {
        (Of::Terms, _) | (Of::Notice, None) => s.role == Role::NationalAdmin,
        (_, Some(office)) => administers(s.role, s.office.as_deref(), office),
        (_, None) => false,
    };
    if allowed {
        Ok(())
    } else {
        Err(AppError::Forbidden {
            code: "forbidden",
            message: "only those who publish the original translate it",
        })
    }
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Change {
    Add,
    Edit,
}

/// Adds a translation in a language the item has none in (`conflict` otherwise).
pub async fn add(
    db: &Db,
    clock: &dyn Clock,
    by: Translator<'_>,
    of: Of,
    item: &str,
    known: &[&str],
    t: &Translation,
) -> Result<(), AppError> {
    save(db, clock, by, of, item, known, t, Change::Add).await
}

/// Changes the texts of an existing translation (`not_found` if it was removed meanwhile).
pub async fn edit(
    db: &Db,
    clock: &dyn Clock,
    by: Translator<'_>,
    of: Of,
    item: &str,
    known: &[&str],
    t: &Translation,
) -> Result<(), AppError> {
    save(db, clock, by, of, item, known, t, Change::Edit).await
}

#[allow(clippy::too_many_arguments, reason = "add and edit share every step")]
async fn save(
    db: &Db,
    clock: &dyn Clock,
    by: Translator<'_>,
    of: Of,
    item: &str,
    known: &[&str],
    t: &Translation,
    change: Change,
) -> Result<(), AppError> {
    let t = check(of, known, t)?;
    may_translate(db, &by, of, item).await?;
    let now = clock.now();
    let actor = by.actor();
    let new = NewText {
        of,
        item,
        lang: &t.lang,
        title: &t.title,
        body: &t.body,
        by: &actor,
    };
    let mut tx = db.begin().await?;
    match change {
        Change::Add => match store::add(&mut tx, &new, now).await {
            Ok(()) => {}
            Err(e) if e.is_unique_violation() => {
                return Err(AppError::Conflict(format!("a translation into {} exists", t.lang)));
            }
            Err(e) => return Err(e.into()),
        },
        Change::Edit => {
            if !store::edit(&mut tx, &new, now).await? {
                return Err(AppError::NotFound {
                    what: format!("the translation into {}", t.lang),
                });
            }
        }
    }
    let action = if change == Change::Add {
        "add_translation"
    } else {
        "edit_translation"
    };
    audit(&mut tx, &by, action, of, item, &t.lang, now).await?;
    tx.commit().await?;
    Ok(())
}

/// Removes a translation; the item shows its Japanese original in that language again.
pub async fn remove(
    db: &Db,
    clock: &dyn Clock,
    by: Translator<'_>,
    of: Of,
    item: &str,
    lang: &str,
) -> Result<(), AppError> {
    may_translate(db, &by, of, item).await?;
    let now = clock.now();
    let mut tx = db.begin().await?;
    if !store::remove(&mut tx, of, item, lang).await? {
        return Err(AppError::NotFound {
            what: format!("the translation into {lang}"),
        });
    }
    audit(&mut tx, &by, "remove_translation", of, item, lang, now).await?;
    tx.commit().await?;
    Ok(())
}

async fn audit(
    tx: &mut madoguchi_store::Tx,
    by: &Translator<'_>,
    action: &str,
    of: Of,
    item: &str,
    lang: &str,
    now: chrono::DateTime<chrono::Utc>,
) -> Result<(), AppError> {
    if let Translator::Staff(s) = by {
        let detail = format!("{}:{item}:{lang}", of.code());
        staff_store::audit(tx, s.id, action, None, &detail, now).await?;
    }
    Ok(())
}
