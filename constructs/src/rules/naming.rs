//! Naming and destroyability rules.

use super::{Context, Finding, Rule, Severity, address};
use crate::core::Document;

pub const RULES: [Rule; 2] = [
    Rule {
        id: "NAM001",
        description: "every physical name carries the environment suffix",
        severity: Severity::Medium,
        check: names_carry_env,
    },
    Rule {
        id: "DES001",
        description: "nothing blocks `terraform destroy` (default profile)",
        severity: Severity::Medium,
        check: destroyable,
    },
];

/// Attributes holding physical names; the `$default` stage name is fixed
/// by API Gateway, so stages are not checked.
const NAME_ATTRIBUTES: [&str; 5] = [
    "name",
    "bucket",
    "function_name",
    "alarm_name",
    "dashboard_name",
];

fn names_carry_env(document: &Document, context: &Context) -> Vec<Finding> {
    let mut findings = Vec::new();
    for (tf_type, id, body) in document.all_resources() {
        if tf_type == "aws_apigatewayv2_stage" {
            continue;
        }
        for attribute in NAME_ATTRIBUTES {
            let Some(name) = body[attribute].as_str() else {
                continue;
            };
            let pure_reference =
                name.starts_with("${") && name.ends_with('}') && name.matches("${").count() == 1;
            if !pure_reference && !name.contains(context.env.as_str()) {
                findings.push(Finding::new(
                    address(tf_type, id),
                    format!("{attribute} `{name}` lacks the suffix `{}`", context.env),
                ));
            }
        }
    }
    findings
}

fn destroyable(document: &Document, _: &Context) -> Vec<Finding> {
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
