//! Issue 12, item 3: every staff form refused for one field comes back with every other value
//! as typed and a problem that names the field (AC-4: the character, its position and a
//! suggestion). Both backends.

use axum::http::StatusCode;
use madoguchi_domain::staff::Role;
use serde_json::json;

use super::booking::eligible;
use super::form_html::{assert_kept, body, errors_of, summary, value_of};
use super::staff::{code, staff, staff_sign_in};
use super::support::{World, csrf_of, form_post, get_with, post_json, send, worlds};

/// A signed-in staff member of `role`, and a CSRF token of their session.
async fn signed_in(w: &World, role: Role, office: Option<&str>, user_id: &str) -> (String, String) {
    let (pw, key) = staff(w, role, office, user_id).await;
    let cookie = staff_sign_in(w, user_id, &pw, &code(w, &key)).await.unwrap();
    let csrf = csrf_of(&send(&w.app, get_with("/staff", Some(&cookie))).await.body);
    (cookie, csrf)
}

async fn seeded(name: &str) -> Vec<World> {
    let out = worlds(name).await;
    for w in &out {
        madoguchi_app::demo::seed_if_empty(&w.db, w.clock.as_ref())
            .await
            .unwrap();
    }
    out
}

// Issue 12, AC-4, CH-2, SE-1, SE-5, BK-9: the seminar forms. A half-width ｾﾐﾅｰ① refused
// keeps the day, the seats and the text; fixing the title alone creates what was meant.
#[tokio::test]
async fn seminar_forms_keep_what_was_typed() {
    for w in seeded("forms_seminars").await {
        let (admin, csrf) = signed_in(&w, Role::OfficeAdmin, Some("28011"), "kobe.forms").await;
        let mut typed = vec![
            ("kind", "company_tour"),
            ("title", "ｾﾐﾅｰ①"),
            ("description", "面接の練習をします。\r\n持ち物：筆記用具"),
            ("day", "2027-01-07"),
            ("starts", "14:00"),
            ("minutes", "60"),
            ("app", "teleoffice"),
            ("capacity", "7"),
            ("waitlist_limit", "3"),
            ("recorded", "on"),
        ];
        let r = send(&w.app, form_post("/staff/seminars", &admin, &body(&csrf, &typed))).await;
        assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY, "{}: {}", w.backend, r.body);
        assert_kept(&r.body, &typed);
        let problem = "5文字目の「①」（U+2460）は使用できません。「1」に置き換えてください。";
        assert_eq!(errors_of(&r.body, "title"), [problem]);
        assert!(summary(&r.body).contains(&format!("名称: {problem}")), "{}", r.body);
        assert!(
            !r.body.contains("text contains characters"),
            "no English on a Japanese page"
        );

        let en = send(
            &w.app,
            form_post("/staff/seminars?lang=en", &admin, &body(&csrf, &typed)),
        )
        .await;
        let problem = r#"Character 5, "①" (U+2460), cannot be used. Use "1" instead."#;
        assert_eq!(errors_of(&en.body, "title"), [problem]);
        assert!(summary(&en.body).contains(&format!("Title: {problem}")), "{}", en.body);
        assert_kept(&en.body, &typed);

        typed[1] = ("title", "ｾﾐﾅｰ1");
        let ok = send(&w.app, form_post("/staff/seminars", &admin, &body(&csrf, &typed))).await;
        assert_eq!(ok.status, StatusCode::OK, "{}", ok.body);
        assert_eq!(value_of(&ok.body, "title"), "", "a created seminar leaves a fresh form");
        let listed = send(
            &w.app,
            get_with("/api/v1/seminars?office=28011&from=2027-01-07&to=2027-01-07", None),
        )
        .await
        .json();
        let made = listed
            .as_array()
            .unwrap()
            .iter()
            .find(|s| s["title"] == "ｾﾐﾅｰ1")
            .unwrap_or_else(|| panic!("created: {listed}"))
            .clone();
        assert_eq!(
            (
                &made["kind"],
                &made["start"],
                &made["end"],
                &made["app"],
                &made["capacity"]
            ),
            (
                &json!("company_tour"),
                &json!("2027-01-07T14:00:00+09:00"),
                &json!("2027-01-07T15:00:00+09:00"),
                &json!("teleoffice"),
                &json!(7)
            )
        );
        assert_eq!(made["recorded_with_consent"], true);
        assert_eq!(made["description"], "面接の練習をします。\r\n持ち物：筆記用具");
        let id = made["id"].as_i64().unwrap();

        // The edit form: seats below one are refused; the rest stays as typed.
        let edit = [
            ("title", "ｾﾐﾅｰ1（午後）"),
            ("description", "変更後の説明"),
            ("app", "zoom"),
            ("capacity", "0"),
            ("waitlist_limit", "5"),
        ];
        let path = format!("/staff/seminars/{id}/edit");
        let r = send(&w.app, form_post(&path, &admin, &body(&csrf, &edit))).await;
        assert_eq!(r.status, StatusCode::BAD_REQUEST, "{}", r.body);
        let ids: Vec<(String, &str)> = edit.iter().map(|(k, v)| (format!("edit-{k}"), *v)).collect();
        let ids: Vec<(&str, &str)> = ids.iter().map(|(k, v)| (k.as_str(), *v)).collect();
        assert_kept(&r.body, &ids);
        assert_eq!(value_of(&r.body, "edit-recorded"), "", "an unticked box stays unticked");
        assert_eq!(
            errors_of(&r.body, "edit-capacity"),
            ["定員は1～500、キャンセル待ちは0～1000にしてください。"]
        );
        assert!(summary(&r.body).contains("定員: 定員は1～500"), "{}", r.body);
        assert!(r.body.contains("<details open>"), "the refused form is open");

        // BK-9: an http:// link keeps the meeting ID and passcode typed with it.
        let meeting = [
            ("meeting_id", "812 3456 7890"),
            ("passkey", "kobe-2027"),
            ("join_url", "http://example.zoom.us/j/81234567890"),
        ];
        let path = format!("/staff/seminars/{id}/meeting");
        let r = send(&w.app, form_post(&path, &admin, &body(&csrf, &meeting))).await;
        assert_eq!(r.status, StatusCode::BAD_REQUEST, "{}", r.body);
        assert_kept(&r.body, &meeting);
        assert_eq!(errors_of(&r.body, "join_url"), ["URLは https:// で始めてください。"]);
        assert!(summary(&r.body).contains("参加URL（https://）: URLは"), "{}", r.body);

        // SE-5: a removal's reason with a character N10 lacks is kept with the problem.
        let seeker = eligible(&w, "forms.participant").await;
        let reg = send(
            &w.app,
            post_json(
                &format!("/api/v1/seminars/{id}/registrations"),
                &json!({}),
                Some(&seeker),
            ),
        )
        .await
        .json()["id"]
            .as_i64()
            .unwrap();
        let id_text = id.to_string();
        let removal = [("seminar", id_text.as_str()), ("reason", "連絡なし㈱")];
        let path = format!("/staff/seminar-registrations/{reg}/remove");
        let r = send(&w.app, form_post(&path, &admin, &body(&csrf, &removal))).await;
        assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY, "{}", r.body);
        let reason_id = format!("reason-{reg}");
        assert_eq!(value_of(&r.body, &reason_id), "連絡なし㈱");
        assert_eq!(
            errors_of(&r.body, &reason_id),
            ["5文字目の「㈱」（U+3231）は使用できません。「(株)」に置き換えてください。"]
        );
    }
}

