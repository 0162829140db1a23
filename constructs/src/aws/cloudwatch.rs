//! Amazon CloudWatch: log groups, alarms and dashboards.

use std::collections::BTreeMap;

use serde::Serialize;

use super::Tags;
use crate::core::Expr;
use crate::terraform_type;

#[derive(Clone, Debug, Serialize)]
pub struct CloudwatchLogGroup {
    pub name: Expr,
    pub retention_in_days: u32,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub kms_key_id: Option<Expr>,
    #[serde(skip_serializing_if = "Tags::is_empty")]
    pub tags: Tags,
}
terraform_type!(resource CloudwatchLogGroup = "aws_cloudwatch_log_group" { arn, name });

/// A region-wide resource policy letting AWS services write to log groups.
#[derive(Clone, Debug, Serialize)]
pub struct CloudwatchLogResourcePolicy {
    pub policy_name: Expr,
    pub policy_document: Expr,
}
terraform_type!(resource CloudwatchLogResourcePolicy = "aws_cloudwatch_log_resource_policy" { id });

#[derive(Clone, Debug, Serialize)]
pub struct CloudwatchMetricAlarm {
    pub alarm_name: Expr,
    pub alarm_description: String,
    pub namespace: String,
    pub metric_name: String,
    pub dimensions: BTreeMap<String, Expr>,
    pub statistic: String,
    pub period: u32,
    pub evaluation_periods: u32,
    pub datapoints_to_alarm: u32,
    pub threshold: f64,
    pub comparison_operator: String,
    /// `breaching`, `notBreaching`, `ignore` or `missing`.
    pub treat_missing_data: String,
    pub alarm_actions: Vec<Expr>,
    pub ok_actions: Vec<Expr>,
    #[serde(skip_serializing_if = "Tags::is_empty")]
    pub tags: Tags,
}
terraform_type!(resource CloudwatchMetricAlarm = "aws_cloudwatch_metric_alarm" { arn, alarm_name });

#[derive(Clone, Debug, Serialize)]
pub struct CloudwatchDashboard {
    pub dashboard_name: Expr,
    pub dashboard_body: Expr,
}
terraform_type!(resource CloudwatchDashboard = "aws_cloudwatch_dashboard" { dashboard_arn, dashboard_name });
