//! Each rule passes on the payments app and catches its own violation.

use serde_json::{Value, json};

use constructs::bindings::aws::sns::SnsTopic;
use constructs::core::{AwsProvider, Meta, Stack};
use constructs::rules::{Context, audit, render};
use payments::config::Profile;
use payments::{Config, payments_app};

fn config(profile: Profile) -> Config {
    match profile {
        Profile::Production => payments::testing::production_config(),
        Profile::Default => Config::default(),
    }
}

fn document_for(profile: Profile) -> constructs::core::Document {
    payments_app(&config(profile))
        .unwrap()
        .synth()
        .unwrap()
        .remove(0)
}

fn document() -> constructs::core::Document {
    document_for(Profile::Default)
}

fn context() -> Context {
    Config::default().rules_context()
}

/// A change to the document that breaks one rule.
type Violation = Box<dyn FnOnce(&mut Value)>;

fn failed_rules(change: impl FnOnce(&mut Value)) -> Vec<&'static str> {
    failed_rules_in(Profile::Default, change)
}

fn failed_rules_in(profile: Profile, change: impl FnOnce(&mut Value)) -> Vec<&'static str> {
    let document = document_for(profile).transformed(change);
    audit(&document, &config(profile).rules_context())
        .into_iter()
        .filter(|r| !r.failed.is_empty())
        .map(|r| r.id)
        .collect()
}

#[test]
fn the_payments_app_passes_with_its_suppressions_listed() {
    let results = audit(&document(), &context());
    let failed: Vec<_> = results.iter().filter(|r| !r.failed.is_empty()).collect();
    assert!(failed.is_empty(), "{}", render(&results));
    let encryption = results.iter().find(|r| r.id == "SEC003").unwrap();
    assert_eq!(encryption.status(), "suppressed");
    assert_eq!(encryption.suppressed.len(), 2, "one alarm topic per region");
    assert!(encryption.suppressed[0].1.contains("CloudWatch"));
    let table = render(&results);
    assert!(
        table.contains("16 rules: 14 passed, 0 failed, 1 suppressed, 1 not applicable"),
        "{table}"
    );
}

#[test]
fn the_production_app_passes_with_its_suppressions_listed() {
    let results = audit(
        &document_for(Profile::Production),
        &config(Profile::Production).rules_context(),
    );
    let table = render(&results);
    assert!(
        table.contains("16 rules: 15 passed, 0 failed, 1 suppressed, 0 not applicable"),
        "{table}"
    );
    // The topics need no suppression: production encrypts them with its keys.
    let encryption = results.iter().find(|r| r.id == "SEC003").unwrap();
    assert_eq!(encryption.status(), "passed");
    let counterparts = results.iter().find(|r| r.id == "DR001").unwrap();
    let suppressed: Vec<&str> = counterparts
        .suppressed
        .iter()
        .map(|(finding, _)| finding.address.as_str())
        .collect();
    // The access-log buckets need none: the primary's logs are replicated.
    assert_eq!(suppressed, ["aws_sqs_queue.queue_replication_dead_letter"]);
}

