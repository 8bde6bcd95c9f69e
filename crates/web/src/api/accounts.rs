//! `/api/v1` for accounts: registration, verification, the session, and "me".

use axum::Json;
use axum::extract::State;
use axum::extract::rejection::JsonRejection;
use axum::http::{StatusCode, header};
use axum::response::{IntoResponse, Response};
use chrono::{DateTime, Utc};
use madoguchi_app::accounts::fields::RegistrationForm;
use madoguchi_app::{AppError, accounts::register, accounts::session, accounts::sign_in};
use madoguchi_store::{accounts::users, mail::inbox};
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

use crate::AppState;
use crate::api::{NOT_SIGNED_IN, body};
use crate::http::cookies::{clear_cookie, set_cookie};
use crate::http::problem::{ApiError, Problem};
use crate::http::usage;
use crate::http::visitor::Visitor;
use madoguchi_domain::usage::Actor;

/// AC-1: what a registration sends.
#[derive(Debug, Deserialize, ToSchema)]
pub struct RegistrationRequest {
    /// AC-2: 6 to 32 of `A-Z a-z 0-9 . _ -`, unique whatever the case.
    #[schema(pattern = r"^[A-Za-z0-9._-]{6,32}$")]
    pub user_id: String,
    /// AC-3: 12 to 64 half-width letters, digits and `! # $ % & * + - = ? @ _`; not the user
    /// ID, not a common password.
    #[schema(pattern = r"^[A-Za-z0-9!#$%&*+=?@_-]{12,64}$")]
    pub password: String,
    pub name: String,
    pub name_kana: String,
    pub address: String,
    pub email: String,
    pub phone: String,
    /// Consent to the terms in force (AC-13).
    pub accept_terms: bool,
    /// The language of the account's mail and pages: a locale's BCP 47 tag (`en`, `ja`…);
    /// anything unknown (or nothing) is Japanese.
    #[serde(default)]
    pub lang: Option<String>,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct RegistrationResponse {
    /// Always `provisional`: the account is active once the emailed link is opened.
    pub status: &'static str,
}

/// Registers a provisional account and emails the verification link (AC-1).
#[utoipa::path(post, path = "/api/v1/registrations", tag = "accounts", request_body = RegistrationRequest,
    responses((status = 201, body = RegistrationResponse),
        (status = 400, body = Problem, content_type = "application/problem+json",
         description = "`invalid_input`, `invalid_characters` or `weak_password` with each field's problem in `errors` \
                        (`required`, `invalid_user_id`, `invalid_email`, `terms_not_accepted`, …); `user_id_taken`"),
        (status = 429, body = Problem, content_type = "application/problem+json",
         description = "`rate_limited`: too many registrations from this client address in the last hour"),
        (status = 503, body = Problem, content_type = "application/problem+json",
         description = "`busy`: every password-hashing slot stayed taken; see `Retry-After`")))]
pub async fn create_registration(
    State(state): State<AppState>,
    visitor: Visitor,
    json: Result<Json<RegistrationRequest>, JsonRejection>,
) -> Result<Response, ApiError> {
    let r = body(json)?;
    let form = RegistrationForm {
        user_id: r.user_id,
        password: r.password,
        name: r.name,
        name_kana: r.name_kana,
        address: r.address,
        email: r.email,
        phone: r.phone,
        accept_terms: r.accept_terms,
        lang: r
            .lang
            .as_deref()
            .and_then(crate::i18n::Lang::parse)
            .unwrap_or_default()
            .code()
            .to_owned(),
    };
    register::register(
        &state.db,
        state.clock.as_ref(),
        &state.site,
        &state.limits,
        &form,
        &visitor.client_addr,
    )
    .await?;
    Ok((
        StatusCode::CREATED,
        Json(RegistrationResponse { status: "provisional" }),
    )
        .into_response())
}

