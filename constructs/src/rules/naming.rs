//! Naming and destroyability rules.

use std::collections::HashSet;

use super::{Context, Finding, Rule, Severity, address, always};
use crate::core::Document;

pub const RULES: [Rule; 2] = [
    Rule {
        id: "NAM001",
        description: "every physical name carries the environment suffix",
        severity: Severity::Medium,
        applies: has_suffix,
        check: names_carry_env,
    },
    Rule {
        id: "DES001",
        description: "disposable: nothing blocks `terraform destroy`; production: tables, buckets, zones and keys are retained",
        severity: Severity::Medium,
        applies: always,
        check: destroyability,
    },
];

/// Attributes holding physical names. Not checked: the `$default` stage
/// name, fixed by API Gateway; key-signing keys, whose names allow no `-`
/// and live inside the zone; and DNS names (zones and records), which are
/// the operator's domain, chosen per environment by the app.
const NAME_ATTRIBUTES: [&str; 5] = [
    "name",
    "bucket",
    "function_name",
    "alarm_name",
    "dashboard_name",
];

/// Where Route 53 query logs go: a log group named after the zone, under
/// the prefix Route 53's guide uses (`/aws/route53/<zone name>`). Such a
/// name is a DNS name like the zone's own, so it carries the environment
/// exactly when the zone's domain does.
const QUERY_LOG_PREFIX: &str = "/aws/route53/";

fn names_carry_env(document: &Document, context: &Context) -> Vec<Finding> {
    let Some(suffix) = context.name_suffix.as_deref() else {
        return Vec::new();
    };
    let zones: HashSet<String> = document
        .resources("aws_route53_zone")
        .flat_map(|(id, zone)| {
            // A log group may name the zone literally or by reference.
            let reference = format!("${{aws_route53_zone.{id}.name}}");
            [
                zone["name"].as_str().map(zone_name),
                Some(zone_name(&reference)),
            ]
        })
        .flatten()
        .collect();
    let mut findings = Vec::new();
    for (tf_type, id, body) in document.all_resources() {
        if matches!(
            tf_type.as_str(),
            "aws_apigatewayv2_stage"
                | "aws_route53_key_signing_key"
                | "aws_route53_zone"
                | "aws_route53_record"
        ) {
            continue;
        }
        for attribute in NAME_ATTRIBUTES {
            let Some(name) = body[attribute].as_str() else {
                continue;
            };
            let pure_reference =
                name.starts_with("${") && name.ends_with('}') && name.matches("${").count() == 1;
            let query_log_group = tf_type == "aws_cloudwatch_log_group"
                && name
                    .strip_prefix(QUERY_LOG_PREFIX)
                    .is_some_and(|zone| zones.contains(&zone_name(zone)));
            if !pure_reference && !query_log_group && !carries_suffix(name, suffix) {
                findings.push(Finding::new(
                    address(tf_type, id),
                    format!(
                        "{attribute} `{name}` lacks the suffix `{suffix}`: put the environment \
                         in the name as a word of its own (`-{suffix}`), so that two \
                         environments in one account never claim the same name"
                    ),
                ));
            }
        }
    }
    findings
}

/// Whether `suffix` stands in `name` as a word of its own: bounded by the
/// ends or by punctuation (`-`, `_`, `.`, `/`, ...), anywhere in the name,
/// so `payments-dev-primary` carries `dev` and `devices-prod` does not.
pub(super) fn carries_suffix(name: &str, suffix: &str) -> bool {
    let is_word = |c: Option<char>| c.is_some_and(|c| c.is_ascii_alphanumeric());
    name.match_indices(suffix).any(|(start, _)| {
        !is_word(name[..start].chars().next_back())
            && !is_word(name[start + suffix.len()..].chars().next())
    })
}

/// A zone's name as Route 53 compares them: lowercase, without the final dot.
fn zone_name(name: &str) -> String {
    name.trim_end_matches('.').to_ascii_lowercase()
}

/// What a production stack must keep when someone runs `terraform destroy`.
const RETAINED_TYPES: [&str; 4] = [
    "aws_dynamodb_table",
    "aws_s3_bucket",
    "aws_route53_zone",
    "aws_kms_key",
];

fn destroyability(document: &Document, context: &Context) -> Vec<Finding> {
    if context.posture.is_production() {
        retained(document)
    } else {
        destroyable(document)
    }
}

fn retained(document: &Document) -> Vec<Finding> {
    let mut findings = Vec::new();
    for tf_type in RETAINED_TYPES {
        for (id, body) in document.resources(tf_type) {
            let protected = body["lifecycle"]["prevent_destroy"] == true
                && body["force_destroy"] != true
                && (tf_type != "aws_dynamodb_table" || body["deletion_protection_enabled"] == true);
            if !protected {
                findings.push(Finding::new(
                    address(tf_type, id),
                    "not retained: production needs prevent_destroy (and deletion protection on tables, no force_destroy)",
                ));
            }
        }
    }
    findings
}

fn destroyable(document: &Document) -> Vec<Finding> {
    let mut findings = Vec::new();
    for (tf_type, id, body) in document.all_resources() {
        let blocker = if body["lifecycle"]["prevent_destroy"] == true {
            Some("lifecycle.prevent_destroy")
        } else if body["deletion_protection_enabled"] == true {
            Some("deletion protection")
        } else if matches!(tf_type.as_str(), "aws_s3_bucket" | "aws_route53_zone")
            && body["force_destroy"] != true
        {
            Some("force_destroy is off, so a non-empty one cannot be destroyed")
        } else {
            None
        };
        if let Some(blocker) = blocker {
            findings.push(Finding::new(address(tf_type, id), blocker));
        }
    }
    findings
}

fn has_suffix(_: &Document, context: &Context) -> Result<(), String> {
    match context.name_suffix {
        Some(_) => Ok(()),
        None => Err("the app sets no name suffix (rules::Context::name_suffix)".to_owned()),
    }
}