// Issue 12, BK-1, BK-2, BK-3: the slot page's three forms, each refused for one field.
#[tokio::test]
async fn slot_forms_keep_what_was_typed() {
    for w in seeded("forms_slots").await {
        let (admin, csrf) = signed_in(&w, Role::OfficeAdmin, Some("28011"), "kobe.slots").await;
        let template = [
            ("weekday", "2"),
            ("starts", "11:30"),
            ("app", "teleoffice"),
            ("capacity", "0"),
        ];
        let r = send(
            &w.app,
            form_post("/staff/slots/templates", &admin, &body(&csrf, &template)),
        )
        .await;
        assert_eq!(r.status, StatusCode::BAD_REQUEST, "{}: {}", w.backend, r.body);
        assert_kept(&r.body, &template);
        assert_eq!(errors_of(&r.body, "capacity"), ["定員は1～20にしてください。"]);
        assert!(
            summary(&r.body).contains("定員（相談員の数）: 定員は1～20"),
            "{}",
            r.body
        );
        assert_eq!(value_of(&r.body, "one-capacity"), "1", "the other forms stay fresh");

        // New Year's Day is closed (TM-2): the day's problem; the time, app and seats stay.
        let one_off = [
            ("day", "2027-01-01"),
            ("starts", "10:30"),
            ("app", "e_tumo"),
            ("capacity", "3"),
        ];
        let r = send(
            &w.app,
            form_post("/staff/slots/one-off", &admin, &body(&csrf, &one_off)),
        )
        .await;
        assert_eq!(r.status, StatusCode::CONFLICT, "{}", r.body);
        assert_kept(
            &r.body,
            &[
                ("one-day", "2027-01-01"),
                ("one-starts", "10:30"),
                ("one-app", "e_tumo"),
                ("one-capacity", "3"),
            ],
        );
        assert_eq!(
            errors_of(&r.body, "one-day"),
            ["この日は休所日です。別の日をお選びください。"]
        );
        assert!(summary(&r.body).contains("日付: この日は休所日です"), "{}", r.body);

        let policy = [("cutoff_days", "20"), ("horizon_days", "25")];
        let r = send(
            &w.app,
            form_post("/staff/slots/policy?lang=en", &admin, &body(&csrf, &policy)),
        )
        .await;
        assert_kept(&r.body, &policy);
        assert_eq!(errors_of(&r.body, "cutoff_days").len(), 1, "{}", r.body);
        assert!(!r.body.contains("problem-"), "no message ids on the page");
    }
}

