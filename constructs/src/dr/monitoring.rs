//! Alarms in both regions, each notifying its own region's topic, and one
//! dashboard showing both regions.
//!
//! Route 53 publishes health-check metrics only in us-east-1, so the
//! health-check alarms live there and notify the us-east-1 topic.

use std::collections::BTreeMap;

use serde::Serialize;

use crate::aws::Tags;
use crate::aws::cloudwatch::{CloudwatchDashboard, CloudwatchMetricAlarm};
use crate::aws::route53::Route53HealthCheck;
use crate::aws::sns::SnsTopic;
use crate::core::{Expr, ProviderRef, Ref, Scope};

use super::names::Names;
use super::queue_replication::QueueReplication;
use super::regional_stack::{RegionRole, RegionalStack};
use super::replicated_bucket::{RTC_MINUTES, RULE_ID, ReplicatedBucket};

/// The only region where Route 53 publishes health-check metrics.
pub const ROUTE53_METRICS_REGION: &str = "us-east-1";

pub struct MonitoringProps<'a> {
    pub names: &'a Names,
    pub regions: &'a [RegionalStack],
    pub table_name: &'a str,
    pub bucket: &'a ReplicatedBucket,
    pub replicator: &'a QueueReplication,
    pub health_checks: &'a [(RegionRole, Ref<Route53HealthCheck>)],
    /// The us-east-1 provider and the topic there.
    pub health_alarm_region: (&'a ProviderRef, &'a Ref<SnsTopic>),
}

pub struct Monitoring {
    pub dashboard_name: String,
    /// Every alarm with the region it lives in.
    pub alarm_count: usize,
}

/// One metric alarm, before it is bound to a region's topic.
struct Alarm {
    construct: &'static str,
    name: String,
    description: &'static str,
    namespace: &'static str,
    metric: &'static str,
    dimensions: BTreeMap<String, Expr>,
    statistic: &'static str,
    threshold: f64,
    comparison: &'static str,
    /// What missing data means (`treat_missing_data`).
    missing: &'static str,
}

impl Alarm {
    /// An alarm on `(namespace, metric)` with `dimensions`; finish it with
    /// [`Alarm::reaching`] or [`Alarm::above`]. Missing data means nothing
    /// happened, so it does not alarm.
    fn on(
        construct: &'static str,
        name: String,
        description: &'static str,
        (namespace, metric): (&'static str, &'static str),
        dimensions: BTreeMap<String, Expr>,
    ) -> Self {
        Self {
            construct,
            name,
            description,
            namespace,
            metric,
            dimensions,
            statistic: "Sum",
            threshold: 1.0,
            comparison: "GreaterThanOrEqualToThreshold",
            missing: "notBreaching",
        }
    }

    /// Alarms when `statistic` reaches `threshold`.
    fn reaching(self, statistic: &'static str, threshold: f64) -> Self {
        Self {
            statistic,
            threshold,
            comparison: "GreaterThanOrEqualToThreshold",
            ..self
        }
    }

    /// Alarms when `statistic` goes beyond `threshold`.
    fn above(self, statistic: &'static str, threshold: f64) -> Self {
        Self {
            statistic,
            threshold,
            comparison: "GreaterThanThreshold",
            ..self
        }
    }
}

fn dims(pairs: &[(&str, Expr)]) -> BTreeMap<String, Expr> {
    pairs
        .iter()
        .map(|(k, v)| ((*k).to_owned(), v.clone()))
        .collect()
}

