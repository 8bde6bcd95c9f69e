//! The office's changes to a seminar and what staff record about a place, through the router
//! (rules SE-6, S11-1, S6-3, BK-12, AC-4): pages that ask first and keep what was typed, CSRF,
//! office scoping, refusal codes, and the same through `/api/v1/staff`. Both backends.

use axum::body::Body;
use axum::http::{Request, StatusCode, header};
use chrono::Duration;
use madoguchi_domain::staff::Role;
use serde_json::json;

use super::booking::eligible;
use super::form_html::{assert_kept, body, errors_of, summary, value_of};
use super::seminars::seminar;
use super::staff::{code, staff, staff_sign_in};
use super::support::{World, csrf_of, form_post, get_with, post_json, send, worlds};

/// A signed-in staff member of `role`, and a CSRF token of their session.
async fn signed_in(w: &World, role: Role, office: Option<&str>, user_id: &str) -> (String, String) {
    let (pw, key) = staff(w, role, office, user_id).await;
    let cookie = staff_sign_in(w, user_id, &pw, &code(w, &key)).await.unwrap();
    let csrf = csrf_of(&send(&w.app, get_with("/staff", Some(&cookie))).await.body);
    (cookie, csrf)
}

async fn register(w: &World, seeker: &str, id: i64) -> i64 {
    let path = format!("/api/v1/seminars/{id}/registrations");
    let r = send(&w.app, post_json(&path, &json!({}), Some(seeker))).await;
    assert!(r.status.is_success(), "{}", r.body);
    r.json()["id"].as_i64().unwrap()
}

async fn subjects(w: &World, seeker: &str) -> Vec<String> {
    let m = send(&w.app, get_with("/api/v1/me/messages", Some(seeker))).await.json();
    m.as_array()
        .unwrap()
        .iter()
        .map(|m| m["subject"].as_str().unwrap().to_owned())
        .collect()
}

