//! The demo data set that `serve --demo` seeds on first start: real-looking offices,
//! one with Saturday hours, one with an announced closure.

pub mod history;
pub mod interviews;
pub mod translations;

use chrono::{Datelike, Days, NaiveTime, Weekday};
use madoguchi_domain::calendar::{OfficeClosure, OpenHours, WeeklyHours};
use madoguchi_domain::clock::Clock;
use madoguchi_domain::office::{Office, OfficeCode};
use madoguchi_store::Db;

use crate::{AppError, offices};

fn hours(open: (u32, u32), close: (u32, u32)) -> Option<OpenHours> {
    let o = NaiveTime::from_hms_opt(open.0, open.1, 0)?;
    let c = NaiveTime::from_hms_opt(close.0, close.1, 0)?;
    OpenHours::new(o, c)
}

fn office(code: &str, name_ja: &str, name_en: &str, address: &str, phone: &str, hours: WeeklyHours) -> Option<Office> {
    Some(Office {
        code: OfficeCode::parse(code).ok()?,
        name_ja: name_ja.into(),
        name_en: name_en.into(),
        address: address.into(),
        phone: phone.into(),
        hours,
    })
}

/// The demo offices and a sample of the municipalities and postal codes each serves, in the
/// format of `madoguchi office import` (docs/operations.md). A sample for trying the office
/// finder, not the offices' real 管轄: no national postal-code list ships with the product.
pub const OFFICES_CSV: &str = include_str!("offices.csv");

/// The demo offices.
pub fn offices() -> Vec<Office> {
    let standard = WeeklyHours::standard();
    let mut with_saturday = standard;
    with_saturday.set(Weekday::Sat, hours((10, 0), (17, 0)));
    let mut late_thursday = standard;
    late_thursday.set(Weekday::Thu, hours((8, 30), (19, 0)));
    [
        office(
            "28011",
            "灘公共職業安定所三宮分室",
            "Nada Public Employment Security Office, Sannomiya Branch",
            "兵庫県神戸市中央区雲井通５－３－１ サンパル３階",
            "078-231-8609",
            standard,
        ),
        office(
            "13010",
            "飯田橋公共職業安定所",
            "Iidabashi Public Employment Security Office",
            "東京都文京区後楽１－９－２０ 飯田橋合同庁舎内",
            "03-3812-8609",
            with_saturday,
        ),
        office(
            "27020",
            "大阪東公共職業安定所",
            "Osaka-Higashi Public Employment Security Office",
            "大阪府大阪市中央区農人橋２－１－３６ ピップビル１～３階",
            "06-6942-4771",
            late_thursday,
        ),
        office(
            "01010",
            "札幌公共職業安定所",
            "Sapporo Public Employment Security Office",
            "北海道札幌市白石区東札幌１条４－１－１",
            "011-562-0101",
            standard,
        ),
    ]
    .into_iter()
    .flatten()
    .collect()
}

/// Seeds the demo data if there are no offices yet. Returns whether it seeded.
pub async fn seed_if_empty(db: &Db, clock: &dyn Clock) -> Result<bool, AppError> {
    if !offices::list(db).await?.is_empty() {
        return Ok(false);
    }
    for o in offices() {
        offices::save(db, &o).await?;
    }
    // Issue 13, item 1: a sample 管轄 for each, loaded as `madoguchi office import` loads one.
    offices::import::import(db, OFFICES_CSV).await?;
    // An announced closure on the first Wednesday at least a week ahead, so the pages show one.
    let mut day = clock.today_jst() + Days::new(7);
    while day.weekday() != Weekday::Wed {
        day = day + Days::new(1);
    }
    let closure = OfficeClosure {
        date: day,
        reason: "庁舎設備点検のため閉庁".into(),
        hours: None,
    };
    offices::add_closure(db, "28011", &closure).await?;
    Ok(true)
}

/// The demo job seeker's sign-in, printed at start-up so a newcomer can try My Page.
pub const SEEKER_ID: &str = "demo.seeker";
pub const SEEKER_PASSWORD: &str = "Sannomiya-Demo#2026";

/// A second job seeker, for showing a full seminar's waiting list (same password).
pub const SEEKER2_ID: &str = "demo.seeker2";

/// Seeds the demo job seekers, each verified with a confirmed, unexpired registration, once.
pub async fn seed_job_seeker(db: &Db, clock: &dyn Clock) -> Result<bool, AppError> {
    let first = seed_seeker(db, clock, SEEKER_ID, ("見本 花子", "ミホン ハナコ"), "28011-00012345").await?;
    if first && let Some(u) = madoguchi_store::accounts::users::by_key(db, SEEKER_ID).await? {
        interviews::seed_interview(db, clock, u.id).await?;
    }
    seed_seeker(
        db,
        clock,
        SEEKER2_ID,
        ("見本 一郎", "ミホン イチロウ"),
        "28011-00012346",
    )
    .await?;
    Ok(first)
}

