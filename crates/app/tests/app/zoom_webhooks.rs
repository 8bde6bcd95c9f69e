//! Zoom's signed webhooks (rules MT-2, BK-11; issue 15), on both backends: a valid
//! signature is taken; a wrong signature, a body changed by one byte, a timestamp six
//! minutes old and a replay are refused or ignored and record nothing; URL validation as
//! Zoom documents it; a job seeker who joins in Zoom at +9 minutes is not a no-show, one
//! who never joins is; an office without Zoom is not found.

use chrono::Duration;
use madoguchi_app::AppError;
use madoguchi_app::consultations::{booking, no_show};
use madoguchi_app::zoom::meetings;
use madoguchi_app::zoom::webhooks::{self, Delivery, Received};
use madoguchi_domain::clock::Clock;
use madoguchi_store::consultations::reservations::{self, Details};
use madoguchi_store::testing;

use crate::booking_under_load::{at, seekers};
use crate::zoom::{WEBHOOK_SECRET, setup};

fn joined(meeting: &str, ts: i64, user_id: &str) -> String {
    serde_json::json!({
        "event": "meeting.participant_joined",
        "event_ts": ts,
        "payload": { "account_id": "acct-28011", "object": {
            "id": meeting, "uuid": "4444AAAiAAAAAiAiAiiAii==", "host_id": "host-user", "topic": meetings::TOPIC,
            "participant": { "user_id": user_id, "user_name": "参加者", "id": user_id, "join_time": "2026-12-03T01:09:00Z" }
        } }
    })
    .to_string()
}

fn signed(secret: &str, ts: i64, body: &str) -> String {
    format!("v0={}", webhooks::sign(secret, format!("v0:{ts}:{body}").as_bytes()))
}

async fn events(db: &madoguchi_store::Db, id: i64) -> usize {
    madoguchi_store::room::events(db, id).await.unwrap().len()
}

fn code(r: &Result<Received, AppError>) -> &'static str {
    match r {
        Ok(_) => "ok",
        Err(e) => e.specific_code(),
    }
}

// MT-2: only a valid signature within five minutes is taken; anything else records nothing.
#[tokio::test]
async fn only_signed_fresh_webhooks_are_taken_once() {
    for t in testing::both("zoom_webhooks").await {
        let s = setup(&t.db).await;
        let id = booking::book(&t.db, &s.clock, s.user, s.slots[0], &Details::default())
            .await
            .unwrap();
        meetings::run(&t.db, &s.clock, &s.config).await.unwrap();
        let meeting = s.zoom.with(|z| z.meetings.keys().next().unwrap().to_string());
        let now = s.clock.now().timestamp();
        let body = joined(&meeting, now * 1000, "16778240");
        let receive = |sig: String, ts: i64, body: String| {
            let (db, clock, config) = (t.db.clone(), &s.clock, &s.config);
            async move {
                let ts = ts.to_string();
                webhooks::receive(
                    &db,
                    clock,
                    config,
                    "28011",
                    &Delivery {
                        signature: Some(&sig),
                        timestamp: Some(&ts),
                        body: body.as_bytes(),
                    },
                )
                .await
            }
        };
        // A wrong secret, one byte changed, six minutes old: 401, nothing recorded.
        let wrong = receive(signed("not-the-secret", now, &body), now, body.clone()).await;
        assert_eq!(code(&wrong), "invalid_signature", "{}", t.db.backend());
        let tampered = body.replacen("16778240", "16778241", 1);
        assert_eq!(
            code(&receive(signed(WEBHOOK_SECRET, now, &body), now, tampered).await),
            "invalid_signature"
        );
        let old = now - 360;
        assert_eq!(
            code(&receive(signed(WEBHOOK_SECRET, old, &body), old, body.clone()).await),
            "invalid_signature"
        );
        assert_eq!(events(&t.db, id).await, 0);
        assert!(reservations::reservation(&t.db, id).await.unwrap().is_some());
        // Valid: recorded as the room's join.
        let ok = receive(signed(WEBHOOK_SECRET, now, &body), now, body.clone()).await;
        assert_eq!(ok.unwrap(), Received::Recorded, "{}", t.db.backend());
        assert_eq!(events(&t.db, id).await, 1);
        // A replay (same event, meeting and event time), freshly signed: ignored.
        let again = receive(signed(WEBHOOK_SECRET, now + 5, &body), now + 5, body.clone()).await;
        assert_eq!(again.unwrap(), Received::Ignored);
        assert_eq!(events(&t.db, id).await, 1);
        // The host joining is not the job seeker.
        let host = joined(&meeting, now * 1000 + 1, "host-user");
        assert_eq!(
            receive(signed(WEBHOOK_SECRET, now, &host), now, host).await.unwrap(),
            Received::Ignored
        );
        // Zoom's URL validation: encryptedToken = hex HMAC-SHA256(secret, plainToken).
        let v = serde_json::json!({"event": "endpoint.url_validation", "event_ts": now * 1000,
            "payload": {"plainToken": "qgg8vlvZRS6UYooatFL8Aw"}})
        .to_string();
        let answer = receive(signed(WEBHOOK_SECRET, now, &v), now, v).await.unwrap();
        assert_eq!(
            answer,
            Received::Validation(serde_json::json!({
                "plainToken": "qgg8vlvZRS6UYooatFL8Aw",
                "encryptedToken": webhooks::sign(WEBHOOK_SECRET, b"qgg8vlvZRS6UYooatFL8Aw"),
            }))
        );
        // An office with no Zoom set up: not found.
        let none = webhooks::receive(
            &t.db,
            &s.clock,
            &s.config,
            "27020",
            &Delivery {
                signature: None,
                timestamp: None,
                body: b"{}",
            },
        )
        .await;
        assert_eq!(code(&none), "not_found");
    }
}

