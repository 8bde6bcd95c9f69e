//! Issue 12, item 3: the job seeker's forms refused for one field come back with every other
//! value as typed (never a password) and a problem that names the field (AC-4). Both backends.

use axum::http::StatusCode;
use chrono::{TimeZone, Utc};
use madoguchi_domain::clock::{Clock, jst};

use super::booking::eligible;
use super::form_html::{assert_kept, body, errors_of, summary, value_of};
use super::support::{active_account, csrf_of, form_post, get_with, send, session_cookie, worlds};

// Issue 12, AC-1, AC-4, AC-5, AC-7, AC-9: registration, sign-in, password change, deletion.
#[tokio::test]
async fn account_forms_keep_what_was_typed() {
    for w in worlds("forms_accounts").await {
        let form = send(&w.app, get_with("/register", None)).await;
        let anon = session_cookie(&form).unwrap();
        let csrf = csrf_of(&form.body);
        let typed = [
            ("user_id", "takahashi.kobe"),
            ("password", "Kobe-Sannomiya#2026"),
            ("name", "髙橋 花子"),
            ("name_kana", "タカハシ ハナコ"),
            ("address", "兵庫県神戸市中央区雲井通５－３－１"),
            ("email", "hanako@example.jp"),
            ("phone", "078-231-8609"),
            ("accept_terms", "on"),
        ];
        let r = send(&w.app, form_post("/register", &anon, &body(&csrf, &typed))).await;
        assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY, "{}: {}", w.backend, r.body);
        assert_kept(
            &r.body,
            &[typed[0], typed[2], typed[3], typed[4], typed[5], typed[6], typed[7]],
        );
        assert_eq!(value_of(&r.body, "password"), "", "a password is never drawn again");
        assert!(
            errors_of(&r.body, "name")[0].starts_with("1文字目の「髙」"),
            "{}",
            r.body
        );
        assert!(summary(&r.body).contains("氏名: 1文字目の「髙」"), "{}", r.body);

        // AC-5: a refused sign-in keeps the user ID, never the password.
        let cookie = active_account(&w, "forms.account").await;
        let signin = send(&w.app, get_with("/sign-in", None)).await;
        let (anon, csrf) = (session_cookie(&signin).unwrap(), csrf_of(&signin.body));
        let wrong = [("user_id", "forms.account"), ("password", "Wrong-Password#1")];
        let r = send(&w.app, form_post("/sign-in", &anon, &body(&csrf, &wrong))).await;
        assert_eq!(r.status, StatusCode::UNAUTHORIZED);
        assert_kept(&r.body, &[("user_id", "forms.account"), ("password", "")]);

        // AC-7: the wrong current password, then a weak new one, each named at its field.
        let page = send(&w.app, get_with("/me/password", Some(&cookie))).await;
        let csrf = csrf_of(&page.body);
        let change = |current: &str, new: &str| body(&csrf, &[("current_password", current), ("new_password", new)]);
        let wrong_current = change("Wrong-Password#1", "Nada-Branch=2027");
        let r = send(&w.app, form_post("/me/password", &cookie, &wrong_current)).await;
        assert_eq!(r.status, StatusCode::UNAUTHORIZED, "{}", r.body);
        assert_eq!(errors_of(&r.body, "current_password").len(), 1);
        assert!(summary(&r.body).contains("現在のパスワード: "), "{}", r.body);
        let weak = change("Kobe-Sannomiya#2026", "short");
        let r = send(&w.app, form_post("/me/password?lang=en", &cookie, &weak)).await;
        assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY, "{}", r.body);
        assert_eq!(errors_of(&r.body, "new_password"), ["Use at least 12 characters."]);
        assert_kept(&r.body, &[("current_password", ""), ("new_password", "")]);

        // AC-9: deletion with the wrong password names the field.
        let r = send(
            &w.app,
            form_post("/me/delete", &cookie, &body(&csrf, &[("current_password", "nope")])),
        )
        .await;
        assert_eq!(r.status, StatusCode::UNAUTHORIZED);
        assert!(summary(&r.body).contains("現在のパスワード: "), "{}", r.body);
    }
}

