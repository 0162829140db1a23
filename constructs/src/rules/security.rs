//! Security rules: least privilege, encryption, no public data.

use serde_json::Value;

use super::{Context, Finding, Rule, Severity, address, referenced};
use crate::core::Document;

/// `*` resources allowed, each with why AWS offers nothing narrower. None
/// in this stack today.
pub const WILDCARD_RESOURCES_ALLOWED: [(&str, &str); 0] = [];

pub const RULES: [Rule; 7] = [
    Rule {
        id: "SEC001",
        description: "no IAM statement allows a `*` action",
        severity: Severity::High,
        check: no_wildcard_actions,
    },
    Rule {
        id: "SEC002",
        description: "no IAM statement names a `*` resource, except where listed with its reason",
        severity: Severity::High,
        check: no_wildcard_resources,
    },
    Rule {
        id: "SEC003",
        description: "buckets, tables, queues and topics are encrypted at rest",
        severity: Severity::High,
        check: encrypted_at_rest,
    },
    Rule {
        id: "SEC004",
        description: "every bucket blocks public access",
        severity: Severity::High,
        check: public_access_blocked,
    },
    Rule {
        id: "SEC005",
        description: "every bucket policy refuses requests without TLS",
        severity: Severity::High,
        check: tls_only_buckets,
    },
    Rule {
        id: "SEC006",
        description: "POST /payment requires authorization",
        severity: Severity::High,
        check: payment_route_authorized,
    },
    Rule {
        id: "SEC007",
        description: "every log group has a retention",
        severity: Severity::Medium,
        check: log_retention,
    },
];

fn statements(document: &Document) -> impl Iterator<Item = (String, &Value)> {
    document.value()["data"]["aws_iam_policy_document"]
        .as_object()
        .into_iter()
        .flatten()
        .flat_map(|(id, policy)| {
            policy["statement"]
                .as_array()
                .into_iter()
                .flatten()
                .map(move |s| (format!("data.aws_iam_policy_document.{id}"), s))
        })
}

fn strings(value: &Value) -> impl Iterator<Item = &str> {
    value
        .as_array()
        .into_iter()
        .flatten()
        .filter_map(Value::as_str)
}

fn no_wildcard_actions(document: &Document, _: &Context) -> Vec<Finding> {
    statements(document)
        .filter(|(_, s)| s["effect"] == "Allow")
        .flat_map(|(address, s)| {
            strings(&s["actions"])
                .filter(|a| a.contains('*'))
                .map(move |a| Finding::new(address.clone(), format!("allows `{a}`")))
                .collect::<Vec<_>>()
        })
        .collect()
}

fn no_wildcard_resources(document: &Document, _: &Context) -> Vec<Finding> {
    statements(document)
        .filter(|(address, s)| {
            strings(&s["resources"]).any(|r| r == "*")
                && !WILDCARD_RESOURCES_ALLOWED
                    .iter()
                    .any(|(allowed, _)| allowed == address)
        })
        .map(|(address, _)| Finding::new(address, "names the resource `*`"))
        .collect()
}

/// Bucket ids that a resource of `tf_type` configures (via its `bucket`).
fn configured_buckets<'d>(document: &'d Document, tf_type: &str) -> Vec<(&'d str, &'d Value)> {
    document
        .resources(tf_type)
        .filter_map(|(_, body)| Some((referenced(&body["bucket"])?.1, body)))
        .collect()
}

fn encrypted_at_rest(document: &Document, _: &Context) -> Vec<Finding> {
    let mut findings = Vec::new();
    let encrypted = configured_buckets(
        document,
        "aws_s3_bucket_server_side_encryption_configuration",
    );
    for (id, _) in document.resources("aws_s3_bucket") {
        if !encrypted.iter().any(|(bucket, _)| bucket == id) {
            findings.push(Finding::new(
                address("aws_s3_bucket", id),
                "no server-side encryption configuration",
            ));
        }
    }
    for (id, table) in document.resources("aws_dynamodb_table") {
        if table["server_side_encryption"]["enabled"] != true {
            findings.push(Finding::new(
                address("aws_dynamodb_table", id),
                "server-side encryption off",
            ));
        }
    }
    for (id, queue) in document.resources("aws_sqs_queue") {
        if queue["sqs_managed_sse_enabled"] != true && queue["kms_master_key_id"].is_null() {
            findings.push(Finding::new(
                address("aws_sqs_queue", id),
                "neither SQS-managed nor KMS encryption",
            ));
        }
    }
    for (id, topic) in document.resources("aws_sns_topic") {
        if topic["kms_master_key_id"].is_null() {
            findings.push(Finding::new(address("aws_sns_topic", id), "no KMS key"));
        }
    }
    findings
}

fn public_access_blocked(document: &Document, _: &Context) -> Vec<Finding> {
    let blocks = configured_buckets(document, "aws_s3_bucket_public_access_block");
    let settings = [
        "block_public_acls",
        "block_public_policy",
        "ignore_public_acls",
        "restrict_public_buckets",
    ];
    document
        .resources("aws_s3_bucket")
        .filter(|(id, _)| {
            !blocks
                .iter()
                .any(|(bucket, block)| bucket == id && settings.iter().all(|s| block[*s] == true))
        })
        .map(|(id, _)| {
            Finding::new(
                address("aws_s3_bucket", id),
                "public access is not fully blocked",
            )
        })
        .collect()
}

fn tls_only_buckets(document: &Document, _: &Context) -> Vec<Finding> {
    let policies = configured_buckets(document, "aws_s3_bucket_policy");
    let denies_plain_http = |policy: &Value| {
        let Some(inner) = policy
            .as_str()
            .and_then(|p| p.strip_prefix("${data.aws_iam_policy_document."))
        else {
            return false;
        };
        let id = inner.trim_end_matches(".json}");
        document
            .data("aws_iam_policy_document", id)
            .is_some_and(|doc| {
                doc["statement"].as_array().into_iter().flatten().any(|s| {
                    s["effect"] == "Deny"
                        && s["condition"].as_array().into_iter().flatten().any(|c| {
                            c["variable"] == "aws:SecureTransport"
                                && strings(&c["values"]).any(|v| v == "false")
                        })
                })
            })
    };
    document
        .resources("aws_s3_bucket")
        .filter(|(id, _)| {
            !policies
                .iter()
                .any(|(bucket, body)| bucket == id && denies_plain_http(&body["policy"]))
        })
        .map(|(id, _)| {
            Finding::new(
                address("aws_s3_bucket", id),
                "no policy denying requests without TLS",
            )
        })
        .collect()
}

fn payment_route_authorized(document: &Document, _: &Context) -> Vec<Finding> {
    document
        .resources("aws_apigatewayv2_route")
        .filter(|(_, route)| {
            route["route_key"] == "POST /payment" && route["authorization_type"] == "NONE"
        })
        .map(|(id, _)| {
            Finding::new(
                address("aws_apigatewayv2_route", id),
                "anyone can post payments",
            )
        })
        .collect()
}

fn log_retention(document: &Document, _: &Context) -> Vec<Finding> {
    document
        .resources("aws_cloudwatch_log_group")
        .filter(|(_, group)| {
            group["retention_in_days"]
                .as_u64()
                .is_none_or(|days| days == 0)
        })
        .map(|(id, _)| {
            Finding::new(
                address("aws_cloudwatch_log_group", id),
                "keeps logs forever",
            )
        })
        .collect()
}
