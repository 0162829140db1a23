//! The emulator target differs from the AWS target by exactly the listed
//! differences.

use std::collections::BTreeSet;

use payments::Config;
use payments::config::Profile;
use payments::emulator::{self, DIFFERENCES};
use serde_json::Value;

use crate::synth_document;

/// `(resource type, top-level attribute)` of every difference between two
/// documents' resources.
fn differing_attributes(a: &Value, b: &Value) -> BTreeSet<String> {
    let mut found = BTreeSet::new();
    let types: BTreeSet<&String> = a["resource"]
        .as_object()
        .unwrap()
        .keys()
        .chain(b["resource"].as_object().unwrap().keys())
        .collect();
    for tf_type in types {
        let ids: BTreeSet<&String> = a["resource"][tf_type]
            .as_object()
            .into_iter()
            .flatten()
            .chain(b["resource"][tf_type].as_object().into_iter().flatten())
            .map(|(id, _)| id)
            .collect();
        for id in ids {
            let (left, right) = (&a["resource"][tf_type][id], &b["resource"][tf_type][id]);
            if left.is_null() || right.is_null() {
                found.insert(format!("{tf_type} (whole resource)"));
                continue;
            }
            let keys: BTreeSet<&String> = left
                .as_object()
                .unwrap()
                .keys()
                .chain(right.as_object().unwrap().keys())
                .collect();
            for key in keys {
                if left.get(key) != right.get(key) {
                    found.insert(format!("{tf_type}.{key}"));
                }
            }
        }
    }
    for section in [
        "terraform",
        "provider",
        "variable",
        "data",
        "output",
        "moved",
    ] {
        if a.get(section) != b.get(section) {
            found.insert(section.to_owned());
        }
    }
    found
}

#[test]
fn emulator_config_only_turns_custom_domains_off() {
    let config = Config {
        env: "e2e".to_owned(),
        alert_email: Some("a@example.com".to_owned()),
        ..Config::default()
    };
    assert_eq!(
        emulator::config(&config).unwrap(),
        Config {
            custom_domains: false,
            ..config.clone()
        }
    );
    assert!(DIFFERENCES[0].attribute.starts_with("custom domains"));
}

#[test]
fn emulator_refuses_the_production_profile() {
    let config = Config {
        profile: Profile::Production,
        ..Config::default()
    };
    let error = emulator::config(&config).unwrap_err().to_string();
    assert!(error.contains("default profile only"), "{error}");
    assert!(error.contains("--profile default"), "{error}");
}

#[test]
fn emulator_document_differs_exactly_by_the_listed_attributes() {
    let config = emulator::config(&Config::default()).unwrap();
    let aws = synth_document(&config);
    let emulated = emulator::adapt(synth_document(&config));
    let found = differing_attributes(aws.value(), emulated.value());
    let expected: BTreeSet<String> = [
        "aws_dynamodb_table.replica",
        "aws_s3_bucket_replication_configuration.rule",
        "aws_lambda_function.logging_config",
        "aws_route53_zone.lifecycle",
        "aws_apigatewayv2_authorizer.lifecycle",
        "aws_lambda_event_source_mapping (whole resource)",
        "aws_dynamodb_tag (whole resource)",
    ]
    .into_iter()
    .map(str::to_owned)
    .collect();
    assert_eq!(found, expected);
    // And each listed attribute-level difference names one of these.
    for difference in &DIFFERENCES[1..] {
        assert!(
            expected.iter().any(|e| {
                // `<type>.<attribute>`, or `<type> (whole resource)`.
                let (tf_type, attribute) = e
                    .split_once('.')
                    .unwrap_or_else(|| (e.split(' ').next().unwrap_or(e), ""));
                difference.attribute.starts_with(e.as_str())
                    || (difference.attribute.contains(tf_type)
                        && difference.attribute.contains(attribute))
            }),
            "{} is listed but not produced",
            difference.attribute
        );
    }
    let rule = &emulated
        .resource(
            "aws_s3_bucket_replication_configuration",
            "documents_replication",
        )
        .unwrap()["rule"][0];
    assert_eq!(rule["delete_marker_replication"]["status"], "Disabled");
    assert_eq!(
        rule["destination"],
        aws.resource(
            "aws_s3_bucket_replication_configuration",
            "documents_replication"
        )
        .unwrap()["rule"][0]["destination"]
    );
}
