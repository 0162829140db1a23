//! DNS failover: one name for clients, answered by the primary region while
//! its health check passes and by the secondary otherwise.
//!
//! With custom domains on, each region gets an ACM certificate for the
//! failover name (the record name, e.g. `api.<domain>`) and its own
//! regional name (e.g. `api-<region>.<domain>`) validated through the zone,
//! a regional API Gateway custom domain and API mapping for each name, and
//! the failover records are aliases to the failover name's custom domains,
//! so HTTPS on it works in either region. Each region's health check probes
//! its regional name: a custom domain of the same kind, on the same
//! certificate and stage, that clients reach, so a region whose custom
//! domains break (or whose regional endpoint stops answering through them)
//! fails over instead of going unseen. ACM asks for the same validation
//! record for one name in every region of an account, so the failover
//! name's record is declared once and both validations use it. With custom
//! domains off (a zone nobody delegated to, where certificates cannot
//! validate), the failover records are CNAMEs to the execute-api hostnames:
//! DNS failover still happens, but HTTPS clients calling the failover name
//! get a certificate for the wrong name.
//!
//! Hardened (as a production stack is), a zone the stack creates is retained,
//! signed with DNSSEC (a key-signing key backed by an asymmetric KMS key in
//! us-east-1, where Route 53 requires it) and logs every DNS query to a
//! us-east-1 log group encrypted with that region's key. The DS record to
//! publish at the parent domain is an output.

use crate::aws::iam::{Condition, PolicyDocument, Principals, Statement};
use crate::aws::kms::{KeyPolicy, KeyPolicyStatement};
use crate::aws::name_tag;
use crate::aws::sts::Account;
use crate::bindings::aws::acm::{AcmCertificate, AcmCertificateValidation};
use crate::bindings::aws::apigatewayv2::{
    Apigatewayv2Api, Apigatewayv2ApiMapping, Apigatewayv2DomainName,
    Apigatewayv2DomainNameDomainNameConfiguration, Apigatewayv2Stage,
};
use crate::bindings::aws::kms::KmsKey;
use crate::bindings::aws::logs::{CloudwatchLogGroup, CloudwatchLogResourcePolicy};
use crate::bindings::aws::route53::{
    Route53HealthCheck, Route53HostedZoneDnssec, Route53KeySigningKey, Route53QueryLog,
    Route53Record, Route53RecordAlias, Route53RecordFailoverRoutingPolicy, Route53Zone,
};
use crate::core::{Expr, Lifecycle, Meta, Postcondition, ProviderRef, Ref, Scope, Variable};

use super::encryption::{DELETION_WINDOW_DAYS, retained, retained_if};
use super::recovery_control::{RecoveryControlProps, RecoveryControls};
use super::report::{ALIAS_TARGET_TTL_SECONDS, RecoveryTime};
use super::role::RegionRole;

/// The top-level domains of the documentation domains `example.com`,
/// `example.net` and `example.org` (RFC 2606), which Route 53 refuses to
/// host ("reserved by AWS") and no identity provider issues tokens from.
/// The checks and the plan-time patterns all read this one list.
const RESERVED_EXAMPLE_TLDS: [&str; 3] = ["com", "net", "org"];

/// A regular expression matching a DNS name under a documentation domain.
pub fn reserved_domain_pattern() -> String {
    format!(r"(^|\.)example\.({})$", RESERVED_EXAMPLE_TLDS.join("|"))
}

/// A regular expression matching an `https://` URL on such a domain.
pub fn reserved_url_pattern() -> String {
    format!(
        r"^https://([^/:]+\.)?example\.({})(:[0-9]+)?(/|$)",
        RESERVED_EXAMPLE_TLDS.join("|")
    )
}

/// Whether `domain` is (under) a documentation domain: what
/// [`reserved_domain_pattern`] matches.
pub fn is_reserved_domain(domain: &str) -> bool {
    let domain = domain.trim_end_matches('.');
    RESERVED_EXAMPLE_TLDS.iter().any(|tld| {
        let reserved = format!("example.{tld}");
        domain == reserved || domain.ends_with(&format!(".{reserved}"))
    })
}

/// What hardening (production) adds to a zone the stack creates.
pub struct ZoneHardening {
    /// Route 53 keeps DNSSEC keys and query logs only in us-east-1.
    pub us_east_1: ProviderRef,
    /// The us-east-1 key, for the query log group.
    pub logs_key_arn: Expr,
    /// The account and partition the key policies name.
    pub account: Account,
    /// Days the query logs are kept.
    pub log_retention_days: u32,
    /// The key-signing key's name: letters, digits and underscores only.
    pub key_signing_key_name: String,
}

