//! Everything one region runs: network, payment API and function, queue
//! with its dead-letter queue, and the region's alarm topic. In the
//! production profile the region's key encrypts all of it, and the network
//! gets flow logs and a default security group without rules.

use std::collections::BTreeMap;

use constructs::aws::iam::{Condition, Statement};
use constructs::aws::name_tag;
use constructs::aws::sqs::RedrivePolicy;
use constructs::aws::sts::Account;
use constructs::bindings::aws::apigatewayv2::{
    Apigatewayv2Api, Apigatewayv2Authorizer, Apigatewayv2AuthorizerJwtConfiguration,
    Apigatewayv2Integration, Apigatewayv2Route, Apigatewayv2Stage,
    Apigatewayv2StageAccessLogSettings, Apigatewayv2StageDefaultRouteSettings,
};
use constructs::bindings::aws::lambda::{LambdaFunction, LambdaPermission};
use constructs::bindings::aws::logs::CloudwatchLogGroup;
use constructs::bindings::aws::servicequotas::DataServicequotasServiceQuota;
use constructs::bindings::aws::sns::{SnsTopic, SnsTopicSubscription};
use constructs::bindings::aws::sqs::SqsQueue;
use constructs::bindings::aws::vpc::DefaultSecurityGroup;
use constructs::bindings::aws::vpc::FlowLog;
use constructs::bindings::aws::vpc::SecurityGroup;
use constructs::bindings::aws::vpc::Subnet;
use constructs::bindings::aws::vpc::Vpc;
use constructs::core::{Expr, Meta, Postcondition, ProviderRef, Ref, Scope};

use constructs::dr::RegionRole;
use constructs::dr::failover_dns::reserved_url_pattern;
use constructs::dr::queue_replication::REPLICATOR_TIMEOUT_SECONDS;

use crate::config::{Config, PaymentAuth, UNRESERVED_CONCURRENCY_MINIMUM};
use crate::names::Names;
use crate::refused_payments::alarm_on_refused_payments;
use constructs::dr::rust_function::{FunctionHardening, RustFunction, RustFunctionProps};
use constructs::dr::service_role::service_role_trusting;

/// Receives before a message moves to the dead-letter queue: AWS's advised
/// minimum for a Lambda consumer.
pub const MAX_RECEIVE_COUNT: u32 = 5;
/// The same with reserved concurrency (production profile): a batch Lambda
/// throttles still counts as a receive, so the queue leaves room for a few
/// throttles on top of real failures before a message is dead-lettered.
pub const MAX_RECEIVE_COUNT_RESERVED: u32 = 10;
/// Stage throttling: sustained requests per second and burst.
pub const THROTTLE_RATE_PER_SECOND: f64 = 100.0;
pub const THROTTLE_BURST: u32 = 200;

/// The VPC's and the private subnet's ranges: distinct per region, so the
/// two VPCs can be peered later.
fn vpc_cidr(role: RegionRole) -> (&'static str, &'static str) {
    match role {
        RegionRole::Primary => ("10.10.0.0/16", "10.10.1.0/24"),
        RegionRole::Secondary => ("10.20.0.0/16", "10.20.1.0/24"),
    }
}

pub struct RegionalStackProps<'a> {
    pub config: &'a Config,
    pub names: &'a Names,
    pub role: RegionRole,
    /// The ARN of the global table's copy in this region.
    pub table_arn: Expr,
    pub account: &'a Account,
    pub table_name: String,
    /// The region's key (production profile).
    pub key_arn: Option<Expr>,
}

pub struct RegionalStack {
    pub role: RegionRole,
    pub provider: ProviderRef,
    pub region: String,
    pub api: Ref<Apigatewayv2Api>,
    pub stage: Ref<Apigatewayv2Stage>,
    pub payment: Ref<LambdaFunction>,
    pub payment_function_name: String,
    pub queue: Ref<SqsQueue>,
    pub dead_letter_queue: Ref<SqsQueue>,
    pub topic: Ref<SnsTopic>,
}

