//! Issue 16, item 1 (AC-12, TM-3): the residence statuses a person picks from and the names of
//! national holidays and the year-end closure come from the locale files, in every language.
//! Both backends.

use axum::http::StatusCode;

use super::support::{active_account, get_with, send, worlds};

// rule AC-12: the residence status choices in the reader's language, with the card's term.
#[tokio::test]
async fn residence_statuses_are_named_in_the_readers_language() {
    for w in worlds("labels_residence").await {
        let cookie = active_account(&w, "labels.reader").await;
        for (lang, label) in [
            ("ja", ">特定技能１号</option>"),
            ("en", ">Specified skilled worker (i)</option>"),
            ("vi", ">Kỹ năng đặc định số 1 (特定技能１号)</option>"),
            ("ja-x-easy", ">特定（とくてい）技能（ぎのう）１号（ごう）</option>"),
            ("zh-Hans", ">特定技能1号（特定技能１号）</option>"),
        ] {
            let page = send(&w.app, get_with(&format!("/me/eligibility?lang={lang}"), Some(&cookie))).await;
            assert_eq!(page.status, StatusCode::OK, "{}", w.backend);
            assert!(page.body.contains(label), "{} {lang}: {label}", w.backend);
            assert!(!page.body.contains("residence-status-"), "{lang}: a message id shown");
        }
    }
}

// rule TM-3: 元日 and the year-end closure on an office's page, named in the reader's language.
#[tokio::test]
async fn holidays_are_named_in_the_readers_language() {
    for w in worlds("labels_holidays").await {
        madoguchi_app::demo::seed_if_empty(&w.db, w.clock.as_ref())
            .await
            .unwrap();
        for (lang, new_year, year_end) in [
            ("ja", "元日", "年末年始"),
            ("en", "New Year&#39;s Day", "Year-end holidays"),
            ("pt-BR", "Dia de Ano-Novo", "Recesso de fim de ano"),
            ("ko", "새해 첫날", "연말연시 휴무"),
        ] {
            let page = send(&w.app, get_with(&format!("/offices/28011?lang={lang}"), None)).await;
            assert_eq!(page.status, StatusCode::OK, "{}", w.backend);
            assert!(page.body.contains(new_year), "{} {lang}: {new_year}", w.backend);
            assert!(page.body.contains(year_end), "{} {lang}: {year_end}", w.backend);
            assert!(!page.body.contains("holiday-"), "{lang}: a message id shown");
        }
    }
}
