//! The closures page (rule TM-3, issue 12): the preview changes nothing; confirming closes,
//! cancels and tells each person, once; a refused form keeps what was typed; lifting asks
//! first; counsellors are refused; every post needs the CSRF token. Both backends.

use axum::http::StatusCode;
use chrono::{TimeZone, Utc};
use madoguchi_domain::clock::jst;
use madoguchi_domain::staff::Role;
use serde_json::json;

use super::staff::{audit_actions, code, enc, staff, staff_sign_in};
use super::support::{World, active_account, csrf_of, form_post, get_with, post_json, put_json, send, worlds};

const DAY: &str = "2027-01-04";

/// "yamada.cl" booked at 28011 on 2027-01-04 10:00 JST, and the seeker's session.
async fn booked(w: &World) -> (i64, String) {
    madoguchi_app::demo::seed_if_empty(&w.db, w.clock.as_ref())
        .await
        .unwrap();
    let start = jst()
        .with_ymd_and_hms(2027, 1, 4, 10, 0, 0)
        .unwrap()
        .with_timezone(&Utc);
    let slot = madoguchi_app::consultations::booking::publish_slot(&w.db, "28011", start, "zoom", 1)
        .await
        .unwrap();
    let seeker = active_account(w, "yamada.cl").await;
    let number = json!({"number": "28011-01234567", "expires": "2027-12-31"});
    send(&w.app, put_json("/api/v1/me/job-seeker", &number, &seeker)).await;
    madoguchi_app::eligibility::confirm_job_seeker(&w.db, w.clock.as_ref(), "yamada.cl")
        .await
        .unwrap();
    let body = json!({"slot_id": slot, "verify_name": "山田 花子", "verify_number": "28011-01234567",
        "topic": "転職"});
    let r = send(&w.app, post_json("/api/v1/reservations", &body, Some(&seeker))).await;
    assert_eq!(r.status, StatusCode::CREATED, "{}", r.body);
    (r.json()["id"].as_i64().unwrap(), seeker)
}

async fn state_of(w: &World, id: i64) -> String {
    madoguchi_store::consultations::reservations::reservation(&w.db, id)
        .await
        .unwrap()
        .unwrap()
        .state
}

async fn closures_of(w: &World) -> usize {
    let rows: Vec<(String,)> = madoguchi_store::read!(&w.db, |c| sqlx::query_as(
        "SELECT reason FROM office_closures WHERE office_code = '28011' AND day = '2027-01-04'"
    )
    .fetch_all(c)
    .await
    .unwrap());
    rows.len()
}

async fn closure_notices(w: &World, seeker: &str) -> usize {
    let inbox = send(&w.app, get_with("/api/v1/me/messages", Some(seeker))).await.json();
    let list = inbox.as_array().unwrap();
    list.iter()
        .filter(|m| m["subject"].as_str().unwrap().contains("休所"))
        .inspect(|m| {
            let body = m["body"].as_str().unwrap();
            assert!(
                body.contains("台風接近のため") && body.contains("078-231-8609"),
                "{body}"
            );
            assert!(body.contains("http://madoguchi.test/offices/28011/book"), "{body}");
        })
        .count()
}

