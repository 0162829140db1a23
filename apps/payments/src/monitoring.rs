//! The payments app's alarms in both regions, each notifying its own
//! region's topic, and one dashboard showing both regions, built from the
//! library's monitoring blocks.

use constructs::bindings::aws::route53::Route53HealthCheck;
use constructs::bindings::aws::sns::SnsTopic;
use constructs::core::{Expr, ProviderRef, Ref, Scope};
use constructs::dr::RegionRole;
use constructs::dr::monitoring::{
    Alarm, Dashboard, MetricLine, ROUTE53_METRICS_REGION, dimensions,
};
use constructs::dr::queue_replication::QueueReplication;
use constructs::dr::replicated_bucket::{RULE_ID, ReplicatedBucket};

use crate::names::Names;
use crate::regional_stack::RegionalStack;

pub struct MonitoringProps<'a> {
    pub names: &'a Names,
    pub regions: &'a [RegionalStack],
    pub table_name: &'a str,
    /// Where write conflicts of the table are recorded.
    pub conflict_table_name: &'a str,
    pub bucket: &'a ReplicatedBucket,
    pub replicator: &'a QueueReplication,
    pub health_checks: &'a [(RegionRole, Ref<Route53HealthCheck>)],
    /// The us-east-1 provider and the topic there.
    pub health_alarm_region: (&'a ProviderRef, &'a Ref<SnsTopic>),
}

pub struct Monitoring {
    pub dashboard_name: String,
}

impl Monitoring {
    /// `scope` is bound to the primary region, where the dashboard lives.
    pub fn new(scope: &mut Scope<'_>, props: MonitoringProps<'_>) -> Self {
        let names = props.names;
        for region in props.regions {
            let region_name = &region.region;
            let mut alarms = vec![
                Alarm::on(
                    "payment_errors",
                    names.regional("payments-lambda-errors", region_name),
                    "The payment function reported errors",
                    ("AWS/Lambda", "Errors"),
                    dimensions(&[("FunctionName", region.payment.function_name())]),
                )
                .reaching("Sum", 1.0),
                Alarm::on(
                    "payment_throttles",
                    names.regional("payments-lambda-throttles", region_name),
                    "The payment function was throttled",
                    ("AWS/Lambda", "Throttles"),
                    dimensions(&[("FunctionName", region.payment.function_name())]),
                )
                .reaching("Sum", 1.0),
                Alarm::on(
                    "api_5xx",
                    names.regional("payments-api-5xx", region_name),
                    "The payments API answered with server errors",
                    ("AWS/ApiGateway", "5xx"),
                    dimensions(&[
                        ("ApiId", region.api.id()),
                        ("Stage", Expr::literal("$default")),
                    ]),
                )
                .reaching("Sum", 5.0),
                Alarm::on(
                    "dead_letters",
                    names.regional("payments-dlq-depth", region_name),
                    "Messages reached the dead-letter queue and need attention",
                    ("AWS/SQS", "ApproximateNumberOfMessagesVisible"),
                    dimensions(&[("QueueName", region.dead_letter_queue.name())]),
                )
                .reaching("Maximum", 1.0),
            ];
            match region.role {
                RegionRole::Primary => alarms.extend(primary_alarms(names, &region.region, &props)),
                RegionRole::Secondary => {
                    alarms.extend(replication_back(names, &region.region, &props))
                }
            }
            let mut scope = scope.child_in(region.role.id(), &region.provider);
            let mut alarm_scope = scope.child("alarms");
            for alarm in alarms {
                alarm.create(&mut alarm_scope, &region.topic);
            }
        }

        let (metrics_provider, metrics_topic) = props.health_alarm_region;
        let mut health_scope = scope.child_in("health_alarms", metrics_provider);
        for (role, check) in props.health_checks {
            Alarm::health_check(
                *role,
                names.global(&format!("payments-{}-health", role.id())),
                check,
            )
            .create(&mut health_scope, metrics_topic);
        }

        let dashboard_name = names.global("payments-dr");
        dashboard(&props).create(scope, &dashboard_name);
        Self { dashboard_name }
    }
}

/// Replication health, watched in the primary region where it originates.
fn primary_alarms(names: &Names, region: &str, props: &MonitoringProps<'_>) -> Vec<Alarm> {
    let secondary = props
        .regions
        .iter()
        .find(|r| r.role == RegionRole::Secondary)
        .map(|r| r.region.clone())
        .unwrap_or_default();
    let mut alarms = vec![
        Alarm::table_replication_latency(
            names.regional("payments-replication-latency", region),
            props.table_name,
            &secondary,
        ),
        Alarm {
            construct: "conflict_table_replication_latency",
            ..Alarm::table_replication_latency(
                names.regional("payments-conflicts-replication-latency", region),
                props.conflict_table_name,
                &secondary,
            )
        },
    ];
    alarms.extend(Alarm::bucket_replication(
        props.bucket,
        names.regional("payments-s3-replication-failed", region),
        names.regional("payments-s3-replication-late", region),
    ));
    alarms.extend([
        Alarm::on(
            "replicator_message_age",
            names.regional("payments-queue-replication-age", region),
            "Messages wait more than five minutes to be replicated to the secondary queue",
            ("AWS/SQS", "ApproximateAgeOfOldestMessage"),
            dimensions(&[("QueueName", primary_queue_name(props))]),
        )
        .above("Maximum", 300.0),
        Alarm::on(
            "replicator_errors",
            names.regional("payments-queue-replicator-errors", region),
            "The queue replicator function reported errors",
            ("AWS/Lambda", "Errors"),
            dimensions(&[("FunctionName", props.replicator.function.function_name())]),
        )
        .reaching("Sum", 1.0),
    ]);
    alarms
}

