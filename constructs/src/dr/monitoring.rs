//! Monitoring building blocks any construct can use: metric alarms that
//! notify a topic of their own region, the alarms the DR constructs need
//! (health checks, replication), and a dashboard of metric widgets.
//!
//! Route 53 publishes health-check metrics only in us-east-1, so alarms on
//! health checks must be created there and notify a us-east-1 topic.

use std::collections::BTreeMap;

use serde::Serialize;

use crate::bindings::aws::cloudwatch::{CloudwatchDashboard, CloudwatchMetricAlarm};
use crate::bindings::aws::route53::Route53HealthCheck;
use crate::bindings::aws::sns::SnsTopic;
use crate::core::{Expr, Ref, Scope};

use super::replicated_bucket::{RTC_MINUTES, RULE_ID, ReplicatedBucket};
use super::role::RegionRole;

/// The only region where Route 53 publishes health-check metrics.
pub const ROUTE53_METRICS_REGION: &str = "us-east-1";

/// One metric alarm, before it is bound to a region's topic: three
/// one-minute periods, two of them breaching.
///
/// ```
/// use constructs::bindings::aws::sns::SnsTopic;
/// use constructs::core::{AwsProvider, Stack};
/// use constructs::dr::monitoring::{Alarm, Dashboard, MetricLine};
///
/// let mut stack = Stack::new("orders");
/// let west = stack.provider(AwsProvider::new("west", "eu-west-1"));
/// let mut scope = stack.scope(&west);
/// let topic = scope.resource("alerts", SnsTopic { name: Some("orders-alerts".into()), ..SnsTopic::new() });
/// Alarm::table_replication_latency("orders-replication-latency".into(), "orders", "eu-central-1")
///     .create(&mut scope.child("alarms"), &topic);
/// let mut dashboard = Dashboard::default();
/// dashboard.widget("Orders replication (ms)", "eu-west-1", "Maximum", vec![MetricLine::new(
///     vec!["AWS/DynamoDB".into(), "ReplicationLatency".into(), "TableName".into(), "orders".into()],
///     "eu-west-1",
///     "orders",
/// )]);
/// dashboard.create(&mut scope, "orders-dr");
/// let document = stack.synth().unwrap();
/// let alarm = document
///     .resource("aws_cloudwatch_metric_alarm", "alarms_table_replication_latency")
///     .unwrap();
/// assert_eq!(alarm["alarm_actions"][0], "${aws_sns_topic.alerts.arn}");
/// ```
#[derive(Clone, Debug)]
pub struct Alarm {
    /// The construct name of the alarm in its scope.
    pub construct: &'static str,
    /// The alarm's physical name.
    pub name: String,
    /// What it means when it fires.
    pub description: &'static str,
    /// The metric's namespace, e.g. `AWS/Lambda`.
    pub namespace: &'static str,
    /// The metric's name, e.g. `Errors`.
    pub metric: &'static str,
    /// The metric's dimensions.
    pub dimensions: BTreeMap<String, Expr>,
    /// The statistic compared, e.g. `Sum`.
    pub statistic: &'static str,
    /// The threshold it is compared with.
    pub threshold: f64,
    /// CloudWatch's comparison operator.
    pub comparison: &'static str,
    /// What missing data means (`treat_missing_data`).
    pub missing: &'static str,
    /// Breaching periods that fire it, out of how many (one-minute
    /// periods).
    pub datapoints: (u32, u32),
}

