//! Query parameters every page and API reads the same way.

use chrono::NaiveDate;
use madoguchi_app::AppError;

/// Parses a `YYYY-MM-DD` parameter, naming it in the error.
pub fn parse_date(field: &str, value: &str) -> Result<NaiveDate, AppError> {
    madoguchi_domain::dates::parse_date(value).ok_or(()).map_err(|_| {
        AppError::invalid(
            "invalid_date",
            field,
            format!("`{field}` must be a date written YYYY-MM-DD"),
        )
    })
}