/// The hosted zone the failover records go into.
#[derive(Clone, Debug)]
pub enum HostedZone {
    /// A zone the stack creates (and, hardened, signs and logs).
    Create {
        /// The zone's domain, e.g. `orders.acme-corp.io`.
        domain: String,
        /// The zone's comment.
        comment: String,
        /// How the user of this stack picks another domain: the end of the
        /// message `terraform plan` prints when `domain` is a documentation
        /// domain Route 53 refuses, e.g. "Synthesize with --domain ...";
        /// `None` says to use a domain you own or an existing zone.
        reserved_domain_remedy: Option<String>,
    },
    /// A zone that exists already, by its id; the stack never manages it.
    Existing {
        /// The zone's id, `Z...`.
        zone_id: String,
    },
}

/// Route 53's health checks of each endpoint.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct HealthCheck {
    /// The HTTPS path probed, answering 2xx or 3xx when the region is healthy.
    pub path: String,
    /// Seconds between checks: 10 (fast) or 30 (standard).
    pub interval_seconds: u32,
    /// Consecutive failures before an endpoint is unhealthy: 1-10.
    pub failure_threshold: u32,
}

/// A health-check setting Route 53 refuses, with the fix: one list for
/// the construct and for any app that takes the settings as its own.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct HealthCheckProblem {
    /// The setting, e.g. `health-check interval`.
    pub setting: &'static str,
    /// The value given.
    pub value: String,
    /// What Route 53 accepts.
    pub problem: &'static str,
    /// How to fix it.
    pub fix: &'static str,
}

impl HealthCheck {
    /// What Route 53 would refuse in these settings.
    pub fn problems(&self) -> Vec<HealthCheckProblem> {
        let mut problems = Vec::new();
        if ![10, 30].contains(&self.interval_seconds) {
            problems.push(HealthCheckProblem {
                setting: "health-check interval",
                value: self.interval_seconds.to_string(),
                problem: "Route 53 checks every 10 or every 30 seconds, nothing else",
                fix: "use 30 (standard) or 10 (fast, detects failure three times sooner)",
            });
        }
        if !(1..=10).contains(&self.failure_threshold) {
            problems.push(HealthCheckProblem {
                setting: "health-check failure threshold",
                value: self.failure_threshold.to_string(),
                problem: "Route 53 accepts 1-10 consecutive failures",
                fix: "use a value from 1 to 10; 3 is the usual balance of speed and flapping",
            });
        }
        if !self.path.starts_with('/') {
            problems.push(HealthCheckProblem {
                setting: "health-check path",
                value: self.path.clone(),
                problem: "Route 53 requests the path as given, and it must start with `/`",
                fix: "give the path as Route 53 requests it, e.g. /health",
            });
        }
        problems
    }

    /// How long a failover behind these checks takes when clients cache the
    /// failover name's answer for `client_dns_cache_seconds` (see
    /// [`client_dns_cache_seconds`]).
    pub fn recovery_time(&self, client_dns_cache_seconds: u32) -> RecoveryTime {
        RecoveryTime {
            health_check_interval_seconds: self.interval_seconds,
            failure_threshold: self.failure_threshold,
            client_dns_cache_seconds,
        }
    }
}

/// How long clients cache the failover name's answer: with custom domains
/// the records are aliases, which take their target's TTL (an API Gateway
/// regional domain's, [`ALIAS_TARGET_TTL_SECONDS`]); without, CNAMEs of
/// `cname_ttl_seconds`.
pub fn client_dns_cache_seconds(custom_domains: bool, cname_ttl_seconds: u32) -> u32 {
    if custom_domains {
        ALIAS_TARGET_TTL_SECONDS
    } else {
        cname_ttl_seconds
    }
}

/// One region's endpoint behind the failover name: an HTTP API's stage.
pub struct FailoverEndpoint {
    /// The provider of the API's region.
    pub provider: ProviderRef,
    /// The API.
    pub api: Ref<Apigatewayv2Api>,
    /// The stage clients reach.
    pub stage: Ref<Apigatewayv2Stage>,
    /// The region's own name under the zone (`api-<region>.<domain>`), which
    /// its health check probes with custom domains on.
    pub regional_name: String,
    /// The health check's `Name` tag.
    pub health_check_name: String,
}

