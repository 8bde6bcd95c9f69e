//! Past consultations and seminars for the demo, so the statistics page (rule PV-5) has
//! something to show: six months at 28011, two consultation days a month (10:00 and 14:00,
//! eight places each) and one seminar a month, booked by 24 anonymous demo users, seeded
//! once. The demo job seekers are left alone (a no-show of theirs would restrict them, BK-12).

use chrono::{DateTime, Days, Duration, Months, NaiveDate, TimeZone, Utc};
use madoguchi_domain::clock::{Clock, jst};
use madoguchi_store::consultations::reservations::{self, Booked, Details};
use madoguchi_store::seminars::{self, NewSeminar, Registered};
use madoguchi_store::{Db, accounts::users, eligibility};

use crate::AppError;

/// How the consultations of a month end, in turn: mostly attended, some cancelled (one by
/// phone, BK-10), a no-show, one cancelled by the office.
const OUTCOMES: [&str; 16] = [
    "attended",
    "attended",
    "cancelled_by_user",
    "attended",
    "attended",
    "attended",
    "no_show",
    "attended",
    "attended",
    "phone",
    "attended",
    "attended",
    "cancelled_by_office",
    "attended",
    "attended",
    "cancelled_by_user",
];

const PEOPLE: usize = 24;
const MONTHS: u32 = 6;

/// Seeds the history once. Returns how many reservations and registrations it made.
pub async fn seed_history(db: &Db, clock: &dyn Clock) -> Result<usize, AppError> {
    if users::by_key(db, "demo.history1").await?.is_some() {
        return Ok(0);
    }
    let people = history_users(db, clock).await?;
    let mut made = 0;
    let mut turn = 0;
    for months_ago in 1..=MONTHS {
        let Some(first) = clock.today_jst().checked_sub_months(Months::new(months_ago)) else {
            continue;
        };
        // Two consultation days a week apart; each day's sixteen go to sixteen people.
        let mut open_day = None;
        for (week, day) in [first, first + Days::new(7)].into_iter().enumerate() {
            for (hour, group) in [(10, 0), (14, 8)] {
                let Some((slot, start)) = open_slot(db, day, hour).await? else {
                    continue;
                };
                open_day.get_or_insert(start.with_timezone(&jst()).date_naive());
                for i in 0..8 {
                    let user = people[(group + i + week * 8) % PEOPLE];
                    if finish_consultation(db, slot, start, user, OUTCOMES[turn % OUTCOMES.len()]).await? {
                        made += 1;
                    }
                    turn += 1;
                }
            }
        }
        if let Some(day) = open_day {
            made += past_seminar(db, day, &people).await?;
        }
    }
    Ok(made)
}

/// Books `user` two days ahead and moves the reservation to how it ended.
async fn finish_consultation(
    db: &Db,
    slot: i64,
    start: DateTime<Utc>,
    user: i64,
    outcome: &str,
) -> Result<bool, AppError> {
    let booked = reservations::book(
        db,
        slot,
        user,
        &Details::default(),
        start - Duration::days(2),
        &format!("user:{user}"),
        None,
    )
    .await?;
    let Booked::Confirmed(id) = booked else {
        return Ok(false);
    };
    // A phone cancellation is the user's, recorded by staff (BK-10).
    let (to, actor, note) = match outcome {
        "phone" => ("cancelled_by_user", "staff:demo".to_owned(), "電話"),
        "cancelled_by_user" => (outcome, format!("user:{user}"), ""),
        "no_show" => (outcome, "system".to_owned(), ""),
        _ => (outcome, "staff:demo".to_owned(), ""),
    };
    let at = start + Duration::hours(1);
    madoguchi_store::consultations::schedule::transition(db, id, &["confirmed"], to, at, &actor, note, None).await?;
    Ok(true)
}

/// A finished seminar that afternoon (an open day): twelve registered, ten attended and two
/// did not come.
async fn past_seminar(db: &Db, day: NaiveDate, people: &[i64]) -> Result<usize, AppError> {
    let Some(start) = day
        .and_hms_opt(15, 0, 0)
        .and_then(|t| jst().from_local_datetime(&t).single())
        .map(|t| t.with_timezone(&Utc))
    else {
        return Ok(0);
    };
    let seminar = NewSeminar {
        office_code: "28011".into(),
        kind: "seminar".into(),
        title: "応募書類の書き方セミナー（過去の回）".into(),
        description: String::new(),
        starts_at: start,
        ends_at: start + Duration::minutes(60),
        local_date: day,
        app: "zoom".into(),
        recorded_with_consent: false,
        cutoff_at: start - Duration::days(1),
        capacity: 12,
        waitlist_limit: 0,
        created_by: "demo".into(),
    };
    let id = seminars::catalogue::create(db, &seminar, start - Duration::days(30)).await?;
    let mut made = 0;
    for (i, user) in people.iter().take(12).enumerate() {
        let at = start - Duration::days(3);
        if let Registered::Registered(reg) =
            seminars::places::register(db, id, *user, ("", ""), at, (None, None)).await?
        {
            let to = if i % 6 == 5 { "no_show" } else { "attended" };
            seminars::places::mark(db, reg, to, start + Duration::minutes(60), "staff:demo").await?;
            made += 1;
        }
    }
    Ok(made)
}

/// Active job seekers nobody can sign in as (their password hash matches nothing).
async fn history_users(db: &Db, clock: &dyn Clock) -> Result<Vec<i64>, AppError> {
    let now = clock.now();
    let mut tx = db.begin().await?;
    let mut ids = Vec::new();
    for i in 1..=PEOPLE {
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

/// An eight-place slot at `hour` on the first open day on or after `day`.
async fn open_slot(db: &Db, mut day: NaiveDate, hour: u32) -> Result<Option<(i64, DateTime<Utc>)>, AppError> {
    for _ in 0..14 {
        if let Some(start) = day
            .and_hms_opt(hour, 0, 0)
            .and_then(|t| jst().from_local_datetime(&t).single())
        {
            let start = start.with_timezone(&Utc);
            match crate::consultations::booking::publish_slot(db, "28011", start, "zoom", 8).await {
                Ok(slot) => return Ok(Some((slot, start))),
                Err(AppError::Refused { .. }) => {}
                Err(e) => return Err(e),
            }
        }
        day = day + Days::new(1);
    }
    Ok(None)
}
