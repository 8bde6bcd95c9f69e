//! Places for connections (issue 11, item 5; MT-3): at most `max_connections` are served at
//! once. A connection holds its place until it closes, and a connection upgraded to the
//! room's WebSocket keeps it for the socket's life: hyper hands an upgraded socket over and
//! forgets the connection, so without this 10,000 idle room sockets would take 10,000
//! descriptors past the limit. Each request carries its connection's `Place`; the room's
//! upgrade handler moves it into the socket's task.

use std::sync::Arc;

use tokio::sync::{OwnedSemaphorePermit, Semaphore};

/// The server's places; `in_use` is what `/metrics` reports as open connections.
#[derive(Clone, Debug)]
pub struct Places {
    free: Arc<Semaphore>,
    max: usize,
}

impl Places {
    pub fn new(max_connections: usize) -> Self {
        let max = max_connections.clamp(1, Semaphore::MAX_PERMITS);
        Self {
            free: Arc::new(Semaphore::new(max)),
            max,
        }
    }

    /// Waits for a free place; `None` once the places are closed.
    pub async fn take(&self) -> Option<Place> {
        let permit = self.free.clone().acquire_owned().await.ok()?;
        metrics::gauge!("madoguchi_http_connections").increment(1.0);
        Some(Place {
            _held: Arc::new(Held { _permit: permit }),
        })
    }

    /// Connections (upgraded room sockets included) holding a place now.
    pub fn in_use(&self) -> usize {
        self.max - self.free.available_permits()
    }
}

/// One connection's place, shared by its requests and by a WebSocket it became; freed when
/// the last copy goes.
#[derive(Clone, Debug)]
pub struct Place {
    _held: Arc<Held>,
}

#[derive(Debug)]
struct Held {
    _permit: OwnedSemaphorePermit,
}

impl Drop for Held {
    fn drop(&mut self) {
        metrics::gauge!("madoguchi_http_connections").decrement(1.0);
    }
}