#[derive(Debug, Deserialize, ToSchema)]
pub struct VerifyRequest {
    /// The `token` from the emailed link.
    pub token: String,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct VerifyResponse {
    pub status: &'static str,
}

/// Activates the account with the emailed token (AC-1).
#[utoipa::path(post, path = "/api/v1/registrations/verify", tag = "accounts", request_body = VerifyRequest,
    responses((status = 200, body = VerifyResponse),
        (status = 400, body = Problem, content_type = "application/problem+json",
         description = "`token_expired`, `token_invalid`")))]
pub async fn verify_registration(
    State(state): State<AppState>,
    json: Result<Json<VerifyRequest>, JsonRejection>,
) -> Result<Json<VerifyResponse>, ApiError> {
    let r = body(json)?;
    register::verify(&state.db, state.clock.as_ref(), &state.site, &r.token).await?;
    Ok(Json(VerifyResponse { status: "active" }))
}

#[derive(Debug, Deserialize, ToSchema)]
pub struct SessionRequest {
    pub user_id: String,
    pub password: String,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct SessionResponse {
    /// AC-7: the password is older than a year; ask the user to change it.
    pub password_change_due: bool,
}

/// Signs in (AC-5, AC-6). The session cookie is set; its ID is new.
#[utoipa::path(post, path = "/api/v1/session", tag = "accounts", request_body = SessionRequest,
    responses((status = 200, body = SessionResponse),
        (status = 401, body = Problem, content_type = "application/problem+json", description = "`invalid_credentials`"),
        (status = 403, body = Problem, content_type = "application/problem+json", description = "`account_locked`, `email_not_verified`"),
        (status = 429, body = Problem, content_type = "application/problem+json",
         description = "`rate_limited`: too many sign-ins from this address"),
        (status = 503, body = Problem, content_type = "application/problem+json",
         description = "`busy`: every password-hashing slot stayed taken; see `Retry-After`")))]
pub async fn create_session(
    State(state): State<AppState>,
    visitor: Visitor,
    json: Result<Json<SessionRequest>, JsonRejection>,
) -> Result<Response, ApiError> {
    let r = body(json)?;
    let old = visitor.session.as_ref().map(|s| s.id.as_str());
    let done = match sign_in::sign_in(
        &state.db,
        state.clock.as_ref(),
        &state.limits,
        &r.user_id,
        &r.password,
        &visitor.client_addr,
        old,
    )
    .await
    {
        Ok(done) => done,
        Err(e) => {
            let event = usage::failed_sign_in(e.specific_code());
            return Ok(event.on(ApiError(e).into_response()));
        }
    };
    let cookie = set_cookie(&done.session, state.cookie_secure);
    let body = Json(SessionResponse {
        password_change_due: done.password_change_due,
    });
    let event = usage::Event::signed_in(Some(Actor::User(done.user_ref)));
    Ok(event.on(([(header::SET_COOKIE, cookie)], body).into_response()))
}

/// Signs out: ends the session, if there is one, and clears the cookie.
#[utoipa::path(delete, path = "/api/v1/session", tag = "accounts", security((), ("session" = [])),
    responses((status = 204, description = "signed out")))]
pub async fn delete_session(State(state): State<AppState>, visitor: Visitor) -> Result<Response, ApiError> {
    if let Some(s) = &visitor.session {
        session::end(&state.db, &s.id).await?;
    }
    Ok(usage::Event::SIGNED_OUT.on((StatusCode::NO_CONTENT, [(header::SET_COOKIE, clear_cookie())]).into_response()))
}

#[derive(Debug, Serialize, ToSchema)]
pub struct MeResponse {
    pub user_id: String,
    pub name: String,
    pub name_kana: String,
    pub address: String,
    pub email: String,
    pub phone: String,
    pub password_changed_at: DateTime<Utc>,
    /// What still stands between this account and a booking (AC-11, AC-12), e.g.
    /// `registration_unconfirmed`, `residence_expired`; empty when it may book.
    pub booking_blockers: Vec<&'static str>,
}

/// The signed-in job seeker's own data.
#[utoipa::path(get, path = "/api/v1/me", tag = "accounts", security(("session" = [])),
    responses((status = 200, body = MeResponse)))]
