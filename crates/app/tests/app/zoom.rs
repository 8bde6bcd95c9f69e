//! Zoom through its API against the local Zoom (rules MT-2, BK-9, MT-1; issue 15), on both
//! backends, with a hand-moved clock: the meeting of a `zoom` booking created outside the
//! booking with the documented fields, its details on My Page and the "details ready"
//! notice; a move patches it, a cancellation deletes it; an expired or revoked token is
//! refreshed exactly once; a 429 waits its Retry-After; Zoom down for ten minutes leaves the
//! booking confirmed and creates the meeting once it is back, nothing twice; after the last
//! attempt hand entry; the secrets never in the database, mail or inbox in plain text.

use chrono::Duration;
use madoguchi_app::consultations::{booking, no_show, reschedule, schedule};
use madoguchi_app::shared::StaffMember;
use madoguchi_app::shared::secrets::SealKeys;
use madoguchi_app::zoom::credentials::{self, Entered};
use madoguchi_app::zoom::local::LocalZoom;
use madoguchi_app::zoom::meetings::{self, RoundReport};
use madoguchi_app::zoom::{ZoomConfig, webhooks};
use madoguchi_domain::clock::{Clock, ManualClock};
use madoguchi_domain::staff::Role;
use madoguchi_store::consultations::reservations::{self, Details};
use madoguchi_store::consultations::schedule::{self as schedule_store, MeetingDetails};
use madoguchi_store::{Db, testing};

use crate::booking_under_load::{at, now, office, seekers};

pub(crate) const CLIENT_SECRET: &str = "cs-Very5ecretClientValue9Q";
pub(crate) const WEBHOOK_SECRET: &str = "wh-Very5ecretWebhookToken7Z";

async fn staff(db: &Db, clock: &dyn Clock, role: Role, user_id: &str) -> StaffMember {
    madoguchi_app::console::staff::create(
        db,
        clock,
        &madoguchi_app::accounts::limits::Limits::for_tests(),
        None,
        role,
        Some("28011"),
        user_id,
        "窓口 花子",
    )
    .await
    .unwrap();
    let key = madoguchi_domain::user_id::UserId::parse(user_id).unwrap().normalized();
    let row = madoguchi_store::accounts::staff::by_key(db, &key)
        .await
        .unwrap()
        .unwrap();
    madoguchi_app::console::staff::member(db, row.id)
        .await
        .unwrap()
        .unwrap()
}

pub(crate) struct Setup {
    pub zoom: LocalZoom,
    pub config: ZoomConfig,
    pub clock: ManualClock,
    pub user: i64,
    pub slots: Vec<i64>,
}

/// The demo office with Zoom set up by its admin against a local Zoom, one job seeker and
/// two `zoom` slots tomorrow at 10:00 and 11:00.
pub(crate) async fn setup(db: &Db) -> Setup {
    office(db).await;
    let clock = ManualClock::new(now());
    let zoom = LocalZoom::start("acct-28011", "client-28011", CLIENT_SECRET).await;
    let config = ZoomConfig {
        keys: Some(SealKeys::from_base64("AQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQE=", None).unwrap()),
        api_base: zoom.base.clone(),
        oauth_base: zoom.base.clone(),
        timeout: std::time::Duration::from_secs(10),
    };
    let admin = staff(db, &clock, Role::OfficeAdmin, "zoom.admin").await;
    credentials::save(
        db,
        &clock,
        &config,
        &admin,
        "28011",
        &Entered {
            account_id: "acct-28011".into(),
            client_id: "client-28011".into(),
            client_secret: CLIENT_SECRET.into(),
            webhook_secret: WEBHOOK_SECRET.into(),
        },
    )
    .await
    .unwrap();
    let user = seekers(db, 1, "zoomer").await[0];
    let mut slots = Vec::new();
    for h in [10, 11] {
        slots.push(booking::publish_slot(db, "28011", at(h, 0), "zoom", 1).await.unwrap());
    }
    Setup {
        zoom,
        config,
        clock,
        user,
        slots,
    }
}

