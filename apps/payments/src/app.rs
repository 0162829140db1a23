//! The payments API in active-passive across two regions: the whole system
//! of the spec, composed from the DR constructs.

use std::collections::BTreeMap;

use constructs::Synthesis;
use constructs::aws::sts::Account;
use constructs::bindings::aws::dynamodb::DynamodbTag;
use constructs::bindings::aws::route53::Route53Record;
use constructs::core::{App, AwsProvider, Diagnostics, Expr, Output, ProviderRef, Scope, Stack};
use constructs::dr::RegionRole;
use constructs::dr::conflict_detection::{
    ConflictDetector, ConflictDetectorProps, conflict_table_props,
};
use constructs::dr::encryption::{RegionalKeyProps, RegionalKeys, regional_key};
use constructs::dr::failover_dns::{
    FailoverDns, FailoverDnsProps, FailoverEndpoint, HostedZone, ZoneHardening, drill_variable,
};
use constructs::dr::global_table::{GlobalTable, GlobalTableProps, Key, TableReplica};
use constructs::dr::monitoring::ROUTE53_METRICS_REGION;
use constructs::dr::queue_replication::{QueueReplication, QueueReplicationProps};
use constructs::dr::recovery_control::{ARC_CONFIG_REGION, RecoveryControlProps};
use constructs::dr::replicated_bucket::{BucketHardening, ReplicatedBucket, ReplicatedBucketProps};
use constructs::dr::rust_function::FunctionHardening;

use crate::config::Config;
use crate::emulator;
use crate::flags::{PaymentsFlags, Target};
use crate::monitoring::{Monitoring, MonitoringProps};
use crate::names::Names;
use crate::regional_stack::{RegionalStack, RegionalStackProps, alert_topic};

/// The name of the stack (and of its state).
pub const STACK_NAME: &str = "payments";

/// The construct at each top-level path of the app, for diagrams.
pub const CONSTRUCT_KINDS: [(&str, &str); 9] = [
    ("encryption", "RegionalKeys"),
    ("primary", "RegionalStack"),
    ("secondary", "RegionalStack"),
    ("transactions", "GlobalTable"),
    ("conflicts", "GlobalTable"),
    ("documents", "ReplicatedBucket"),
    ("dns", "FailoverDns"),
    ("queue_replication", "QueueReplication"),
    ("monitoring", "Monitoring"),
];

/// The partition key of a transaction.
pub const TRANSACTION_KEY: &str = "transaction_id";
/// The attribute the payment function stamps with its region.
pub const REGION_ATTRIBUTE: &str = "region";
/// When the payment function wrote the item: differs between two writes
/// of the same payment.
pub const WRITTEN_AT_ATTRIBUTE: &str = "created_at";

/// The payments app for the settings `flags` ask for, with what synth
/// checks it against: the rules read it with its environment suffix and
/// profile, the DR report adds its authorization behaviour and gaps, and
/// the emulator target adapts the checked document.
pub fn synthesize(flags: &PaymentsFlags) -> Result<Synthesis, String> {
    synthesize_with(flags, payments_app)
}

/// Builds an app from the payments settings: [`payments_app`], or another
/// one (tests feed the CLI invalid apps this way).
pub type AppBuilder = fn(&Config) -> Result<App, Diagnostics>;

/// [`synthesize`] with the app `builder` makes instead of the payments app
/// (`--scale` still copies the payments app).
pub fn synthesize_with(flags: &PaymentsFlags, builder: AppBuilder) -> Result<Synthesis, String> {
    let mut config = crate::settings::resolve(flags)?;
    let emulated = flags.target == Target::Emulator;
    let recovery_control_left_out = emulated && config.recovery_control;
    if emulated {
        config = emulator::config(&config).map_err(|d| d.error_lines())?;
    }
    if flags.scale.is_some() && config.recovery_control {
        return Err(
            "error: --scale copies the whole deployment, and every copy would create an ARC cluster \
             (an account holds two); measure without --recovery-control"
                .to_owned(),
        );
    }
    let app = match flags.scale {
        Some(copies) => scaled_payments_app(&config, usize::from(copies)),
        None => config.validate().and_then(|()| builder(&config)),
    }
    .map_err(|d| d.error_lines())?;
    let mut synthesis = Synthesis::new(
        "drsynth: payments API, active-passive across two regions",
        app,
        config.rules_context(),
    );
    synthesis.rto_target_seconds = config.rto_target_seconds;
    synthesis.report_notes.insert(
        "authorization_on_failover".to_owned(),
        config.authorization_on_failover(),
    );
    synthesis
        .report_notes
        .insert("failback".to_owned(), config.failback());
    synthesis.report_gaps = config.gaps();
    synthesis.warnings = config.warnings(!emulated);
    if recovery_control_left_out {
        synthesis
            .warnings
            .push(emulator::RECOVERY_CONTROL_LEFT_OUT.to_owned());
    }
    synthesis.construct_kinds = CONSTRUCT_KINDS
        .iter()
        .map(|(path, kind)| ((*path).to_owned(), (*kind).to_owned()))
        .collect();
    synthesis.adapt = emulated.then_some(emulator::adapt as fn(_) -> _);
    Ok(synthesis)
}

