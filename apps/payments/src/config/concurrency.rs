//! Reserved Lambda concurrency (production profile), and its check
//! against the account's quota.

use constructs::core::Error;

use super::Config;

/// Lambda concurrency reserved in the production profile, none by default:
/// a region's quota must leave [`UNRESERVED_CONCURRENCY_MINIMUM`]
/// unreserved, and a new account's quota is below that (AWS raises it with
/// use), so any reservation would stop its first apply.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct ConcurrencySettings {
    /// Kept for the payment function in each region.
    pub payment: Option<u32>,
    /// Kept for the queue replicator in the primary region; also the most
    /// batches its event source mapping runs at once.
    pub replicator: Option<u32>,
    /// The account's "Concurrent executions" quota in each region, as the
    /// operator states it; `terraform plan` reads the real one too.
    pub account_quota: Option<u32>,
}

/// Concurrency AWS always leaves unreserved in a region.
pub const UNRESERVED_CONCURRENCY_MINIMUM: u32 = 100;

impl ConcurrencySettings {
    /// What the stack reserves in the primary region: the payment function
    /// and the replicator.
    pub fn primary_reserved(&self) -> u32 {
        self.payment.unwrap_or(0) + self.replicator.unwrap_or(0)
    }

    /// What the stack reserves in the secondary region: the payment
    /// function (the secondary runs no replicator).
    pub fn secondary_reserved(&self) -> u32 {
        self.payment.unwrap_or(0)
    }
}

impl Config {
    /// Reservations that would stop a function or that the stated quota
    /// cannot hold (production profile).
    pub(super) fn concurrency_errors(&self) -> Vec<Error> {
        let mut errors = Vec::new();
        let settings = self.concurrency;
        if settings.payment == Some(0) {
            errors.push(Error::invalid_setting(
                "payment reserved concurrency",
                0,
                "a reservation of 0 stops the function: every payment would be throttled",
                "reserve at least 1 (100 matches the API's sustained 100 requests per second), or none (the default)",
            ));
        }
        // An SQS event source mapping runs at least 2 batches at once, and
        // its maximum concurrency is held within the reservation.
        if let Some(replicator) = settings.replicator
            && !(2..=1000).contains(&replicator)
        {
            errors.push(Error::invalid_setting(
                "replicator reserved concurrency",
                replicator,
                "the queue trigger's maximum concurrency, kept equal to the reservation, must be 2-1000",
                "reserve 2-1000, or none (the trigger then runs at most 10 batches at once)",
            ));
        }
        let primary_needs = settings.primary_reserved() + UNRESERVED_CONCURRENCY_MINIMUM;
        if let Some(quota) = settings.account_quota
            && settings.primary_reserved() > 0
            && primary_needs > quota
        {
            errors.push(Error::invalid_setting(
                "Lambda concurrency quota",
                quota,
                format!(
                    "reserving {} for the payment function and {} for the replicator needs a quota of at \
                     least {primary_needs} concurrent executions in {}: AWS keeps \
                     {UNRESERVED_CONCURRENCY_MINIMUM} unreserved, and applying would fail",
                    settings.payment.unwrap_or(0),
                    settings.replicator.unwrap_or(0),
                    self.primary_region
                ),
                "request a higher \"Concurrent executions\" quota in Service Quotas for both regions and pass \
                 --lambda-concurrency-quota with it, or lower --payment-reserved-concurrency and \
                 --replicator-reserved-concurrency",
            ));
        }
        errors
    }
}