async fn seed_seeker(
    db: &Db,
    clock: &dyn Clock,
    user_id: &str,
    (name, kana): (&str, &str),
    number: &str,
) -> Result<bool, AppError> {
    use madoguchi_store::{accounts::users, eligibility};
    if users::by_key(db, user_id).await?.is_some() {
        return Ok(false);
    }
    // Seeding runs at start-up, one hash after another, under its own bound.
    let hash = crate::accounts::limits::Limits::default().hash(SEEKER_PASSWORD).await?;
    let now = clock.now();
    let user = users::NewUser {
        user_id: user_id.into(),
        user_key: user_id.into(),
        password_hash: hash,
        name: name.into(),
        name_kana: kana.into(),
        address: "兵庫県神戸市中央区雲井通５－３－１".into(),
        email: format!("{user_id}@example.jp"),
        phone: "078-231-8609".into(),
        lang: "ja".into(),
    };
    let expires = clock.today_jst() + Days::new(365);
    let mut tx = db.begin().await?;
    let id = users::insert_provisional(&mut tx, &user, now).await?;
    users::activate(&mut tx, id, now).await?;
    eligibility::set_job_seeker(&mut tx, id, number, expires).await?;
    eligibility::confirm_job_seeker(&mut tx, id, now).await?;
    // The demo job seekers have accepted the terms in force, as registration would.
    for service in crate::notices::terms::SERVICES {
        let (rows, current) = crate::notices::terms::versions(db, clock, service).await?;
        if let Some(r) = rows.into_iter().find(|r| Some(r.id) == current) {
            let a = madoguchi_store::mail::inbox::Acceptance {
                service: service.into(),
                version: r.version,
                accepted_at: now,
                client_addr: "demo".into(),
            };
            madoguchi_store::mail::inbox::accept_terms(&mut tx, id, &a).await?;
        }
    }
    tx.commit().await?;
    Ok(true)
}

/// The demo's own summary of the rules as version 1 of each service's terms (AC-13); the
/// product's real terms are the administration's to publish.
const DEMO_TERMS: [(&str, &str); 3] = [
    (
        "system",
        "Madoguchi（オンライン窓口）利用規約（デモ版）\n\n1. 本サービスは、ハローワークのオンライン手続と相談のための窓口です。\n2. 登録には本人のメールアドレスが必要です。ログインIDとパスワードはご自身で管理してください。\n3. 使用できる文字は JIS 第1・第2水準などに限ります。\n4. 1年間ログインがない場合、お知らせの上でアカウントを削除します。\n5. 利用の記録は法令に基づく場合を除き、個人を特定できる形で外部に出しません。",
    ),
    (
        "consultation",
        "オンライン職業相談 利用規約（デモ版）\n\n1. 相談は1回30分、開庁日の開庁時間内です。\n2. 予約は前日までです。1日1件までとします。\n3. 取消は開始時刻までマイページからできます。\n4. 開始後10分を過ぎても入室がなく連絡もない場合は無断欠席として扱い、90日以内に2回続くとオンライン予約を一時停止します。\n5. 録音・録画はできません。",
    ),
    (
        "seminar",
        "オンラインセミナー・企業見学 利用規約（デモ版）\n\n1. 申込みは求職登録の確認後にできます。締切は前日までです。\n2. 満席の場合はキャンセル待ちに登録できます。席が空くと順番に参加登録に切り替えます。\n3. 取消・欠席の扱いは職業相談と同じです。\n4. 参加者による録音・録画はできません。\n5. 規約に反する行為があった場合、参加をお断りすることがあります。",
    ),
];

/// Publishes version 1 of each service's terms, in force from now, once (AC-13).
pub async fn seed_terms(db: &Db, clock: &dyn Clock) -> Result<usize, AppError> {
    let mut made = 0;
    for (service, body) in DEMO_TERMS {
        if !madoguchi_store::notices::terms::versions(db, service).await?.is_empty() {
            continue;
        }
        madoguchi_store::notices::terms::publish(db, service, "1", body, clock.now(), clock.now(), "demo").await?;
        made += 1;
    }
    Ok(made)
}

