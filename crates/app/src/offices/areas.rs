//! Finding one's office among all of them (issue 13, item 1): by postal code, or by
//! prefecture and municipality, through each office's 管轄; and the office a job seeker
//! keeps on My Page (chosen, or else the one that issued their job-seeker number).

use madoguchi_domain::area::{self, PostalCode, Prefecture};
use madoguchi_domain::clock::Clock;
use madoguchi_domain::job_seeker::JobSeekerNumber;
use madoguchi_domain::office::Office;
use madoguchi_store::offices::areas as store;
use madoguchi_store::{Db, eligibility};

use crate::AppError;
use crate::offices::{self, OfficeToday};

/// What a search found: the place it understood, and the offices serving it.
#[derive(Debug, Clone, Default)]
pub struct Found {
    /// The prefecture and municipalities the search matched (for "offices serving …").
    pub prefecture: Option<&'static Prefecture>,
    pub municipalities: Vec<String>,
    pub offices: Vec<OfficeToday>,
}

/// The prefectures that have at least one office, in JIS order.
pub async fn prefectures(db: &Db) -> Result<Vec<&'static Prefecture>, AppError> {
    let list = offices::list(db).await?;
    Ok(area::PREFECTURES
        .iter()
        .filter(|p| list.iter().any(|o| area::office_prefecture(&o.code) == Some(*p)))
        .collect())
}

/// The municipalities of a prefecture that some office serves.
pub async fn municipalities(db: &Db, prefecture: &Prefecture) -> Result<Vec<String>, AppError> {
    Ok(store::municipalities(db, prefecture.code).await?)
}

/// The prefecture for a form's value (code, or name in either language); `invalid_choice`.
pub fn prefecture(value: &str) -> Result<&'static Prefecture, AppError> {
    area::prefecture_named(value)
        .ok_or_else(|| AppError::invalid("invalid_choice", "prefecture", "choose a prefecture from the list"))
}

/// The offices whose 管轄 holds this postal code (the most specific prefix wins).
pub async fn by_postal_code(db: &Db, clock: &dyn Clock, typed: &str) -> Result<(PostalCode, Found), AppError> {
    let code = PostalCode::parse(typed).map_err(|_| {
        AppError::invalid(
            "invalid_postal_code",
            "postal_code",
            "a postal code is seven digits, such as 650-0044",
        )
    })?;
    let rows = store::by_postal(db, code.digits()).await?;
    let best = area::best_prefix_len(&code, rows.iter().map(|r| r.postal_prefix.as_str()));
    let rows: Vec<_> = rows
        .into_iter()
        .filter(|r| Some(r.postal_prefix.len()) == best)
        .collect();
    let mut found = Found {
        prefecture: rows.first().and_then(|r| area::prefecture(&r.prefecture)),
        ..Found::default()
    };
    let mut codes = Vec::new();
    for r in rows {
        if !found.municipalities.contains(&r.municipality) {
            found.municipalities.push(r.municipality);
        }
        if !codes.contains(&r.office_code) {
            codes.push(r.office_code);
        }
    }
    found.offices = today_of(db, clock, &codes).await?;
    Ok((code, found))
}

/// The offices of a prefecture: those serving `municipality` if one is given, else every
/// office numbered in the prefecture (so an office without 管轄 rows is still found).
pub async fn by_place(
    db: &Db,
    clock: &dyn Clock,
    prefecture: &'static Prefecture,
    municipality: Option<&str>,
) -> Result<Found, AppError> {
    let mut found = Found {
        prefecture: Some(prefecture),
        ..Found::default()
    };
    let codes = match municipality.map(str::trim).filter(|m| !m.is_empty()) {
        Some(m) => {
            found.municipalities.push(m.to_owned());
            store::offices_serving(db, prefecture.code, m).await?
        }
        None => offices::list(db)
            .await?
            .into_iter()
            .filter(|o| area::office_prefecture(&o.code) == Some(prefecture))
            .map(|o| o.code.to_string())
            .collect(),
    };
    found.offices = today_of(db, clock, &codes).await?;
    Ok(found)
}

async fn today_of(db: &Db, clock: &dyn Clock, codes: &[String]) -> Result<Vec<OfficeToday>, AppError> {
    let mut out = Vec::with_capacity(codes.len());
    for code in codes {
        let office = offices::get(db, code).await?;
        out.push(offices::today(db, clock, office).await?);
    }
    Ok(out)
}

/// The municipalities an office serves, for its page (`神戸市中央区`, …).
pub async fn served_by(db: &Db, office: &Office) -> Result<Vec<String>, AppError> {
    let mut out: Vec<String> = Vec::new();
    for r in store::of_office(db, office.code.as_str()).await? {
        let name = match area::prefecture(&r.prefecture) {
            Some(p) if area::office_prefecture(&office.code) != Some(p) => format!("{}{}", p.ja, r.municipality),
            _ => r.municipality,
        };
        if !out.contains(&name) {
            out.push(name);
        }
    }
    Ok(out)
}

/// The job seeker's office: the one they chose, or else the one that issued their
/// job-seeker number (its first five digits are the office's code), if it is here.
pub async fn home_office(db: &Db, user_ref: i64) -> Result<Option<(Office, bool)>, AppError> {
    if let Some(code) = store::home_office(db, user_ref).await?
        && let Ok(o) = offices::get(db, &code).await
    {
        return Ok(Some((o, true)));
    }
    let number = eligibility::get(db, user_ref)
        .await?
        .and_then(|e| e.job_seeker_number)
        .and_then(|n| JobSeekerNumber::parse(&n).ok());
    match number {
        Some(n) => Ok(offices::get(db, n.office_part()).await.ok().map(|o| (o, false))),
        None => Ok(None),
    }
}

/// Keeps `code` as the job seeker's office (My Page), or forgets it with `None`.
pub async fn choose_home_office(db: &Db, user_ref: i64, code: Option<&str>) -> Result<(), AppError> {
    let office = match code {
        Some(c) => Some(offices::get(db, c).await?),
        None => None,
    };
    let mut tx = db.begin().await?;
    let done = store::set_home_office(&mut tx, user_ref, office.as_ref().map(|o| o.code.as_str())).await?;
    tx.commit().await?;
    if done {
        Ok(())
    } else {
        Err(AppError::Unauthorized {
            code: "not_signed_in",
            message: "please sign in",
        })
    }
}