/// Builds the payments DR app for `config`; invalid settings are refused
/// before anything is built.
pub fn payments_app(config: &Config) -> Result<App, Diagnostics> {
    config.validate()?;
    let mut stack = Stack::new(STACK_NAME);
    stack.set_backend(config.backend.clone());
    let providers = Providers::declare(&mut stack, config);
    // With recovery control, failover is rehearsed on the routing controls.
    let drill =
        (!config.recovery_control).then(|| drill_variable(&mut stack.scope(&providers.primary)));
    let outputs = deployment(
        &mut stack.scope(&providers.primary),
        &providers,
        drill.as_ref(),
        config,
    );
    for (name, output) in outputs {
        stack.output(&name, output);
    }
    let mut app = App::new();
    app.add_stack(stack);
    Ok(app)
}

/// `copies` deployments of the app in one stack, with the environment
/// suffixes `<env>-1`, `<env>-2`, ... (the environment stays a word of each
/// name, as NAM001 reads it), each under its own scope `env-<suffix>`
/// and with its outputs prefixed `env_<suffix>_`; the providers (and their
/// default tags) are those of `config`. For measuring synth at scale.
pub fn scaled_payments_app(config: &Config, copies: usize) -> Result<App, Diagnostics> {
    config.validate()?;
    let mut stack = Stack::new(STACK_NAME);
    let providers = Providers::declare(&mut stack, config);
    // One switch drills every deployment of the stack.
    let drill =
        (!config.recovery_control).then(|| drill_variable(&mut stack.scope(&providers.primary)));
    for copy in 1..=copies {
        let copy = Config {
            env: format!("{}-{copy}", config.env),
            ..config.clone()
        };
        copy.validate()?;
        let prefix = format!("env_{}", copy.env.replace('-', "_"));
        let mut root = stack.scope(&providers.primary);
        let outputs = deployment(
            &mut root.child(&format!("env-{}", copy.env)),
            &providers,
            drill.as_ref(),
            &copy,
        );
        for (name, output) in outputs {
            stack.output(&format!("{prefix}_{name}"), output);
        }
    }
    let mut app = App::new();
    app.add_stack(stack);
    Ok(app)
}

/// The aliased providers of the app.
struct Providers {
    primary: ProviderRef,
    secondary: ProviderRef,
    /// Declared only when neither region is us-east-1.
    route53_metrics: Option<ProviderRef>,
    /// Where ARC's configuration lives (us-west-2), with recovery control:
    /// a region's provider when one is there, else a provider of its own.
    recovery_control: Option<ProviderRef>,
}

impl Providers {
    /// Every provider with the name of its scope.
    fn all(&self) -> Vec<(&'static str, &ProviderRef)> {
        let mut all = vec![
            (RegionRole::Primary.id(), &self.primary),
            (RegionRole::Secondary.id(), &self.secondary),
        ];
        all.extend(self.route53_metrics.iter().map(|p| ("route53_metrics", p)));
        all
    }

    /// The provider in us-east-1, where Route 53 keeps its metrics, DNSSEC
    /// keys and query logs.
    fn us_east_1(&self) -> &ProviderRef {
        self.all()
            .into_iter()
            .map(|(_, provider)| provider)
            .find(|provider| provider.region() == ROUTE53_METRICS_REGION)
            .expect("a provider in us-east-1 is declared when neither region is")
    }

