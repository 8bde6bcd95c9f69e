//! The Zoom meeting of each `zoom` seminar (MT-2, issue 15), in the same job round as the
//! consultations': created when the seminar is (its length, Asia/Tokyo, a random passcode,
//! waiting room on, join before host off, no recording, the seminar's public title), patched
//! when it moves, deleted when it is cancelled; the details become the seminar's meeting
//! details, and anyone already registered is told they are ready. Retries as for
//! consultations; after the last, staff enter them by hand as before. Attendance at seminars
//! stays with staff: joining by participant name is not reliable.

use chrono::Duration;
use hyper::Method;
use madoguchi_domain::clock::Clock;
use madoguchi_store::Db;
use madoguchi_store::consultations::schedule::MeetingDetails;
use madoguchi_store::zoom::{self as store, seminars::SeminarWork};

use super::ZoomConfig;
use super::calls::{CLAIM, MAX_ATTEMPTS, RoundReport, backoff, call_with_token, meeting_id, passcode, undo_create};
use crate::AppError;

/// The seminars' part of a round.
pub(super) async fn run(
    db: &Db,
    clock: &dyn Clock,
    config: &ZoomConfig,
    report: &mut RoundReport,
) -> Result<(), AppError> {
    let now = clock.now();
    store::seminars::discover(db, now).await?;
    for w in store::seminars::claim_due(db, now, now + Duration::seconds(CLAIM), 20).await? {
        handle(db, clock, config, &w, report).await?;
    }
    Ok(())
}

async fn handle(
    db: &Db,
    clock: &dyn Clock,
    config: &ZoomConfig,
    w: &SeminarWork,
    report: &mut RoundReport,
) -> Result<(), AppError> {
    let now = clock.now();
    let id = w.seminar_id;
    let Some(account) = store::account(db, &w.office_code).await? else {
        return Ok(store::seminars::deleted(db, id, now).await?);
    };
    if (w.cancelled && w.meeting_id.is_none()) || w.by_hand {
        return Ok(store::seminars::deleted(db, id, now).await?);
    }
    let start = w.starts_at.format("%Y-%m-%dT%H:%M:%SZ").to_string();
    let minutes = (w.ends_at - w.starts_at).num_minutes();
    let (method, path, body) = match (&w.meeting_id, w.cancelled) {
        (Some(m), true) => (Method::DELETE, format!("/v2/meetings/{m}"), None),
        (Some(m), false) => (
            Method::PATCH,
            format!("/v2/meetings/{m}"),
            Some(serde_json::json!({ "start_time": start, "duration": minutes, "timezone": "Asia/Tokyo" })),
        ),
        (None, _) => (
            Method::POST,
            "/v2/users/me/meetings".to_owned(),
            Some(serde_json::json!({
                "topic": w.title,
                "type": 2,
                "start_time": start,
                "duration": minutes,
                "timezone": "Asia/Tokyo",
                "password": passcode()?,
                "settings": { "waiting_room": true, "join_before_host": false, "auto_recording": "none" },
            })),
        ),
    };
    let url = format!("{}{path}", config.api_base.trim_end_matches('/'));
    let answer = call_with_token(db, clock, config, &account, method.clone(), &url, body.as_ref()).await;
    match answer {
        Ok(a) if method == Method::POST && (a.status == 201 || a.status == 200) => {
            let json: serde_json::Value = serde_json::from_slice(&a.body).unwrap_or_default();
            let meeting_id = meeting_id(&json);
            let details = MeetingDetails {
                app: "zoom".into(),
                meeting_id: meeting_id.clone(),
                passkey: json["password"].as_str().unwrap_or_default().to_owned(),
                join_url: json["join_url"].as_str().unwrap_or_default().to_owned(),
            };
            match record(db, id, w, &meeting_id, &details, now).await {
                Ok(true) => report.created += 1,
                Ok(false) => undo_create(db, clock, config, &account, &meeting_id).await,
                Err(e) => {
                    undo_create(db, clock, config, &account, &meeting_id).await;
                    return Err(e);
                }
            }
        }
        Ok(a) if method == Method::PATCH && (a.status == 204 || a.status == 200) => {
            store::seminars::patched(db, id, w.starts_at).await?;
            report.patched += 1;
        }
        Ok(a) if method == Method::DELETE && matches!(a.status, 200 | 204 | 404) => {
            store::seminars::deleted(db, id, now).await?;
            report.deleted += 1;
        }
        Ok(a) if a.status == 429 => {
            let wait = Duration::seconds(a.retry_after.map_or(60, |s| s.min(86_400) as i64));
            store::seminars::retry(db, id, w.attempts, now + wait, None, "429").await?;
            report.retried += 1;
        }
        outcome => {
            let reason = match outcome {
                Ok(a) => format!("http {}", a.status),
                Err(e) => e.to_string(),
            };
            let attempts = w.attempts + 1;
            let gave_up = (attempts >= MAX_ATTEMPTS).then_some(now);
            tracing::warn!(seminar = id, attempts, reason = %reason, "zoom call failed");
            store::seminars::retry(db, id, attempts, now + backoff(attempts), gave_up, &reason).await?;
            if gave_up.is_some() {
                report.gave_up += 1;
            } else {
                report.retried += 1;
            }
        }
    }
    Ok(())
}

/// The new meeting becomes the seminar's details, with the "details ready" letter to each
/// person registered, in one transaction guarded by the row. True when it was recorded.
async fn record(
    db: &Db,
    id: i64,
    w: &SeminarWork,
    meeting_id: &str,
    details: &MeetingDetails,
    now: chrono::DateTime<chrono::Utc>,
) -> Result<bool, AppError> {
    if meeting_id.is_empty() {
        return Ok(false);
    }
    let told = registered(db, id, w.starts_at).await?;
    let mut tx = db.begin().await?;
    if !store::seminars::created(&mut tx, id, meeting_id, w.starts_at).await? {
        return Ok(false);
    }
    if madoguchi_store::seminars::catalogue::set_meeting(&mut tx, id, details, now).await? {
        for (user, letter, email) in &told {
            madoguchi_store::mail::outbox::enqueue(&mut tx, &letter.to(email), now).await?;
            madoguchi_store::mail::inbox::add(&mut tx, *user, &letter.subject, &letter.inbox_body(), now).await?;
        }
    }
    tx.commit().await?;
    Ok(true)
}

/// Those registered now, with the "details ready" letter each gets.
async fn registered(
    db: &Db,
    id: i64,
    starts_at: chrono::DateTime<chrono::Utc>,
) -> Result<Vec<(i64, crate::mail::letters::Letter, String)>, AppError> {
    let mut out = Vec::new();
    for r in madoguchi_store::seminars::places::participants(db, id).await? {
        if r.state != "registered" {
            continue;
        }
        if let Some(u) = madoguchi_store::accounts::users::by_id(db, r.user_ref).await? {
            let when = crate::mail::letters::start_time(&u.lang, starts_at);
            out.push((
                r.user_ref,
                crate::mail::letters::details_ready(&u.lang, &u.name, &when),
                u.email,
            ));
        }
    }
    Ok(out)
}
