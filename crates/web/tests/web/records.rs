//! The usage record as middleware (PV-1), disclosure (PV-2), the staff access views (PV-4)
//! and the privacy notice, through the HTTP surface on both backends.

use axum::http::{StatusCode, header};
use chrono::Duration;
use madoguchi_domain::clock::Clock;
use madoguchi_domain::staff::Role;
use madoguchi_domain::usage::Actor;
use serde_json::json;

use super::staff::{code, staff, staff_sign_in};

const PHONE: &str = "電話でのお問い合わせ対応";
use super::support::{active_account, csrf_of, form_post, get_with, post_json, put_json, send, worlds};

// rule PV-1: requests by signed-in people are recorded with the route's name (never the query),
// sign-in, failed sign-in and sign-out are events, and anonymous browsing is not recorded.
#[tokio::test]
async fn pv1_requests_and_sign_in_events_are_recorded() {
    for mut w in worlds("pv1_middleware").await {
        madoguchi_app::demo::seed_if_empty(&w.db, w.clock.as_ref())
            .await
            .unwrap();
        send(&w.app, get_with("/?q=anonymous", None)).await;
        let cookie = active_account(&w, "kiroku.taro").await;
        let wrong = json!({"user_id": "kiroku.taro", "password": "Wrong-Password#1"});
        assert_eq!(
            send(&w.app, post_json("/api/v1/session", &wrong, None)).await.status,
            StatusCode::UNAUTHORIZED
        );
        send(&w.app, get_with("/me?password=due&secret=x", Some(&cookie))).await;
        send(&w.app, get_with("/api/v1/reservations/12345", Some(&cookie))).await;
        // A page that never reads the session is still recorded; an asset is not.
        send(&w.app, get_with("/privacy", Some(&cookie))).await;
        send(&w.app, get_with("/assets/site.css", Some(&cookie))).await;
        let out = axum::http::Request::delete("/api/v1/session")
            .header(header::COOKIE, &cookie)
            .body(axum::body::Body::empty())
            .unwrap();
        send(&w.app, out).await;
        w.flush_usage().await;

        let from = w.clock.now() - Duration::days(1);
        let rows =
            madoguchi_store::records::usage::for_disclosure(&w.db, None, from, w.clock.now() + Duration::days(1))
                .await
                .unwrap();
        let seen: Vec<(&str, &str, i32)> = rows
            .iter()
            .map(|r| (r.entry.actor.kind(), r.entry.action.as_str(), r.entry.outcome))
            .collect();
        assert_eq!(
            seen,
            [
                ("user", "sign_in", 200),
                ("visitor", "sign_in_failed", 401),
                ("user", "GET /me", 200),
                ("user", "GET /api/v1/reservations/{id}", 404),
                ("user", "GET /privacy", 200),
                ("user", "sign_out", 204),
            ],
            "{}",
            w.backend
        );
        assert!(rows.iter().all(|r| !r.entry.action.contains('?')));
        assert!(matches!(rows[0].entry.actor, Actor::User(_)));
        let report = madoguchi_app::records::audit::verify(&w.db).await.unwrap();
        assert_eq!(report.problem, None);
    }
}

