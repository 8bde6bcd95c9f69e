//! The OpenAPI document, generated from the handlers' annotations.

use utoipa::OpenApi;

use crate::api::offices::{ClosedDayJson, HoursJson, OfficeClosureJson, OfficeJson};
use crate::http::problem::{FieldError, Problem};

#[derive(OpenApi)]
#[openapi(
    info(
        title = "Madoguchi API",
        description = "The online counter of Japan's public employment offices (Hello Work)."
    ),
    paths(
        crate::api::offices::list_offices,
        crate::api::offices::get_office,
        crate::api::offices::closed_days,
        crate::api::accounts::create_registration,
        crate::api::accounts::verify_registration,
        crate::api::accounts::create_session,
        crate::api::accounts::delete_session,
        crate::api::accounts::me,
        crate::api::accounts::messages,
        crate::api::accounts::lock_me,
        crate::api::accounts::change_password,
        crate::api::accounts::delete_me,
        crate::api::accounts::put_job_seeker,
        crate::api::accounts::put_residence,
        crate::api::booking::free_slots,
        crate::api::booking::create,
        crate::api::booking::list,
        crate::api::booking::one,
        crate::api::booking::cancel,
        crate::api::booking::create_request,
        crate::api::staff::schedule_day,
        crate::api::staff::record,
        crate::public::notices::api,
        crate::public::terms::api,
        crate::api::seminars::list,
        crate::api::seminars::one,
        crate::api::seminars::register,
        crate::api::seminars::mine,
        crate::api::seminars::cancel,
        crate::api::seminars::create,
        crate::api::seminars::participants,
        crate::api::seminars::remove
    ),
    components(schemas(OfficeJson, HoursJson, OfficeClosureJson, ClosedDayJson, Problem, FieldError))
)]
pub struct ApiDoc;

/// The OpenAPI document as pretty JSON, for `docs/api/openapi.json`.
pub fn openapi_pretty() -> String {
    ApiDoc::openapi().to_pretty_json().unwrap_or_default()
}
