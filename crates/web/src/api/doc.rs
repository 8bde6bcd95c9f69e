//! The OpenAPI document, generated from the handlers' annotations. Each handler lists the
//! answers of its own use case; `SharedAnswers` adds those the shared layers give (the
//! session, the CSRF and content-type guard, the JSON body, the maintenance switch), by
//! the same rules those layers follow, so no operation can leave one out.

use utoipa::openapi::header::Header;
use utoipa::openapi::path::{Operation, ParameterIn};
use utoipa::openapi::response::Response;
use utoipa::openapi::security::{ApiKey, ApiKeyValue, SecurityRequirement, SecurityScheme};
use utoipa::openapi::{Content, Object, Ref, RefOr, Type};
use utoipa::{Modify, OpenApi};

use crate::api::offices::{ClosedDayJson, HoursJson, OfficeClosureJson, OfficeJson};
use crate::http::cookies::COOKIE;
use crate::http::problem::{FieldError, Problem};

/// The security scheme's name in the document; handlers refer to it in `security(...)`.
pub const SESSION: &str = "session";

const DESCRIPTION: &str = "The online counter of Japan's public employment offices (Hello Work).\n\n\
Errors are RFC 9457 problem documents (`application/problem+json`) whose `code` member is \
stable, e.g. `slot_full`, `daily_limit`, `not_signed_in`.\n\n\
Requests that change something (any method but GET, HEAD and OPTIONS) are refused when their \
`Origin` header names another site (403 `csrf`), and a request body must be sent as \
`Content-Type: application/json` (400 `unsupported_media_type`); a cross-site HTML form can do \
neither, so the session cookie cannot be used from another site's page.";

const SESSION_TEXT: &str = "The session cookie. `POST /api/v1/session` sets it for a job seeker; \
staff get theirs by signing in to the staff console with TOTP. HttpOnly, SameSite=Lax; it ends \
after 30 idle minutes or 12 hours (AC-6). Writes with it must also pass the `Origin` and \
content-type rules in the API's description.";

#[derive(OpenApi)]
#[openapi(
    info(title = "Madoguchi API", description = DESCRIPTION),
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
        crate::api::password_resets::create,
        crate::api::password_resets::confirm,
        crate::api::booking::free_slots,
        crate::api::booking::create,
        crate::api::booking::list,
        crate::api::booking::one,
        crate::room::api::room,
        crate::api::booking::cancel,
        crate::api::booking::reschedule,
        crate::api::calendar::calendar,
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
        crate::api::seminars::remove,
        crate::api::seminar_changes::cancel,
        crate::api::seminar_changes::suspend,
        crate::api::seminar_changes::resume,
        crate::api::seminar_changes::move_to,
        crate::api::seminar_changes::phone_cancel,
        crate::api::seminar_changes::correct_no_show,
        crate::api::zoom_webhooks::receive,
        crate::api::interviews::mine,
        crate::api::interviews::office
    ),
    components(schemas(OfficeJson, HoursJson, OfficeClosureJson, ClosedDayJson, Problem, FieldError)),
    modifiers(&SharedAnswers)
)]
pub struct ApiDoc;

/// The OpenAPI document as pretty JSON, for `docs/api/openapi.json`.
pub fn openapi_pretty() -> String {
    ApiDoc::openapi().to_pretty_json().unwrap_or_default()
}

/// Adds the session scheme, and to each operation the answers of the layers it passes.
struct SharedAnswers;

impl Modify for SharedAnswers {
    fn modify(&self, doc: &mut utoipa::openapi::OpenApi) {
        let scheme = ApiKeyValue::with_description(COOKIE, SESSION_TEXT);
        doc.components
            .get_or_insert_with(Default::default)
            .add_security_scheme(SESSION, SecurityScheme::ApiKey(ApiKey::Cookie(scheme)));
        for item in doc.paths.paths.values_mut() {
            let reads = [&mut item.get, &mut item.head, &mut item.options];
            for op in reads.into_iter().flatten() {
                shared_answers(op, false);
            }
            let writes = [&mut item.post, &mut item.put, &mut item.patch, &mut item.delete];
            for op in writes.into_iter().flatten() {
                shared_answers(op, true);
            }
        }
    }
}

fn shared_answers(op: &mut Operation, writes: bool) {
    // `Visitor` and `api::member`: a required session that is missing or expired.
    let empty = SecurityRequirement::default();
    let needs_session = op
        .security
        .as_ref()
        .is_some_and(|s| !s.is_empty() && !s.contains(&empty));
    if needs_session {
        problem(
            op,
            "401",
            "`not_signed_in`: no live session, or not one of the kind this needs",
        );
    }
    // `http::visitor::api_guard`.
    if writes {
        problem(op, "403", "`csrf`: the `Origin` header names another site");
    }
    // `api::body`: the JSON body and its size.
    if op.request_body.is_some() {
        problem(
            op,
            "400",
            "`malformed_json`: the body is not JSON of this shape; \
             `unsupported_media_type`: the body is not `application/json`",
        );
        problem(
            op,
            "413",
            "`payload_too_large`: the body is larger than the server accepts",
        );
    }
    let has_query = op
        .parameters
        .iter()
        .flatten()
        .any(|p| p.parameter_in == ParameterIn::Query);
    if has_query {
        problem(op, "400", "`invalid_query`: a parameter is given twice or is not text");
    }
    // `http::maintenance::guard` and the database.
    problem(
        op,
        "503",
        "`maintenance`: the service is closed, or read-only and this request changes \
         something (NT-2; with `Retry-After`); `unavailable`: the database cannot be reached",
    );
    if let Some(RefOr::T(r)) = op.responses.responses.get_mut("503") {
        let mut after = Header::new(Object::with_type(Type::Integer));
        after.description = Some("Seconds to wait before trying again (`maintenance`).".into());
        r.headers.insert("Retry-After".into(), after);
    }
}

/// Documents a problem answer: a new response, or one more reason on the handler's own.
fn problem(op: &mut Operation, status: &str, reason: &str) {
    let content = || Content::new(Some(Ref::from_schema_name("Problem")));
    match op.responses.responses.get_mut(status) {
        Some(RefOr::T(r)) => {
            if !r.description.contains(reason) {
                r.description = match r.description.trim() {
                    "" => reason.to_owned(),
                    own => format!("{own}; {reason}"),
                };
            }
            r.content.entry(PROBLEM.to_owned()).or_insert_with(content);
        }
        Some(RefOr::Ref(_)) => {}
        None => {
            let mut r = Response::new(reason);
            r.content.insert(PROBLEM.to_owned(), content());
            op.responses.responses.insert(status.to_owned(), RefOr::T(r));
        }
    }
}

const PROBLEM: &str = "application/problem+json";
