//! Use cases against real databases (SQLite and PostgreSQL) and a real SMTP server.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::sync::Arc;

use chrono::{Duration, TimeZone, Utc};
use madoguchi_app::mail::smtp_sink::SmtpSink;
use madoguchi_app::mail::{self, SmtpSettings, TlsMode, Transport};
use madoguchi_domain::clock::{Clock, ManualClock};
use madoguchi_store::mail::outbox::{self, NewMail};
use madoguchi_store::{Db, testing};

fn clock() -> Arc<ManualClock> {
    Arc::new(ManualClock::new(Utc.with_ymd_and_hms(2026, 12, 28, 15, 0, 0).unwrap()))
}

fn smtp(port: u16) -> Transport {
    Transport::smtp(&SmtpSettings {
        host: "127.0.0.1".into(),
        port,
        tls: TlsMode::None,
        username: None,
        password: None,
        from: "Madoguchi <no-reply@madoguchi.example>".into(),
        timeout: std::time::Duration::from_secs(5),
    })
    .unwrap()
}

async fn enqueue(db: &Db, n: usize, clock: &dyn Clock) {
    let mut tx = db.begin().await.unwrap();
    for i in 0..n {
        let mail = NewMail {
            recipient: format!("seeker{i}@example.jp"),
            subject: format!("【Madoguchi】予約を受け付けました {i}"),
            body_text: format!("山田様\n予約番号 {i}\n"),
            body_html: Some(format!("<p>山田様</p><p>予約番号 {i}</p>")),
            attachment: None,
        };
        outbox::enqueue(&mut tx, &mail, clock.now()).await.unwrap();
    }
    tx.commit().await.unwrap();
}

// rule NO-3: the worker sends over a real SMTP conversation and marks each message sent.
#[tokio::test]
async fn outbox_mail_arrives_over_smtp() {
    for t in testing::both("mail_arrives").await {
        let sink = SmtpSink::start("127.0.0.1:0".parse().unwrap()).await.unwrap();
        let clock = clock();
        enqueue(&t.db, 3, clock.as_ref()).await;
        let report = mail::deliver_due(&t.db, &smtp(sink.addr.port()), clock.as_ref(), 10)
            .await
            .unwrap();
        assert_eq!((report.sent, report.failed), (3, 0), "{}", t.db.backend());
        assert_eq!(outbox::pending_count(&t.db).await.unwrap(), 0);
        let got = sink.received();
        assert_eq!(got.len(), 3);
        assert_eq!(got[0].to, vec!["seeker0@example.jp".to_owned()]);
        assert_eq!(got[0].from, "no-reply@madoguchi.example");
        assert!(got[0].data.contains("multipart/alternative"), "text + HTML pair");
        assert!(got[0].data.contains("Subject: =?utf-8?"), "encoded Japanese subject");
    }
}

// Issue 11 item 9: every message carries a Message-ID of 128 random bits and the site's
// host; it says nothing about the recipient. Without a site address, the sender's domain.
#[tokio::test]
async fn mail_carries_a_random_message_id_with_the_sites_host() {
    let t = testing::sqlite("mail_message_id").await.unwrap();
    let sink = SmtpSink::start("127.0.0.1:0".parse().unwrap()).await.unwrap();
    let clock = clock();
    enqueue(&t.db, 2, clock.as_ref()).await;
    let transport = smtp(sink.addr.port()).for_site("https://madoguchi.example.go.jp:8443/");
    mail::deliver_due(&t.db, &transport, clock.as_ref(), 10).await.unwrap();
    enqueue(&t.db, 1, clock.as_ref()).await;
    mail::deliver_due(&t.db, &smtp(sink.addr.port()), clock.as_ref(), 10)
        .await
        .unwrap();
    let ids: Vec<String> = sink
        .received()
        .iter()
        .map(|m| {
            let line = m
                .data
                .lines()
                .find(|l| l.to_ascii_lowercase().starts_with("message-id:"));
            line.unwrap_or_else(|| panic!("no Message-ID in {}", m.data))
                .split_once(':')
                .unwrap()
                .1
                .trim()
                .to_owned()
        })
        .collect();
    assert_eq!(ids.len(), 3);
    for (id, host) in ids.iter().zip([
        "madoguchi.example.go.jp",
        "madoguchi.example.go.jp",
        "madoguchi.example",
    ]) {
        let (left, right) = id
            .strip_prefix('<')
            .and_then(|i| i.strip_suffix('>'))
            .and_then(|i| i.split_once('@'))
            .unwrap_or_else(|| panic!("{id}"));
        assert_eq!(right, host, "{id}");
        assert!(left.len() == 32 && left.bytes().all(|b| b.is_ascii_hexdigit()), "{id}");
        assert!(!id.contains("seeker") && !id.contains("example.jp"), "{id}");
    }
    assert!(ids[0] != ids[1] && ids[1] != ids[2], "{ids:?}");
}

