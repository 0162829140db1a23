//! AWS Lambda.

use std::collections::BTreeMap;

use serde::Serialize;

use crate::core::Expr;
use crate::terraform_type;

#[derive(Clone, Debug, Serialize)]
pub struct LambdaFunction {
    pub function_name: Expr,
    pub role: Expr,
    pub runtime: String,
    pub handler: String,
    pub architectures: Vec<String>,
    pub filename: Expr,
    pub source_code_hash: Expr,
    pub memory_size: u32,
    pub timeout: u32,
    pub environment: Environment,
    pub logging_config: LoggingConfig,
    /// The key that encrypts the environment variables; AWS's own otherwise.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub kms_key_arn: Option<Expr>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub tracing_config: Option<TracingConfig>,
    /// Where failed asynchronous invocations go.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub dead_letter_config: Option<DeadLetterConfig>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub reserved_concurrent_executions: Option<u32>,
}
terraform_type!(resource LambdaFunction = "aws_lambda_function" { arn, invoke_arn, function_name });

#[derive(Clone, Debug, Serialize)]
pub struct Environment {
    pub variables: BTreeMap<String, Expr>,
}

#[derive(Clone, Debug, Serialize)]
pub struct LoggingConfig {
    /// `JSON` or `Text`.
    pub log_format: String,
    pub log_group: Expr,
}

#[derive(Clone, Debug, Serialize)]
pub struct TracingConfig {
    /// `Active` (sample and trace every request) or `PassThrough`.
    pub mode: String,
}

#[derive(Clone, Debug, Serialize)]
pub struct DeadLetterConfig {
    pub target_arn: Expr,
}

#[derive(Clone, Debug, Serialize)]
pub struct LambdaPermission {
    pub statement_id: String,
    pub action: String,
    pub function_name: Expr,
    pub principal: String,
    pub source_arn: Expr,
}
terraform_type!(resource LambdaPermission = "aws_lambda_permission" { id });

#[derive(Clone, Debug, Serialize)]
pub struct LambdaEventSourceMapping {
    pub event_source_arn: Expr,
    pub function_name: Expr,
    pub batch_size: u32,
    pub maximum_batching_window_in_seconds: u32,
    /// `ReportBatchItemFailures`: only failed records are retried.
    pub function_response_types: Vec<String>,
    pub enabled: bool,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub scaling_config: Option<ScalingConfig>,
}

/// How many batches an SQS event source mapping runs at once (2-1000).
#[derive(Clone, Debug, Serialize)]
pub struct ScalingConfig {
    pub maximum_concurrency: u32,
}
terraform_type!(resource LambdaEventSourceMapping = "aws_lambda_event_source_mapping" { uuid });