pub async fn me(State(state): State<AppState>, visitor: Visitor) -> Result<Json<MeResponse>, ApiError> {
    let id = visitor.user_ref().ok_or(NOT_SIGNED_IN)?;
    let u = users::by_id(&state.db, id)
        .await
        .map_err(AppError::from)?
        .ok_or(NOT_SIGNED_IN)?;
    let booking_blockers = madoguchi_app::eligibility::booking_blockers(&state.db, state.clock.as_ref(), id).await?;
    Ok(Json(MeResponse {
        booking_blockers,
        user_id: u.user_id,
        name: u.name,
        name_kana: u.name_kana,
        address: u.address,
        email: u.email,
        phone: u.phone,
        password_changed_at: u.password_changed_at,
    }))
}

#[derive(Debug, Serialize, ToSchema)]
pub struct MessageJson {
    pub id: i64,
    pub subject: String,
    pub body: String,
    pub created_at: DateTime<Utc>,
}

/// The My Page inbox: every message that was also emailed (NO-2), newest first.
#[utoipa::path(get, path = "/api/v1/me/messages", tag = "accounts", security(("session" = [])),
    responses((status = 200, body = [MessageJson])))]
pub async fn messages(State(state): State<AppState>, visitor: Visitor) -> Result<Json<Vec<MessageJson>>, ApiError> {
    let id = visitor.user_ref().ok_or(NOT_SIGNED_IN)?;
    let items = inbox::list(&state.db, id).await.map_err(AppError::from)?;
    Ok(Json(
        items
            .into_iter()
            .map(|m| MessageJson {
                id: m.id,
                subject: m.subject,
                body: m.body,
                created_at: m.created_at,
            })
            .collect(),
    ))
}

/// Locks the signed-in account at once and ends its sessions (AC-8).
#[utoipa::path(post, path = "/api/v1/me/lock", tag = "accounts", security(("session" = [])),
    responses((status = 204, description = "locked; the cookie is cleared")))]
pub async fn lock_me(State(state): State<AppState>, visitor: Visitor) -> Result<Response, ApiError> {
    let id = visitor.user_ref().ok_or(NOT_SIGNED_IN)?;
    madoguchi_app::accounts::lock::lock_own(&state.db, state.clock.as_ref(), id).await?;
    Ok((StatusCode::NO_CONTENT, [(header::SET_COOKIE, clear_cookie())]).into_response())
}

#[derive(Debug, Deserialize, ToSchema)]
pub struct PasswordChange {
    pub current_password: String,
    /// As at registration (AC-3), and not the current one.
    #[schema(pattern = r"^[A-Za-z0-9!#$%&*+=?@_-]{12,64}$")]
    pub new_password: String,
}

/// Changes the password (AC-7). Other sessions end; this one gets a new ID.
#[utoipa::path(put, path = "/api/v1/me/password", tag = "accounts", request_body = PasswordChange,
    security(("session" = [])),
    responses((status = 204, description = "changed; the cookie carries the new session ID"),
        (status = 400, body = Problem, content_type = "application/problem+json",
         description = "`weak_password`, with the reason in `errors`"),
        (status = 401, body = Problem, content_type = "application/problem+json",
         description = "`invalid_credentials`: the current password is not correct"),
        (status = 503, body = Problem, content_type = "application/problem+json",
         description = "`busy`: every password-hashing slot stayed taken; see `Retry-After`")))]
pub async fn change_password(
    State(state): State<AppState>,
    visitor: Visitor,
    json: Result<Json<PasswordChange>, JsonRejection>,
) -> Result<Response, ApiError> {
    let id = visitor.user_ref().ok_or(NOT_SIGNED_IN)?;
    let r = body(json)?;
    let s = madoguchi_app::accounts::account::change_password(
        &state.db,
        state.clock.as_ref(),
        &state.limits,
        id,
        &r.current_password,
        &r.new_password,
    )
    .await?;
    Ok((
        StatusCode::NO_CONTENT,
        [(header::SET_COOKIE, set_cookie(&s, state.cookie_secure))],
    )
        .into_response())
}

#[derive(Debug, Deserialize, ToSchema)]
pub struct DeleteRequest {
    /// The current password, to confirm.
    pub current_password: String,
}