fn creates(z: &LocalZoom) -> usize {
    z.with(|s| s.calls.iter().filter(|c| c.0 == "POST").count())
}

async fn details_ready(db: &Db, user: i64) -> usize {
    madoguchi_store::mail::inbox::list(db, user)
        .await
        .unwrap()
        .iter()
        .filter(|m| m.subject.contains("接続情報"))
        .count()
}

// Rules MT-2, BK-9: booking → the meeting made through Zoom's API with the documented
// fields → its details on My Page with the notice; a move → PATCH; a cancellation → DELETE.
#[tokio::test]
async fn booking_creates_moves_and_deletes_the_meeting() {
    for t in testing::both("zoom_meeting_life").await {
        let s = setup(&t.db).await;
        let id = booking::book(&t.db, &s.clock, s.user, s.slots[0], &Details::default())
            .await
            .unwrap();
        assert_eq!(s.zoom.with(|z| z.calls.len()), 0, "nothing called inside the booking");
        let inbox_before = madoguchi_store::mail::inbox::list(&t.db, s.user).await.unwrap().len();
        let r = meetings::run(&t.db, &s.clock, &s.config).await.unwrap();
        assert_eq!(r.created, 1, "{}", t.db.backend());
        let (meeting_id, body) = s.zoom.with(|z| {
            let (id, m) = z.meetings.iter().next().unwrap();
            (*id, m.clone())
        });
        assert_eq!(body["type"], 2);
        assert_eq!(body["duration"], 30);
        assert_eq!(body["timezone"], "Asia/Tokyo");
        assert_eq!(body["start_time"], "2026-12-03T01:00:00Z", "10:00 JST in UTC");
        assert_eq!(body["topic"], meetings::TOPIC, "no personal data in the topic");
        assert!(!body.to_string().contains("山田"));
        assert_eq!(body["settings"]["waiting_room"], true);
        assert_eq!(body["settings"]["join_before_host"], false);
        assert_eq!(body["settings"]["auto_recording"], "none");
        let passcode = body["password"].as_str().unwrap().to_owned();
        assert_eq!(passcode.len(), 10);
        let d = schedule_store::meeting(&t.db, id).await.unwrap().unwrap();
        assert_eq!(
            (d.app.as_str(), d.meeting_id.clone(), d.passkey.as_str()),
            ("zoom", meeting_id.to_string(), passcode.as_str())
        );
        assert_eq!(d.join_url, format!("https://us06web.zoom.us/j/{meeting_id}?pwd=local"));
        let inbox = madoguchi_store::mail::inbox::list(&t.db, s.user).await.unwrap();
        assert_eq!(inbox.len(), inbox_before + 1, "the details-ready notice");
        assert!(!inbox[0].body.contains(&passcode), "BK-9: the details stay on My Page");
        // Nothing more to do: no second meeting, no second notice.
        assert_eq!(
            meetings::run(&t.db, &s.clock, &s.config).await.unwrap(),
            RoundReport::default()
        );
        assert_eq!(creates(&s.zoom), 1);

        // BK-17: moved to 11:00 → PATCH with the new time; the details stay.
        reschedule::reschedule(&t.db, &s.clock, None, s.user, id, s.slots[1])
            .await
            .unwrap();
        let r = meetings::run(&t.db, &s.clock, &s.config).await.unwrap();
        assert_eq!(r.patched, 1, "{}", t.db.backend());
        let last = s.zoom.with(|z| z.calls.last().cloned().unwrap());
        assert_eq!(
            (last.0.as_str(), last.1.clone()),
            ("PATCH", format!("/v2/meetings/{meeting_id}"))
        );
        assert_eq!(last.2["start_time"], "2026-12-03T02:00:00Z");
        assert_eq!(
            s.zoom.with(|z| z.meetings[&meeting_id]["start_time"].clone()),
            "2026-12-03T02:00:00Z"
        );

        // BK-10: cancelled → DELETE.
        booking::cancel_own(&t.db, &s.clock, s.user, id).await.unwrap();
        let r = meetings::run(&t.db, &s.clock, &s.config).await.unwrap();
        assert_eq!(r.deleted, 1, "{}", t.db.backend());
        assert!(s.zoom.with(|z| z.meetings.is_empty()));
        assert_eq!(
            meetings::run(&t.db, &s.clock, &s.config).await.unwrap(),
            RoundReport::default()
        );
        assert_eq!(s.zoom.with(|z| z.token_requests), 1, "one token, cached");
    }
}