impl RegionalStack {
    pub fn new(scope: &mut Scope<'_>, props: RegionalStackProps<'_>) -> Self {
        let region = scope.region().to_owned();
        let names = props.names;
        let key = props.key_arn.as_ref();
        let log_retention_days = props.config.profile.log_retention_days();
        network(
            &mut scope.child("network"),
            names,
            props.role,
            &region,
            key.map(|key| FlowLogSettings {
                key,
                log_retention_days,
                account: props.account,
            }),
        );

        let payment_function_name = names.regional("payment", &region);
        let payment = RustFunction::new(
            &mut scope.child("payment"),
            RustFunctionProps {
                function_name: payment_function_name.clone(),
                package: "payment",
                environment: BTreeMap::from([
                    ("TABLE_NAME".to_owned(), Expr::literal(&props.table_name)),
                    ("REGION_ROLE".to_owned(), Expr::literal(props.role.id())),
                ]),
                // The table's copy here is encrypted with this region's key,
                // which `hardening` already lets the function use.
                statements: vec![Statement::allow(
                    "ReadWriteTransactions",
                    // Booking (conditional write), replays (read) and the
                    // health probe (conditional write).
                    &["dynamodb:PutItem", "dynamodb:GetItem"],
                    vec![props.table_arn.clone()],
                )],
                memory_mb: 256,
                timeout_seconds: 10,
                log_retention_days,
                hardening: key.map(|key| FunctionHardening {
                    key_arn: key.clone(),
                    reserved_concurrency: props.config.concurrency.payment,
                }),
                primary_only: false,
            },
        );
        let (api, stage, access_logs) = http_api(
            &mut scope.child("api"),
            ApiProps {
                names,
                region: &region,
                function: &payment.function,
                config: props.config,
                log_retention_days,
                key,
            },
        );
        let (queue, dead_letter_queue) = queues(&mut scope.child("queue"), names, &region, key);
        let topic = alert_topic(
            &mut scope.child("alerts"),
            names,
            &region,
            props.config,
            key,
        );
        if key.is_some() {
            let concurrency = props.config.concurrency;
            let reserved = match props.role {
                RegionRole::Primary => concurrency.primary_reserved(),
                RegionRole::Secondary => concurrency.secondary_reserved(),
            };
            if reserved > 0 {
                check_concurrency_quota(&mut scope.child("lambda_quota"), &region, reserved);
            }
        }
        if props.config.payment_auth != PaymentAuth::None {
            alarm_on_refused_payments(
                &mut scope.child("refused_payments"),
                names,
                &region,
                &access_logs,
                &topic,
            );
        }
        Self {
            role: props.role,
            provider: scope.provider().clone(),
            region,
            api,
            stage,
            payment: payment.function,
            payment_function_name,
            queue,
            dead_letter_queue,
            topic,
        }
    }
}

/// A minimal VPC with one private subnet and a security group that allows
/// nothing; the functions do not run inside it (they reach AWS APIs directly,
/// with no NAT gateway or endpoints to pay for). With `flow_logs` (the
/// production profile) the VPC logs its traffic.
fn network(
    scope: &mut Scope<'_>,
    names: &Names,
    role: RegionRole,
    region: &str,
    flow_logs: Option<FlowLogSettings<'_>>,
) {
    let (vpc_cidr, subnet_cidr) = vpc_cidr(role);
    let name = names.regional("payments", region);
    let vpc = scope.resource(
        "vpc",
        Vpc {
            cidr_block: Some(vpc_cidr.into()),
            enable_dns_support: Some(true.into()),
            enable_dns_hostnames: Some(true.into()),
            tags: name_tag(&name),
            ..Vpc::new()
        },
    );
    scope.resource(
        "private_subnet",
        Subnet {
            cidr_block: Some(subnet_cidr.into()),
            map_public_ip_on_launch: Some(false.into()),
            tags: name_tag(format!("{name}-private")),
            ..Subnet::new(vpc.id())
        },
    );
    scope.resource(
        "security_group",
        SecurityGroup {
            name: Some(name.clone().into()),
            description: Some("Payments workloads; no rules until something attaches to it".into()),
            vpc_id: Some(vpc.id()),
            // Empty lists, not absent: Terraform then removes any rule added
            // outside it (absent, the rules are left unmanaged).
            egress: Some(serde_json::json!([])),
            ingress: Some(serde_json::json!([])),
            tags: name_tag(&name),
            ..SecurityGroup::new()
        },
    );
    let Some(FlowLogSettings {
        key,
        log_retention_days,
        account,
    }) = flow_logs
    else {
        return;
    };
    scope.resource(
        "default_security_group",
        DefaultSecurityGroup {
            vpc_id: Some(vpc.id()),
            ingress: Some(serde_json::json!([])),
            egress: Some(serde_json::json!([])),
            tags: name_tag(format!("{name}-default-unused")),
            ..DefaultSecurityGroup::new()
        },
    );
    let flow_logs = scope.resource(
        "flow_logs",
        CloudwatchLogGroup {
            name: Some(format!("/aws/vpc/{name}/flow-logs").into()),
            retention_in_days: Some(log_retention_days.into()),
            kms_key_id: Some(key.clone()),
            ..CloudwatchLogGroup::new()
        },
    );
    // The role of the VPC guide: its five actions, here on this log group
    // (listing groups cannot name one), and a trust policy with its
    // confused-deputy conditions.
    let trust = Statement::assume_role("vpc-flow-logs.amazonaws.com")
        .when(Condition::test(
            "StringEquals",
            "aws:SourceAccount",
            vec![account.id.clone()],
        ))
        .when(Condition::test(
            "ArnLike",
            "aws:SourceArn",
            vec![account.arn("ec2", region, "vpc-flow-log/*")],
        ));
    let delivery = service_role_trusting(
        &mut scope.child("flow_logs_delivery"),
        &names.regional("payments-flow-logs", region),
        trust,
        vec![
            Statement::allow(
                "WriteFlowLogs",
                &[
                    "logs:CreateLogGroup",
                    "logs:CreateLogStream",
                    "logs:PutLogEvents",
                    "logs:DescribeLogStreams",
                ],
                vec![
                    flow_logs.arn(),
                    Expr::template([flow_logs.arn(), Expr::literal(":*")]),
                ],
            ),
            Statement::allow(
                "FindTheLogGroup",
                &["logs:DescribeLogGroups"],
                vec![account.arn("logs", region, "log-group:*")],
            ),
        ],
    );
    scope.resource(
        "flow_log",
        FlowLog {
            vpc_id: Some(vpc.id()),
            traffic_type: Some("ALL".into()),
            log_destination_type: Some("cloud-watch-logs".into()),
            log_destination: Some(flow_logs.arn()),
            iam_role_arn: Some(delivery.role.arn()),
            max_aggregation_interval: Some(600.into()),
            tags: name_tag(&name),
            ..FlowLog::new()
        },
    );
}

