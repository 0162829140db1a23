//! DNS failover: one name for clients, answered by the primary region while
//! its health check passes and by the secondary otherwise.
//!
//! With custom domains on (the default), each region gets an ACM certificate
//! for `api.<domain>` validated through the zone, a regional API Gateway
//! custom domain and an API mapping, and the failover records are aliases to
//! those domains, so HTTPS on `api.<domain>` works in either region. With
//! custom domains off (an undelegated demo domain, where certificates cannot
//! validate), the failover records are CNAMEs to the execute-api hostnames:
//! DNS failover still happens, but HTTPS clients calling `api.<domain>` get a
//! certificate for the wrong name.

use crate::aws::Tags;
use crate::aws::acm::{AcmCertificate, AcmCertificateValidation};
use crate::aws::apigatewayv2::{
    Apigatewayv2Api, Apigatewayv2ApiMapping, Apigatewayv2DomainName, Apigatewayv2Stage,
    DomainNameConfiguration,
};
use crate::aws::route53::{
    Alias, FailoverRoutingPolicy, Route53HealthCheck, Route53Record, Route53Zone,
};
use crate::core::{Expr, ProviderRef, Ref, Scope};

use super::config::Config;
use super::regional_stack::RegionRole;

/// One region's endpoint behind the failover name.
pub struct FailoverTarget<'a> {
    pub role: RegionRole,
    pub provider: &'a ProviderRef,
    pub api: &'a Ref<Apigatewayv2Api>,
    pub stage: &'a Ref<Apigatewayv2Stage>,
}

pub struct FailoverDns {
    pub zone_id: Expr,
    /// The zone's name servers, when the stack created the zone.
    pub name_servers: Option<Expr>,
    /// The health checks, primary first.
    pub health_checks: Vec<(RegionRole, Ref<Route53HealthCheck>)>,
    pub api_domain: String,
}

impl FailoverDns {
    /// `scope` is bound to the provider Route 53 (a global service) is
    /// managed through.
    pub fn new(scope: &mut Scope<'_>, config: &Config, targets: &[FailoverTarget<'_>]) -> Self {
        let domain = config.domain();
        let api_domain = config.api_domain();
        let (zone_id, name_servers) = match &config.hosted_zone_id {
            Some(existing) => (Expr::literal(existing), None),
            None => {
                let zone = scope.resource(
                    "zone",
                    Route53Zone {
                        name: domain.into(),
                        comment: format!("Payments API failover ({})", config.env),
                        force_destroy: true,
                        tags: Tags::new(),
                    },
                );
                (zone.zone_id(), Some(zone.name_servers()))
            }
        };
        let mut health_checks = Vec::new();
        for target in targets {
            let mut region = scope.child_in(target.role.id(), target.provider);
            let region_name = target.provider.region().to_owned();
            let execute_api_host = Expr::template([
                target.api.id(),
                Expr::literal(format!(".execute-api.{region_name}.amazonaws.com")),
            ]);
            let health_check = region.resource(
                "health_check",
                Route53HealthCheck {
                    check_type: "HTTPS".to_owned(),
                    fqdn: execute_api_host.clone(),
                    port: 443,
                    resource_path: "/health".to_owned(),
                    request_interval: config.health_check.interval_seconds,
                    failure_threshold: config.health_check.failure_threshold,
                    enable_sni: true,
                    measure_latency: false,
                    tags: Tags::from([(
                        "Name".to_owned(),
                        format!("payments-{}-{}", target.role.id(), config.env),
                    )]),
                },
            );
            let answer = if config.custom_domains {
                Answer::Alias(custom_domain(&mut region, &zone_id, &api_domain, target))
            } else {
                Answer::Cname {
                    host: execute_api_host,
                    ttl: config.dns_ttl_seconds,
                }
            };
            let record = failover_record(&zone_id, &api_domain, answer, target.role, &health_check);
            region.resource("failover_record", record);
            health_checks.push((target.role, health_check));
        }
        Self {
            zone_id,
            name_servers,
            health_checks,
            api_domain,
        }
    }
}

/// What a failover record answers with.
enum Answer {
    /// An alias to the region's custom domain (its TTL is the target's).
    Alias(Alias),
    /// A CNAME to the region's execute-api host.
    Cname { host: Expr, ttl: u32 },
}

fn failover_record(
    zone_id: &Expr,
    name: &str,
    answer: Answer,
    role: RegionRole,
    health_check: &Ref<Route53HealthCheck>,
) -> Route53Record {
    let (record_type, ttl, records, alias) = match answer {
        Answer::Alias(alias) => ("A", None, Vec::new(), Some(alias)),
        Answer::Cname { host, ttl } => ("CNAME", Some(ttl), vec![host], None),
    };
    Route53Record {
        zone_id: zone_id.clone(),
        name: name.into(),
        record_type: record_type.into(),
        ttl,
        records,
        alias,
        set_identifier: Some(role.id().to_owned()),
        failover_routing_policy: Some(FailoverRoutingPolicy {
            role: role.failover_type().to_owned(),
        }),
        health_check_id: Some(health_check.id()),
        allow_overwrite: false,
    }
}

/// The certificate, its DNS validation, the regional custom domain and the
/// mapping to the API's stage; returns the alias target of the domain.
fn custom_domain(
    scope: &mut Scope<'_>,
    zone_id: &Expr,
    api_domain: &str,
    target: &FailoverTarget<'_>,
) -> Alias {
    let certificate = scope.resource(
        "certificate",
        AcmCertificate {
            domain_name: api_domain.into(),
            validation_method: "DNS".to_owned(),
            tags: Tags::new(),
        },
    );
    // One name, so exactly one validation option; it is a set, hence tolist.
    let option = Expr::call("tolist", [certificate.domain_validation_options()]).index(0);
    let validation_record = scope.resource(
        "certificate_validation_record",
        Route53Record {
            // ACM asks for the same record in every region for one name.
            allow_overwrite: true,
            ..Route53Record::simple(
                zone_id.clone(),
                option.clone().get("resource_record_name"),
                option.clone().get("resource_record_type"),
                60,
                vec![option.get("resource_record_value")],
            )
        },
    );
    let validated = scope.resource(
        "certificate_validation",
        AcmCertificateValidation {
            certificate_arn: certificate.arn(),
            validation_record_fqdns: vec![validation_record.fqdn()],
        },
    );
    let domain = scope.resource(
        "custom_domain",
        Apigatewayv2DomainName {
            domain_name: api_domain.into(),
            domain_name_configuration: DomainNameConfiguration {
                certificate_arn: validated.certificate_arn(),
                endpoint_type: "REGIONAL".to_owned(),
                security_policy: "TLS_1_2".to_owned(),
            },
            tags: Tags::new(),
        },
    );
    scope.resource(
        "api_mapping",
        Apigatewayv2ApiMapping {
            api_id: target.api.id(),
            domain_name: domain.domain_name(),
            stage: target.stage.id(),
        },
    );
    let configuration = domain.domain_name_configuration().index(0);
    Alias {
        name: configuration.clone().get("target_domain_name"),
        zone_id: configuration.get("hosted_zone_id"),
        evaluate_target_health: true,
    }
}
