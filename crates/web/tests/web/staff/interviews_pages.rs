//! Interviews on the web (IV-1, IV-4, IV-5, PV-1, PV-4): the staff pages and My Page in
//! Japanese and English, the CSRF token on every post, the arrange form kept as typed when
//! refused, the employer's mailed link in a first and a second browser, the usage record of
//! each employer access, and the JSON API. Both backends.

use axum::http::{StatusCode, header};
use madoguchi_domain::staff::Role;

use super::staff::{code, staff, staff_sign_in};
use super::support::{
    World, active_account, csrf_of, enc, form_post, get_with, last_mail, send, session_cookie, worlds,
};

fn arrange_body(csrf: &str, time: &str) -> String {
    format!(
        "_csrf={csrf}&seeker=iv.seeker&employer_name={}&contact_name={}&contact_email={}&job_number={}&job_title={}\
         &date=2027-01-04&time={}&minutes=30&app=builtin&counsellor=on",
        enc("株式会社みなと製作所"),
        enc("採用 担当"),
        enc("saiyo@minato.example.jp"),
        enc("28010-12345678"),
        enc("機械オペレーター"),
        enc(time),
    )
}

fn token_in(mail: &str) -> String {
    let marker = "/interviews/join/";
    let start = mail.find(marker).expect("the employer's link") + marker.len();
    mail[start..]
        .chars()
        .take_while(|c| c.is_ascii_alphanumeric() || *c == '-' || *c == '_')
        .collect()
}

/// Opens the employer's link in a browser without a session; the join post's reply.
async fn open_link(w: &World, token: &str) -> (String, super::Reply) {
    let form = send(&w.app, get_with(&format!("/interviews/join/{token}"), None)).await;
    assert_eq!(form.status, StatusCode::OK, "{}", form.body);
    let browser = session_cookie(&form).expect("a session for the employer's browser");
    let csrf = csrf_of(&form.body);
    let r = send(
        &w.app,
        form_post(&format!("/interviews/join/{token}"), &browser, &format!("_csrf={csrf}")),
    )
    .await;
    (browser, r)
}

