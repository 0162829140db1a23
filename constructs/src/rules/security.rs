//! Security rules: least privilege, encryption, no public data.

use std::collections::{HashMap, HashSet};

use serde_json::Value;

use super::{Context, Finding, Posture, Rule, Severity, address, needs, referenced};
use crate::core::Document;

/// Actions an identity policy may grant on the resource `*`, each with why
/// AWS offers nothing narrower. A statement naming `*` passes only when all
/// its actions are listed here.
pub const WILDCARD_RESOURCE_ACTIONS: [(&str, &str); 2] = [
    (
        "xray:PutTraceSegments",
        "X-Ray has no resource-level permissions",
    ),
    (
        "xray:PutTelemetryRecords",
        "X-Ray has no resource-level permissions",
    ),
];

pub const RULES: [Rule; 8] = [
    Rule {
        id: "SEC001",
        description: "no IAM statement allows a `*` action",
        severity: Severity::High,
        applies: has_policy_documents,
        check: no_wildcard_actions,
    },
    Rule {
        id: "SEC002",
        description: "no IAM statement names a `*` resource, except for actions listed with their reason",
        severity: Severity::High,
        applies: has_policy_documents,
        check: no_wildcard_resources,
    },
    Rule {
        id: "SEC003",
        description: "buckets, tables, queues and topics are encrypted at rest",
        severity: Severity::High,
        applies: has_stores,
        check: encrypted_at_rest,
    },
    Rule {
        id: "SEC004",
        description: "every bucket blocks public access",
        severity: Severity::High,
        applies: has_buckets,
        check: public_access_blocked,
    },
    Rule {
        id: "SEC005",
        description: "every bucket policy refuses requests without TLS",
        severity: Severity::High,
        applies: has_buckets,
        check: tls_only_buckets,
    },
    Rule {
        id: "SEC006",
        description: "every API route requires authorization, except GET of a path Route 53 health checks probe",
        severity: Severity::High,
        applies: has_routes,
        check: routes_authorized,
    },
    Rule {
        id: "SEC007",
        description: "every log group has a retention (production: at least the posture's days)",
        severity: Severity::Medium,
        applies: has_log_groups,
        check: log_retention,
    },
    Rule {
        id: "SEC008",
        description: "production: tables, buckets (but access-log targets), queues, topics and log groups use a customer-managed key",
        severity: Severity::High,
        applies: is_production,
        check: customer_managed_keys,
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
        .filter(|(_, s)| {
            s["effect"] == "Allow"
                && strings(&s["resources"]).any(|r| r == "*")
                && !strings(&s["actions"]).all(|action| {
                    WILDCARD_RESOURCE_ACTIONS
                        .iter()
                        .any(|(allowed, _)| *allowed == action)
                })
        })
        .map(|(address, _)| Finding::new(address, "names the resource `*`"))
        .collect()
}

/// The resources of `tf_type` configuring each bucket (via their
/// `bucket`), by bucket id: looked up once per bucket, not scanned.
fn configured_buckets<'d>(
    document: &'d Document,
    tf_type: &str,
) -> HashMap<&'d str, Vec<&'d Value>> {
    let mut by_bucket: HashMap<&str, Vec<&Value>> = HashMap::new();
    for (_, body) in document.resources(tf_type) {
        if let Some((_, bucket)) = referenced(&body["bucket"]) {
            by_bucket.entry(bucket).or_default().push(body);
        }
    }
    by_bucket
}

fn encrypted_at_rest(document: &Document, _: &Context) -> Vec<Finding> {
    let mut findings = Vec::new();
    let encrypted = configured_buckets(
        document,
        "aws_s3_bucket_server_side_encryption_configuration",
    );
    for (id, _) in document.resources("aws_s3_bucket") {
        if !encrypted.contains_key(id.as_str()) {
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
            !blocks.get(id.as_str()).is_some_and(|blocks| {
                blocks
                    .iter()
                    .any(|block| settings.iter().all(|s| block[*s] == true))
            })
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
            !policies.get(id.as_str()).is_some_and(|policies| {
                policies
                    .iter()
                    .any(|body| denies_plain_http(&body["policy"]))
            })
        })
        .map(|(id, _)| {
            Finding::new(
                address("aws_s3_bucket", id),
                "no policy denying requests without TLS",
            )
        })
        .collect()
}

