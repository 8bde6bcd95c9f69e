//! The counsellor's day page (rules BK-8…BK-16, C6-2, PV-4): the date and its neighbours,
//! one card per consultation with the step the moment calls for, meeting details shown
//! back, refusals next to the consultation. Both backends.

use axum::http::StatusCode;
use chrono::{DateTime, TimeZone, Utc};
use madoguchi_domain::clock::{Clock, jst};
use madoguchi_domain::staff::Role;
use serde_json::json;

use super::Reply;
use super::staff::{audit_actions, code, staff, staff_sign_in};
use super::support::{World, active_account, csrf_of, form_post, get_with, post_json, put_json, send, worlds};

const DAY: &str = "2027-01-04";

/// yamada.taro's consultation at 28011 on 2027-01-04 10:00 JST: (reservation, seeker
/// session, start).
async fn booked(w: &World) -> (i64, String, DateTime<Utc>) {
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
    let seeker = active_account(w, "yamada.taro").await;
    let number = json!({"number": "28011-01234567", "expires": "2027-12-31"});
    send(&w.app, put_json("/api/v1/me/job-seeker", &number, &seeker)).await;
    madoguchi_app::eligibility::confirm_job_seeker(&w.db, w.clock.as_ref(), "yamada.taro")
        .await
        .unwrap();
    let body = json!({"slot_id": slot, "verify_name": "山田 太郎", "verify_number": "28011-01234567",
        "topic": "転職"});
    let booked = send(&w.app, post_json("/api/v1/reservations", &body, Some(&seeker))).await;
    (booked.json()["id"].as_i64().unwrap(), seeker, start)
}

/// A Kobe counsellor, who signs in again after the clock moved (sessions expire).
struct Counsellor(String, Vec<u8>);

impl Counsellor {
    async fn new(w: &World) -> Self {
        let (pw, key) = staff(w, Role::Counsellor, Some("28011"), "kobe.c").await;
        Self(pw, key)
    }

    async fn sign_in(&self, w: &World) -> String {
        staff_sign_in(w, "kobe.c", &self.0, &code(w, &self.1)).await.unwrap()
    }
}

/// Moves the clock to `at`.
fn move_to(w: &World, at: DateTime<Utc>) {
    w.clock.advance(at - w.clock.now());
}

async fn day_page(w: &World, cookie: &str) -> Reply {
    send(&w.app, get_with(&format!("/staff/day?date={DAY}"), Some(cookie))).await
}

/// Posts `action` on reservation `id` from the day page, with `extra` form fields.
async fn act(w: &World, cookie: &str, csrf: &str, id: i64, action: &str, extra: &str) -> Reply {
    let body = format!("_csrf={csrf}&date={DAY}{extra}");
    send(
        &w.app,
        form_post(&format!("/staff/reservations/{id}/{action}"), cookie, &body),
    )
    .await
}

