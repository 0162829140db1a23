//! The emulator target: what changes when the stack is applied to moto
//! instead of AWS, all of it here.
//!
//! Each difference is something moto cannot do; everything else is
//! byte-identical to the AWS target with the same configuration. Drift is
//! never hidden with `ignore_changes`: where moto reads a value back
//! differently, the emulator target writes it the way moto reads it. (One
//! moto deviation no configuration can meet, the re-spaced SQS redrive
//! policy, is corrected in the emulator instead:
//! `tests/emulator/moto_server.py`.)

use serde_json::Value;

use constructs::core::{Diagnostics, Document, Error};

use crate::config::Config;

/// One way the emulator target differs from the AWS target.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Difference {
    /// The resource type and attribute, e.g. `aws_dynamodb_table.replica`.
    pub attribute: &'static str,
    pub change: &'static str,
    pub reason: &'static str,
}

/// Every difference, in the order `adapt` applies them.
pub const DIFFERENCES: [Difference; 6] = [
    Difference {
        attribute: "custom domains (aws_acm_certificate, aws_acm_certificate_validation, aws_apigatewayv2_domain_name, aws_apigatewayv2_api_mapping, validation records)",
        change: "off, as with --no-custom-domains: the failover records are CNAMEs to the execute-api hosts",
        reason: "moto never reports a regional API Gateway custom domain AVAILABLE, so the apply fails waiting for it",
    },
    Difference {
        attribute: "aws_dynamodb_table.replica, and the aws_dynamodb_tag resources on the replicas",
        change: "removed: the emulator's table has no replica in the secondary region, so nothing to tag there",
        reason: "moto never finishes creating a table with a replica block; the apply hangs",
    },
    Difference {
        attribute: "aws_lambda_event_source_mapping on a replica's stream (the secondary's conflict detector trigger)",
        change: "removed: the secondary's conflict detector is created but reads nothing",
        reason: "without the replica there is no table, and so no stream, in the secondary region",
    },
    Difference {
        attribute: "aws_s3_bucket_replication_configuration.rule.delete_marker_replication.status",
        change: "Disabled instead of Enabled",
        reason: "moto reads delete-marker replication back as Disabled, so every plan would show drift",
    },
    Difference {
        attribute: "aws_lambda_function.logging_config",
        change: "removed (Lambda's default log group and text platform logs)",
        reason: "moto does not store a function's logging configuration, so every plan would show drift",
    },
    Difference {
        attribute: "aws_route53_zone and aws_apigatewayv2_authorizer lifecycle.postcondition",
        change: "removed: the demo domain and the placeholder JWT issuer are kept",
        reason: "the guards stop a plan that AWS would refuse (a reserved domain, an issuer that issues nothing); moto hosts example.com and never verifies a token",
    },
];

/// The configuration the emulator target synthesizes. The production
/// profile is refused: its retained resources could never be destroyed,
/// which is the point of an emulator run, and moto does not sign zones.
pub fn config(config: &Config) -> Result<Config, Diagnostics> {
    if config.profile.is_production() {
        return Err(Diagnostics(vec![Error::invalid_setting(
            "profile",
            config.profile.name(),
            "the emulator target supports the default profile only: production resources carry \
             prevent_destroy, so an emulator run could not be torn down, and moto cannot sign a zone with DNSSEC",
            "drop --target emulator to synthesize production for AWS, or use --profile default",
        )]));
    }
    Ok(Config {
        custom_domains: false,
        // moto implements no Route 53 ARC API (see `RECOVERY_CONTROL_LEFT_OUT`).
        recovery_control: false,
        ..config.clone()
    })
}

/// What the emulator target says when it leaves out `--recovery-control`.
pub const RECOVERY_CONTROL_LEFT_OUT: &str = "the emulator target leaves out --recovery-control: moto \
    implements no Route 53 ARC API, so there the failover records follow the HTTPS health checks; \
    synthesize for AWS to get the cluster, the routing controls and the safety rule";

/// Applies the attribute-level differences to a synthesized AWS document.
pub fn adapt(document: Document) -> Document {
    document.transformed(|value| {
        for_each_resource(value, "aws_dynamodb_table", |table| {
            remove(table, "replica");
        });
        // What reads or tags a replica goes with it.
        remove_on_replicas(value, "aws_dynamodb_tag", "resource_arn");
        remove_on_replicas(value, "aws_lambda_event_source_mapping", "event_source_arn");
        for_each_resource(
            value,
            "aws_s3_bucket_replication_configuration",
            |replication| {
                for rule in replication["rule"].as_array_mut().into_iter().flatten() {
                    rule["delete_marker_replication"]["status"] = Value::from("Disabled");
                }
            },
        );
        for_each_resource(value, "aws_lambda_function", |function| {
            remove(function, "logging_config");
        });
        for tf_type in ["aws_route53_zone", "aws_apigatewayv2_authorizer"] {
            for_each_resource(value, tf_type, |block| {
                // `get_mut`, not indexing, which would insert a null.
                let Some(lifecycle) = block.get_mut("lifecycle") else {
                    return;
                };
                remove(lifecycle, "postcondition");
                if lifecycle.as_object().is_some_and(|l| l.is_empty()) {
                    remove(block, "lifecycle");
                }
            });
        }
    })
}

fn for_each_resource(document: &mut Value, tf_type: &str, mut change: impl FnMut(&mut Value)) {
    // `get_mut`, not indexing: indexing would insert a null for a type the
    // document does not have.
    let blocks = document
        .get_mut("resource")
        .and_then(|resources| resources.get_mut(tf_type))
        .and_then(Value::as_object_mut);
    if let Some(blocks) = blocks {
        blocks.values_mut().for_each(&mut change);
    }
}

/// Removes the `tf_type` resources whose `attribute` names a table's
/// replica (`[for item in ... .replica : ...]`), and the type when none is
/// left.
fn remove_on_replicas(value: &mut Value, tf_type: &str, attribute: &str) {
    let Some(resources) = value.get_mut("resource").and_then(Value::as_object_mut) else {
        return;
    };
    let Some(blocks) = resources.get_mut(tf_type).and_then(Value::as_object_mut) else {
        return;
    };
    blocks.retain(|_, block| {
        !block[attribute]
            .as_str()
            .is_some_and(|arn| arn.contains(".replica :"))
    });
    if blocks.is_empty() {
        resources.remove(tf_type);
    }
}

fn remove(block: &mut Value, attribute: &str) {
    if let Some(fields) = block.as_object_mut() {
        fields.remove(attribute);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use constructs::bindings::aws::s3::S3Bucket;
    use constructs::core::{AwsProvider, Stack};

    #[test]
    fn types_the_document_lacks_are_left_alone() {
        let mut stack = Stack::new("s");
        let provider = stack.provider(AwsProvider::new("primary", "us-east-1"));
        stack.scope(&provider).resource(
            "bucket",
            S3Bucket {
                bucket: Some("b".into()),
                ..S3Bucket::new()
            },
        );
        let document = stack.synth().unwrap();
        assert_eq!(adapt(document.clone()), document);
    }
}
