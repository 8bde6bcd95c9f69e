//! Issue 16, item 3 (rules NO-5, NT-1, AC-13, N10): content in several languages on both
//! backends. A national admin
//! publishes a notice with an English translation through the form; an English reader sees
//! it, and the Japanese-only notice marked 日本語のみ / "Japanese only" with `lang="ja"`, on
//! the page, in the Atom feed and in the API's `translations`; a refused translation keeps
//! every typed value; a translation is edited and removed through its confirmation page;
//! the terms in English say the Japanese binds; seminars fall back the same way.

use axum::http::StatusCode;
use madoguchi_domain::staff::Role;

use super::form_html::{assert_kept, body, errors_of, summary};
use super::staff::{code, staff, staff_sign_in};
use super::support::{csrf_of, form_post, get_with, send, worlds};

const MARK_EN: &str = "<span class=\"ja-only\">Japanese only</span>";

#[tokio::test]
async fn translated_content_and_the_japanese_only_mark() {
    for w in worlds("content_languages").await {
        let b = w.backend;
        madoguchi_app::demo::seed_if_empty(&w.db, w.clock.as_ref())
            .await
            .unwrap();
        madoguchi_app::demo::seed_terms(&w.db, w.clock.as_ref()).await.unwrap();
        madoguchi_app::demo::seed_seminars(&w.db, w.clock.as_ref())
            .await
            .unwrap();
        let (pw, key) = staff(&w, Role::NationalAdmin, None, "national.content").await;
        let national = staff_sign_in(&w, "national.content", &pw, &code(&w, &key))
            .await
            .unwrap();
        let page = send(&w.app, get_with("/staff/notices", Some(&national))).await;
        let csrf = csrf_of(&page.body);
        let publish = |pairs: &[(&str, &str)]| {
            let mut all = vec![("action", "publish"), ("kind", "information")];
            all.extend_from_slice(pairs);
            body(&csrf, &all)
        };

        // N10: a refused translation (N10 in the English title; a text without a language) keeps
        // every typed value in both languages, each problem next to its field.
        let typed = [
            ("title", "庁舎移転のお知らせ"),
            ("body", "12月から新庁舎です。"),
            ("translation_lang", "en"),
            ("translation_title", "Office move①"),
            ("translation_body", "From December we are in the new building."),
        ];
        let r = send(&w.app, form_post("/staff/notices", &national, &publish(&typed))).await;
        assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY, "{b}: {}", r.body);
        assert_kept(&r.body, &typed);
        assert!(
            errors_of(&r.body, "translation_title")[0].contains("「①」"),
            "{}",
            summary(&r.body)
        );
        let no_lang = [
            ("title", "庁舎移転のお知らせ"),
            ("body", "12月から新庁舎です。"),
            ("translation_lang", ""),
            ("translation_title", "Office move"),
            ("translation_body", "From December."),
        ];
        let r = send(&w.app, form_post("/staff/notices", &national, &publish(&no_lang))).await;
        assert_kept(&r.body, &no_lang);
        assert!(
            !errors_of(&r.body, "translation_lang").is_empty(),
            "{b}: {}",
            summary(&r.body)
        );
        assert!(
            send(&w.app, get_with("/api/v1/notices", None))
                .await
                .json()
                .as_array()
                .unwrap()
                .is_empty(),
            "nothing was published"
        );

        // Published with its English text, and a second notice in Japanese only.
        let good = [
            ("title", "庁舎移転のお知らせ"),
            ("body", "12月から新庁舎です。"),
            ("translation_lang", "en"),
            ("translation_title", "Office move"),
            ("translation_body", "From December we are in the new building."),
        ];
        let r = send(&w.app, form_post("/staff/notices", &national, &publish(&good))).await;
        assert!(r.body.contains("記録しました"), "{b}: {}", r.body);
        let r = send(
            &w.app,
            form_post(
                "/staff/notices",
                &national,
                &publish(&[("title", "年末年始の休み"), ("body", "閉庁します。")]),
            ),
        )
        .await;
        assert!(r.body.contains("記録しました"), "{b}");

        let en = send(&w.app, get_with("/notices?lang=en", None)).await;
        assert!(
            en.body.contains("Office move") && en.body.contains("From December"),
            "{b}"
        );
        assert!(
            !en.body.contains("庁舎移転のお知らせ"),
            "the translation replaces the Japanese"
        );
        assert!(
            en.body
                .contains(&format!("<span lang=\"ja\">年末年始の休み</span> {MARK_EN}")),
            "{b}: {}",
            en.body
        );
        assert!(en.body.contains("<p class=\"pre\" lang=\"ja\">閉庁します。</p>"));
        let ja = send(&w.app, get_with("/notices", None)).await;
        assert!(
            ja.body.contains("庁舎移転のお知らせ") && !ja.body.contains("日本語のみ"),
            "{b}"
        );
        let top = send(&w.app, get_with("/?lang=en", None)).await;
        assert!(top.body.contains("Office move") && top.body.contains(MARK_EN), "{b}");

        // The feed in English: the translation, and the fallback marked and tagged.
        let feed = send(&w.app, get_with("/notices.atom?lang=en", None)).await;
        assert!(feed.body.contains("<title>Office move</title>"), "{}", feed.body);
        assert!(feed.body.contains("<title>[Japanese only] 年末年始の休み</title>"));
        assert!(
            feed.body
                .contains("<content type=\"text\" xml:lang=\"ja\">閉庁します。</content>")
        );

        // The API: the Japanese fields unchanged, the translations beside them.
        let api = send(&w.app, get_with("/api/v1/notices", None)).await.json();
        let moved = api
            .as_array()
            .unwrap()
            .iter()
            .find(|n| n["title"] == "庁舎移転のお知らせ")
            .unwrap();
        assert_eq!(moved["body"], "12月から新庁舎です。");
        assert_eq!(moved["translations"]["en"]["title"], "Office move", "{b}");
        let closed = api
            .as_array()
            .unwrap()
            .iter()
            .find(|n| n["title"] == "年末年始の休み")
            .unwrap();
        assert_eq!(closed["translations"], serde_json::json!({}));
        let id = moved["id"].as_i64().unwrap();

        // Edit, then remove through the confirmation page (audited).
        let path = format!("/staff/translations/notice/{id}");
        let page = send(&w.app, get_with(&path, Some(&national))).await;
        assert_eq!(page.status, StatusCode::OK, "{b}: {}", page.body);
        let edit = body(
            &csrf,
            &[
                ("action", "edit"),
                ("translation_lang", "en"),
                ("translation_title", "The office moves"),
                ("translation_body", "From December."),
            ],
        );
        let r = send(&w.app, form_post(&path, &national, &edit)).await;
        assert!(r.body.contains("翻訳を保存しました"), "{b}: {}", r.body);
        assert!(
            send(&w.app, get_with("/notices?lang=en", None))
                .await
                .body
                .contains("The office moves")
        );
        let confirm = send(&w.app, get_with(&format!("{path}/remove?language=en"), Some(&national))).await;
        assert!(confirm.body.contains("この翻訳を削除しますか"), "{b}: {}", confirm.body);
        let r = send(
            &w.app,
            form_post(
                &format!("{path}/remove"),
                &national,
                &body(&csrf, &[("translation_lang", "en")]),
            ),
        )
        .await;
        assert!(r.body.contains("翻訳を削除しました"), "{b}: {}", r.body);
        let en = send(&w.app, get_with("/notices?lang=en", None)).await;
        assert!(
            en.body
                .contains(&format!("<span lang=\"ja\">庁舎移転のお知らせ</span> {MARK_EN}")),
            "{b}"
        );
        let actions: Vec<String> = super::staff::audit_actions(&w)
            .await
            .into_iter()
            .map(|(a, _)| a)
            .collect();
        for a in ["add_translation", "edit_translation", "remove_translation"] {
            assert!(actions.iter().any(|x| x == a), "{b}: {a} audited in {actions:?}");
        }
        // A counsellor may not translate.
        let (cpw, ckey) = staff(&w, Role::Counsellor, Some("28011"), "kobe.content").await;
        w.clock.advance(chrono::Duration::seconds(30));
        let counsellor = staff_sign_in(&w, "kobe.content", &cpw, &code(&w, &ckey)).await.unwrap();
        let r = send(&w.app, get_with(&path, Some(&counsellor))).await;
        assert_eq!(r.status, StatusCode::FORBIDDEN, "{b}");
        // A refusal of the role is not the person's typing: the heading says so.
        assert!(r.body.contains("この操作はできません"), "{}", r.body);
        assert!(!r.body.contains("入力内容を確認してください"), "{}", r.body);

        // NT-3: a new terms version with its translation; a refused one keeps both texts.
        let terms = |text: &str| {
            body(
                &csrf,
                &[
                    ("action", "terms"),
                    ("service", "seminar"),
                    ("version", "2"),
                    ("effective_from", "2027-04-01T00:00"),
                    ("body", "第2版の規約"),
                    ("translation_lang", "en"),
                    ("translation_body", text),
                ],
            )
        };
        let r = send(&w.app, form_post("/staff/notices", &national, &terms("Version 2①"))).await;
        assert_kept(
            &r.body,
            &[("terms-body", "第2版の規約"), ("terms-translation_body", "Version 2①")],
        );
        assert!(
            !errors_of(&r.body, "terms-translation_body").is_empty(),
            "{b}: {}",
            summary(&r.body)
        );
        let r = send(&w.app, form_post("/staff/notices", &national, &terms("Version 2"))).await;
        assert!(r.body.contains("記録しました"), "{b}: {}", summary(&r.body));
        let api = send(&w.app, get_with("/api/v1/terms/seminar", None)).await.json();
        assert_eq!(api["versions"][0]["translations"]["en"]["body"], "Version 2", "{b}");
        assert_eq!(api["versions"][0]["body"], "第2版の規約");

        // AC-13: the English text is for reference; the Japanese binds and is acceptance's.
        madoguchi_app::demo::translations::seed_translations(&w.db, w.clock.as_ref())
            .await
            .unwrap();
        let terms = send(&w.app, get_with("/terms/system?lang=en", None)).await;
        assert!(
            terms
                .body
                .contains("The Japanese text is binding; this translation is for reference."),
            "{b}: {}",
            terms.body
        );
        assert!(terms.body.contains("terms of use (demo)") && terms.body.contains("<p class=\"pre\" lang=\"ja\">"));
        let ja = send(&w.app, get_with("/terms/system", None)).await;
        assert!(!ja.body.contains("正文です"), "no note in Japanese");
        let api = send(&w.app, get_with("/api/v1/terms/system", None)).await.json();
        assert!(api["versions"][0]["body"].as_str().unwrap().starts_with("Madoguchi（"));
        assert!(
            api["versions"][0]["translations"]["en"]["body"]
                .as_str()
                .unwrap()
                .contains("(demo)")
        );

        // An office's address: the Japanese marked until translated, then the translation.
        let office = send(&w.app, get_with("/offices/28011?lang=en", None)).await;
        assert!(office.body.contains(MARK_EN), "{b}: the address is Japanese only");
        let page = send(&w.app, get_with("/staff/translations/office/28011", Some(&national))).await;
        let add = body(
            &csrf_of(&page.body),
            &[
                ("action", "add"),
                ("translation_lang", "en"),
                ("translation_body", "1-1 Kano-cho, Chuo-ku, Kobe"),
            ],
        );
        let r = send(&w.app, form_post("/staff/translations/office/28011", &national, &add)).await;
        assert!(r.body.contains("翻訳を保存しました"), "{b}: {}", r.body);
        let office = send(&w.app, get_with("/offices/28011?lang=en", None)).await;
        assert!(
            office.body.contains("1-1 Kano-cho") && !office.body.contains(MARK_EN),
            "{b}"
        );
        let api = send(&w.app, get_with("/api/v1/offices/28011", None)).await.json();
        assert_eq!(api["translations"]["en"]["body"], "1-1 Kano-cho, Chuo-ku, Kobe");

        // Seminars: the translated one in English, the other marked.
        let list = send(&w.app, get_with("/seminars?lang=en", None)).await;
        assert!(
            list.body.contains(">Writing application documents</a>"),
            "{b}: {}",
            list.body
        );
        assert!(
            list.body
                .contains(&format!(" lang=\"ja\">介護施設のオンライン見学会</a> {MARK_EN}")),
            "{b}"
        );
    }
}