// rule PV-4 and PV-2: the national admin searches accesses and makes a disclosure with a legal
// basis; other staff are refused; the job seeker sees who viewed their data by office and
// role, not by name; the privacy notice states the retention in force.
#[tokio::test]
async fn pv4_access_views_and_pv2_disclosure_pages() {
    for mut w in worlds("pv4_pages").await {
        madoguchi_app::demo::seed_if_empty(&w.db, w.clock.as_ref())
            .await
            .unwrap();
        let seeker = active_account(&w, "etsuran.hanako").await;
        let number = json!({"number": "28011-01234567", "expires": "2027-03-31"});
        send(&w.app, put_json("/api/v1/me/job-seeker", &number, &seeker)).await;
        let (c_pw, c_key) = staff(&w, Role::Counsellor, Some("28011"), "kobe.counsellor").await;
        let (n_pw, n_key) = staff(&w, Role::NationalAdmin, None, "honsho.admin").await;
        let counsellor = staff_sign_in(&w, "kobe.counsellor", &c_pw, &code(&w, &c_key))
            .await
            .unwrap();
        w.clock.advance(Duration::seconds(30));
        let national = staff_sign_in(&w, "honsho.admin", &n_pw, &code(&w, &n_key))
            .await
            .unwrap();
        let seen = send(
            &w.app,
            get_with("/staff/seekers?user_id=etsuran.hanako&purpose=phone", Some(&counsellor)),
        )
        .await;
        assert_eq!(seen.status, StatusCode::OK, "{}", w.backend);
        // PV-2: the console shows the kind of device of the sign-in (recorded with the
        // test's "unknown" address and no agent), never an address or agent string.
        let agent = "Mozilla/5.0 (X11; Linux x86_64) TestAgent/7.7";
        let signed = axum::http::Request::post("/api/v1/session")
            .header(header::CONTENT_TYPE, "application/json")
            .header(header::USER_AGENT, agent)
            .body(axum::body::Body::from(
                json!({"user_id": "etsuran.hanako", "password": "Kobe-Sannomiya#2026"}).to_string(),
            ))
            .unwrap();
        assert_eq!(send(&w.app, signed).await.status, StatusCode::OK);
        w.flush_usage().await;
        let seen = send(
            &w.app,
            get_with("/staff/seekers?user_id=etsuran.hanako&purpose=phone", Some(&counsellor)),
        )
        .await;
        assert!(
            seen.body.contains("最近のサインイン") && seen.body.contains("パソコン"),
            "{}",
            seen.body
        );
        assert!(!seen.body.contains("TestAgent") && !seen.body.contains("unknown"));

        let mine = send(&w.app, get_with("/me", Some(&seeker))).await;
        assert!(mine.body.contains("あなたの情報を見た職員の記録"), "{}", mine.body);
        assert!(mine.body.contains("相談員") && mine.body.contains("登録情報の閲覧"));
        assert!(
            !mine.body.contains("職員 一郎"),
            "staff are shown by office and role, not name"
        );

        let search = "/staff/audit?staff=&seeker=etsuran.hanako&from=&to=";
        assert_eq!(
            send(&w.app, get_with(search, Some(&counsellor))).await.status,
            StatusCode::FORBIDDEN
        );
        let found = send(&w.app, get_with(search, Some(&national))).await;
        assert_eq!(found.status, StatusCode::OK);
        assert!(
            found.body.contains("kobe.counsellor") && found.body.contains(PHONE),
            "{}",
            found.body
        );

        let page = send(&w.app, get_with("/staff/disclosures", Some(&national))).await;
        assert_eq!(page.status, StatusCode::OK);
        let csrf = csrf_of(&page.body);
        // CSRF: a post without the form's token is refused, and so is a counsellor's.
        let forged = "_csrf=forged&legal_basis=x&authority=X&subject=&from=2026-12-27&until=2026-12-28&format=csv";
        let r = send(&w.app, form_post("/staff/disclosures", &national, forged)).await;
        assert_eq!(r.status, StatusCode::FORBIDDEN, "csrf");
        let counsellor_page = send(&w.app, get_with("/staff", Some(&counsellor))).await;
        let theirs = format!(
            "_csrf={}&legal_basis=x&authority=X&subject=&from=2026-12-27&until=2026-12-28&format=csv",
            csrf_of(&counsellor_page.body)
        );
        let r = send(&w.app, form_post("/staff/disclosures", &counsellor, &theirs)).await;
        assert_eq!(r.status, StatusCode::FORBIDDEN, "only national admins");
        let missing =
            format!("_csrf={csrf}&legal_basis=&authority=X&subject=&from=2026-12-27&until=2026-12-28&format=csv");
        let refused = send(&w.app, form_post("/staff/disclosures", &national, &missing)).await;
        assert_eq!(refused.status, StatusCode::BAD_REQUEST, "a legal basis is required");
        let ok = format!(
            "_csrf={csrf}&legal_basis=%E5%88%91%E4%BA%8B%E8%A8%B4%E8%A8%9F%E6%B3%95&authority=%E5%85%B5%E5%BA%AB%E7%9C%8C%E8%AD%A6&subject=etsuran.hanako&from=2026-12-27&until=2026-12-28&format=csv"
        );
        let file = send(&w.app, form_post("/staff/disclosures", &national, &ok)).await;
        assert_eq!(file.status, StatusCode::OK, "{}", file.body);
        let disposition = file.headers.get(header::CONTENT_DISPOSITION).unwrap().to_str().unwrap();
        assert!(disposition.starts_with("attachment; filename=\"disclosure-"));
        assert!(file.body.starts_with("\"time\",\"actor_kind\""), "{}", file.body);
        let after = send(&w.app, get_with("/staff/disclosures", Some(&national))).await;
        assert!(after.body.contains("兵庫県警"), "the export is recorded");
        let other = send(&w.app, get_with("/staff/disclosures", Some(&counsellor))).await;
        assert_eq!(other.status, StatusCode::FORBIDDEN);

        let privacy = send(&w.app, get_with("/privacy", None)).await;
        assert!(privacy.body.contains("利用記録は 365 日間保存"), "{}", privacy.body);
        let english = send(&w.app, get_with("/privacy?lang=en", None)).await;
        assert!(english.body.contains("kept for 365 days"));
    }
}
