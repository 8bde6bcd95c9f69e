//! The job that keeps each `zoom` reservation's meeting in step with it (MT-2, BK-9), run
//! under the `zoom_meetings` lease, never inside a booking transaction: a confirmed
//! reservation gets a meeting (`POST /v2/users/me/meetings`: type 2, its start, 30 minutes,
//! Asia/Tokyo, a random passcode, waiting room on, join before host off, no recording, a
//! topic without personal data), whose ID, passcode and join URL become the meeting details
//! on My Page with the "details ready" notice; a move patches its time (`PATCH`), a
//! cancellation deletes it (`DELETE`). The access token is cached (sealed) until it
//! expires; a 401 refreshes it once; a 429 waits `Retry-After`; a 5xx, a timeout or no
//! connection is retried with back-off (the next attempt is a time in the database, from
//! the clock), and after the last the day page offers hand entry.

use chrono::Duration;
use hyper::Method;
use madoguchi_domain::clock::Clock;
use madoguchi_store::consultations::schedule::{self as schedule_store, MeetingDetails};
use madoguchi_store::zoom::{self as store, meetings::Work};
use madoguchi_store::{Db, consultations::reservations};

use super::ZoomConfig;
use super::calls::{CLAIM, backoff, call_with_token, meeting_id, passcode, undo_create};
pub use super::calls::{MAX_ATTEMPTS, RoundReport};
use super::client::Answer;
use crate::AppError;

/// The topic every meeting gets: no name, no number, nothing about the person.
pub const TOPIC: &str = "ハローワーク オンライン相談";

/// One round: find the work, claim it, call Zoom for each piece.
pub async fn run(db: &Db, clock: &dyn Clock, config: &ZoomConfig) -> Result<RoundReport, AppError> {
    let mut report = RoundReport::default();
    let Ok(_) = config.keys() else {
        return Ok(report);
    };
    let now = clock.now();
    store::meetings::discover(db, now).await?;
    for w in store::meetings::claim_due(db, now, now + Duration::seconds(CLAIM), 20).await? {
        handle(db, clock, config, &w, &mut report).await?;
    }
    super::seminars::run(db, clock, config, &mut report).await?;
    Ok(report)
}

enum Step {
    Create,
    Patch(String),
    Delete(String),
    Replace(String),
}