/// What the production profile's flow logs need.
struct FlowLogSettings<'a> {
    key: &'a Expr,
    log_retention_days: u32,
    account: &'a Account,
}

/// The HTTP API: `POST /payment` (authorized as configured), public
/// `GET /health` for Route 53, a throttled `$default` stage with JSON access
/// logs.
struct ApiProps<'a> {
    names: &'a Names,
    region: &'a str,
    function: &'a Ref<LambdaFunction>,
    config: &'a Config,
    log_retention_days: u32,
    key: Option<&'a Expr>,
}

fn http_api(
    scope: &mut Scope<'_>,
    props: ApiProps<'_>,
) -> (
    Ref<Apigatewayv2Api>,
    Ref<Apigatewayv2Stage>,
    Ref<CloudwatchLogGroup>,
) {
    let ApiProps {
        names,
        region,
        function,
        config,
        log_retention_days,
        key,
    } = props;
    let auth = config.payment_auth;
    let name = names.regional("payments", region);
    let api = scope.resource(
        "http_api",
        Apigatewayv2Api {
            description: Some("Payments API".into()),
            ..Apigatewayv2Api::new(&name, "HTTP")
        },
    );
    let integration = scope.resource(
        "payment_integration",
        Apigatewayv2Integration {
            integration_uri: Some(function.invoke_arn()),
            integration_method: Some("POST".into()),
            payload_format_version: Some("2.0".into()),
            timeout_milliseconds: Some(12_000.into()),
            ..Apigatewayv2Integration::new(api.id(), "AWS_PROXY")
        },
    );
    let target = Expr::template([Expr::literal("integrations/"), integration.id()]);
    let authorizer =
        (auth == PaymentAuth::Jwt).then(|| jwt_authorizer(scope, &api, &name, config).id());
    // Scopes are what tells an access token from an ID token.
    let scopes = authorizer
        .is_some()
        .then(|| config.jwt.scopes.iter().map(Expr::from).collect());
    let post_payment = Apigatewayv2Route {
        authorization_type: Some(auth.authorization_type().into()),
        authorizer_id: authorizer,
        authorization_scopes: scopes,
        target: Some(target.clone()),
        ..Apigatewayv2Route::new(api.id(), "POST /payment")
    };
    let meta = match auth {
        PaymentAuth::Jwt | PaymentAuth::AwsIam => Meta::default(),
        PaymentAuth::None => Meta::default().suppress(
            "SEC006",
            "authorization turned off by the operator (--payment-auth none)",
        ),
    };
    scope.resource_with("post_payment", post_payment, meta);
    scope.resource(
        "get_health",
        Apigatewayv2Route {
            authorization_type: Some("NONE".into()),
            target: Some(target),
            ..Apigatewayv2Route::new(api.id(), "GET /health")
        },
    );
    // Renamed from `access_logs` (under /aws/apigateway/): the old group is
    // forgotten, not deleted, so the logs it holds stay until their
    // retention ends.
    scope.forget::<CloudwatchLogGroup>("access_logs");
    let access_logs = scope.resource(
        "vended_access_logs",
        CloudwatchLogGroup {
            // API Gateway delivers access logs as vended logs, through the
            // account's CloudWatch Logs resource policy (at most 5,120
            // characters); names under /aws/vendedlogs/ share one entry of
            // it instead of adding one per log group.
            name: Some(format!("/aws/vendedlogs/apigateway/{name}").into()),
            retention_in_days: Some(log_retention_days.into()),
            kms_key_id: key.cloned(),
            ..CloudwatchLogGroup::new()
        },
    );
    let stage = scope.resource(
        "stage",
        Apigatewayv2Stage {
            auto_deploy: Some(true.into()),
            default_route_settings: Some(Apigatewayv2StageDefaultRouteSettings {
                throttling_burst_limit: Some(THROTTLE_BURST.into()),
                throttling_rate_limit: Some(THROTTLE_RATE_PER_SECOND.into()),
                detailed_metrics_enabled: Some(true.into()),
                ..Apigatewayv2StageDefaultRouteSettings::new()
            }),
            access_log_settings: Some(Apigatewayv2StageAccessLogSettings::new(
                access_logs.arn(),
                access_log_format(),
            )),
            ..Apigatewayv2Stage::new(api.id(), "$default")
        },
    );
    scope.resource(
        "invoke_permission",
        LambdaPermission {
            statement_id: Some("AllowApiGatewayInvoke".into()),
            source_arn: Some(Expr::template([api.execution_arn(), Expr::literal("/*/*")])),
            ..LambdaPermission::new(
                "lambda:InvokeFunction",
                function.function_name(),
                "apigateway.amazonaws.com",
            )
        },
    );
    (api, stage, access_logs)
}