// rules SE-6, AC-4, AC-6: cancel and move ask first on a confirmation page; a refused form
// (a ① in the reason, a day that has passed) comes back with every typed value and the
// problem at its field; "go back" keeps what was typed; the confirmation does it and the
// person is told; a cancelled seminar says so on the public page and takes no registration.
// CSRF is checked; another office's staff do not see the seminar; a counsellor may not cancel.
#[tokio::test]
async fn cancel_and_move_ask_first_and_keep_what_was_typed() {
    for w in worlds("se6_pages").await {
        let id = seminar(&w, "面接対策セミナー", 7, 5, 5).await;
        let (admin, csrf) = signed_in(&w, Role::OfficeAdmin, Some("28011"), "kobe.se6pages").await;
        let seeker = eligible(&w, "se6.pages").await;
        register(&w, &seeker, id).await;
        let page = send(&w.app, get_with(&format!("/staff/seminars/{id}"), Some(&admin))).await;
        assert!(
            page.body.contains("このセミナーを中止する"),
            "{}: {}",
            w.backend,
            page.body
        );
        assert_eq!(value_of(&page.body, "move-day"), "2027-01-07");
        assert_eq!(value_of(&page.body, "move-starts"), "13:30");
        let post = |what: &str, pairs: &[(&str, &str)]| {
            form_post(&format!("/staff/seminars/{id}/{what}"), &admin, &body(&csrf, pairs))
        };

        // AC-6: without the session's token nothing happens.
        let forged = form_post(&format!("/staff/seminars/{id}/cancel"), &admin, "_csrf=forged&reason=x");
        assert_eq!(send(&w.app, forged).await.status, StatusCode::FORBIDDEN);

        // N10: the reason keeps what was typed and names the character.
        let bad = send(&w.app, post("cancel", &[("reason", "講師急病①のため")])).await;
        assert_eq!(bad.status, StatusCode::UNPROCESSABLE_ENTITY, "{}", bad.body);
        assert_eq!(value_of(&bad.body, "cancel-reason"), "講師急病①のため");
        assert_eq!(
            errors_of(&bad.body, "cancel-reason"),
            ["5文字目の「①」（U+2460）は使用できません。「1」に置き換えてください。"]
        );
        assert!(bad.body.contains("<details open><summary>このセミナーを中止する"));

        // A day that has passed: every other typed value stays, the day is named.
        let typed = [("day", "2026-11-02"), ("starts", "10:30"), ("reason", "会場の都合")];
        let past = send(&w.app, post("move", &typed)).await;
        assert_eq!(past.status, StatusCode::BAD_REQUEST, "{}", past.body);
        assert_kept(
            &past.body,
            &[
                ("move-day", "2026-11-02"),
                ("move-starts", "10:30"),
                ("move-reason", "会場の都合"),
            ],
        );
        assert_eq!(
            errors_of(&past.body, "move-day"),
            ["今日以降の日付を入力してください。"]
        );
        assert!(summary(&past.body).contains("新しい日付: "), "{}", summary(&past.body));

        // The first press shows what will happen; going back keeps it; confirming moves it.
        let typed = [("day", "2027-01-08"), ("starts", "10:00"), ("reason", "会場の都合")];
        let ask = send(&w.app, post("move", &typed)).await;
        assert_eq!(ask.status, StatusCode::OK, "{}", ask.body);
        assert!(ask.body.contains("このセミナーの日時を変更しますか"), "{}", ask.body);
        assert!(ask.body.contains("参加登録 1 人とキャンセル待ち 0 人"));
        let one = format!("/api/v1/seminars/{id}");
        assert_eq!(
            send(&w.app, get_with(&one, None)).await.json()["start"],
            "2027-01-07T13:30:00+09:00",
            "nothing changes before the confirmation"
        );
        let back = send(&w.app, post("move", &[typed.as_slice(), &[("back", "yes")]].concat())).await;
        assert_kept(
            &back.body,
            &[
                ("move-day", "2027-01-08"),
                ("move-starts", "10:00"),
                ("move-reason", "会場の都合"),
            ],
        );
        let done = send(
            &w.app,
            post("move", &[typed.as_slice(), &[("confirm", "yes")]].concat()),
        )
        .await;
        assert!(done.body.contains("日時を変更しました"), "{}", done.body);
        assert_eq!(
            send(&w.app, get_with(&one, None)).await.json()["start"],
            "2027-01-08T10:00:00+09:00"
        );
        assert!(subjects(&w, &seeker).await[0].contains("日時が変更"));

        // Scope: another office's admin sees nothing; a counsellor of the office may not cancel.
        let (tokyo, tokyo_csrf) = signed_in(&w, Role::OfficeAdmin, Some("13010"), "tokyo.se6pages").await;
        let seen = send(&w.app, get_with(&format!("/staff/seminars/{id}"), Some(&tokyo))).await;
        assert_eq!(seen.status, StatusCode::NOT_FOUND);
        let cancel = body(&tokyo_csrf, &[("reason", "中止"), ("confirm", "yes")]);
        let r = send(
            &w.app,
            form_post(&format!("/staff/seminars/{id}/cancel"), &tokyo, &cancel),
        )
        .await;
        assert_eq!(r.status, StatusCode::NOT_FOUND);
        let (counsellor, c_csrf) = signed_in(&w, Role::Counsellor, Some("28011"), "kobe.se6pages.c").await;
        let cancel = body(&c_csrf, &[("reason", "中止"), ("confirm", "yes")]);
        let r = send(
            &w.app,
            form_post(&format!("/staff/seminars/{id}/cancel"), &counsellor, &cancel),
        )
        .await;
        assert_eq!(r.status, StatusCode::FORBIDDEN, "{}", r.body);
        assert!(r.body.contains("この操作はそのハローワークの管理者だけが行えます"));

        // The cancellation itself, after its confirmation page.
        let ask = send(&w.app, post("cancel", &[("reason", "講師急病のため")])).await;
        assert!(ask.body.contains("このセミナーを中止しますか"), "{}", ask.body);
        let done = send(
            &w.app,
            post("cancel", &[("reason", "講師急病のため"), ("confirm", "yes")]),
        )
        .await;
        assert!(
            done.body.contains("中止しました。取り消した申込み：1 件"),
            "{}",
            done.body
        );
        assert!(subjects(&w, &seeker).await[0].contains("中止"));
        let public = send(&w.app, get_with(&format!("/seminars/{id}"), None)).await;
        assert!(
            public
                .body
                .contains("このセミナーは中止になりました。理由：講師急病のため"),
            "{}",
            public.body
        );
        assert!(
            !public.body.contains(&format!("/seminars/{id}/register")),
            "no registration form"
        );
        let late = eligible(&w, "se6.late").await;
        let r = send(
            &w.app,
            post_json(&format!("/api/v1/seminars/{id}/registrations"), &json!({}), Some(&late)),
        )
        .await;
        assert_eq!(
            (r.status, r.json()["code"].as_str()),
            (StatusCode::CONFLICT, Some("seminar_cancelled"))
        );
        let staff_list = send(&w.app, get_with("/staff/seminars", Some(&admin))).await;
        assert!(
            staff_list.body.contains("<span class=\"badge\">中止</span>"),
            "{}",
            staff_list.body
        );
    }
}

