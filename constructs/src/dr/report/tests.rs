use super::*;
use crate::dr::fixtures::{Parts, stack};
use crate::testing::synth;

fn report(parts: Parts) -> DrReport {
    DrReport::of(&synth(&stack(parts)))
}

fn everything(custom_domains: bool) -> Parts {
    Parts {
        table: true,
        bucket: true,
        dns: Some(custom_domains),
        queues: false,
    }
}

#[test]
fn recovery_time_is_read_from_the_health_checks_and_the_alias() {
    let report = report(everything(true));
    let failover = report.failover.expect("the stack fails over");
    // 10 s x 3 failures + 30 s propagation + 60 s alias TTL.
    assert_eq!(failover.detection_seconds, 30);
    assert_eq!(failover.client_dns_cache_seconds, ALIAS_TARGET_TTL_SECONDS);
    assert_eq!(failover.worst_case_recovery_seconds, 120);
    // The fixture's primary health check carries the drill switch.
    assert_eq!(report.failover_drill.as_deref(), Some("failover_drill"));
}

#[test]
fn without_custom_domains_the_record_ttl_counts() {
    let failover = report(everything(false)).failover.unwrap();
    assert_eq!(failover.client_dns_cache_seconds, 30);
    assert_eq!(failover.worst_case_recovery_seconds, 90);
}

#[test]
fn the_report_agrees_with_what_the_construct_computes() {
    let time = RecoveryTime {
        health_check_interval_seconds: 10,
        failure_threshold: 3,
        client_dns_cache_seconds: ALIAS_TARGET_TTL_SECONDS,
    };
    assert_eq!(
        report(everything(true)).failover,
        Some(Failover::from(time))
    );
}

#[test]
fn recovery_points_name_each_replicated_store() {
    let report = report(everything(true));
    let stores: Vec<&str> = report
        .recovery_points
        .iter()
        .map(|p| p.store.as_str())
        .collect();
    assert_eq!(
        stores,
        [
            "aws_dynamodb_table.ledger_table",
            "aws_s3_bucket.invoices_source_bucket"
        ]
    );
    assert!(report.recovery_points[0].mechanism.contains("eu-central-1"));
    assert!(
        report.recovery_points[1]
            .recovery_point
            .contains("15 minutes")
    );
    // The fixture has no alarms: the report says what goes unseen instead
    // of pointing at an alarm that does not exist.
    assert!(!report.recovery_points[0].recovery_point.contains("alarm"));
    assert_eq!(report.gaps.len(), 3, "{:?}", report.gaps);
    assert!(
        report.gaps[0]
            .contains("no alarm on the replication latency of aws_dynamodb_table.ledger_table")
    );
    assert!(report.gaps[1].contains(
        "no alarm in eu-central-1 on the replication of aws_dynamodb_table.ledger_table back to eu-west-1"
    ));
    assert!(report.gaps[2].contains(
        "a key of aws_dynamodb_table.ledger_table written in two regions within the replication lag"
    ));
    assert!(report.write_conflicts.is_empty());
}

#[test]
fn a_stack_without_failover_says_so_and_refuses_a_target() {
    let report = report(Parts {
        table: true,
        bucket: false,
        dns: None,
        queues: false,
    })
    .with_target(Some(300));
    assert_eq!(report.failover, None);
    assert!(
        report.gaps[0].contains("no DNS failover record"),
        "{:?}",
        report.gaps
    );
    let error = report.check_target().unwrap_err().to_string();
    assert!(error.contains("add a FailoverDns construct"), "{error}");
    assert!(report.to_string().contains("unknown: no DNS failover"));
}

/// Failback waits for the writes taken in the replica's region: the
/// replication back is a gap until an alarm in that region watches it.
#[test]
fn replication_back_to_the_tables_region_needs_an_alarm_in_the_replicas_region() {
    let alarm = |region_provider: &str, receiving: &str| {
        serde_json::json!({
            "provider": region_provider,
            "metric_name": "ReplicationLatency",
            "namespace": "AWS/DynamoDB",
            "dimensions": { "TableName": "orders-test", "ReceivingRegion": receiving },
        })
    };
    let gaps = |alarms: Vec<(&str, Value)>| {
        let document = synth(&stack(Parts {
            table: true,
            bucket: false,
            dns: None,
            queues: false,
        }))
        .transformed(|value| {
            for (id, alarm) in alarms {
                value["resource"]["aws_cloudwatch_metric_alarm"][id] = alarm;
            }
        });
        DrReport::of(&document)
            .gaps
            .into_iter()
            .filter(|g| g.contains("no alarm"))
            .collect::<Vec<_>>()
    };
    let forward = ("forward", alarm("aws.west", "eu-central-1"));
    let back = ("back", alarm("aws.central", "eu-west-1"));
    // The alarm back must be in the replica's region: one in the table's
    // region watches nothing there.
    let misplaced = ("misplaced", alarm("aws.west", "eu-west-1"));
    assert_eq!(gaps(vec![forward.clone(), back]), Vec::<String>::new());
    for alarms in [vec![forward.clone()], vec![forward, misplaced]] {
        let gaps = gaps(alarms);
        assert_eq!(gaps.len(), 1, "{gaps:?}");
        assert!(gaps[0].contains("back to eu-west-1"), "{gaps:?}");
        assert!(gaps[0].contains("when traffic fails back"), "{gaps:?}");
    }
}