/// The settings of a [`FailoverDns`].
pub struct FailoverDnsProps {
    /// Where the records go.
    pub zone: HostedZone,
    /// The name clients call, e.g. `api.orders.acme-corp.io`.
    pub record_name: String,
    /// Answers while its health check passes.
    pub primary: FailoverEndpoint,
    /// Answers when the primary's health check fails.
    pub secondary: FailoverEndpoint,
    /// How both endpoints are probed.
    pub health_check: HealthCheck,
    /// Regional API Gateway custom domains with ACM certificates behind the
    /// failover name. Off for a zone nobody delegated to, where certificates
    /// cannot validate: the records are then CNAMEs to the execute-api hosts.
    pub custom_domains: bool,
    /// TTL of the CNAME records without custom domains (alias records take
    /// their target's TTL).
    pub cname_ttl_seconds: u32,
    /// DNSSEC and query logging of a created zone (production).
    pub hardening: Option<ZoneHardening>,
    /// A boolean (in practice [`drill_variable`]) that, while true, points
    /// the primary's health check at [`DRILL_PATH`], which the API does not
    /// serve: the check fails whatever the primary's state, Route 53 answers
    /// with the secondary, and the primary keeps running. (Inverting the
    /// check instead would report a primary that really fails during the
    /// drill as healthy and send clients back to it.) `None`: no drill.
    pub drill: Option<Expr>,
    /// Manual failover through Route 53 ARC ([`RecoveryControls`]): the
    /// failover records then follow the routing controls, not the HTTPS
    /// checks (which stay, for the alarms), and failing over is switching
    /// the primary's routing control Off through any cluster endpoint, with
    /// no call to Route 53's control plane in us-east-1. The secondary's
    /// must be On (the safety rule refuses a change that leaves none On),
    /// and routing controls start Off: switch both On after the first
    /// apply. A cluster costs about 2.5 USD an hour. Excludes
    /// [`FailoverDnsProps::drill`]: rehearse by switching the routing
    /// controls.
    pub recovery_control: Option<RecoveryControlProps>,
}

/// The path the primary's health check probes during a drill: the API
/// must not serve it (API Gateway answers 404, which Route 53 counts as a
/// failure).
pub const DRILL_PATH: &str = "/failover-drill";

/// The name of the variable [`drill_variable`] declares.
pub const DRILL_VARIABLE: &str = "failover_drill";

/// Declares the boolean variable `failover_drill` (default `false`) in
/// `stack` and returns it, for [`FailoverDnsProps::drill`]: a plan with
/// `-var failover_drill=true` starts a failover drill, `=false` (or any
/// apply without it) ends it, and either changes the primary health
/// check's path and nothing else (`synth drill` checks the plan).
pub fn drill_variable(scope: &mut Scope<'_>) -> Expr {
    scope.variable(
        DRILL_VARIABLE,
        Variable {
            type_constraint: Some("bool".to_owned()),
            default: Some(serde_json::Value::Bool(false)),
            description: Some(
                "Failover drill: true points the primary's health check at a path the API does not serve, \
                 so Route 53 fails over to the secondary while the primary keeps running; false ends the drill"
                    .to_owned(),
            ),
            ..Variable::default()
        },
    )
}

impl FailoverDnsProps {
    /// Records what Route 53 would refuse, or what would not fail over.
    fn check(&self, scope: &mut Scope<'_>) {
        for problem in self.health_check.problems() {
            scope.error(
                format!(
                    "{} `{}`: {}",
                    problem.setting, problem.value, problem.problem
                ),
                problem.fix,
            );
        }
        let (primary, secondary) = (
            self.primary.provider.region(),
            self.secondary.provider.region(),
        );
        if primary == secondary {
            scope.error(
                format!("the primary and the secondary endpoint are both in {primary}"),
                "put the secondary endpoint in another region, or a regional outage takes both",
            );
        }
        if self.drill.is_some() && self.recovery_control.is_some() {
            scope.error(
                "a drill variable with recovery control",
                "with recovery control the failover records follow the routing controls, so a drill of \
                 the health check would move nobody: drop the drill and rehearse by switching the \
                 primary's routing control off (see the DR report)",
            );
        }
        if !self.custom_domains && self.cname_ttl_seconds == 0 {
            scope.error(
                "the failover records' TTL is 0",
                "use a short TTL such as 60 so clients follow a failover quickly",
            );
        }
    }
}