/// Deletes the registration (AC-9): personal data erased, anonymous records kept.
#[utoipa::path(delete, path = "/api/v1/me", tag = "accounts", request_body = DeleteRequest,
    security(("session" = [])),
    responses((status = 204, description = "deleted; the cookie is cleared"),
        (status = 401, body = Problem, content_type = "application/problem+json",
         description = "`invalid_credentials`: the current password is not correct"),
        (status = 503, body = Problem, content_type = "application/problem+json",
         description = "`busy`: every password-hashing slot stayed taken; see `Retry-After`")))]
pub async fn delete_me(
    State(state): State<AppState>,
    visitor: Visitor,
    json: Result<Json<DeleteRequest>, JsonRejection>,
) -> Result<Response, ApiError> {
    let id = visitor.user_ref().ok_or(NOT_SIGNED_IN)?;
    let r = body(json)?;
    madoguchi_app::accounts::account::delete(&state.db, state.clock.as_ref(), &state.limits, id, &r.current_password)
        .await?;
    Ok((StatusCode::NO_CONTENT, [(header::SET_COOKIE, clear_cookie())]).into_response())
}

#[derive(Debug, Deserialize, ToSchema)]
pub struct JobSeekerRequest {
    /// 求職番号, e.g. `28010-01234567`.
    pub number: String,
    /// The registration's expiry date, `YYYY-MM-DD`, today or later.
    #[schema(value_type = String, format = Date, required = true)]
    pub expires: Option<chrono::NaiveDate>,
}

/// Records the job-seeker number and expiry (AC-11); staff confirm it afterwards.
#[utoipa::path(put, path = "/api/v1/me/job-seeker", tag = "accounts", request_body = JobSeekerRequest,
    security(("session" = [])),
    responses((status = 204, description = "recorded"),
        (status = 400, body = Problem, content_type = "application/problem+json",
         description = "`invalid_input` with `invalid_job_seeker_number`, `required`, `date_in_past`")))]
pub async fn put_job_seeker(
    State(state): State<AppState>,
    visitor: Visitor,
    json: Result<Json<JobSeekerRequest>, JsonRejection>,
) -> Result<StatusCode, ApiError> {
    let id = visitor.user_ref().ok_or(NOT_SIGNED_IN)?;
    let r = body(json)?;
    madoguchi_app::eligibility::record_job_seeker(&state.db, state.clock.as_ref(), id, &r.number, r.expires).await?;
    Ok(StatusCode::NO_CONTENT)
}

#[derive(Debug, Deserialize, ToSchema)]
pub struct ResidenceRequest {
    /// `japanese`, `special_permanent_resident` or `other`.
    #[schema(pattern = "^(japanese|special_permanent_resident|other)$")]
    pub nationality: String,
    /// For `other`: a status code from the official list, e.g. `student`, `permanent_resident`.
    pub residence_status: Option<String>,
    /// For `other` (except permanent residents): the last day of the period of stay.
    pub stay_until: Option<chrono::NaiveDate>,
}

/// Records nationality, residence status and period of stay (AC-12).
#[utoipa::path(put, path = "/api/v1/me/residence", tag = "accounts", request_body = ResidenceRequest,
    security(("session" = [])),
    responses((status = 204, description = "recorded"),
        (status = 400, body = Problem, content_type = "application/problem+json",
         description = "`invalid_input` with `invalid_choice`, `required`, `date_in_past`")))]
pub async fn put_residence(
    State(state): State<AppState>,
    visitor: Visitor,
    json: Result<Json<ResidenceRequest>, JsonRejection>,
) -> Result<StatusCode, ApiError> {
    let id = visitor.user_ref().ok_or(NOT_SIGNED_IN)?;
    let r = body(json)?;
    madoguchi_app::eligibility::record_residence(
        &state.db,
        state.clock.as_ref(),
        id,
        &r.nationality,
        r.residence_status.as_deref(),
        r.stay_until,
    )
    .await?;
    Ok(StatusCode::NO_CONTENT)
}
