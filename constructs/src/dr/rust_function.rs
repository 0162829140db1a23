//! A Lambda function built from one of the project's Rust handlers, with its
//! log group and its own least-privilege role.

use std::collections::BTreeMap;

use crate::aws::Tags;
use crate::aws::cloudwatch::CloudwatchLogGroup;
use crate::aws::iam::Statement;
use crate::aws::lambda::{Environment, LambdaFunction, LoggingConfig};
use crate::core::{Expr, Meta, Ref, Scope};

use super::service_role::{ServiceRole, service_role};

/// Days the default profile keeps logs.
pub const LOG_RETENTION_DAYS: u32 = 7;

pub struct RustFunctionProps {
    /// The function's name, also the base of its role and log group names.
    pub function_name: String,
    /// The package built by `make lambdas`: `terraform/lambda/<package>.zip`.
    pub package: &'static str,
    pub environment: BTreeMap<String, Expr>,
    /// What the function may do besides writing its own logs.
    pub statements: Vec<Statement>,
    pub memory_mb: u32,
    pub timeout_seconds: u32,
}

pub struct RustFunction {
    pub function: Ref<LambdaFunction>,
    pub log_group: Ref<CloudwatchLogGroup>,
    pub execution: ServiceRole,
}

impl RustFunction {
    pub fn new(scope: &mut Scope<'_>, props: RustFunctionProps) -> Self {
        let log_group = scope.resource(
            "logs",
            CloudwatchLogGroup {
                name: format!("/aws/lambda/{}", props.function_name).into(),
                retention_in_days: LOG_RETENTION_DAYS,
                kms_key_id: None,
                tags: Tags::new(),
            },
        );
        let mut statements = vec![Statement::allow(
            "WriteOwnLogs",
            &["logs:CreateLogStream", "logs:PutLogEvents"],
            vec![Expr::template([log_group.arn(), Expr::literal(":*")])],
        )];
        statements.extend(props.statements);
        let execution = service_role(
            &mut scope.child("execution"),
            &props.function_name,
            "lambda.amazonaws.com",
            statements,
        );
        let zip = format!("lambda/{}.zip", props.package);
        let function = scope.resource_with(
            "function",
            LambdaFunction {
                function_name: props.function_name.into(),
                role: execution.role.arn(),
                runtime: "provided.al2023".to_owned(),
                handler: "bootstrap".to_owned(),
                architectures: vec!["x86_64".to_owned()],
                filename: Expr::module_file(&zip),
                source_code_hash: Expr::filebase64sha256(Expr::module_file(&zip)),
                memory_size: props.memory_mb,
                timeout: props.timeout_seconds,
                environment: Environment {
                    variables: props.environment,
                },
                logging_config: LoggingConfig {
                    log_format: "JSON".to_owned(),
                    log_group: log_group.name(),
                },
            },
            // The group must exist first, or Lambda creates one with no
            // retention that Terraform then fails to create.
            Meta::default().depends_on(&log_group),
        );
        Self {
            function,
            log_group,
            execution,
        }
    }
}
