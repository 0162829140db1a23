//! Disaster-recovery rules: the secondary can take over. The primary and
//! the secondary are read from the stack itself (see [`roles`]), never
//! from provider or construct names.

use std::collections::{BTreeMap, HashSet};

use super::{
    Context, Finding, Rule, Severity, address, always, needs, provider_regions, referenced,
};
use crate::core::Document;
use crate::dr::monitoring::ROUTE53_METRICS_REGION;
use crate::dr::queue_replication::forwarded_queues;

pub const RULES: [Rule; 6] = [
    Rule {
        id: "DR001",
        description: "every table, bucket and queue in the primary region has its counterpart in the secondary",
        severity: Severity::High,
        applies: has_stateful_resources,
        check: counterparts,
    },
    Rule {
        id: "DR002",
        description: "bucket replication depends on versioning of both buckets",
        severity: Severity::High,
        applies: has_bucket_replication,
        check: replication_after_versioning,
    },
    Rule {
        id: "DR003",
        description: "Replication Time Control comes with replication metrics",
        severity: Severity::Medium,
        applies: has_bucket_replication,
        check: rtc_has_metrics,
    },
    Rule {
        id: "DR004",
        description: "the PRIMARY and the SECONDARY failover records each have a health check",
        severity: Severity::High,
        applies: has_failover_records,
        check: failover_health_checks,
    },
    Rule {
        id: "DR005",
        description: "every alarm notifies a topic in its own region; health-check alarms live in us-east-1",
        severity: Severity::High,
        applies: has_alarms,
        check: alarm_topics_in_region,
    },
    Rule {
        id: "DR006",
        description: "every declared provider (region) is used",
        severity: Severity::Medium,
        applies: always,
        check: providers_used,
    },
];

/// The primary and the secondary region, read from the stack: the regions
/// the PRIMARY and SECONDARY failover records answer from (the region of
/// what their answer references); when they answer with nothing of this
/// stack (or there are none), a global table's own region and its first
/// replica's; without one, a replicated bucket's and its destination's.
/// `Err` says why they cannot be told, and how to make them tellable.
pub(crate) fn roles(document: &Document) -> Result<(String, String), String> {
    let block_region = |tf_type: &str, id: &str| {
        document
            .resource(tf_type, id)
            .and_then(|body| document.region_of(body))
    };
    let answering = |role: &str| {
        failover_records(document)
            .filter(|(_, record)| record["failover_routing_policy"]["type"] == role)
            .find_map(|(_, record)| {
                let answer = match record["alias"]["name"].is_string() {
                    true => &record["alias"]["name"],
                    false => &record["records"][0],
                };
                let (tf_type, id) = Document::first_reference(answer)?;
                block_region(tf_type, id)
            })
    };
    let from_failover = answering("PRIMARY").zip(answering("SECONDARY"));
    let from_table = || {
        document
            .resources("aws_dynamodb_table")
            .find_map(|(_, table)| {
                let replica = table["replica"][0]["region_name"].as_str()?;
                Some((document.region_of(table)?, replica))
            })
    };
    let from_bucket = || {
        document
            .resources("aws_s3_bucket_replication_configuration")
            .find_map(|(_, replication)| {
                let (_, source) = referenced(&replication["bucket"])?;
                let (_, destination) =
                    referenced(&replication["rule"][0]["destination"]["bucket"])?;
                Some((
                    block_region("aws_s3_bucket", source)?,
                    block_region("aws_s3_bucket", destination)?,
                ))
            })
    };
    let (primary, secondary) = from_failover
        .or_else(from_table)
        .or_else(from_bucket)
        .ok_or_else(|| {
            "the stack has no failover records answering with an API or custom domain of its own, \
             no replicated table and no replicated bucket, so it has no primary and secondary region; \
             replicate the data (GlobalTable, ReplicatedBucket) or suppress DR001 on a store that \
             lives in one region on purpose"
                .to_owned()
        })?;
    if primary == secondary {
        return Err(format!(
            "the primary and the secondary are both in {primary}, so a regional outage takes both; \
             put the secondary's endpoint or copy in another region"
        ));
    }
    Ok((primary.to_owned(), secondary.to_owned()))
}

/// The stack's failover records: records with a failover routing policy.
fn failover_records(document: &Document) -> impl Iterator<Item = (&String, &serde_json::Value)> {
    document
        .resources("aws_route53_record")
        .filter(|(_, record)| record["failover_routing_policy"].is_object())
}

