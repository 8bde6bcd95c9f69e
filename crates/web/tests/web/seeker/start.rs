//! Issue 13, item 1 and the frame of item 6, through the router on both backends: the top
//! page starts here, the office finder (postal code, prefecture and municipality), sign-in
//! returns to where the person was going, the header by sign-in, the read-only banner with
//! disabled forms, and the favicon.

use axum::http::{StatusCode, header};
use madoguchi_app::notices::{Mode, Publisher};
use madoguchi_domain::staff::Role;

use super::booking::eligible;
use super::form_html::{body, value_of};
use super::staff::{code, staff, staff_sign_in};
use super::support::{World, active_account, csrf_of, enc, form_post, get_with, send, session_cookie, worlds};

/// The text of `html` without tags, spaces collapsed.
pub(crate) fn text(html: &str) -> String {
    let mut out = String::new();
    let mut in_tag = false;
    for c in html.chars() {
        match c {
            '<' => in_tag = true,
            '>' => {
                in_tag = false;
                out.push(' ');
            }
            c if !in_tag => out.push(c),
            _ => {}
        }
    }
    out.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The element that starts at `marker` (its opening tag included) up to its `close` tag.
pub(crate) fn element<'a>(html: &'a str, marker: &str, close: &str) -> &'a str {
    let start = html.find(marker).unwrap_or_else(|| panic!("{marker} not in {html}"));
    let open = html[..start].rfind('<').unwrap_or(start);
    let end = start + html[start..].find(close).unwrap_or(html.len() - start);
    &html[open..end]
}

async fn seeded(name: &str) -> Vec<World> {
    let worlds = worlds(name).await;
    for w in &worlds {
        madoguchi_app::demo::seed_if_empty(&w.db, w.clock.as_ref())
            .await
            .unwrap();
    }
    worlds
}