// MT-2: a token past its expiry is replaced without a failed call; a token Zoom no longer
// accepts (401) is refreshed exactly once and the call made again.
#[tokio::test]
async fn an_expired_token_is_refreshed_once() {
    for t in testing::both("zoom_token").await {
        let s = setup(&t.db).await;
        let first = booking::book(&t.db, &s.clock, s.user, s.slots[0], &Details::default())
            .await
            .unwrap();
        meetings::run(&t.db, &s.clock, &s.config).await.unwrap();
        assert_eq!(s.zoom.with(|z| z.token_requests), 1);
        // The cached token expires (3599 s): the next call asks for one new token.
        s.clock.advance(Duration::seconds(3600));
        reschedule::reschedule(&t.db, &s.clock, None, s.user, first, s.slots[1])
            .await
            .unwrap();
        let r = meetings::run(&t.db, &s.clock, &s.config).await.unwrap();
        assert_eq!(
            (r.patched, s.zoom.with(|z| z.token_requests)),
            (1, 2),
            "{}",
            t.db.backend()
        );
        // Zoom revokes it: 401, one refresh, the call again.
        s.zoom.revoke_tokens();
        booking::cancel_own(&t.db, &s.clock, s.user, first).await.unwrap();
        let r = meetings::run(&t.db, &s.clock, &s.config).await.unwrap();
        assert_eq!(
            (r.deleted, s.zoom.with(|z| z.token_requests)),
            (1, 3),
            "{}",
            t.db.backend()
        );
        let statuses: Vec<String> = s.zoom.with(|z| z.calls.iter().map(|c| c.0.clone()).collect());
        assert_eq!(
            statuses,
            ["POST", "PATCH", "DELETE", "DELETE"],
            "one retry after the 401"
        );
    }
}

// MT-2: 429 with Retry-After: 120 → no call before two minutes have passed, then the meeting.
#[tokio::test]
async fn rate_limit_waits_for_retry_after() {
    for t in testing::both("zoom_429").await {
        let s = setup(&t.db).await;
        booking::book(&t.db, &s.clock, s.user, s.slots[0], &Details::default())
            .await
            .unwrap();
        s.zoom.answer_next(429, Some(120));
        let r = meetings::run(&t.db, &s.clock, &s.config).await.unwrap();
        assert_eq!((r.created, r.retried), (0, 1), "{}", t.db.backend());
        s.clock.advance(Duration::seconds(119));
        meetings::run(&t.db, &s.clock, &s.config).await.unwrap();
        assert_eq!(s.zoom.with(|z| z.calls.len()), 1, "no call before Retry-After");
        s.clock.advance(Duration::seconds(1));
        let r = meetings::run(&t.db, &s.clock, &s.config).await.unwrap();
        assert_eq!(r.created, 1, "{}", t.db.backend());
        assert_eq!(s.zoom.with(|z| z.meetings.len()), 1);
    }
}