impl Monitoring {
    /// `scope` is bound to the primary region, where the dashboard lives.
    pub fn new(scope: &mut Scope<'_>, props: MonitoringProps<'_>) -> Self {
        let names = props.names;
        let mut alarm_count = 0;
        for region in props.regions {
            let region_name = &region.region;
            let mut alarms = vec![
                Alarm::on(
                    "payment_errors",
                    names.regional("payments-lambda-errors", region_name),
                    "The payment function reported errors",
                    ("AWS/Lambda", "Errors"),
                    dims(&[("FunctionName", region.payment.function_name())]),
                )
                .reaching("Sum", 1.0),
                Alarm::on(
                    "payment_throttles",
                    names.regional("payments-lambda-throttles", region_name),
                    "The payment function was throttled",
                    ("AWS/Lambda", "Throttles"),
                    dims(&[("FunctionName", region.payment.function_name())]),
                )
                .reaching("Sum", 1.0),
                Alarm::on(
                    "api_5xx",
                    names.regional("payments-api-5xx", region_name),
                    "The payments API answered with server errors",
                    ("AWS/ApiGateway", "5xx"),
                    dims(&[
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
                    dims(&[("QueueName", region.dead_letter_queue.name())]),
                )
                .reaching("Maximum", 1.0),
            ];
            if region.role == RegionRole::Primary {
                alarms.extend(primary_alarms(names, &region.region, &props));
            }
            let mut scope = scope.child_in(region.role.id(), &region.provider);
            let mut alarm_scope = scope.child("alarms");
            for alarm in alarms {
                create_alarm(&mut alarm_scope, alarm, &region.topic);
                alarm_count += 1;
            }
        }

        let (metrics_provider, metrics_topic) = props.health_alarm_region;
        let mut health_scope = scope.child_in("health_alarms", metrics_provider);
        for (role, check) in props.health_checks {
            create_alarm(
                &mut health_scope,
                Alarm {
                    construct: role.id(),
                    name: names.global(&format!("payments-{}-health", role.id())),
                    description: match role {
                        RegionRole::Primary => {
                            "The primary region failed its health check: DNS fails over to the secondary"
                        }
                        RegionRole::Secondary => {
                            "The secondary region failed its health check: a failover would land on an unhealthy standby"
                        }
                    },
                    namespace: "AWS/Route53",
                    metric: "HealthCheckStatus",
                    dimensions: dims(&[("HealthCheckId", check.id())]),
                    statistic: "Minimum",
                    threshold: 1.0,
                    comparison: "LessThanThreshold",
                    // Route 53 publishes the status every minute once the
                    // check runs; before that (a new stack) there is nothing
                    // to report, and "breaching" would page on every apply.
                    missing: "missing",
                },
                metrics_topic,
            );
            alarm_count += 1;
        }

        let dashboard_name = names.global("payments-dr");
        let body = dashboard(&props);
        scope.resource(
            "dashboard",
            CloudwatchDashboard {
                dashboard_name: dashboard_name.clone().into(),
                dashboard_body: Expr::jsonencode(&body),
            },
        );
        Self {
            dashboard_name,
            alarm_count,
        }
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
    vec![
        Alarm::on(
            "table_replication_latency",
            names.regional("payments-replication-latency", region),
            "DynamoDB replication to the secondary lags by more than a minute",
            ("AWS/DynamoDB", "ReplicationLatency"),
            dims(&[
                ("TableName", Expr::literal(props.table_name)),
                ("ReceivingRegion", Expr::literal(secondary)),
            ]),
        )
        .above("Maximum", 60_000.0),
        Alarm::on(
            "bucket_replication_failures",
            names.regional("payments-s3-replication-failed", region),
            "S3 objects failed to replicate to the secondary bucket",
            ("AWS/S3", "OperationsFailedReplication"),
            bucket_dimensions(props.bucket),
        )
        .reaching("Sum", 1.0),
        Alarm::on(
            "bucket_replication_latency",
            names.regional("payments-s3-replication-late", region),
            "S3 replication is slower than the Replication Time Control window",
            ("AWS/S3", "ReplicationLatency"),
            bucket_dimensions(props.bucket),
        )
        .above("Maximum", f64::from(RTC_MINUTES * 60)),
        Alarm::on(
            "replicator_message_age",
            names.regional("payments-queue-replication-age", region),
            "Messages wait more than five minutes to be replicated to the secondary queue",
            ("AWS/SQS", "ApproximateAgeOfOldestMessage"),
            dims(&[("QueueName", primary_queue_name(props))]),
        )
        .above("Maximum", 300.0),
        Alarm::on(
            "replicator_errors",
            names.regional("payments-queue-replicator-errors", region),
            "The queue replicator function reported errors",
            ("AWS/Lambda", "Errors"),
            dims(&[("FunctionName", props.replicator.function.function_name())]),
        )
        .reaching("Sum", 1.0),
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

fn bucket_dimensions(bucket: &ReplicatedBucket) -> BTreeMap<String, Expr> {
    dims(&[
        ("SourceBucket", bucket.source.bucket()),
        ("DestinationBucket", bucket.destination.bucket()),
        ("RuleId", Expr::literal(RULE_ID)),
    ])
}

fn create_alarm(scope: &mut Scope<'_>, alarm: Alarm, topic: &Ref<SnsTopic>) {
    scope.resource(
        alarm.construct,
        CloudwatchMetricAlarm {
            alarm_name: alarm.name.into(),
            alarm_description: alarm.description.to_owned(),
            namespace: alarm.namespace.to_owned(),
            metric_name: alarm.metric.to_owned(),
            dimensions: alarm.dimensions,
            statistic: alarm.statistic.to_owned(),
            period: 60,
            evaluation_periods: 3,
            datapoints_to_alarm: 2,
            threshold: alarm.threshold,
            comparison_operator: alarm.comparison.to_owned(),
            treat_missing_data: alarm.missing.to_owned(),
            alarm_actions: vec![topic.arn()],
            ok_actions: vec![topic.arn()],
            tags: Tags::new(),
        },
    );
}

#[derive(Serialize)]
struct Dashboard {
    widgets: Vec<Widget>,
}

#[derive(Serialize)]
struct Widget {
    #[serde(rename = "type")]
    kind: &'static str,
    x: u32,
    y: u32,
    width: u32,
    height: u32,
    properties: WidgetProperties,
}

#[derive(Serialize)]
struct WidgetProperties {
    title: String,
    region: String,
    view: &'static str,
    stat: &'static str,
    period: u32,
    metrics: Vec<Vec<MetricPart>>,
}

/// One element of a dashboard metric line: a namespace, name or dimension
/// (possibly a reference), or the trailing options object.
#[derive(Clone, Serialize)]
#[serde(untagged)]
enum MetricPart {
    Text(Expr),
    Options { region: String, label: String },
}

fn metric(parts: &[Expr], region: &str, label: &str) -> Vec<MetricPart> {
    let mut line: Vec<MetricPart> = parts.iter().cloned().map(MetricPart::Text).collect();
    line.push(MetricPart::Options {
        region: region.to_owned(),
        label: label.to_owned(),
    });
    line
}

fn dashboard(props: &MonitoringProps<'_>) -> Dashboard {
    let lit = |s: &str| Expr::literal(s);
    let primary_region = props.regions[0].region.clone();
    let mut widgets = Vec::new();
    let mut add = |title: &str, stat: &'static str, metrics: Vec<Vec<MetricPart>>| {
        let index = u32::try_from(widgets.len()).unwrap_or(u32::MAX);
        widgets.push(Widget {
            kind: "metric",
            x: (index % 2) * 12,
            y: (index / 2) * 6,
            width: 12,
            height: 6,
            properties: WidgetProperties {
                title: title.to_owned(),
                region: primary_region.clone(),
                view: "timeSeries",
                stat,
                period: 60,
                metrics,
            },
        });
    };
    let per_region = |build: &dyn Fn(&RegionalStack) -> Vec<Expr>, what: &str| {
        props
            .regions
            .iter()
            .map(|r| metric(&build(r), &r.region, &format!("{what} {}", r.region)))
            .collect::<Vec<_>>()
    };
    add(
        "Health checks (1 = healthy)",
        "Minimum",
        props
            .health_checks
            .iter()
            .map(|(role, check)| {
                metric(
                    &[
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
    add(
        "API requests and 5xx",
        "Sum",
        [
            per_region(
                &|r| {
                    vec![
                        lit("AWS/ApiGateway"),
                        lit("Count"),
                        lit("ApiId"),
                        r.api.id(),
                        lit("Stage"),
                        lit("$default"),
                    ]
                },
                "requests",
            ),
            per_region(
                &|r| {
                    vec![
                        lit("AWS/ApiGateway"),
                        lit("5xx"),
                        lit("ApiId"),
                        r.api.id(),
                        lit("Stage"),
                        lit("$default"),
                    ]
                },
                "5xx",
            ),
        ]
        .concat(),
    );
    add(
        "Payment function errors and throttles",
        "Sum",
        [
            per_region(
                &|r| {
                    vec![
                        lit("AWS/Lambda"),
                        lit("Errors"),
                        lit("FunctionName"),
                        r.payment.function_name(),
                    ]
                },
                "errors",
            ),
            per_region(
                &|r| {
                    vec![
                        lit("AWS/Lambda"),
                        lit("Throttles"),
                        lit("FunctionName"),
                        r.payment.function_name(),
                    ]
                },
                "throttles",
            ),
        ]
        .concat(),
    );
    add(
        "Replication latency (DynamoDB ms, S3 s)",
        "Maximum",
        vec![
            metric(
                &[
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
            metric(
                &[
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
    add(
        "Queues: oldest message age (s) and dead letters",
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
    Dashboard { widgets }
}