// Issue 12, NT-1, NT-2, NT-3: the notice, maintenance and terms forms.
#[tokio::test]
async fn notice_forms_keep_what_was_typed() {
    for w in seeded("forms_notices").await {
        let (national, csrf) = signed_in(&w, Role::NationalAdmin, None, "national.forms").await;
        let publish = [
            ("action", "publish"),
            ("kind", "planned_maintenance"),
            ("title", "定期点検①"),
            ("body", "閲覧のみになります。"),
            ("publish_from", "2027-01-05T09:00"),
            ("publish_until", "2027-01-20T17:00"),
            ("window_from", "2027-01-10T01:00"),
            ("window_until", "2027-01-10T05:00"),
        ];
        let r = send(&w.app, form_post("/staff/notices", &national, &body(&csrf, &publish))).await;
        assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY, "{}: {}", w.backend, r.body);
        assert_kept(&r.body, &publish[1..]);
        assert_eq!(errors_of(&r.body, "title").len(), 1);
        assert!(summary(&r.body).contains("名称: 5文字目の「①」"), "{}", r.body);
        assert_eq!(value_of(&r.body, "switch-title"), "", "the other forms stay fresh");

        let switch = [
            ("action", "switch"),
            ("mode", "read_only"),
            ("title", ""),
            ("body", "点検中です。"),
        ];
        let r = send(&w.app, form_post("/staff/notices", &national, &body(&csrf, &switch))).await;
        assert_eq!(r.status, StatusCode::BAD_REQUEST, "{}", r.body);
        assert_kept(&r.body, &[("mode", "read_only"), ("switch-body", "点検中です。")]);
        assert_eq!(errors_of(&r.body, "switch-title"), ["この項目を入力してください。"]);

        let terms = [
            ("action", "terms"),
            ("service", "seminar"),
            ("version", ""),
            ("effective_from", "2027-02-01T00:00"),
            ("body", "セミナー利用規約（第2版）"),
        ];
        let r = send(&w.app, form_post("/staff/notices", &national, &body(&csrf, &terms))).await;
        assert_kept(
            &r.body,
            &[
                ("terms-service", "seminar"),
                ("terms-effective", "2027-02-01T00:00"),
                ("terms-body", "セミナー利用規約（第2版）"),
            ],
        );
        assert_eq!(
            errors_of(&r.body, "terms-version"),
            ["版は1～20文字で入力してください。"]
        );
        assert!(summary(&r.body).contains("版: 版は1～20文字"), "{}", r.body);
    }
}

