//! The deep health check behind `GET /health`, cached briefly so Route 53's
//! many checkers do not each cost a table read.

use std::sync::Mutex;
use std::time::{Duration, Instant};

use crate::store::Store;

/// How long one result answers for.
pub const CACHE_FOR: Duration = Duration::from_secs(5);
/// How long the table may take to answer before the region counts as down.
pub const PROBE_TIMEOUT: Duration = Duration::from_secs(2);

#[derive(Debug, Default)]
pub struct HealthCache {
    last: Mutex<Option<(Instant, bool)>>,
}

impl HealthCache {
    /// Whether the table answered within the timeout, from the cache when
    /// the last probe is recent.
    pub async fn healthy<S: Store>(&self, store: &S) -> bool {
        let now = Instant::now();
        if let Some((at, healthy)) = *self.last.lock().unwrap_or_else(|p| p.into_inner())
            && now.duration_since(at) < CACHE_FOR
        {
            return healthy;
        }
        let healthy = match tokio::time::timeout(PROBE_TIMEOUT, store.ping()).await {
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
