//! Madoguchi's HTTP surface: thin axum handlers for the server-rendered pages and the
//! `/api/v1` JSON API. Security headers, language and metrics are middleware.

pub mod api;
mod dev;
mod employer;
pub mod http;
pub mod i18n;
mod public;
pub mod room;
mod seeker;
pub mod serving;
mod staff;

use std::future::Future;
use std::sync::Arc;

use axum::Router;
use axum::http::header;
use axum::middleware;
use axum::response::IntoResponse;
use axum::routing::{MethodRouter, get, post, put};
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
    pub site: madoguchi_app::shared::Site,
    /// Session cookies carry `Secure` unless disabled for local development (AC-6).
    pub cookie_secure: bool,
    /// Demo mode only: the folder of `.eml` files the development mailbox shows.
    pub mailbox: Option<std::path::PathBuf>,
    /// NT-2: this process's short-lived copy of the maintenance switch.
    pub maintenance: http::maintenance::ModeCache,
    /// `serve --demo --test-clock` only: the clock `/dev/clock` moves forward (the same
    /// object as `clock`).
    pub test_clock: Option<Arc<madoguchi_domain::clock::OffsetClock>>,
    /// PV-1: where the usage middleware hands its entries.
    pub usage: madoguchi_app::records::usage::Recorder,
    /// Timeouts, the connection limit and who may read `/metrics` (issue 11).
    pub http: serving::limits::HttpConfig,
    /// Password hashes at once and registrations per address (`security.*` in the configuration).
    pub limits: madoguchi_app::accounts::limits::Limits,
    /// The built-in room (MT-3): its configuration and this process's signalling hub.
    pub room: room::Rooms,
    /// Zoom (MT-2, issue 15): the operator key and where Zoom is.
    pub zoom: madoguchi_app::zoom::ZoomConfig,
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

/// Issue 13: the site's icon, a window (窓) in the header's blue; also at `/favicon.ico`,
/// where browsers look without being told.
const FAVICON: &str = include_str!("../assets/favicon.svg");

async fn favicon() -> impl IntoResponse {
    (
        [
            (header::CONTENT_TYPE, "image/svg+xml"),
            (header::CACHE_CONTROL, "public, max-age=86400"),
        ],
        FAVICON,
    )
}

