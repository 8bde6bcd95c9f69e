//! What the operator bounds so a burst cannot take the server down: how many Argon2id hashes
//! (19 MiB each) run at once and how long a request waits for one, and how many registrations
//! one client address may make in an hour. Every use case that hashes or verifies a password
//! goes through `Limits::hash` or `Limits::verify`; sign-in limits and locks are checked
//! before either is called, so a refused attempt costs no hash.

use std::num::NonZeroUsize;
use std::sync::Arc;
use std::time::Duration;

use tokio::sync::{OwnedSemaphorePermit, Semaphore};

use crate::AppError;

/// How long a request waits for a hashing slot before it is answered `busy`.
pub const DEFAULT_HASH_WAIT: Duration = Duration::from_secs(2);
/// Registrations per client address per hour.
pub const DEFAULT_REGISTRATIONS_PER_HOUR: u32 = 10;

#[derive(Clone, Debug)]
pub struct Limits {
    hashes: Arc<Semaphore>,
    hash_wait: Duration,
    registrations_per_hour: u32,
}

impl Default for Limits {
    /// As many hashes at once as the machine has cores.
    fn default() -> Self {
        Self::new(Self::cores(), DEFAULT_HASH_WAIT, DEFAULT_REGISTRATIONS_PER_HOUR)
    }
}

impl Limits {
    /// At most `max_hashes` (at least one) at once; the rest wait up to `hash_wait`.
    pub fn new(max_hashes: usize, hash_wait: Duration, registrations_per_hour: u32) -> Self {
        Self {
            hashes: Arc::new(Semaphore::new(max_hashes.max(1))),
            hash_wait,
            registrations_per_hour,
        }
    }

    /// The defaults with a long wait for a hashing slot, so a busy test machine cannot
    /// turn a test's sign-in into `busy`.
    pub fn for_tests() -> Self {
        Self::new(Self::cores(), Duration::from_secs(300), DEFAULT_REGISTRATIONS_PER_HOUR)
    }

    /// The number of cores this process may use.
    pub fn cores() -> usize {
        std::thread::available_parallelism().map_or(1, NonZeroUsize::get)
    }

    pub fn registrations_per_hour(&self) -> i64 {
        i64::from(self.registrations_per_hour)
    }

    /// A new Argon2id hash of `password`.
    pub async fn hash(&self, password: &str) -> Result<String, AppError> {
        let password = password.to_owned();
        self.blocking(move || madoguchi_domain::password::hash(&password))
            .await?
            .map_err(|e| AppError::Random(e.to_string()))
    }

    /// Whether `password` matches the stored hash.
    pub async fn verify(&self, password: &str, phc: &str) -> Result<bool, AppError> {
        let (password, phc) = (password.to_owned(), phc.to_owned());
        self.blocking(move || madoguchi_domain::password::verify(&password, &phc))
            .await
    }

    /// Takes one hashing slot, as a hash would, until the permit is dropped. Tests fill the
    /// bound with it to see what waiting requests are answered.
    pub async fn hold(&self) -> Result<OwnedSemaphorePermit, AppError> {
        self.slot().await
    }

    fn busy(&self) -> AppError {
        AppError::Busy {
            retry_after_seconds: self.hash_wait.as_secs().max(1),
        }
    }

    async fn slot(&self) -> Result<OwnedSemaphorePermit, AppError> {
        match tokio::time::timeout(self.hash_wait, self.hashes.clone().acquire_owned()).await {
            Ok(Ok(permit)) => Ok(permit),
            // Waited too long (or the semaphore was closed, which never happens).
            Ok(Err(_)) | Err(_) => Err(self.busy()),
        }
    }

    async fn blocking<T: Send + 'static>(&self, work: impl FnOnce() -> T + Send + 'static) -> Result<T, AppError> {
        let permit = self.slot().await?;
        // The permit goes with the work: a request its client gave up on keeps its slot until
        // the hash is done, so the memory in use stays bounded.
        tokio::task::spawn_blocking(move || {
            let _slot = permit;
            work()
        })
        .await
        .map_err(|e| AppError::Random(e.to_string()))
    }
}