/// DNS failover: one name for clients, answered by the primary while its
/// health check passes and by the secondary otherwise.
///
/// ```
/// use constructs::bindings::aws::apigatewayv2::{Apigatewayv2Api, Apigatewayv2Stage};
/// use constructs::core::{AwsProvider, Ref, Scope, Stack};
/// use constructs::dr::failover_dns::*;
///
/// fn api(scope: &mut Scope<'_>) -> (Ref<Apigatewayv2Api>, Ref<Apigatewayv2Stage>) {
///     let api = scope.resource("api", Apigatewayv2Api::new("orders", "HTTP"));
///     let stage = scope.resource("stage", Apigatewayv2Stage {
///         auto_deploy: Some(true.into()),
///         ..Apigatewayv2Stage::new(api.id(), "$default")
///     });
///     (api, stage)
/// }
///
/// let mut stack = Stack::new("orders");
/// let west = stack.provider(AwsProvider::new("primary", "eu-west-1"));
/// let central = stack.provider(AwsProvider::new("secondary", "eu-central-1"));
/// let (west_api, west_stage) = api(&mut stack.scope(&west).child("west"));
/// let (central_api, central_stage) = api(&mut stack.scope(&central).child("central"));
/// let dns = FailoverDns::new(
///     &mut stack.scope(&west).child("dns"),
///     FailoverDnsProps {
///         zone: HostedZone::Existing { zone_id: "Z0123456789".into() },
///         record_name: "api.orders.acme-corp.io".into(),
///         primary: FailoverEndpoint {
///             provider: west.clone(), api: west_api, stage: west_stage,
///             regional_name: "api-eu-west-1.orders.acme-corp.io".into(),
///             health_check_name: "orders-eu-west-1".into(),
///         },
///         secondary: FailoverEndpoint {
///             provider: central.clone(), api: central_api, stage: central_stage,
///             regional_name: "api-eu-central-1.orders.acme-corp.io".into(),
///             health_check_name: "orders-eu-central-1".into(),
///         },
///         health_check: HealthCheck {
///             path: "/health".into(), interval_seconds: 10, failure_threshold: 3,
///         },
///         custom_domains: true,
///         cname_ttl_seconds: 60,
///         hardening: None,
///         drill: None,
///         recovery_control: None,
///     },
/// );
/// // 10 s x 3 failures + 30 s propagation + 60 s alias TTL.
/// assert_eq!(dns.recovery_time.unwrap().worst_case_seconds(), 120);
/// stack.synth().unwrap();
/// ```
pub struct FailoverDns {
    /// The zone's id.
    pub zone_id: Expr,
    /// The zone's name servers, when the stack created the zone.
    pub name_servers: Option<Expr>,
    /// The HTTPS health checks, primary first: what the failover records
    /// follow, or with recovery control what only the alarms watch.
    pub health_checks: Vec<(RegionRole, Ref<Route53HealthCheck>)>,
    /// The name clients call.
    pub api_domain: String,
    /// The DS record for the parent domain, when the zone is signed.
    pub ds_record: Option<Expr>,
    /// How long a client may wait after the primary fails, from the
    /// health-check settings and the records' TTL.
    /// `None` with recovery control: failover is then an operator's decision.
    pub recovery_time: Option<RecoveryTime>,
    /// The validation record of the failover name, which both regions'
    /// certificates share (ACM gives a name the same record in every
    /// region), when custom domains are on.
    pub validation_record: Option<Ref<Route53Record>>,
    /// The ARC cluster and routing controls the records follow, when
    /// [`FailoverDnsProps::recovery_control`] is set.
    pub recovery_controls: Option<RecoveryControls>,
}

