//! The console's rules on both backends: pending confirmations and the confirmation notice
//! (AC-11, C2-1), deletion by staff (N15 with AC-9, PV-6), look-ups across offices (PV-4)
//! with residence status and period of stay shown and audited (AC-12, N20-4).
use chrono::{Duration, NaiveDate};
use madoguchi_app::console::{confirmations, removal, staff};
use madoguchi_app::eligibility;
use madoguchi_app::mail::smtp_sink::SmtpSink;
use madoguchi_app::shared::Site;
use madoguchi_domain::clock::{FixedClock, ManualClock};
use madoguchi_domain::staff::Role;
use madoguchi_store::{Db, accounts::users, testing};

use crate::booking_under_load::{now, office};
use crate::day_override::member;
use crate::erasure::{jst_at, leftovers, live_a_little, person};
use crate::requests_flow::mails_to;

fn site() -> Site {
    Site {
        base_url: "http://madoguchi.test".into(),
    }
}

/// An active account `key` with `number` recorded (not confirmed), or none.
async fn account(db: &Db, key: &str, number: Option<&str>) -> i64 {
    let mut tx = db.begin().await.unwrap();
    let u = users::NewUser {
        user_id: key.into(),
        user_key: key.into(),
        password_hash: "not-used".into(),
        name: format!("{key} 様"),
        name_kana: "ヤマダ".into(),
        address: "神戸市".into(),
        email: format!("{key}@example.jp"),
        phone: "078-231-8609".into(),
        lang: "ja".into(),
    };
    let id = users::insert_provisional(&mut tx, &u, now()).await.unwrap();
    users::activate(&mut tx, id, now()).await.unwrap();
    if let Some(n) = number {
        madoguchi_store::eligibility::set_job_seeker(&mut tx, id, n, expiry())
            .await
            .unwrap();
    }
    tx.commit().await.unwrap();
    id
}

fn expiry() -> NaiveDate {
    NaiveDate::from_ymd_opt(2027, 3, 31).unwrap()
}

async fn actions_about(db: &Db, user: i64) -> Vec<(String, String)> {
    madoguchi_store::accounts::staff::audit_for_user(db, user)
        .await
        .unwrap()
        .into_iter()
        .map(|a| (a.action, a.detail))
        .collect()
}

// rules AC-11, C2-1, PV-4: the office's pending numbers (each person audited as viewed); a
// confirmation tells the person by mail and inbox; a later change of number or expiry puts
// the registration back to unconfirmed, the same values again do not.
#[tokio::test]
async fn pending_confirmations_and_the_expiry_fixed_once_confirmed() {
    for t in testing::both("ac11_pending").await {
        office(&t.db).await;
        let clock = FixedClock(now());
        let a = account(&t.db, "pend.a", Some("28011-00000001")).await;
        let b = account(&t.db, "pend.b", Some("28011-00000002")).await;
        let c = account(&t.db, "pend.c", Some("13010-00000003")).await;
        account(&t.db, "pend.d", None).await;
        let kobe = member(&t.db, Role::Counsellor, Some("28011"), "kobe.pend").await;
        let national = member(&t.db, Role::NationalAdmin, None, "national.pend").await;
        let ids =
            |rows: Vec<madoguchi_store::eligibility::Pending>| rows.iter().map(|r| r.user_ref).collect::<Vec<_>>();
        assert_eq!(
            ids(confirmations::pending(&t.db, &clock, &kobe).await.unwrap()),
            vec![a, b],
            "{}",
            t.db.backend()
        );
        assert_eq!(
            ids(confirmations::pending(&t.db, &clock, &national).await.unwrap()),
            vec![a, b, c]
        );
        assert!(
            actions_about(&t.db, a)
                .await
                .contains(&("view_pending_confirmations".into(), String::new()))
        );

        staff::act(&t.db, &clock, &site(), &kobe, "pend.a", staff::Action::Confirm, "")
            .await
            .unwrap();
        let inbox = madoguchi_store::mail::inbox::list(&t.db, a).await.unwrap();
        assert!(
            inbox[0].subject.contains("求職登録を確認しました"),
            "{:?}",
            inbox[0].subject
        );
        assert_eq!(mails_to(&t.db, "pend.a@example.jp").await.len(), 1);
        assert_eq!(
            ids(confirmations::pending(&t.db, &clock, &kobe).await.unwrap()),
            vec![b]
        );
        let blockers = || eligibility::booking_blockers(&t.db, &clock, a);
        assert_eq!(blockers().await.unwrap(), Vec::<&str>::new());

        // The expiry is fixed once confirmed: a new one needs confirming again.
        let later = Some(expiry() + Duration::days(365));
        eligibility::record_job_seeker(&t.db, &clock, a, "28011-00000001", later)
            .await
            .unwrap();
        assert_eq!(blockers().await.unwrap(), vec!["registration_unconfirmed"]);
        assert_eq!(
            ids(confirmations::pending(&t.db, &clock, &kobe).await.unwrap()),
            vec![a, b]
        );
        staff::act(&t.db, &clock, &site(), &kobe, "pend.a", staff::Action::Confirm, "")
            .await
            .unwrap();
        eligibility::record_job_seeker(&t.db, &clock, a, "28011-00000001", later)
            .await
            .unwrap();
        assert_eq!(blockers().await.unwrap(), Vec::<&str>::new(), "the same values keep it");
        eligibility::record_job_seeker(&t.db, &clock, a, "28011-00000009", later)
            .await
            .unwrap();
        assert_eq!(
            blockers().await.unwrap(),
            vec!["registration_unconfirmed"],
            "a new number"
        );
        // The operator's confirmation (CLI) tells the person too.
        confirmations::confirm_by_operator(&t.db, &clock, "pend.b")
            .await
            .unwrap();
        let inbox = madoguchi_store::mail::inbox::list(&t.db, b).await.unwrap();
        assert!(inbox[0].subject.contains("求職登録を確認しました"));
        assert_eq!(mails_to(&t.db, "pend.b@example.jp").await.len(), 1);
    }
}

