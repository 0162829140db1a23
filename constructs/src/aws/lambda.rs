//! AWS Lambda.

use std::collections::BTreeMap;

use serde::Serialize;

use crate::core::Expr;
use crate::terraform_type;

/// `aws_lambda_function`, deployed from a zip file beside the configuration.
#[derive(Clone, Debug, Serialize)]
pub struct LambdaFunction {
    /// The function's name, unique in the region.
    pub function_name: Expr,
    /// The ARN of the execution role the function runs as.
    pub role: Expr,
    /// The runtime, e.g. `provided.al2023` for a Rust binary.
    pub runtime: String,
    /// The entry point the runtime calls (unused by OS-only runtimes, but
    /// required).
    pub handler: String,
    /// The instruction set: `["arm64"]` or `["x86_64"]`.
    pub architectures: Vec<String>,
    /// The path of the deployment zip file.
    pub filename: Expr,
    /// The hash of the zip file; a new hash deploys the new code.
    pub source_code_hash: Expr,
    /// The memory in MB, which also sets the CPU share.
    pub memory_size: u32,
    /// The longest one invocation may run, in seconds.
    pub timeout: u32,
    /// The environment variables of the function.
    pub environment: Environment,
    /// The log format and the log group the function writes to.
    pub logging_config: LoggingConfig,
    /// The key that encrypts the environment variables; AWS's own otherwise.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub kms_key_arn: Option<Expr>,
    /// AWS X-Ray tracing of invocations.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub tracing_config: Option<TracingConfig>,
    /// Where failed asynchronous invocations go.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub dead_letter_config: Option<DeadLetterConfig>,
    /// Concurrent executions reserved for the function, which are also
    /// its limit.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub reserved_concurrent_executions: Option<u32>,
}
terraform_type!(resource LambdaFunction = "aws_lambda_function" { arn, invoke_arn, function_name });

/// The `environment` block of a function.
#[derive(Clone, Debug, Serialize)]
pub struct Environment {
    /// Variable names and values.
    pub variables: BTreeMap<String, Expr>,
}

/// The `logging_config` block of a function.
#[derive(Clone, Debug, Serialize)]
pub struct LoggingConfig {
    /// `JSON` or `Text`.
    pub log_format: String,
    /// The name of the log group the function writes to.
    pub log_group: Expr,
}

/// The `tracing_config` block of a function: AWS X-Ray tracing.
#[derive(Clone, Debug, Serialize)]
pub struct TracingConfig {
    /// `Active` (sample and trace every request) or `PassThrough`.
    pub mode: String,
}

/// The `dead_letter_config` block of a function.
#[derive(Clone, Debug, Serialize)]
pub struct DeadLetterConfig {
    /// The ARN of the SQS queue or SNS topic.
    pub target_arn: Expr,
}

/// `aws_lambda_permission`: lets a service or account invoke a function.
#[derive(Clone, Debug, Serialize)]
pub struct LambdaPermission {
    /// The statement's id in the function's resource policy.
    pub statement_id: String,
    /// The action allowed, e.g. `lambda:InvokeFunction`.
    pub action: String,
    /// The function the permission is on.
    pub function_name: Expr,
    /// The service or account allowed, e.g. `apigateway.amazonaws.com`.
    pub principal: String,
    /// The ARN the call must come from, e.g. an API's execution ARN
    /// with a route pattern.
    pub source_arn: Expr,
}
terraform_type!(resource LambdaPermission = "aws_lambda_permission" { id });

/// `aws_lambda_event_source_mapping`: Lambda polls a queue or stream and
/// invokes the function with batches of records.
#[derive(Clone, Debug, Serialize)]
pub struct LambdaEventSourceMapping {
    /// The ARN of the queue or stream polled.
    pub event_source_arn: Expr,
    /// The function invoked.
    pub function_name: Expr,
    /// The most records in one batch.
    pub batch_size: u32,
    /// How long records are gathered before a batch that is not full
    /// is sent.
    pub maximum_batching_window_in_seconds: u32,
    /// `ReportBatchItemFailures`: only failed records are retried.
    pub function_response_types: Vec<String>,
    /// Whether Lambda polls the source.
    pub enabled: bool,
    /// A limit on concurrent batches, for an SQS source.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub scaling_config: Option<ScalingConfig>,
}

/// How many batches an SQS event source mapping runs at once (2-1000).
#[derive(Clone, Debug, Serialize)]
pub struct ScalingConfig {
    /// The most batches processed at once.
    pub maximum_concurrency: u32,
}
terraform_type!(resource LambdaEventSourceMapping = "aws_lambda_event_source_mapping" { uuid });
