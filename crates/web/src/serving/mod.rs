//! The accept loop (issue 11, item 5). `axum::serve` closes no connection on its own, so
//! 1,100 idle or half-sent connections used up a 1,024-descriptor process. Here each
//! connection must send its request head within `header_read_timeout` (hyper restarts that
//! timer while a kept-alive connection waits for its next request, so it is the idle limit
//! too), and at most `max_connections` are served at once: the next waits in the kernel's
//! listen queue rather than taking a descriptor. A connection upgraded to the room's
//! WebSocket keeps its place (`places`).

pub mod limits;
pub mod places;

use std::future::Future;
use std::net::SocketAddr;
use std::time::Duration;

use axum::extract::ConnectInfo;
use hyper::body::Incoming;
use hyper::server::conn::http1;
use hyper_util::rt::{TokioIo, TokioTimer};
use hyper_util::service::TowerToHyperService;
use tokio::net::TcpListener;
use tower::ServiceExt;

use crate::AppState;
use places::Places;

/// Serves until `shutdown` completes, then stops accepting and lets requests in flight
/// finish; idle connections close at once.
pub async fn run(
    listener: TcpListener,
    state: AppState,
    shutdown: impl Future<Output = ()> + Send + 'static,
) -> std::io::Result<()> {
    let places = Places::new(state.http.max_connections);
    run_with(listener, state, places, shutdown).await
}

/// `run` with places the caller keeps a handle on (to see how many are in use).
pub async fn run_with(
    listener: TcpListener,
    state: AppState,
    places: Places,
    shutdown: impl Future<Output = ()> + Send + 'static,
) -> std::io::Result<()> {
    let limits = state.http.clone();
    let app = crate::router(state);
    // Graceful stop by hand: hyper-util's `GracefulShutdown` does not take a connection that
    // can be upgraded (the room's WebSocket, MT-3). Each connection holds a `done` sender;
    // the stop tells every connection to finish, then waits until all senders are gone.
    let (stop_tx, stop_rx) = tokio::sync::watch::channel(false);
    let (done_tx, mut done_rx) = tokio::sync::mpsc::channel::<()>(1);
    let mut builder = http1::Builder::new();
    builder
        .timer(TokioTimer::new())
        .header_read_timeout(limits.header_read_timeout);
    let mut shutdown = std::pin::pin!(shutdown);
    loop {
        // A place first, then the connection: beyond the limit nothing is accepted.
        let place = tokio::select! {
            () = &mut shutdown => break,
            place = places.take() => place,
        };
        let Some(place) = place else { break };
        let (stream, addr) = tokio::select! {
            () = &mut shutdown => break,
            accepted = listener.accept() => match accepted {
                Ok(accepted) => accepted,
                Err(e) => {
                    accept_failed(e).await;
                    continue;
                }
            },
        };
        let _ = stream.set_nodelay(true);
        // Handlers read the client address as axum's `ConnectInfo`; the room's WebSocket
        // takes the connection's place with it.
        let shared = place.clone();
        let service = app
            .clone()
            .map_request(move |mut request: axum::http::Request<Incoming>| {
                request.extensions_mut().insert(ConnectInfo::<SocketAddr>(addr));
                request.extensions_mut().insert(shared.clone());
                request
            });
        // Upgrades: the built-in room's WebSocket (MT-3).
        let connection = builder
            .serve_connection(TokioIo::new(stream), TowerToHyperService::new(service))
            .with_upgrades();
        let mut stop = stop_rx.clone();
        let done = done_tx.clone();
        tokio::spawn(async move {
            let mut connection = std::pin::pin!(connection);
            let ended = tokio::select! {
                r = connection.as_mut() => r,
                _ = stop.changed() => {
                    connection.as_mut().graceful_shutdown();
                    connection.await
                }
            };
            // Timeouts and clients that go away end up here; nothing to do but close.
            if let Err(e) = ended {
                tracing::debug!(error = %e, "connection ended");
            }
            drop(place);
            drop(done);
        });
    }
    drop(listener);
    let _ = stop_tx.send(true);
    drop(done_tx);
    // `None` once every connection has finished.
    let _ = done_rx.recv().await;
    Ok(())
}

/// A client that gave up before being accepted is not our problem; anything else (out of
/// descriptors) is logged and retried after a pause instead of spinning.
async fn accept_failed(e: std::io::Error) {
    use std::io::ErrorKind::{ConnectionAborted, ConnectionRefused, ConnectionReset};
    if matches!(e.kind(), ConnectionAborted | ConnectionRefused | ConnectionReset) {
        return;
    }
    tracing::error!(error = %e, "cannot accept a connection");
    tokio::time::sleep(Duration::from_secs(1)).await;
}
