//! A Lambda function built from a Rust handler package, with its
//! log group and its own least-privilege role; when hardened
//! also traced, with a dead-letter queue, reserved concurrency and its
//! region's key on the logs, the environment and the dead-letter queue.

use std::collections::BTreeMap;

use crate::aws::iam::Statement;
use crate::bindings::aws::lambda::{
    LambdaFunction, LambdaFunctionDeadLetterConfig, LambdaFunctionEnvironment,
    LambdaFunctionLoggingConfig, LambdaFunctionTracingConfig,
};
use crate::bindings::aws::logs::CloudwatchLogGroup;
use crate::bindings::aws::sqs::SqsQueue;
use crate::core::{Document, Expr, Meta, Ref, Scope};

use super::encryption::use_keys;
use super::service_role::{ServiceRole, service_role};

/// Days a function's dead-letter queue keeps a failed event: SQS's maximum.
pub const DEAD_LETTER_RETENTION_SECONDS: u32 = 14 * 24 * 3600;

/// What hardening (production) adds to a function.
pub struct FunctionHardening {
    /// The key of the function's region: its logs, environment and
    /// dead-letter queue, and whatever of that region it reads and writes.
    pub key_arn: Expr,
    /// Concurrency kept for this function alone, which also caps it; none
    /// when `None` (a region's quota must leave 100 unreserved, which a new
    /// account's cannot).
    pub reserved_concurrency: Option<u32>,
}

/// The settings of a [`RustFunction`].
pub struct RustFunctionProps {
    /// The function's name, also the base of its role and log group names.
    pub function_name: String,
    /// The handler's package, read from `lambda/<package>.zip` beside the
    /// configuration (the payments app's `make lambdas` builds its own).
    pub package: &'static str,
    /// Environment variables.
    pub environment: BTreeMap<String, Expr>,
    /// What the function may do besides writing its own logs.
    pub statements: Vec<Statement>,
    /// Memory in MB (CPU scales with it).
    pub memory_mb: u32,
    /// Seconds an invocation may run.
    pub timeout_seconds: u32,
    /// Days its logs are kept.
    pub log_retention_days: u32,
    /// `None` for a disposable stack.
    pub hardening: Option<FunctionHardening>,
    /// The function runs in the primary region only, so its dead-letter
    /// queue has no counterpart in the secondary.
    pub primary_only: bool,
}

/// A Lambda function on `provided.al2023` from a Rust handler package,
/// with its log group (created first, with a retention) and a role that
/// may write its logs and do what `statements` say, nothing more.
///
/// ```
/// use std::collections::BTreeMap;
/// use constructs::core::{AwsProvider, Stack};
/// use constructs::dr::rust_function::{RustFunction, RustFunctionProps};
///
/// let mut stack = Stack::new("orders");
/// let west = stack.provider(AwsProvider::new("west", "eu-west-1"));
/// let function = RustFunction::new(
///     &mut stack.scope(&west).child("orders"),
///     RustFunctionProps {
///         function_name: "orders-eu-west-1-dev".into(),
///         package: "orders",
///         environment: BTreeMap::new(),
///         statements: Vec::new(),
///         memory_mb: 256,
///         timeout_seconds: 10,
///         log_retention_days: 30,
///         hardening: None,
///         primary_only: false,
///     },
/// );
/// let document = stack.synth().unwrap();
/// let body = document.resource("aws_lambda_function", "orders_function").unwrap();
/// assert_eq!(body["filename"], "${path.module}/lambda/orders.zip");
/// # let _ = function;
/// ```
pub struct RustFunction {
    /// The function.
    pub function: Ref<LambdaFunction>,
    /// Its log group.
    pub log_group: Ref<CloudwatchLogGroup>,
    /// Its role and inline policy.
    pub execution: ServiceRole,
    /// Failed asynchronous invocations (with `hardening`), and nothing
    /// else: a function API Gateway invokes answers its failure to the
    /// caller (synchronous), and one an event source mapping invokes
    /// returns the message to its queue, whose own redrive policy
    /// dead-letters it. Not counted as protection in the DR report.
    pub dead_letter_queue: Option<Ref<SqsQueue>>,
}