// MT-2: Zoom down (503) for ten minutes of the clock, the job running every 30 seconds:
// the booking stays confirmed; once Zoom is back the meeting is created, and only one,
// with one notice.
#[tokio::test]
async fn zoom_down_for_ten_minutes_then_back() {
    for t in testing::both("zoom_down").await {
        let s = setup(&t.db).await;
        let id = booking::book(&t.db, &s.clock, s.user, s.slots[0], &Details::default())
            .await
            .unwrap();
        let notices_before = details_ready(&t.db, s.user).await;
        s.zoom.with(|z| z.down = true);
        for _ in 0..20 {
            meetings::run(&t.db, &s.clock, &s.config).await.unwrap();
            s.clock.advance(Duration::seconds(30));
        }
        let r = reservations::reservation(&t.db, id).await.unwrap().unwrap();
        assert_eq!(r.state, "confirmed", "{}", t.db.backend());
        assert!(schedule_store::meeting(&t.db, id).await.unwrap().is_none());
        let tries = s.zoom.with(|z| z.token_requests);
        assert!((3..=6).contains(&tries), "backed off, not every round: {tries}");
        s.zoom.with(|z| z.down = false);
        let mut created = 0;
        for _ in 0..40 {
            created += meetings::run(&t.db, &s.clock, &s.config).await.unwrap().created;
            s.clock.advance(Duration::seconds(30));
        }
        assert_eq!(created, 1, "{}", t.db.backend());
        assert_eq!(creates(&s.zoom), 1, "one create reached Zoom");
        assert_eq!(s.zoom.with(|z| z.meetings.len()), 1);
        assert!(schedule_store::meeting(&t.db, id).await.unwrap().is_some());
        assert_eq!(details_ready(&t.db, s.user).await, notices_before + 1, "one notice");
    }
}

// MT-2: after the last attempt the day page sends the counsellor to hand entry, which works.
#[tokio::test]
async fn after_the_last_attempt_hand_entry() {
    for t in testing::both("zoom_give_up").await {
        let s = setup(&t.db).await;
        let id = booking::book(&t.db, &s.clock, s.user, s.slots[0], &Details::default())
            .await
            .unwrap();
        s.zoom.with(|z| z.down = true);
        let mut gave_up = 0;
        for _ in 0..meetings::MAX_ATTEMPTS {
            gave_up += meetings::run(&t.db, &s.clock, &s.config).await.unwrap().gave_up;
            s.clock.advance(Duration::minutes(31));
        }
        assert_eq!(gave_up, 1, "{}", t.db.backend());
        let day = at(10, 0).with_timezone(&madoguchi_domain::clock::jst()).date_naive();
        assert_eq!(
            madoguchi_store::zoom::meetings::given_up_on_day(&t.db, "28011", day)
                .await
                .unwrap(),
            vec![id]
        );
        s.zoom.with(|z| z.down = false);
        assert_eq!(
            meetings::run(&t.db, &s.clock, &s.config).await.unwrap(),
            RoundReport::default()
        );
        let counsellor = staff(&t.db, &s.clock, Role::Counsellor, "zoom.counsellor").await;
        let hand = MeetingDetails {
            app: "zoom".into(),
            meeting_id: "812 3456 7890".into(),
            passkey: "by-hand".into(),
            join_url: "https://zoom.us/j/81234567890".into(),
        };
        schedule::set_meeting(&t.db, &s.clock, &counsellor, id, &hand)
            .await
            .unwrap();
        assert_eq!(
            schedule_store::meeting(&t.db, id).await.unwrap().unwrap().passkey,
            "by-hand"
        );
    }
}

/// Every text the database holds in the tables this flow writes.
async fn database_text(t: &testing::TestDb) -> String {
    let mut all = String::new();
    for table in [
        "zoom_accounts",
        "zoom_meetings",
        "outbox",
        "inbox",
        "audit_log",
        "meeting_details",
        "reservation_events",
    ] {
        let sql = match &t.db {
            Db::Sqlite(_) => format!("SELECT * FROM {table}"),
            Db::Postgres(_) => format!("SELECT t::text FROM {table} t"),
        };
        let rows: Vec<String> = match &t.db {
            Db::Sqlite(s) => {
                use sqlx::Row;
                let rows = sqlx::query(sqlx::AssertSqlSafe(sql)).fetch_all(&s.read).await.unwrap();
                rows.iter()
                    .map(|r| {
                        (0..r.columns().len())
                            .map(|i| r.try_get::<String, _>(i).unwrap_or_default())
                            .collect::<Vec<_>>()
                            .join("|")
                    })
                    .collect()
            }
            Db::Postgres(p) => sqlx::query_scalar(sqlx::AssertSqlSafe(sql)).fetch_all(p).await.unwrap(),
        };
        all.push_str(&rows.join("\n"));
    }
    if let madoguchi_store::DatabaseUrl::Sqlite(path) = &t.url {
        for suffix in ["", "-wal"] {
            let file = format!("{}{suffix}", path.display());
            all.push_str(&String::from_utf8_lossy(&std::fs::read(file).unwrap_or_default()));
        }
    }
    all
}

