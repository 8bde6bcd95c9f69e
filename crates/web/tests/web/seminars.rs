//! Seminars through the API (rules SE-1…SE-4): the list and its filters, 201 registered,
//! 202 waitlisted, `seminar_full`, cancellation promoting the first waiting, privacy and
//! malformed input. Both backends.

use axum::http::StatusCode;
use chrono::{TimeZone, Utc};
use madoguchi_app::seminars::organise::SeminarInput;
use madoguchi_app::shared::StaffMember;
use madoguchi_domain::clock::jst;
use madoguchi_domain::staff::Role;
use serde_json::json;

use super::booking::eligible;
use super::staff::{code, staff, staff_sign_in};
use super::support::{World, csrf_of, form_post, get_with, post_json, send, worlds};

pub(crate) async fn seminar(w: &World, title: &str, day: u32, capacity: i32, waitlist_limit: i32) -> i64 {
    madoguchi_app::demo::seed_if_empty(&w.db, w.clock.as_ref())
        .await
        .unwrap();
    let key = format!("kobe.sem{day}");
    madoguchi_app::console::staff::create(
        &w.db,
        w.clock.as_ref(),
        &madoguchi_app::accounts::limits::Limits::for_tests(),
        None,
        Role::OfficeAdmin,
        Some("28011"),
        &key,
        "管理者",
    )
    .await
    .unwrap();
    let m = madoguchi_store::accounts::staff::by_key(&w.db, &key)
        .await
        .unwrap()
        .unwrap();
    let admin = StaffMember {
        id: m.id,
        name: "管理者".into(),
        role: Role::OfficeAdmin,
        office: Some("28011".into()),
    };
    let input = SeminarInput {
        kind: "company_tour".into(),
        title: title.into(),
        description: "オンラインで職場を見学します。".into(),
        starts_at: jst()
            .with_ymd_and_hms(2027, 1, day, 13, 30, 0)
            .unwrap()
            .with_timezone(&Utc),
        minutes: 60,
        app: "teleoffice".into(),
        recorded_with_consent: true,
        capacity,
        waitlist_limit,
    };
    madoguchi_app::seminars::organise::create(&w.db, w.clock.as_ref(), &admin, "28011", &input)
        .await
        .unwrap()
}

// rules SE-1, SE-2, SE-3, SE-4 through the public API.
#[tokio::test]
async fn register_wait_cancel_and_promote() {
    for w in worlds("api_seminars").await {
        let id = seminar(&w, "介護施設のオンライン見学会", 5, 1, 1).await;
        seminar(&w, "製造業の職場見学", 7, 5, 0).await;
        let all = send(&w.app, get_with("/api/v1/seminars?from=2027-01-01", None)).await;
        assert_eq!(all.status, StatusCode::OK, "{}", w.backend);
        assert_eq!(all.json().as_array().unwrap().len(), 2);
        let found = send(
            &w.app,
            get_with("/api/v1/seminars?q=%E4%BB%8B%E8%AD%B7&office=28011", None),
        )
        .await
        .json();
        assert_eq!(found.as_array().unwrap().len(), 1, "keyword 介護");
        assert_eq!(found[0]["start"], "2027-01-05T13:30:00+09:00");
        assert_eq!(found[0]["registration_closes"], "2027-01-05T00:00:00+09:00");
        let none = send(
            &w.app,
            get_with("/api/v1/seminars?to=2027-01-06&from=2027-01-06&office=99999", None),
        )
        .await
        .json();
        assert_eq!(none, json!([]));

        let a = eligible(&w, "seminar.ayako").await;
        let b = eligible(&w, "seminar.bunta").await;
        let c = eligible(&w, "seminar.chika").await;
        let path = format!("/api/v1/seminars/{id}/registrations");
        let first = send(&w.app, post_json(&path, &json!({}), Some(&a))).await;
        assert_eq!(first.status, StatusCode::CREATED, "{}", first.body);
        let second = send(&w.app, post_json(&path, &json!({}), Some(&b))).await;
        assert_eq!(second.status, StatusCode::ACCEPTED, "{}", second.body);
        assert_eq!(second.json()["state"], "waitlisted");
        let third = send(&w.app, post_json(&path, &json!({}), Some(&c))).await;
        assert_eq!(third.status, StatusCode::CONFLICT);
        assert_eq!(third.json()["code"], "seminar_full");
        let again = send(&w.app, post_json(&path, &json!({}), Some(&a))).await;
        assert_eq!(again.status, StatusCode::CONFLICT);
        let one = send(&w.app, get_with(&format!("/api/v1/seminars/{id}"), None))
            .await
            .json();
        assert_eq!(
            (one["remaining"].clone(), one["waitlist_length"].clone()),
            (json!(0), json!(1))
        );

        // Someone else's registration is not found; the owner's cancel promotes b.
        let reg = first.json()["id"].as_i64().unwrap();
        let cancel = format!("/api/v1/seminar-registrations/{reg}/cancel");
        assert_eq!(
            send(&w.app, post_json(&cancel, &json!({}), Some(&c))).await.status,
            StatusCode::NOT_FOUND
        );
        let done = send(&w.app, post_json(&cancel, &json!({}), Some(&a))).await;
        assert_eq!(done.json()["state"], "cancelled_by_user", "{}", done.body);
        let twice = send(&w.app, post_json(&cancel, &json!({}), Some(&a))).await;
        assert_eq!(twice.json()["code"], "already_cancelled");
        let mine = send(&w.app, get_with("/api/v1/seminar-registrations", Some(&b)))
            .await
            .json();
        assert_eq!(mine[0]["state"], "registered", "promoted from the waiting list");

        // Malformed input is a 4xx problem, never a 5xx.
        for bad in [
            "/api/v1/seminars/abc",
            "/api/v1/seminars/99999999",
            "/api/v1/seminars?from=2027-13-01",
        ] {
            let r = send(&w.app, get_with(bad, None)).await;
            assert!(r.status.is_client_error(), "{bad}: {}", r.status);
        }
        let r = send(
            &w.app,
            post_json("/api/v1/seminars/x/registrations", &json!({}), Some(&a)),
        )
        .await;
        assert_eq!(r.status, StatusCode::NOT_FOUND);
        let r = send(&w.app, post_json(&path, &json!({}), None)).await;
        assert_eq!(r.status, StatusCode::UNAUTHORIZED);
    }
}

