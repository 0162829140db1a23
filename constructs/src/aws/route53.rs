//! Amazon Route 53.

use serde::Serialize;

use super::Tags;
use crate::core::Expr;
use crate::terraform_type;

/// `aws_route53_zone`: a public hosted zone.
#[derive(Clone, Debug, Serialize)]
pub struct Route53Zone {
    /// The domain name the zone serves, e.g. `example.org`.
    pub name: Expr,
    /// What the zone is for.
    pub comment: String,
    /// Deletes every record on destroy, including ones Terraform does
    /// not manage.
    pub force_destroy: bool,
    /// Tags on the zone.
    #[serde(skip_serializing_if = "Tags::is_empty")]
    pub tags: Tags,
}
terraform_type!(resource Route53Zone = "aws_route53_zone" { zone_id, name_servers });

/// The key-signing key of a zone's DNSSEC, backed by an asymmetric KMS key
/// in us-east-1.
#[derive(Clone, Debug, Serialize)]
pub struct Route53KeySigningKey {
    /// The zone the key signs.
    pub hosted_zone_id: Expr,
    /// The ARN of the KMS key (`ECC_NIST_P256`, in us-east-1).
    pub key_management_service_arn: Expr,
    /// The key's name, unique in the zone.
    pub name: Expr,
    /// `ACTIVE` or `INACTIVE`.
    pub status: String,
}
terraform_type!(resource Route53KeySigningKey = "aws_route53_key_signing_key" { hosted_zone_id, ds_record });

/// `aws_route53_hosted_zone_dnssec`: turns DNSSEC signing of a zone on or
/// off, once it has a key-signing key.
#[derive(Clone, Debug, Serialize)]
pub struct Route53HostedZoneDnssec {
    /// The zone whose signing is turned on or off.
    pub hosted_zone_id: Expr,
    /// `SIGNING` or `NOT_SIGNING`.
    pub signing_status: String,
}
terraform_type!(resource Route53HostedZoneDnssec = "aws_route53_hosted_zone_dnssec" { id });

/// DNS query logging of a public zone into a us-east-1 log group.
#[derive(Clone, Debug, Serialize)]
pub struct Route53QueryLog {
    /// The zone whose queries are logged.
    pub zone_id: Expr,
    /// The ARN of the log group the queries go to.
    pub cloudwatch_log_group_arn: Expr,
}
terraform_type!(resource Route53QueryLog = "aws_route53_query_log" { id });

/// `aws_route53_health_check`: probes an endpoint from several locations;
/// failover records follow its status.
#[derive(Clone, Debug, Serialize)]
pub struct Route53HealthCheck {
    /// How the endpoint is probed, e.g. `HTTPS`.
    #[serde(rename = "type")]
    pub check_type: String,
    /// The host name probed.
    pub fqdn: Expr,
    /// The port probed.
    pub port: u16,
    /// The path requested, e.g. `/health`.
    pub resource_path: Expr,
    /// Seconds between two probes from one checker: 10 or 30.
    pub request_interval: u32,
    /// How many consecutive probes must fail (or succeed) to change the
    /// status.
    pub failure_threshold: u32,
    /// Sends the host name in the TLS handshake.
    pub enable_sni: bool,
    /// Publishes latency metrics to CloudWatch.
    pub measure_latency: bool,
    /// Tags on the health check.
    #[serde(skip_serializing_if = "Tags::is_empty")]
    pub tags: Tags,
}
terraform_type!(resource Route53HealthCheck = "aws_route53_health_check" { id });

/// `aws_route53_record`: one record set of a zone.
#[derive(Clone, Debug, Serialize)]
pub struct Route53Record {
    /// The zone the record is in.
    pub zone_id: Expr,
    /// The record's name.
    pub name: Expr,
    /// The record type, e.g. `A`, `CNAME` or `TXT`.
    #[serde(rename = "type")]
    pub record_type: Expr,
    /// Seconds resolvers may cache the answer; none for alias records.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub ttl: Option<u32>,
    /// The values of a record that is not an alias.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub records: Vec<Expr>,
    /// The AWS resource an alias record answers with.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub alias: Option<Alias>,
    /// Tells apart records of the same name and type under a routing
    /// policy.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub set_identifier: Option<String>,
    /// Makes the record the primary or the secondary of a failover pair.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub failover_routing_policy: Option<FailoverRoutingPolicy>,
    /// The health check whose status decides whether the record is
    /// served.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub health_check_id: Option<Expr>,
    /// Takes over a record that already exists instead of failing.
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

/// The `alias` block of a record.
#[derive(Clone, Debug, Serialize)]
pub struct Alias {
    /// The DNS name of the target, e.g. an API domain name's target
    /// domain name.
    pub name: Expr,
    /// The hosted zone id of the target.
    pub zone_id: Expr,
    /// Answers only while the target is healthy.
    pub evaluate_target_health: bool,
}

/// The `failover_routing_policy` block of a record.
#[derive(Clone, Debug, Serialize)]
pub struct FailoverRoutingPolicy {
    /// `PRIMARY` or `SECONDARY`.
    #[serde(rename = "type")]
    pub role: String,
}
