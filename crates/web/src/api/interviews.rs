//! `/api/v1/me/interviews` and `/api/v1/staff/interviews`: interviews with employers
//! (IV-1, IV-4) as JSON. The employer's link never appears here.

use axum::Json;
use axum::extract::rejection::QueryRejection;
use axum::extract::{Query, State};
use chrono::{DateTime, Duration, FixedOffset, NaiveDate};
use madoguchi_app::AppError;
use madoguchi_app::interviews::{Interview, answer, arrange};
use madoguchi_domain::clock::jst;
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};

use crate::AppState;
use crate::api::{NOT_SIGNED_IN, date_param, member};
use crate::http::problem::{ApiError, Problem};
use crate::http::visitor::Visitor;

#[derive(Debug, Serialize, ToSchema)]
pub struct InterviewJson {
    pub id: i64,
    pub office: String,
    pub employer: String,
    pub job_number: String,
    pub job_title: String,
    #[schema(value_type = String)]
    pub start: DateTime<FixedOffset>,
    #[schema(value_type = String)]
    pub end: DateTime<FixedOffset>,
    /// `builtin` or `zoom`.
    pub app: String,
    pub counsellor_attends: bool,
    /// `proposed`, `accepted`, `declined`, `cancelled_by_office` or `cancelled_by_user`.
    pub state: String,
    /// IV-5: what the job seeker shares with the employer besides their name.
    pub share_address: bool,
    pub share_phone: bool,
    pub share_number: bool,
    /// IV-4: `hired`, `not_hired`, `in_progress` or `withdrawn`, once recorded.
    pub outcome: Option<String>,
    #[schema(value_type = Option<String>, format = Date)]
    pub outcome_on: Option<NaiveDate>,
}

fn json(i: Interview) -> InterviewJson {
    let r = i.row;
    InterviewJson {
        id: r.id,
        office: r.office_code,
        employer: r.employer_name,
        job_number: r.job_number,
        job_title: r.job_title,
        start: r.starts_at.with_timezone(&jst()),
        end: r.ends_at.with_timezone(&jst()),
        app: r.app,
        counsellor_attends: r.counsellor_attends,
        state: i.state.code().to_owned(),
        share_address: r.share_address,
        share_phone: r.share_phone,
        share_number: r.share_number,
        outcome: i.outcome.map(|o| o.code().to_owned()),
        outcome_on: r.outcome_on,
    }
}

/// The signed-in job seeker's interviews, latest first (IV-1, IV-4).
#[utoipa::path(get, path = "/api/v1/me/interviews", tag = "interviews", security(("session" = [])),
    responses((status = 200, body = [InterviewJson])))]
pub async fn mine(State(state): State<AppState>, visitor: Visitor) -> Result<Json<Vec<InterviewJson>>, ApiError> {
    let id = visitor.user_ref().ok_or(NOT_SIGNED_IN)?;
    Ok(Json(answer::mine(&state.db, id).await?.into_iter().map(json).collect()))
}

#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct RangeQuery {
    /// `YYYY-MM-DD` (default today, JST).
    #[param(required = false, value_type = String, format = Date)]
    from: Option<String>,
    /// `YYYY-MM-DD`, not included (default 62 days after `from`; at most 62 days).
    #[param(required = false, value_type = String, format = Date)]
    to: Option<String>,
}

/// The office's interviews on the JST days `[from, to)`.
#[utoipa::path(get, path = "/api/v1/staff/interviews", tag = "staff", params(RangeQuery),
    security(("session" = [])),
    responses((status = 200, body = [InterviewJson]),
        (status = 400, body = Problem, content_type = "application/problem+json",
         description = "`invalid_date`, `invalid_range`"),
        (status = 403, body = Problem, content_type = "application/problem+json",
         description = "`forbidden`: not a counsellor or office admin of an office")))]
pub async fn office(
    State(state): State<AppState>,
    visitor: Visitor,
    query: Result<Query<RangeQuery>, QueryRejection>,
) -> Result<Json<Vec<InterviewJson>>, ApiError> {
    let me = member(&state, &visitor).await?;
    let Query(q) = query.map_err(|e| AppError::invalid("invalid_query", "query", e.body_text()))?;
    let from = date_param("from", q.from.as_deref())?.unwrap_or_else(|| state.clock.today_jst());
    let to = date_param("to", q.to.as_deref())?.unwrap_or(from + Duration::days(62));
    let rows = arrange::list(&state.db, &me, from, to).await?;
    Ok(Json(rows.into_iter().map(json).collect()))
}
