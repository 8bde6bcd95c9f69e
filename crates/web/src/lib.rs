//! Madoguchi's HTTP surface: thin axum handlers for the server-rendered pages and the
//! `/api/v1` JSON API. Security headers, language and metrics are middleware.

mod account_pages;
pub mod api;
mod api_accounts;
mod api_booking;
mod api_seminars;
mod api_staff;
mod booking_pages;
mod browse;
mod dev_clock;
mod dev_mail;
mod eligibility_pages;
mod headers;
pub mod health;
pub mod i18n;
mod lock_pages;
pub mod maintenance;
mod me_pages;
mod my_page;
mod notice_pages;
mod page;
mod prepare_pages;
mod privacy_page;
pub mod problem;
mod record_pages;
mod seminar_pages;
mod staff_day;
mod staff_forms;
mod staff_pages;
mod staff_requests;
mod staff_seminars;
mod staff_sign_in;
mod staff_slots;
mod stats_chart;
mod stats_pages;
mod terms_pages;
pub mod usage;
mod visitor;

use std::future::Future;
use std::sync::Arc;

use axum::Router;
use axum::http::header;
use axum::middleware;
use axum::response::IntoResponse;
use axum::routing::{get, post, put};
use madoguchi_domain::clock::Clock;
use madoguchi_store::Db;
use tokio::net::TcpListener;
use utoipa::OpenApi;
use utoipa_swagger_ui::SwaggerUi;

/// What every handler can reach.
#[derive(Clone)]
pub struct AppState {
    pub db: Db,
    pub clock: Arc<dyn Clock>,
    /// Where links in mail point.
    pub site: madoguchi_app::register::Site,
    /// Session cookies carry `Secure` unless disabled for local development (AC-6).
    pub cookie_secure: bool,
    /// Demo mode only: the folder of `.eml` files the development mailbox shows.
    pub mailbox: Option<std::path::PathBuf>,
    /// NT-2: this process's short-lived copy of the maintenance switch.
    pub maintenance: maintenance::ModeCache,
    /// `serve --demo --test-clock` only: the clock `/dev/clock` moves forward (the same
    /// object as `clock`).
    pub test_clock: Option<Arc<madoguchi_domain::clock::OffsetClock>>,
    /// PV-1: where the usage middleware hands its entries.
    pub usage: madoguchi_app::usage::Recorder,
}

const SITE_CSS: &str = include_str!("../assets/site.css");

async fn site_css() -> impl IntoResponse {
    (
        [
            (header::CONTENT_TYPE, "text/css; charset=utf-8"),
            (header::CACHE_CONTROL, "public, max-age=3600"),
        ],
        SITE_CSS,
    )
}

