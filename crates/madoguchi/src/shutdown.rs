//! Stopping `serve` (issue 11). SIGTERM or Ctrl-C starts the grace period
//! (`shutdown.grace_seconds`): the background jobs stop at once, requests in flight may
//! finish, then the usage writer writes what it holds; at the end of the period the
//! process exits whatever the database does. Nothing a client was told succeeded is lost:
//! a request still running then gets no answer, and its transaction is not committed.

use std::future::Future;
use std::time::{Duration, Instant};

use madoguchi_domain::clock::monotonic;
use tokio::sync::watch;

/// The grace period and the stop signals derived from SIGTERM.
pub struct Shutdown {
    grace: Duration,
    /// Set to the end of the grace period when the signal comes.
    deadline: watch::Sender<Option<Instant>>,
    /// Tells the background jobs to stop.
    jobs: watch::Sender<bool>,
}

impl Shutdown {
    pub fn new(grace: Duration) -> Self {
        Self {
            grace,
            deadline: watch::channel(None).0,
            jobs: watch::channel(false).0,
        }
    }

    /// What the background jobs watch.
    pub fn jobs(&self) -> watch::Receiver<bool> {
        self.jobs.subscribe()
    }

    /// The future the web server waits on before it stops taking requests: SIGTERM or
    /// Ctrl-C starts the grace period and stops the jobs.
    pub fn signal(&self) -> impl Future<Output = ()> + Send + 'static {
        let (deadline, jobs, grace) = (self.deadline.clone(), self.jobs.clone(), self.grace);
        async move {
            received().await;
            tracing::info!(
                grace_seconds = grace.as_secs(),
                "shutting down: finishing requests in flight"
            );
            deadline.send_replace(Some(monotonic() + grace));
            jobs.send_replace(true);
        }
    }

    /// The end of the grace period (counted from now if no signal came, e.g. the server
    /// stopped on an error).
    pub fn deadline(&self) -> Instant {
        self.deadline.borrow().unwrap_or_else(|| monotonic() + self.grace)
    }

    /// Runs `work` until it ends, or until the grace period is over (`None`).
    pub async fn within_grace<F: Future>(&self, work: F) -> Option<F::Output> {
        let mut signalled = self.deadline.subscribe();
        let over = async {
            let Ok(end) = signalled.wait_for(Option::is_some).await.map(|d| *d) else {
                return std::future::pending().await;
            };
            if let Some(end) = end {
                tokio::time::sleep_until(tokio::time::Instant::from_std(end)).await;
            }
        };
        tokio::select! {
            biased;
            out = work => Some(out),
            () = over => None,
        }
    }

    /// Waits for a task until the deadline; a task still running then is abandoned.
    pub async fn join<T>(&self, what: &str, task: tokio::task::JoinHandle<T>) -> Option<T> {
        let abort = task.abort_handle();
        let end = tokio::time::Instant::from_std(self.deadline());
        match tokio::time::timeout_at(end, task).await {
            Ok(done) => done.ok(),
            Err(_) => {
                abort.abort();
                tracing::warn!(task = what, "still running at the end of the grace period; abandoned");
                None
            }
        }
    }
}

/// SIGTERM (from a service manager) or Ctrl-C.
async fn received() {
    let ctrl_c = async {
        let _ = tokio::signal::ctrl_c().await;
    };
    #[cfg(unix)]
    let term = async {
        match tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
            Ok(mut s) => {
                s.recv().await;
            }
            Err(_) => std::future::pending::<()>().await,
        }
    };
    #[cfg(not(unix))]
    let term = std::future::pending::<()>();
    tokio::select! {
        () = ctrl_c => {},
        () = term => {},
    }
}