fn counterparts(document: &Document, _: &Context) -> Vec<Finding> {
    let (primary, secondary) = match roles(document) {
        Ok(roles) => roles,
        // Every store then lacks a known counterpart; a one-region store
        // can still be accepted with a suppression on it.
        Err(reason) => {
            return STATEFUL_TYPES
                .iter()
                .flat_map(|tf_type| {
                    document
                        .resources(tf_type)
                        .map(move |(id, _)| (tf_type, id))
                })
                .map(|(tf_type, id)| {
                    Finding::new(
                        address(tf_type, id),
                        format!(
                            "cannot tell the primary region, so no counterpart is known: {reason}"
                        ),
                    )
                })
                .collect();
        }
    };
    let in_primary = |body: &serde_json::Value| document.region_of(body) == Some(primary.as_str());
    let mut findings: Vec<Finding> = STATEFUL_TYPES
        .iter()
        .flat_map(|tf_type| document.resources(tf_type).map(move |(id, body)| (tf_type, id, body)))
        .filter(|(_, _, body)| {
            document
                .region_of(body)
                .is_none_or(|region| region != primary && region != secondary)
        })
        .map(|(tf_type, id, body)| {
            Finding::new(
                address(tf_type, id),
                format!(
                    "in {}, which is neither the primary ({primary}) nor the secondary ({secondary}), so no failover covers it",
                    document.region_of(body).unwrap_or("an undeclared provider's region")
                ),
            )
        })
        .collect();
    let in_secondary =
        |body: &serde_json::Value| document.region_of(body) == Some(secondary.as_str());
    for (id, table) in document.resources("aws_dynamodb_table") {
        let replicated = table["replica"]
            .as_array()
            .into_iter()
            .flatten()
            .any(|r| r["region_name"] == secondary.as_str());
        if in_primary(table) && !replicated {
            findings.push(Finding::new(
                address("aws_dynamodb_table", id),
                format!("no replica in {secondary}"),
            ));
        }
    }
    // Buckets a replication rule copies into a bucket in the secondary.
    let replicated_buckets: HashSet<&str> = document
        .resources("aws_s3_bucket_replication_configuration")
        .filter(|(_, r)| {
            r["rule"].as_array().into_iter().flatten().any(|rule| {
                referenced(&rule["destination"]["bucket"])
                    .and_then(|(_, id)| document.resource("aws_s3_bucket", id))
                    .is_some_and(in_secondary)
            })
        })
        .filter_map(|(_, r)| referenced(&r["bucket"]).map(|(_, id)| id))
        .collect();
    for (id, bucket) in document.resources("aws_s3_bucket") {
        if in_primary(bucket) && !replicated_buckets.contains(&id.as_str()) {
            findings.push(Finding::new(
                address("aws_s3_bucket", id),
                format!("no replication to a bucket in {secondary}"),
            ));
        }
    }
    // A queue in the primary has a twin in the secondary (the same name, or
    // the name with the region swapped), or a function forwards it there.
    let secondary_queues: HashSet<&str> = document
        .resources("aws_sqs_queue")
        .filter(|(_, q)| in_secondary(q))
        .filter_map(|(_, q)| q["name"].as_str())
        .collect();
    let forwarded: HashSet<&str> = forwarded_queues(document)
        .into_iter()
        .filter(|(_, destinations)| {
            destinations.iter().any(|id| {
                document
                    .resource("aws_sqs_queue", id)
                    .is_some_and(in_secondary)
            })
        })
        .map(|(source, _)| source)
        .collect();
    for (id, queue) in document.resources("aws_sqs_queue") {
        if !in_primary(queue) || forwarded.contains(&id.as_str()) {
            continue;
        }
        let name = queue["name"].as_str().unwrap_or_default();
        let twin = name.replace(primary.as_str(), &secondary);
        if name.is_empty() || !secondary_queues.contains(&twin.as_str()) {
            let expected = match name.is_empty() {
                true => "a twin (the queue has no literal name to match)".to_owned(),
                false => format!("queue `{twin}`"),
            };
            findings.push(Finding::new(
                address("aws_sqs_queue", id),
                format!(
                    "no {expected} in {secondary}, and no function forwards it there; \
                     declare the twin with the region in its name, or forward it with QueueReplication"
                ),
            ));
        }
    }
    findings
}

fn replication_after_versioning(document: &Document, _: &Context) -> Vec<Finding> {
    // bucket id -> its versioning resource's address
    let versioning: BTreeMap<&str, String> = document
        .resources("aws_s3_bucket_versioning")
        .filter_map(|(id, v)| {
            Some((
                referenced(&v["bucket"])?.1,
                address("aws_s3_bucket_versioning", id),
            ))
        })
        .collect();
    let mut findings = Vec::new();
    for (id, replication) in document.resources("aws_s3_bucket_replication_configuration") {
        let depends_on: Vec<&str> = replication["depends_on"]
            .as_array()
            .into_iter()
            .flatten()
            .filter_map(|d| d.as_str())
            .collect();
        let source = referenced(&replication["bucket"]).map(|(_, id)| id);
        let destinations = replication["rule"]
            .as_array()
            .into_iter()
            .flatten()
            .filter_map(|rule| referenced(&rule["destination"]["bucket"]).map(|(_, id)| id));
        for bucket in source.into_iter().chain(destinations) {
            let waits = versioning
                .get(bucket)
                .is_some_and(|v| depends_on.contains(&v.as_str()));
            if !waits {
                findings.push(Finding::new(
                    address("aws_s3_bucket_replication_configuration", id),
                    format!("does not depend on the versioning of aws_s3_bucket.{bucket}"),
                ));
            }
        }
    }
    findings
}