// Issue 12, PV-4, AC-4: the console's look-up and actions, and new staff accounts.
#[tokio::test]
async fn console_and_member_forms_keep_what_was_typed() {
    for w in seeded("forms_console").await {
        let (admin, csrf) = signed_in(&w, Role::OfficeAdmin, Some("28011"), "kobe.console").await;
        let member = [
            ("role", "counsellor"),
            ("office", "28011"),
            ("user_id", "kobe.newcomer"),
            ("name", "髙橋 一郎"),
        ];
        let r = send(&w.app, form_post("/staff/members", &admin, &body(&csrf, &member))).await;
        assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY, "{}: {}", w.backend, r.body);
        assert_kept(&r.body, &member);
        let name = errors_of(&r.body, "name");
        assert!(name.len() == 1 && name[0].starts_with("1文字目の「髙」"), "{name:?}");
        assert!(summary(&r.body).contains("氏名: 1文字目の「髙」"), "{}", r.body);

        let r = send(
            &w.app,
            get_with("/staff/seekers?user_id=nobody.here&purpose=phone", Some(&admin)),
        )
        .await;
        assert_eq!(r.status, StatusCode::NOT_FOUND);
        assert_kept(&r.body, &[("user_id", "nobody.here"), ("purpose", "phone")]);
        assert_eq!(errors_of(&r.body, "user_id").len(), 1);

        eligible(&w, "forms.seeker").await;
        let suspend = [("reason", "迷惑行為①")];
        let r = send(
            &w.app,
            form_post("/staff/seekers/forms.seeker/suspend", &admin, &body(&csrf, &suspend)),
        )
        .await;
        assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY, "{}", r.body);
        assert_kept(&r.body, &suspend);
        assert_eq!(errors_of(&r.body, "reason").len(), 1);
        assert!(
            summary(&r.body).contains("利用停止の理由: 5文字目の「①」"),
            "{}",
            r.body
        );
        assert_eq!(value_of(&r.body, "user_id"), "forms.seeker", "the page is about them");
    }
}

// Issue 12, PV-2, PV-4, PV-5: the audit search, the disclosure form and the stats period.
#[tokio::test]
async fn record_forms_keep_what_was_typed() {
    for w in seeded("forms_records").await {
        let (national, csrf) = signed_in(&w, Role::NationalAdmin, None, "national.records").await;
        let r = send(
            &w.app,
            get_with(
                "/staff/audit?staff=kobe.forms&seeker=someone&from=2027-13-01&to=2027-01-31",
                Some(&national),
            ),
        )
        .await;
        assert_eq!(r.status, StatusCode::BAD_REQUEST, "{}: {}", w.backend, r.body);
        assert_kept(
            &r.body,
            &[
                ("staff", "kobe.forms"),
                ("seeker", "someone"),
                ("from", "2027-13-01"),
                ("to", "2027-01-31"),
            ],
        );
        assert!(summary(&r.body).contains("開始日: 日付を"), "{}", r.body);

        let export = [
            ("legal_basis", "刑事訴訟法第197条第2項に基づく照会"),
            ("authority", "兵庫県警①"),
            ("subject", "demo.seeker2"),
            ("from", "2026-12-01"),
            ("until", "2026-12-27"),
            ("format", "json"),
        ];
        let r = send(
            &w.app,
            form_post("/staff/disclosures", &national, &body(&csrf, &export)),
        )
        .await;
        assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY, "{}", r.body);
        assert_kept(&r.body, &export);
        assert!(summary(&r.body).contains("請求した機関: 5文字目の「①」"), "{}", r.body);

        let r = send(
            &w.app,
            get_with("/staff/stats?from=2026-12-31&to=2026-12-01", Some(&national)),
        )
        .await;
        assert_eq!(r.status, StatusCode::BAD_REQUEST, "{}", r.body);
        assert_kept(&r.body, &[("from", "2026-12-31"), ("to", "2026-12-01")]);
        assert!(
            summary(&r.body).contains("終了日: 期間を確認してください"),
            "{}",
            r.body
        );
    }
}
