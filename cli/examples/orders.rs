//! An active-passive orders service in eu-west-1 / eu-central-1, built only
//! from the public API of `constructs` and `synth`:
//!
//! - a global table keyed on `tenant_id` + `order_id`,
//! - a replicated bucket for invoices,
//! - per region an HTTP API and a Lambda function (the app's own pieces),
//! - failover DNS with 10-second health checks and a 2-minute recovery
//!   target, which synth refuses to write if the settings cannot meet it,
//! - replication alarms from the library's monitoring blocks.
//!
//! `cargo run --example orders -- --out DIR [--env prod] [--domain ...]`
//! writes DIR/main.tf.json and prints the DR report; `audit`, `graph` and
//! `plan-summary` work as for the payments app. The handler package is
//! expected at DIR/lambda/orders.zip.

use std::collections::BTreeMap;
use std::process::ExitCode;

use constructs::Synthesis;
use constructs::aws::iam::Statement;
use constructs::aws::sts::Account;
use constructs::bindings::aws::apigatewayv2::{
    Apigatewayv2Api, Apigatewayv2Authorizer, Apigatewayv2AuthorizerJwtConfiguration,
    Apigatewayv2Integration, Apigatewayv2Route, Apigatewayv2Stage,
    Apigatewayv2StageAccessLogSettings, Apigatewayv2StageDefaultRouteSettings,
};
use constructs::bindings::aws::lambda::LambdaPermission;
use constructs::bindings::aws::logs::CloudwatchLogGroup;
use constructs::bindings::aws::sns::SnsTopic;
use constructs::core::{App, AwsProvider, Expr, Meta, Output, ProviderRef, Ref, Scope, Stack};
use constructs::dr::RegionRole;
use constructs::dr::failover_dns::{
    FailoverDns, FailoverDnsProps, FailoverEndpoint, HealthCheck, HostedZone, drill_variable,
};
use constructs::dr::global_table::{GlobalTable, GlobalTableProps, Key, TableReplica};
use constructs::dr::monitoring::Alarm;
use constructs::dr::replicated_bucket::{ReplicatedBucket, ReplicatedBucketProps};
use constructs::dr::rust_function::{RustFunction, RustFunctionProps};
use constructs::rules::{Context, Posture};
use drsynth_cli::Refused;

/// The orders service's own settings, as flags.
#[derive(Debug, clap::Args)]
struct OrdersSettings {
    /// Suffix of every name.
    #[arg(long, global = true, default_value = "dev")]
    env: String,
    /// The hosted zone the stack creates; clients call api.<DOMAIN>.
    #[arg(long, global = true, default_value = "orders.acme-corp.io")]
    domain: String,
    /// Issuer of the JWTs the API accepts.
    #[arg(long, global = true, default_value = "https://login.acme-corp.io/")]
    jwt_issuer: String,
}

const PRIMARY: &str = "eu-west-1";
const SECONDARY: &str = "eu-central-1";
/// The recovery time the business asked for: two minutes.
const RTO_SECONDS: u32 = 120;

fn main() -> ExitCode {
    drsynth_cli::main(orders)
}