impl RustFunction {
    /// Creates `<scope>/logs`, `<scope>/execution/...` and `<scope>/function`.
    pub fn new(scope: &mut Scope<'_>, props: RustFunctionProps) -> Self {
        let key_arn = props.hardening.as_ref().map(|h| h.key_arn.clone());
        let log_group = scope.resource(
            "logs",
            CloudwatchLogGroup {
                name: Some(format!("/aws/lambda/{}", props.function_name).into()),
                retention_in_days: Some(props.log_retention_days.into()),
                kms_key_id: key_arn.clone(),
                ..CloudwatchLogGroup::new()
            },
        );
        let mut statements = vec![Statement::allow(
            "WriteOwnLogs",
            &["logs:CreateLogStream", "logs:PutLogEvents"],
            vec![Expr::template([log_group.arn(), Expr::literal(":*")])],
        )];
        statements.extend(props.statements);
        // Lambda's dead-letter queue: asynchronous invocations only (see
        // `RustFunction::dead_letter_queue`).
        let dead_letter_queue = key_arn.as_ref().map(|key_arn| {
            let meta = if props.primary_only {
                Meta::default().suppress(
                    "DR001",
                    "holds failed invocations of a function that runs only in the primary region; \
                     after a failover there is nothing to fail",
                )
            } else {
                Meta::default()
            };
            let queue = scope.resource_with(
                "dead_letter",
                SqsQueue {
                    name: Some(format!("{}-dlq", props.function_name).into()),
                    message_retention_seconds: Some(DEAD_LETTER_RETENTION_SECONDS.into()),
                    visibility_timeout_seconds: Some(30.into()),
                    kms_master_key_id: Some(key_arn.clone()),
                    ..SqsQueue::new()
                },
                meta,
            );
            statements.extend([
                Statement::allow(
                    "SendFailedInvocations",
                    &["sqs:SendMessage"],
                    vec![queue.arn()],
                ),
                // X-Ray's write actions have no resource-level permissions.
                Statement::allow(
                    "WriteTraces",
                    &["xray:PutTraceSegments", "xray:PutTelemetryRecords"],
                    vec!["*".into()],
                ),
                use_keys("UseRegionalKey", vec![key_arn.clone()]),
            ]);
            queue
        });
        let execution = service_role(
            &mut scope.child("execution"),
            &props.function_name,
            "lambda.amazonaws.com",
            statements,
        );
        // The group must exist first, or Lambda creates one with no
        // retention that Terraform then fails to create.
        let mut meta = Meta::default().depends_on(&log_group);
        if dead_letter_queue.is_some() {
            // Lambda checks at creation that the role may send to the queue.
            meta = meta.depends_on(&execution.policy);
        }
        let zip = format!("lambda/{}.zip", props.package);
        let function = scope.resource_with(
            "function",
            LambdaFunction {
                runtime: Some("provided.al2023".into()),
                handler: Some("bootstrap".into()),
                architectures: Some(vec!["x86_64".into()].into()),
                filename: Some(Expr::module_file(&zip)),
                source_code_hash: Some(Expr::filebase64sha256(Expr::module_file(&zip))),
                memory_size: Some(props.memory_mb.into()),
                timeout: Some(props.timeout_seconds.into()),
                environment: Some(LambdaFunctionEnvironment {
                    variables: Some(props.environment),
                }),
                logging_config: Some(LambdaFunctionLoggingConfig {
                    log_group: Some(log_group.name()),
                    ..LambdaFunctionLoggingConfig::new("JSON")
                }),
                kms_key_arn: key_arn,
                tracing_config: props
                    .hardening
                    .as_ref()
                    .map(|_| LambdaFunctionTracingConfig::new("Active")),
                dead_letter_config: dead_letter_queue
                    .as_ref()
                    .map(|queue| LambdaFunctionDeadLetterConfig::new(queue.arn())),
                reserved_concurrent_executions: props
                    .hardening
                    .as_ref()
                    .and_then(|h| h.reserved_concurrency)
                    .map(Into::into),
                ..LambdaFunction::new(props.function_name, execution.role.arn())
            },
            meta,
        );
        Self {
            function,
            log_group,
            execution,
            dead_letter_queue,
        }
    }
}

/// The Lambda function of `document` that the event source mapping
/// `mapping` invokes, when it is one of the stack's.
pub(crate) fn invoked_function<'d>(
    document: &'d Document,
    mapping: &serde_json::Value,
) -> Option<&'d serde_json::Value> {
    Document::first_reference(&mapping["function_name"])
        .filter(|(tf_type, _)| *tf_type == "aws_lambda_function")
        .and_then(|(_, id)| document.resource("aws_lambda_function", id))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::{AwsProvider, Stack};
    use crate::testing::{resource, synth};

    fn props(hardening: Option<FunctionHardening>) -> RustFunctionProps {
        RustFunctionProps {
            function_name: "orders-eu-west-1-test".into(),
            package: "orders",
            environment: BTreeMap::from([("MODE".to_owned(), Expr::literal("live"))]),
            statements: Vec::new(),
            memory_mb: 256,
            timeout_seconds: 10,
            log_retention_days: 30,
            hardening,
            primary_only: false,
        }
    }

    #[test]
    fn the_package_is_deployed_by_its_hash_after_its_log_group() {
        let mut stack = Stack::new("orders");
        let west = stack.provider(AwsProvider::new("west", "eu-west-1"));
        RustFunction::new(&mut stack.scope(&west).child("orders"), props(None));
        let document = synth(&stack);
        let function = resource(&document, "aws_lambda_function", "orders_function");
        assert_eq!(function["runtime"], "provided.al2023");
        assert_eq!(function["architectures"], serde_json::json!(["x86_64"]));
        assert_eq!(
            function["source_code_hash"],
            "${filebase64sha256(\"${path.module}/lambda/orders.zip\")}"
        );
        assert_eq!(
            function["depends_on"],
            serde_json::json!(["aws_cloudwatch_log_group.orders_logs"])
        );
        assert_eq!(function["environment"]["variables"]["MODE"], "live");
        let logs = resource(&document, "aws_cloudwatch_log_group", "orders_logs");
        assert_eq!(logs["retention_in_days"], 30);
        assert!(function.get("reserved_concurrent_executions").is_none());
    }

    #[test]
    fn hardening_encrypts_with_the_region_s_key_and_reserves_what_is_asked() {
        let mut stack = Stack::new("orders");
        let west = stack.provider(AwsProvider::new("west", "eu-west-1"));
        RustFunction::new(
            &mut stack.scope(&west).child("orders"),
            props(Some(FunctionHardening {
                key_arn: Expr::literal("arn:aws:kms:eu-west-1:111122223333:key/k"),
                reserved_concurrency: Some(5),
            })),
        );
        let document = synth(&stack);
        let function = resource(&document, "aws_lambda_function", "orders_function");
        assert_eq!(
            function["kms_key_arn"],
            "arn:aws:kms:eu-west-1:111122223333:key/k"
        );
        assert_eq!(function["reserved_concurrent_executions"], 5);
        let logs = resource(&document, "aws_cloudwatch_log_group", "orders_logs");
        assert_eq!(
            logs["kms_key_id"],
            "arn:aws:kms:eu-west-1:111122223333:key/k"
        );
    }
}
