//! What the operator bounds so a burst cannot take the server down: how many Argon2id hashes
//! (19 MiB each) run at once and how long a request waits for one, and how many registrations
//! one client address may make in an hour. Every use case that hashes or verifies a password
//! goes through `Limits::hash` or `Limits::verify`; sign-in limits and locks are checked
//! before either is called, so a refused attempt costs no hash.

use std::num::NonZeroUsize;
use std::sync::mpsc::{Receiver, Sender, channel};
use std::sync::{Arc, Mutex};
use std::time::Duration;

use tokio::sync::{OwnedSemaphorePermit, Semaphore, oneshot};

use crate::AppError;

/// How long a request waits for a hashing slot before it is answered `busy`.
pub const DEFAULT_HASH_WAIT: Duration = Duration::from_secs(2);
/// Registrations per client address per hour.
pub const DEFAULT_REGISTRATIONS_PER_HOUR: u32 = 10;

#[derive(Clone, Debug)]
pub struct Limits {
    hashes: Arc<Semaphore>,
    pool: HashPool,
    hash_wait: Duration,
    registrations_per_hour: u32,
}

type Job = Box<dyn FnOnce() + Send>;

/// The threads that hash, one per permit, kept for the life of the `Limits`. Hashing on a few
/// long-lived threads keeps memory bounded after a burst: each Argon2id run allocates 19 MiB,
/// and the C allocator keeps freed memory in the arena of the thread that used it, so hashing
/// on whichever of the runtime's many blocking threads was free (as before) left up to one
/// arena of 19–38 MiB per thread behind (a burst of 1,000 sign-ins peaked at 661 MiB and stayed
/// there); here at most one arena per hashing thread stays, and is reused by the next hash.
#[derive(Clone)]
struct HashPool(Arc<Mutex<Sender<Job>>>);

impl std::fmt::Debug for HashPool {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("HashPool")
    }
}

impl HashPool {
    fn new(threads: usize) -> Self {
        let (tx, rx) = channel::<Job>();
        let rx = Arc::new(Mutex::new(rx));
        for _ in 0..threads {
            let rx = rx.clone();
            // A thread ends when every sender is gone (the `Limits` was dropped).
            std::thread::spawn(move || {
                while let Some(job) = next(&rx) {
                    job()
                }
            });
        }
        Self(Arc::new(Mutex::new(tx)))
    }

    fn run(&self, job: Job) -> bool {
        self.0.lock().map(|tx| tx.send(job).is_ok()).unwrap_or(false)
    }
}

fn next(rx: &Mutex<Receiver<Job>>) -> Option<Job> {
    rx.lock().ok()?.recv().ok()
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
            pool: HashPool::new(max_hashes.max(1)),
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
        metrics::counter!("madoguchi_busy_answers_total", "reason" => "password_hashing").increment(1);
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
        let (tx, rx) = oneshot::channel();
        // The permit goes with the job, so it is released when the hash is done even if the
        // request that asked for it has gone.
        let job: Job = Box::new(move || {
            let _slot = permit;
            let _ = tx.send(work());
        });
        if !self.pool.run(job) {
            return Err(self.busy());
        }
        rx.await.map_err(|_| self.busy())
    }
}