fn orders(settings: &OrdersSettings) -> Result<Synthesis, Refused> {
    let env = &settings.env;
    let mut stack = Stack::new("orders");
    let primary = stack.provider(AwsProvider::new("primary", PRIMARY).tag("Environment", env));
    let secondary =
        stack.provider(AwsProvider::new("secondary", SECONDARY).tag("Environment", env));
    let mut root = stack.scope(&primary);
    // `terraform apply -var failover_drill=true` rehearses a failover.
    let drill = drill_variable(&mut root);
    let account = Account::lookup(&mut root);

    let table = GlobalTable::new(
        &mut root.child("orders"),
        GlobalTableProps {
            range_key: Some(Key::string("order_id")),
            ..GlobalTableProps::new(
                &format!("orders-{env}"),
                Key::string("tenant_id"),
                vec![TableReplica::in_region(SECONDARY)],
            )
        },
    );
    let invoices = ReplicatedBucket::new(
        &mut root.child("invoices"),
        &secondary,
        ReplicatedBucketProps {
            source_name: bucket_name(env, PRIMARY, &account),
            destination_name: bucket_name(env, SECONDARY, &account),
            replication_role_name: format!("orders-invoices-replication-{env}"),
            hardening: None,
        },
    );
    let regions: Vec<Regional> = [
        (RegionRole::Primary, &primary),
        (RegionRole::Secondary, &secondary),
    ]
    .into_iter()
    .map(|(role, provider)| {
        let region = provider.region().to_owned();
        Regional::new(
            &mut root.child_in(role.id(), provider),
            settings,
            &region,
            table.arn_in(&region, &account),
        )
    })
    .collect();
    let dns = FailoverDns::new(
        &mut root.child("dns"),
        FailoverDnsProps {
            zone: HostedZone::Create {
                domain: settings.domain.clone(),
                comment: format!("Orders API failover ({env})"),
                reserved_domain_remedy: Some(
                    "Run the example with --domain <a domain you own>.".to_owned(),
                ),
            },
            record_name: format!("api.{}", settings.domain),
            primary: regions[0].endpoint(settings),
            secondary: regions[1].endpoint(settings),
            health_check: HealthCheck {
                path: "/health".to_owned(),
                interval_seconds: 10,
                failure_threshold: 3,
            },
            custom_domains: true,
            cname_ttl_seconds: 60,
            hardening: None,
            drill: Some(drill),
            recovery_control: None,
        },
    );
    alarms(&mut root, &secondary, env, &table, &invoices);
    root.output(
        "orders_api_url",
        Output::new(
            Expr::literal(format!("https://{}", dns.api_domain)),
            "The URL clients call; Route 53 answers with the healthy region",
        ),
    );
    root.output(
        "invoices_bucket",
        Output::new(invoices.source.bucket(), "Where invoices are written"),
    );
    let mut app = App::new();
    app.add_stack(stack);
    let rules = Context {
        name_suffix: Some(env.clone()),
        posture: Posture::Disposable,
    };
    let mut synthesis = Synthesis::new("orders API, active-passive across two regions", app, rules);
    synthesis.rto_target_seconds = Some(RTO_SECONDS);
    Ok(synthesis)
}

/// Replication alarms where replication starts, each notifying a topic of
/// its own region (an alarm cannot notify another region's topic): to the
/// secondary in the primary, and back to the primary in the secondary,
/// which is what failback waits for after a failover.
fn alarms(
    root: &mut Scope<'_>,
    secondary: &ProviderRef,
    env: &str,
    table: &GlobalTable,
    invoices: &ReplicatedBucket,
) {
    let topic = alerts_topic(root, format!("orders-alerts-{env}"));
    let mut scope = root.child("alarms");
    Alarm::table_replication_latency(
        format!("orders-replication-latency-{env}"),
        &table.name,
        SECONDARY,
    )
    .create(&mut scope, &topic);
    for alarm in Alarm::bucket_replication(
        invoices,
        format!("orders-invoices-replication-failed-{env}"),
        format!("orders-invoices-replication-late-{env}"),
    ) {
        alarm.create(&mut scope, &topic);
    }
    let mut back = root.child_in("secondary", secondary);
    let topic = alerts_topic(&mut back, format!("orders-alerts-{SECONDARY}-{env}"));
    Alarm::table_replication_latency(
        format!("orders-replication-back-latency-{env}"),
        &table.name,
        PRIMARY,
    )
    .create(&mut back.child("alarms"), &topic);
}

fn alerts_topic(scope: &mut Scope<'_>, name: String) -> Ref<SnsTopic> {
    scope.resource_with(
        "alerts",
        SnsTopic {
            name: Some(name.into()),
            ..SnsTopic::new()
        },
        // A rule finding accepted with its reason, as the audit shows.
        Meta::default().suppress(
            "SEC003",
            "CloudWatch alarms cannot publish to a topic encrypted with the AWS-managed SNS key; \
             the alarms carry no order data",
        ),
    )
}

/// `orders-invoices-<env>-<account>-<region>`: bucket names are global.
fn bucket_name(env: &str, region: &str, account: &Account) -> Expr {
    Expr::template([
        Expr::literal(format!("orders-invoices-{env}-")),
        account.id.clone(),
        Expr::literal(format!("-{region}")),
    ])
}

/// What one region runs: the orders function behind an HTTP API.
struct Regional {
    provider: ProviderRef,
    region: String,
    api: Ref<Apigatewayv2Api>,
    stage: Ref<Apigatewayv2Stage>,
}

