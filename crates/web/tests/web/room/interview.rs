//! The interview room on the web (rules IV-3, MT-3): `/rooms/i7` in Japanese and English for
//! the job seeker (the checklist first), the employer (through the mailed link, bound to the
//! browser) and the office's counsellor, the ways in from the staff page and the employer's
//! page, the second representative's form kept on refusal, and the WebSocket recording the
//! employer's attendance. Both backends.

use axum::http::StatusCode;
use madoguchi_app::interviews::answer;
use madoguchi_app::interviews::arrange::{self, Arrangement};
use madoguchi_app::shared::StaffMember;
use madoguchi_domain::clock::Clock;
use madoguchi_domain::interview::Shares;
use madoguchi_store::mail::outbox;
use serde_json::json;
use tokio_tungstenite::tungstenite::client::IntoClientRequest;

use super::room_setup::{Staff, at, listen, move_to, next, say, seeker, sign_in};
use crate::support::{World, csrf_of, enc, form_post, get_with, send, session_cookie, worlds};

const EMPLOYER: &str = "saiyo@minato.example.jp";

async fn member(w: &World, user_id: &str) -> StaffMember {
    let key = madoguchi_domain::user_id::UserId::parse(user_id).unwrap().normalized();
    let row = madoguchi_store::accounts::staff::by_key(&w.db, &key)
        .await
        .unwrap()
        .unwrap();
    madoguchi_app::console::staff::member(&w.db, row.id)
        .await
        .unwrap()
        .unwrap()
}

/// An accepted built-in interview of `seeker` at 2027-01-04 10:00; its id and the employer's token.
async fn interview(w: &World, staff: &StaffMember, seeker: &str) -> (i64, String) {
    let form = Arrangement {
        seeker: seeker.into(),
        employer_name: "株式会社みなと製作所".into(),
        contact_name: "採用 担当".into(),
        contact_email: EMPLOYER.into(),
        job_number: "28010-12345678".into(),
        job_title: "機械オペレーター".into(),
        date: "2027-01-04".into(),
        time: "10:00".into(),
        minutes: "30".into(),
        app: "builtin".into(),
        counsellor_attends: true,
    };
    let id = arrange::arrange(&w.db, w.clock.as_ref(), staff, &form).await.unwrap();
    let user = madoguchi_store::accounts::users::by_key(&w.db, seeker)
        .await
        .unwrap()
        .unwrap()
        .id;
    answer::accept(&w.db, w.clock.as_ref(), &w.state.site, user, id, Shares::default())
        .await
        .unwrap();
    let mails = outbox::claim_due(&w.db, w.clock.now(), chrono::Duration::minutes(5), 500)
        .await
        .unwrap();
    let body = &mails.iter().rfind(|m| m.recipient == EMPLOYER).unwrap().body_text;
    let start = body.find("/interviews/join/").unwrap() + "/interviews/join/".len();
    (id, body[start..].split_whitespace().next().unwrap().to_owned())
}