impl FailoverDns {
    /// `scope` is bound to the provider Route 53 (a global service) is
    /// managed through; each region's records and checks are created in a
    /// child scope named after its role, bound to its provider.
    pub fn new(scope: &mut Scope<'_>, props: FailoverDnsProps) -> Self {
        props.check(scope);
        let api_domain = props.record_name.clone();
        let recovery_time = props.health_check.recovery_time(client_dns_cache_seconds(
            props.custom_domains,
            props.cname_ttl_seconds,
        ));
        let targets = [
            (RegionRole::Primary, &props.primary),
            (RegionRole::Secondary, &props.secondary),
        ];
        let hardening = props.hardening.as_ref();
        let recovery_controls = props
            .recovery_control
            .map(|controls| RecoveryControls::new(scope, controls));
        let mut ds_record = None;
        let (zone_id, name_servers) = match &props.zone {
            HostedZone::Existing { zone_id } => (Expr::literal(zone_id), None),
            HostedZone::Create {
                domain,
                comment,
                reserved_domain_remedy,
            } => {
                let zone = scope.resource_with(
                    "zone",
                    Route53Zone {
                        comment: Some(comment.into()),
                        force_destroy: Some(hardening.is_none().into()),
                        ..Route53Zone::new(domain)
                    },
                    zone_meta(
                        domain,
                        reserved_domain_remedy.as_deref().unwrap_or(
                            "Use a domain you own, or an existing hosted zone (HostedZone::Existing).",
                        ),
                        hardening.is_some(),
                    ),
                );
                if let Some(hardening) = hardening {
                    ds_record = Some(sign_zone(
                        &mut scope.child_in("dnssec", &hardening.us_east_1),
                        &zone,
                        domain,
                        hardening,
                    ));
                    log_queries(
                        &mut scope.child_in("query_logs", &hardening.us_east_1),
                        &zone,
                        domain,
                        hardening,
                    );
                }
                (zone.zone_id(), Some(zone.name_servers()))
            }
        };
        // Certificates first: the shared validation record is read from
        // the primary's.
        let certificates: Vec<Ref<AcmCertificate>> = if props.custom_domains {
            targets
                .iter()
                .map(|(role, target)| {
                    certificate(
                        &mut scope.child_in(role.id(), &target.provider),
                        &api_domain,
                        &target.regional_name,
                    )
                })
                .collect()
        } else {
            Vec::new()
        };
        let shared_validation = certificates.first().map(|primary| {
            scope.resource(
                "certificate_validation_record",
                validation_record(&zone_id, primary, &api_domain),
            )
        });
        let mut health_checks = Vec::new();
        for (index, (role, target)) in targets.into_iter().enumerate() {
            let mut region = scope.child_in(role.id(), &target.provider);
            let region_name = target.provider.region().to_owned();
            let execute_api_host = Expr::template([
                target.api.id(),
                Expr::literal(format!(".execute-api.{region_name}.amazonaws.com")),
            ]);
            // Both exist exactly when custom domains are on.
            let custom = certificates.get(index).zip(shared_validation.as_ref());
            let (answer, probe) = match custom {
                Some((certificate, shared)) => {
                    let domains = CustomDomains {
                        zone_id: &zone_id,
                        api_domain: &api_domain,
                        certificate,
                        shared_validation: shared,
                        target,
                    }
                    .create(&mut region);
                    let mut alias = domains.failover_alias;
                    // Manual failover is manual: the routing control alone
                    // moves traffic, not also API Gateway's health in the
                    // region (which Route 53 would read with this on).
                    if recovery_controls.is_some() {
                        alias.evaluate_target_health = false.into();
                    }
                    (Answer::Alias(alias), domains.probe)
                }
                None => (
                    Answer::Cname {
                        host: execute_api_host.clone(),
                        ttl: props.cname_ttl_seconds,
                    },
                    Probe {
                        host: execute_api_host,
                        ready: Meta::default(),
                    },
                ),
            };
            let health_check = region.resource_with(
                "health_check",
                Route53HealthCheck {
                    fqdn: Some(probe.host),
                    port: Some(443.into()),
                    resource_path: Some(match (role, &props.drill) {
                        (RegionRole::Primary, Some(drill)) => Expr::conditional(
                            drill.clone(),
                            Expr::literal(DRILL_PATH),
                            Expr::literal(&props.health_check.path),
                        ),
                        _ => Expr::literal(&props.health_check.path),
                    }),
                    request_interval: Some(props.health_check.interval_seconds.into()),
                    failure_threshold: Some(props.health_check.failure_threshold.into()),
                    enable_sni: Some(true.into()),
                    measure_latency: Some(false.into()),
                    tags: name_tag(&target.health_check_name),
                    ..Route53HealthCheck::new("HTTPS")
                },
                probe.ready,
            );
            // With recovery control the record follows the routing control,
            // through a check that is healthy exactly while it is On.
            let followed = match &recovery_controls {
                Some(controls) => region.resource(
                    "routing_control_health_check",
                    Route53HealthCheck {
                        routing_control_arn: Some(controls.routing_control(role).arn()),
                        tags: name_tag(format!("{}-routing-control", target.health_check_name)),
                        ..Route53HealthCheck::new("RECOVERY_CONTROL")
                    },
                ),
                None => health_check.clone(),
            };
            let record = failover_record(&zone_id, &api_domain, answer, role, &followed);
            region.resource("failover_record", record);
            health_checks.push((role, health_check));
        }
        Self {
            zone_id,
            name_servers,
            health_checks,
            api_domain,
            ds_record,
            recovery_time: recovery_controls.is_none().then_some(recovery_time),
            validation_record: shared_validation,
            recovery_controls,
        }
    }
}

