//! BK-7 and C6-3 through the pages, without JavaScript, on both backends: the office page
//! leads to the request form, My Page lists and withdraws requests, staff schedule (the
//! person is told the date with its weekday, the app and My Page) or decline with a reason.

use axum::http::StatusCode;
use chrono::{TimeZone, Utc};
use madoguchi_domain::clock::jst;
use madoguchi_domain::staff::Role;

use super::booking::eligible;
use super::staff::{code, staff, staff_sign_in};
use super::support::{World, csrf_of, enc, form_post, get_with, last_mail, send, worlds};

/// The id in the first `{prefix}{id}{suffix}` of a page.
fn id_after(html: &str, prefix: &str, suffix: &str) -> String {
    let start = html.find(prefix).unwrap_or_else(|| panic!("{prefix} in {html}")) + prefix.len();
    html[start..].split(suffix).next().unwrap().to_owned()
}

async fn send_request(w: &World, seeker: &str, body: &str) -> super::Reply {
    let form = send(&w.app, get_with("/offices/28011/request", Some(seeker))).await;
    let csrf = csrf_of(&form.body);
    send(
        &w.app,
        form_post("/offices/28011/request", seeker, &format!("_csrf={csrf}&{body}")),
    )
    .await
}

const TWO_TIMES: &str = "day1=2027-01-04&time1=10%3A00&day2=2027-01-05&time2=14%3A00&day3=&time3=";

// rules BK-7, C6-2, C6-3, NO-1, NO-2: the request form from the office page; values kept on
// an error; My Page shows the request; staff schedule it and the person is told by mail and
// inbox (the date in Japan time with weekday, the app, My Page); no script on any page.
#[tokio::test]
async fn request_scheduled_through_the_pages() {
    for w in worlds("web_bk7_schedule").await {
        madoguchi_app::demo::seed_if_empty(&w.db, w.clock.as_ref())
            .await
            .unwrap();
        let office = send(&w.app, get_with("/offices/28011", None)).await;
        assert!(office.body.contains("/offices/28011/book") && !office.body.contains("/offices/28011/request"));
        madoguchi_app::offices::set_booking_mode(&w.db, "28011", "request")
            .await
            .unwrap();
        let office = send(&w.app, get_with("/offices/28011", None)).await;
        assert!(office.body.contains("href=\"/offices/28011/request\""), "{}", w.backend);
        assert!(!office.body.contains("/offices/28011/book"));
        assert_eq!(
            send(&w.app, get_with("/offices/28011/request", None)).await.status,
            StatusCode::SEE_OTHER,
            "signed in first"
        );

        let seeker = eligible(&w, "yamada.taro").await;
        let form = send(&w.app, get_with("/offices/28011/request", Some(&seeker))).await;
        assert_eq!(form.status, StatusCode::OK);
        assert!(form.body.contains("value=\"2027-01-04\"") && form.body.contains("2027年1月4日（月）"));
        assert!(
            !form.body.contains("value=\"2026-12-29\""),
            "year-end holidays are not offered"
        );
        assert!(form.body.contains("<option value=\"08:30\">") && !form.body.contains("\"17:00\""));
        assert!(!form.body.contains("<script"));

        let half = send_request(
            &w,
            &seeker,
            "day1=2027-01-04&time1=10%3A00&day2=2027-01-05&time2=&topic=abc",
        )
        .await;
        assert_eq!(half.status, StatusCode::UNPROCESSABLE_ENTITY, "{}", half.body);
        assert!(half.body.contains("日と時刻の両方を選ぶか"), "{}", half.body);
        assert!(
            half.body.contains("<option value=\"2027-01-05\" selected>"),
            "values kept"
        );
        assert!(half.body.contains(">abc</textarea>"));
        let sunday = send_request(&w, &seeker, "day1=2027-01-10&time1=10%3A00").await;
        assert_eq!(sunday.status, StatusCode::UNPROCESSABLE_ENTITY);
        assert!(
            sunday.body.contains("閉庁") || sunday.body.contains("休所"),
            "a day not offered is refused: {}",
            sunday.body
        );

        let sent = send_request(&w, &seeker, &format!("{TWO_TIMES}&topic={}", enc("転職の相談"))).await;
        assert_eq!(sent.status, StatusCode::CREATED, "{}", sent.body);
        let me = send(&w.app, get_with("/me", Some(&seeker))).await;
        assert!(
            me.body.contains("調整中") && me.body.contains("/withdraw"),
            "{}",
            me.body
        );

        let (pw, key) = staff(&w, Role::Counsellor, Some("28011"), "kobe.requests").await;
        let kobe = staff_sign_in(&w, "kobe.requests", &pw, &code(&w, &key)).await.unwrap();
        let start = jst()
            .with_ymd_and_hms(2027, 1, 5, 14, 0, 0)
            .unwrap()
            .with_timezone(&Utc);
        let slot = madoguchi_app::consultations::booking::publish_slot(&w.db, "28011", start, "teleoffice", 1)
            .await
            .unwrap();
        let queue = send(&w.app, get_with("/staff/requests", Some(&kobe))).await;
        assert!(queue.body.contains("山田 太郎") && queue.body.contains("転職の相談"));
        let id = id_after(&queue.body, "/staff/requests/", "/schedule");
        let csrf = csrf_of(&queue.body);
        let done = send(
            &w.app,
            form_post(
                &format!("/staff/requests/{id}/schedule"),
                &kobe,
                &format!("_csrf={csrf}&slot_id={slot}"),
            ),
        )
        .await;
        assert_eq!(done.status, StatusCode::OK, "{}", done.body);
        let mail = last_mail(&w).await;
        for text in ["2027年1月5日（火）14:00", "TeleOffice", "マイページ"] {
            assert!(mail.contains(text), "{text}: {mail}");
        }
        let me = send(&w.app, get_with("/me", Some(&seeker))).await;
        assert!(me.body.contains("日時が決まりました"), "inbox");
        assert!(me.body.contains("決定（予約一覧をご覧ください）") && !me.body.contains("/withdraw"));
    }
}