/// The whole application.
pub fn router(state: AppState) -> Router {
    http::health::prometheus();
    let docs = SwaggerUi::new("/api/docs").url("/api/v1/openapi.json", api::doc::ApiDoc::openapi());
    // The API's CSRF guard, on each route's own methods only: a method no route has is a
    // 405 with `Allow` from the router (issue 11, item 7).
    let guard = middleware::from_fn_with_state(state.clone(), http::visitor::api_guard);
    let g = |m: MethodRouter<AppState>| m.route_layer(guard.clone());
    let api = Router::new()
        .route("/api/v1/offices", g(get(api::offices::list_offices)))
        .route("/api/v1/offices/{code}", g(get(api::offices::get_office)))
        .route("/api/v1/calendar", g(get(api::offices::closed_days)))
        .route("/api/v1/offices/{code}/slots", g(get(api::booking::free_slots)))
        .route(
            "/api/v1/reservations",
            g(post(api::booking::create).get(api::booking::list)),
        )
        .route("/api/v1/reservations/{id}", g(get(api::booking::one)))
        .route("/api/v1/reservations/{id}/room", g(get(room::api::room)))
        .route("/api/v1/reservation-requests", g(post(api::booking::create_request)))
        .route("/api/v1/staff/schedule", g(get(api::staff::schedule_day)))
        .route("/api/v1/staff/reservations/{id}/{action}", g(post(api::staff::record)))
        .route("/api/v1/reservations/{id}/cancel", g(post(api::booking::cancel)))
        .route(
            "/api/v1/reservations/{id}/reschedule",
            g(post(api::booking::reschedule)),
        )
        .route(
            "/api/v1/reservations/{id}/calendar.ics",
            g(get(api::calendar::calendar)),
        )
        .route("/api/v1/password-resets", g(post(api::password_resets::create)))
        .route(
            "/api/v1/password-resets/confirm",
            g(post(api::password_resets::confirm)),
        )
        .route("/api/v1/notices", g(get(public::notices::api)))
        .route("/api/v1/terms/{service}", g(get(public::terms::api)))
        .route("/api/v1/seminars", g(get(api::seminars::list)))
        .route("/api/v1/seminars/{id}", g(get(api::seminars::one)))
        .route("/api/v1/seminars/{id}/registrations", g(post(api::seminars::register)))
        .route("/api/v1/seminar-registrations", g(get(api::seminars::mine)))
        .route(
            "/api/v1/seminar-registrations/{id}/cancel",
            g(post(api::seminars::cancel)),
        )
        .route("/api/v1/staff/seminars", g(post(api::seminars::create)))
        .route(
            "/api/v1/staff/seminars/{id}/participants",
            g(get(api::seminars::participants)),
        )
        .route(
            "/api/v1/staff/seminar-registrations/{id}/remove",
            g(post(api::seminars::remove)),
        )
        .route(
            "/api/v1/staff/seminars/{id}/cancel",
            g(post(api::seminar_changes::cancel)),
        )
        .route(
            "/api/v1/staff/seminars/{id}/suspend",
            g(post(api::seminar_changes::suspend)),
        )
        .route(
            "/api/v1/staff/seminars/{id}/resume",
            g(post(api::seminar_changes::resume)),
        )
        .route(
            "/api/v1/staff/seminars/{id}/move",
            g(post(api::seminar_changes::move_to)),
        )
        .route(
            "/api/v1/staff/seminar-registrations/{id}/phone-cancel",
            g(post(api::seminar_changes::phone_cancel)),
        )
        .route(
            "/api/v1/staff/seminar-registrations/{id}/correct-no-show",
            g(post(api::seminar_changes::correct_no_show)),
        )
        .route("/api/v1/registrations", g(post(api::accounts::create_registration)))
        .route(
            "/api/v1/registrations/verify",
            g(post(api::accounts::verify_registration)),
        )
        .route(
            "/api/v1/session",
            g(post(api::accounts::create_session).delete(api::accounts::delete_session)),
        )
        .route("/api/v1/me", g(get(api::accounts::me).delete(api::accounts::delete_me)))
        .route("/api/v1/me/password", g(put(api::accounts::change_password)))
        .route("/api/v1/me/job-seeker", g(put(api::accounts::put_job_seeker)))
        .route("/api/v1/me/residence", g(put(api::accounts::put_residence)))
        .route("/api/v1/me/messages", g(get(api::accounts::messages)))
        .route("/api/v1/me/lock", g(post(api::accounts::lock_me)))
        .route("/api/v1/me/interviews", g(get(api::interviews::mine)))
        .route("/api/v1/staff/interviews", g(get(api::interviews::office)));
    let dev = match state.mailbox {
        Some(_) => Router::new()
            .route("/dev/mail", get(dev::mail::index))
            .route("/dev/mail/{file}", get(dev::mail::show)),
        None => Router::new(),
    };
    let dev = match state.test_clock {
        Some(_) => dev.route("/dev/clock", get(dev::clock::show).post(dev::clock::advance)),
        None => dev,
    };
    Router::new()
        .merge(dev)
        .route("/", get(public::browse::index))
        .route("/offices/{code}", get(public::browse::office))
        .route("/offices", get(public::finder::find))
        .route("/offices/{code}/book", get(seeker::week::week))
        .route("/me/office", post(seeker::my_office::keep))
        .route("/me/language", post(seeker::language::choose))
        .route(
            "/offices/{code}/request",
            get(seeker::requests::request_form).post(seeker::requests::request_submit),
        )
        .route(
            "/me/requests/{id}/withdraw",
            get(seeker::requests::withdraw_page).post(seeker::requests::withdraw),
        )
        .route(
            "/book/{slot}",
            get(seeker::booking::book_form).post(seeker::booking::book_submit),
        )
        .route(
            "/me/reservations/{id}/cancel",
            get(seeker::booking::cancel_page).post(seeker::booking::cancel),
        )
        .route("/me/reservations/{id}", get(seeker::reservation::confirmation::show))
        .route(
            "/me/reservations/{id}/change",
            get(seeker::reservation::reschedule::change_page).post(seeker::reservation::reschedule::change_submit),
        )
        .route(
            "/password-reset",
            get(seeker::password::forgot::forgot_form).post(seeker::password::forgot::forgot_submit),
        )
        .route("/me/reservations/{id}/prepare", get(seeker::prepare::prepare))
        .route("/me/reservations/{id}/checklist", post(seeker::prepare::confirm))
        .route("/connection-test", get(seeker::prepare::connection_test))
        .route("/connection-test/payload", get(seeker::prepare::payload))
        .route("/assets/connection-test.js", get(seeker::prepare::script))
        .route(
            "/register",
            get(seeker::account::register_form).post(seeker::account::register_submit),
        )
        .route("/register/sent", get(seeker::account::register_sent))
        .route(
            "/register/verify",
            get(seeker::account::verify_form).post(seeker::account::verify_submit),
        )
        .route(
            "/sign-in",
            get(seeker::account::sign_in_form).post(seeker::account::sign_in_submit),
        )
        .route("/sign-out", post(seeker::account::sign_out))
        .route("/me", get(seeker::my_page::me))
        .route(
            "/me/lock",
            get(seeker::password::lock::lock_page).post(seeker::password::lock::lock_own),
        )
        .route("/me/eligibility", get(seeker::eligibility::page))
        .route("/me/job-seeker", post(seeker::eligibility::save_job_seeker))
        .route("/me/residence", post(seeker::eligibility::save_residence))
        .route("/staff", get(staff::people::console::home))
        .route(
            "/staff/sign-in",
            get(staff::sign_in::sign_in_form).post(staff::sign_in::sign_in_submit),
        )
        .route("/staff/sign-out", post(staff::sign_in::sign_out))
        .route("/staff/seekers", get(staff::people::console::seeker))
        .route(
            "/staff/members",
            get(staff::people::members::members).post(staff::people::members::create_member),
        )
        .route("/staff/seekers/{user_id}/{action}", post(staff::people::console::act))
        .route(
            "/staff/seekers/{user_id}/delete",
            get(staff::people::deletion::confirm).post(staff::people::deletion::delete),
        )
        .route(
            "/staff/seekers/{user_id}/second-consultation",
            post(staff::people::second_day::allow_second),
        )
        .route("/staff/confirmations", get(staff::people::confirmations::list))
        .route("/staff/day", get(staff::day::day))
        .route("/staff/day/rooms", get(staff::day::live::rooms))
        .route("/staff/audit", get(staff::records::audit_search))
        .route(
            "/staff/disclosures",
            get(staff::records::disclosures).post(staff::records::export),
        )
        .route("/privacy", get(public::privacy::show))
        .route("/staff/stats", get(staff::stats::page))
        .route("/staff/stats.csv", get(staff::stats::csv))
        .route("/notices", get(public::notices::list))
        .route("/terms/{service}", get(public::terms::show))
        .route("/terms/{service}/accept", post(public::terms::accept))
        .route("/notices.atom", get(public::notices::atom))
        .route(
            "/staff/notices",
            get(staff::notices::staff).post(staff::notices::staff_post),
        )
        .route(
            "/staff/translations/{of}/{item}",
            get(staff::translations::page).post(staff::translations::save),
        )
        .route(
            "/staff/translations/{of}/{item}/remove",
            get(staff::translations::remove_page).post(staff::translations::remove),
        )
        .route("/seminars", get(public::seminars::list))
        .route("/seminars/{id}", get(public::seminars::show))
        .route("/seminars/{id}/register", post(public::seminars::register))
        .route(
            "/seminar-registrations/{id}/cancel",
            get(public::seminars::cancel_page).post(public::seminars::cancel),
        )
        .route(
            "/staff/seminars",
            get(staff::seminars::list).post(staff::seminars::create),
        )
        .route("/staff/seminars/{id}", get(staff::seminars::participants))
        .route("/staff/seminars/{id}/edit", post(staff::seminars::edit))
        .route("/staff/seminars/{id}/meeting", post(staff::seminars::meeting))
        .route("/staff/seminars/{id}/cancel", post(staff::seminars::changes::cancel))
        .route("/staff/seminars/{id}/move", post(staff::seminars::changes::move_to))
        .route("/staff/seminars/{id}/suspend", post(staff::seminars::changes::suspend))
        .route("/staff/seminars/{id}/resume", post(staff::seminars::changes::resume))
        .route("/staff/seminar-registrations/{id}/{action}", post(staff::seminars::act))
        .route("/staff/slots", get(staff::slots::slots))
        .route("/staff/requests", get(staff::requests::list))
        .route("/staff/requests/{id}/{action}", post(staff::requests::decide))
        .route("/staff/slots/templates", post(staff::slots::add))
        .route("/staff/slots/templates/{id}/delete", post(staff::slots::delete))
        .route("/staff/slots/publish", post(staff::slots::publish))
        .route("/staff/slots/one-off", post(staff::slots::add_one_off))
        .route("/staff/slots/policy", post(staff::slots::set_policy))
        .route("/staff/slots/room-grace", post(staff::slots::set_room_grace))
        .route("/staff/slots/{id}/remove", post(staff::slots::remove))
        .route("/staff/closures", get(staff::closures::list))
        .route("/staff/apps", get(staff::apps::page).post(staff::apps::save))
        // Signed by Zoom (x-zm-signature), so no session and no CSRF token (issue 15).
        .route("/webhooks/zoom/{office}", post(api::zoom_webhooks::receive))
        .route("/staff/closures/preview", post(staff::closures::preview::preview))
        .route("/staff/closures/confirm", post(staff::closures::preview::confirm))
        .route(
            "/staff/closures/{office}/{day}/lift",
            get(staff::closures::lift_page).post(staff::closures::lift),
        )
        .route("/staff/reservations/{id}/{action}", post(staff::day::act))
        .route(
            "/me/password",
            get(seeker::me::password_page).post(seeker::me::password_submit),
        )
        .route(
            "/me/delete",
            get(seeker::me::delete_page).post(seeker::me::delete_submit),
        )
        .route(
            "/lock",
            get(seeker::password::lock::lock_form).post(seeker::password::lock::lock_submit),
        )
        .route(
            "/reset",
            get(seeker::password::lock::reset_form).post(seeker::password::lock::reset_submit),
        )
        .route("/assets/site.css", get(site_css))
        .route("/rooms/{id}", get(room::room_page))
        .route("/rooms/{id}/ws", get(room::ws::upgrade))
        .route("/rooms/{id}/checklist", post(room::checklist))
        .route("/rooms/{id}/companion-link", post(room::companion_link))
        .route("/rooms/join/{token}", get(room::join_form).post(room::join_submit))
        .route("/assets/room.js", get(room::room_js))
        .route("/assets/room-peer.js", get(room::room_peer_js))
        .route("/assets/day-live.js", get(room::day_live_js))
        .route(
            "/staff/interviews",
            get(staff::interviews::list).post(staff::interviews::create),
        )
        .route("/staff/interviews/{id}", get(staff::interviews::detail))
        .route("/staff/interviews/{id}/outcome", post(staff::interviews::outcome))
        .route(
            "/staff/interviews/{id}/representative",
            post(staff::interview_room::representative),
        )
        .route(
            "/staff/interviews/{id}/cancel",
            get(staff::interviews::cancel_page).post(staff::interviews::cancel),
        )
        .route("/me/interviews/{id}/accept", post(seeker::interviews::accept))
        .route(
            "/me/interviews/{id}/{action}",
            get(seeker::interviews::confirm_page).post(seeker::interviews::act),
        )
        .route(
            "/interviews/join/{token}",
            get(public::employer::join_form).post(public::employer::join_submit),
        )
        .route("/interviews/{id}/employer", get(public::employer::page))
        .route(
            "/staff/selection",
            get(staff::selection::list).post(staff::selection::publish),
        )
        .route("/staff/selection/{id}", get(staff::selection::day::show))
        .route("/staff/selection/{id}/refer", post(staff::selection::day::refer_submit))
        .route("/staff/selection/{id}/link", post(staff::selection::day::send_link))
        .route(
            "/me/selection/{id}",
            get(seeker::selection::show).post(seeker::selection::book_submit),
        )
        .route(
            "/me/selection/bookings/{id}/cancel",
            get(seeker::selection::cancel_page).post(seeker::selection::cancel),
        )
        .route("/selection/list/{token}", get(employer::selection::open_form))
        .route("/selection/list", post(employer::selection::open_submit))
        .route("/selection/days/{id}", get(employer::selection::list))
        .route("/assets/favicon.svg", get(favicon))
        .route("/favicon.ico", get(favicon))
        .route("/healthz", get(http::health::healthz))
        .route("/readyz", get(http::health::readyz))
        .route("/metrics", get(http::health::metrics_text))
        .merge(api)
        .merge(docs)
        .fallback(http::page::not_found)
        .layer(middleware::from_fn(http::problem::api_method_not_allowed))
        .layer(middleware::from_fn(http::ruby::plain_text))
        .layer(middleware::from_fn_with_state(
            state.clone(),
            serving::limits::read_body,
        ))
        .layer(middleware::from_fn_with_state(state.clone(), http::visitor::frame))
        .layer(middleware::from_fn_with_state(state.clone(), http::maintenance::guard))
        .layer(middleware::from_fn_with_state(state.clone(), http::usage::record))
        .layer(middleware::from_fn(http::health::record))
        .layer(middleware::from_fn(http::headers::security))
        .with_state(state)
}

/// Serves until `shutdown` completes, then lets in-flight requests finish; the limits of
/// `state.http` apply to every connection.
pub async fn serve(
    listener: TcpListener,
    state: AppState,
    shutdown: impl Future<Output = ()> + Send + 'static,
) -> std::io::Result<()> {
    serving::run(listener, state, shutdown).await
}
