//! Disaster-recovery rules: the secondary can take over.

use std::collections::BTreeMap;

use super::{Context, Finding, Rule, Severity, address, provider_regions, referenced};
use crate::core::Document;

pub const RULES: [Rule; 6] = [
    Rule {
        id: "DR001",
        description: "every stateful resource in the primary has its counterpart in the secondary",
        severity: Severity::High,
        check: counterparts,
    },
    Rule {
        id: "DR002",
        description: "bucket replication depends on versioning of both buckets",
        severity: Severity::High,
        check: replication_after_versioning,
    },
    Rule {
        id: "DR003",
        description: "Replication Time Control comes with replication metrics",
        severity: Severity::Medium,
        check: rtc_has_metrics,
    },
    Rule {
        id: "DR004",
        description: "the PRIMARY and the SECONDARY failover records each have a health check",
        severity: Severity::High,
        check: failover_health_checks,
    },
    Rule {
        id: "DR005",
        description: "every alarm notifies a topic in its own region",
        severity: Severity::High,
        check: alarm_topics_in_region,
    },
    Rule {
        id: "DR006",
        description: "every declared provider (region) is used",
        severity: Severity::Medium,
        check: providers_used,
    },
];

/// The regions of the primary and the secondary provider.
fn roles(document: &Document) -> (String, String) {
    let regions = provider_regions(document);
    let region = |alias: &str| regions.get(alias).cloned().unwrap_or_default();
    (region("aws.primary"), region("aws.secondary"))
}

fn counterparts(document: &Document, _: &Context) -> Vec<Finding> {
    let (_, secondary) = roles(document);
    let mut findings = Vec::new();
    for (id, table) in document.resources("aws_dynamodb_table") {
        let replicated = table["replica"]
            .as_array()
            .into_iter()
            .flatten()
            .any(|r| r["region_name"] == secondary.as_str());
        if table["provider"] == "aws.primary" && !replicated {
            findings.push(Finding::new(
                address("aws_dynamodb_table", id),
                format!("no replica in {secondary}"),
            ));
        }
    }
    let replicated_buckets: Vec<&str> = document
        .resources("aws_s3_bucket_replication_configuration")
        .filter_map(|(_, r)| referenced(&r["bucket"]).map(|(_, id)| id))
        .collect();
    for (id, bucket) in document.resources("aws_s3_bucket") {
        if bucket["provider"] == "aws.primary" && !replicated_buckets.contains(&id.as_str()) {
            findings.push(Finding::new(
                address("aws_s3_bucket", id),
                "no replication to the secondary",
            ));
        }
    }
    // A queue named for the primary region has its twin named for the
    // secondary: payments-us-east-1-dev and payments-us-east-2-dev.
    let (primary, _) = roles(document);
    let secondary_queues: Vec<&str> = document
        .resources("aws_sqs_queue")
        .filter(|(_, q)| q["provider"] == "aws.secondary")
        .filter_map(|(_, q)| q["name"].as_str())
        .collect();
    for (id, queue) in document.resources("aws_sqs_queue") {
        let Some(name) = queue["name"].as_str() else {
            continue;
        };
        let twin = name.replace(primary.as_str(), &secondary);
        if queue["provider"] == "aws.primary" && !secondary_queues.contains(&twin.as_str()) {
            findings.push(Finding::new(
                address("aws_sqs_queue", id),
                format!("no queue `{twin}` in the secondary"),
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
    let regions = provider_regions(document);
    let region_of = |body: &serde_json::Value| {
        regions
            .get(body["provider"].as_str().unwrap_or_default())
            .cloned()
    };
    let mut findings = Vec::new();
    for (id, alarm) in document.resources("aws_cloudwatch_metric_alarm") {
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
                .any(|(_, _, body)| body["provider"] == alias.as_str())
        })
        .map(|alias| Finding::new(alias.clone(), "declared but no resource uses it"))
        .collect()
}