/// DNSSEC for `zone`: the signing key, the key-signing key and signing;
/// returns the DS record.
fn sign_zone(
    scope: &mut Scope<'_>,
    zone: &Ref<Route53Zone>,
    domain: &str,
    hardening: &ZoneHardening,
) -> Expr {
    let account = &hardening.account;
    let dnssec = "dnssec-route53.amazonaws.com";
    // The key policy of Route 53's DNSSEC guide: signing limited to this
    // account's hosted zones (its confused-deputy conditions), and grants
    // only for AWS resources, exactly as documented.
    let policy = KeyPolicy::new(vec![
        KeyPolicyStatement::account_administers(account),
        KeyPolicyStatement::service(
            "Route53SignsWithTheKey",
            dnssec,
            &["kms:DescribeKey", "kms:GetPublicKey", "kms:Sign"],
        )
        .when("StringEquals", "aws:SourceAccount", account.id.clone())
        .when(
            "ArnLike",
            "aws:SourceArn",
            account.global_arn("route53", "hostedzone/*"),
        ),
        KeyPolicyStatement::service("Route53KeepsAGrantOnTheKey", dnssec, &["kms:CreateGrant"])
            .when("Bool", "kms:GrantIsForAWSResource", "true".into()),
    ]);
    let key = scope.resource_with(
        "key",
        KmsKey {
            description: Some(format!("DNSSEC signing of {domain}").into()),
            // What Route 53 requires of a key-signing key; asymmetric keys
            // cannot rotate automatically.
            customer_master_key_spec: Some("ECC_NIST_P256".into()),
            key_usage: Some("SIGN_VERIFY".into()),
            enable_key_rotation: Some(false.into()),
            deletion_window_in_days: Some(DELETION_WINDOW_DAYS.into()),
            policy: Some(Expr::jsonencode(&policy)),
            ..KmsKey::new()
        },
        // Losing it makes resolvers reject the whole zone.
        retained(),
    );
    let key_signing_key = scope.resource(
        "key_signing_key",
        Route53KeySigningKey {
            status: Some("ACTIVE".into()),
            // The name: letters, digits and underscores only.
            ..Route53KeySigningKey::new(zone.zone_id(), key.arn(), &hardening.key_signing_key_name)
        },
    );
    scope.resource_with(
        "signing",
        Route53HostedZoneDnssec {
            signing_status: Some("SIGNING".into()),
            ..Route53HostedZoneDnssec::new(key_signing_key.hosted_zone_id())
        },
        Meta::default().depends_on(&key_signing_key),
    );
    key_signing_key.ds_record()
}

/// Query logging of `zone` into `/aws/route53/<domain>`, which Route 53 may
/// write through a log resource policy.
fn log_queries(
    scope: &mut Scope<'_>,
    zone: &Ref<Route53Zone>,
    domain: &str,
    hardening: &ZoneHardening,
) {
    let log_group = scope.resource(
        "log_group",
        CloudwatchLogGroup {
            name: Some(format!("/aws/route53/{domain}").into()),
            retention_in_days: Some(hardening.log_retention_days.into()),
            kms_key_id: Some(hardening.logs_key_arn.clone()),
            ..CloudwatchLogGroup::new()
        },
    );
    let policy = scope.data(
        "policy_document",
        PolicyDocument::of(vec![
            Statement::grant(
                "Route53WritesQueryLogs",
                Principals::service("route53.amazonaws.com"),
                &["logs:CreateLogStream", "logs:PutLogEvents"],
            )
            .when(Condition::test(
                "StringEquals",
                "aws:SourceAccount",
                vec![hardening.account.id.clone()],
            ))
            .on(vec![Expr::template([log_group.arn(), Expr::literal(":*")])]),
        ]),
    );
    let resource_policy = scope.resource(
        "resource_policy",
        CloudwatchLogResourcePolicy::new(policy.json(), format!("route53-query-logs-{domain}")),
    );
    scope.resource_with(
        "query_log",
        Route53QueryLog::new(log_group.arn(), zone.zone_id()),
        Meta::default().depends_on(&resource_policy),
    );
}

/// What a failover record answers with.
enum Answer {
    /// An alias to the region's custom domain (its TTL is the target's).
    Alias(Route53RecordAlias),
    /// A CNAME to the region's execute-api host.
    Cname { host: Expr, ttl: u32 },
}

