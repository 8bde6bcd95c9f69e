//! Demo content in English (issue 16, item 3): a notice, the first seminar and every terms
//! version carry an English translation, so the demo shows a translated text beside the
//! "Japanese only" mark on the rest. Once: a translation that exists is left alone.

use madoguchi_domain::clock::Clock;
use madoguchi_store::Db;

use crate::AppError;
use crate::notices::{self, NoticeInput, Publisher};
use crate::translations::translate::{self, Translator};
use crate::translations::{Of, Translation};

const NOTICE_TITLE: &str = "オンライン窓口のご案内";
const NOTICE_BODY: &str =
    "ハローワークの職業相談とセミナーを、オンラインで予約できます。ビデオ通話で30分ご相談いただけます。";
const NOTICE_EN: (&str, &str) = (
    "About the online counter",
    "You can book Hello Work job consultations and seminars online. A consultation is a 30-minute video call.",
);
const SEMINAR_EN: (&str, &str) = (
    "Writing application documents",
    "How to write a CV (rirekisho) and a career history, with examples.",
);
const TERMS_EN: [(&str, &str); 3] = [
    (
        "system",
        "Madoguchi (online counter) terms of use (demo)\n\n1. This service is a counter for Hello Work's online procedures and consultations.\n2. Registering needs your own email address. Keep your user ID and password to yourself.\n3. The characters you may use are limited to JIS levels 1 and 2 and the like.\n4. An account without a sign-in for a year is deleted after a notice.\n5. Records of use are not given outside in a form that identifies a person, except as the law requires.",
    ),
    (
        "consultation",
        "Online job consultation terms of use (demo)\n\n1. A consultation is 30 minutes, on open days within opening hours.\n2. Book by the day before, one a day.\n3. You can cancel from My Page until the start.\n4. Not joining within 10 minutes of the start without telling us is a no-show; two in a row within 90 days pause online booking for a while.\n5. Recording is not allowed.",
    ),
    (
        "seminar",
        "Online seminars and company tours terms of use (demo)\n\n1. You can apply once your job-seeker registration is confirmed, by the day before.\n2. When a seminar is full you can join the waiting list; places go to it in turn.\n3. Cancellations and absences are treated as for consultations.\n4. Participants may not record.\n5. We may refuse participation after a breach of these terms.",
    ),
];

const ENGLISH: &str = "en";

async fn add_once(db: &Db, clock: &dyn Clock, of: Of, item: &str, title: &str, body: &str) -> Result<bool, AppError> {
    let t = Translation {
        lang: ENGLISH.into(),
        title: title.into(),
        body: body.into(),
    };
    match translate::add(db, clock, Translator::Operator, of, item, &["ja", ENGLISH], &t).await {
        Ok(()) => Ok(true),
        Err(AppError::Conflict(_)) => Ok(false),
        Err(e) => Err(e),
    }
}

/// Publishes the demo notice (once) and adds the English texts; returns how many were added.
pub async fn seed_translations(db: &Db, clock: &dyn Clock) -> Result<usize, AppError> {
    let mut added = 0;
    let current = notices::current(db, clock).await?;
    let notice = match current.iter().find(|n| n.title == NOTICE_TITLE) {
        Some(n) => n.id,
        None => {
            let n = NoticeInput {
                kind: "information".into(),
                title: NOTICE_TITLE.into(),
                body: NOTICE_BODY.into(),
                publish_from: None,
                publish_until: None,
                window: None,
            };
            notices::publish(db, clock, Publisher::Operator, &n).await?
        }
    };
    added += usize::from(add_once(db, clock, Of::Notice, &notice.to_string(), NOTICE_EN.0, NOTICE_EN.1).await?);
    let filter = madoguchi_store::seminars::Filter::default();
    let seminars = madoguchi_store::seminars::catalogue::list(db, &filter).await?;
    if let Some(s) = seminars.iter().find(|s| s.kind == "seminar") {
        added += usize::from(add_once(db, clock, Of::Seminar, &s.id.to_string(), SEMINAR_EN.0, SEMINAR_EN.1).await?);
    }
    for (service, body) in TERMS_EN {
        for v in madoguchi_store::notices::terms::versions(db, service).await? {
            if v.version == "1" {
                added += usize::from(add_once(db, clock, Of::Terms, &v.id.to_string(), "", body).await?);
            }
        }
    }
    Ok(added)
}