impl Alarm {
    /// An alarm on `(namespace, metric)` with `dimensions`; finish it with
    /// [`Alarm::reaching`] or [`Alarm::above`]. Missing data means nothing
    /// happened, so it does not alarm.
    pub fn on(
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
            datapoints: (2, 3),
        }
    }

    /// Fires on the first breaching minute: for events that must never
    /// go unseen, however rare (a write conflict, a failed batch).
    pub fn at_once(self) -> Self {
        Self {
            datapoints: (1, 1),
            ..self
        }
    }

    /// Alarms when `statistic` reaches `threshold`.
    pub fn reaching(self, statistic: &'static str, threshold: f64) -> Self {
        Self {
            statistic,
            threshold,
            comparison: "GreaterThanOrEqualToThreshold",
            ..self
        }
    }

    /// Alarms when `statistic` goes beyond `threshold`.
    pub fn above(self, statistic: &'static str, threshold: f64) -> Self {
        Self {
            statistic,
            threshold,
            comparison: "GreaterThanThreshold",
            ..self
        }
    }

    /// The alarm on a Route 53 health check, as the construct named after
    /// `role`: it fires when the check fails. Create it in us-east-1
    /// ([`ROUTE53_METRICS_REGION`]).
    pub fn health_check(role: RegionRole, name: String, check: &Ref<Route53HealthCheck>) -> Self {
        Self {
            construct: role.id(),
            name,
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
            dimensions: dimensions(&[("HealthCheckId", check.id())]),
            statistic: "Minimum",
            threshold: 1.0,
            comparison: "LessThanThreshold",
            // Route 53 publishes the status every minute once the check
            // runs; before that (a new stack) there is nothing to report,
            // and "breaching" would page on every apply.
            missing: "missing",
            datapoints: (2, 3),
        }
    }

    /// The alarm on a global table's replication to `receiving_region`
    /// lagging more than a minute; create it in the table's region.
    pub fn table_replication_latency(
        name: String,
        table_name: &str,
        receiving_region: &str,
    ) -> Self {
        Self::on(
            "table_replication_latency",
            name,
            "DynamoDB replication to the secondary lags by more than a minute",
            ("AWS/DynamoDB", "ReplicationLatency"),
            dimensions(&[
                ("TableName", Expr::literal(table_name)),
                ("ReceivingRegion", Expr::literal(receiving_region)),
            ]),
        )
        .above("Maximum", 60_000.0)
    }

    /// The alarms on a replicated bucket: failed replications and
    /// replication slower than its Replication Time Control window; create
    /// them in the source bucket's region.
    pub fn bucket_replication(
        bucket: &ReplicatedBucket,
        failures_name: String,
        latency_name: String,
    ) -> [Self; 2] {
        [
            Self::on(
                "bucket_replication_failures",
                failures_name,
                "S3 objects failed to replicate to the secondary bucket",
                ("AWS/S3", "OperationsFailedReplication"),
                bucket.metric_dimensions(),
            )
            .reaching("Sum", 1.0),
            Self::on(
                "bucket_replication_latency",
                latency_name,
                "S3 replication is slower than the Replication Time Control window",
                ("AWS/S3", "ReplicationLatency"),
                bucket.metric_dimensions(),
            )
            .above("Maximum", f64::from(RTC_MINUTES * 60)),
        ]
    }

    /// Creates the alarm in `scope`, notifying `topic` (which must be in
    /// the scope's region: CloudWatch cannot publish across regions).
    pub fn create(
        self,
        scope: &mut Scope<'_>,
        topic: &Ref<SnsTopic>,
    ) -> Ref<CloudwatchMetricAlarm> {
        scope.resource(
            self.construct,
            CloudwatchMetricAlarm {
                alarm_description: Some(self.description.into()),
                namespace: Some(self.namespace.into()),
                metric_name: Some(self.metric.into()),
                dimensions: Some(self.dimensions),
                statistic: Some(self.statistic.into()),
                period: Some(60.into()),
                datapoints_to_alarm: Some(self.datapoints.0.into()),
                threshold: Some(self.threshold.into()),
                treat_missing_data: Some(self.missing.into()),
                alarm_actions: Some(vec![topic.arn()].into()),
                ok_actions: Some(vec![topic.arn()].into()),
                ..CloudwatchMetricAlarm::new(self.name, self.comparison, self.datapoints.1)
            },
        )
    }
}

/// Metric dimensions from `(name, value)` pairs.
pub fn dimensions(pairs: &[(&str, Expr)]) -> BTreeMap<String, Expr> {
    pairs
        .iter()
        .map(|(k, v)| ((*k).to_owned(), v.clone()))
        .collect()
}

impl ReplicatedBucket {
    /// The dimensions S3 publishes its replication metrics under.
    pub fn metric_dimensions(&self) -> BTreeMap<String, Expr> {
        dimensions(&[
            ("SourceBucket", self.source.bucket()),
            ("DestinationBucket", self.destination.bucket()),
            ("RuleId", Expr::literal(RULE_ID)),
        ])
    }
}

/// A CloudWatch dashboard of metric widgets, two to a row.
#[derive(Clone, Debug, Default)]
pub struct Dashboard {
    widgets: Vec<Widget>,
}

