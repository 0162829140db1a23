//! The settings of one payments DR deployment, by concern: the `Config`
//! with its defaults and the values derived from it (domain names, health
//! checks, the recovery time) here; the regions, authorization, reserved
//! concurrency and profile in files of their own with their checks;
//! `validate` in `validation.rs`, and what the DR report says about the
//! settings in `report.rs`.

use std::collections::BTreeMap;

use constructs::core::Backend;
use constructs::dr::failover_dns::{HealthCheck, client_dns_cache_seconds};
use constructs::dr::report::RecoveryTime;

mod auth;
mod concurrency;
mod profile;
mod regions;
mod report;
mod validation;

pub use auth::{DEFAULT_JWT_SCOPE, JwtSettings, PLACEHOLDER_JWT_ISSUER, PaymentAuth};
pub use concurrency::{ConcurrencySettings, UNRESERVED_CONCURRENCY_MINIMUM};
pub use profile::Profile;
pub use regions::KNOWN_REGIONS;
pub use validation::{RESERVED_TAGS, validate_env};

/// The settings of one deployment: the defaults, then the config file,
/// then the flags (`settings.rs`); [`Config::validate`] checks them.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Config {
    /// Suffix carried by every name, e.g. `dev` in `transactions-dev`.
    pub env: String,
    /// The region that serves while it is healthy.
    pub primary_region: String,
    /// The region that takes over on failover.
    pub secondary_region: String,
    /// The hosted zone's domain; `None` means `payments-{env}.example.com`.
    pub domain: Option<String>,
    /// An existing hosted zone to use instead of creating one.
    pub hosted_zone_id: Option<String>,
    /// Regional API Gateway custom domains with ACM certificates behind the
    /// failover name. Off for an undelegated demo domain, where certificates
    /// cannot validate.
    pub custom_domains: bool,
    /// The health checks that decide failover (without recovery control).
    pub health_check: HealthCheckSettings,
    /// TTL of the failover records when custom domains are off (alias
    /// records take the TTL of their target).
    pub dns_ttl_seconds: u32,
    /// Subscribed by email to both regions' alarm topics.
    pub alert_email: Option<String>,
    /// How `POST /payment` is authorized.
    pub payment_auth: PaymentAuth,
    /// The JWT authorizer, used when `payment_auth` is JWT.
    pub jwt: JwtSettings,
    /// Reserved concurrency of the functions (production profile).
    pub concurrency: ConcurrencySettings,
    /// Refuse a configuration whose worst-case recovery time exceeds this.
    pub rto_target_seconds: Option<u32>,
    /// Manual failover through Route 53 ARC routing controls instead of
    /// automatic failover on the health checks.
    pub recovery_control: bool,
    /// The existing ARC cluster to use; `None` creates one.
    pub recovery_control_cluster: Option<String>,
    /// Extra tags on every resource, beside the DR tags.
    pub tags: BTreeMap<String, String>,
    /// Where Terraform keeps the state: local by default, or an S3 bucket
    /// that exists already and that the stack never manages.
    pub backend: Backend,
    /// How far the deployment is hardened.
    pub profile: Profile,
}

impl Default for Config {
    fn default() -> Self {
        Self {
            env: "dev".to_owned(),
            primary_region: "us-east-1".to_owned(),
            secondary_region: "us-east-2".to_owned(),
            domain: None,
            hosted_zone_id: None,
            custom_domains: true,
            health_check: HealthCheckSettings {
                interval_seconds: 30,
                failure_threshold: 3,
            },
            dns_ttl_seconds: 60,
            alert_email: None,
            payment_auth: PaymentAuth::Jwt,
            jwt: JwtSettings::default(),
            concurrency: ConcurrencySettings::default(),
            rto_target_seconds: None,
            recovery_control: false,
            recovery_control_cluster: None,
            tags: BTreeMap::new(),
            backend: Backend::Local,
            profile: Profile::Default,
        }
    }
}

impl Config {
    /// The hosted zone's domain.
    pub fn domain(&self) -> String {
        self.domain
            .clone()
            .unwrap_or_else(|| format!("payments-{}.example.com", self.env))
    }

    /// The name clients call: `api.<domain>`.
    pub fn api_domain(&self) -> String {
        format!("api.{}", self.domain())
    }

    /// The name of one region's API, which its health check probes through
    /// the same kind of custom domain clients use: `api-<region>.<domain>`.
    pub fn regional_api_domain(&self, region: &str) -> String {
        format!("api-{region}.{}", self.domain())
    }

    /// How long a failover takes with these settings.
    pub fn recovery_time(&self) -> RecoveryTime {
        self.health_check().recovery_time(client_dns_cache_seconds(
            self.custom_domains,
            self.dns_ttl_seconds,
        ))
    }

    /// The health checks of both regions' `/health`.
    pub fn health_check(&self) -> HealthCheck {
        HealthCheck {
            path: "/health".to_owned(),
            interval_seconds: self.health_check.interval_seconds,
            failure_threshold: self.health_check.failure_threshold,
        }
    }
}

/// The Route 53 health checks on `/health`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct HealthCheckSettings {
    /// Seconds between checks: 10 (fast) or 30 (standard).
    pub interval_seconds: u32,
    /// Consecutive failures before an endpoint is unhealthy: 1-10.
    pub failure_threshold: u32,
}
