//! Staff and slots: weekly templates publish slots.
use super::staff::{code, free_ids, staff, staff_sign_in};
use super::support::{csrf_of, form_post, get_with, send, worlds};
use axum::http::StatusCode;
use madoguchi_domain::staff::Role;

// rules BK-2, BK-1: weekly templates publish 30-minute slots to the horizon, never on a
// closed day (2027-01-11 成人の日 is a Monday) or outside hours, and never twice.
#[tokio::test]
async fn templates_publish_slots() {
    for w in worlds("staff_templates").await {
        madoguchi_app::demo::seed_if_empty(&w.db, w.clock.as_ref())
            .await
            .unwrap();
        let (pw, key) = staff(&w, Role::OfficeAdmin, Some("28011"), "kobe.admin").await;
        let admin = staff_sign_in(&w, "kobe.admin", &pw, &code(&w, &key)).await.unwrap();
        let page = send(&w.app, get_with("/staff/slots", Some(&admin))).await;
        assert_eq!(page.status, StatusCode::OK, "{}", w.backend);
        let csrf = csrf_of(&page.body);
        let add = |body: String| form_post("/staff/slots/templates", &admin, &body);
        let ok = send(
            &w.app,
            add(format!("_csrf={csrf}&weekday=0&starts=10%3A00&app=zoom&capacity=2")),
        )
        .await;
        assert!(ok.body.contains("記録しました"), "{}", ok.body);
        let sat = send(
            &w.app,
            add(format!("_csrf={csrf}&weekday=5&starts=10%3A00&app=zoom&capacity=1")),
        )
        .await;
        assert!(sat.body.contains("開庁時間外です"), "the office is closed on Saturdays");
        let late = send(
            &w.app,
            add(format!("_csrf={csrf}&weekday=0&starts=17%3A00&app=zoom&capacity=1")),
        )
        .await;
        assert!(late.body.contains("開庁時間外です"), "17:00–17:30 runs past 17:15");
        let first = send(
            &w.app,
            form_post("/staff/slots/publish", &admin, &format!("_csrf={csrf}")),
        )
        .await;
        assert!(
            first.body.contains("相談枠を 3 件作成しました"),
            "{}: {}",
            w.backend,
            first.body
        );
        let again = send(
            &w.app,
            form_post("/staff/slots/publish", &admin, &format!("_csrf={csrf}")),
        )
        .await;
        assert!(
            again.body.contains("相談枠を 0 件作成しました"),
            "publishing twice makes none"
        );
        let free = send(
            &w.app,
            get_with("/api/v1/offices/28011/slots?from=2027-01-04&to=2027-01-31", None),
        )
        .await
        .json();
        let starts: Vec<_> = free
            .as_array()
            .unwrap()
            .iter()
            .map(|s| s["start"].as_str().unwrap().to_owned())
            .collect();
        assert_eq!(
            starts,
            [
                "2027-01-04T10:00:00+09:00",
                "2027-01-18T10:00:00+09:00",
                "2027-01-25T10:00:00+09:00"
            ]
        );
        assert_eq!(free[0]["remaining"], 2);

        // BK-3: the office's own cut-off and horizon; a looser one is refused in words.
        let policy = |body: String| form_post("/staff/slots/policy", &admin, &body);
        let loose = send(&w.app, policy(format!("_csrf={csrf}&cutoff_days=0&horizon_days=30"))).await;
        assert!(loose.body.contains("締切は1〜14日前"), "{}", loose.body);
        let strict = send(&w.app, policy(format!("_csrf={csrf}&cutoff_days=2&horizon_days=20"))).await;
        assert!(strict.body.contains("記録しました"), "{}", strict.body);
        assert!(
            strict.body.contains(r#"name="cutoff_days" type="number" value="2""#),
            "the saved cut-off is shown"
        );
        // BK-2: a one-off slot, listed with its bookings, then removed.
        let one_off = send(
            &w.app,
            form_post(
                "/staff/slots/one-off",
                &admin,
                &format!("_csrf={csrf}&day=2027-01-05&starts=14%3A00&app=teleoffice&capacity=1"),
            ),
        )
        .await;
        assert!(one_off.body.contains("記録しました"), "{}", one_off.body);
        let id = free_ids(&w, "2027-01-05").await[0];
        assert!(one_off.body.contains(&format!("/staff/slots/{id}/remove")));
        let removed = send(
            &w.app,
            form_post(&format!("/staff/slots/{id}/remove"), &admin, &format!("_csrf={csrf}")),
        )
        .await;
        assert!(removed.body.contains("予約 0 件"), "{}", removed.body);
        assert!(free_ids(&w, "2027-01-05").await.is_empty(), "gone from the calendar");

        let (cpw, ckey) = staff(&w, Role::Counsellor, Some("28011"), "kobe.c").await;
        w.clock.advance(chrono::Duration::seconds(30));
        let counsellor = staff_sign_in(&w, "kobe.c", &cpw, &code(&w, &ckey)).await.unwrap();
        assert_eq!(
            send(&w.app, get_with("/staff/slots", Some(&counsellor))).await.status,
            StatusCode::FORBIDDEN
        );
    }
}