// rules SE-6, S6-3, BK-10, BK-11, BK-16, AC-4: a counsellor records a phone cancellation
// after its confirmation page (the waiting person moves up); after the start a no-show's
// correction is offered, and a refused one keeps the chosen outcome and the reason.
#[tokio::test]
async fn phone_cancellation_and_correction_pages() {
    for w in worlds("se6_place_pages").await {
        let id = seminar(&w, "企業見学会", 12, 1, 1).await;
        let (pw, key) = staff(&w, Role::Counsellor, Some("28011"), "kobe.se6place").await;
        let sign_in = || async { staff_sign_in(&w, "kobe.se6place", &pw, &code(&w, &key)).await.unwrap() };
        let counsellor = sign_in().await;
        let csrf = csrf_of(&send(&w.app, get_with("/staff", Some(&counsellor))).await.body);
        let (a, b) = (eligible(&w, "se6.place.a").await, eligible(&w, "se6.place.b").await);
        let (seat, wait) = (register(&w, &a, id).await, register(&w, &b, id).await);
        let page = send(&w.app, get_with(&format!("/staff/seminars/{id}"), Some(&counsellor))).await;
        assert!(
            page.body.contains(&format!("id=\"phone-reason-{seat}\"")),
            "{}",
            w.backend
        );
        assert!(
            !page.body.contains("このセミナーを中止する"),
            "only admins change the seminar"
        );
        let act = |who: &(String, String), reg: i64, what: &str, pairs: &[(&str, &str)]| {
            let mut all = vec![("seminar", id.to_string())];
            all.extend(pairs.iter().map(|(k, v)| (*k, (*v).to_owned())));
            let pairs: Vec<(&str, &str)> = all.iter().map(|(k, v)| (*k, v.as_str())).collect();
            form_post(
                &format!("/staff/seminar-registrations/{reg}/{what}"),
                &who.0,
                &body(&who.1, &pairs),
            )
        };
        let me = (counsellor.clone(), csrf.clone());
        let ask = send(&w.app, act(&me, seat, "phone-cancel", &[("reason", "本人から電話")])).await;
        assert!(ask.body.contains("電話での取消を記録しますか"), "{}", ask.body);
        assert!(ask.body.contains("山田 太郎"), "names the person");
        let done = send(
            &w.app,
            act(
                &me,
                seat,
                "phone-cancel",
                &[("reason", "本人から電話"), ("confirm", "yes")],
            ),
        )
        .await;
        assert!(done.body.contains("記録しました"), "{}", done.body);
        let mine = send(&w.app, get_with("/api/v1/seminar-registrations", Some(&b)))
            .await
            .json();
        assert_eq!(mine[0]["state"], "registered", "the waiting person moved up");
        assert!(subjects(&w, &a).await[0].contains("取り消しました"));

        // After the start (and the sweep), the correction of b's no-show.
        w.clock.advance(Duration::days(48) + Duration::hours(4));
        madoguchi_app::consultations::no_show::sweep(&w.db, w.clock.as_ref())
            .await
            .unwrap();
        // The session of 48 days ago has long ended (AC-6): sign in again.
        let counsellor = sign_in().await;
        let page = send(&w.app, get_with(&format!("/staff/seminars/{id}"), Some(&counsellor))).await;
        let me = (counsellor.clone(), csrf_of(&page.body));
        assert!(
            page.body.contains(&format!("id=\"correct-reason-{wait}\"")),
            "{}",
            page.body
        );
        assert!(
            !page.body.contains("id=\"phone-reason-"),
            "no phone cancellation after the start"
        );
        let typed = [("outcome", "excused"), ("reason", "急病①の連絡")];
        let bad = send(&w.app, act(&me, wait, "correct-no-show", &typed)).await;
        assert_eq!(bad.status, StatusCode::UNPROCESSABLE_ENTITY, "{}", bad.body);
        assert_kept(
            &bad.body,
            &[
                (format!("outcome-{wait}").as_str(), "excused"),
                (format!("correct-reason-{wait}").as_str(), "急病①の連絡"),
            ],
        );
        let typed = [
            ("outcome", "excused"),
            ("reason", "急病の連絡があった"),
            ("confirm", "yes"),
        ];
        let done = send(&w.app, act(&me, wait, "correct-no-show", &typed)).await;
        assert!(done.body.contains("取消（ご本人）"), "{}", done.body);
        // b's session ended with the 48 days too; the inbox as stored.
        let user = madoguchi_store::accounts::users::by_key(&w.db, "se6.place.b")
            .await
            .unwrap()
            .unwrap();
        let inbox = madoguchi_store::mail::inbox::list(&w.db, user.id).await.unwrap();
        assert!(inbox[0].subject.contains("訂正"), "{:?}", inbox[0]);
    }
}

