//! "Forgot your password?" (rule AC-8) on both backends: the same answer for any user ID, a
//! single-use link that works 30 minutes, the limits per ID and per address under a burst,
//! and no link for an account its owner locked.
use std::sync::Arc;

use chrono::Duration;
use madoguchi_app::accounts::{forgot, limits::Limits, lock, session};
use madoguchi_app::shared::Site;
use madoguchi_domain::clock::{Clock, ManualClock};
use madoguchi_store::accounts::{resets, sessions::Owner, users};
use madoguchi_store::mail::outbox;
use madoguchi_store::{Db, testing};

use crate::booking_under_load::{now, seekers};

fn site() -> Site {
    Site {
        base_url: "https://madoguchi.example".into(),
    }
}

/// The mail waiting now, taken as sent: (recipient, subject, text).
async fn mail(db: &Db, clock: &dyn Clock) -> Vec<(String, String, String)> {
    let due = outbox::claim_due(db, clock.now(), Duration::minutes(5), 100)
        .await
        .unwrap();
    for m in &due {
        outbox::mark_sent(db, m.id, clock.now()).await.unwrap();
    }
    due.into_iter().map(|m| (m.recipient, m.subject, m.body_text)).collect()
}

fn token(text: &str) -> String {
    let start = text.find("/reset?token=").expect("a reset link") + "/reset?token=".len();
    text[start..]
        .chars()
        .take_while(|c| c.is_ascii_alphanumeric() || *c == '-' || *c == '_')
        .collect()
}

const NEW: &str = "Kobe-Motomachi#2027";

// rule AC-8: a known and an unknown user ID get the same answer; only the known one is
// mailed, with a link (and the lock link), never the account's existence in the answer.
#[tokio::test]
async fn password_reset_same_answer_for_any_user_id() {
    for t in testing::both("ac8_forgot_same").await {
        let user = seekers(&t.db, 1, "forgetful").await[0];
        let clock = ManualClock::new(now());
        let known = forgot::request_reset(&t.db, &clock, &site(), "FORGETFUL0000", "192.0.2.1").await;
        let unknown = forgot::request_reset(&t.db, &clock, &site(), "nobody.here", "192.0.2.1").await;
        assert!(
            known.is_ok() && unknown.is_ok(),
            "{}: {known:?} {unknown:?}",
            t.db.backend()
        );
        let sent = mail(&t.db, &clock).await;
        assert_eq!(sent.len(), 1, "only the account that exists is mailed");
        assert_eq!(sent[0].0, "forgetful0@example.jp");
        assert!(
            sent[0].2.contains("https://madoguchi.example/reset?token="),
            "{}",
            sent[0].2
        );
        assert!(
            sent[0].2.contains("https://madoguchi.example/lock?token="),
            "the lock link (AC-8)"
        );
        assert!(sent[0].2.contains("30分以内"), "{}", sent[0].2);
        let inbox = madoguchi_store::mail::inbox::list(&t.db, user).await.unwrap();
        assert!(!inbox[0].body.contains("token="), "no live link in the inbox");
        // An empty ID, or one no account can have (AC-2), is a mistake of the form, not a
        // question about an account.
        let empty = forgot::request_reset(&t.db, &clock, &site(), "", "192.0.2.1").await;
        assert_eq!(empty.unwrap_err().specific_code(), "required");
        let malformed = forgot::request_reset(&t.db, &clock, &site(), "山田", "192.0.2.1").await;
        assert_eq!(malformed.unwrap_err().specific_code(), "invalid_user_id");
    }
}