async fn handle(
    db: &Db,
    clock: &dyn Clock,
    config: &ZoomConfig,
    w: &Work,
    report: &mut RoundReport,
) -> Result<(), AppError> {
    let now = clock.now();
    let Some(r) = reservations::reservation(db, w.reservation_id).await? else {
        return Ok(());
    };
    // A reservation moved to a slot of another app no longer wants its Zoom meeting.
    let wanted = r.state == "confirmed" && r.app == "zoom";
    let step = match (&w.meeting_id, wanted) {
        (None, false) => return Ok(store::meetings::deleted(db, r.id, now).await?),
        (Some(id), false) => Step::Delete(id.clone()),
        (None, true) => {
            // Hand entry came first (during retries): Zoom's meeting is not wanted any more.
            if schedule_store::has_meeting(db, r.id).await? {
                return Ok(store::meetings::deleted(db, r.id, now).await?);
            }
            Step::Create
        }
        // Moved away from Zoom and back before this round: the move dropped the details, so
        // the meeting is made again (deleted here, created by the next round).
        (Some(id), true) if !schedule_store::has_meeting(db, r.id).await? => Step::Replace(id.clone()),
        (Some(id), true) => Step::Patch(id.clone()),
    };
    let Some(account) = store::account(db, &w.office_code).await? else {
        return Ok(store::meetings::deleted(db, r.id, now).await?);
    };
    let start = r.starts_at.format("%Y-%m-%dT%H:%M:%SZ").to_string();
    let (method, path, body) = match &step {
        Step::Create => (
            Method::POST,
            "/v2/users/me/meetings".to_owned(),
            Some(serde_json::json!({
                "topic": TOPIC,
                "type": 2,
                "start_time": start,
                "duration": 30,
                "timezone": "Asia/Tokyo",
                "password": passcode()?,
                "settings": {
                    "waiting_room": true,
                    "join_before_host": false,
                    "auto_recording": "none",
                },
            })),
        ),
        Step::Patch(id) => (
            Method::PATCH,
            format!("/v2/meetings/{id}"),
            Some(serde_json::json!({ "start_time": start, "duration": 30, "timezone": "Asia/Tokyo" })),
        ),
        Step::Delete(id) | Step::Replace(id) => (Method::DELETE, format!("/v2/meetings/{id}"), None),
    };
    let url = format!("{}{path}", config.api_base.trim_end_matches('/'));
    let answer = call_with_token(db, clock, config, &account, method, &url, body.as_ref()).await;
    match (answer, &step) {
        (Ok(a), Step::Create) if a.status == 201 || a.status == 200 => {
            let id = meeting_id(&serde_json::from_slice(&a.body).unwrap_or_default());
            match created(db, clock, &r, w, &a).await {
                Ok(true) => report.created += 1,
                Ok(false) => undo_create(db, clock, config, &account, &id).await,
                Err(e) => {
                    undo_create(db, clock, config, &account, &id).await;
                    return Err(e);
                }
            }
        }
        (Ok(a), Step::Patch(_)) if a.status == 204 || a.status == 200 => {
            store::meetings::patched(db, r.id, r.calendar_sequence).await?;
            report.patched += 1;
        }
        // A meeting already gone from Zoom is as good as deleted.
        (Ok(a), Step::Delete(_)) if a.status == 204 || a.status == 200 || a.status == 404 => {
            store::meetings::deleted(db, r.id, now).await?;
            report.deleted += 1;
        }
        (Ok(a), Step::Replace(_)) if a.status == 204 || a.status == 200 || a.status == 404 => {
            store::meetings::forgotten(db, r.id, now).await?;
            report.deleted += 1;
        }
        (Ok(a), _) if a.status == 429 => {
            let wait = Duration::seconds(a.retry_after.map_or(60, |s| s.min(86_400) as i64));
            store::meetings::later(db, r.id, now + wait, "429").await?;
            report.retried += 1;
        }
        (outcome, _) => {
            let reason = match outcome {
                Ok(a) => format!("http {}", a.status),
                Err(e) => e.to_string(),
            };
            let attempts = w.attempts + 1;
            let gave_up = (attempts >= MAX_ATTEMPTS).then_some(now);
            tracing::warn!(reservation = r.id, attempts, reason = %reason, "zoom call failed");
            store::meetings::failed(db, r.id, attempts, now + backoff(attempts), gave_up, &reason).await?;
            if gave_up.is_some() {
                report.gave_up += 1;
            } else {
                report.retried += 1;
            }
        }
    }
    Ok(())
}

/// Zoom's answer to a create: the meeting's ID, passcode and join URL become the meeting
/// details, with the "details ready" notice, in one transaction guarded by the row (a
/// second round cannot write them twice). True when they were recorded.
async fn created(
    db: &Db,
    clock: &dyn Clock,
    r: &reservations::ReservationRow,
    w: &Work,
    a: &Answer,
) -> Result<bool, AppError> {
    let now = clock.now();
    let json: serde_json::Value = serde_json::from_slice(&a.body).unwrap_or_default();
    let meeting_id = meeting_id(&json);
    let join_url = json["join_url"].as_str().unwrap_or_default().to_owned();
    if meeting_id.is_empty() || !join_url.starts_with("https://") {
        store::meetings::failed(
            db,
            r.id,
            w.attempts + 1,
            now + backoff(w.attempts + 1),
            None,
            "malformed answer",
        )
        .await?;
        return Ok(false);
    }
    let details = MeetingDetails {
        app: "zoom".into(),
        meeting_id: meeting_id.clone(),
        passkey: json["password"].as_str().unwrap_or_default().to_owned(),
        join_url,
    };
    let user = madoguchi_store::accounts::users::by_id(db, r.user_ref).await?;
    let mut tx = db.begin().await?;
    if !store::meetings::created(&mut tx, r.id, &meeting_id, r.calendar_sequence).await? {
        return Ok(false);
    }
    schedule_store::set_meeting(&mut tx, r.id, &details, now).await?;
    if let Some(u) = user {
        let letter = crate::mail::letters::details_ready(
            &u.lang,
            &u.name,
            &crate::mail::letters::start_time(&u.lang, r.starts_at),
        );
        madoguchi_store::mail::outbox::enqueue(&mut tx, &letter.to(&u.email), now).await?;
        madoguchi_store::mail::inbox::add(&mut tx, r.user_ref, &letter.subject, &letter.inbox_body(), now).await?;
    }
    tx.commit().await?;
    Ok(true)
}