/// One line of a widget: the metric's parts (namespace, name, then
/// dimension names and values) and the region and label it is shown with.
#[derive(Clone, Debug)]
pub struct MetricLine {
    /// Namespace, metric name, then dimension name and value pairs.
    pub parts: Vec<Expr>,
    /// The region the metric is read in.
    pub region: String,
    /// The legend.
    pub label: String,
}

impl MetricLine {
    /// A line of `parts` (literal strings or references).
    pub fn new(parts: Vec<Expr>, region: &str, label: &str) -> Self {
        Self {
            parts,
            region: region.to_owned(),
            label: label.to_owned(),
        }
    }
}

impl Dashboard {
    /// Adds a time-series widget titled `title` showing `statistic` of
    /// `lines`, read from `region` by default.
    pub fn widget(
        &mut self,
        title: &str,
        region: &str,
        statistic: &'static str,
        lines: Vec<MetricLine>,
    ) {
        let index = u32::try_from(self.widgets.len()).unwrap_or(u32::MAX);
        self.widgets.push(Widget {
            kind: "metric",
            x: (index % 2) * 12,
            y: (index / 2) * 6,
            width: 12,
            height: 6,
            properties: WidgetProperties {
                title: title.to_owned(),
                region: region.to_owned(),
                view: "timeSeries",
                stat: statistic,
                period: 60,
                metrics: lines
                    .into_iter()
                    .map(|line| {
                        let mut parts: Vec<MetricPart> =
                            line.parts.into_iter().map(MetricPart::Text).collect();
                        parts.push(MetricPart::Options {
                            region: line.region,
                            label: line.label,
                        });
                        parts
                    })
                    .collect(),
            },
        });
    }

    /// Creates the dashboard named `name` as `<scope>/dashboard`.
    pub fn create(self, scope: &mut Scope<'_>, name: &str) -> Ref<CloudwatchDashboard> {
        scope.resource(
            "dashboard",
            CloudwatchDashboard::new(
                Expr::jsonencode(&DashboardBody {
                    widgets: self.widgets,
                }),
                name,
            ),
        )
    }
}

#[derive(Serialize)]
struct DashboardBody {
    widgets: Vec<Widget>,
}

#[derive(Clone, Debug, Serialize)]
struct Widget {
    #[serde(rename = "type")]
    kind: &'static str,
    x: u32,
    y: u32,
    width: u32,
    height: u32,
    properties: WidgetProperties,
}

#[derive(Clone, Debug, Serialize)]
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
#[derive(Clone, Debug, Serialize)]
#[serde(untagged)]
enum MetricPart {
    Text(Expr),
    Options { region: String, label: String },
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::bindings::aws::sns::SnsTopic;
    use crate::core::{AwsProvider, Stack};
    use crate::testing::{resource, synth};

    #[test]
    fn an_alarm_notifies_its_region_s_topic_when_it_fires_and_when_it_clears() {
        let mut stack = Stack::new("orders");
        let west = stack.provider(AwsProvider::new("west", "eu-west-1"));
        let mut scope = stack.scope(&west);
        let topic = scope.resource(
            "alerts",
            SnsTopic {
                name: Some("alerts-test".into()),
                ..SnsTopic::new()
            },
        );
        Alarm::table_replication_latency("orders-lag-test".into(), "orders-test", "eu-central-1")
            .create(&mut scope, &topic);
        let document = synth(&stack);
        let alarm = resource(
            &document,
            "aws_cloudwatch_metric_alarm",
            "table_replication_latency",
        );
        assert_eq!(alarm["alarm_name"], "orders-lag-test");
        assert_eq!(alarm["namespace"], "AWS/DynamoDB");
        assert_eq!(alarm["metric_name"], "ReplicationLatency");
        assert_eq!(
            alarm["dimensions"],
            serde_json::json!({"ReceivingRegion": "eu-central-1", "TableName": "orders-test"})
        );
        assert_eq!(alarm["comparison_operator"], "GreaterThanThreshold");
        assert_eq!(alarm["threshold"], 60_000.0);
        assert_eq!(
            alarm["alarm_actions"],
            serde_json::json!(["${aws_sns_topic.alerts.arn}"])
        );
        assert_eq!(alarm["ok_actions"], alarm["alarm_actions"]);
    }
}
