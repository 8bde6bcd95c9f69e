//! IV-2: staff refer a job seeker to a selection day, found by user ID (the console's
//! look-up) or by job-seeker number; only a referred person may book. The look-up follows
//! the console's rule (PV-4: any office's registrant, each look-up audited, a refused one
//! too), and the referral, its audit row, the person's letter and inbox entry are one
//! transaction. Referring someone twice changes nothing and tells nobody twice.

use madoguchi_domain::clock::Clock;
use madoguchi_domain::job_seeker::JobSeekerNumber;
use madoguchi_domain::staff as rules;
use madoguchi_store::mail::{inbox, outbox};
use madoguchi_store::selection as store;
use madoguchi_store::{Db, accounts::staff as staff_store, accounts::users, eligibility};

use super::{letters, visible};
use crate::AppError;
use crate::shared::{Site, StaffMember};

/// Who was referred, and whether they were new to the day.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Referred {
    pub user_ref: i64,
    pub name: String,
    pub newly: bool,
}

/// Refers the person typed as `who` (a user ID or a job-seeker number) to the day.
pub async fn refer(
    db: &Db,
    clock: &dyn Clock,
    site: &Site,
    staff: &StaffMember,
    day_id: i64,
    who: &str,
) -> Result<Referred, AppError> {
    let day = visible(db, staff, day_id).await?;
    let typed = madoguchi_domain::numbers::half_width(who.trim());
    if typed.is_empty() {
        return Err(AppError::invalid("required", "who", "a user ID or a job-seeker number"));
    }
    let key = match JobSeekerNumber::parse(&typed) {
        Ok(n) => store::by_number(db, n.as_str()).await?.unwrap_or_default(),
        Err(_) => typed.clone(),
    }
    .to_ascii_lowercase();
    let user = match key.is_empty() {
        true => None,
        false => users::by_key(db, &key).await?,
    };
    let elig = match &user {
        Some(u) => eligibility::get(db, u.id).await?,
        None => None,
    };
    let seeker_office = elig
        .as_ref()
        .and_then(|e| e.job_seeker_number.as_deref())
        .map(|n| &n[..n.len().min(5)]);
    let allowed = elig.is_some() && rules::may_look_up(staff.role, staff.office.as_deref(), seeker_office);
    let now = clock.now();
    let mut tx = db.begin().await?;
    let (Some(u), true) = (user, allowed) else {
        // PV-4: a refused search keeps what was searched for.
        staff_store::audit(
            &mut tx,
            staff.id,
            "search_denied",
            None,
            &format!("{typed}: selection"),
            now,
        )
        .await?;
        tx.commit().await?;
        return Err(AppError::NotFound {
            what: format!("job seeker {typed}"),
        });
    };
    let newly = store::refer(&mut tx, day.id, u.id, staff.id, now).await?;
    if newly {
        staff_store::audit(
            &mut tx,
            staff.id,
            "refer_selection",
            Some(u.id),
            &format!("selection day {}", day.id),
            now,
        )
        .await?;
        let my_page = format!("{}/me", site.base_url.trim_end_matches('/'));
        let letter = letters::referred(
            &u.lang,
            &u.name,
            &day.employer_name,
            &day.job_title,
            day.local_date,
            &my_page,
        );
        outbox::enqueue(&mut tx, &letter.to(&u.email), now).await?;
        inbox::add(&mut tx, u.id, &letter.subject, &letter.inbox_body(), now).await?;
    }
    tx.commit().await?;
    Ok(Referred {
        user_ref: u.id,
        name: u.name,
        newly,
    })
}