// Issue 13, item 1 (NO-5): the top page says what this is and what is needed, and leads to
// booking (the office finder) and to seminars; no list of every office any more.
#[tokio::test]
async fn the_top_page_starts_here() {
    for w in seeded("start_top").await {
        let ja = send(&w.app, get_with("/", None)).await;
        assert_eq!(ja.status, StatusCode::OK, "{}", w.backend);
        let t = text(&ja.body);
        assert!(t.contains("ビデオ通話で予約して受けられます"), "{t}");
        assert!(t.contains("求職番号（例: 28010-01234567）が必要です"), "{t}");
        assert!(
            ja.body
                .contains(r#"<a class="button" href="/offices">相談を予約する</a>"#)
        );
        assert!(ja.body.contains(r#"href="/seminars">セミナーを探す</a>"#));
        assert!(ja.body.contains(r#"action="/offices#results""#), "a postal-code search");
        assert!(!ja.body.contains("札幌公共職業安定所"), "no card per office");
        let en = send(&w.app, get_with("/?lang=en", None)).await;
        assert!(en.body.contains(">Book a consultation</a>") && en.body.contains(">Find a seminar</a>"));
        assert!(text(&en.body).contains("Among all 4 offices"));

        // Signed in with a job-seeker number of 28011: "book" leads to that office's week.
        let seeker = eligible(&w, "start.top").await;
        let me = send(&w.app, get_with("/", Some(&seeker))).await;
        assert!(
            me.body.contains(r#"href="/offices/28011/book">相談を予約する</a>"#),
            "{}",
            me.body
        );
        assert!(text(&me.body).contains("あなたのハローワーク: 灘公共職業安定所三宮分室"));
    }
}

// Issue 13, items 1 and 6: the office finder by postal code (full-width digits read as
// half-width) and by prefecture and municipality, through each office's 管轄.
#[tokio::test]
async fn the_office_finder() {
    for w in seeded("start_finder").await {
        let r = send(
            &w.app,
            get_with(&format!("/offices?postal_code={}", enc("６５０－００４４")), None),
        )
        .await;
        assert_eq!(r.status, StatusCode::OK, "{}: {}", w.backend, r.body);
        let results = text(element(&r.body, r#"id="results""#, "</section>"));
        assert!(
            results.contains("〒650-0044（兵庫県 神戸市中央区）を担当するハローワーク"),
            "{results}"
        );
        assert!(
            results.contains("灘公共職業安定所三宮分室") && !results.contains("飯田橋"),
            "{results}"
        );
        assert!(r.body.contains(r#"href="/offices/28011/book""#), "book here");
        assert_eq!(
            value_of(&r.body, "prefecture"),
            "28",
            "the place it found is chosen below"
        );
        assert_eq!(value_of(&r.body, "municipality"), "神戸市中央区");

        let en = send(&w.app, get_with("/offices?postal_code=113-0033&lang=en", None)).await;
        let results = text(element(&en.body, r#"id="results""#, "</section>"));
        assert!(results.contains("Offices serving 113-0033 (Tokyo 文京区)"), "{results}");
        assert!(
            results.contains("Iidabashi Public Employment Security Office"),
            "{results}"
        );

        // Nobody serves it: said so; a malformed code: said at its field.
        let none = send(&w.app, get_with("/offices?postal_code=999-9999", None)).await;
        assert!(text(&none.body).contains("見つかりませんでした"), "{}", none.body);
        let bad = send(&w.app, get_with("/offices?postal_code=650", None)).await;
        assert_eq!(bad.status, StatusCode::BAD_REQUEST);
        assert!(
            bad.body.contains("郵便番号は7桁の数字で入力してください"),
            "{}",
            bad.body
        );
        assert_eq!(value_of(&bad.body, "postal_code"), "650", "kept as typed");

        // By prefecture: its offices, and its municipalities to narrow down.
        let pref = send(&w.app, get_with("/offices?prefecture=13", None)).await;
        let results = text(element(&pref.body, r#"id="results""#, "</section>"));
        assert!(
            results.contains("東京都 のハローワーク") && results.contains("飯田橋公共職業安定所"),
            "{results}"
        );
        let select = element(&pref.body, r#"id="municipality""#, "</select>");
        assert!(select.contains("千代田区") && select.contains("文京区"), "{select}");
        let muni = format!("/offices?prefecture=27&municipality={}", enc("大阪市天王寺区"));
        let place = send(&w.app, get_with(&muni, None)).await;
        let results = text(element(&place.body, r#"id="results""#, "</section>"));
        assert!(
            results.contains("大阪府 大阪市天王寺区 を担当するハローワーク"),
            "{results}"
        );
        assert!(results.contains("大阪東公共職業安定所"), "{results}");
        // Only prefectures with an office are offered.
        let offered = element(&pref.body, r#"id="prefecture""#, "</select>");
        assert!(offered.contains("北海道") && !offered.contains("沖縄県"), "{offered}");

        // The office page lists its 管轄.
        let office = send(&w.app, get_with("/offices/28011", None)).await;
        assert!(text(&office.body).contains("担当地域（管轄）: 神戸市中央区、神戸市兵庫区"));
    }
}

// Issue 13, item 1: the person's office is remembered on My Page (chosen, else the office
// of their job-seeker number).
#[tokio::test]
async fn the_office_is_remembered() {
    for w in seeded("start_remember").await {
        let seeker = eligible(&w, "start.remember").await;
        let me = send(&w.app, get_with("/me", Some(&seeker))).await;
        let t = text(&me.body);
        assert!(
            t.contains("あなたのハローワーク: 灘公共職業安定所三宮分室 (求職番号から)"),
            "{t}"
        );
        let found = send(&w.app, get_with("/offices?prefecture=13", Some(&seeker))).await;
        let csrf = csrf_of(&found.body);
        let keep = body(&csrf, &[("office", "13010"), ("next", "/offices?prefecture=13")]);
        let r = send(&w.app, form_post("/me/office", &seeker, &keep)).await;
        assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
        assert_eq!(r.headers[header::LOCATION], "/offices?prefecture=13");
        let me = send(&w.app, get_with("/me", Some(&seeker))).await;
        assert!(
            text(&me.body).contains("あなたのハローワーク: 飯田橋公共職業安定所 ·"),
            "{}",
            me.body
        );
        assert!(me.body.contains(r#"href="/offices/13010/book">予約する</a>"#));
        let again = send(&w.app, get_with("/offices?prefecture=13", Some(&seeker))).await;
        assert!(
            again
                .body
                .contains(r#"<span class="badge">あなたのハローワーク</span>"#)
        );
        let unknown = body(&csrf, &[("office", "99999"), ("next", "/me")]);
        let r = send(&w.app, form_post("/me/office", &seeker, &unknown)).await;
        assert_eq!(r.status, StatusCode::NOT_FOUND);
    }
}

// Issue 13, item 1: a signed-out click on a time leads to sign-in and back to that time;
// `next` is a path on this site or nothing (domain::next_path).
#[tokio::test]
async fn sign_in_returns_to_where_the_person_was_going() {
    for w in seeded("start_next").await {
        let _ = active_account(&w, "start.next").await;
        let r = send(&w.app, get_with("/book/1", None)).await;
        assert_eq!(r.status, StatusCode::SEE_OTHER);
        assert_eq!(r.headers[header::LOCATION], "/sign-in?next=/book/1");
        let form = send(&w.app, get_with("/sign-in?next=/book/1", None)).await;
        assert!(
            form.body
                .contains(r#"<input type="hidden" name="next" value="/book/1">"#)
        );
        assert!(form.body.contains("ログインすると、選んでいたページに戻ります。"));
        let anon = session_cookie(&form).unwrap();
        let csrf = csrf_of(&form.body);
        let sign_in = |next: &str| {
            body(
                &csrf,
                &[
                    ("user_id", "start.next"),
                    ("password", "Kobe-Sannomiya#2026"),
                    ("next", next),
                ],
            )
        };
        let wrong = body(
            &csrf,
            &[
                ("user_id", "start.next"),
                ("password", "Wrong-Password#1"),
                ("next", "/book/1"),
            ],
        );
        let refused = send(&w.app, form_post("/sign-in", &anon, &wrong)).await;
        assert!(
            refused.body.contains(r#"name="next" value="/book/1""#),
            "kept after a refusal"
        );
        let r = send(&w.app, form_post("/sign-in", &anon, &sign_in("/book/1"))).await;
        assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
        assert_eq!(r.headers[header::LOCATION], "/book/1", "{}", w.backend);
        for (next, to) in [("//evil.example/", "/me"), ("https://evil.example", "/me"), ("", "/me")] {
            let form = send(&w.app, get_with("/sign-in", None)).await;
            let (anon, csrf) = (session_cookie(&form).unwrap(), csrf_of(&form.body));
            let b = body(
                &csrf,
                &[
                    ("user_id", "start.next"),
                    ("password", "Kobe-Sannomiya#2026"),
                    ("next", next),
                ],
            );
            let r = send(&w.app, form_post("/sign-in", &anon, &b)).await;
            assert_eq!(r.headers[header::LOCATION], to, "{next}");
        }
        // The header's sign-in link carries the page; the week's link keeps its query.
        let week = send(&w.app, get_with("/offices/28011/book?week=2027-01-04", None)).await;
        assert!(
            week.body
                .contains(r#"href="/sign-in?next=/offices/28011/book%3Fweek%3D2027-01-04">ログイン</a>"#),
            "{}",
            week.body
        );
    }
}

// Issue 13, item 6: the header by sign-in: signed out it offers registration and sign-in,
// signed in My Page and sign-out (a form), staff the console and their own sign-out.
#[tokio::test]
async fn the_header_follows_sign_in() {
    for w in seeded("start_header").await {
        let nav = |html: &str| element(html, r#"class="account""#, "</nav>").to_owned();
        let anon = nav(&send(&w.app, get_with("/offices", None)).await.body);
        assert!(
            anon.contains(">利用者登録</a>") && anon.contains(">ログイン</a>"),
            "{anon}"
        );
        assert!(!anon.contains("ログアウト") && !anon.contains("/me\""), "{anon}");
        let seeker = active_account(&w, "start.header").await;
        let page = send(&w.app, get_with("/offices", Some(&seeker))).await;
        let signed_in = nav(&page.body);
        assert!(signed_in.contains(r#"href="/me">マイページ</a>"#), "{signed_in}");
        assert!(
            signed_in.contains(r#"action="/sign-out""#) && signed_in.contains("ログアウト"),
            "{signed_in}"
        );
        assert!(
            !signed_in.contains("利用者登録") && !signed_in.contains(">ログイン<"),
            "{signed_in}"
        );
        // The header's sign-out works (it carries the session's CSRF token).
        let csrf = csrf_of(&page.body);
        let out = send(&w.app, form_post("/sign-out", &seeker, &body(&csrf, &[]))).await;
        assert_eq!(out.status, StatusCode::SEE_OTHER);
        // Staff: the console and their own sign-out.
        let (password, key) = staff(&w, Role::Counsellor, Some("28011"), "start.staff").await;
        let member = staff_sign_in(&w, "start.staff", &password, &code(&w, &key))
            .await
            .unwrap();
        let staff_nav = nav(&send(&w.app, get_with("/offices", Some(&member))).await.body);
        assert!(staff_nav.contains(r#"href="/staff">職員コンソール</a>"#), "{staff_nav}");
        assert!(
            staff_nav.contains(r#"action="/staff/sign-out""#) && !staff_nav.contains("マイページ"),
            "{staff_nav}"
        );
    }
}

// Issue 13, item 6 (NT-2): while read-only every page carries the banner, and the forms of
// every page but the few that still write are disabled; staff sign-in stays usable.
#[tokio::test]
async fn read_only_banner_and_disabled_forms() {
    for w in seeded("start_read_only").await {
        let seeker = eligible(&w, "start.readonly").await;
        let notice = Some(("メンテナンス", "閲覧のみ"));
        madoguchi_app::notices::switch(&w.db, w.clock.as_ref(), Publisher::Operator, Mode::ReadOnly, notice)
            .await
            .unwrap();
        // Pages that send something: disabled. Pages for looking up: their searches work.
        for (path, cookie, frozen) in [
            ("/", None, false),
            ("/offices?prefecture=28", Some(seeker.as_str()), false),
            ("/offices/28011/book", None, false),
            ("/seminars", None, false),
            ("/me", Some(seeker.as_str()), false),
            ("/sign-in", None, true),
            ("/register", None, true),
            ("/me/eligibility", Some(seeker.as_str()), true),
            ("/me/lock", Some(seeker.as_str()), true),
            ("/terms/consultation", Some(seeker.as_str()), true),
        ] {
            let r = send(&w.app, get_with(path, cookie)).await;
            assert_eq!(r.status, StatusCode::OK, "{path}");
            assert!(
                r.body
                    .contains(r#"<div class="banner read-only" role="status"><p>ただいまメンテナンス中のため"#),
                "{path}: {}",
                r.body
            );
            let disabled = r.body.contains(r#"<fieldset class="frozen" disabled role="none">"#);
            assert_eq!(disabled, frozen, "{path}");
            assert!(
                !r.body.contains(r#"action="/me/office""#),
                "{path}: nothing that writes is offered"
            );
        }
        let staff = send(&w.app, get_with("/staff/sign-in", None)).await;
        assert!(
            staff.body.contains("banner read-only") && !staff.body.contains("frozen"),
            "staff sign in works"
        );
        // Sign-out still works: nothing is recorded by leaving.
        let me = send(&w.app, get_with("/me", Some(&seeker))).await;
        let out = send(&w.app, form_post("/sign-out", &seeker, &body(&csrf_of(&me.body), &[]))).await;
        assert_eq!(out.status, StatusCode::SEE_OTHER, "{}", out.body);
        madoguchi_app::notices::switch(&w.db, w.clock.as_ref(), Publisher::Operator, Mode::Open, notice)
            .await
            .unwrap();
        let open = send(&w.app, get_with("/sign-in", None)).await;
        assert!(!open.body.contains("banner read-only") && !open.body.contains("frozen"));
    }
}

// Issue 13, item 6: a favicon, linked from every page and where browsers look for it.
#[tokio::test]
async fn a_favicon() {
    for w in seeded("start_favicon").await {
        for path in ["/favicon.ico", "/assets/favicon.svg"] {
            let r = send(&w.app, get_with(path, None)).await;
            assert_eq!(r.status, StatusCode::OK, "{path}");
            assert_eq!(r.headers[header::CONTENT_TYPE], "image/svg+xml");
            assert!(r.body.starts_with("<svg"));
        }
        let page = send(&w.app, get_with("/nowhere", None)).await;
        assert!(
            page.body
                .contains(r#"<link rel="icon" href="/assets/favicon.svg" type="image/svg+xml">"#)
        );
    }
}
