//! Amazon Route 53.

use serde::Serialize;

use super::Tags;
use crate::core::Expr;
use crate::terraform_type;

#[derive(Clone, Debug, Serialize)]
pub struct Route53Zone {
    pub name: Expr,
    pub comment: String,
    pub force_destroy: bool,
    #[serde(skip_serializing_if = "Tags::is_empty")]
    pub tags: Tags,
}
terraform_type!(resource Route53Zone = "aws_route53_zone" { zone_id, name_servers });

/// The key-signing key of a zone's DNSSEC, backed by an asymmetric KMS key
/// in us-east-1.
#[derive(Clone, Debug, Serialize)]
pub struct Route53KeySigningKey {
    pub hosted_zone_id: Expr,
    pub key_management_service_arn: Expr,
    pub name: Expr,
    /// `ACTIVE` or `INACTIVE`.
    pub status: String,
}
terraform_type!(resource Route53KeySigningKey = "aws_route53_key_signing_key" { hosted_zone_id, ds_record });

#[derive(Clone, Debug, Serialize)]
pub struct Route53HostedZoneDnssec {
    pub hosted_zone_id: Expr,
    /// `SIGNING` or `NOT_SIGNING`.
    pub signing_status: String,
}
terraform_type!(resource Route53HostedZoneDnssec = "aws_route53_hosted_zone_dnssec" { id });

/// DNS query logging of a public zone into a us-east-1 log group.
#[derive(Clone, Debug, Serialize)]
pub struct Route53QueryLog {
    pub zone_id: Expr,
    pub cloudwatch_log_group_arn: Expr,
}
terraform_type!(resource Route53QueryLog = "aws_route53_query_log" { id });

#[derive(Clone, Debug, Serialize)]
pub struct Route53HealthCheck {
    #[serde(rename = "type")]
    pub check_type: String,
    pub fqdn: Expr,
    pub port: u16,
    pub resource_path: String,
    pub request_interval: u32,
    pub failure_threshold: u32,
    pub enable_sni: bool,
    pub measure_latency: bool,
    #[serde(skip_serializing_if = "Tags::is_empty")]
    pub tags: Tags,
}
terraform_type!(resource Route53HealthCheck = "aws_route53_health_check" { id });

#[derive(Clone, Debug, Serialize)]
pub struct Route53Record {
    pub zone_id: Expr,
    pub name: Expr,
    #[serde(rename = "type")]
    pub record_type: Expr,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub ttl: Option<u32>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub records: Vec<Expr>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub alias: Option<Alias>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub set_identifier: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub failover_routing_policy: Option<FailoverRoutingPolicy>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub health_check_id: Option<Expr>,
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub allow_overwrite: bool,
}
terraform_type!(resource Route53Record = "aws_route53_record" { fqdn, name });

impl Route53Record {
    /// A plain record: `name` `record_type` `records`, held `ttl` seconds.
    pub fn simple(
        zone_id: Expr,
        name: Expr,
        record_type: Expr,
        ttl: u32,
        records: Vec<Expr>,
    ) -> Self {
        Self {
            zone_id,
            name,
            record_type,
            ttl: Some(ttl),
            records,
            alias: None,
            set_identifier: None,
            failover_routing_policy: None,
            health_check_id: None,
            allow_overwrite: false,
        }
    }
}

impl Route53Record {
    /// An `A` alias record: `name` answers with what `alias` answers.
    pub fn alias(zone_id: Expr, name: Expr, alias: Alias) -> Self {
        Self {
            ttl: None,
            alias: Some(alias),
            ..Self::simple(zone_id, name, "A".into(), 0, Vec::new())
        }
    }
}

#[derive(Clone, Debug, Serialize)]
pub struct Alias {
    pub name: Expr,
    pub zone_id: Expr,
    pub evaluate_target_health: bool,
}

#[derive(Clone, Debug, Serialize)]
pub struct FailoverRoutingPolicy {
    /// `PRIMARY` or `SECONDARY`.
    #[serde(rename = "type")]
    pub role: String,
}