// IV-1, IV-4, IV-5: staff arrange (a refused form keeps every value), the job seeker accepts
// sharing the phone only, the employer opens the mailed link; a second browser is refused;
// every employer access is in the usage record; the outcome shows on My Page.
#[tokio::test]
async fn interviews_from_arranging_to_the_employer_page() {
    for mut w in worlds("iv_pages").await {
        madoguchi_app::demo::seed_if_empty(&w.db, w.clock.as_ref())
            .await
            .unwrap();
        let (pw, key) = staff(&w, Role::Counsellor, Some("28011"), "iv.web").await;
        let staff_cookie = staff_sign_in(&w, "iv.web", &pw, &code(&w, &key)).await.unwrap();
        let seeker = active_account(&w, "iv.seeker").await;

        let list = send(&w.app, get_with("/staff/interviews", Some(&staff_cookie))).await;
        assert_eq!(list.status, StatusCode::OK, "{}", w.backend);
        assert!(list.body.contains("面接を設定する"));
        let en = send(&w.app, get_with("/staff/interviews?lang=en", Some(&staff_cookie))).await;
        assert!(en.body.contains("Arrange an interview"), "{}", en.body);
        let console = send(&w.app, get_with("/staff", Some(&staff_cookie))).await;
        assert!(console.body.contains("href=\"/staff/interviews\""));
        let csrf = csrf_of(&list.body);

        // Without the CSRF token nothing is arranged.
        let r = send(
            &w.app,
            form_post("/staff/interviews", &staff_cookie, &arrange_body("wrong", "10:00")),
        )
        .await;
        assert_eq!(r.status, StatusCode::FORBIDDEN);
        // IV-1: outside office hours the form comes back with every value typed.
        let r = send(
            &w.app,
            form_post("/staff/interviews", &staff_cookie, &arrange_body(&csrf, "17:00")),
        )
        .await;
        assert_eq!(r.status, StatusCode::CONFLICT, "{}", r.body);
        for kept in [
            "株式会社みなと製作所",
            "saiyo@minato.example.jp",
            "機械オペレーター",
            "17:00",
            "2027-01-04",
            "iv.seeker",
        ] {
            assert!(r.body.contains(kept), "{kept} kept");
        }
        assert!(r.body.contains("error-summary"));
        let r = send(
            &w.app,
            form_post("/staff/interviews", &staff_cookie, &arrange_body(&csrf, "10:00")),
        )
        .await;
        assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
        let location = r.headers[header::LOCATION].to_str().unwrap().to_owned();
        let id: i64 = location
            .trim_start_matches("/staff/interviews/")
            .split('?')
            .next()
            .unwrap()
            .parse()
            .unwrap();
        let detail = send(&w.app, get_with(&location, Some(&staff_cookie))).await;
        assert!(detail.body.contains("山田 太郎") && detail.body.contains("面接を設定しました"));

        // My Page, ja and en: the proposal with the share choices.
        let me = send(&w.app, get_with("/me", Some(&seeker))).await;
        assert!(
            me.body.contains("株式会社みなと製作所") && me.body.contains("share_phone"),
            "{}",
            me.body
        );
        let me_en = send(&w.app, get_with("/me?lang=en", Some(&seeker))).await;
        assert!(me_en.body.contains("Choose what the employer may see"));
        let seeker_csrf = csrf_of(&me.body);
        let accept = format!("/me/interviews/{id}/accept");
        let r = send(&w.app, form_post(&accept, &seeker, "_csrf=nope&share_phone=on")).await;
        assert_eq!(r.status, StatusCode::FORBIDDEN);
        let r = send(
            &w.app,
            form_post(&accept, &seeker, &format!("_csrf={seeker_csrf}&share_phone=on")),
        )
        .await;
        assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);

        // IV-1: the employer's mail carries the link; a mail scanner's GET spends nothing.
        let token = token_in(&last_mail(&w).await);
        let (browser, r) = open_link(&w, &token).await;
        assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
        let page_url = format!("/interviews/{id}/employer");
        assert_eq!(r.headers[header::LOCATION], page_url.as_str());
        let page = send(&w.app, get_with(&page_url, Some(&browser))).await;
        assert_eq!(page.status, StatusCode::OK, "{}", page.body);
        assert!(page.body.contains("山田 太郎") && page.body.contains("078-231-8609"));
        assert!(!page.body.contains("雲井通"), "the address was not shared");
        assert!(page.body.contains("開始10分前"));
        let page_en = send(&w.app, get_with(&format!("{page_url}?lang=en"), Some(&browser))).await;
        assert!(page_en.body.contains("Online interview"));
        // A second browser is refused, in words; so is the first browser on another path.
        let (_, second) = open_link(&w, &token).await;
        assert_eq!(second.status, StatusCode::FORBIDDEN);
        assert!(second.body.contains("使用済み"), "{}", second.body);
        let none = send(&w.app, get_with("/interviews/999999/employer", Some(&browser))).await;
        assert_eq!(none.status, StatusCode::FORBIDDEN);

        // PV-4: the job seeker sees the employer's views under the company's name.
        let me = send(&w.app, get_with("/me", Some(&seeker))).await;
        assert!(
            me.body.contains("株式会社みなと製作所（面接先の事業所）"),
            "{}",
            me.body
        );

        // The API, for the job seeker and the office.
        let mine = send(&w.app, get_with("/api/v1/me/interviews", Some(&seeker))).await;
        assert_eq!(mine.json()[0]["state"], "accepted");
        assert_eq!(mine.json()[0]["share_phone"], true);
        let office = send(
            &w.app,
            get_with(
                "/api/v1/staff/interviews?from=2027-01-01&to=2027-01-31",
                Some(&staff_cookie),
            ),
        )
        .await;
        assert_eq!(office.json()[0]["id"], id);

        // PV-1, N13-1: each employer access is in the usage record.
        w.flush_usage().await;
        let (n,): (i64,) = madoguchi_store::read!(&w.db, |c| sqlx::query_as(
            "SELECT COUNT(*) FROM usage_records WHERE action = 'employer_view'"
        )
        .fetch_one(c)
        .await
        .unwrap());
        assert!(n >= 4, "{n}");
    }
}