fn routes_authorized(document: &Document, _: &Context) -> Vec<Finding> {
    let probed: HashSet<String> = document
        .resources("aws_route53_health_check")
        .filter_map(|(_, check)| check["resource_path"].as_str())
        .map(|path| format!("GET {path}"))
        .collect();
    document
        .resources("aws_apigatewayv2_route")
        .filter(|(_, route)| {
            let open = route["authorization_type"]
                .as_str()
                .is_none_or(|kind| kind == "NONE");
            let route_key = route["route_key"].as_str().unwrap_or_default();
            open && !probed.contains(route_key)
        })
        .map(|(id, route)| {
            Finding::new(
                address("aws_apigatewayv2_route", id),
                format!("anyone can call {}", route["route_key"]),
            )
        })
        .collect()
}

fn log_retention(document: &Document, context: &Context) -> Vec<Finding> {
    let minimum = match context.posture {
        Posture::Production { log_retention_days } => log_retention_days,
        Posture::Disposable => 1,
    };
    document
        .resources("aws_cloudwatch_log_group")
        .filter_map(|(id, group)| {
            let message = match group["retention_in_days"].as_u64() {
                None | Some(0) => "keeps logs forever".to_owned(),
                Some(days) if days < u64::from(minimum) => {
                    format!("keeps logs {days} days, under the stack's {minimum}")
                }
                Some(_) => return None,
            };
            Some(Finding::new(
                address("aws_cloudwatch_log_group", id),
                message,
            ))
        })
        .collect()
}

fn customer_managed_keys(document: &Document, _: &Context) -> Vec<Finding> {
    let log_targets: HashSet<&str> = document
        .resources("aws_s3_bucket_logging")
        .filter_map(|(_, logging)| Some(referenced(&logging["target_bucket"])?.1))
        .collect();
    let kms_buckets: HashSet<&str> = configured_buckets(
        document,
        "aws_s3_bucket_server_side_encryption_configuration",
    )
    .into_iter()
    .filter(|(_, bodies)| {
        bodies.iter().any(|body| {
            body["rule"].as_array().into_iter().flatten().all(|rule| {
                let default = &rule["apply_server_side_encryption_by_default"];
                default["sse_algorithm"] == "aws:kms" && default["kms_master_key_id"].is_string()
            })
        })
    })
    .map(|(bucket, _)| bucket)
    .collect();
    let mut findings: Vec<Finding> = document
        .resources("aws_s3_bucket")
        .filter(|(id, _)| {
            !log_targets.contains(&id.as_str()) && !kms_buckets.contains(&id.as_str())
        })
        .map(|(id, _)| Finding::new(address("aws_s3_bucket", id), "not encrypted with a KMS key"))
        .collect();
    let keyed = [
        ("aws_dynamodb_table", "/server_side_encryption/kms_key_arn"),
        ("aws_sqs_queue", "/kms_master_key_id"),
        ("aws_sns_topic", "/kms_master_key_id"),
        ("aws_cloudwatch_log_group", "/kms_key_id"),
    ];
    for (tf_type, pointer) in keyed {
        for (id, body) in document.resources(tf_type) {
            if !body.pointer(pointer).is_some_and(Value::is_string) {
                findings.push(Finding::new(
                    address(tf_type, id),
                    "no customer-managed key",
                ));
            }
        }
    }
    for (id, table) in document.resources("aws_dynamodb_table") {
        for replica in table["replica"].as_array().into_iter().flatten() {
            if !replica["kms_key_arn"].is_string() {
                findings.push(Finding::new(
                    address("aws_dynamodb_table", id),
                    format!(
                        "replica in {} has no customer-managed key",
                        replica["region_name"]
                    ),
                ));
            }
        }
    }
    findings
}

fn has_policy_documents(document: &Document, _: &Context) -> Result<(), String> {
    if statements(document).next().is_some() {
        Ok(())
    } else {
        Err("the stack has no IAM policy statement (data.aws_iam_policy_document)".to_owned())
    }
}

fn has_stores(document: &Document, _: &Context) -> Result<(), String> {
    needs(
        document,
        &[
            "aws_s3_bucket",
            "aws_dynamodb_table",
            "aws_sqs_queue",
            "aws_sns_topic",
        ],
    )
}

fn has_buckets(document: &Document, _: &Context) -> Result<(), String> {
    needs(document, &["aws_s3_bucket"])
}

fn has_routes(document: &Document, _: &Context) -> Result<(), String> {
    needs(document, &["aws_apigatewayv2_route"])
}

fn has_log_groups(document: &Document, _: &Context) -> Result<(), String> {
    needs(document, &["aws_cloudwatch_log_group"])
}

fn is_production(_: &Document, context: &Context) -> Result<(), String> {
    if context.posture.is_production() {
        Ok(())
    } else {
        Err("a disposable stack may use AWS-managed keys".to_owned())
    }
}
