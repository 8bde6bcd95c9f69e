//! A second consultation on one day (BK-4, N12-2-1 "ハローワークが別に定める場合を除き"):
//! staff of the person's office (or a national admin) allow it for one day with a recorded
//! reason, audited. The database admits the second booking only with this row (see
//! migration 0024), and never a third.

use chrono::NaiveDate;
use madoguchi_domain::characters::{FieldKind, validate};
use madoguchi_domain::clock::Clock;
use madoguchi_store::consultations::book;
use madoguchi_store::{Db, accounts::staff as staff_store};

use crate::AppError;
use crate::console::staff;
use crate::shared::{FieldProblem, StaffMember};

fn problem(field: &'static str, code: &'static str) -> FieldProblem {
    FieldProblem {
        field,
        code,
        detail: None,
        offences: Vec::new(),
    }
}

/// Allows `user_id` a second consultation on `day` (today or later, JST).
pub async fn allow(
    db: &Db,
    clock: &dyn Clock,
    member: &StaffMember,
    user_id: &str,
    day: Option<NaiveDate>,
    reason: &str,
) -> Result<(), AppError> {
    let reason = reason.trim();
    let mut problems = Vec::new();
    match day {
        None => problems.push(problem("day", "required")),
        Some(d) if d < clock.today_jst() => problems.push(problem("day", "date_in_past")),
        Some(_) => {}
    }
    let offences = validate(reason, FieldKind::MultiLine);
    if reason.is_empty() {
        problems.push(problem("reason", "required"));
    } else if !offences.is_empty() || reason.chars().count() > 400 {
        problems.push(FieldProblem {
            offences,
            ..problem("reason", "invalid_characters")
        });
    }
    let (Some(day), true) = (day, problems.is_empty()) else {
        return Err(AppError::Fields(problems));
    };
    let seeker = staff::for_action(db, clock, member, user_id).await?;
    let now = clock.now();
    let mut tx = db.begin().await?;
    if !book::allow_second(&mut tx, seeker.user_ref, day, reason, member.id, now).await? {
        return Err(AppError::Refused {
            code: "already_allowed",
            message: "a second consultation is already allowed that day".into(),
        });
    }
    let detail = format!("{day}: {reason}");
    staff_store::audit(
        &mut tx,
        member.id,
        "allow_second_consultation",
        Some(seeker.user_ref),
        &detail,
        now,
    )
    .await?;
    tx.commit().await?;
    Ok(())
}

/// The days, from today on, on which the person may have a second consultation.
pub async fn days(db: &Db, clock: &dyn Clock, user_ref: i64) -> Result<Vec<NaiveDate>, AppError> {
    Ok(book::second_days(db, user_ref, clock.today_jst()).await?)
}