/// Replication from the secondary back to the primary, watched in the
/// secondary where it originates: after a failover the secondary takes the
/// writes, and failback must wait until they have reached the primary.
fn replication_back(names: &Names, region: &str, props: &MonitoringProps<'_>) -> Vec<Alarm> {
    const BACK: &str = "DynamoDB replication from the secondary back to the primary lags by more than a \
                        minute: writes taken since a failover are not all in the primary yet, so hold failback \
                        (keep the drill on, or the primary's routing control off) until this alarm is OK";
    let primary = props
        .regions
        .iter()
        .find(|r| r.role == RegionRole::Primary)
        .map(|r| r.region.clone())
        .expect("the primary region is always present");
    vec![
        Alarm {
            description: BACK,
            ..Alarm::table_replication_latency(
                names.regional("payments-replication-latency", region),
                props.table_name,
                &primary,
            )
        },
        Alarm {
            construct: "conflict_table_replication_latency",
            description: BACK,
            ..Alarm::table_replication_latency(
                names.regional("payments-conflicts-replication-latency", region),
                props.conflict_table_name,
                &primary,
            )
        },
    ]
}

fn primary_queue_name(props: &MonitoringProps<'_>) -> Expr {
    props
        .regions
        .iter()
        .find(|r| r.role == RegionRole::Primary)
        .map(|r| r.queue.name())
        .expect("the primary region is always present")
}

fn dashboard(props: &MonitoringProps<'_>) -> Dashboard {
    let lit = |s: &str| Expr::literal(s);
    let primary_region = props.regions[0].region.clone();
    let mut dashboard = Dashboard::default();
    let per_region = |build: &dyn Fn(&RegionalStack) -> Vec<Expr>, what: &str| {
        props
            .regions
            .iter()
            .map(|r| MetricLine::new(build(r), &r.region, &format!("{what} {}", r.region)))
            .collect::<Vec<_>>()
    };
    dashboard.widget(
        "Health checks (1 = healthy)",
        &primary_region,
        "Minimum",
        props
            .health_checks
            .iter()
            .map(|(role, check)| {
                MetricLine::new(
                    vec![
                        lit("AWS/Route53"),
                        lit("HealthCheckStatus"),
                        lit("HealthCheckId"),
                        check.id(),
                    ],
                    ROUTE53_METRICS_REGION,
                    role.id(),
                )
            })
            .collect(),
    );
    let api_metric = |metric: &'static str| {
        move |r: &RegionalStack| {
            vec![
                lit("AWS/ApiGateway"),
                lit(metric),
                lit("ApiId"),
                r.api.id(),
                lit("Stage"),
                lit("$default"),
            ]
        }
    };
    dashboard.widget(
        "API requests and 5xx",
        &primary_region,
        "Sum",
        [
            per_region(&api_metric("Count"), "requests"),
            per_region(&api_metric("5xx"), "5xx"),
        ]
        .concat(),
    );
    let function_metric = |metric: &'static str| {
        move |r: &RegionalStack| {
            vec![
                lit("AWS/Lambda"),
                lit(metric),
                lit("FunctionName"),
                r.payment.function_name(),
            ]
        }
    };
    dashboard.widget(
        "Payment function errors and throttles",
        &primary_region,
        "Sum",
        [
            per_region(&function_metric("Errors"), "errors"),
            per_region(&function_metric("Throttles"), "throttles"),
        ]
        .concat(),
    );
    dashboard.widget(
        "Replication latency (DynamoDB ms, S3 s)",
        &primary_region,
        "Maximum",
        vec![
            MetricLine::new(
                vec![
                    lit("AWS/DynamoDB"),
                    lit("ReplicationLatency"),
                    lit("TableName"),
                    lit(props.table_name),
                    lit("ReceivingRegion"),
                    lit(&props.regions[1].region),
                ],
                &primary_region,
                "DynamoDB",
            ),
            MetricLine::new(
                vec![
                    lit("AWS/S3"),
                    lit("ReplicationLatency"),
                    lit("SourceBucket"),
                    props.bucket.source.bucket(),
                    lit("DestinationBucket"),
                    props.bucket.destination.bucket(),
                    lit("RuleId"),
                    lit(RULE_ID),
                ],
                &primary_region,
                "S3",
            ),
        ],
    );
    dashboard.widget(
        "Queues: oldest message age (s) and dead letters",
        &primary_region,
        "Maximum",
        [
            per_region(
                &|r| {
                    vec![
                        lit("AWS/SQS"),
                        lit("ApproximateAgeOfOldestMessage"),
                        lit("QueueName"),
                        r.queue.name(),
                    ]
                },
                "oldest",
            ),
            per_region(
                &|r| {
                    vec![
                        lit("AWS/SQS"),
                        lit("ApproximateNumberOfMessagesVisible"),
                        lit("QueueName"),
                        r.dead_letter_queue.name(),
                    ]
                },
                "dead letters",
            ),
        ]
        .concat(),
    );
    dashboard
}