/// Every log line written on this thread while the guard lives, at every level.
#[derive(Clone, Default)]
struct Logs(std::sync::Arc<std::sync::Mutex<Vec<u8>>>);

impl std::io::Write for Logs {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        self.0.lock().unwrap().extend_from_slice(buf);
        Ok(buf.len())
    }
    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

// MT-2: the client secret and the webhook secret token are in no table, file, mail, inbox
// entry or log line in plain text after the whole flow (a failed call, a refused webhook,
// the rotation included); the form shows only their last four.
#[tokio::test]
async fn secrets_are_never_stored_in_plain_text() {
    let logs = Logs::default();
    let writer = logs.clone();
    let subscriber = tracing_subscriber::fmt()
        .with_max_level(tracing::Level::TRACE)
        .with_writer(move || writer.clone())
        .finish();
    let _guard = tracing::subscriber::set_default(subscriber);
    for t in testing::both("zoom_secrets").await {
        // Another test thread may have been registering a callsite (with the no-op global
        // subscriber's "never") while this one set its subscriber; ask every callsite again.
        tracing::callsite::rebuild_interest_cache();
        let s = setup(&t.db).await;
        let id = booking::book(&t.db, &s.clock, s.user, s.slots[0], &Details::default())
            .await
            .unwrap();
        s.zoom.answer_next(500, None);
        assert_eq!(meetings::run(&t.db, &s.clock, &s.config).await.unwrap().retried, 1);
        s.clock.advance(Duration::seconds(30));
        meetings::run(&t.db, &s.clock, &s.config).await.unwrap();
        let refused = webhooks::receive(
            &t.db,
            &s.clock,
            &s.config,
            "28011",
            &webhooks::Delivery {
                signature: Some("v0=00"),
                timestamp: Some("1"),
                body: b"{}",
            },
        )
        .await;
        assert!(refused.is_err());
        let meeting = s.zoom.with(|z| *z.meetings.keys().next().unwrap());
        let body = serde_json::json!({
            "event": "meeting.participant_joined", "event_ts": 1,
            "payload": { "object": { "id": meeting.to_string(), "host_id": "host-user",
                "participant": { "user_id": "16778240", "user_name": "参加者" } } }
        })
        .to_string();
        let ts = s.clock.now().timestamp();
        let sig = format!(
            "v0={}",
            webhooks::sign(WEBHOOK_SECRET, format!("v0:{ts}:{body}").as_bytes())
        );
        let got = webhooks::receive(
            &t.db,
            &s.clock,
            &s.config,
            "28011",
            &webhooks::Delivery {
                signature: Some(&sig),
                timestamp: Some(&ts.to_string()),
                body: body.as_bytes(),
            },
        )
        .await
        .unwrap();
        assert_eq!(got, webhooks::Received::Recorded);
        assert!(reservations::reservation(&t.db, id).await.unwrap().is_some());
        let text = database_text(&t).await;
        assert!(!text.is_empty());
        for secret in [CLIENT_SECRET, WEBHOOK_SECRET, "local-token-1"] {
            assert!(!text.contains(secret), "{secret} in plain text on {}", t.db.backend());
        }
        let admin = staff(&t.db, &s.clock, Role::OfficeAdmin, "zoom.admin2").await;
        let shown = credentials::shown(&t.db, &admin, "28011").await.unwrap().unwrap();
        assert_eq!(
            (shown.secret_tail.as_str(), shown.webhook_tail.as_str()),
            ("ue9Q", "en7Z")
        );
        // The operator's new key: rotation seals again and the old key alone opens nothing.
        let rotating = ZoomConfig {
            keys: Some(
                SealKeys::from_base64(
                    "AgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgI=",
                    Some("AQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQE="),
                )
                .unwrap(),
            ),
            ..s.config.clone()
        };
        assert_eq!(credentials::rotate(&t.db, &rotating).await.unwrap(), 1);
        let new_only = ZoomConfig {
            keys: Some(SealKeys::from_base64("AgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgI=", None).unwrap()),
            ..s.config.clone()
        };
        booking::cancel_own(&t.db, &s.clock, s.user, id).await.unwrap();
        assert_eq!(
            meetings::run(&t.db, &s.clock, &new_only).await.unwrap().deleted,
            1,
            "works on the new key"
        );
        assert!(
            no_show::sweep(&t.db, &s.clock).await.is_ok(),
            "the sweeper is unaffected"
        );
    }
    let logged = String::from_utf8_lossy(&logs.0.lock().unwrap()).into_owned();
    assert!(logged.contains("zoom call failed"), "the logs were read: {logged}");
    for secret in [CLIENT_SECRET, WEBHOOK_SECRET, "local-token-"] {
        assert!(!logged.contains(secret), "{secret} in the logs");
    }
}

