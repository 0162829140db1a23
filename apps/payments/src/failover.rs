//! The failover name clients call: Route 53 answers with the healthy
//! region's API (on health checks, or on ARC routing controls with
//! recovery control), in a hosted zone it creates or is given; and the
//! topic in us-east-1 that the alarms on the health checks notify.

use constructs::aws::sts::Account;
use constructs::bindings::aws::route53::Route53Record;
use constructs::bindings::aws::sns::SnsTopic;
use constructs::core::{Expr, Ref, Scope};
use constructs::dr::RegionRole;
use constructs::dr::encryption::RegionalKeys;
use constructs::dr::failover_dns::{
    FailoverDns, FailoverDnsProps, FailoverEndpoint, HostedZone, ZoneHardening,
};
use constructs::dr::monitoring::ROUTE53_METRICS_REGION;
use constructs::dr::recovery_control::RecoveryControlProps;

use crate::config::Config;
use crate::names::Names;
use crate::providers::Providers;
use crate::regional_stack::{RegionalStack, alert_topic};

/// What the failover name and its alarm topic are built from.
pub(crate) struct FailoverProps<'a> {
    /// The deployment's settings.
    pub(crate) config: &'a Config,
    /// The app's physical names.
    pub(crate) names: &'a Names,
    /// The providers: us-east-1 holds the zone's DNSSEC key and query logs.
    pub(crate) providers: &'a Providers,
    /// The primary's and the secondary's stacks, whose APIs the name
    /// answers with.
    pub(crate) regions: [&'a RegionalStack; 2],
    /// The account the stack deploys to.
    pub(crate) account: &'a Account,
    /// The regions' keys (production profile).
    pub(crate) keys: &'a RegionalKeys,
    /// Fails the primary's health check on purpose while true; `None` with
    /// recovery control, where failover is rehearsed on the controls.
    pub(crate) drill: Option<&'a Expr>,
}

/// The failover name and the topic its health checks' alarms notify.
pub(crate) struct Failover {
    /// The failover name, its zone and health checks.
    pub(crate) dns: FailoverDns,
    /// The alarm topic in us-east-1, where Route 53 keeps the health
    /// checks' metrics.
    pub(crate) health_alarm_topic: Ref<SnsTopic>,
}

impl Failover {
    /// The failover name under `root` (`dns/...`) with the history of its
    /// certificate validation record, then the health checks' alarm topic.
    pub(crate) fn new(root: &mut Scope<'_>, props: FailoverProps<'_>) -> Self {
        let FailoverProps {
            config,
            names,
            providers,
            regions,
            account,
            keys,
            drill,
        } = props;
        // In production: DNSSEC and query logs, encrypted in us-east-1.
        let hardening = keys
            .arn_in(ROUTE53_METRICS_REGION)
            .map(|logs_key_arn| ZoneHardening {
                us_east_1: providers.us_east_1().clone(),
                logs_key_arn,
                account: account.clone(),
                log_retention_days: config.profile.log_retention_days(),
                key_signing_key_name: format!("payments_{}", config.env.replace('-', "_")),
            });
        let dns = FailoverDns::new(
            &mut root.child("dns"),
            FailoverDnsProps {
                zone: hosted_zone(config),
                record_name: config.api_domain(),
                primary: endpoint(regions[0], config),
                secondary: endpoint(regions[1], config),
                health_check: config.health_check(),
                custom_domains: config.custom_domains,
                cname_ttl_seconds: config.dns_ttl_seconds,
                hardening,
                drill: drill.cloned(),
                recovery_control: providers.recovery_control.as_ref().map(|provider| {
                    RecoveryControlProps {
                        provider: provider.clone(),
                        name: names.global("payments"),
                        cluster_arn: config.recovery_control_cluster.clone(),
                    }
                }),
            },
        );
        share_validation_record(root, &dns);
        let health_alarm_topic = health_alarm_topic(root, providers, regions, names, config, keys);
        Self {
            dns,
            health_alarm_topic,
        }
    }
}

/// The hosted zone `config` names, or a new one for its domain.
fn hosted_zone(config: &Config) -> HostedZone {
    match &config.hosted_zone_id {
        Some(zone_id) => HostedZone::Existing {
            zone_id: zone_id.clone(),
        },
        None => HostedZone::Create {
            domain: config.domain(),
            comment: format!("Payments API failover ({})", config.env),
            reserved_domain_remedy: Some(
                "Synthesize with a domain you own (--domain payments.your-company.com) \
                 or an existing hosted zone (--hosted-zone-id Z...)."
                    .to_owned(),
            ),
        },
    }
}

/// One region's API as the failover name answers with it, probed by a
/// health check through its own custom domain.
fn endpoint(stack: &RegionalStack, config: &Config) -> FailoverEndpoint {
    FailoverEndpoint {
        provider: stack.provider.clone(),
        api: stack.api.clone(),
        stage: stack.stage.clone(),
        regional_name: config.regional_api_domain(&stack.region),
        health_check_name: format!("payments-{}-{}", stack.role.id(), config.env),
    }
}

/// Each region's certificate used to have its own validation record; now
/// both share one. The primary's record moves to the shared address, and
/// the secondary's copy (the same DNS record) is forgotten, not deleted.
fn share_validation_record(root: &mut Scope<'_>, dns: &FailoverDns) {
    let Some(shared) = &dns.validation_record else {
        return;
    };
    let dns_path = root.path().child("dns");
    root.moved(
        &dns_path
            .child(RegionRole::Primary.id())
            .child("certificate_validation_record"),
        shared,
    );
    root.child("dns")
        .child(RegionRole::Secondary.id())
        .forget::<Route53Record>("certificate_validation_record");
}

/// The health checks' alarm topic: the alarm topic of us-east-1 when it is
/// one of `regions`, else a topic of its own under `root`
/// (`route53_metrics/...`).
fn health_alarm_topic(
    root: &mut Scope<'_>,
    providers: &Providers,
    regions: [&RegionalStack; 2],
    names: &Names,
    config: &Config,
    keys: &RegionalKeys,
) -> Ref<SnsTopic> {
    match &providers.route53_metrics {
        Some(provider) => alert_topic(
            &mut root.child_in("route53_metrics", provider),
            names,
            ROUTE53_METRICS_REGION,
            config,
            keys.arn_in(ROUTE53_METRICS_REGION).as_ref(),
        ),
        None => regions
            .into_iter()
            .find(|r| r.region == ROUTE53_METRICS_REGION)
            .map(|r| r.topic.clone())
            .expect("one region is us-east-1 when no extra provider was declared"),
    }
}
