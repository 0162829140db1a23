//! The aliased AWS providers of the app, one per region it manages
//! resources in, and the tags each puts on every resource.

use std::collections::BTreeMap;

use constructs::core::{AwsProvider, ProviderRef, Stack};
use constructs::dr::RegionRole;
use constructs::dr::monitoring::ROUTE53_METRICS_REGION;
use constructs::dr::recovery_control::ARC_CONFIG_REGION;

use crate::config::Config;

/// The aliased providers of the app.
pub(crate) struct Providers {
    /// The primary region's.
    pub(crate) primary: ProviderRef,
    /// The secondary region's.
    pub(crate) secondary: ProviderRef,
    /// Declared only when neither region is us-east-1.
    pub(crate) route53_metrics: Option<ProviderRef>,
    /// Where ARC's configuration lives (us-west-2), with recovery control:
    /// a region's provider when one is there, else a provider of its own.
    pub(crate) recovery_control: Option<ProviderRef>,
}

impl Providers {
    /// Every provider with the name of its scope.
    pub(crate) fn all(&self) -> Vec<(&'static str, &ProviderRef)> {
        let mut all = vec![
            (RegionRole::Primary.id(), &self.primary),
            (RegionRole::Secondary.id(), &self.secondary),
        ];
        all.extend(self.route53_metrics.iter().map(|p| ("route53_metrics", p)));
        all
    }

    /// The provider in us-east-1, where Route 53 keeps its metrics, DNSSEC
    /// keys and query logs.
    pub(crate) fn us_east_1(&self) -> &ProviderRef {
        self.all()
            .into_iter()
            .map(|(_, provider)| provider)
            .find(|provider| provider.region() == ROUTE53_METRICS_REGION)
            .expect("a provider in us-east-1 is declared when neither region is")
    }

    /// Declares the providers `config` needs in `stack`.
    pub(crate) fn declare(stack: &mut Stack, config: &Config) -> Self {
        let primary = stack.provider(provider(
            config,
            RegionRole::Primary.id(),
            &config.primary_region,
            RegionRole::Primary.tag(),
        ));
        let secondary = stack.provider(provider(
            config,
            RegionRole::Secondary.id(),
            &config.secondary_region,
            RegionRole::Secondary.tag(),
        ));
        // Route 53 health-check metrics exist only in us-east-1; when neither
        // region is us-east-1, a third provider manages the alarms on them.
        let route53_metrics = [&config.primary_region, &config.secondary_region]
            .iter()
            .all(|region| *region != ROUTE53_METRICS_REGION)
            .then(|| {
                stack.provider(provider(
                    config,
                    "route53_metrics",
                    ROUTE53_METRICS_REGION,
                    "Monitoring",
                ))
            });
        let recovery_control = config.recovery_control.then(|| {
            [&primary, &secondary]
                .into_iter()
                .find(|provider| provider.region() == ARC_CONFIG_REGION)
                .cloned()
                .unwrap_or_else(|| {
                    stack.provider(provider(
                        config,
                        "recovery_control",
                        ARC_CONFIG_REGION,
                        "Recovery-Control",
                    ))
                })
        });
        Self {
            primary,
            secondary,
            route53_metrics,
            recovery_control,
        }
    }
}

/// The provider `alias` in `region`, tagging what it creates as `role`.
fn provider(config: &Config, alias: &str, region: &str, role: &str) -> AwsProvider {
    let mut provider = AwsProvider::new(alias, region);
    provider.default_tags = default_tags(config, role);
    provider
}

/// The tags every resource of a region carries (its provider's default
/// tags): the user's, then the environment, the region's role and the tier.
pub(crate) fn default_tags(config: &Config, role: &str) -> BTreeMap<String, String> {
    let mut tags = config.tags.clone();
    for (key, value) in [
        ("Environment", config.env.as_str()),
        ("Region-Role", role),
        ("DR-Tier", "Critical"),
    ] {
        tags.insert(key.to_owned(), value.to_owned());
    }
    tags
}