/// Verifies tokens of the configured issuer. Both regions' authorizers are
/// built from the same settings and read the issuer's keys themselves, so
/// a token valid in one region is valid in the other. A placeholder issuer
/// passes synth (for the demo and the emulator) and stops `terraform plan`.
fn jwt_authorizer(
    scope: &mut Scope<'_>,
    api: &Ref<Apigatewayv2Api>,
    name: &str,
    config: &Config,
) -> Ref<Apigatewayv2Authorizer> {
    let issuer = config.jwt_issuer().to_owned();
    let placeholder = Postcondition::not_matching(
        &reserved_url_pattern(),
        Expr::self_attribute("jwt_configuration")
            .index(0)
            .get("issuer"),
        format!(
            "The JWT issuer {issuer} is a placeholder that can issue no token. Synthesize with \
             --jwt-issuer <your identity provider's issuer URL> (and --jwt-audience), or with \
             --payment-auth aws-iam, whose requests fail after a failover (see the README)."
        ),
    );
    scope.resource_with(
        "jwt_authorizer",
        Apigatewayv2Authorizer {
            identity_sources: Some(vec!["$request.header.Authorization".into()].into()),
            jwt_configuration: Some(Apigatewayv2AuthorizerJwtConfiguration {
                issuer: Some(issuer.into()),
                audience: Some(config.jwt.audience.iter().map(Expr::from).collect()),
            }),
            ..Apigatewayv2Authorizer::new(api.id(), "JWT", format!("{name}-jwt"))
        },
        Meta::default().postcondition(placeholder),
    )
}