#[test]
fn a_table_without_replicas_is_a_gap() {
    let mut document = synth(&stack(Parts {
        table: true,
        bucket: false,
        dns: None,
        queues: false,
    }));
    document = document.transformed(|value| {
        value["resource"]["aws_dynamodb_table"]["ledger_table"]["replica"] = serde_json::json!([]);
    });
    let report = DrReport::of(&document);
    assert!(report.recovery_points.is_empty());
    assert!(
        report
            .gaps
            .iter()
            .any(|g| g.contains("ledger_table has no replica")),
        "{:?}",
        report.gaps
    );
}

#[test]
fn target_is_refused_with_the_setting_to_change() {
    let slow = RecoveryTime {
        health_check_interval_seconds: 30,
        failure_threshold: 3,
        client_dns_cache_seconds: 60,
    };
    let error = slow.check_target(120).unwrap_err().to_string();
    assert!(
        error.contains("worst-case recovery time is 180 s"),
        "{error}"
    );
    assert!(
        error.contains("interval 10 s with failure threshold 3 or less"),
        "{error}"
    );
    let fast = RecoveryTime {
        health_check_interval_seconds: 10,
        ..slow
    };
    assert_eq!(fast.check_target(120), Ok(()));
    let error = fast.check_target(60).unwrap_err().to_string();
    assert!(
        error.contains("no health-check setting can meet it"),
        "{error}"
    );
    // 5 s left after propagation and caching: less than any detection.
    let error = fast.check_target(95).unwrap_err().to_string();
    assert!(
        error.contains("no health-check setting can meet it"),
        "{error}"
    );
}

#[test]
fn a_missed_target_is_printed_as_missed() {
    let text = report(everything(true)).with_target(Some(100)).to_string();
    assert!(text.contains("(target 100 s: MISSED by 20 s)"), "{text}");
    let text = report(everything(true)).with_target(Some(120)).to_string();
    assert!(text.contains("(target 120 s: met)"), "{text}");
}

#[test]
fn an_unreplicated_bucket_is_a_gap() {
    let document = synth(&stack(everything(true))).transformed(|value| {
        value["resource"]
            .as_object_mut()
            .unwrap()
            .remove("aws_s3_bucket_replication_configuration");
    });
    let report = DrReport::of(&document);
    assert!(
        report
            .gaps
            .iter()
            .any(|g| g.contains("aws_s3_bucket.invoices_source_bucket is not replicated")),
        "{:?}",
        report.gaps
    );
}

#[test]
fn notes_are_kept_apart_from_the_report_fields_in_json() {
    let json = serde_json::to_value(
        report(everything(true)).with_note("gaps", "an app topic named like a field".to_owned()),
    )
    .unwrap();
    assert_eq!(json["notes"]["gaps"], "an app topic named like a field");
    assert!(json["gaps"].is_array());
}

#[test]
fn notes_and_gaps_of_the_app_are_printed() {
    let text = report(everything(true))
        .with_note(
            "authorization_on_failover",
            "tokens work in both".to_owned(),
        )
        .with_gaps(["no alert email".to_owned()])
        .to_string();
    assert!(
        text.contains("authorization on failover  tokens work in both"),
        "{text}"
    );
    assert!(text.contains("gap: no alert email"), "{text}");
}

#[test]
fn a_queue_counts_as_forwarded_only_when_the_function_may_send_there() {
    let parts = || Parts {
        table: false,
        bucket: false,
        dns: None,
        queues: true,
    };
    let report = report(parts());
    assert_eq!(report.recovery_points.len(), 1, "{report:#?}");
    assert_eq!(report.recovery_points[0].store, "aws_sqs_queue.jobs_west");
    assert!(
        report.recovery_points[0]
            .mechanism
            .contains("aws_sqs_queue.jobs_central")
    );
    // The same function without the permission to send: a worker that
    // merely names another region's queue forwards nothing.
    let document = synth(&stack(parts())).transformed(|value| {
        for policy in value["data"]["aws_iam_policy_document"]
            .as_object_mut()
            .unwrap()
            .values_mut()
        {
            for statement in policy["statement"].as_array_mut().unwrap() {
                statement["actions"]
                    .as_array_mut()
                    .unwrap()
                    .retain(|action| action != "sqs:SendMessage");
            }
        }
    });
    assert!(DrReport::of(&document).recovery_points.is_empty());
}