/// The whole application.
pub fn router(state: AppState) -> Router {
    health::prometheus();
    let docs = SwaggerUi::new("/api/docs").url("/api/v1/openapi.json", api::ApiDoc::openapi());
    let api = Router::new()
        .route("/api/v1/offices", get(api::list_offices))
        .route("/api/v1/offices/{code}", get(api::get_office))
        .route("/api/v1/calendar", get(api::closed_days))
        .route("/api/v1/offices/{code}/slots", get(api_booking::free_slots))
        .route("/api/v1/reservations", post(api_booking::create).get(api_booking::list))
        .route("/api/v1/reservations/{id}", get(api_booking::one))
        .route("/api/v1/reservation-requests", post(api_booking::create_request))
        .route("/api/v1/staff/schedule", get(api_staff::schedule_day))
        .route("/api/v1/staff/reservations/{id}/{action}", post(api_staff::record))
        .route("/api/v1/reservations/{id}/cancel", post(api_booking::cancel))
        .route("/api/v1/notices", get(notice_pages::api))
        .route("/api/v1/terms/{service}", get(terms_pages::api))
        .route("/api/v1/seminars", get(api_seminars::list))
        .route("/api/v1/seminars/{id}", get(api_seminars::one))
        .route("/api/v1/seminars/{id}/registrations", post(api_seminars::register))
        .route("/api/v1/seminar-registrations", get(api_seminars::mine))
        .route("/api/v1/seminar-registrations/{id}/cancel", post(api_seminars::cancel))
        .route("/api/v1/staff/seminars", post(api_seminars::create))
        .route(
            "/api/v1/staff/seminars/{id}/participants",
            get(api_seminars::participants),
        )
        .route(
            "/api/v1/staff/seminar-registrations/{id}/remove",
            post(api_seminars::remove),
        )
        .route("/api/v1/registrations", post(api_accounts::create_registration))
        .route("/api/v1/registrations/verify", post(api_accounts::verify_registration))
        .route(
            "/api/v1/session",
            post(api_accounts::create_session).delete(api_accounts::delete_session),
        )
        .route("/api/v1/me", get(api_accounts::me).delete(api_accounts::delete_me))
        .route("/api/v1/me/password", put(api_accounts::change_password))
        .route("/api/v1/me/job-seeker", put(api_accounts::put_job_seeker))
        .route("/api/v1/me/residence", put(api_accounts::put_residence))
        .route("/api/v1/me/messages", get(api_accounts::messages))
        .route("/api/v1/me/lock", post(api_accounts::lock_me))
        .route_layer(middleware::from_fn(visitor::api_guard));
    let dev = match state.mailbox {
        Some(_) => Router::new()
            .route("/dev/mail", get(dev_mail::index))
            .route("/dev/mail/{file}", get(dev_mail::show)),
        None => Router::new(),
    };
    let dev = match state.test_clock {
        Some(_) => dev.route("/dev/clock", get(dev_clock::show).post(dev_clock::advance)),
        None => dev,
    };
    Router::new()
        .merge(dev)
        .route("/", get(browse::index))
        .route("/offices/{code}", get(browse::office))
        .route("/offices/{code}/book", get(booking_pages::slots))
        .route(
            "/book/{slot}",
            get(booking_pages::book_form).post(booking_pages::book_submit),
        )
        .route("/me/reservations/{id}/cancel", post(booking_pages::cancel))
        .route("/me/reservations/{id}/prepare", get(prepare_pages::prepare))
        .route("/me/reservations/{id}/checklist", post(prepare_pages::confirm))
        .route("/connection-test", get(prepare_pages::connection_test))
        .route("/connection-test/payload", get(prepare_pages::payload))
        .route("/assets/connection-test.js", get(prepare_pages::script))
        .route(
            "/register",
            get(account_pages::register_form).post(account_pages::register_submit),
        )
        .route("/register/sent", get(account_pages::register_sent))
        .route(
            "/register/verify",
            get(account_pages::verify_form).post(account_pages::verify_submit),
        )
        .route(
            "/sign-in",
            get(account_pages::sign_in_form).post(account_pages::sign_in_submit),
        )
        .route("/sign-out", post(account_pages::sign_out))
        .route("/me", get(my_page::me))
        .route("/me/lock", post(lock_pages::lock_own))
        .route("/me/eligibility", get(eligibility_pages::page))
        .route("/me/job-seeker", post(eligibility_pages::save_job_seeker))
        .route("/me/residence", post(eligibility_pages::save_residence))
        .route("/staff", get(staff_pages::home))
        .route(
            "/staff/sign-in",
            get(staff_sign_in::sign_in_form).post(staff_sign_in::sign_in_submit),
        )
        .route("/staff/sign-out", post(staff_sign_in::sign_out))
        .route("/staff/seekers", get(staff_pages::seeker))
        .route(
            "/staff/members",
            get(staff_pages::members).post(staff_pages::create_member),
        )
        .route("/staff/seekers/{user_id}/{action}", post(staff_pages::act))
        .route("/staff/day", get(staff_day::day))
        .route("/staff/audit", get(record_pages::audit_search))
        .route(
            "/staff/disclosures",
            get(record_pages::disclosures).post(record_pages::export),
        )
        .route("/privacy", get(privacy_page::show))
        .route("/staff/stats", get(stats_pages::page))
        .route("/staff/stats.csv", get(stats_pages::csv))
        .route("/notices", get(notice_pages::list))
        .route("/terms/{service}", get(terms_pages::show))
        .route("/terms/{service}/accept", post(terms_pages::accept))
        .route("/notices.atom", get(notice_pages::atom))
        .route(
            "/staff/notices",
            get(notice_pages::staff).post(notice_pages::staff_post),
        )
        .route("/seminars", get(seminar_pages::list))
        .route("/seminars/{id}", get(seminar_pages::show))
        .route("/seminars/{id}/register", post(seminar_pages::register))
        .route("/seminar-registrations/{id}/cancel", post(seminar_pages::cancel))
        .route(
            "/staff/seminars",
            get(staff_seminars::list).post(staff_seminars::create),
        )
        .route("/staff/seminars/{id}", get(staff_seminars::participants))
        .route("/staff/seminars/{id}/edit", post(staff_seminars::edit))
        .route("/staff/seminars/{id}/meeting", post(staff_seminars::meeting))
        .route("/staff/seminar-registrations/{id}/{action}", post(staff_seminars::act))
        .route("/staff/slots", get(staff_slots::slots))
        .route("/staff/requests", get(staff_requests::list))
        .route("/staff/requests/{id}/{action}", post(staff_requests::decide))
        .route("/staff/slots/templates", post(staff_slots::add))
        .route("/staff/slots/templates/{id}/delete", post(staff_slots::delete))
        .route("/staff/slots/publish", post(staff_slots::publish))
        .route("/staff/slots/one-off", post(staff_slots::add_one_off))
        .route("/staff/slots/policy", post(staff_slots::set_policy))
        .route("/staff/slots/{id}/remove", post(staff_slots::remove))
        .route("/staff/reservations/{id}/{action}", post(staff_day::act))
        .route(
            "/me/password",
            get(me_pages::password_page).post(me_pages::password_submit),
        )
        .route("/me/delete", get(me_pages::delete_page).post(me_pages::delete_submit))
        .route("/lock", get(lock_pages::lock_form).post(lock_pages::lock_submit))
        .route("/reset", get(lock_pages::reset_form).post(lock_pages::reset_submit))
        .route("/assets/site.css", get(site_css))
        .route("/healthz", get(health::healthz))
        .route("/readyz", get(health::readyz))
        .route("/metrics", get(health::metrics_text))
        .merge(api)
        .merge(docs)
        .fallback(page::not_found)
        .layer(middleware::from_fn_with_state(state.clone(), maintenance::guard))
        .layer(middleware::from_fn_with_state(state.clone(), usage::record))
        .layer(middleware::from_fn(health::record))
        .layer(middleware::from_fn(headers::security))
        .with_state(state)
}

/// Serves until `shutdown` completes, then lets in-flight requests finish.
pub async fn serve(
    listener: TcpListener,
    state: AppState,
    shutdown: impl Future<Output = ()> + Send + 'static,
) -> std::io::Result<()> {
    let app = router(state).into_make_service_with_connect_info::<std::net::SocketAddr>();
    axum::serve(listener, app).with_graceful_shutdown(shutdown).await
}