// rules SE-1, SE-5, PV-4: an office admin creates a seminar through the page (a bad length is
// refused in words), sees the participant with the identity they registered with (audited),
// records attendance and removes another participant with a reason.
#[tokio::test]
async fn staff_pages_create_and_manage() {
    for w in worlds("staff_seminars").await {
        madoguchi_app::demo::seed_if_empty(&w.db, w.clock.as_ref())
            .await
            .unwrap();
        let (pw, key) = staff(&w, Role::OfficeAdmin, Some("28011"), "kobe.semadmin").await;
        let admin = staff_sign_in(&w, "kobe.semadmin", &pw, &code(&w, &key)).await.unwrap();
        let page = send(&w.app, get_with("/staff/seminars", Some(&admin))).await;
        assert_eq!(page.status, StatusCode::OK, "{}", w.backend);
        let csrf = csrf_of(&page.body);
        let form = |minutes: u32| {
            format!(
                "_csrf={csrf}&kind=seminar&title=%E9%9D%A2%E6%8E%A5%E5%AF%BE%E7%AD%96&description=&day=2027-01-07&starts=13%3A30&minutes={minutes}&app=zoom&capacity=2&waitlist_limit=0"
            )
        };
        let bad = send(&w.app, form_post("/staff/seminars", &admin, &form(5))).await;
        assert!(bad.body.contains("所要時間は15～480分"), "{}", bad.body);
        let ok = send(&w.app, form_post("/staff/seminars", &admin, &form(90))).await;
        assert!(ok.body.contains("面接対策"), "{}", ok.body);
        let listed = send(&w.app, get_with("/api/v1/seminars?q=%E9%9D%A2%E6%8E%A5", None))
            .await
            .json();
        let id = listed[0]["id"].as_i64().unwrap();

        let a = eligible(&w, "seminar.attend").await;
        let b = eligible(&w, "seminar.remove").await;
        let path = format!("/api/v1/seminars/{id}/registrations");
        let reg_a = send(&w.app, post_json(&path, &json!({}), Some(&a))).await.json()["id"]
            .as_i64()
            .unwrap();
        let reg_b = send(&w.app, post_json(&path, &json!({}), Some(&b))).await.json()["id"]
            .as_i64()
            .unwrap();
        let list = send(&w.app, get_with(&format!("/staff/seminars/{id}"), Some(&admin))).await;
        assert!(
            list.body.contains("28011-01234567"),
            "the job-seeker number they registered with"
        );
        let act = |reg: i64, action: &str, extra: &str| {
            form_post(
                &format!("/staff/seminar-registrations/{reg}/{action}"),
                &admin,
                &format!("_csrf={csrf}&seminar={id}{extra}"),
            )
        };
        // BK-9 for seminars: how to join appears on the participant's My Page only.
        let meeting = format!(
            "_csrf={csrf}&meeting_id=81234567890&passkey=kobe-2026&join_url=https%3A%2F%2Fexample.zoom.us%2Fj%2F81234567890"
        );
        let saved = send(
            &w.app,
            form_post(&format!("/staff/seminars/{id}/meeting"), &admin, &meeting),
        )
        .await;
        assert!(saved.body.contains("記録しました"), "{}", saved.body);
        let me = send(&w.app, get_with("/me", Some(&a))).await;
        assert!(
            me.body.contains("kobe-2026") && me.body.contains("面接対策"),
            "{}",
            me.body
        );
        let public = send(&w.app, get_with(&format!("/api/v1/seminars/{id}"), None)).await;
        assert!(!public.body.contains("kobe-2026"), "never in the public view");
        let attended = send(&w.app, act(reg_a, "attended", "")).await;
        assert!(attended.body.contains("参加済み"), "{}", attended.body);
        let no_reason = send(&w.app, act(reg_b, "remove", "&reason=")).await;
        assert!(
            no_reason.body.contains("この項目を入力してください"),
            "{}",
            no_reason.body
        );
        let removed = send(
            &w.app,
            act(reg_b, "remove", "&reason=%E8%BF%B7%E6%83%91%E8%A1%8C%E7%82%BA"),
        )
        .await;
        assert!(removed.body.contains("取消（ハローワーク）"), "{}", removed.body);
        let edit = format!(
            "_csrf={csrf}&title=%E9%9D%A2%E6%8E%A5%E5%AF%BE%E7%AD%96&description=&app=zoom&capacity=3&waitlist_limit=0"
        );
        let edited = send(&w.app, form_post(&format!("/staff/seminars/{id}/edit"), &admin, &edit)).await;
        assert!(edited.body.contains("変更しました"), "{}", edited.body);
        let views: Vec<(String,)> = madoguchi_store::read!(&w.db, |c| sqlx::query_as(
            "SELECT action FROM audit_log WHERE action = 'view_participants'"
        )
        .fetch_all(c)
        .await
        .unwrap());
        assert!(views.len() >= 2, "PV-4: each person shown is audited");
    }
}