// MT-2: a `zoom` seminar gets its meeting when it is created (its length, its public
// title), a move patches it, a cancellation deletes it; staff still record attendance.
#[tokio::test]
async fn a_zoom_seminar_gets_its_meeting() {
    for t in testing::both("zoom_seminar").await {
        let s = setup(&t.db).await;
        let input = madoguchi_app::seminars::organise::SeminarInput {
            kind: "seminar".into(),
            title: "応募書類の書き方".into(),
            description: String::new(),
            starts_at: at(14, 0),
            minutes: 90,
            app: "zoom".into(),
            recorded_with_consent: false,
            capacity: 20,
            waitlist_limit: 0,
        };
        let id = madoguchi_app::seminars::organise::create_for(&t.db, &s.clock, "28011", &input, "test")
            .await
            .unwrap();
        let r = meetings::run(&t.db, &s.clock, &s.config).await.unwrap();
        assert_eq!(r.created, 1, "{}", t.db.backend());
        let (meeting_id, body) = s.zoom.with(|z| {
            let (id, m) = z.meetings.iter().next().unwrap();
            (*id, m.clone())
        });
        assert_eq!((body["duration"].as_i64(), body["type"].as_i64()), (Some(90), Some(2)));
        assert_eq!(body["settings"]["waiting_room"], true);
        let row = madoguchi_store::seminars::catalogue::get(&t.db, id)
            .await
            .unwrap()
            .unwrap();
        assert_eq!(row.app, "zoom");
        let admin = staff(&t.db, &s.clock, Role::OfficeAdmin, "zoom.seminars").await;
        let shown = madoguchi_app::seminars::organise::meeting(&t.db, &admin, id)
            .await
            .unwrap();
        assert!(format!("{shown:?}").contains(&meeting_id.to_string()), "{shown:?}");
        assert_eq!(
            meetings::run(&t.db, &s.clock, &s.config).await.unwrap(),
            RoundReport::default()
        );

        madoguchi_app::seminars::changes::move_to(&t.db, &s.clock, &admin, id, at(15, 0), "")
            .await
            .unwrap();
        assert_eq!(meetings::run(&t.db, &s.clock, &s.config).await.unwrap().patched, 1);
        assert_eq!(
            s.zoom.with(|z| z.meetings[&meeting_id]["start_time"].clone()),
            "2026-12-03T06:00:00Z"
        );
        madoguchi_app::seminars::changes::cancel(&t.db, &s.clock, &admin, id, "講師の都合")
            .await
            .unwrap();
        assert_eq!(meetings::run(&t.db, &s.clock, &s.config).await.unwrap().deleted, 1);
        assert!(s.zoom.with(|z| z.meetings.is_empty()));
    }
}
