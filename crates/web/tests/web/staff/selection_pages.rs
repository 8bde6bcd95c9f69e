//! 管理選考 pages (rules IV-2, IV-5): the staff page and the job seeker's page render in
//! Japanese and English; a refused form keeps every typed value with its problem at its
//! field (publish, refer, book); the employer's mailed link opens the list once, showing only
//! what was shared. Both backends.

use axum::http::StatusCode;
use madoguchi_domain::clock::Clock;
use madoguchi_domain::staff::Role;
use serde_json::json;

use super::staff::{code, enc, staff, staff_sign_in};
use super::support::{
    World, active_account, csrf_of, decoded_parts, form_post, get_with, put_json, send, session_cookie, smtp, worlds,
};

const DAY: &str = "2027-01-05";

fn publish_form(csrf: &str, email: &str, date: &str) -> String {
    format!(
        "_csrf={csrf}&office=28011&employer_name={}&contact_name={}&contact_email={}&job_number=28010-12345671&job_title={}&date={date}&app=builtin&start=10%3A00&minutes=30&count=4",
        enc("株式会社みなと製作所"),
        enc("港 一郎"),
        enc(email),
        enc("機械組立工"),
    )
}

/// The employer's token in the newest mail to the contact.
async fn employer_token(w: &World) -> String {
    let sink = madoguchi_app::mail::smtp_sink::SmtpSink::start("127.0.0.1:0".parse().unwrap())
        .await
        .unwrap();
    madoguchi_app::mail::deliver_due(&w.db, &smtp(sink.addr.port()), w.clock.as_ref(), 50)
        .await
        .unwrap();
    let mail = sink
        .received()
        .into_iter()
        .rev()
        .find(|m| m.to.iter().any(|t| t == "saiyo@minato.example.jp"))
        .map(|m| decoded_parts(&m.data))
        .expect("the contact's mail");
    let at = mail.find("/selection/list/").unwrap() + "/selection/list/".len();
    mail[at..]
        .chars()
        .take_while(|c| c.is_ascii_alphanumeric() || *c == '-' || *c == '_')
        .collect()
}