fn rtc_has_metrics(document: &Document, _: &Context) -> Vec<Finding> {
    let mut findings = Vec::new();
    for (id, replication) in document.resources("aws_s3_bucket_replication_configuration") {
        for rule in replication["rule"].as_array().into_iter().flatten() {
            let destination = &rule["destination"];
            if destination["replication_time"]["status"] == "Enabled"
                && destination["metrics"]["status"] != "Enabled"
            {
                findings.push(Finding::new(
                    address("aws_s3_bucket_replication_configuration", id),
                    "RTC without replication metrics",
                ));
            }
        }
    }
    findings
}

fn failover_health_checks(document: &Document, _: &Context) -> Vec<Finding> {
    let mut findings = Vec::new();
    // name -> (id, role) of its failover records
    let mut by_name: BTreeMap<&str, Vec<(&str, &str)>> = BTreeMap::new();
    for (id, record) in document.resources("aws_route53_record") {
        let Some(role) = record["failover_routing_policy"]["type"].as_str() else {
            continue;
        };
        by_name
            .entry(record["name"].as_str().unwrap_or_default())
            .or_default()
            .push((id, role));
        if referenced(&record["health_check_id"])
            .is_none_or(|(t, _)| t != "aws_route53_health_check")
        {
            findings.push(Finding::new(
                address("aws_route53_record", id),
                format!("{role} record without a health check"),
            ));
        }
    }
    for (name, records) in by_name {
        for (wanted, other) in [("PRIMARY", "SECONDARY"), ("SECONDARY", "PRIMARY")] {
            if !records.iter().any(|(_, role)| *role == wanted)
                && let Some((id, _)) = records.iter().find(|(_, role)| *role == other)
            {
                findings.push(Finding::new(
                    address("aws_route53_record", id),
                    format!("{name} has a {other} record but no {wanted} one"),
                ));
            }
        }
    }
    findings
}

fn alarm_topics_in_region(document: &Document, _: &Context) -> Vec<Finding> {
    let region_of = |body: &serde_json::Value| document.region_of(body);
    let mut findings = Vec::new();
    for (id, alarm) in document.resources("aws_cloudwatch_metric_alarm") {
        if alarm["alarm_actions"]
            .as_array()
            .is_none_or(|actions| actions.is_empty())
        {
            findings.push(Finding::new(
                address("aws_cloudwatch_metric_alarm", id),
                "notifies nobody: give it alarm_actions with a topic of its region",
            ));
        }
        // Route 53 publishes health-check metrics only in us-east-1.
        if alarm["namespace"] == "AWS/Route53"
            && region_of(alarm).is_some_and(|region| region != ROUTE53_METRICS_REGION)
        {
            findings.push(Finding::new(
                address("aws_cloudwatch_metric_alarm", id),
                format!(
                    "watches a Route 53 metric outside {ROUTE53_METRICS_REGION}, where it never has data; \
                     create it with a {ROUTE53_METRICS_REGION} provider"
                ),
            ));
        }
        let actions = ["alarm_actions", "ok_actions"]
            .into_iter()
            .flat_map(|key| alarm[key].as_array().into_iter().flatten());
        for action in actions {
            let topic =
                referenced(action).and_then(|(t, topic)| (t == "aws_sns_topic").then_some(topic));
            let same_region = topic
                .and_then(|topic| document.resource("aws_sns_topic", topic))
                .is_some_and(|topic| region_of(topic) == region_of(alarm));
            if !same_region {
                findings.push(Finding::new(
                    address("aws_cloudwatch_metric_alarm", id),
                    format!("action {action} is not a topic in the alarm's region"),
                ));
            }
        }
    }
    findings
}

fn providers_used(document: &Document, _: &Context) -> Vec<Finding> {
    provider_regions(document)
        .keys()
        .filter(|alias| {
            !document
                .all_resources()
                .any(|(_, _, body)| body["provider"].as_str().unwrap_or("aws") == alias.as_str())
        })
        .map(|alias| Finding::new(alias.clone(), "declared but no resource uses it"))
        .collect()
}

/// What DR001 looks for counterparts of.
const STATEFUL_TYPES: [&str; 3] = ["aws_dynamodb_table", "aws_s3_bucket", "aws_sqs_queue"];

fn has_stateful_resources(document: &Document, _: &Context) -> Result<(), String> {
    needs(document, &STATEFUL_TYPES)
}

fn has_bucket_replication(document: &Document, _: &Context) -> Result<(), String> {
    needs(document, &["aws_s3_bucket_replication_configuration"])
}

fn has_failover_records(document: &Document, _: &Context) -> Result<(), String> {
    if failover_records(document).next().is_some() {
        Ok(())
    } else {
        Err(
            "the stack has no failover record (aws_route53_record with failover_routing_policy)"
                .to_owned(),
        )
    }
}

fn has_alarms(document: &Document, _: &Context) -> Result<(), String> {
    needs(document, &["aws_cloudwatch_metric_alarm"])
}
