//! Statistics pages (rule PV-5) on both backends: charts and tables for a national admin,
//! the CSV download, and the sign-in page for anyone who is not staff.

use axum::http::{StatusCode, header};
use madoguchi_domain::staff::Role;

use super::staff::{code, staff, staff_sign_in};
use super::support::{active_account, get_with, send, worlds};

// rule PV-5: a national admin sees each table as an SVG chart and an HTML table, in both
// languages; the CSV has one line per published cell and prints hidden entries as "x".
#[tokio::test]
async fn statistics_page_and_csv() {
    for w in worlds("pv5_web").await {
        madoguchi_app::demo::seed_if_empty(&w.db, w.clock.as_ref())
            .await
            .unwrap();
        let made = madoguchi_app::demo::history::seed_history(&w.db, w.clock.as_ref())
            .await
            .unwrap();
        assert_eq!(made, 264, "six months of consultations and seminars: {}", w.backend);
        let (pw, key) = staff(&w, Role::NationalAdmin, None, "national.stats").await;
        let admin = staff_sign_in(&w, "national.stats", &pw, &code(&w, &key)).await.unwrap();

        let page = send(&w.app, get_with("/staff/stats", Some(&admin))).await;
        assert_eq!(page.status, StatusCode::OK, "{}", w.backend);
        // Askama writes `&` and `<` as numeric references.
        let body = page.body.replace("&#38;", "&amp;").replace("&#60;", "&lt;");
        assert_eq!(page.body.matches("<svg role=\"img\"").count(), 6, "{}", w.backend);
        assert_eq!(page.body.matches("<table>").count(), 6);
        assert!(
            page.body
                .contains("<caption id=\"cap-month_outcome\">月別・結果別の件数</caption>")
        );
        assert!(page.body.contains("<th scope=\"row\">木</th>"), "weekdays in Japanese");
        assert!(body.contains(">x</abbr></td>"), "hidden cells are shown as x");
        assert!(!body.contains("&lt;5"), "no hidden cell is labelled <5");
        assert!(page.body.contains("class=\"hidden-cell\""), "and drawn hatched");
        assert!(
            page.body.contains("value=\"2026-01-01\""),
            "the default period from the app clock"
        );
        assert!(
            body.contains("href=\"/staff/stats.csv?from=2026-01-01&amp;to=2026-12-29\""),
            "{body}"
        );
        assert!(!page.body.contains("<script"));

        let en = send(
            &w.app,
            get_with("/staff/stats?lang=en&from=2026-01-01&to=2027-01-01", Some(&admin)),
        )
        .await;
        assert_eq!(en.status, StatusCode::OK);
        assert!(en.body.contains("By outcome and channel") && en.body.contains("Cancelled by the office"));
        let bad = send(
            &w.app,
            get_with("/staff/stats?from=2026-02-30&to=2027-01-01", Some(&admin)),
        )
        .await;
        assert_eq!(bad.status, StatusCode::BAD_REQUEST, "{}", w.backend);

        let csv = send(
            &w.app,
            get_with("/staff/stats.csv?from=2026-01-01&to=2027-01-01", Some(&admin)),
        )
        .await;
        assert_eq!(csv.status, StatusCode::OK);
        assert_eq!(
            csv.headers.get(header::CONTENT_TYPE).unwrap(),
            "text/csv; charset=utf-8"
        );
        let disposition = csv.headers.get(header::CONTENT_DISPOSITION).unwrap().to_str().unwrap();
        assert!(disposition.starts_with("attachment;"), "{disposition}");
        assert!(csv.body.starts_with("table,row,column,value\n"));
        assert!(csv.body.contains("office_service,28011,total,252\n"), "{}", csv.body);
        assert!(
            csv.body.contains("month_outcome,2026-08,no_show,x\n")
                && csv.body.contains("month_outcome,2026-08,attended,32\n"),
            "{}",
            csv.body
        );
        assert!(csv.body.contains("outcome_channel,attended,phone,0\n"), "{}", csv.body);
    }
}

// rule PV-5: statistics are for staff; a job seeker or a visitor is sent to staff sign-in.
#[tokio::test]
async fn statistics_are_for_staff_only() {
    for w in worlds("pv5_web_refused").await {
        madoguchi_app::demo::seed_if_empty(&w.db, w.clock.as_ref())
            .await
            .unwrap();
        let seeker = active_account(&w, "yamada.taro").await;
        for uri in ["/staff/stats", "/staff/stats.csv"] {
            for cookie in [Some(seeker.as_str()), None] {
                let r = send(&w.app, get_with(uri, cookie)).await;
                assert_eq!(r.status, StatusCode::SEE_OTHER, "{}: {uri}", w.backend);
                assert_eq!(r.headers.get(header::LOCATION).unwrap(), "/staff/sign-in");
                assert!(!r.body.contains("table,row"));
            }
        }
    }
}
