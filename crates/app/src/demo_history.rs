//! Past consultations for the demo, so the statistics page (rule PV-5) has something to
//! show: three finished days at 28011 with eight anonymous demo users, seeded once. The
//! demo job seekers are left alone (a no-show of theirs would restrict them, BK-12).

use chrono::{DateTime, Days, Months, TimeZone, Utc};
use madoguchi_domain::clock::{Clock, jst};
use madoguchi_store::reservations::{self, Booked, Details};
use madoguchi_store::{Db, eligibility, users};

use crate::AppError;

/// Outcomes per day: (months ago, the states of the eight reservations).
const DAYS: [(u32, [&str; 8]); 3] = [
    (
        1,
        [
            "attended",
            "attended",
            "attended",
            "attended",
            "attended",
            "attended",
            "phone",
            "cancelled_by_user",
        ],
    ),
    (
        2,
        [
            "attended",
            "attended",
            "attended",
            "attended",
            "attended",
            "no_show",
            "cancelled_by_office",
            "cancelled_by_office",
        ],
    ),
    (
        4,
        [
            "attended", "attended", "attended", "attended", "attended", "attended", "attended", "no_show",
        ],
    ),
];

/// Seeds the finished consultations once. Returns how many reservations it made.
pub async fn seed_history(db: &Db, clock: &dyn Clock) -> Result<usize, AppError> {
    if users::by_key(db, "demo.history1").await?.is_some() {
        return Ok(0);
    }
    let people = history_users(db, clock).await?;
    let mut made = 0;
    for (months_ago, states) in DAYS {
        let Some(start) = open_slot(db, clock, months_ago).await? else {
            continue;
        };
        let (slot, start) = start;
        for (user, state) in people.iter().zip(states) {
            let booked = reservations::book(
                db,
                slot,
                *user,
                &Details::default(),
                start - chrono::Duration::days(2),
                &format!("user:{user}"),
                None,
            )
            .await?;
            let Booked::Confirmed(id) = booked else { continue };
            // A phone cancellation is the user's, recorded by staff (BK-10).
            let (to, actor, note) = match state {
                "phone" => ("cancelled_by_user", "staff:demo".to_owned(), "電話"),
                "cancelled_by_user" => (state, format!("user:{user}"), ""),
                "no_show" => (state, "system".to_owned(), ""),
                _ => (state, "staff:demo".to_owned(), ""),
            };
            let at = start + chrono::Duration::hours(1);
            madoguchi_store::schedule::transition(db, id, &["confirmed"], to, at, &actor, note, None).await?;
            made += 1;
        }
    }
    Ok(made)
}

/// Eight active job seekers nobody can sign in as (their password hash matches nothing).
async fn history_users(db: &Db, clock: &dyn Clock) -> Result<Vec<i64>, AppError> {
    let now = clock.now();
    let mut tx = db.begin().await?;
    let mut ids = Vec::new();
    for i in 1..=8 {
        let key = format!("demo.history{i}");
        let u = users::NewUser {
            user_id: key.clone(),
            user_key: key.clone(),
            password_hash: "!".into(),
            name: format!("見本 {i}"),
            name_kana: "ミホン".into(),
            address: "兵庫県神戸市".into(),
            email: format!("{key}@example.jp"),
            phone: "078-231-8609".into(),
            lang: "ja".into(),
        };
        let id = users::insert_provisional(&mut tx, &u, now).await?;
        users::activate(&mut tx, id, now).await?;
        let number = format!("28011-{:08}", 900 + i);
        eligibility::set_job_seeker(&mut tx, id, &number, clock.today_jst() + Days::new(365)).await?;
        eligibility::confirm_job_seeker(&mut tx, id, now).await?;
        ids.push(id);
    }
    tx.commit().await?;
    Ok(ids)
}

/// A 10:00 slot for eight on the first open day on or after `months_ago` months back.
async fn open_slot(db: &Db, clock: &dyn Clock, months_ago: u32) -> Result<Option<(i64, DateTime<Utc>)>, AppError> {
    let Some(mut day) = clock.today_jst().checked_sub_months(Months::new(months_ago)) else {
        return Ok(None);
    };
    for _ in 0..14 {
        if let Some(start) = day
            .and_hms_opt(10, 0, 0)
            .and_then(|t| jst().from_local_datetime(&t).single())
        {
            let start = start.with_timezone(&Utc);
            match crate::booking::publish_slot(db, "28011", start, "zoom", 8).await {
                Ok(slot) => return Ok(Some((slot, start))),
                Err(AppError::Refused { .. }) => {}
                Err(e) => return Err(e),
            }
        }
        day = day + Days::new(1);
    }
    Ok(None)
}