// rules SE-6, S11-1, S6-3, BK-16 through `/api/v1/staff`: suspend (registrations refused with
// `seminar_suspended`), resume, move (a past start is `date_in_past`), a phone cancellation,
// cancel with its reason in `status_reason`; scope and the Origin guard as for every write.
#[tokio::test]
async fn staff_api_for_seminar_changes() {
    for w in worlds("se6_api").await {
        let id = seminar(&w, "応募書類セミナー", 13, 2, 0).await;
        let (admin, _) = signed_in(&w, Role::OfficeAdmin, Some("28011"), "kobe.se6api").await;
        let a = eligible(&w, "se6.api.a").await;
        let b = eligible(&w, "se6.api.b").await;
        let reg = register(&w, &a, id).await;
        let path = |what: &str| format!("/api/v1/staff/seminars/{id}/{what}");

        let r = send(
            &w.app,
            post_json(
                &path("suspend"),
                &json!({"reason": "台風警報", "tell": true}),
                Some(&admin),
            ),
        )
        .await;
        assert_eq!(r.status, StatusCode::OK, "{}: {}", w.backend, r.body);
        assert_eq!(
            (r.json()["status"].clone(), r.json()["status_reason"].clone()),
            (json!("suspended"), json!("台風警報"))
        );
        let join = format!("/api/v1/seminars/{id}/registrations");
        let r = send(&w.app, post_json(&join, &json!({}), Some(&b))).await;
        assert_eq!(
            (r.status, r.json()["code"].as_str()),
            (StatusCode::CONFLICT, Some("seminar_suspended"))
        );
        assert!(subjects(&w, &a).await[0].contains("一時停止"), "told, as asked");
        let r = send(&w.app, post_json(&path("resume"), &json!({}), Some(&admin))).await;
        assert_eq!(r.json()["status"], "open", "{}", r.body);

        let r = send(
            &w.app,
            post_json(
                &path("move"),
                &json!({"start": "2026-11-20T10:00:00+09:00"}),
                Some(&admin),
            ),
        )
        .await;
        assert_eq!(
            (r.status, r.json()["code"].as_str()),
            (StatusCode::BAD_REQUEST, Some("date_in_past"))
        );
        let r = send(
            &w.app,
            post_json(
                &path("move"),
                &json!({"start": "2027-01-14T10:00:00+09:00"}),
                Some(&admin),
            ),
        )
        .await;
        assert_eq!(r.json()["start"], "2027-01-14T10:00:00+09:00", "{}", r.body);

        let phone = format!("/api/v1/staff/seminar-registrations/{reg}/phone-cancel");
        let r = send(
            &w.app,
            post_json(&phone, &json!({"reason": "本人から電話"}), Some(&admin)),
        )
        .await;
        assert_eq!(r.status, StatusCode::NO_CONTENT, "{}", r.body);
        let r = send(&w.app, post_json(&phone, &json!({"reason": "二度目"}), Some(&admin))).await;
        assert_eq!(r.json()["code"], "invalid_state");
        let correct = format!("/api/v1/staff/seminar-registrations/{reg}/correct-no-show");
        let r = send(
            &w.app,
            post_json(&correct, &json!({"outcome": "later", "reason": "x"}), Some(&admin)),
        )
        .await;
        assert_eq!(r.json()["code"], "invalid_choice");

        // Scope: a counsellor may not cancel; another office does not see it.
        let (counsellor, _) = signed_in(&w, Role::Counsellor, Some("28011"), "kobe.se6api.c").await;
        let r = send(
            &w.app,
            post_json(&path("cancel"), &json!({"reason": "中止"}), Some(&counsellor)),
        )
        .await;
        assert_eq!(
            (r.status, r.json()["code"].as_str()),
            (StatusCode::FORBIDDEN, Some("not_office_admin"))
        );
        let (tokyo, _) = signed_in(&w, Role::OfficeAdmin, Some("13010"), "tokyo.se6api").await;
        let r = send(
            &w.app,
            post_json(&path("cancel"), &json!({"reason": "中止"}), Some(&tokyo)),
        )
        .await;
        assert_eq!(r.status, StatusCode::NOT_FOUND);
        // The API's CSRF guard: a foreign Origin is refused before anything happens.
        let foreign = Request::post(path("cancel"))
            .header(header::CONTENT_TYPE, "application/json")
            .header(header::COOKIE, &admin)
            .header(header::ORIGIN, "https://evil.example")
            .body(Body::from(r#"{"reason":"中止"}"#))
            .unwrap();
        let r = send(&w.app, foreign).await;
        assert_eq!(
            (r.status, r.json()["code"].as_str()),
            (StatusCode::FORBIDDEN, Some("csrf"))
        );
        let r = send(
            &w.app,
            post_json(&path("cancel"), &json!({"reason": "①"}), Some(&admin)),
        )
        .await;
        assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);

        let r = send(
            &w.app,
            post_json(&path("cancel"), &json!({"reason": "講師急病のため"}), Some(&admin)),
        )
        .await;
        assert_eq!(r.status, StatusCode::OK, "{}", r.body);
        assert_eq!(
            (r.json()["status"].clone(), r.json()["status_reason"].clone()),
            (json!("cancelled"), json!("講師急病のため"))
        );
        let r = send(
            &w.app,
            post_json(&path("cancel"), &json!({"reason": "再度"}), Some(&admin)),
        )
        .await;
        assert_eq!(r.json()["code"], "seminar_cancelled");
        let listed = send(&w.app, get_with("/api/v1/seminars?from=2027-01-14&to=2027-01-14", None))
            .await
            .json();
        assert_eq!(listed[0]["status"], "cancelled", "still listed, as cancelled");
    }
}