fn failover_record(
    zone_id: &Expr,
    name: &str,
    answer: Answer,
    role: RegionRole,
    health_check: &Ref<Route53HealthCheck>,
) -> Route53Record {
    let (record_type, ttl, records, alias) = match answer {
        Answer::Alias(alias) => ("A", None, None, Some(alias)),
        Answer::Cname { host, ttl } => ("CNAME", Some(ttl.into()), Some(vec![host].into()), None),
    };
    Route53Record {
        ttl,
        records,
        alias,
        set_identifier: Some(role.id().into()),
        failover_routing_policy: Some(Route53RecordFailoverRoutingPolicy::new(
            role.failover_type(),
        )),
        health_check_id: Some(health_check.id()),
        ..Route53Record::new(name, record_type, zone_id)
    }
}

/// The zone is retained in production; `terraform plan` refuses a domain
/// Route 53 will not host, before anything is created.
fn zone_meta(domain: &str, remedy: &str, retain: bool) -> Meta {
    let reserved = Postcondition::not_matching(
        &reserved_domain_pattern(),
        Expr::self_attribute("name"),
        format!(
            "Route 53 cannot host {domain}: example.com, example.net and example.org are documentation \
             domains (RFC 2606), and Route 53 refuses zones under them (\"reserved by AWS\"). {remedy}"
        ),
    );
    retained_if(retain).postcondition(reserved)
}

/// A certificate for the failover name and the region's own name.
fn certificate(
    scope: &mut Scope<'_>,
    api_domain: &str,
    regional_domain: &str,
) -> Ref<AcmCertificate> {
    scope.resource_with(
        "certificate",
        AcmCertificate {
            domain_name: Some(api_domain.into()),
            subject_alternative_names: Some(vec![regional_domain.into()].into()),
            validation_method: Some("DNS".into()),
            ..AcmCertificate::new()
        },
        // The custom domains hold the certificate: a replacement must exist
        // before the old one can go.
        Meta::default().lifecycle(Lifecycle {
            create_before_destroy: true,
            ..Lifecycle::default()
        }),
    )
}

/// The CNAME ACM asks for to validate `name` on `certificate`.
fn validation_record(
    zone_id: &Expr,
    certificate: &Ref<AcmCertificate>,
    name: &str,
) -> Route53Record {
    let option = certificate
        .domain_validation_options()
        .find("domain_name", name);
    Route53Record {
        ttl: Some(60.into()),
        records: Some(vec![option.clone().get("resource_record_value")].into()),
        // The record may exist already: ACM gives one name the same record
        // in every region and for every certificate of the account.
        allow_overwrite: Some(true.into()),
        ..Route53Record::new(
            option.clone().get("resource_record_name"),
            option.get("resource_record_type"),
            zone_id,
        )
    }
}

/// What a region's health check probes, and what must exist before it
/// starts probing.
struct Probe {
    host: Expr,
    ready: Meta,
}

/// One region's custom domains: `api.<domain>` behind the failover record
/// and `api-<region>.<domain>` for the health check.
struct CustomDomains<'a> {
    zone_id: &'a Expr,
    api_domain: &'a str,
    certificate: &'a Ref<AcmCertificate>,
    /// The validation record of `api.<domain>`, shared by both regions.
    shared_validation: &'a Ref<Route53Record>,
    target: &'a FailoverEndpoint,
}

struct CreatedDomains {
    failover_alias: Route53RecordAlias,
    probe: Probe,
}

impl CustomDomains<'_> {
    fn create(self, scope: &mut Scope<'_>) -> CreatedDomains {
        let regional_validation = scope.resource(
            "regional_validation_record",
            validation_record(self.zone_id, self.certificate, &self.target.regional_name),
        );
        let validated = scope.resource(
            "certificate_validation",
            AcmCertificateValidation {
                validation_record_fqdns: Some(
                    vec![self.shared_validation.fqdn(), regional_validation.fqdn()].into(),
                ),
                ..AcmCertificateValidation::new(self.certificate.arn())
            },
        );
        let failover_domain = self.domain_with_mapping(
            scope,
            ("custom_domain", "api_mapping"),
            self.api_domain,
            &validated,
        );
        let regional_domain = self.domain_with_mapping(
            scope,
            ("regional_domain", "regional_api_mapping"),
            &self.target.regional_name,
            &validated,
        );
        let regional_record = scope.resource(
            "regional_record",
            Route53Record {
                alias: Some(alias_to(&regional_domain.0, false)),
                ..Route53Record::new(&self.target.regional_name, "A", self.zone_id)
            },
        );
        CreatedDomains {
            failover_alias: alias_to(&failover_domain.0, true),
            probe: Probe {
                host: regional_record.name(),
                // Probing before the mapping exists only fails the check.
                ready: Meta::default().depends_on(&regional_domain.1),
            },
        }
    }

    /// A regional custom domain for `name` on the validated certificate,
    /// mapped to the API's stage.
    fn domain_with_mapping(
        &self,
        scope: &mut Scope<'_>,
        (domain_id, mapping_id): (&str, &str),
        name: &str,
        validated: &Ref<AcmCertificateValidation>,
    ) -> (Ref<Apigatewayv2DomainName>, Ref<Apigatewayv2ApiMapping>) {
        let domain = scope.resource(
            domain_id,
            Apigatewayv2DomainName::new(
                name,
                Apigatewayv2DomainNameDomainNameConfiguration::new(
                    validated.certificate_arn(),
                    "REGIONAL",
                    "TLS_1_2",
                ),
            ),
        );
        let mapping = scope.resource(
            mapping_id,
            Apigatewayv2ApiMapping::new(
                self.target.api.id(),
                domain.domain_name(),
                self.target.stage.id(),
            ),
        );
        (domain, mapping)
    }
}

