//! The deep health check behind `GET /health`: a region is healthy when its
//! table takes writes, since a region that reads but cannot write would
//! keep receiving payments it cannot book. Cached briefly so Route 53's
//! many checkers do not each cost a request.

use std::sync::Mutex;
use std::time::{Duration, Instant};

use crate::store::Store;

/// How long one result answers for.
pub const CACHE_FOR: Duration = Duration::from_secs(5);
/// How long the table may take to answer before the region counts as down.
/// Route 53 counts a check as failed unless the status arrives within two
/// seconds of connecting; TLS, API Gateway and a cold start take their
/// share of that, so the probe gets half.
pub const PROBE_TIMEOUT: Duration = Duration::from_secs(1);
/// Route 53's window for an HTTPS endpoint to answer after connecting.
pub const ROUTE53_RESPONSE_WINDOW: Duration = Duration::from_secs(2);
const _: () = assert!(PROBE_TIMEOUT.as_millis() * 2 <= ROUTE53_RESPONSE_WINDOW.as_millis());

#[derive(Debug, Default)]
pub struct HealthCache {
    last: Mutex<Option<(Instant, bool)>>,
}

impl HealthCache {
    /// Whether the table took the probe's write within the timeout, from the cache when
    /// the last probe is recent.
    pub async fn healthy<S: Store>(&self, store: &S) -> bool {
        let now = Instant::now();
        if let Some((at, healthy)) = *self.last.lock().unwrap_or_else(|p| p.into_inner())
            && now.duration_since(at) < CACHE_FOR
        {
            return healthy;
        }
        let healthy = match tokio::time::timeout(PROBE_TIMEOUT, store.probe()).await {
            Ok(Ok(())) => true,
            Ok(Err(error)) => {
                tracing::warn!(?error, "health probe failed");
                false
            }
            Err(_) => {
                tracing::warn!(
                    timeout_ms = PROBE_TIMEOUT.as_millis() as u64,
                    "health probe timed out"
                );
                false
            }
        };
        *self.last.lock().unwrap_or_else(|p| p.into_inner()) = Some((now, healthy));
        healthy
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::store::{PutOutcome, StoreError, StoredPayment};

    /// A table that accepts the request and never answers.
    struct SilentStore;

    impl Store for SilentStore {
        async fn put_if_absent(&self, _: &StoredPayment) -> Result<PutOutcome, StoreError> {
            std::future::pending().await
        }

        async fn probe(&self) -> Result<(), StoreError> {
            std::future::pending().await
        }
    }

    #[tokio::test(start_paused = true)]
    async fn a_silent_table_is_unhealthy_within_route53s_window() {
        let started = tokio::time::Instant::now();
        assert!(!HealthCache::default().healthy(&SilentStore).await);
        let waited = started.elapsed();
        assert_eq!(waited, PROBE_TIMEOUT);
    }
}
