//! A proposed interview for the demo job seeker (issue 18), so a newcomer finds one on My
//! Page to accept or decline: on the first open weekday at least three days ahead, 14:00
//! for 30 minutes in the built-in room, arranged by the demo counsellor. Written through the
//! store, without a letter, so the demo inbox stays as it was.

use chrono::{Days, Duration, NaiveTime, TimeZone, Utc};
use madoguchi_domain::booking::local_date;
use madoguchi_domain::calendar::OfficeCalendar;
use madoguchi_domain::clock::{Clock, jst};
use madoguchi_domain::interview::check_time;
use madoguchi_store::Db;
use madoguchi_store::interviews::{self as store, NewInterview};

use crate::AppError;

/// Seeds the interview once, for the job seeker `user_ref`.
pub async fn seed_interview(db: &Db, clock: &dyn Clock, user_ref: i64) -> Result<(), AppError> {
    let Some(staff) = madoguchi_store::accounts::staff::by_key(db, "demo.counsellor").await? else {
        return Ok(());
    };
    let o = crate::offices::get(db, "28011").await?;
    let now = clock.now();
    let mut day = clock.today_jst() + Days::new(3);
    for _ in 0..30 {
        let closures = madoguchi_store::offices::closures(db, &o.code, day, day).await?;
        let cal = OfficeCalendar {
            hours: &o.hours,
            closures: &closures,
        };
        let at = NaiveTime::from_hms_opt(14, 0, 0).unwrap_or_default();
        if let Some(starts_at) = jst().from_local_datetime(&day.and_time(at)).single() {
            let starts_at = starts_at.with_timezone(&Utc);
            let ends_at = starts_at + Duration::minutes(30);
            if check_time(&cal, starts_at, ends_at, now).is_ok() {
                let new = NewInterview {
                    office_code: o.code.to_string(),
                    user_ref,
                    employer_name: "株式会社さんのみや食品".into(),
                    contact_name: "人事 担当".into(),
                    contact_email: "saiyo@sannomiya-foods.example.jp".into(),
                    job_number: "28010-04567891".into(),
                    job_title: "食品製造スタッフ".into(),
                    starts_at,
                    ends_at,
                    local_date: local_date(starts_at),
                    app: "builtin".into(),
                    counsellor_attends: true,
                    arranged_by: staff.id,
                };
                let mut tx = db.begin().await?;
                store::insert(&mut tx, &new, now).await?;
                tx.commit().await?;
                return Ok(());
            }
        }
        day = day + Days::new(1);
    }
    Ok(())
}
