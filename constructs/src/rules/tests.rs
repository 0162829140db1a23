//! The rules on a stack built only from the library, with provider and
//! construct names unlike the payments app's: they find the same problems.
//! (Each rule's own violation is tested on the payments app in
//! `tests/it/rules.rs`.)

use serde_json::json;

use super::{Context, Posture, RuleResult, audit, render};
use crate::core::Document;
use crate::dr::fixtures::{Parts, stack};
use crate::testing::synth;

fn context() -> Context {
    Context {
        name_suffix: Some("test".to_owned()),
        posture: Posture::Disposable,
    }
}

fn document(parts: Parts) -> Document {
    synth(&stack(parts))
}

fn everything() -> Document {
    document(Parts {
        table: true,
        bucket: true,
        dns: Some(true),
        queues: false,
    })
}

fn result<'r>(results: &'r [RuleResult], id: &str) -> &'r RuleResult {
    results.iter().find(|r| r.id == id).unwrap()
}

#[test]
fn a_library_stack_passes_whatever_its_names() {
    let results = audit(&everything(), &context());
    let failed: Vec<_> = results.iter().filter(|r| !r.failed.is_empty()).collect();
    assert!(failed.is_empty(), "{}", render(&results));
    // The routes were looked at: the open one is the health-check path.
    assert_eq!(result(&results, "SEC006").status(), "passed");
    assert_eq!(result(&results, "DR004").status(), "passed");
}

#[test]
fn roles_come_from_the_failover_records() {
    let document = everything();
    assert_eq!(
        super::dr::roles(&document),
        Ok(("eu-west-1".to_owned(), "eu-central-1".to_owned()))
    );
    // Swapped records swap the roles, whatever the providers are called.
    let swapped = document.transformed(|value| {
        let records = &mut value["resource"]["aws_route53_record"];
        records["names_primary_failover_record"]["failover_routing_policy"]["type"] =
            json!("SECONDARY");
        records["names_secondary_failover_record"]["failover_routing_policy"]["type"] =
            json!("PRIMARY");
    });
    assert_eq!(
        super::dr::roles(&swapped),
        Ok(("eu-central-1".to_owned(), "eu-west-1".to_owned()))
    );
}

#[test]
fn without_failover_the_table_decides_the_roles() {
    let document = document(Parts {
        table: true,
        bucket: false,
        dns: None,
        queues: false,
    });
    assert_eq!(
        super::dr::roles(&document),
        Ok(("eu-west-1".to_owned(), "eu-central-1".to_owned()))
    );
}

#[test]
fn a_table_not_replicated_to_the_secondary_fails_dr001() {
    let document = everything().transformed(|value| {
        value["resource"]["aws_dynamodb_table"]["ledger_table"]["replica"][0]["region_name"] =
            json!("us-west-2");
    });
    let results = audit(&document, &context());
    let dr001 = result(&results, "DR001");
    assert_eq!(dr001.failed.len(), 1, "{}", render(&results));
    assert!(
        dr001.failed[0]
            .message
            .contains("no replica in eu-central-1")
    );
}

#[test]
fn a_stack_with_nothing_replicated_cannot_pass_dr001() {
    let mut stack = crate::core::Stack::new("alone");
    let only = stack.provider(crate::core::AwsProvider::new("only", "eu-west-1"));
    stack.scope(&only).resource(
        "queue",
        crate::bindings::aws::sqs::SqsQueue {
            name: Some("jobs-test".into()),
            sqs_managed_sse_enabled: Some(true.into()),
            ..crate::bindings::aws::sqs::SqsQueue::new()
        },
    );
    let results = audit(&synth(&stack), &context());
    let dr001 = result(&results, "DR001");
    assert_eq!(dr001.status(), "failed");
    assert_eq!(dr001.failed[0].address, "aws_sqs_queue.queue");
    assert!(
        dr001.failed[0]
            .message
            .contains("cannot tell the primary region")
    );
}

