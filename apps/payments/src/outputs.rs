//! The stack's outputs: what an operator reads after `terraform apply`
//! (the URLs to call, the names of the data, how failover is switched and
//! how long it takes, what to publish at the parent domain).

use constructs::core::{Expr, Output};
use constructs::dr::RegionRole;
use constructs::dr::failover_dns::FailoverDns;

use crate::config::Config;
use crate::deployment::Deployment;

/// The outputs of `deployment`, by name.
pub(crate) fn outputs(deployment: &Deployment, config: &Config) -> Vec<(String, Output)> {
    let mut outputs = always(deployment, config);
    outputs.extend(failover(&deployment.failover.dns));
    outputs.extend(delegation(&deployment.failover.dns));
    outputs
}

/// The outputs every deployment has.
fn always(deployment: &Deployment, config: &Config) -> Vec<(String, Output)> {
    let Deployment {
        regions,
        transactions,
        conflicts,
        documents,
        failover,
        monitoring,
    } = deployment;
    let dns = &failover.dns;
    let [primary, secondary] = [&regions[0], &regions[1]];
    let outputs = [
        (
            "hosted_zone_id",
            dns.zone_id.clone(),
            "Route 53 hosted zone of the failover name",
        ),
        (
            "failover_api_url",
            Expr::literal(format!("https://{}", dns.api_domain)),
            "The URL clients call; Route 53 answers with the healthy region",
        ),
        (
            "primary_api_endpoint",
            primary.api.api_endpoint(),
            "The primary region's API endpoint",
        ),
        (
            "secondary_api_endpoint",
            secondary.api.api_endpoint(),
            "The secondary region's API endpoint",
        ),
        (
            "dashboard_url",
            Expr::literal(dashboard_url(
                &config.primary_region,
                &monitoring.dashboard_name,
            )),
            "CloudWatch dashboard of both regions",
        ),
        (
            "table_name",
            transactions.table.name(),
            "The DynamoDB global table",
        ),
        (
            "conflict_table_name",
            conflicts.table.name(),
            "Where each region records payments written in both regions with other content (status open until reconciled)",
        ),
        (
            "primary_bucket",
            documents.source.bucket(),
            "The primary (source) bucket",
        ),
        (
            "secondary_bucket",
            documents.destination.bucket(),
            "The secondary (replica) bucket",
        ),
        (
            "primary_queue_url",
            primary.queue.url(),
            "The primary region's queue",
        ),
        (
            "secondary_queue_url",
            secondary.queue.url(),
            "The secondary region's queue",
        ),
    ];
    outputs
        .into_iter()
        .map(|(name, value, description)| (name.to_owned(), Output::new(value, description)))
        .collect()
}

/// How long a failover takes, or, with recovery control, where it is
/// switched.
fn failover(dns: &FailoverDns) -> Vec<(String, Output)> {
    let mut outputs = Vec::new();
    // None with recovery control: failover is manual, no figure applies.
    if let Some(time) = dns.recovery_time {
        outputs.push((
            "worst_case_recovery_seconds".to_owned(),
            Output::new(
                Expr::literal(time.worst_case_seconds().to_string()),
                "Detection + Route 53 propagation + client DNS cache, from the configuration",
            ),
        ));
    }
    let Some(controls) = &dns.recovery_controls else {
        return outputs;
    };
    if let Some(cluster) = &controls.cluster {
        outputs.push((
            "recovery_control_cluster_endpoints".to_owned(),
            Output::new(
                cluster.cluster_endpoints(),
                "Switch routing controls at any of these (aws route53-recovery-cluster --endpoint-url <endpoint> --region <its region>)",
            ),
        ));
    }
    for (role, control) in &controls.routing_controls {
        let description = match role {
            RegionRole::Primary => {
                "Off fails over to the secondary, whose control must be On (the safety rule keeps one On)"
            }
            RegionRole::Secondary => {
                "Keep On so that the primary can fail over; Off only while the primary's is On"
            }
        };
        outputs.push((
            format!("{}_routing_control_arn", role.id()),
            Output::new(control.arn(), description),
        ));
    }
    outputs
}

/// What the parent domain must publish when the stack created the zone.
fn delegation(dns: &FailoverDns) -> Vec<(String, Output)> {
    let mut outputs = Vec::new();
    if let Some(name_servers) = &dns.name_servers {
        outputs.push((
            "hosted_zone_name_servers".to_owned(),
            Output::new(
                name_servers.clone(),
                "Delegate the domain to these name servers",
            ),
        ));
    }
    if let Some(ds_record) = &dns.ds_record {
        outputs.push((
            "dnssec_ds_record".to_owned(),
            Output::new(
                ds_record.clone(),
                "Publish this DS record at the parent domain to complete the DNSSEC chain of trust",
            ),
        ));
    }
    outputs
}

/// The CloudWatch console's address of the dashboard `name` in `region`.
fn dashboard_url(region: &str, name: &str) -> String {
    format!(
        "https://{region}.console.aws.amazon.com/cloudwatch/home?region={region}#dashboards:name={name}"
    )
}