// rules BK-7, C6-3: the person withdraws an open request after a confirmation page; staff
// decline another with a reason (required), which the person reads in the mail and on My Page.
#[tokio::test]
async fn request_withdrawn_or_declined_through_the_pages() {
    for w in worlds("web_bk7_decline").await {
        madoguchi_app::demo::seed_if_empty(&w.db, w.clock.as_ref())
            .await
            .unwrap();
        madoguchi_app::offices::set_booking_mode(&w.db, "28011", "request")
            .await
            .unwrap();
        let seeker = eligible(&w, "yamada.taro").await;
        assert_eq!(send_request(&w, &seeker, TWO_TIMES).await.status, StatusCode::CREATED);
        let me = send(&w.app, get_with("/me", Some(&seeker))).await;
        let id = id_after(&me.body, "/me/requests/", "/withdraw");
        let ask = send(&w.app, get_with(&format!("/me/requests/{id}/withdraw"), Some(&seeker))).await;
        assert_eq!(ask.status, StatusCode::OK, "{}: asks first", w.backend);
        assert!(ask.body.contains("2027年1月4日（月） 10:00") && ask.body.contains("取り下げますか"));
        let csrf = csrf_of(&ask.body);
        let gone = send(
            &w.app,
            form_post(
                &format!("/me/requests/{id}/withdraw"),
                &seeker,
                &format!("_csrf={csrf}"),
            ),
        )
        .await;
        assert_eq!(gone.status, StatusCode::SEE_OTHER);
        let me = send(&w.app, get_with("/me", Some(&seeker))).await;
        assert!(
            me.body.contains("取り下げ") && !me.body.contains("/withdraw\""),
            "{}",
            me.body
        );
        let again = send(
            &w.app,
            form_post(
                &format!("/me/requests/{id}/withdraw"),
                &seeker,
                &format!("_csrf={csrf}"),
            ),
        )
        .await;
        assert_eq!(again.status, StatusCode::CONFLICT);

        assert_eq!(send_request(&w, &seeker, TWO_TIMES).await.status, StatusCode::CREATED);
        let (pw, key) = staff(&w, Role::Counsellor, Some("28011"), "kobe.decline").await;
        let kobe = staff_sign_in(&w, "kobe.decline", &pw, &code(&w, &key)).await.unwrap();
        let queue = send(&w.app, get_with("/staff/requests", Some(&kobe))).await;
        let id = id_after(&queue.body, "/staff/requests/", "/decline");
        let csrf = csrf_of(&queue.body);
        let path = format!("/staff/requests/{id}/decline");
        let bare = send(&w.app, form_post(&path, &kobe, &format!("_csrf={csrf}&reason="))).await;
        assert!(bare.body.contains("お断りの理由を入力してください"), "{}", bare.body);
        let reason = "ご希望の時間帯は相談員の空きがないため";
        let done = send(
            &w.app,
            form_post(&path, &kobe, &format!("_csrf={csrf}&reason={}", enc(reason))),
        )
        .await;
        assert_eq!(done.status, StatusCode::OK);
        assert!(last_mail(&w).await.contains(reason));
        let me = send(&w.app, get_with("/me", Some(&seeker))).await;
        assert!(
            me.body.contains("調整できませんでした") && me.body.contains(reason),
            "{}",
            me.body
        );
    }
}
