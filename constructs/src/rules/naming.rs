//! Naming and destroyability rules.

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

fn names_carry_env(document: &Document, context: &Context) -> Vec<Finding> {
    let Some(suffix) = context.name_suffix.as_deref() else {
        return Vec::new();
    };
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
            if !pure_reference && !name.contains(suffix) {
                findings.push(Finding::new(
                    address(tf_type, id),
                    format!("{attribute} `{name}` lacks the suffix `{suffix}`"),
                ));
            }
        }
    }
    findings
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