// rule NO-3: a stopped SMTP server delays mail and loses none.
#[tokio::test]
async fn smtp_outage_delays_without_loss() {
    for t in testing::both("mail_outage").await {
        let clock = clock();
        let sink = SmtpSink::start("127.0.0.1:0".parse().unwrap()).await.unwrap();
        let addr = sink.addr;
        sink.stop();
        enqueue(&t.db, 2, clock.as_ref()).await;
        let transport = smtp(addr.port());
        let report = mail::deliver_due(&t.db, &transport, clock.as_ref(), 10).await.unwrap();
        assert_eq!((report.sent, report.failed), (0, 2), "{}", t.db.backend());
        assert_eq!(outbox::pending_count(&t.db).await.unwrap(), 2);
        // Not due again before the back-off.
        let report = mail::deliver_due(&t.db, &transport, clock.as_ref(), 10).await.unwrap();
        assert_eq!(report, mail::Delivered::default());

        let sink = SmtpSink::start(addr).await.unwrap();
        clock.advance(Duration::minutes(2));
        let report = mail::deliver_due(&t.db, &transport, clock.as_ref(), 10).await.unwrap();
        assert_eq!((report.sent, report.failed), (2, 0));
        assert_eq!(sink.received().len(), 2);
        assert_eq!(outbox::pending_count(&t.db).await.unwrap(), 0);
    }
}

// rule NO-3: two replicas draining one outbox send each message exactly once.
#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn two_replicas_send_each_message_once() {
    for t in testing::both("mail_replicas").await {
        let sink = SmtpSink::start("127.0.0.1:0".parse().unwrap()).await.unwrap();
        let clock = clock();
        enqueue(&t.db, 40, clock.as_ref()).await;
        // A second replica: its own pools on the same database.
        let other = madoguchi_store::connect(&t.url, madoguchi_store::PoolSizes::for_tests())
            .await
            .unwrap();
        let mut tasks = Vec::new();
        for db in [t.db.clone(), other] {
            let (clock, port) = (clock.clone(), sink.addr.port());
            tasks.push(tokio::spawn(async move {
                let transport = smtp(port);
                let mut sent = 0;
                loop {
                    let r = mail::deliver_due(&db, &transport, clock.as_ref(), 3).await.unwrap();
                    if r.sent == 0 && r.failed == 0 {
                        break sent;
                    }
                    sent += r.sent;
                }
            }));
        }
        let mut total = 0;
        for task in tasks {
            total += task.await.unwrap();
        }
        let got = sink.received();
        let mut recipients: Vec<_> = got.iter().flat_map(|m| m.to.clone()).collect();
        recipients.sort();
        recipients.dedup();
        assert_eq!((total, got.len(), recipients.len()), (40, 40, 40), "{}", t.db.backend());
    }
}

