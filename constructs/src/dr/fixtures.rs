//! A small active-passive stack built only from the library, with provider
//! and construct names unlike the payments app's, for the rules' and the
//! report's tests.

use crate::aws::apigatewayv2::{
    AccessLogSettings, Apigatewayv2Api, Apigatewayv2Route, Apigatewayv2Stage, RouteSettings,
};
use crate::core::{AwsProvider, Expr, ProviderRef, Ref, Scope, Stack};

use super::failover_dns::{
    FailoverDns, FailoverDnsProps, FailoverEndpoint, HealthCheck, HostedZone,
};
use super::global_table::{GlobalTable, GlobalTableProps, Key, TableReplica};
use super::replicated_bucket::{ReplicatedBucket, ReplicatedBucketProps};

/// What the fixture puts in the stack.
pub struct Parts {
    pub table: bool,
    pub bucket: bool,
    /// `Some(custom_domains)` adds failover DNS.
    pub dns: Option<bool>,
}

/// `eu-west-1` (alias `west`) serves, `eu-central-1` (alias `central`)
/// stands by.
pub fn stack(parts: Parts) -> Stack {
    let mut stack = Stack::new("orders");
    let west = stack.provider(AwsProvider::new("west", "eu-west-1"));
    let central = stack.provider(AwsProvider::new("central", "eu-central-1"));
    if parts.table {
        GlobalTable::new(
            &mut stack.scope(&west).child("ledger"),
            GlobalTableProps::new(
                "orders-test",
                Key::string("tenant_id"),
                vec![TableReplica::in_region("eu-central-1")],
            ),
        );
    }
    if parts.bucket {
        ReplicatedBucket::new(
            &mut stack.scope(&west).child("invoices"),
            &central,
            ReplicatedBucketProps {
                source_name: Expr::literal("invoices-test-eu-west-1"),
                destination_name: Expr::literal("invoices-test-eu-central-1"),
                replication_role_name: "invoices-replication-test".to_owned(),
                hardening: None,
            },
        );
    }
    if let Some(custom_domains) = parts.dns {
        let (west_api, west_stage) = api(&mut stack.scope(&west).child("web_a"));
        let (central_api, central_stage) = api(&mut stack.scope(&central).child("web_b"));
        FailoverDns::new(
            &mut stack.scope(&west).child("names"),
            FailoverDnsProps {
                zone: HostedZone::Existing {
                    zone_id: "Z0123456789".to_owned(),
                },
                record_name: "api.orders.acme-corp.io".to_owned(),
                primary: endpoint(&west, &west_api, &west_stage),
                secondary: endpoint(&central, &central_api, &central_stage),
                health_check: HealthCheck {
                    path: "/ready".to_owned(),
                    interval_seconds: 10,
                    failure_threshold: 3,
                },
                custom_domains,
                cname_ttl_seconds: 30,
                hardening: None,
            },
        );
    }
    stack
}

fn endpoint<'a>(
    provider: &'a ProviderRef,
    api: &'a Ref<Apigatewayv2Api>,
    stage: &'a Ref<Apigatewayv2Stage>,
) -> FailoverEndpoint<'a> {
    FailoverEndpoint {
        provider,
        api,
        stage,
        regional_name: format!("api-{}.orders.acme-corp.io", provider.region()),
        health_check_name: format!("orders-{}", provider.region()),
    }
}

/// An HTTP API with an open `GET /ready` (what the health checks probe)
/// and `POST /orders` behind IAM authorization.
fn api(scope: &mut Scope<'_>) -> (Ref<Apigatewayv2Api>, Ref<Apigatewayv2Stage>) {
    let api = scope.resource(
        "api",
        Apigatewayv2Api {
            name: format!("orders-{}-test", scope.region()).into(),
            protocol_type: "HTTP".to_owned(),
            description: "Orders".to_owned(),
            tags: Default::default(),
        },
    );
    for (name, route_key, authorization) in [
        ("ready", "GET /ready", "NONE"),
        ("orders", "POST /orders", "AWS_IAM"),
    ] {
        scope.resource(
            name,
            Apigatewayv2Route {
                api_id: api.id(),
                route_key: route_key.to_owned(),
                authorization_type: authorization.to_owned(),
                authorizer_id: None,
                target: Expr::literal("integrations/none"),
            },
        );
    }
    let stage = scope.resource(
        "stage",
        Apigatewayv2Stage {
            api_id: api.id(),
            name: "$default".to_owned(),
            auto_deploy: true,
            default_route_settings: RouteSettings {
                throttling_burst_limit: 10,
                throttling_rate_limit: 5.0,
                detailed_metrics_enabled: true,
            },
            access_log_settings: AccessLogSettings {
                destination_arn: Expr::literal("log-group-arn"),
                format: Expr::literal("{}"),
            },
            tags: Default::default(),
        },
    );
    (api, stage)
}
