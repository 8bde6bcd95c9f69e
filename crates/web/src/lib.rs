//! Madoguchi's HTTP surface: thin axum handlers for the server-rendered pages and the
//! `/api/v1` JSON API. Security headers, language and metrics are middleware.

pub mod api;
mod browse;
pub mod health;
mod headers;
pub mod i18n;
mod page;
pub mod problem;

use std::future::Future;
use std::sync::Arc;

use axum::Router;
use axum::http::header;
use axum::middleware;
use axum::response::IntoResponse;
use axum::routing::get;
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
    Router::new()
        .route("/", get(browse::index))
        .route("/offices/{code}", get(browse::office))
        .route("/api/v1/offices", get(api::list_offices))
        .route("/api/v1/offices/{code}", get(api::get_office))
        .route("/api/v1/calendar", get(api::closed_days))
        .route("/assets/site.css", get(site_css))
        .route("/healthz", get(health::healthz))
        .route("/readyz", get(health::readyz))
        .route("/metrics", get(health::metrics_text))
        .merge(docs)
        .fallback(page::not_found)
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
    axum::serve(listener, router(state)).with_graceful_shutdown(shutdown).await
}