// Issue 12, AC-11, AC-12, BK-6: eligibility, and the booking form with its refusals.
#[tokio::test]
async fn eligibility_and_booking_keep_what_was_typed() {
    for w in worlds("forms_booking").await {
        madoguchi_app::demo::seed_if_empty(&w.db, w.clock.as_ref())
            .await
            .unwrap();
        let cookie = active_account(&w, "forms.newcomer").await;
        let page = send(&w.app, get_with("/me/eligibility", Some(&cookie))).await;
        let csrf = csrf_of(&page.body);
        let number = [("job_seeker_number", "28011-12"), ("job_seeker_expires", "2027-12-31")];
        let r = send(&w.app, form_post("/me/job-seeker", &cookie, &body(&csrf, &number))).await;
        assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY, "{}: {}", w.backend, r.body);
        assert_kept(&r.body, &number);
        assert!(summary(&r.body).contains("求職番号: "), "{}", r.body);
        let residence = [
            ("nationality", "other"),
            ("residence_status", ""),
            ("stay_until", "2027-06-30"),
        ];
        let r = send(&w.app, form_post("/me/residence", &cookie, &body(&csrf, &residence))).await;
        assert_kept(&r.body, &residence);
        assert_eq!(errors_of(&r.body, "residence_status"), ["この項目を入力してください。"]);
        assert_eq!(
            value_of(&r.body, "job_seeker_number"),
            "",
            "the other form is as recorded"
        );

        let start = jst()
            .with_ymd_and_hms(2027, 1, 4, 10, 0, 0)
            .unwrap()
            .with_timezone(&Utc);
        let slot = madoguchi_app::consultations::booking::publish_slot(&w.db, "28011", start, "zoom", 1)
            .await
            .unwrap();
        assert!(w.clock.now() < start);
        let path = format!("/book/{slot}");
        let mut typed = [
            ("verify_name", "山田 太郎"),
            ("verify_number", "28011-01234567"),
            ("topic", "事務職への転職①について"),
            ("companion", "手話通訳者"),
        ];
        // Not eligible yet (AC-11): everything typed stays and the missing step is named.
        let typed_clean = [typed[0], typed[1], ("topic", "事務職への転職について"), typed[3]];
        let r = send(&w.app, form_post(&path, &cookie, &body(&csrf, &typed_clean))).await;
        assert_eq!(r.status, StatusCode::FORBIDDEN, "{}", r.body);
        assert_kept(&r.body, &typed_clean);
        assert!(
            summary(&r.body).contains("求職番号が登録されていません。"),
            "{}",
            r.body
        );

        let seeker = eligible(&w, "forms.booker").await;
        let csrf = csrf_of(&send(&w.app, get_with(&path, Some(&seeker))).await.body);
        let r = send(&w.app, form_post(&path, &seeker, &body(&csrf, &typed))).await;
        assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY, "{}", r.body);
        assert_kept(&r.body, &typed);
        assert_eq!(
            errors_of(&r.body, "topic"),
            ["8文字目の「①」（U+2460）は使用できません。「1」に置き換えてください。"]
        );
        assert!(summary(&r.body).contains("ご相談の内容: 8文字目"), "{}", r.body);
        typed[2] = ("topic", "事務職への転職1について");
        let r = send(&w.app, form_post(&path, &seeker, &body(&csrf, &typed))).await;
        assert_eq!(r.status, StatusCode::CREATED, "{}", r.body);

        // BK-14: the checklist with one box left keeps the four ticked and names the fifth.
        let mine = send(&w.app, get_with("/api/v1/reservations", Some(&seeker)))
            .await
            .json();
        let id = mine[0]["id"].as_i64().unwrap();
        let ticked = [
            ("private_room", "yes"),
            ("os_updated", "yes"),
            ("firewall_on", "yes"),
            ("antivirus_updated", "yes"),
        ];
        let path = format!("/me/reservations/{id}/checklist");
        let r = send(&w.app, form_post(&path, &seeker, &body(&csrf, &ticked))).await;
        assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY, "{}", r.body);
        for (name, _) in ticked {
            assert_eq!(value_of(&r.body, &format!("check-{name}")), "on", "{name} stays ticked");
        }
        assert_eq!(value_of(&r.body, "check-no_file_sharing"), "");
        assert_eq!(errors_of(&r.body, "check-no_file_sharing").len(), 1, "{}", r.body);
        assert!(
            summary(&r.body).contains("ファイル共有ソフトを使用していません: "),
            "{}",
            r.body
        );
    }
}

// Issue 12, AC-13: a refused acceptance (the version is no longer the one in force) is said
// in words on the terms page, which still leads on to `next`.
#[tokio::test]
async fn a_refused_acceptance_is_said_in_words() {
    for w in worlds("forms_terms").await {
        let cookie = active_account(&w, "forms.terms").await;
        madoguchi_app::notices::terms::publish(
            &w.db,
            w.clock.as_ref(),
            madoguchi_app::notices::Publisher::Operator,
            "consultation",
            "2",
            "本文",
            w.clock.now(),
        )
        .await
        .unwrap();
        let page = send(&w.app, get_with("/terms/consultation?next=%2Fbook%2F5", Some(&cookie))).await;
        let csrf = csrf_of(&page.body);
        let old = [("version", "1"), ("next", "/book/5")];
        let r = send(
            &w.app,
            form_post("/terms/consultation/accept", &cookie, &body(&csrf, &old)),
        )
        .await;
        assert_eq!(r.status, StatusCode::CONFLICT, "{}: {}", w.backend, r.body);
        assert!(
            summary(&r.body).contains("この版の利用規約は現在適用されていません"),
            "{}",
            r.body
        );
        assert!(r.body.contains(r#"name="next" value="/book/5""#), "{}", r.body);
        assert!(
            r.body.contains(r#"name="version" value="2""#),
            "the version in force to accept"
        );
    }
}