// rule TM-3: an office admin walks from the console to the closures page; a refused form
// keeps every typed value with its problem at its field; the preview lists the consultation
// (time, name) and changes nothing; confirming cancels it and tells the person by inbox and
// mail; confirming again (a second tab) is refused and tells nobody twice; lifting asks first.
#[tokio::test]
async fn preview_confirm_and_lift() {
    for w in worlds("web_closures").await {
        let (id, seeker) = booked(&w).await;
        let (pw, key) = staff(&w, Role::OfficeAdmin, Some("28011"), "kobe.cl").await;
        let admin = staff_sign_in(&w, "kobe.cl", &pw, &code(&w, &key)).await.unwrap();
        let home = send(&w.app, get_with("/staff", Some(&admin))).await;
        assert!(
            home.body.contains(r#"href="/staff/closures""#),
            "linked from the console"
        );
        let list = send(&w.app, get_with("/staff/closures", Some(&admin))).await;
        assert_eq!(list.status, StatusCode::OK, "{}", w.backend);
        assert!(
            list.body.contains("庁舎設備点検のため閉庁"),
            "the demo's closure is listed"
        );
        let csrf = csrf_of(&list.body);
        let post = |path: &str, body: String| form_post(path, &admin, &body);

        // CSRF: without the token nothing is previewed or closed.
        let form = format!("office=28011&day={DAY}&extent=day&reason={}", enc("台風接近のため"));
        let forged = send(&w.app, post("/staff/closures/confirm", form.clone())).await;
        assert_eq!(forged.status, StatusCode::FORBIDDEN, "{}", w.backend);
        let forged = send(&w.app, post("/staff/closures/preview", form.clone())).await;
        assert_eq!(forged.status, StatusCode::FORBIDDEN);
        assert_eq!(closures_of(&w).await, 0);

        // Every problem at its field, every value as typed.
        let bad = format!(
            "_csrf={csrf}&office=28011&day=2026-12-01&extent=hours&from=12%3A00&until=10%3A00&reason={}",
            enc("①台風")
        );
        let refused = send(&w.app, post("/staff/closures/preview", bad)).await;
        assert_eq!(refused.status, StatusCode::UNPROCESSABLE_ENTITY, "{}", refused.body);
        for typed in [
            r#"value="2026-12-01""#,
            r#"value="12:00""#,
            r#"value="10:00""#,
            r#"value="①台風""#,
        ] {
            assert!(refused.body.contains(typed), "{typed}: {}", refused.body);
        }
        assert!(
            refused.body.contains(r#"id="day-error-1""#),
            "the past date at the date"
        );
        assert!(refused.body.contains("今日以降の日付"));
        assert!(refused.body.contains(r#"id="until-error-1""#), "until before from");
        assert!(refused.body.contains(r#"id="reason-error-1""#), "N10 at the reason");
        assert!(refused.body.contains("U+2460"));
        assert!(refused.body.contains(r#"value="hours" checked"#), "the choice kept");

        // The preview lists what it touches and changes nothing.
        let preview = send(&w.app, post("/staff/closures/preview", format!("_csrf={csrf}&{form}"))).await;
        assert_eq!(preview.status, StatusCode::OK, "{}", preview.body);
        assert!(
            preview.body.contains("山田 花子") && preview.body.contains("10:00"),
            "{}",
            preview.body
        );
        assert!(preview.body.contains("1 人にお知らせする"));
        assert_eq!(state_of(&w, id).await, "confirmed");
        assert_eq!(closures_of(&w).await, 0);
        assert_eq!(closure_notices(&w, &seeker).await, 0);
        // Back to the form, as typed.
        let back = send(
            &w.app,
            post("/staff/closures/confirm", format!("_csrf={csrf}&step=change&{form}")),
        )
        .await;
        assert!(back.body.contains(r#"value="台風接近のため""#), "{}", back.body);
        assert_eq!(closures_of(&w).await, 0);

        // Confirming closes, cancels and tells; a second confirmation is refused.
        let confirm = format!("_csrf={csrf}&step=confirm&{form}");
        let done = send(&w.app, post("/staff/closures/confirm", confirm.clone())).await;
        assert_eq!(done.status, StatusCode::OK, "{}", done.body);
        assert!(done.body.contains("1 人にお知らせしました"), "{}", done.body);
        assert!(done.body.contains("登録：職員 一郎"), "who added it");
        assert_eq!(state_of(&w, id).await, "cancelled_by_office", "{}", w.backend);
        assert_eq!(closure_notices(&w, &seeker).await, 1);
        let again = send(&w.app, post("/staff/closures/confirm", confirm)).await;
        assert_eq!(again.status, StatusCode::CONFLICT, "{}", again.body);
        assert!(again.body.contains("すでに休所が登録されています"));
        assert_eq!(closure_notices(&w, &seeker).await, 1, "told once");
        let my_page = send(&w.app, get_with("/me", Some(&seeker))).await;
        assert!(my_page.body.contains("台風接近のため"), "the inbox on My Page");

        // Lifting: a confirmation page, then the closure is gone; the booking stays cancelled.
        let lift = format!("/staff/closures/28011/{DAY}/lift");
        assert!(again.body.contains(&lift));
        let ask = send(&w.app, get_with(&lift, Some(&admin))).await;
        assert!(ask.body.contains("元に戻りません"), "{}", ask.body);
        assert_eq!(closures_of(&w).await, 1, "asking changes nothing");
        let forged = send(&w.app, post(&lift, String::new())).await;
        assert_eq!(forged.status, StatusCode::FORBIDDEN);
        let lifted = send(&w.app, post(&lift, format!("_csrf={}", csrf_of(&ask.body)))).await;
        assert!(lifted.body.contains("休所を解除しました"), "{}", lifted.body);
        assert_eq!(closures_of(&w).await, 0);
        assert_eq!(state_of(&w, id).await, "cancelled_by_office");
        let actions: Vec<String> = audit_actions(&w).await.into_iter().map(|a| a.0).collect();
        for a in ["view_closure_preview", "close_office", "reopen_office"] {
            assert!(actions.iter().any(|x| x == a), "{a}: {actions:?}");
        }

        // Part of a day: the office page shows the day open, with the closed hours.
        let part = format!(
            "_csrf={csrf}&step=confirm&office=28011&day={DAY}&extent=hours&from=13%3A00&until=15%3A00&reason={}",
            enc("停電")
        );
        let done = send(&w.app, post("/staff/closures/confirm", part)).await;
        assert!(done.body.contains("13:00～15:00"), "{}", done.body);
        let office = send(&w.app, get_with("/offices/28011?from=2027-01-04", None)).await;
        let row = &office.body[office.body.find(r#"datetime="2027-01-04""#).unwrap()..];
        let row = &row[..row.find("</tr>").unwrap()];
        assert!(
            row.contains("開庁") && row.contains("13:00～15:00は休所（停電）"),
            "{row}"
        );
    }
}

// rule TM-3 with the roles of §1: counsellors may not see the page nor post to it; a national
// admin chooses the office first; the page reads in English too.
#[tokio::test]
async fn closures_are_for_admins() {
    for w in worlds("web_closures_roles").await {
        madoguchi_app::demo::seed_if_empty(&w.db, w.clock.as_ref())
            .await
            .unwrap();
        let (pw, key) = staff(&w, Role::Counsellor, Some("28011"), "kobe.cc").await;
        let counsellor = staff_sign_in(&w, "kobe.cc", &pw, &code(&w, &key)).await.unwrap();
        let page = send(&w.app, get_with("/staff/closures", Some(&counsellor))).await;
        assert_eq!(page.status, StatusCode::FORBIDDEN, "{}", w.backend);
        assert!(page.body.contains("そのハローワークの管理者だけが"), "{}", page.body);
        let home = send(&w.app, get_with("/staff", Some(&counsellor))).await;
        let csrf = csrf_of(&home.body);
        let body = format!("_csrf={csrf}&step=confirm&office=28011&day={DAY}&extent=day&reason=x");
        let post = send(&w.app, form_post("/staff/closures/confirm", &counsellor, &body)).await;
        assert_eq!(post.status, StatusCode::FORBIDDEN);
        let lift = send(
            &w.app,
            get_with("/staff/closures/28011/2027-01-04/lift", Some(&counsellor)),
        )
        .await;
        assert_eq!(lift.status, StatusCode::FORBIDDEN);

        w.clock.advance(chrono::Duration::seconds(30));
        let (pw, key) = staff(&w, Role::NationalAdmin, None, "mhlw.cl").await;
        let national = staff_sign_in(&w, "mhlw.cl", &pw, &code(&w, &key)).await.unwrap();
        let pick = send(&w.app, get_with("/staff/closures?lang=en", Some(&national))).await;
        assert_eq!(pick.status, StatusCode::OK);
        assert!(pick.body.contains("Choose an office"), "{}", pick.body);
        assert!(
            !pick.body.contains(r#"action="/staff/closures/preview""#),
            "no form yet"
        );
        let chosen = send(
            &w.app,
            get_with("/staff/closures?office=28011&lang=en", Some(&national)),
        )
        .await;
        assert!(chosen.body.contains("Coming closures"), "{}", chosen.body);
        assert!(chosen.body.contains(r#"name="office" value="28011""#));
        assert!(chosen.body.contains("Added by the operator"));
    }
}
