//! Issue 16 item 4: names that are not Japanese. A residence-card name registers as it is; a
//! name with diacritics or simplified Chinese gets a replacement, one in another script the
//! advice to write it in Latin letters as on the card, in the reader's language (rules AC-4,
//! AC-12, N10). Both backends.

use axum::http::{StatusCode, header};
use serde_json::json;

use super::form_html::{assert_kept, body, errors_of, summary};
use super::support::{
    csrf_of, form_post, get_with, mailed_token, post_json, registration, send, session_cookie, worlds,
};

fn typed<'a>(name: &'a str, kana: &'a str) -> [(&'static str, &'a str); 8] {
    [
        ("user_id", "nguyen.van.an"),
        ("password", "Kobe-Sannomiya#2026"),
        ("name", name),
        ("name_kana", kana),
        ("address", "兵庫県神戸市中央区雲井通５－３－１"),
        ("email", "an@example.jp"),
        ("phone", "078-231-8609"),
        ("accept_terms", "on"),
    ]
}

// rules AC-4, AC-12, N10: the form says how to write a residence-card name; Nguyễn gets "e"
// for ễ and 김 the advice, in Japanese and in English, with every value kept as typed; the
// name as on the card (NGUYEN VAN AN, katakana with ・) registers and is kept as typed.
#[tokio::test]
async fn register_with_a_residence_card_name_after_a_suggestion() {
    for w in worlds("foreign_names").await {
        let form = send(&w.app, get_with("/register", None)).await;
        assert!(
            form.body.contains("在留カードのとおりにローマ字の大文字で"),
            "{}",
            form.body
        );
        let en = send(&w.app, get_with("/register?lang=en", None)).await;
        assert!(
            en.body.contains("as on your residence card: in Latin capitals"),
            "{}",
            en.body
        );
        let anon = session_cookie(&form).unwrap();
        let csrf = csrf_of(&form.body);

        let vietnamese = typed("Nguyễn Văn An", "グエン・ヴァン・アン");
        let r = send(&w.app, form_post("/register", &anon, &body(&csrf, &vietnamese))).await;
        assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY, "{}: {}", w.backend, r.body);
        assert_kept(&r.body, &[vietnamese[0], vietnamese[2], vietnamese[3], vietnamese[4]]);
        assert_eq!(
            errors_of(&r.body, "name"),
            [
                "5文字目の「ễ」（U+1EC5）は使用できません。「e」に置き換えてください。",
                "9文字目の「ă」（U+0103）は使用できません。「a」に置き換えてください。",
            ],
            "{}",
            w.backend
        );
        assert!(
            errors_of(&r.body, "name_kana").is_empty(),
            "katakana with ・ is a kana name"
        );

        let hangul = typed("김민수", "キム・ミンス");
        let r = send(&w.app, form_post("/register", &anon, &body(&csrf, &hangul))).await;
        let said = errors_of(&r.body, "name");
        assert_eq!(said.len(), 3, "{}", r.body);
        assert!(
            said[0].ends_with("在留カードのとおりにローマ字で入力してください。"),
            "{said:?}"
        );
        let r = send(&w.app, form_post("/register?lang=en", &anon, &body(&csrf, &vietnamese))).await;
        assert_eq!(
            errors_of(&r.body, "name")[0],
            "Character 5, \"ễ\" (U+1EC5), cannot be used. Use \"e\" instead."
        );
        let r = send(&w.app, form_post("/register?lang=en", &anon, &body(&csrf, &hangul))).await;
        assert!(
            summary(&r.body).contains("cannot be used. Write it in Latin letters as on your residence card."),
            "{}",
            r.body
        );

        let card = typed("NGUYEN VAN AN", "グエン・ヴァン・アン");
        let r = send(&w.app, form_post("/register", &anon, &body(&csrf, &card))).await;
        assert_eq!(r.status, StatusCode::SEE_OTHER, "{}: {}", w.backend, r.body);
        assert_eq!(r.headers[header::LOCATION], "/register/sent");
        let token = mailed_token(&w).await;
        send(
            &w.app,
            post_json("/api/v1/registrations/verify", &json!({ "token": token }), None),
        )
        .await;
        let creds = json!({"user_id": "nguyen.van.an", "password": "Kobe-Sannomiya#2026"});
        let s = send(&w.app, post_json("/api/v1/session", &creds, None)).await;
        let me = send(&w.app, get_with("/api/v1/me", session_cookie(&s).as_deref()))
            .await
            .json();
        assert_eq!(
            (me["name"].as_str(), me["name_kana"].as_str()),
            (Some("NGUYEN VAN AN"), Some("グエン・ヴァン・アン"))
        );
    }
}

// rules AC-4, N10: the API names each replacement (ü → u, 伟 → 偉) and, where there is none,
// the advice's stable code; a kana name with ー and ・ is accepted.
#[tokio::test]
async fn api_suggests_replacements_and_advice_for_names() {
    for w in worlds("foreign_names_api").await {
        let mut bad = registration("muller.anna");
        bad["name"] = json!("Müller 李伟 Иван");
        bad["name_kana"] = json!("ミュラー・アンナ");
        let r = send(&w.app, post_json("/api/v1/registrations", &bad, None)).await;
        assert_eq!(r.status, StatusCode::BAD_REQUEST, "{}", w.backend);
        let p = r.json();
        let errors = p["errors"].as_array().unwrap();
        let said: Vec<_> = errors
            .iter()
            .map(|e| (e["character"].as_str(), e["suggestion"].as_str(), e["advice"].as_str()))
            .collect();
        assert_eq!(
            said,
            [
                (Some("ü"), Some("u"), None),
                (Some("伟"), Some("偉"), None),
                (Some("И"), None, Some("latin_as_on_residence_card")),
                (Some("в"), None, Some("latin_as_on_residence_card")),
                (Some("а"), None, Some("latin_as_on_residence_card")),
                (Some("н"), None, Some("latin_as_on_residence_card")),
            ],
            "{p}"
        );
        assert!(
            errors.iter().all(|e| e["field"] == "name"),
            "the kana name is accepted: {p}"
        );
        bad["name"] = json!("MULLER ANNA MARIA");
        let r = send(&w.app, post_json("/api/v1/registrations", &bad, None)).await;
        assert_eq!(r.status, StatusCode::CREATED, "{}: {}", w.backend, r.body);
    }
}