// rules PV-4, AC-12, N20-4: a counsellor of another office looks a person up with a purpose
// and sees the residence status and period of stay (both audited); actions stay with the
// person's own office; a person with no number is seen by national admins only.
#[tokio::test]
async fn look_up_across_offices_with_residence() {
    for t in testing::both("pv4_across").await {
        office(&t.db).await;
        let clock = FixedClock(now());
        let foreign = account(&t.db, "across.f", Some("28011-00000011")).await;
        let stay = NaiveDate::from_ymd_opt(2027, 9, 30).unwrap();
        eligibility::record_residence(&t.db, &clock, foreign, "other", Some("student"), Some(stay))
            .await
            .unwrap();
        let japanese = account(&t.db, "across.j", Some("28011-00000012")).await;
        let nobody = account(&t.db, "across.n", None).await;
        let kobe = member(&t.db, Role::Counsellor, Some("28011"), "kobe.across").await;
        let tokyo = member(&t.db, Role::Counsellor, Some("13010"), "tokyo.across").await;
        let national = member(&t.db, Role::NationalAdmin, None, "national.across").await;

        let v = staff::look_up(&t.db, &clock, &tokyo, "across.f", "phone")
            .await
            .unwrap();
        assert_eq!(
            (
                v.nationality.as_str(),
                v.residence_status.as_deref(),
                v.stay_until,
                v.may_act
            ),
            ("other", Some("student"), Some(stay), false),
            "{}",
            t.db.backend()
        );
        let trail = actions_about(&t.db, foreign).await;
        assert!(trail.contains(&("view_job_seeker".into(), "phone".into())), "{trail:?}");
        assert!(trail.contains(&("view_residence".into(), "phone".into())), "{trail:?}");
        let lock = staff::act(&t.db, &clock, &site(), &tokyo, "across.f", staff::Action::Lock, "").await;
        assert_eq!(lock.unwrap_err().specific_code(), "not_found", "acting stays local");
        assert!(
            staff::look_up(&t.db, &clock, &kobe, "across.f", "counter")
                .await
                .unwrap()
                .may_act
        );

        staff::look_up(&t.db, &clock, &tokyo, "across.j", "counter")
            .await
            .unwrap();
        assert!(
            !actions_about(&t.db, japanese)
                .await
                .iter()
                .any(|(a, _)| a == "view_residence")
        );
        for m in [&tokyo, &kobe] {
            let e = staff::look_up(&t.db, &clock, m, "across.n", "counter")
                .await
                .unwrap_err();
            assert_eq!(e.specific_code(), "not_found", "no number, no office");
        }
        assert!(
            staff::look_up(&t.db, &clock, &national, "across.n", "counter")
                .await
                .is_ok()
        );
        assert!(
            actions_about(&t.db, nobody)
                .await
                .iter()
                .any(|(a, _)| a == "view_job_seeker")
        );
        let viewed = madoguchi_app::records::audit::who_viewed(&t.db, foreign).await.unwrap();
        assert!(
            viewed.iter().any(|v| v.action == "view_residence"),
            "the person sees it"
        );
    }
}