/// The card of reservation `id` in a day page.
fn card(page: &Reply, id: i64) -> String {
    let start = page
        .body
        .find(&format!(r#"id="r{id}""#))
        .unwrap_or_else(|| panic!("no card {id}: {}", page.body));
    let end = page.body[start..].find("</li>").unwrap() + start;
    page.body[start..end].to_owned()
}

async fn views(w: &World) -> usize {
    audit_actions(w)
        .await
        .iter()
        .filter(|(a, _)| a == "view_schedule")
        .count()
}

// rules BK-8, BK-9, BK-10, BK-11, BK-16, MT-1, PV-4: the counsellor's day: meeting details reach My Page
// only, joined/attended/phone cancellation are recorded, another office cannot act.
#[tokio::test]
pub(crate) async fn counsellors_day() {
    for w in worlds("staff_day").await {
        let (id, seeker, start) = booked(&w).await;
        let counsellor = Counsellor::new(&w).await;
        let kobe = counsellor.sign_in(&w).await;
        let day = day_page(&w, &kobe).await;
        assert!(
            day.body.contains("山田 太郎") && day.body.contains("転職"),
            "{}: {}",
            w.backend,
            day.body
        );
        assert!(views(&w).await > 0, "PV-4");
        // The same day through the staff API; a job seeker's session is refused.
        let api = send(&w.app, get_with("/api/v1/staff/schedule?date=2027-01-04", Some(&kobe)))
            .await
            .json();
        assert_eq!(
            (api[0]["id"].as_i64(), api[0]["verify_name"].as_str()),
            (Some(id), Some("山田 太郎")),
            "{api}"
        );
        let denied = send(&w.app, get_with("/api/v1/staff/schedule", Some(&seeker))).await;
        assert_eq!(denied.status, StatusCode::UNAUTHORIZED);
        // A parameter given twice is told as a problem document, like every API answer.
        let twice = get_with("/api/v1/staff/schedule?date=2027-01-04&date=2027-01-05", Some(&kobe));
        let twice = send(&w.app, twice).await;
        assert_eq!(twice.json()["code"], "invalid_query", "{}", twice.body);
        let csrf = csrf_of(&day.body);
        let meet = "&meeting_id=812+3456+7890&passkey=k0be&join_url=https%3A%2F%2Fzoom.example%2Fj%2F81234567890";
        let r = act(&w, &kobe, &csrf, id, "meeting", meet).await;
        assert!(r.body.contains("接続情報を保存しました"), "{}", r.body);
        let me = send(&w.app, get_with("/me", Some(&seeker))).await;
        assert!(
            me.body.contains("812 3456 7890") && me.body.contains("k0be"),
            "details on My Page"
        );
        // Never in mail: nothing in the outbox carries the passcode.
        let carried: Vec<(String,)> = madoguchi_store::read!(&w.db, |c| sqlx::query_as("SELECT body_text FROM outbox")
            .fetch_all(c)
            .await
            .unwrap());
        assert!(carried.iter().all(|(b,)| !b.contains("k0be")));

        let (tpw, tkey) = staff(&w, Role::Counsellor, Some("13010"), "tokyo.c").await;
        w.clock.advance(chrono::Duration::seconds(30));
        let tokyo = staff_sign_in(&w, "tokyo.c", &tpw, &code(&w, &tkey)).await.unwrap();
        let tcsrf = csrf_of(&send(&w.app, get_with("/staff", Some(&tokyo))).await.body);
        let denied = act(&w, &tokyo, &tcsrf, id, "joined", "").await;
        assert_eq!(denied.status, StatusCode::NOT_FOUND, "another office");

        // Issue 12: nothing is recorded before the start (the day page and the API alike);
        // the refusal is shown on the consultation's card.
        let early = act(&w, &kobe, &csrf, id, "joined", "").await;
        assert!(card(&early, id).contains("まだ始まっていません"), "{}", early.body);
        let api_early = send(
            &w.app,
            post_json(
                &format!("/api/v1/staff/reservations/{id}/attended"),
                &json!({}),
                Some(&kobe),
            ),
        )
        .await;
        assert_eq!(api_early.json()["code"], "not_started", "{}", api_early.body);
        // The counsellor comes back five minutes after the start (a new sign-in: the session
        // would have expired) and records the consultation.
        move_to(&w, start + chrono::Duration::minutes(5));
        let kobe = counsellor.sign_in(&w).await;
        let csrf = csrf_of(&day_page(&w, &kobe).await.body);
        act(&w, &kobe, &csrf, id, "joined", "").await;
        act(&w, &kobe, &csrf, id, "attended", "").await;
        let r = madoguchi_store::consultations::reservations::reservation(&w.db, id)
            .await
            .unwrap()
            .unwrap();
        assert_eq!(r.state, "attended");
        // rule BK-8: the counsellor books the next consultation on the spot, confirmed at once.
        let next_start = jst()
            .with_ymd_and_hms(2027, 1, 12, 10, 0, 0)
            .unwrap()
            .with_timezone(&Utc);
        let next = madoguchi_app::consultations::booking::publish_slot(&w.db, "28011", next_start, "zoom", 1)
            .await
            .unwrap();
        let booked = act(&w, &kobe, &csrf, id, "book-next", &format!("&slot_id={next}")).await;
        assert!(
            card(&booked, id).contains("次回の相談を予約しました"),
            "{}",
            booked.body
        );
        // (The job seeker's session ended with the week that passed: read the store.)
        let user = madoguchi_store::accounts::users::by_key(&w.db, "yamada.taro")
            .await
            .unwrap()
            .unwrap();
        let mine = madoguchi_store::consultations::reservations::for_user(&w.db, user.id)
            .await
            .unwrap();
        assert_eq!(mine.len(), 2, "{mine:?}");
        assert_eq!(mine[0].state, "confirmed");
        let again = act(&w, &kobe, &csrf, id, "phone-cancel", "&note=phone&confirm=yes").await;
        assert!(
            card(&again, id).contains("この状態では記録できません"),
            "an attended consultation cannot be cancelled"
        );
    }
}

// Issue 12: the date in the heading, the previous and next day and today, a date picker
// (a plain GET form), and the language switch keeping the date.
#[tokio::test]
pub(crate) async fn day_heading_and_neighbours() {
    for w in worlds("staff_day_nav").await {
        madoguchi_app::demo::seed_if_empty(&w.db, w.clock.as_ref())
            .await
            .unwrap();
        let kobe = Counsellor::new(&w).await.sign_in(&w).await;
        let page = send(&w.app, get_with("/staff/day?date=2026-12-02", Some(&kobe))).await;
        assert_eq!(page.status, StatusCode::OK, "{}", w.backend);
        assert!(
            page.body.contains("<h1>2026年12月2日（水）の相談</h1>"),
            "{}",
            page.body
        );
        assert!(page.body.contains("<title>2026年12月2日（水）の相談 |"));
        for link in [
            r#"href="/staff/day?date=2026-12-01" rel="prev""#,
            r#"href="/staff/day?date=2026-12-03" rel="next""#,
            r#"<a href="/staff/day">本日</a>"#,
            r#"<form method="get" action="/staff/day""#,
            r#"name="date" type="date" value="2026-12-02""#,
            "date=2026-12-02&#38;lang=en",
        ] {
            assert!(page.body.contains(link), "{link}: {}", page.body);
        }
        assert!(page.body.contains("この日の予約はありません。"));
        let en = send(&w.app, get_with("/staff/day?date=2026-12-02&lang=en", Some(&kobe))).await;
        assert!(
            en.body.contains("<h1>Consultations on Wed, 2 Dec 2026</h1>"),
            "{}",
            en.body
        );
        assert!(en.body.contains("Previous day") && en.body.contains("Next day"));
        // Today: marked, and the default for a missing or malformed date.
        for uri in ["/staff/day", "/staff/day?date=2026-13-01"] {
            let today = send(&w.app, get_with(uri, Some(&kobe))).await;
            assert!(
                today
                    .body
                    .contains("<h1>2026年12月28日（月）の相談 <span class=\"badge\">本日</span></h1>"),
                "{uri}: {}",
                today.body
            );
            assert!(today.body.contains(r#"<a href="/staff/day" aria-current="date">"#));
        }
        // Across the year's end.
        let eve = send(&w.app, get_with("/staff/day?date=2026-12-31", Some(&kobe))).await;
        assert!(eve.body.contains(r#"href="/staff/day?date=2027-01-01" rel="next""#));
    }
}

// rules BK-9, BK-11, BK-16, C6-2, PV-4 (issue 12): the card shows the verification name and
// number; the details are the first step, refused http:// keeps what was typed and names the
// field; saved details are shown back and editable; joined is offered only from the start,
// attended only on the day; a destructive action needs its confirmation; one audit row per
// person viewed.
#[tokio::test]
pub(crate) async fn meeting_details_round_trip() {
    for w in worlds("staff_day_details").await {
        let (id, seeker, start) = booked(&w).await;
        let counsellor = Counsellor::new(&w).await;
        let kobe = counsellor.sign_in(&w).await;
        let before = views(&w).await;
        let page = day_page(&w, &kobe).await;
        assert_eq!(
            views(&w).await,
            before + 1,
            "{}: PV-4, one row for one person",
            w.backend
        );
        let csrf = csrf_of(&page.body);
        let c = card(&page, id);
        for text in [
            "10:00–10:30",
            "確定",
            "Zoom",
            "山田 太郎",
            "28011-01234567",
            "未確認",
            "未入力",
        ] {
            assert!(c.contains(text), "{text}: {c}");
        }
        assert!(c.contains("<h3>接続情報を入力する</h3>") && c.contains(r#"class="primary">接続情報を保存する"#));
        assert_eq!(c.matches(r#"class="primary""#).count(), 1, "one primary action");
        for refused in ["/joined#", "/attended#", "/end-early#", "/correct-no-show#"] {
            assert!(!c.contains(refused), "{refused} is not offered before the start");
        }
        assert!(c.contains("<details><summary>その他の操作") && c.contains("/office-cancel#"));

        // An http:// join URL is refused; every typed value comes back, the field named.
        let typed = "&meeting_id=812+3456+7890&passkey=k0be&join_url=http%3A%2F%2Fzoom.example%2Fj%2F1";
        let c = card(&act(&w, &kobe, &csrf, id, "meeting", typed).await, id);
        for text in [
            r#"value="812 3456 7890""#,
            r#"value="k0be""#,
            r#"value="http://zoom.example/j/1""#,
            "参加URL（https://）：URLは https:// で始めてください。",
            r#"aria-invalid="true""#,
            r#"role="alert""#,
        ] {
            assert!(c.contains(text), "{text}: {c}");
        }
        let stored = madoguchi_store::consultations::schedule::meeting(&w.db, id)
            .await
            .unwrap();
        assert_eq!(stored, None, "nothing saved");

        // N10: a passcode with a character the rules lack is refused at its field; the rest stays.
        let typed = "&meeting_id=812+3456+7890&passkey=k0be%E2%91%A0&join_url=https%3A%2F%2Fzoom.example%2Fj%2F1";
        let c = card(&act(&w, &kobe, &csrf, id, "meeting", typed).await, id);
        for text in [
            r#"value="812 3456 7890""#,
            r#"value="k0be①""#,
            r#"value="https://zoom.example/j/1""#,
            "「①」",
            r#"aria-invalid="true""#,
        ] {
            assert!(c.contains(text), "{text}: {c}");
        }
        let stored = madoguchi_store::consultations::schedule::meeting(&w.db, id)
            .await
            .unwrap();
        assert_eq!(stored, None, "nothing saved");

        let saved = "&meeting_id=812+3456+7890&passkey=k0be&join_url=https%3A%2F%2Fzoom.example%2Fj%2F1";
        let c = card(&act(&w, &kobe, &csrf, id, "meeting", saved).await, id);
        assert!(c.contains("接続情報を保存しました") && c.contains("入力済み"), "{c}");
        for shown in [
            "<dd>812 3456 7890</dd>",
            "<dd>k0be</dd>",
            r#"<a href="https://zoom.example/j/1""#,
        ] {
            assert!(c.contains(shown), "{shown}: {c}");
        }
        assert!(c.contains("<summary>接続情報を変更する</summary>") && c.contains(r#"value="k0be""#));
        assert!(c.contains("開始時刻（10:00）から入室を記録できます。"), "{c}");
        assert!(!c.contains(r#"class="primary""#), "nothing to press before the start");
        // Edited: shown back here and on My Page.
        let edited = "&meeting_id=812+3456+7890&passkey=n3w&join_url=https%3A%2F%2Fzoom.example%2Fj%2F1";
        let c = card(&act(&w, &kobe, &csrf, id, "meeting", edited).await, id);
        assert!(c.contains("<dd>n3w</dd>"), "{c}");
        assert!(send(&w.app, get_with("/me", Some(&seeker))).await.body.contains("n3w"));

        // A cancellation by the office without its confirmation changes nothing; the
        // reason typed stays.
        let c = card(
            &act(&w, &kobe, &csrf, id, "office-cancel", "&note=%E4%BD%93%E8%AA%BF").await,
            id,
        );
        assert!(
            c.contains("確認の欄にチェックを入れて") && c.contains(r#"value="体調""#),
            "{c}"
        );
        assert!(c.contains("<details open><summary>その他の操作"), "{c}");
        let state = |w: &World| {
            let db = w.db.clone();
            async move {
                madoguchi_store::consultations::reservations::reservation(&db, id)
                    .await
                    .unwrap()
                    .unwrap()
                    .state
            }
        };
        assert_eq!(state(&w).await, "confirmed");
        // A channel left empty is named, at the field too; the confirmation stays ticked.
        let c = card(&act(&w, &kobe, &csrf, id, "phone-cancel", "&confirm=yes").await, id);
        assert!(
            c.contains("受付の経路（例: 電話）：この項目を入力してください。"),
            "{c}"
        );
        assert!(
            c.contains(&format!(r#"id="phone-cancel-{id}-error">この項目を入力してください。"#)),
            "{c}"
        );
        assert!(c.contains(r#"value="yes" required checked>"#), "{c}");
        assert_eq!(state(&w).await, "confirmed");
        // Issue 12, AC-4: a reason N10 refuses names the field and the character.
        let odd = "&note=%E4%BD%93%E8%AA%BF%E2%91%A0&confirm=yes";
        let c = card(&act(&w, &kobe, &csrf, id, "office-cancel", odd).await, id);
        assert!(c.contains("理由：3文字目の「①」（U+2460）は使用できません。"), "{c}");
        assert!(c.contains(r#"value="体調①""#), "{c}");
        assert_eq!(state(&w).await, "confirmed");

        // From the start: record joined is the one primary action, then attended.
        move_to(&w, start + chrono::Duration::minutes(1));
        let kobe = counsellor.sign_in(&w).await;
        let c = card(&day_page(&w, &kobe).await, id);
        assert!(c.contains(r#"class="primary">入室を記録する"#), "{c}");
        assert!(!c.contains("/office-cancel#"), "no cancellation after the start");
        let c = card(&act(&w, &kobe, &csrf_of(&c), id, "joined", "").await, id);
        assert!(
            c.contains(r#"class="primary">相談済みにする"#) && c.contains("入室時刻 10:01"),
            "{c}"
        );
        assert!(c.contains("/end-early#"), "ending early is offered after the start");

        // After the day: attended is no longer offered, and refused if posted anyway.
        move_to(&w, start + chrono::Duration::hours(14) + chrono::Duration::minutes(1));
        let kobe = counsellor.sign_in(&w).await;
        let c = card(&day_page(&w, &kobe).await, id);
        assert!(
            !c.contains("/attended#") && c.contains("この相談の日は終わりました。"),
            "{c}"
        );
        let c = card(&act(&w, &kobe, &csrf_of(&c), id, "attended", "").await, id);
        assert!(c.contains("訂正は理由を添えて記録してください"), "{c}");
        assert_eq!(state(&w).await, "confirmed");
    }
}