/// Two seminars at 28011 on the first open days at least three days ahead, 13:30–15:00: a
/// roomy one, and a company tour with one seat and a short waiting list (SE-3). Once.
pub async fn seed_seminars(db: &Db, clock: &dyn Clock) -> Result<usize, AppError> {
    use chrono::TimeZone;
    use madoguchi_domain::clock::jst;
    let filter = madoguchi_store::seminars::Filter::default();
    if !madoguchi_store::seminars::catalogue::list(db, &filter)
        .await?
        .is_empty()
    {
        return Ok(0);
    }
    let plans = [
        (
            "seminar",
            "応募書類の書き方セミナー",
            "履歴書と職務経歴書の書き方を、例を見ながら説明します。",
            20,
            20,
        ),
        (
            "company_tour",
            "介護施設のオンライン見学会",
            "神戸市内の介護施設を、オンラインで見学します。",
            1,
            5,
        ),
    ];
    let mut made = 0;
    let mut day = clock.today_jst() + Days::new(3);
    for (kind, title, description, capacity, waitlist_limit) in plans {
        for _ in 0..14 {
            let Some(start) = day
                .and_hms_opt(13, 30, 0)
                .and_then(|t| jst().from_local_datetime(&t).single())
            else {
                break;
            };
            let input = crate::seminars::organise::SeminarInput {
                kind: kind.into(),
                title: title.into(),
                description: description.into(),
                starts_at: start.with_timezone(&chrono::Utc),
                minutes: 90,
                app: "zoom".into(),
                recorded_with_consent: false,
                capacity,
                waitlist_limit,
            };
            day = day + Days::new(1);
            match crate::seminars::organise::create_for(db, clock, "28011", &input, "demo").await {
                Ok(_) => {
                    made += 1;
                    break;
                }
                // A closed day: try the next one.
                Err(AppError::Refused { .. }) => continue,
                Err(e) => return Err(e),
            }
        }
    }
    Ok(made)
}

/// Seeds one staff member per role (28011 for office staff) on first start, and returns
/// their credentials for `serve --demo` to print.
pub async fn seed_staff(
    db: &Db,
    clock: &dyn Clock,
) -> Result<Vec<(&'static str, crate::console::staff::Credentials)>, AppError> {
    use madoguchi_domain::staff::Role;
    if madoguchi_store::accounts::staff::any_national_admin(db).await? {
        return Ok(Vec::new());
    }
    // Seeding runs at start-up, one account after another, under its own bound.
    let limits = crate::accounts::limits::Limits::default();
    let mut out = Vec::new();
    for (role, office, user_id, name) in [
        (Role::Counsellor, Some("28011"), "demo.counsellor", "相談 一郎"),
        (Role::OfficeAdmin, Some("28011"), "demo.office-admin", "所長 二郎"),
        (Role::NationalAdmin, None, "demo.national-admin", "本省 三郎"),
    ] {
        let c = crate::console::staff::create(db, clock, &limits, None, role, office, user_id, name).await?;
        out.push((role.code(), c));
    }
    Ok(out)
}

/// Publishes demo consultation slots at 28011 for the next 14 days, once: a few times a day,
/// on open days only (closed days are refused by the same rule the office uses, BK-1); the
/// 16:00 one is in the built-in room.
pub async fn seed_slots(db: &Db, clock: &dyn Clock) -> Result<usize, AppError> {
    use chrono::TimeZone;
    use madoguchi_domain::clock::jst;
    let today = clock.today_jst();
    let from = jst()
        .from_local_datetime(&today.and_hms_opt(0, 0, 0).unwrap_or_default())
        .single();
    let Some(from) = from.map(|t| t.with_timezone(&chrono::Utc)) else {
        return Ok(0);
    };
    if !madoguchi_store::consultations::reservations::free_slots(db, "28011", from, from + chrono::Duration::days(400))
        .await?
        .is_empty()
    {
        return Ok(0);
    }
    let mut made = 0;
    for day in today.iter_days().skip(1).take(14) {
        for (i, (h, m)) in [(9, 0), (10, 0), (11, 0), (13, 30), (14, 30), (15, 30), (16, 0)]
            .into_iter()
            .enumerate()
        {
            let Some(start) = day
                .and_hms_opt(h, m, 0)
                .and_then(|t| jst().from_local_datetime(&t).single())
            else {
                continue;
            };
            // MT-3: the last slot of the day is in the built-in room, so the demo can hold a
            // consultation on one machine (two browser windows) with no account anywhere.
            let app = match (i, i % 2) {
                (6, _) => "builtin",
                (_, 0) => "zoom",
                _ => "teleoffice",
            };
            match crate::consultations::booking::publish_slot(db, "28011", start.with_timezone(&chrono::Utc), app, 1)
                .await
            {
                Ok(_) => made += 1,
                Err(AppError::Refused { .. }) => {}
                Err(e) => return Err(e),
            }
        }
    }
    Ok(made)
}