#[test]
fn production_rules_catch_their_violations() {
    let cases: Vec<(&str, Violation)> = vec![
        (
            "SEC008",
            Box::new(|d| {
                d["resource"]["aws_sqs_queue"]["primary_queue_main"]
                    .as_object_mut()
                    .unwrap()
                    .remove("kms_master_key_id");
                d["resource"]["aws_sqs_queue"]["primary_queue_main"]["sqs_managed_sse_enabled"] =
                    json!(true);
            }),
        ),
        (
            "SEC008",
            Box::new(|d| {
                d["resource"]["aws_dynamodb_table"]["transactions_table"]["replica"][0]
                    .as_object_mut()
                    .unwrap()
                    .remove("kms_key_arn");
            }),
        ),
        (
            "SEC007",
            Box::new(|d| {
                d["resource"]["aws_cloudwatch_log_group"]["primary_payment_logs"]["retention_in_days"] =
                    json!(30)
            }),
        ),
        (
            "DES001",
            Box::new(|d| {
                d["resource"]["aws_s3_bucket"]["documents_source_bucket"]
                    .as_object_mut()
                    .unwrap()
                    .remove("lifecycle");
            }),
        ),
        (
            "DES001",
            Box::new(|d| {
                d["resource"]["aws_dynamodb_table"]["transactions_table"]["deletion_protection_enabled"] =
                    json!(false)
            }),
        ),
        (
            // The X-Ray exception covers X-Ray actions only.
            "SEC002",
            Box::new(move |d| {
                let policy = "primary_payment_execution_permissions";
                let statements = d["data"]["aws_iam_policy_document"][policy]["statement"]
                    .as_array_mut()
                    .unwrap();
                let traces = statements
                    .iter_mut()
                    .find(|s| s["sid"] == "WriteTraces")
                    .unwrap();
                traces["actions"]
                    .as_array_mut()
                    .unwrap()
                    .push(json!("sqs:SendMessage"));
            }),
        ),
    ];
    for (rule, change) in cases {
        assert_eq!(
            failed_rules_in(Profile::Production, change),
            [rule],
            "{rule}"
        );
    }
}

#[test]
fn every_rule_catches_its_violation() {
    let table = "aws_dynamodb_table";
    let replication = "aws_s3_bucket_replication_configuration";
    let cases: Vec<(&str, Violation)> = vec![
        (
            "DR001",
            Box::new(move |d| d["resource"][table]["transactions_table"]["replica"] = json!([])),
        ),
        (
            "DR002",
            Box::new(move |d| {
                d["resource"][replication]["documents_replication"]["depends_on"] = json!([])
            }),
        ),
        (
            "DR003",
            Box::new(move |d| {
                d["resource"][replication]["documents_replication"]["rule"][0]["destination"]["metrics"]
                    ["status"] = json!("Disabled")
            }),
        ),
        (
            "DR004",
            Box::new(|d| {
                d["resource"]["aws_route53_record"]["dns_secondary_failover_record"]
                    .as_object_mut()
                    .unwrap()
                    .remove("health_check_id");
            }),
        ),
        (
            "DR005",
            Box::new(|d| {
                d["resource"]["aws_cloudwatch_metric_alarm"]["monitoring_primary_alarms_api_5xx"]
                    ["alarm_actions"] = json!(["${aws_sns_topic.secondary_alerts_topic.arn}"])
            }),
        ),
        (
            "DR006",
            Box::new(|d| {
                d["provider"]["aws"]
                    .as_array_mut()
                    .unwrap()
                    .push(json!({"alias": "tertiary", "region": "eu-west-1"}))
            }),
        ),
        (
            "SEC001",
            Box::new(|d| {
                d["data"]["aws_iam_policy_document"]["primary_payment_execution_permissions"]["statement"]
                    [0]["actions"] = json!(["dynamodb:*"])
            }),
        ),
        (
            "SEC002",
            Box::new(|d| {
                d["data"]["aws_iam_policy_document"]["primary_payment_execution_permissions"]["statement"]
                    [0]["resources"] = json!(["*"])
            }),
        ),
        (
            "SEC003",
            Box::new(move |d| {
                d["resource"][table]["transactions_table"]["server_side_encryption"]["enabled"] =
                    json!(false)
            }),
        ),
        (
            "SEC004",
            Box::new(|d| {
                d["resource"]["aws_s3_bucket_public_access_block"]["documents_source_public_access_block"]
                    ["block_public_policy"] = json!(false)
            }),
        ),
        (
            "SEC005",
            Box::new(|d| {
                d["data"]["aws_iam_policy_document"]["documents_destination_policy_document"]["statement"]
                    [0]["condition"][0]["values"] = json!(["true"])
            }),
        ),
        (
            "SEC006",
            Box::new(|d| {
                d["resource"]["aws_apigatewayv2_route"]["secondary_api_post_payment"]["authorization_type"] =
                    json!("NONE")
            }),
        ),
        (
            "SEC007",
            Box::new(|d| {
                d["resource"]["aws_cloudwatch_log_group"]["primary_payment_logs"]["retention_in_days"] =
                    json!(0)
            }),
        ),
        (
            "NAM001",
            Box::new(|d| {
                d["resource"]["aws_cloudwatch_dashboard"]["monitoring_dashboard"]["dashboard_name"] =
                    json!("payments-dr")
            }),
        ),
        (
            "DES001",
            Box::new(move |d| {
                d["resource"][table]["transactions_table"]["deletion_protection_enabled"] =
                    json!(true)
            }),
        ),
    ];
    // SEC008 applies to the production profile only (see below).
    assert_eq!(
        cases.len() + 1,
        constructs::rules::rules().len(),
        "one case per rule"
    );
    for (rule, change) in cases {
        assert_eq!(failed_rules(change), [rule], "{rule}");
    }
}