/// Lambda refuses a reservation that leaves fewer than 100 concurrent
/// executions unreserved, at apply, after other resources are created.
/// The region's "Concurrent executions" quota, read at plan time, must hold
/// the stack's reservations there and those 100, or the plan stops.
fn check_concurrency_quota(scope: &mut Scope<'_>, region: &str, reserved: u32) {
    let needed = reserved + UNRESERVED_CONCURRENCY_MINIMUM;
    scope.data_with(
        "concurrent_executions",
        DataServicequotasServiceQuota {
            quota_code: Some(LAMBDA_CONCURRENCY_QUOTA_CODE.into()),
            ..DataServicequotasServiceQuota::new("lambda")
        },
        Meta::default().postcondition(Postcondition {
            condition: Expr::self_attribute("value").at_least(u64::from(needed)),
            error_message: format!(
                "This stack reserves {reserved} concurrent executions for its functions in {region}, and \
                 Lambda keeps {UNRESERVED_CONCURRENCY_MINIMUM} unreserved, so the account's \
                 \"Concurrent executions\" quota there must be at least {needed}; it is lower (new accounts \
                 start low). Request an increase in Service Quotas (Lambda, {LAMBDA_CONCURRENCY_QUOTA_CODE}) \
                 in {region}, or synthesize with smaller --payment-reserved-concurrency and \
                 --replicator-reserved-concurrency, or without them. Reservations of other stacks in the \
                 account take from the same quota."
            ),
        }),
    );
}

/// Service Quotas' code of Lambda's "Concurrent executions" quota.
pub const LAMBDA_CONCURRENCY_QUOTA_CODE: &str = "L-B99A9384";

fn access_log_format() -> String {
    let fields = BTreeMap::from([
        ("requestId", "$context.requestId"),
        ("sourceIp", "$context.identity.sourceIp"),
        ("requestTime", "$context.requestTime"),
        ("routeKey", "$context.routeKey"),
        ("status", "$context.status"),
        ("responseLength", "$context.responseLength"),
        ("integrationLatency", "$context.integrationLatency"),
        ("integrationError", "$context.integrationErrorMessage"),
        // Why the JWT authorizer refused a request (a 401 says nothing).
        ("authorizerError", "$context.authorizer.error"),
    ]);
    serde_json::to_string(&fields).expect("a map of strings serializes")
}

/// The region's queue and its dead-letter queue, both encrypted: with the
/// region's key when there is one, with SQS's own otherwise.
fn queues(
    scope: &mut Scope<'_>,
    names: &Names,
    region: &str,
    key: Option<&Expr>,
) -> (Ref<SqsQueue>, Ref<SqsQueue>) {
    let sqs_managed_sse_enabled = key.is_none().then_some(true.into());
    let dead_letter_queue = scope.resource(
        "dead_letter",
        SqsQueue {
            name: Some(names.regional("payments-dlq", region).into()),
            // The longest SQS allows, to leave time to inspect and redrive.
            message_retention_seconds: Some((14 * 24 * 3600).into()),
            visibility_timeout_seconds: Some(30.into()),
            sqs_managed_sse_enabled: sqs_managed_sse_enabled.clone(),
            kms_master_key_id: key.cloned(),
            ..SqsQueue::new()
        },
    );
    let queue = scope.resource(
        "main",
        SqsQueue {
            name: Some(names.regional("payments", region).into()),
            message_retention_seconds: Some((4 * 24 * 3600).into()),
            visibility_timeout_seconds: Some((6 * REPLICATOR_TIMEOUT_SECONDS).into()),
            sqs_managed_sse_enabled,
            kms_master_key_id: key.cloned(),
            redrive_policy: Some(Expr::jsonencode(&RedrivePolicy {
                dead_letter_target_arn: dead_letter_queue.arn(),
                max_receive_count: if key.is_some() {
                    MAX_RECEIVE_COUNT_RESERVED
                } else {
                    MAX_RECEIVE_COUNT
                },
            })),
            ..SqsQueue::new()
        },
    );
    (queue, dead_letter_queue)
}

/// The topic this region's alarms notify. CloudWatch cannot publish to a
/// topic in another region, so each region has its own.
pub fn alert_topic(
    scope: &mut Scope<'_>,
    names: &Names,
    region: &str,
    config: &Config,
    key: Option<&Expr>,
) -> Ref<SnsTopic> {
    let topic = SnsTopic {
        name: Some(names.regional("payments-alerts", region).into()),
        kms_master_key_id: key.cloned(),
        ..SnsTopic::new()
    };
    let meta = match key {
        Some(_) => Meta::default(),
        None => Meta::default().suppress(
            "SEC003",
            "CloudWatch alarms cannot publish to a topic encrypted with the AWS-managed SNS key, \
             and the default profile has no customer-managed key; alarm messages hold no payment data",
        ),
    };
    let topic = scope.resource_with("topic", topic, meta);
    if let Some(email) = &config.alert_email {
        scope.resource(
            "email",
            SnsTopicSubscription::new(email, "email", topic.arn()),
        );
    }
    topic
}
