//! A small active-passive stack built only from the library, with provider
//! and construct names unlike the payments app's, for the rules' and the
//! report's tests.

use crate::bindings::aws::apigatewayv2::{
    Apigatewayv2Api, Apigatewayv2Route, Apigatewayv2Stage, Apigatewayv2StageAccessLogSettings,
    Apigatewayv2StageDefaultRouteSettings,
};
use crate::bindings::aws::sqs::SqsQueue;
use crate::core::{AwsProvider, Expr, ProviderRef, Ref, Scope, Stack};

use super::failover_dns::{
    FailoverDns, FailoverDnsProps, FailoverEndpoint, HealthCheck, HostedZone, drill_variable,
};
use super::global_table::{GlobalTable, GlobalTableProps, Key, TableReplica};
use super::queue_replication::{QueueReplication, QueueReplicationProps};
use super::recovery_control::RecoveryControlProps;
use super::replicated_bucket::{ReplicatedBucket, ReplicatedBucketProps};

/// What the fixture puts in the stack.
pub struct Parts {
    pub table: bool,
    pub bucket: bool,
    /// `Some(custom_domains)` adds failover DNS.
    pub dns: Option<bool>,
    /// A queue in each region, the first forwarded to the second.
    pub queues: bool,
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
    if parts.queues {
        let queue = |name: &str| SqsQueue {
            name: Some(name.into()),
            message_retention_seconds: Some(345_600.into()),
            visibility_timeout_seconds: Some(180.into()),
            sqs_managed_sse_enabled: Some(true.into()),
            ..SqsQueue::new()
        };
        let source = stack
            .scope(&west)
            .resource("jobs_west", queue("jobs-test-eu-west-1"));
        let destination = stack
            .scope(&central)
            .resource("jobs_central", queue("jobs-test-eu-central-1"));
        QueueReplication::new(
            &mut stack.scope(&west).child("forward"),
            QueueReplicationProps {
                function_name: "jobs-forwarder-test".to_owned(),
                source,
                destination,
                destination_region: "eu-central-1".to_owned(),
                log_retention_days: 7,
                keys: None,
                reserved_concurrency: Some(10),
            },
        );
    }
    if let Some(custom_domains) = parts.dns {
        let drill = drill_variable(&mut stack.scope(&west));
        failover_dns(
            &mut stack,
            [&west, &central],
            custom_domains,
            Some(drill),
            None,
        );
    }
    stack
}

/// Failover DNS for `api.orders.acme-corp.io` between an API in each of the
/// two regions (primary first), under `names`.
pub(crate) fn failover_dns(
    stack: &mut Stack,
    [primary, secondary]: [&ProviderRef; 2],
    custom_domains: bool,
    drill: Option<Expr>,
    recovery_control: Option<RecoveryControlProps>,
) {
    let (primary_api, primary_stage) = api(&mut stack.scope(primary).child("web_a"));
    let (secondary_api, secondary_stage) = api(&mut stack.scope(secondary).child("web_b"));
    FailoverDns::new(
        &mut stack.scope(primary).child("names"),
        FailoverDnsProps {
            zone: HostedZone::Existing {
                zone_id: "Z0123456789".to_owned(),
            },
            record_name: "api.orders.acme-corp.io".to_owned(),
            primary: endpoint(primary, &primary_api, &primary_stage),
            secondary: endpoint(secondary, &secondary_api, &secondary_stage),
            health_check: HealthCheck {
                path: "/ready".to_owned(),
                interval_seconds: 10,
                failure_threshold: 3,
            },
            custom_domains,
            cname_ttl_seconds: 30,
            hardening: None,
            drill,
            recovery_control,
        },
    );
}

fn endpoint(
    provider: &ProviderRef,
    api: &Ref<Apigatewayv2Api>,
    stage: &Ref<Apigatewayv2Stage>,
) -> FailoverEndpoint {
    FailoverEndpoint {
        provider: provider.clone(),
        api: api.clone(),
        stage: stage.clone(),
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
            description: Some("Orders".into()),
            ..Apigatewayv2Api::new(format!("orders-{}-test", scope.region()), "HTTP")
        },
    );
    for (name, route_key, authorization) in [
        ("ready", "GET /ready", "NONE"),
        ("orders", "POST /orders", "AWS_IAM"),
    ] {
        scope.resource(
            name,
            Apigatewayv2Route {
                authorization_type: Some(authorization.into()),
                target: Some(Expr::literal("integrations/none")),
                ..Apigatewayv2Route::new(api.id(), route_key)
            },
        );
    }
    let stage = scope.resource(
        "stage",
        Apigatewayv2Stage {
            auto_deploy: Some(true.into()),
            default_route_settings: Some(Apigatewayv2StageDefaultRouteSettings {
                throttling_burst_limit: Some(10.into()),
                throttling_rate_limit: Some(5.0.into()),
                detailed_metrics_enabled: Some(true.into()),
                ..Apigatewayv2StageDefaultRouteSettings::new()
            }),
            access_log_settings: Some(Apigatewayv2StageAccessLogSettings::new(
                Expr::literal("log-group-arn"),
                Expr::literal("{}"),
            )),
            ..Apigatewayv2Stage::new(api.id(), "$default")
        },
    );
    (api, stage)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::testing::synth_errors;

    #[test]
    fn constructs_refuse_props_aws_would_refuse_or_that_do_not_fail_over() {
        let mut stack = Stack::new("bad");
        let west = stack.provider(AwsProvider::new("west", "eu-west-1"));
        GlobalTable::new(
            &mut stack.scope(&west).child("ledger"),
            GlobalTableProps {
                range_key: Some(Key::string("id")),
                ..GlobalTableProps::new(
                    "ledger-test",
                    Key::string("id"),
                    vec![TableReplica::in_region("eu-west-1")],
                )
            },
        );
        let (api, stage) = api(&mut stack.scope(&west).child("web"));
        FailoverDns::new(
            &mut stack.scope(&west).child("names"),
            FailoverDnsProps {
                zone: HostedZone::Existing {
                    zone_id: "Z0123456789".to_owned(),
                },
                record_name: "api.orders.acme-corp.io".to_owned(),
                primary: endpoint(&west, &api, &stage),
                secondary: endpoint(&west, &api, &stage),
                health_check: HealthCheck {
                    path: "ready".to_owned(),
                    interval_seconds: 15,
                    failure_threshold: 0,
                },
                custom_domains: false,
                cname_ttl_seconds: 60,
                hardening: None,
                drill: None,
                recovery_control: None,
            },
        );
        let errors = synth_errors(&stack);
        let expected = [
            "construct `bad/ledger`: table `ledger-test` has a replica in eu-west-1, its own region",
            "construct `bad/ledger`: table `ledger-test` uses `id` as both keys",
            "construct `bad/names`: health-check interval `15`: Route 53 checks every 10 or every 30 seconds",
            "health-check failure threshold `0`: Route 53 accepts 1-10 consecutive failures",
            "health-check path `ready`: Route 53 requests the path as given, and it must start with `/`",
            "the primary and the secondary endpoint are both in eu-west-1",
        ];
        for text in expected {
            assert!(
                errors.iter().any(|e| e.contains(text)),
                "{text}: {errors:#?}"
            );
        }
    }
}
