//! The rooms' live state for the counsellor's day page (MT-3, BK-11): what each built-in
//! room of the office last recorded on a day (waiting, in the room, left, re-joined, ended),
//! by reservation id only. It shows no personal data (the names are on the day page, whose
//! view is audited per person), so a poll is not audited.

use chrono::NaiveDate;
use madoguchi_store::Db;
use madoguchi_store::room as store;

use crate::AppError;
use crate::shared::StaffMember;

/// The latest room event of each of the staff member's office's reservations on `day` that
/// has one: (reservation, kind, e.g. `room_waiting`). Staff of an office only.
pub async fn on_day(db: &Db, staff: &StaffMember, day: NaiveDate) -> Result<Vec<(i64, String)>, AppError> {
    let office = staff.office.as_deref().ok_or(AppError::Forbidden {
        code: "forbidden",
        message: "the day's rooms belong to an office",
    })?;
    Ok(store::latest_on_day(db, office, day).await?)
}
