//! A token bucket (the room's flood limit, MT-3): `rate` tokens a second refill it up to
//! `burst`; something that costs more than is left is refused. Pure: the caller says how
//! much time has passed since the bucket was made (a monotonic reading), so it is tested at
//! any instant.

use std::time::Duration;

#[derive(Debug, Clone)]
pub struct TokenBucket {
    rate: f64,
    burst: f64,
    tokens: f64,
    at: Duration,
}

impl TokenBucket {
    /// A full bucket at `at`.
    pub fn new(rate: u32, burst: u32, at: Duration) -> Self {
        let burst = f64::from(burst.max(1));
        Self {
            rate: f64::from(rate),
            burst,
            tokens: burst,
            at,
        }
    }

    /// Takes `cost` tokens at `at` (which never goes back); `false`, taking nothing, if
    /// fewer are left.
    pub fn take(&mut self, cost: u32, at: Duration) -> bool {
        if at > self.at {
            let refill = (at - self.at).as_secs_f64() * self.rate;
            self.tokens = (self.tokens + refill).min(self.burst);
            self.at = at;
        }
        let cost = f64::from(cost);
        if cost <= self.tokens {
            self.tokens -= cost;
            true
        } else {
            false
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ms(n: u64) -> Duration {
        Duration::from_millis(n)
    }

    // Rule MT-3 (hardening): a burst passes, a flood does not, and the bucket refills at
    // its rate, never beyond the burst.
    #[test]
    fn a_burst_passes_and_a_flood_is_refused() {
        let mut b = TokenBucket::new(10, 5, ms(0));
        for i in 0..5 {
            assert!(b.take(1, ms(0)), "{i}");
        }
        assert!(!b.take(1, ms(0)));
        // 100 ms at 10 a second: one more.
        assert!(b.take(1, ms(100)));
        assert!(!b.take(1, ms(100)));
        // A long quiet: full again, but only the burst.
        assert!(b.take(5, ms(60_000)));
        assert!(!b.take(1, ms(60_000)));
        // More than the burst at once is never allowed.
        assert!(!TokenBucket::new(10, 5, ms(0)).take(6, ms(0)));
    }

    #[test]
    fn time_going_back_refills_nothing() {
        let mut b = TokenBucket::new(1000, 2, ms(500));
        assert!(b.take(2, ms(500)));
        assert!(!b.take(1, ms(100)));
    }
}