#[test]
fn a_suppression_without_a_reason_is_a_synth_error() {
    let mut stack = Stack::new("app");
    let primary = stack.provider(AwsProvider::new("primary", "us-east-1"));
    stack.scope(&primary).resource_with(
        "topic",
        SnsTopic {
            name: Some("alerts-dev".into()),
            ..SnsTopic::new()
        },
        Meta::default().suppress("SEC003", " "),
    );
    let errors = stack.synth().unwrap_err().to_string();
    assert!(
        errors.contains("`app/topic` suppresses rule SEC003 without a reason"),
        "{errors}"
    );
}

#[test]
fn opting_out_of_payment_authorization_is_a_listed_suppression() {
    let config = Config {
        payment_auth: payments::config::PaymentAuth::None,
        ..Config::default()
    };
    let document = payments_app(&config).unwrap().synth().unwrap().remove(0);
    let results = audit(&document, &context());
    let route = results.iter().find(|r| r.id == "SEC006").unwrap();
    assert_eq!(route.status(), "suppressed");
    assert!(route.suppressed[0].1.contains("--payment-auth none"));
}

#[test]
fn a_suppression_must_name_a_rule_that_finds_something_there() {
    let mut stack = Stack::new("app");
    let primary = stack.provider(AwsProvider::new("primary", "us-east-1"));
    let topic = |name: &str| SnsTopic {
        name: Some(name.into()),
        ..SnsTopic::new()
    };
    let reason = "alarm messages only";
    let mut scope = stack.scope(&primary);
    // Used: SEC003 finds the unencrypted topic.
    scope.resource_with(
        "used",
        topic("used-dev"),
        Meta::default().suppress("SEC003", reason),
    );
    // A typo: no such rule, so SEC003 is not silenced either.
    scope.resource_with(
        "typo",
        topic("typo-dev"),
        Meta::default().suppress("SEC03", reason),
    );
    // Stale: DR004 looks at failover records, never at topics.
    scope.resource_with(
        "stale",
        topic("stale-dev"),
        Meta::default()
            .suppress("SEC003", reason)
            .suppress("DR004", reason),
    );
    let document = stack.synth().unwrap();
    let results = audit(&document, &context());
    let problems = constructs::rules::unmatched_suppressions(&document, &results);
    assert_eq!(problems.len(), 2, "{problems:?}");
    assert!(problems[0].contains(
        "aws_sns_topic.typo suppresses rule SEC03, which does not exist; use one of DR001"
    ));
    assert!(
        problems[1]
            .contains("aws_sns_topic.stale suppresses rule DR004, which finds nothing there")
    );
    let encryption = results.iter().find(|r| r.id == "SEC003").unwrap();
    assert_eq!(encryption.failed.len(), 1, "the typo silenced nothing");
    // The payments app's own suppressions all accept a finding.
    for profile in [Profile::Default, Profile::Production] {
        let app = document_for(profile);
        let results = audit(&app, &config(profile).rules_context());
        assert!(constructs::rules::unmatched_suppressions(&app, &results).is_empty());
    }
}