/// An alias to a regional custom domain.
fn alias_to(
    domain: &Ref<Apigatewayv2DomainName>,
    evaluate_target_health: bool,
) -> Route53RecordAlias {
    let configuration = domain.domain_name_configuration().index(0);
    Route53RecordAlias::new(
        evaluate_target_health,
        configuration.clone().get("target_domain_name"),
        configuration.get("hosted_zone_id"),
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::dr::fixtures::{Parts, stack};
    use crate::testing::{resource, synth};

    fn parts(custom_domains: bool) -> Parts {
        Parts {
            table: false,
            bucket: false,
            dns: Some(custom_domains),
            queues: false,
        }
    }

    #[test]
    fn the_primary_answers_while_its_check_passes_and_the_secondary_otherwise() {
        let document = synth(&stack(parts(true)));
        for (role, kind) in [("primary", "PRIMARY"), ("secondary", "SECONDARY")] {
            let record = resource(
                &document,
                "aws_route53_record",
                &format!("names_{role}_failover_record"),
            );
            assert_eq!(record["name"], "api.orders.acme-corp.io");
            assert_eq!(record["failover_routing_policy"]["type"], kind);
            assert_eq!(
                record["health_check_id"],
                format!("${{aws_route53_health_check.names_{role}_health_check.id}}")
            );
            assert_eq!(record["type"], "A");
        }
        // Checked through the regional name clients' certificates cover.
        let check = resource(
            &document,
            "aws_route53_health_check",
            "names_primary_health_check",
        );
        assert_eq!(
            check["fqdn"],
            "${aws_route53_record.names_primary_regional_record.name}"
        );
        assert_eq!(check["request_interval"], 10);
        // The drill points the primary's check at a path the API does not serve.
        assert_eq!(
            check["resource_path"],
            format!("${{var.failover_drill ? \"{DRILL_PATH}\" : \"/ready\"}}")
        );
    }

    #[test]
    fn recovery_time_follows_the_checks_and_what_clients_cache() {
        let check = HealthCheck {
            path: "/ready".to_owned(),
            interval_seconds: 10,
            failure_threshold: 3,
        };
        // An alias takes its target's TTL; a CNAME its own.
        let alias = check.recovery_time(client_dns_cache_seconds(true, 30));
        let cname = check.recovery_time(client_dns_cache_seconds(false, 30));
        assert_eq!(
            alias.worst_case_seconds(),
            30 + 30 + ALIAS_TARGET_TTL_SECONDS
        );
        assert_eq!(cname.worst_case_seconds(), 30 + 30 + 30);
        let document = synth(&stack(parts(false)));
        let record = resource(
            &document,
            "aws_route53_record",
            "names_secondary_failover_record",
        );
        assert_eq!(record["type"], "CNAME");
        assert_eq!(record["ttl"], 30);
    }

    #[test]
    fn route53_s_limits_are_listed_with_their_fix() {
        let check = HealthCheck {
            path: "health".to_owned(),
            interval_seconds: 20,
            failure_threshold: 11,
        };
        let settings: Vec<&str> = check.problems().iter().map(|p| p.setting).collect();
        assert_eq!(
            settings,
            [
                "health-check interval",
                "health-check failure threshold",
                "health-check path"
            ]
        );
        let fine = HealthCheck {
            path: "/health".to_owned(),
            interval_seconds: 30,
            failure_threshold: 3,
        };
        assert!(fine.problems().is_empty());
    }
}