// rules N15, AC-9, PV-6, PV-4: office admins of the person's office and national admins
// delete a registration with a reason; it is the self-deletion's erasure (future seats given
// back); the person's last letter is the only trace until it is sent, then nothing is left;
// the reason stays in the audit.
#[tokio::test]
async fn staff_delete_a_registration() {
    for t in testing::both("n15_delete").await {
        office(&t.db).await;
        let clock = ManualClock::new(jst_at(12, 1, 10));
        member(&t.db, Role::Counsellor, Some("28011"), "kobe.erase").await;
        member(&t.db, Role::Counsellor, Some("13010"), "tokyo.erase").await;
        let kobe_admin = member(&t.db, Role::OfficeAdmin, Some("28011"), "kobe.admin").await;
        let tokyo_admin = member(&t.db, Role::OfficeAdmin, Some("13010"), "tokyo.admin").await;
        let counsellor = member(&t.db, Role::Counsellor, Some("28011"), "kobe.c").await;
        let national = member(&t.db, Role::NationalAdmin, None, "national.erase").await;
        let (a, b) = (person(&t.db, &clock, "0005").await, person(&t.db, &clock, "0006").await);
        live_a_little(&t.db, &clock, a, "0005").await;
        let reason = "利用規約第14条の禁止行為（相談員への暴言）が繰り返されたため";
        for (m, why, code) in [
            (&counsellor, reason, "not_allowed"),
            (&tokyo_admin, reason, "not_found"),
            (&kobe_admin, " ", "required"),
        ] {
            let e = removal::delete(&t.db, &clock, m, "erase0005", why).await.unwrap_err();
            assert_eq!(e.specific_code(), code, "{}", t.db.backend());
        }
        assert_eq!(
            removal::preview(&t.db, &clock, &kobe_admin, "erase0005")
                .await
                .unwrap()
                .user_ref,
            a
        );
        removal::delete(&t.db, &clock, &kobe_admin, "erase0005", reason)
            .await
            .unwrap();

        assert!(users::by_key(&t.db, "erase0005").await.unwrap().is_none(), "erased");
        let free = madoguchi_store::consultations::reservations::free_slots(
            &t.db,
            "28011",
            jst_at(12, 17, 0),
            jst_at(12, 18, 0),
        )
        .await
        .unwrap();
        assert_eq!(free.len(), 1, "the future seat is free again");
        let letters = mails_to(&t.db, "erase.0005@example.jp").await;
        assert_eq!(letters.len(), 1, "only the last letter is left");
        assert!(letters[0].1.contains(reason) && letters[0].0.contains("利用者登録を削除しました"));
        let traces = leftovers(&t.db, "0005").await;
        assert!(traces.iter().all(|l| l.starts_with("outbox: ")), "{traces:?}");
        let trail = actions_about(&t.db, a).await;
        assert!(
            trail.contains(&("delete_registration".into(), reason.into())),
            "{trail:?}"
        );

        // Sent, then gone: nothing personal is left anywhere.
        let sink = SmtpSink::start("127.0.0.1:0".parse().unwrap()).await.unwrap();
        madoguchi_app::mail::deliver_due(&t.db, &crate::smtp(sink.addr.port()), &clock, 50)
            .await
            .unwrap();
        assert!(
            sink.received()
                .iter()
                .any(|m| m.to == vec!["erase.0005@example.jp".to_owned()])
        );
        assert_eq!(leftovers(&t.db, "0005").await, Vec::<String>::new());

        // A national admin may delete a registration of any office.
        removal::delete(
            &t.db,
            &clock,
            &national,
            "erase0006",
            "本人からの電話での申出（本人確認済み）",
        )
        .await
        .unwrap();
        assert!(
            users::by_id(&t.db, b)
                .await
                .unwrap()
                .is_none_or(|u| u.state == "deleted")
        );
    }
}