impl Regional {
    fn new(
        scope: &mut Scope<'_>,
        settings: &OrdersSettings,
        region: &str,
        table_arn: Expr,
    ) -> Self {
        let env = &settings.env;
        let name = format!("orders-{region}-{env}");
        let function = RustFunction::new(
            &mut scope.child("function"),
            RustFunctionProps {
                function_name: name.clone(),
                package: "orders",
                environment: BTreeMap::from([(
                    "TABLE_NAME".to_owned(),
                    Expr::literal(format!("orders-{env}")),
                )]),
                statements: vec![Statement::allow(
                    "ReadWriteOrders",
                    &["dynamodb:PutItem", "dynamodb:GetItem", "dynamodb:Query"],
                    vec![table_arn],
                )],
                memory_mb: 256,
                timeout_seconds: 10,
                log_retention_days: 30,
                hardening: None,
                primary_only: false,
            },
        )
        .function;
        let mut api_scope = scope.child("api");
        let api = api_scope.resource(
            "http_api",
            Apigatewayv2Api {
                description: Some("Orders API".into()),
                ..Apigatewayv2Api::new(&name, "HTTP")
            },
        );
        let integration = api_scope.resource(
            "integration",
            Apigatewayv2Integration {
                integration_uri: Some(function.invoke_arn()),
                integration_method: Some("POST".into()),
                payload_format_version: Some("2.0".into()),
                timeout_milliseconds: Some(12_000.into()),
                ..Apigatewayv2Integration::new(api.id(), "AWS_PROXY")
            },
        );
        // The same issuer and audience in both regions: a token survives
        // a failover.
        let authorizer = api_scope.resource(
            "jwt_authorizer",
            Apigatewayv2Authorizer {
                identity_sources: Some(vec!["$request.header.Authorization".into()].into()),
                jwt_configuration: Some(Apigatewayv2AuthorizerJwtConfiguration {
                    issuer: Some(settings.jwt_issuer.as_str().into()),
                    audience: Some(vec!["orders-api".into()].into()),
                }),
                ..Apigatewayv2Authorizer::new(api.id(), "JWT", format!("{name}-jwt"))
            },
        );
        let target = Expr::template([Expr::literal("integrations/"), integration.id()]);
        for (construct, route_key, authorized) in [
            ("post_order", "POST /orders", true),
            ("get_order", "GET /orders/{order_id}", true),
            // Route 53 probes it without credentials.
            ("get_health", "GET /health", false),
        ] {
            api_scope.resource(
                construct,
                Apigatewayv2Route {
                    authorization_type: Some(if authorized { "JWT" } else { "NONE" }.into()),
                    authorizer_id: authorized.then(|| authorizer.id()),
                    target: Some(target.clone()),
                    ..Apigatewayv2Route::new(api.id(), route_key)
                },
            );
        }
        let access_logs = api_scope.resource(
            "access_logs",
            CloudwatchLogGroup {
                name: Some(format!("/aws/vendedlogs/apigateway/{name}").into()),
                retention_in_days: Some(30.into()),
                ..CloudwatchLogGroup::new()
            },
        );
        let stage = api_scope.resource(
            "stage",
            Apigatewayv2Stage {
                auto_deploy: Some(true.into()),
                default_route_settings: Some(Apigatewayv2StageDefaultRouteSettings {
                    throttling_burst_limit: Some(100.into()),
                    throttling_rate_limit: Some(50.0.into()),
                    detailed_metrics_enabled: Some(true.into()),
                    ..Apigatewayv2StageDefaultRouteSettings::new()
                }),
                access_log_settings: Some(Apigatewayv2StageAccessLogSettings::new(
                    access_logs.arn(),
                    r#"{"requestId":"$context.requestId","routeKey":"$context.routeKey","status":"$context.status"}"#,
                )),
                ..Apigatewayv2Stage::new(api.id(), "$default")
            },
        );
        api_scope.resource(
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
        Self {
            provider: scope.provider().clone(),
            region: region.to_owned(),
            api,
            stage,
        }
    }

    /// This region behind the failover name.
    fn endpoint(&self, settings: &OrdersSettings) -> FailoverEndpoint {
        FailoverEndpoint {
            provider: self.provider.clone(),
            api: self.api.clone(),
            stage: self.stage.clone(),
            regional_name: format!("api-{}.{}", self.region, settings.domain),
            health_check_name: format!("orders-{}-{}", self.region, settings.env),
        }
    }
}