    fn declare(stack: &mut Stack, config: &Config) -> Self {
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

/// One deployment of the whole system under `root`, its primary's health
/// check failing on purpose while `drill` is true; returns its outputs.
fn deployment(
    root: &mut Scope<'_>,
    providers: &Providers,
    drill: Option<&Expr>,
    config: &Config,
) -> Vec<(String, Output)> {
    let names = Names::new(config);
    let (primary, secondary, route53_metrics) = (
        &providers.primary,
        &providers.secondary,
        &providers.route53_metrics,
    );
    let account = Account::lookup(root);
    let account_id = account.id.clone();
    let production = config.profile.is_production();
    let log_retention_days = config.profile.log_retention_days();
    let mut keys = RegionalKeys::default();
    if production {
        let mut encryption = root.child("encryption");
        for (name, provider) in providers.all() {
            let region = provider.region();
            let key = regional_key(
                &mut encryption.child_in(name, provider),
                RegionalKeyProps {
                    alias: names.regional("payments", region),
                    description: format!("Payments data and logs in {region}"),
                },
                &account,
            );
            keys.insert(provider.region(), key);
        }
    }
    // The primary's and the secondary's keys, in production.
    let regional_key_pair = keys
        .arn_in(&config.primary_region)
        .zip(keys.arn_in(&config.secondary_region));
    let table = GlobalTable::new(
        &mut root.child("transactions"),
        GlobalTableProps {
            kms_key_arn: keys.arn_in(&config.primary_region),
            retain: production,
            ..GlobalTableProps::new(
                &names.table(),
                Key::string(TRANSACTION_KEY),
                vec![TableReplica {
                    region: config.secondary_region.clone(),
                    kms_key_arn: keys.arn_in(&config.secondary_region),
                    // Tagged for its own region below.
                    propagate_tags: false,
                }],
            )
        },
    );
    let regions: Vec<RegionalStack> = [
        (RegionRole::Primary, primary),
        (RegionRole::Secondary, secondary),
    ]
    .into_iter()
    .map(|(role, provider)| {
        RegionalStack::new(
            &mut root.child_in(role.id(), provider),
            RegionalStackProps {
                config,
                names: &names,
                role,
                table_arn: table.arn_in(provider.region(), &account),
                account: &account,
                table_name: table.name.clone(),
                key_arn: keys.arn_in(provider.region()),
            },
        )
    })
    .collect();
    let [primary_stack, secondary_stack] = [&regions[0], &regions[1]];

    // A payment booked in both regions within the replication lag keeps
    // one version; each region's detector records the other.
    let conflicts = GlobalTable::new(
        &mut root.child("conflicts"),
        GlobalTableProps {
            kms_key_arn: keys.arn_in(&config.primary_region),
            retain: production,
            ..conflict_table_props(
                &names.conflict_table(),
                vec![TableReplica {
                    region: config.secondary_region.clone(),
                    kms_key_arn: keys.arn_in(&config.secondary_region),
                    // Tagged for its own region below.
                    propagate_tags: false,
                }],
            )
        },
    );
    tag_replicas(
        &mut root.child_in("replica_tags", secondary),
        &[("transactions", &table), ("conflicts", &conflicts)],
        &default_tags(config, RegionRole::Secondary.tag()),
    );
    for stack in &regions {
        ConflictDetector::new(
            &mut root
                .child_in(stack.role.id(), &stack.provider)
                .child("conflict_detector"),
            ConflictDetectorProps {
                function_name: names.regional("conflict-detector", &stack.region),
                table: &table,
                conflicts: &conflicts,
                account: &account,
                region_attribute: REGION_ATTRIBUTE.to_owned(),
                write_metadata_attributes: vec![WRITTEN_AT_ATTRIBUTE.to_owned()],
                topic: &stack.topic,
                log_retention_days,
                hardening: keys.arn_in(&stack.region).map(|key_arn| FunctionHardening {
                    key_arn,
                    // One invocation per stream shard at a time, retried
                    // when throttled: nothing to reserve for.
                    reserved_concurrency: None,
                }),
            },
        );
    }

    let bucket = ReplicatedBucket::new(
        &mut root.child("documents"),
        secondary,
        ReplicatedBucketProps {
            source_name: names.bucket(&config.primary_region, account_id.clone()),
            destination_name: names.bucket(&config.secondary_region, account_id.clone()),
            replication_role_name: names.regional("s3-replication", &config.primary_region),
            hardening: regional_key_pair
                .clone()
                .map(|(source_key_arn, destination_key_arn)| BucketHardening {
                    source_key_arn,
                    destination_key_arn,
                    source_log_bucket_name: names
                        .log_bucket(&config.primary_region, account_id.clone()),
                    destination_log_bucket_name: names
                        .log_bucket(&config.secondary_region, account_id.clone()),
                    log_replication_role_name: names
                        .regional("s3-log-replication", &config.primary_region),
                }),
        },
    );
    let replicator = QueueReplication::new(
        &mut root.child("queue_replication"),
        QueueReplicationProps {
            function_name: names.regional("queue-replicator", &config.primary_region),
            source: &primary_stack.queue,
            destination: &secondary_stack.queue,
            destination_region: config.secondary_region.clone(),
            log_retention_days,
            keys: regional_key_pair,
            reserved_concurrency: config.concurrency.replicator,
        },
    );
    let us_east_1 = providers.us_east_1();
    let zone_hardening = keys
        .arn_in(ROUTE53_METRICS_REGION)
        .map(|logs_key_arn| ZoneHardening {
            us_east_1,
            logs_key_arn,
            account: account.clone(),
            log_retention_days,
            key_signing_key_name: format!("payments_{}", config.env.replace('-', "_")),
        });
    fn endpoint<'a>(stack: &'a RegionalStack, config: &Config) -> FailoverEndpoint<'a> {
        FailoverEndpoint {
            provider: &stack.provider,
            api: &stack.api,
            stage: &stack.stage,
            regional_name: config.regional_api_domain(&stack.region),
            health_check_name: format!("payments-{}-{}", stack.role.id(), config.env),
        }
    }
    let zone = match &config.hosted_zone_id {
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
    };
    let dns = FailoverDns::new(
        &mut root.child("dns"),
        FailoverDnsProps {
            zone,
            record_name: config.api_domain(),
            primary: endpoint(primary_stack, config),
            secondary: endpoint(secondary_stack, config),
            health_check: config.health_check(),
            custom_domains: config.custom_domains,
            cname_ttl_seconds: config.dns_ttl_seconds,
            hardening: zone_hardening,
            drill: drill.cloned(),
            recovery_control: providers.recovery_control.as_ref().map(|provider| {
                RecoveryControlProps {
                    provider,
                    name: names.global("payments"),
                    cluster_arn: config.recovery_control_cluster.clone(),
                }
            }),
        },
    );
    // Each region's certificate used to have its own validation record;
    // now both share one. The primary's record moves to the shared
    // address, and the secondary's copy (the same DNS record) is forgotten,
    // not deleted.
    if let Some(shared) = &dns.validation_record {
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

    let metrics_topic = match &route53_metrics {
        Some(provider) => alert_topic(
            &mut root.child_in("route53_metrics", provider),
            &names,
            ROUTE53_METRICS_REGION,
            config,
            keys.arn_in(ROUTE53_METRICS_REGION).as_ref(),
        ),
        None => regions
            .iter()
            .find(|r| r.region == ROUTE53_METRICS_REGION)
            .map(|r| r.topic.clone())
            .expect("one region is us-east-1 when no extra provider was declared"),
    };
    let monitoring = Monitoring::new(
        &mut root.child("monitoring"),
        MonitoringProps {
            names: &names,
            regions: &regions,
            table_name: &table.name,
            conflict_table_name: &conflicts.name,
            bucket: &bucket,
            replicator: &replicator,
            health_checks: &dns.health_checks,
            health_alarm_region: (us_east_1, &metrics_topic),
        },
    );
    let outputs = [
        (
            "hosted_zone_id",
            dns.zone_id.clone(),
            "Route 53 hosted zone of the failover name",
        ),
        (
            "failover_api_url",
            Expr::literal(format!("https://{}", dns.api_domain)),
            "The URL clients call; Route 53 answers with the healthy region",
        ),
        (
            "primary_api_endpoint",
            primary_stack.api.api_endpoint(),
            "The primary region's API endpoint",
        ),
        (
            "secondary_api_endpoint",
            secondary_stack.api.api_endpoint(),
            "The secondary region's API endpoint",
        ),
        (
            "dashboard_url",
            Expr::literal(dashboard_url(
                &config.primary_region,
                &monitoring.dashboard_name,
            )),
            "CloudWatch dashboard of both regions",
        ),
        (
            "table_name",
            table.table.name(),
            "The DynamoDB global table",
        ),
        (
            "conflict_table_name",
            conflicts.table.name(),
            "Where each region records payments written in both regions with other content (status open until reconciled)",
        ),
        (
            "primary_bucket",
            bucket.source.bucket(),
            "The primary (source) bucket",
        ),
        (
            "secondary_bucket",
            bucket.destination.bucket(),
            "The secondary (replica) bucket",
        ),
        (
            "primary_queue_url",
            primary_stack.queue.url(),
            "The primary region's queue",
        ),
        (
            "secondary_queue_url",
            secondary_stack.queue.url(),
            "The secondary region's queue",
        ),
    ];
    let mut outputs: Vec<(String, Output)> = outputs
        .into_iter()
        .map(|(name, value, description)| (name.to_owned(), Output::new(value, description)))
        .collect();
    // None with recovery control: failover is manual, no figure applies.
    if let Some(time) = dns.recovery_time {
        outputs.push((
            "worst_case_recovery_seconds".to_owned(),
            Output::new(
                Expr::literal(time.worst_case_seconds().to_string()),
                "Detection + Route 53 propagation + client DNS cache, from the configuration",
            ),
        ));
    }
    if let Some(controls) = &dns.recovery_controls {
        if let Some(cluster) = &controls.cluster {
            outputs.push((
                "recovery_control_cluster_endpoints".to_owned(),
                Output::new(
                    cluster.cluster_endpoints(),
                    "Switch routing controls at any of these (aws route53-recovery-cluster --endpoint-url <endpoint> --region <its region>)",
                ),
            ));
        }
        for (role, control) in &controls.routing_controls {
            let description = match role {
                RegionRole::Primary => {
                    "Off fails over to the secondary, whose control must be On (the safety rule keeps one On)"
                }
                RegionRole::Secondary => {
                    "Keep On so that the primary can fail over; Off only while the primary's is On"
                }
            };
            outputs.push((
                format!("{}_routing_control_arn", role.id()),
                Output::new(control.arn(), description),
            ));
        }
    }
    if let Some(name_servers) = dns.name_servers {
        outputs.push((
            "hosted_zone_name_servers".to_owned(),
            Output::new(name_servers, "Delegate the domain to these name servers"),
        ));
    }
    if let Some(ds_record) = dns.ds_record {
        outputs.push((
            "dnssec_ds_record".to_owned(),
            Output::new(
                ds_record,
                "Publish this DS record at the parent domain to complete the DNSSEC chain of trust",
            ),
        ));
    }
    outputs
}

fn provider(config: &Config, alias: &str, region: &str, role: &str) -> AwsProvider {
    let mut provider = AwsProvider::new(alias, region);
    provider.default_tags = default_tags(config, role);
    provider
}

/// The tags every resource of a region carries (its provider's default
/// tags): the user's, then the environment, the region's role and the tier.
fn default_tags(config: &Config, role: &str) -> BTreeMap<String, String> {
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

/// Tags each table's replica (in `scope`'s region) with `tags`, that
/// region's default tags: a replica gets no default tags of its own region,
/// and taking its table's would name the table's region (`Region-Role`).
/// `aws_dynamodb_tag` is the provider's resource for exactly this: tags on
/// a DynamoDB resource Terraform does not manage itself, such as a replica.
fn tag_replicas(
    scope: &mut Scope<'_>,
    tables: &[(&str, &GlobalTable)],
    tags: &BTreeMap<String, String>,
) {
    for (name, table) in tables {
        // The replicas are a set: found by region, not by position.
        let replica_arn = table
            .table
            .attr("replica")
            .find("region_name", scope.region())
            .get("arn");
        for (key, value) in tags {
            let construct = format!(
                "{name}_{}",
                key.to_ascii_lowercase()
                    .replace(['-', ' ', '.', ':', '/'], "_")
            );
            scope.resource(
                &construct,
                DynamodbTag::new(key, replica_arn.clone(), value),
            );
        }
    }
}

fn dashboard_url(region: &str, name: &str) -> String {
    format!(
        "https://{region}.console.aws.amazon.com/cloudwatch/home?region={region}#dashboards:name={name}"
    )
}
