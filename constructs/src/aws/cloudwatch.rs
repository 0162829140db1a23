//! Amazon CloudWatch: log groups, alarms and dashboards.

use std::collections::BTreeMap;

use serde::Serialize;

use super::Tags;
use crate::core::Expr;
use crate::terraform_type;

/// `aws_cloudwatch_log_group`.
#[derive(Clone, Debug, Serialize)]
pub struct CloudwatchLogGroup {
    /// The log group's name, e.g. `/aws/lambda/<function>`.
    pub name: Expr,
    /// How many days log events are kept (one of the values CloudWatch
    /// accepts; 0 keeps them forever).
    pub retention_in_days: u32,
    /// The ARN of the KMS key that encrypts the logs; CloudWatch's own
    /// encryption otherwise.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub kms_key_id: Option<Expr>,
    /// Tags on the log group.
    #[serde(skip_serializing_if = "Tags::is_empty")]
    pub tags: Tags,
}
terraform_type!(resource CloudwatchLogGroup = "aws_cloudwatch_log_group" { arn, name });

/// A region-wide resource policy letting AWS services write to log groups.
#[derive(Clone, Debug, Serialize)]
pub struct CloudwatchLogResourcePolicy {
    /// The policy's name, unique in the region.
    pub policy_name: Expr,
    /// The policy, as JSON.
    pub policy_document: Expr,
}
terraform_type!(resource CloudwatchLogResourcePolicy = "aws_cloudwatch_log_resource_policy" { id });

/// `aws_cloudwatch_metric_alarm`: an alarm on one metric.
#[derive(Clone, Debug, Serialize)]
pub struct CloudwatchMetricAlarm {
    /// The alarm's name, unique in the region.
    pub alarm_name: Expr,
    /// What the alarm means, shown in its notifications.
    pub alarm_description: String,
    /// The namespace of the metric, e.g. `AWS/Lambda`.
    pub namespace: String,
    /// The metric watched, e.g. `Errors`.
    pub metric_name: String,
    /// The dimensions that select one series of the metric, e.g.
    /// `FunctionName`.
    pub dimensions: BTreeMap<String, Expr>,
    /// How the datapoints of one period are combined: `Sum`, `Average`,
    /// `Maximum`, `Minimum` or `SampleCount`.
    pub statistic: String,
    /// The length of one period, in seconds.
    pub period: u32,
    /// How many recent periods are evaluated.
    pub evaluation_periods: u32,
    /// How many of those periods must breach for the alarm to fire.
    pub datapoints_to_alarm: u32,
    /// The value the statistic is compared with.
    pub threshold: f64,
    /// How the statistic is compared with the threshold, e.g.
    /// `GreaterThanOrEqualToThreshold`.
    pub comparison_operator: String,
    /// `breaching`, `notBreaching`, `ignore` or `missing`.
    pub treat_missing_data: String,
    /// The ARNs (SNS topics) notified when the alarm enters `ALARM`.
    pub alarm_actions: Vec<Expr>,
    /// The ARNs notified when it returns to `OK`.
    pub ok_actions: Vec<Expr>,
    /// Tags on the alarm.
    #[serde(skip_serializing_if = "Tags::is_empty")]
    pub tags: Tags,
}
terraform_type!(resource CloudwatchMetricAlarm = "aws_cloudwatch_metric_alarm" { arn, alarm_name });

/// `aws_cloudwatch_dashboard`.
#[derive(Clone, Debug, Serialize)]
pub struct CloudwatchDashboard {
    /// The dashboard's name.
    pub dashboard_name: Expr,
    /// The widgets, as JSON.
    pub dashboard_body: Expr,
}
terraform_type!(resource CloudwatchDashboard = "aws_cloudwatch_dashboard" { dashboard_arn, dashboard_name });
