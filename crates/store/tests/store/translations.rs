//! Issue 16, item 3 (rules NO-5, NT-1, AC-13): texts per language beside the Japanese original, on both backends.

use chrono::{DateTime, TimeZone, Utc};
use madoguchi_store::notices::{self, NewNotice};
use madoguchi_store::translations::{self as texts, NewText, Of};
use madoguchi_store::{offices, testing};

fn now() -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 11, 25, 1, 0, 0).unwrap()
}

fn text<'a>(of: Of, item: &'a str, lang: &'a str, title: &'a str, body: &'a str) -> NewText<'a> {
    NewText {
        of,
        item,
        lang,
        title,
        body,
        by: "staff:1",
    }
}

async fn notice(db: &madoguchi_store::Db, title: &str) -> String {
    let n = NewNotice {
        office_code: None,
        kind: "information".into(),
        title: title.into(),
        body: "本文".into(),
        publish_from: now(),
        publish_until: None,
        window: None,
        created_by: "operator".into(),
    };
    notices::create(db, &n, now()).await.unwrap().to_string()
}

// Issue 16, item 3: one translation per language, edited while it exists, removed once; the
// Japanese original stays in its own row; every kind's texts read by item.
#[tokio::test]
async fn translations_per_language_on_both_backends() {
    for t in testing::both("translations").await {
        let db = &t.db;
        let b = db.backend();
        let (first, second) = (notice(db, "お知らせ一").await, notice(db, "お知らせ二").await);
        let mut tx = db.begin().await.unwrap();
        texts::add(&mut tx, &text(Of::Notice, &first, "en", "Notice one", "Text"), now())
            .await
            .unwrap();
        texts::add(&mut tx, &text(Of::Notice, &first, "pt-BR", "Aviso um", "Texto"), now())
            .await
            .unwrap();
        texts::add(&mut tx, &text(Of::Notice, &second, "en", "Notice two", "Text"), now())
            .await
            .unwrap();
        tx.commit().await.unwrap();

        // A second text in one language is refused by the primary key.
        let mut tx = db.begin().await.unwrap();
        let again = texts::add(&mut tx, &text(Of::Notice, &first, "en", "Again", "x"), now()).await;
        assert!(again.unwrap_err().is_unique_violation(), "{b}");
        drop(tx);

        let rows = texts::of_item(db, Of::Notice, &first).await.unwrap();
        let langs: Vec<_> = rows
            .iter()
            .map(|r| (r.item.as_str(), r.lang.as_str(), r.title.as_str()))
            .collect();
        assert_eq!(
            langs,
            [
                (first.as_str(), "en", "Notice one"),
                (first.as_str(), "pt-BR", "Aviso um")
            ],
            "{b}"
        );
        let many = texts::of_items(db, Of::Notice, &[first.clone(), second.clone()])
            .await
            .unwrap();
        assert_eq!(many.len(), 3, "{b}");
        assert!(texts::of_items(db, Of::Notice, &[]).await.unwrap().is_empty());

        // Edit changes an existing text only; remove once.
        let mut tx = db.begin().await.unwrap();
        assert!(
            texts::edit(&mut tx, &text(Of::Notice, &first, "en", "Notice 1", "New"), now())
                .await
                .unwrap()
        );
        assert!(
            !texts::edit(&mut tx, &text(Of::Notice, &first, "vi", "Thong bao", "x"), now())
                .await
                .unwrap()
        );
        assert!(texts::remove(&mut tx, Of::Notice, &second, "en").await.unwrap());
        assert!(!texts::remove(&mut tx, Of::Notice, &second, "en").await.unwrap());
        tx.commit().await.unwrap();
        let rows = texts::of_item(db, Of::Notice, &first).await.unwrap();
        assert_eq!(
            (rows[0].title.as_str(), rows[0].body.as_str()),
            ("Notice 1", "New"),
            "{b}"
        );
        assert!(texts::of_item(db, Of::Notice, &second).await.unwrap().is_empty());
        // The original is untouched.
        let original = texts::original(db, Of::Notice, &first).await.unwrap().unwrap();
        assert_eq!((original.title.as_str(), original.office_code), ("お知らせ一", None));

        // The database refuses Japanese (the original's language), a malformed tag, an
        // empty text and an item that does not exist.
        for (item, lang, title) in [
            (first.as_str(), "ja", "x"),
            (first.as_str(), "en US", "x"),
            (first.as_str(), "zh-Hans", ""),
            ("999999", "en", "x"),
        ] {
            let mut tx = db.begin().await.unwrap();
            let body = if title.is_empty() { "" } else { "x" };
            let r = texts::add(&mut tx, &text(Of::Notice, item, lang, title, body), now()).await;
            assert!(r.is_err(), "{b}: {item} {lang} {title:?} was stored");
        }

        // Offices are keyed by code, terms versions by id.
        let mut tx = db.begin().await.unwrap();
        let o = madoguchi_domain::office::Office {
            code: madoguchi_domain::office::OfficeCode::parse("28011").unwrap(),
            name_ja: "神戸".into(),
            name_en: "Kobe".into(),
            address: "神戸市中央区".into(),
            phone: "078-000-0000".into(),
            hours: madoguchi_domain::calendar::WeeklyHours::standard(),
        };
        offices::save(&mut tx, &o).await.unwrap();
        texts::add(&mut tx, &text(Of::Office, "28011", "en", "", "Chuo-ku, Kobe"), now())
            .await
            .unwrap();
        tx.commit().await.unwrap();
        let terms = notices::terms::publish(db, "system", "1", "規約", now(), now(), "operator")
            .await
            .unwrap()
            .to_string();
        let mut tx = db.begin().await.unwrap();
        texts::add(&mut tx, &text(Of::Terms, &terms, "zh-Hans", "", "条款"), now())
            .await
            .unwrap();
        tx.commit().await.unwrap();
        let office = texts::of_items(db, Of::Office, &["28011".into(), "13010".into()])
            .await
            .unwrap();
        assert_eq!(
            (office[0].item.as_str(), office[0].body.as_str()),
            ("28011", "Chuo-ku, Kobe"),
            "{b}"
        );
        assert_eq!(texts::of_item(db, Of::Terms, &terms).await.unwrap()[0].lang, "zh-Hans");
        let o = texts::original(db, Of::Office, "28011").await.unwrap().unwrap();
        assert_eq!((o.title.as_str(), o.body.as_str()), ("神戸", "神戸市中央区"));
        let t = texts::original(db, Of::Terms, &terms).await.unwrap().unwrap();
        assert_eq!((t.title.as_str(), t.body.as_str()), ("system 1", "規約"));
        assert!(texts::original(db, Of::Seminar, "1").await.unwrap().is_none());
        assert!(texts::original(db, Of::Notice, "not-a-number").await.unwrap().is_none());
    }
}