// Demo mode: mail becomes .eml files a newcomer can open.
#[tokio::test]
async fn demo_transport_writes_eml_files() {
    let t = testing::sqlite("mail_files").await.unwrap();
    let dir = std::env::temp_dir().join(format!("mdg-eml-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    let transport = Transport::files(dir.clone(), "Madoguchi <no-reply@madoguchi.example>").unwrap();
    let clock = clock();
    enqueue(&t.db, 1, clock.as_ref()).await;
    let report = mail::deliver_due(&t.db, &transport, clock.as_ref(), 10).await.unwrap();
    assert_eq!(report.sent, 1);
    let files: Vec<_> = std::fs::read_dir(&dir).unwrap().collect();
    assert_eq!(files.len(), 1);
}

// rule AC-10: a notice 30 days before deletion, sent once; a sign-in keeps the account;
// deletion after a year without sign-in.
#[tokio::test]
async fn unused_accounts_are_noticed_then_deleted() {
    use madoguchi_app::accounts::inactivity::sweep;
    for t in testing::both("inactivity").await {
        let clock = clock();
        let site = madoguchi_app::shared::Site {
            base_url: "http://madoguchi.test".into(),
        };
        madoguchi_app::demo::seed_job_seeker(&t.db, clock.as_ref())
            .await
            .unwrap();
        clock.advance(Duration::days(334));
        assert_eq!(
            sweep(&t.db, clock.as_ref(), &site).await.unwrap(),
            Default::default(),
            "{}",
            t.db.backend()
        );
        clock.advance(Duration::days(2));
        // The two demo job seekers.
        let s = sweep(&t.db, clock.as_ref(), &site).await.unwrap();
        assert_eq!((s.noticed, s.deleted), (2, 0));
        assert_eq!(
            outbox::pending_count(&t.db).await.unwrap(),
            2,
            "the notices are in the outbox"
        );
        assert_eq!(
            sweep(&t.db, clock.as_ref(), &site).await.unwrap().noticed,
            0,
            "sent once"
        );
        clock.advance(Duration::days(29));
        assert_eq!(
            sweep(&t.db, clock.as_ref(), &site).await.unwrap().deleted,
            0,
            "not before 30 days"
        );
        clock.advance(Duration::days(1));
        assert_eq!(sweep(&t.db, clock.as_ref(), &site).await.unwrap().deleted, 2);
        let key = madoguchi_app::demo::SEEKER_ID;
        assert!(
            madoguchi_store::accounts::users::by_key(&t.db, key)
                .await
                .unwrap()
                .is_none(),
            "erased"
        );

        // A sign-in after the notice keeps the account.
        madoguchi_app::demo::seed_job_seeker(&t.db, clock.as_ref())
            .await
            .unwrap();
        clock.advance(Duration::days(340));
        assert_eq!(sweep(&t.db, clock.as_ref(), &site).await.unwrap().noticed, 2);
        let user = madoguchi_store::accounts::users::by_key(&t.db, key)
            .await
            .unwrap()
            .unwrap();
        madoguchi_store::accounts::users::record_sign_in(&t.db, user.id, clock.now())
            .await
            .unwrap();
        clock.advance(Duration::days(40));
        let s = sweep(&t.db, clock.as_ref(), &site).await.unwrap();
        assert_eq!(
            (s.noticed, s.deleted),
            (0, 1),
            "the one who signed in stays; the other goes"
        );
        assert!(
            madoguchi_store::accounts::users::by_key(&t.db, key)
                .await
                .unwrap()
                .is_some()
        );
    }
}

#[path = "app/consultations/after_booking.rs"]
mod after_booking;
#[path = "app/consultations/booking.rs"]
mod booking_under_load;
#[path = "app/consultations/closures.rs"]
mod closures;
#[path = "app/console_rules.rs"]
mod console_rules;
#[path = "app/consultations/day_override.rs"]
mod day_override;
#[path = "app/consultations/meeting_apps.rs"]
mod meeting_apps;
#[path = "app/offices.rs"]
mod offices;
#[path = "app/consultations/part_day_closures.rs"]
mod part_day_closures;
#[path = "app/password_reset.rs"]
mod password_reset;
#[path = "app/refused_writes.rs"]
mod refused_writes;
#[path = "app/consultations/requests_flow.rs"]
mod requests_flow;
#[path = "app/consultations/reschedule.rs"]
mod reschedule;
#[path = "app/room.rs"]
mod room;
#[path = "app/room_grace.rs"]
mod room_grace;
#[path = "app/seminars/changes.rs"]
mod seminar_changes;
#[path = "app/seminars/operations.rs"]
mod seminar_operations;
#[path = "app/seminars/places.rs"]
mod seminar_places;
#[path = "app/seminars/registration.rs"]
mod seminars;
#[path = "app/sign_in_limits.rs"]
mod sign_in_limits;
#[path = "app/consultations/slots.rs"]
mod slots;
#[path = "app/stats.rs"]
mod stats;
#[path = "app/terms.rs"]
mod terms;
#[path = "app/translations.rs"]
mod translations;

// rule AC-13: the acceptance of the terms in force is recorded with version, time and client
// address at registration, and kept (anonymously) when the registration is deleted.
#[tokio::test]
async fn terms_acceptance_is_recorded() {
    use madoguchi_app::accounts::fields::RegistrationForm;
    use madoguchi_app::accounts::register::{self, SYSTEM_TERMS_VERSION};
    use madoguchi_app::shared::Site;
    for t in testing::both("ac13_terms").await {
        let clock = clock();
        let form = RegistrationForm {
            user_id: "yamada.taro".into(),
            password: "Kobe-Sannomiya#2026".into(),
            name: "山田 太郎".into(),
            name_kana: "ヤマダ タロウ".into(),
            address: "神戸市中央区".into(),
            email: "taro@example.jp".into(),
            phone: "078-231-8609".into(),
            accept_terms: true,
            lang: "ja".into(),
        };
        let site = Site {
            base_url: "http://madoguchi.test".into(),
        };
        let id = register::register(
            &t.db,
            clock.as_ref(),
            &site,
            &madoguchi_app::accounts::limits::Limits::for_tests(),
            &form,
            "192.0.2.10",
        )
        .await
        .unwrap();
        let a = madoguchi_store::mail::inbox::acceptances(&t.db, id).await.unwrap();
        assert_eq!(a.len(), 1, "{}", t.db.backend());
        assert_eq!(
            (a[0].service.as_str(), a[0].version.as_str(), a[0].client_addr.as_str()),
            ("system", SYSTEM_TERMS_VERSION, "192.0.2.10")
        );
        assert_eq!(a[0].accepted_at, clock.now());
        // Without consent there is no registration.
        let refused = register::register(
            &t.db,
            clock.as_ref(),
            &site,
            &madoguchi_app::accounts::limits::Limits::for_tests(),
            &RegistrationForm {
                accept_terms: false,
                user_id: "other.user".into(),
                ..form.clone()
            },
            "x",
        )
        .await;
        assert!(
            matches!(refused, Err(madoguchi_app::AppError::Fields(ref p)) if p.iter().any(|p| p.code == "terms_not_accepted"))
        );
    }
}
#[path = "app/erasure.rs"]
mod erasure;
#[path = "app/interview_room.rs"]
mod interview_room;
#[path = "app/interviews.rs"]
mod interviews;
#[path = "app/consultations/reservation_start.rs"]
mod reservation_start;
#[path = "app/selection.rs"]
mod selection;
#[path = "app/usage.rs"]
mod usage;
#[path = "app/usage_day.rs"]
mod usage_day;
#[path = "app/zoom.rs"]
mod zoom;
#[path = "app/zoom_moves.rs"]
mod zoom_moves;
#[path = "app/zoom_webhooks.rs"]
mod zoom_webhooks;