#[test]
fn rules_without_a_subject_say_so() {
    let results = audit(
        &document(Parts {
            table: true,
            bucket: false,
            dns: None,
            queues: false,
        }),
        &Context {
            name_suffix: None,
            posture: Posture::Disposable,
        },
    );
    for (id, reason) in [
        ("DR002", "aws_s3_bucket_replication_configuration"),
        ("DR005", "aws_cloudwatch_metric_alarm"),
        ("DR004", "no failover record"),
        ("SEC006", "aws_apigatewayv2_route"),
        ("NAM001", "no name suffix"),
        ("SEC008", "disposable"),
    ] {
        let rule = result(&results, id);
        assert_eq!(rule.status(), "n/a", "{id}");
        assert!(
            rule.not_applicable.as_deref().unwrap().contains(reason),
            "{id}: {:?}",
            rule.not_applicable
        );
    }
    assert!(render(&results).contains("not checked: the stack has no aws_apigatewayv2_route"));
}

#[test]
fn a_primary_and_secondary_in_one_region_are_refused() {
    let document = everything().transformed(|value| {
        // Both regional APIs (and so both records' answers) in eu-west-1.
        for blocks in value["resource"].as_object_mut().unwrap().values_mut() {
            for body in blocks.as_object_mut().unwrap().values_mut() {
                if body["provider"] == "aws.central" {
                    body["provider"] = json!("aws.west");
                }
            }
        }
    });
    let reason = super::dr::roles(&document).unwrap_err();
    assert!(reason.contains("both in eu-west-1"), "{reason}");
    let results = audit(&document, &context());
    assert_eq!(result(&results, "DR001").status(), "failed");
}

#[test]
fn a_store_outside_both_regions_fails_dr001() {
    let document = everything().transformed(|value| {
        value["provider"]["aws"]
            .as_array_mut()
            .unwrap()
            .push(json!({"alias": "far", "region": "ap-southeast-2"}));
        value["resource"]["aws_dynamodb_table"]["ledger_table"]["provider"] = json!("aws.far");
    });
    let results = audit(&document, &context());
    let dr001 = result(&results, "DR001");
    assert!(
        dr001
            .failed
            .iter()
            .any(|f| f.address == "aws_dynamodb_table.ledger_table"
                && f.message
                    .contains("neither the primary (eu-west-1) nor the secondary")),
        "{}",
        render(&results)
    );
}

#[test]
fn an_alarm_without_actions_or_a_health_alarm_outside_us_east_1_fails_dr005() {
    let mut stack = stack(Parts {
        table: true,
        bucket: false,
        dns: None,
        queues: false,
    });
    let west = stack.provider(crate::core::AwsProvider::new("alarms", "eu-west-1"));
    stack.scope(&west).resource(
        "silent",
        // No alarm_actions at all.
        crate::bindings::aws::cloudwatch::CloudwatchMetricAlarm {
            namespace: Some("AWS/Route53".into()),
            metric_name: Some("HealthCheckStatus".into()),
            statistic: Some("Minimum".into()),
            period: Some(60.into()),
            threshold: Some(1.0.into()),
            ..crate::bindings::aws::cloudwatch::CloudwatchMetricAlarm::new(
                "health-test",
                "LessThanThreshold",
                3,
            )
        },
    );
    let results = audit(&synth(&stack), &context());
    let messages: Vec<&str> = result(&results, "DR005")
        .failed
        .iter()
        .map(|f| f.message.as_str())
        .collect();
    assert_eq!(messages.len(), 2, "{messages:?}");
    assert!(messages[0].contains("notifies nobody"));
    assert!(messages[1].contains("outside us-east-1"));
}

#[test]
fn an_open_route_other_than_the_probe_fails_sec006() {
    let document = everything().transformed(|value| {
        value["resource"]["aws_apigatewayv2_route"]["web_a_orders"]["authorization_type"] =
            json!("NONE");
    });
    let results = audit(&document, &context());
    let sec006 = result(&results, "SEC006");
    assert_eq!(sec006.failed.len(), 1);
    assert_eq!(
        sec006.failed[0].address,
        "aws_apigatewayv2_route.web_a_orders"
    );
}