// rule AC-8: the link works once, for 30 minutes (test clock); using it ends every session
// of the account, and a link used or expired is refused.
#[tokio::test]
async fn password_reset_link_is_single_use_for_thirty_minutes() {
    for t in testing::both("ac8_forgot_link").await {
        let user = seekers(&t.db, 1, "resetter").await[0];
        let clock = ManualClock::new(now());
        let limits = Limits::for_tests();
        let s = session::start(&t.db, &clock, Owner::User(user)).await.unwrap();
        forgot::request_reset(&t.db, &clock, &site(), "resetter0000", "192.0.2.2")
            .await
            .unwrap();
        let first = token(&mail(&t.db, &clock).await[0].2);
        clock.advance(Duration::minutes(29));
        lock::reset_password(&t.db, &clock, &limits, &first, NEW).await.unwrap();
        let u = users::by_id(&t.db, user).await.unwrap().unwrap();
        assert!(
            madoguchi_domain::password::verify(NEW, &u.password_hash),
            "{}",
            t.db.backend()
        );
        assert!(
            session::resume(&t.db, &clock, &s.id).await.unwrap().is_none(),
            "signed out everywhere"
        );
        let again = lock::reset_password(&t.db, &clock, &limits, &first, "Kobe-Motomachi#2028").await;
        assert_eq!(again.unwrap_err().specific_code(), "token_invalid", "single use");

        forgot::request_reset(&t.db, &clock, &site(), "resetter0000", "192.0.2.2")
            .await
            .unwrap();
        let late = token(&mail(&t.db, &clock).await[0].2);
        clock.advance(Duration::minutes(30));
        let expired = lock::reset_password(&t.db, &clock, &limits, &late, "Kobe-Motomachi#2028").await;
        assert_eq!(expired.unwrap_err().specific_code(), "token_expired");
        // AC-3 as at registration: the user ID may not be in the new password.
        forgot::request_reset(&t.db, &clock, &site(), "resetter0000", "192.0.2.2")
            .await
            .unwrap();
        let weak = token(&mail(&t.db, &clock).await[0].2);
        let refused = lock::reset_password(&t.db, &clock, &limits, &weak, "resetter0000-Abc#1").await;
        assert_eq!(refused.unwrap_err().specific_code(), "weak_password");
        lock::reset_password(&t.db, &clock, &limits, &weak, "Kobe-Motomachi#2029")
            .await
            .unwrap();
    }
}

// rule AC-8: requests are limited per user ID (3 an hour, whether or not it exists) and per
// client address (20 an hour); a burst sent all at once is counted one by one.
#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn password_reset_limits_hold_under_a_burst() {
    for t in testing::both("ac8_forgot_burst").await {
        seekers(&t.db, 1, "hammered").await;
        let db = Arc::new(t.db);
        let clock = Arc::new(ManualClock::new(now()));
        let burst = |ids: Vec<(String, String)>| {
            let tasks: Vec<_> = ids
                .into_iter()
                .map(|(id, addr)| {
                    let (db, clock) = (db.clone(), clock.clone());
                    tokio::spawn(async move {
                        forgot::request_reset(&db, clock.as_ref(), &site(), &id, &addr)
                            .await
                            .map_err(|e| e.specific_code())
                    })
                })
                .collect();
            async move {
                let mut ok = 0;
                for task in tasks {
                    match task.await.unwrap() {
                        Ok(()) => ok += 1,
                        Err(code) => assert_eq!(code, "rate_limited"),
                    }
                }
                ok
            }
        };
        for id in ["hammered0000", "no.such.person"] {
            let same_id = (0..40).map(|i| (id.to_owned(), format!("198.51.100.{i}"))).collect();
            assert_eq!(burst(same_id).await, forgot::PER_USER, "{}: {id}", db.backend());
            assert_eq!(
                resets::count(&db, id, now() - Duration::hours(1)).await.unwrap(),
                forgot::PER_USER
            );
        }
        assert_eq!(mail(&db, clock.as_ref()).await.len(), 3, "three links, no more");
        let one_address = (0..40)
            .map(|i| (format!("someone.{i}"), "203.0.113.9".to_owned()))
            .collect();
        assert_eq!(burst(one_address).await, forgot::PER_ADDRESS);
        // An hour later the ID may ask again.
        clock.advance(Duration::minutes(61));
        forgot::request_reset(&db, clock.as_ref(), &site(), "hammered0000", "198.51.100.1")
            .await
            .unwrap();
    }
}

// rule AC-8 (decided): an account its owner locked gets no link, only where to go.
#[tokio::test]
async fn password_reset_for_a_locked_account_sends_no_link() {
    for t in testing::both("ac8_forgot_locked").await {
        let user = seekers(&t.db, 1, "locked").await[0];
        let clock = ManualClock::new(now());
        lock::lock_own(&t.db, &clock, user).await.unwrap();
        forgot::request_reset(&t.db, &clock, &site(), "locked0000", "192.0.2.3")
            .await
            .unwrap();
        let sent = mail(&t.db, &clock).await;
        assert_eq!(sent.len(), 1, "{}", t.db.backend());
        assert_eq!(sent[0].1, "【Madoguchi】アカウントはロックされています");
        assert!(!sent[0].2.contains("token="), "{}", sent[0].2);
    }
}
