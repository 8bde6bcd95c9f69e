//! Issue 16, item 3 (rules NO-5, NT-1, N10, PV-4) on both backends: who may translate what,
//! the checks of a translation, and the audit of each change.
use chrono::{TimeZone, Utc};
use madoguchi_app::AppError;
use madoguchi_app::notices::{self, NoticeInput, Publisher};
use madoguchi_app::translations::translate::{self, Translator};
use madoguchi_app::translations::{self, Of, Translation};
use madoguchi_domain::clock::FixedClock;
use madoguchi_domain::staff::Role;
use madoguchi_store::testing;

use crate::booking_under_load::{office, staff_member as member};

const KNOWN: [&str; 3] = ["ja", "en", "pt-BR"];

fn en(title: &str, body: &str) -> Translation {
    Translation {
        lang: "en".into(),
        title: title.into(),
        body: body.into(),
    }
}

#[tokio::test]
async fn staff_translate_what_they_publish() {
    for t in testing::both("translate").await {
        let (db, b) = (&t.db, t.db.backend());
        office(db).await;
        let clock = FixedClock(Utc.with_ymd_and_hms(2026, 11, 25, 1, 0, 0).unwrap());
        let national = member(db, &clock, Role::NationalAdmin, None, "national.tr").await;
        let kobe = member(db, &clock, Role::OfficeAdmin, Some("28011"), "kobe.tr").await;
        let input = NoticeInput {
            kind: "information".into(),
            title: "全国のお知らせ".into(),
            body: "本文".into(),
            publish_from: None,
            publish_until: None,
            window: None,
        };
        let id = notices::publish(db, &clock, Publisher::Staff(&national), &input)
            .await
            .unwrap()
            .to_string();

        // N10 and the language list: Japanese (the original) and unknown tags are refused.
        for (lang, title, body, code) in [
            ("ja", "x", "y", "invalid_choice"),
            ("vi", "x", "y", "invalid_choice"),
            ("en", "", "y", "required"),
            ("en", "Notice①", "y", "invalid_characters"),
            ("en", &"a".repeat(101), "y", "too_long"),
        ] {
            let tr = Translation {
                lang: lang.into(),
                title: title.into(),
                body: body.into(),
            };
            let e = translate::add(db, &clock, Translator::Staff(&national), Of::Notice, &id, &KNOWN, &tr)
                .await
                .unwrap_err();
            assert_eq!(e.specific_code(), code, "{b}: {lang} {title:?}");
        }
        // An office admin may not translate a national notice; the national admin may, once.
        let e = translate::add(
            db,
            &clock,
            Translator::Staff(&kobe),
            Of::Notice,
            &id,
            &KNOWN,
            &en("Notice", "Text"),
        )
        .await
        .unwrap_err();
        assert!(matches!(e, AppError::Forbidden { .. }), "{b}: {e:?}");
        translate::add(
            db,
            &clock,
            Translator::Staff(&national),
            Of::Notice,
            &id,
            &KNOWN,
            &en("Notice", "Text"),
        )
        .await
        .unwrap();
        let again = translate::add(
            db,
            &clock,
            Translator::Staff(&national),
            Of::Notice,
            &id,
            &KNOWN,
            &en("N", "T"),
        )
        .await
        .unwrap_err();
        assert!(matches!(again, AppError::Conflict(_)), "{b}");
        // Editing a language without a translation is `not_found`.
        let pt = Translation {
            lang: "pt-BR".into(),
            title: "Aviso".into(),
            body: "Texto".into(),
        };
        let e = translate::edit(db, &clock, Translator::Staff(&national), Of::Notice, &id, &KNOWN, &pt)
            .await
            .unwrap_err();
        assert!(matches!(e, AppError::NotFound { .. }), "{b}");

        // An office admin translates the office's address (no name needed), not another's.
        translate::add(
            db,
            &clock,
            Translator::Staff(&kobe),
            Of::Office,
            "28011",
            &KNOWN,
            &en("", "Chuo-ku, Kobe"),
        )
        .await
        .unwrap();
        let rows = translations::of_items(db, Of::Office, &["28011".into()]).await.unwrap();
        assert_eq!(rows.get("28011", "en").unwrap().body, "Chuo-ku, Kobe", "{b}");
        let other = translations::of_items(db, Of::Office, &[]).await.unwrap();
        assert!(other.get("28011", "en").is_none());
        translate::remove(db, &clock, Translator::Staff(&kobe), Of::Office, "28011", "en")
            .await
            .unwrap();
        let e = translate::remove(db, &clock, Translator::Staff(&kobe), Of::Office, "28011", "en")
            .await
            .unwrap_err();
        assert!(matches!(e, AppError::NotFound { .. }), "{b}");

        // PV-4: each change is in the audit, with what and which language.
        let audit = madoguchi_store::records::audit::search(
            db,
            &madoguchi_store::records::audit::Search {
                limit: 50,
                ..Default::default()
            },
        )
        .await
        .unwrap();
        let seen: Vec<(String, String)> = audit.into_iter().map(|a| (a.action, a.detail)).collect();
        for (action, detail) in [
            ("add_translation", format!("notice:{id}:en")),
            ("add_translation", "office:28011:en".to_owned()),
            ("remove_translation", "office:28011:en".to_owned()),
        ] {
            assert!(
                seen.contains(&(action.to_owned(), detail.clone())),
                "{b}: {action} {detail} in {seen:?}"
            );
        }
    }
}