// BK-11 with Zoom: joining in Zoom at start + 9 minutes is no no-show; never joining is.
#[tokio::test]
async fn a_zoom_join_at_nine_minutes_is_no_no_show() {
    for t in testing::both("zoom_no_show").await {
        let s = setup(&t.db).await;
        let other = seekers(&t.db, 1, "absent").await[0];
        let came = booking::book(&t.db, &s.clock, s.user, s.slots[0], &Details::default())
            .await
            .unwrap();
        let slot = booking::publish_slot(&t.db, "28011", at(10, 0), "zoom", 1)
            .await
            .unwrap();
        let absent = booking::book(&t.db, &s.clock, other, slot, &Details::default())
            .await
            .unwrap();
        assert_eq!(meetings::run(&t.db, &s.clock, &s.config).await.unwrap().created, 2);
        let (m1, _m2) = s.zoom.with(|z| {
            let ids: Vec<String> = z.meetings.keys().map(ToString::to_string).collect();
            (ids[0].clone(), ids[1].clone())
        });
        s.clock.advance(at(10, 9) - s.clock.now());
        let now = s.clock.now().timestamp();
        let body = joined(&m1, now * 1000, "16778240");
        let ts = now.to_string();
        let sig = signed(WEBHOOK_SECRET, now, &body);
        webhooks::receive(
            &t.db,
            &s.clock,
            &s.config,
            "28011",
            &Delivery {
                signature: Some(&sig),
                timestamp: Some(&ts),
                body: body.as_bytes(),
            },
        )
        .await
        .unwrap();
        s.clock.advance(Duration::minutes(2));
        assert_eq!(no_show::sweep(&t.db, &s.clock).await.unwrap(), 1, "{}", t.db.backend());
        let state = |r: Option<reservations::ReservationRow>| r.unwrap().state;
        assert_eq!(
            state(reservations::reservation(&t.db, came).await.unwrap()),
            "confirmed"
        );
        assert_eq!(
            state(reservations::reservation(&t.db, absent).await.unwrap()),
            "no_show"
        );
    }
}

// Housekeeping drops webhook keys older than a day; a replay that old is refused by its
// timestamp anyway.
#[tokio::test]
async fn old_webhook_keys_are_purged() {
    for t in testing::both("zoom_webhook_purge").await {
        let s = setup(&t.db).await;
        let mut tx = t.db.begin().await.unwrap();
        assert!(
            madoguchi_store::zoom::webhooks::take(&mut tx, "28011", "meeting.ended", "1", 1, s.clock.now())
                .await
                .unwrap()
        );
        tx.commit().await.unwrap();
        let purge = |at| madoguchi_store::zoom::webhooks::purge(&t.db, at);
        assert_eq!(purge(s.clock.now()).await.unwrap(), 0, "{}", t.db.backend());
        assert_eq!(purge(s.clock.now() + Duration::seconds(1)).await.unwrap(), 1);
    }
}