// rules IV-2, IV-5: publish (refused forms keep their values), refer, book, and the
// employer's list; each page in Japanese and English.
#[tokio::test]
async fn selection_pages_in_ja_and_en() {
    for mut w in worlds("web_selection").await {
        madoguchi_app::demo::seed_if_empty(&w.db, w.clock.as_ref())
            .await
            .unwrap();
        let (pw, key) = staff(&w, Role::Counsellor, Some("28011"), "kobe.sel").await;
        let counsellor = staff_sign_in(&w, "kobe.sel", &pw, &code(&w, &key)).await.unwrap();
        let home = send(&w.app, get_with("/staff", Some(&counsellor))).await;
        assert!(
            home.body.contains(r#"href="/staff/selection""#),
            "linked from the console"
        );
        let list = send(&w.app, get_with("/staff/selection", Some(&counsellor))).await;
        assert_eq!(list.status, StatusCode::OK, "{}", w.backend);
        assert!(list.body.contains("管理選考") && list.body.contains("選考日を公開する"));
        let en = send(&w.app, get_with("/staff/selection?lang=en", Some(&counsellor))).await;
        assert_eq!(en.status, StatusCode::OK);
        assert!(en.body.contains("Publish a selection day"), "{}", en.body);
        let csrf = csrf_of(&list.body);

        // IV-2: a refused form keeps every typed value, each problem at its field.
        let bad = send(
            &w.app,
            form_post(
                "/staff/selection",
                &counsellor,
                &publish_form(&csrf, "not an address", DAY),
            ),
        )
        .await;
        assert_eq!(bad.status, StatusCode::UNPROCESSABLE_ENTITY, "{}", bad.body);
        for typed in [
            r#"value="株式会社みなと製作所""#,
            r#"value="not an address""#,
            r#"value="機械組立工""#,
            r#"value="2027-01-05""#,
            r#"value="10:00""#,
        ] {
            assert!(bad.body.contains(typed), "{typed}: {}", bad.body);
        }
        assert!(bad.body.contains(r#"id="contact_email-error-1""#));
        // The year-end closure: the date is refused at its field, the rest kept.
        let closed = send(
            &w.app,
            form_post(
                "/staff/selection",
                &counsellor,
                &publish_form(&csrf, "saiyo@minato.example.jp", "2027-01-02"),
            ),
        )
        .await;
        assert_eq!(closed.status, StatusCode::CONFLICT, "{}", closed.body);
        assert!(closed.body.contains(r#"id="date-error-1""#), "{}", closed.body);
        assert!(closed.body.contains(r#"value="saiyo@minato.example.jp""#));

        let done = send(
            &w.app,
            form_post(
                "/staff/selection",
                &counsellor,
                &publish_form(&csrf, "saiyo@minato.example.jp", DAY),
            ),
        )
        .await;
        assert_eq!(done.status, StatusCode::SEE_OTHER, "{}", done.body);
        let at = done.headers["location"].to_str().unwrap().to_owned();
        let id: i64 = at
            .trim_start_matches("/staff/selection/")
            .split('?')
            .next()
            .unwrap()
            .parse()
            .unwrap();
        let token = employer_token(&w).await;
        let day = send(&w.app, get_with(&at, Some(&counsellor))).await;
        assert_eq!(day.status, StatusCode::OK, "{}", day.body);
        assert!(day.body.contains("株式会社みなと製作所") && day.body.contains("10:00～10:30"));
        let day_en = send(&w.app, get_with(&format!("{at}&lang=en"), Some(&counsellor))).await;
        assert!(day_en.body.contains("Refer a job seeker"), "{}", day_en.body);

        // Referral: nobody by that ID keeps what was typed; the seeker is referred.
        let seeker = active_account(&w, "yamada.sel").await;
        let number = json!({"number": "28011-01234567", "expires": "2027-12-31"});
        send(&w.app, put_json("/api/v1/me/job-seeker", &number, &seeker)).await;
        let refer = format!("/staff/selection/{id}/refer");
        let nobody = send(
            &w.app,
            form_post(&refer, &counsellor, &format!("_csrf={csrf}&who=nobody.here")),
        )
        .await;
        assert_eq!(nobody.status, StatusCode::BAD_REQUEST, "{}", nobody.body);
        assert!(nobody.body.contains(r#"value="nobody.here""#) && nobody.body.contains(r#"id="who-error-1""#));
        let ok = send(
            &w.app,
            form_post(&refer, &counsellor, &format!("_csrf={csrf}&who=yamada.sel")),
        )
        .await;
        assert_eq!(ok.status, StatusCode::OK, "{}", ok.body);
        assert!(ok.body.contains("山田 太郎さんを紹介しました"), "{}", ok.body);

        // The seeker: My Page links the day; the page in ja and en; a refused booking keeps
        // the ticks; then the booking.
        let me = send(&w.app, get_with("/me", Some(&seeker))).await;
        let page_path = format!("/me/selection/{id}");
        assert!(me.body.contains(&page_path), "{}", me.body);
        let page = send(&w.app, get_with(&page_path, Some(&seeker))).await;
        assert_eq!(page.status, StatusCode::OK, "{}", page.body);
        assert!(page.body.contains("電話番号を企業に伝える") && page.body.contains("10:30～11:00"));
        let page_en = send(&w.app, get_with(&format!("{page_path}?lang=en"), Some(&seeker))).await;
        assert!(
            page_en.body.contains("Share my phone number with the employer"),
            "{}",
            page_en.body
        );
        let s_csrf = csrf_of(&page.body);
        let no_time = send(
            &w.app,
            form_post(&page_path, &seeker, &format!("_csrf={s_csrf}&share_phone=on")),
        )
        .await;
        assert_eq!(no_time.status, StatusCode::BAD_REQUEST, "{}", no_time.body);
        assert!(
            no_time.body.contains(r#"name="share_phone" type="checkbox" checked"#),
            "{}",
            no_time.body
        );
        assert!(no_time.body.contains(r#"id="slot-error-1""#));
        let slot = madoguchi_store::selection::slots(&w.db, id).await.unwrap()[0].id;
        let booked = send(
            &w.app,
            form_post(
                &page_path,
                &seeker,
                &format!("_csrf={s_csrf}&slot={slot}&share_phone=on"),
            ),
        )
        .await;
        assert_eq!(booked.status, StatusCode::SEE_OTHER, "{}", booked.body);
        let after = send(&w.app, get_with(&page_path, Some(&seeker))).await;
        assert!(after.body.contains("面接の時間を予約しました"), "{}", after.body);

        // IV-5: the employer's link: a button, then the list with only what was shared.
        let form = send(&w.app, get_with(&format!("/selection/list/{token}"), None)).await;
        assert_eq!(form.status, StatusCode::OK, "{}", form.body);
        let anon = session_cookie(&form).unwrap();
        let body = format!("_csrf={}&token={token}", csrf_of(&form.body));
        let opened = send(&w.app, form_post("/selection/list", &anon, &body)).await;
        assert_eq!(opened.status, StatusCode::SEE_OTHER, "{}", opened.body);
        let list = send(&w.app, get_with(&format!("/selection/days/{id}"), Some(&anon))).await;
        assert_eq!(list.status, StatusCode::OK, "{}", list.body);
        assert!(
            list.body.contains("山田 太郎") && list.body.contains("078-231-8609"),
            "{}",
            list.body
        );
        assert!(
            !list.body.contains("28011-01234567") && !list.body.contains("雲井通"),
            "not shared"
        );
        let twice = send(&w.app, form_post("/selection/list", &anon, &body)).await;
        assert_eq!(twice.status, StatusCode::GONE, "single use");
        // PV-4: the person sees that the employer viewed them.
        let me = send(&w.app, get_with("/me", Some(&seeker))).await;
        assert!(me.body.contains("企業：株式会社みなと製作所"), "{}", me.body);
        // PV-1: the employer's view is in the usage record, as a visitor.
        w.flush_usage().await;
        let day = chrono::Duration::days(1);
        let rows =
            madoguchi_store::records::usage::for_disclosure(&w.db, None, w.clock.now() - day, w.clock.now() + day)
                .await
                .unwrap();
        assert!(
            rows.iter()
                .any(|r| r.entry.action == "selection_list_view" && r.entry.actor.kind() == "visitor"),
            "{}",
            w.backend
        );
    }
}