#[test]
fn the_default_provider_counts_as_a_region() {
    let document = everything().transformed(|value| {
        // The primary's provider without an alias, its blocks unbound.
        value["provider"]["aws"][0]
            .as_object_mut()
            .unwrap()
            .remove("alias");
        for blocks in value["resource"].as_object_mut().unwrap().values_mut() {
            for body in blocks.as_object_mut().unwrap().values_mut() {
                if body["provider"] == "aws.west" {
                    body.as_object_mut().unwrap().remove("provider");
                }
            }
        }
    });
    let results = audit(&document, &context());
    assert!(
        results.iter().all(|r| r.failed.is_empty()),
        "{}",
        render(&results)
    );
    assert_eq!(
        super::dr::roles(&document),
        Ok(("eu-west-1".to_owned(), "eu-central-1".to_owned()))
    );
}

#[test]
fn the_suffix_counts_as_a_word_of_its_own_anywhere_in_a_name() {
    use super::naming::carries_suffix;
    for name in [
        "payments-test",
        "test-payments",
        "/aws/lambda/payments-test-handler",
        "payments.test.example.com",
        "payments_test_key",
        "alias/payments-eu-west-1-test",
    ] {
        assert!(carries_suffix(name, "test"), "{name}");
    }
    for name in ["latest-payments", "payments-tests", "contest", "payments"] {
        assert!(!carries_suffix(name, "test"), "{name}");
    }
    // A suffix with a hyphen of its own, as `--env prod-2`.
    assert!(carries_suffix("ledger-prod-2-table", "prod-2"));
    assert!(!carries_suffix("ledger-prod-20", "prod-2"));
}

/// Route 53 query logs go to `/aws/route53/<zone name>`: a DNS name like the
/// zone's, which NAM001 leaves to the domain, as it leaves the zone. Any
/// other log group still needs the suffix.
#[test]
fn a_query_log_group_named_after_a_zone_of_the_stack_passes_nam001() {
    let with_log_group = |zone: &str, log_group: &str| {
        everything().transformed(|value| {
            value["resource"]["aws_route53_zone"]["owned"] = json!({ "name": zone });
            value["resource"]["aws_cloudwatch_log_group"]["query_logs"] =
                json!({ "name": log_group });
        })
    };
    let nam001 = |document: &Document| {
        let results = audit(document, &context());
        result(&results, "NAM001").failed.clone()
    };
    for (zone, log_group) in [
        ("pay.acme-corp.io", "/aws/route53/pay.acme-corp.io"),
        // Route 53 compares names without case and the final dot.
        ("Pay.Acme-Corp.io.", "/aws/route53/pay.acme-corp.io"),
        (
            "pay.acme-corp.io",
            "/aws/route53/${aws_route53_zone.owned.name}",
        ),
    ] {
        let failed = nam001(&with_log_group(zone, log_group));
        assert!(failed.is_empty(), "{log_group}: {failed:?}");
    }
    for (zone, log_group) in [
        // Not a zone of this stack: another environment's, perhaps.
        ("pay.acme-corp.io", "/aws/route53/orders.acme-corp.io"),
        // A zone's name outside the query-log prefix is an ordinary name.
        ("pay.acme-corp.io", "/aws/lambda/pay.acme-corp.io"),
        (
            "pay.acme-corp.io",
            "/aws/route53/${aws_route53_zone.other.name}",
        ),
    ] {
        let failed = nam001(&with_log_group(zone, log_group));
        assert_eq!(failed.len(), 1, "{log_group}: {failed:?}");
        assert_eq!(failed[0].address, "aws_cloudwatch_log_group.query_logs");
        assert!(
            failed[0].message.contains("lacks the suffix `test`")
                && failed[0].message.contains("as a word of its own (`-test`)"),
            "{}",
            failed[0].message
        );
    }
}