// IV-3: the interview room's page in Japanese and English for each side; the way in from
// the staff page and the employer's page; the second representative's form keeps what was
// typed when a field is refused; the employer's WebSocket records their attendance.
#[tokio::test]
async fn interview_room_pages_in_japanese_and_english() {
    for w in worlds("iroom_pages").await {
        madoguchi_app::demo::seed_if_empty(&w.db, w.clock.as_ref())
            .await
            .unwrap();
        let _ = seeker(&w, "iroom.seeker").await;
        let kobe = Staff::new(&w, "28011", "iroom.kobe").await;
        let staff = member(&w, "iroom.kobe").await;
        let (id, token) = interview(&w, &staff, "iroom.seeker").await;
        let room = format!("/rooms/i{id}");

        // IV-3: before ten minutes ahead the page says when it opens, in the reader's language.
        move_to(&w, at(9, 40));
        let mine = sign_in(&w, "iroom.seeker").await;
        let early = send(&w.app, get_with(&format!("{room}?lang=ja"), Some(&mine))).await;
        assert_eq!(early.status, StatusCode::OK, "{}: {}", w.backend, early.body);
        assert!(
            early.body.contains("面接ルームは面接開始の10分前に開きます"),
            "{}",
            early.body
        );
        let early = send(&w.app, get_with(&format!("{room}?lang=en"), Some(&mine))).await;
        assert!(
            early.body.contains("The interview room opens 10 minutes before"),
            "{}",
            early.body
        );

        // The job seeker: the checklist first (BK-14), then the room.
        move_to(&w, at(9, 50));
        let mine = sign_in(&w, "iroom.seeker").await;
        let ja = send(&w.app, get_with(&format!("{room}?lang=ja"), Some(&mine))).await;
        assert_eq!(ja.status, StatusCode::OK, "{}", w.backend);
        assert!(ja.body.contains("<h1>面接ルーム</h1>"), "{}", ja.body);
        assert!(ja.body.contains(&format!("action=\"{room}/checklist\"")));
        let en = send(&w.app, get_with(&format!("{room}?lang=en"), Some(&mine))).await;
        assert!(en.body.contains("<h1>Interview room</h1>"), "{}", en.body);
        // Every item the page asks about, ticked.
        let items: Vec<String> = ja
            .body
            .split("type=\"checkbox\" name=\"")
            .skip(1)
            .map(|rest| format!("{}=yes", rest.split('"').next().unwrap()))
            .collect();
        assert!(items.len() >= 3, "{items:?}");
        let body = format!("_csrf={}&{}", enc(&csrf_of(&ja.body)), items.join("&"));
        let r = send(&w.app, form_post(&format!("{room}/checklist"), &mine, &body)).await;
        assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
        let ready = send(&w.app, get_with(&room, Some(&mine))).await;
        assert!(
            ready.body.contains(&format!("data-id=\"i{id}\" data-role=\"seeker\"")),
            "{}",
            ready.body
        );
        assert!(ready.body.contains("/assets/room.js"));

        // The employer: the mailed link binds this browser; their page leads into the room.
        let form = send(&w.app, get_with(&format!("/interviews/join/{token}"), None)).await;
        let employer = session_cookie(&form).unwrap();
        let body = format!("_csrf={}", enc(&csrf_of(&form.body)));
        let r = send(
            &w.app,
            form_post(&format!("/interviews/join/{token}"), &employer, &body),
        )
        .await;
        assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
        let page = send(&w.app, get_with(&format!("/interviews/{id}/employer"), Some(&employer))).await;
        assert!(page.body.contains(&format!("href=\"{room}\"")), "{}", page.body);
        let en = send(&w.app, get_with(&format!("{room}?lang=en"), Some(&employer))).await;
        assert!(en.body.contains("data-role=\"employer1\""), "{}", en.body);
        assert!(en.body.contains("Employer representative 1"));
        let ja = send(&w.app, get_with(&format!("{room}?lang=ja"), Some(&employer))).await;
        assert!(ja.body.contains("企業の担当者1"));
        // A browser without the link is sent to sign in.
        let stranger = send(&w.app, get_with(&room, None)).await;
        assert_eq!(stranger.status, StatusCode::SEE_OTHER);

        // The counsellor: the staff page's way in and the second representative's form.
        let c = kobe.sign_in(&w).await;
        let detail = send(&w.app, get_with(&format!("/staff/interviews/{id}?lang=en"), Some(&c))).await;
        assert!(detail.body.contains(&format!("href=\"{room}\"")), "{}", detail.body);
        assert!(detail.body.contains("second representative"));
        let body = format!(
            "_csrf={}&rep_name={}&rep_email=not-an-address",
            enc(&csrf_of(&detail.body)),
            enc("人事 花子")
        );
        let refused = send(
            &w.app,
            form_post(&format!("/staff/interviews/{id}/representative"), &c, &body),
        )
        .await;
        assert_eq!(refused.status, StatusCode::UNPROCESSABLE_ENTITY, "{}", refused.body);
        assert!(
            refused.body.contains("value=\"人事 花子\""),
            "kept as typed: {}",
            refused.body
        );
        let body = format!(
            "_csrf={}&rep_name={}&rep_email=hanako%40minato.example.jp",
            enc(&csrf_of(&detail.body)),
            enc("人事 花子")
        );
        let done = send(
            &w.app,
            form_post(&format!("/staff/interviews/{id}/representative"), &c, &body),
        )
        .await;
        assert_eq!(done.status, StatusCode::SEE_OTHER, "{}", done.body);
        let ja = send(&w.app, get_with(&format!("{room}?lang=ja"), Some(&c))).await;
        assert!(ja.body.contains("data-role=\"counsellor\""), "{}", ja.body);
        assert!(ja.body.contains(&format!("action=\"{room}/companion-link\"")));

        // The employer's WebSocket: welcomed as seat 1, attendance recorded as theirs.
        let addr = listen(&w).await;
        let mut req = format!("ws://{addr}/rooms/i{id}/ws").into_client_request().unwrap();
        req.headers_mut().insert("cookie", employer.parse().unwrap());
        let (mut ws, _) = tokio_tungstenite::connect_async(req).await.unwrap();
        let welcome = next(&mut ws, "welcome").await;
        assert_eq!(welcome["role"], "employer1");
        assert_eq!(welcome["admitted"], false, "the counsellor admits");
        let mut req = format!("ws://{addr}/rooms/i{id}/ws").into_client_request().unwrap();
        req.headers_mut().insert("cookie", c.parse().unwrap());
        let (mut host, _) = tokio_tungstenite::connect_async(req).await.unwrap();
        next(&mut host, "welcome").await;
        let peer = next(&mut host, "peer").await;
        say(&mut host, json!({"t": "admit", "peer": peer["id"]})).await;
        next(&mut ws, "admitted").await;
        say(&mut ws, json!({"t": "connected"})).await;
        // The socket handles its messages in order: once the chat after `connected` is
        // relayed, the attendance was written.
        say(&mut ws, json!({"t": "chat", "text": "よろしくお願いします"})).await;
        next(&mut host, "chat").await;
        let recorded: Vec<(String, String)> = madoguchi_store::interviews::events(&w.db, id)
            .await
            .unwrap()
            .into_iter()
            .filter(|e| e.1.starts_with("room_"))
            .map(|e| (e.1, e.2))
            .collect();
        assert_eq!(
            recorded,
            [("room_joined".to_owned(), "employer:1".to_owned())],
            "{}",
            w.backend
        );
    }
}
