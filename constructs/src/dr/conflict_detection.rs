//! Write conflicts of a global table, found and recorded in every region.
//!
//! Replication is last writer wins: two writes of one key in two regions
//! within the replication lag (a retry against the secondary after a
//! failover, before the primary's write arrived) leave one version in
//! both, silently. The region whose write lost sees the other's replace
//! it on its stream; the project's `conflict-detector` handler
//! (`lambda/conflict-detector.zip`) reads each region's stream, recognises
//! that overwrite from the region every writer stamps on its items, and
//! records both versions in a conflict table (itself a global table, so a
//! reconciler reads every conflict in either region). A record that
//! cannot be handled is retried, the batch bisected, and after
//! [`MAX_RETRY_ATTEMPTS`] its position in the stream goes to a queue that
//! alarms at once: the stream keeps the records for 24 hours, in which
//! `scripts/replay_stream.py` turns that position back into an event.

use std::collections::{BTreeMap, HashMap};

use crate::aws::iam::Statement;
use crate::aws::sts::Account;
use crate::bindings::aws::lambda::{
    LambdaEventSourceMapping, LambdaEventSourceMappingDestinationConfig,
    LambdaEventSourceMappingDestinationConfigOnFailure, LambdaFunction,
};
use crate::bindings::aws::sns::SnsTopic;
use crate::bindings::aws::sqs::SqsQueue;
use crate::core::{Document, Expr, Meta, Ref, Scope};

use super::global_table::{GlobalTable, GlobalTableProps, Key, TableReplica};
use super::monitoring::{Alarm, dimensions};
use super::rust_function::{
    DEAD_LETTER_RETENTION_SECONDS, FunctionHardening, RustFunction, RustFunctionProps,
    invoked_function,
};

/// The conflict table's partition key: the conflicting item's key, as
/// JSON in DynamoDB's form (`{"transaction_id":{"S":"t-1"}}`).
pub const CONFLICT_PARTITION_KEY: &str = "item_key";
/// Its sort key: `<region>#<stream sequence number>` of the detection.
pub const CONFLICT_SORT_KEY: &str = "detection";
/// The namespace of the detector's metric.
pub const METRIC_NAMESPACE: &str = "DRSynth";
/// The metric counting recorded conflicts, by `TableName`.
pub const CONFLICT_METRIC: &str = "ReplicationConflicts";
/// Times Lambda retries a failing batch (halving it on a function error)
/// before it sends the batch's position to the failure queue: enough to
/// ride out an hour or more of a conflict table that does not answer (each
/// try takes up to the client's 5 s), while a record that can never be
/// recorded holds its shard for minutes, not the stream's 24 hours.
/// Lambda allows 0-10,000.
pub const MAX_RETRY_ATTEMPTS: u32 = 1000;
/// Stream records per invocation: Lambda's default for DynamoDB.
pub const BATCH_SIZE: u32 = 100;
/// How far behind its stream the detector may fall before it alarms; the
/// stream keeps records 24 hours.
pub const MAX_ITERATOR_AGE_MS: u32 = 60 * 60 * 1000;

/// The props of a conflict table named `name` with `replicas`: keyed for
/// the detector; set encryption and retention as for any global table.
pub fn conflict_table_props(name: &str, replicas: Vec<TableReplica>) -> GlobalTableProps {
    GlobalTableProps {
        range_key: Some(Key::string(CONFLICT_SORT_KEY)),
        ..GlobalTableProps::new(name, Key::string(CONFLICT_PARTITION_KEY), replicas)
    }
}

/// The settings of a [`ConflictDetector`].
pub struct ConflictDetectorProps {
    /// The function's name, also its role's, log group's and failure
    /// queue's base.
    pub function_name: String,
    /// The table watched; its stream in the scope's region is read.
    pub table: GlobalTable,
    /// Where conflicts are recorded (see [`conflict_table_props`]); its
    /// copy in the scope's region is written.
    pub conflicts: GlobalTable,
    /// The account, for the tables' ARNs.
    pub account: Account,
    /// The attribute every writer of the table stamps with its region.
    pub region_attribute: String,
    /// Attributes that differ between two writes of the same content
    /// (e.g. `created_at`); the first is read as the write time.
    pub write_metadata_attributes: Vec<String>,
    /// The region's alarm topic.
    pub topic: Ref<SnsTopic>,
    /// Days the function's logs are kept.
    pub log_retention_days: u32,
    /// The region's key (on the function, the failure queue and both
    /// tables' copies here) and the reserved concurrency.
    pub hardening: Option<FunctionHardening>,
}

/// The conflict detector of one region: the function on the table's
/// stream there, its failure queue and its alarms.
///
/// ```
/// use constructs::aws::sts::Account;
/// use constructs::bindings::aws::sns::SnsTopic;
/// use constructs::core::{AwsProvider, Stack};
/// use constructs::dr::conflict_detection::{ConflictDetector, ConflictDetectorProps, conflict_table_props};
/// use constructs::dr::global_table::{GlobalTable, GlobalTableProps, Key, TableReplica};
///
/// let mut stack = Stack::new("orders");
/// let west = stack.provider(AwsProvider::new("west", "eu-west-1"));
/// let central = stack.provider(AwsProvider::new("central", "eu-central-1"));
/// let mut root = stack.scope(&west);
/// let account = Account::lookup(&mut root);
/// let replicas = || vec![TableReplica::in_region("eu-central-1")];
/// let orders = GlobalTable::new(
///     &mut root.child("orders"),
///     GlobalTableProps::new("orders", Key::string("order_id"), replicas()),
/// );
/// let conflicts = GlobalTable::new(
///     &mut root.child("conflicts"),
///     conflict_table_props("orders-conflicts", replicas()),
/// );
/// for (name, provider) in [("west", &west), ("central", &central)] {
///     let mut scope = root.child_in(name, provider);
///     let topic = scope.resource("alerts", SnsTopic { name: Some(format!("alerts-{name}").into()), ..SnsTopic::new() });
///     ConflictDetector::new(&mut scope.child("conflicts"), ConflictDetectorProps {
///         function_name: format!("orders-conflicts-{}", provider.region()),
///         table: orders.clone(),
///         conflicts: conflicts.clone(),
///         account: account.clone(),
///         region_attribute: "region".into(),
///         write_metadata_attributes: vec!["written_at".into()],
///         topic: topic.clone(),
///         log_retention_days: 30,
///         hardening: None,
///     });
/// }
/// let document = stack.synth().unwrap();
/// let central_trigger = document
///     .resource("aws_lambda_event_source_mapping", "central_conflicts_trigger")
///     .unwrap();
/// assert!(central_trigger["event_source_arn"].as_str().unwrap().contains(r#"region_name == "eu-central-1""#));
/// ```
pub struct ConflictDetector {
    /// The function.
    pub function: Ref<LambdaFunction>,
    /// Where Lambda sends the position of a batch it gave up on.
    pub failed_batches: Ref<SqsQueue>,
}

impl ConflictDetector {
    /// `scope` is bound to the region whose stream is read.
    pub fn new(scope: &mut Scope<'_>, props: ConflictDetectorProps) -> Self {
        let region = scope.region().to_owned();
        let key_arn = props.hardening.as_ref().map(|h| h.key_arn.clone());
        let failed_batches = scope.resource(
            "failed_batches",
            SqsQueue {
                name: Some(format!("{}-failed-batches", props.function_name).into()),
                message_retention_seconds: Some(DEAD_LETTER_RETENTION_SECONDS.into()),
                visibility_timeout_seconds: Some(30.into()),
                sqs_managed_sse_enabled: key_arn.is_none().then_some(true.into()),
                kms_master_key_id: key_arn,
                ..SqsQueue::new()
            },
        );
        let table_arn = props.table.arn_in(&region, &props.account);
        let statements = vec![
            // The four actions of AWS's policy for a Lambda function on a
            // table's stream, on this copy's streams only.
            Statement::allow(
                "ReadStream",
                &[
                    "dynamodb:DescribeStream",
                    "dynamodb:GetRecords",
                    "dynamodb:GetShardIterator",
                    "dynamodb:ListStreams",
                ],
                vec![Expr::template([table_arn, Expr::literal("/stream/*")])],
            ),
            Statement::allow(
                "RecordConflicts",
                &["dynamodb:PutItem"],
                vec![props.conflicts.arn_in(&region, &props.account)],
            ),
            Statement::allow(
                "SendFailedBatches",
                &["sqs:SendMessage"],
                vec![failed_batches.arn()],
            ),
        ];
        let detector = RustFunction::new(
            scope,
            RustFunctionProps {
                function_name: props.function_name.clone(),
                package: "conflict-detector",
                environment: BTreeMap::from([
                    ("WATCHED_TABLE".to_owned(), props.table.table.name()),
                    ("CONFLICT_TABLE".to_owned(), props.conflicts.table.name()),
                    (
                        "REGION_ATTRIBUTE".to_owned(),
                        Expr::literal(&props.region_attribute),
                    ),
                    (
                        "WRITE_METADATA_ATTRIBUTES".to_owned(),
                        Expr::literal(props.write_metadata_attributes.join(",")),
                    ),
                    (
                        "METRIC_NAMESPACE".to_owned(),
                        Expr::literal(METRIC_NAMESPACE),
                    ),
                ]),
                statements,
                memory_mb: 128,
                timeout_seconds: 30,
                log_retention_days: props.log_retention_days,
                hardening: props.hardening,
                primary_only: false,
            },
        );
        // Lambda checks at creation that the role may read the stream.
        scope.resource_with(
            "trigger",
            LambdaEventSourceMapping {
                event_source_arn: Some(props.table.stream_arn_in(&region)),
                // The oldest record the stream still holds: a detector
                // created after the table misses nothing written before.
                starting_position: Some("TRIM_HORIZON".into()),
                batch_size: Some(BATCH_SIZE.into()),
                bisect_batch_on_function_error: Some(true.into()),
                maximum_retry_attempts: Some(MAX_RETRY_ATTEMPTS.into()),
                function_response_types: Some(vec!["ReportBatchItemFailures".into()].into()),
                destination_config: Some(LambdaEventSourceMappingDestinationConfig {
                    on_failure: Some(LambdaEventSourceMappingDestinationConfigOnFailure::new(
                        failed_batches.arn(),
                    )),
                }),
                enabled: Some(true.into()),
                ..LambdaEventSourceMapping::new(detector.function.arn())
            },
            Meta::default().depends_on(&detector.execution.policy),
        );
        let name = |what: &str| format!("{}-{what}", props.function_name);
        let alarms = [
            Alarm::on(
                "conflicts_alarm",
                name("conflicts"),
                "A replicated write replaced this region's item with other content: reconcile the conflict table's open records",
                (METRIC_NAMESPACE, CONFLICT_METRIC),
                dimensions(&[("TableName", Expr::literal(&props.table.name))]),
            )
            .reaching("Sum", 1.0)
            .at_once(),
            Alarm::on(
                "failed_batches_alarm",
                name("failed-batches"),
                "The conflict detector gave up on stream records: replay them within 24 hours of their write (see the README)",
                ("AWS/SQS", "ApproximateNumberOfMessagesVisible"),
                dimensions(&[("QueueName", failed_batches.name())]),
            )
            .reaching("Maximum", 1.0)
            .at_once(),
            Alarm::on(
                "errors_alarm",
                name("errors"),
                "The conflict detector failed invocations (Lambda retries them)",
                ("AWS/Lambda", "Errors"),
                dimensions(&[("FunctionName", detector.function.function_name())]),
            )
            .reaching("Sum", 1.0),
            Alarm::on(
                "iterator_age_alarm",
                name("iterator-age"),
                "The conflict detector is more than an hour behind the table's stream, which keeps records 24 hours",
                ("AWS/Lambda", "IteratorAge"),
                dimensions(&[("FunctionName", detector.function.function_name())]),
            )
            .above("Maximum", f64::from(MAX_ITERATOR_AGE_MS)),
        ];
        for alarm in alarms {
            alarm.create(scope, &props.topic);
        }
        Self {
            function: detector.function,
            failed_batches,
        }
    }
}

/// How a stack watches one replicated table for write conflicts.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct WatchedTable<'a> {
    /// The table's id (`aws_dynamodb_table.<id>`).
    pub table: &'a str,
    /// The regions whose stream of it an enabled detector reads.
    pub regions: Vec<&'a str>,
    /// The ids of the tables the detectors record conflicts in.
    pub recorded_in: Vec<&'a str>,
}

/// Tables of `document` whose stream an enabled event source mapping feeds
/// a function recording conflicts (its environment's `CONFLICT_TABLE`
/// names a table of the stack), whoever built it. What the DR report reads
/// conflict detection from.
pub fn watched_tables(document: &Document) -> Vec<WatchedTable<'_>> {
    let mut watched: Vec<WatchedTable<'_>> = Vec::new();
    let mut position: HashMap<&str, usize> = HashMap::new();
    for (_, mapping) in document.resources("aws_lambda_event_source_mapping") {
        if mapping["enabled"] == false {
            continue;
        }
        // `aws_dynamodb_table.<id>.stream_arn`, or a replica's, found in
        // the table's `replica` set.
        let Some(table) = mapping["event_source_arn"]
            .as_str()
            .and_then(|arn| arn.split_once("aws_dynamodb_table."))
            .and_then(|(_, rest)| rest.split('.').next())
        else {
            continue;
        };
        let recorded_in = invoked_function(document, mapping)
            .and_then(|function| {
                Document::first_reference(&function["environment"]["variables"]["CONFLICT_TABLE"])
            })
            .filter(|(tf_type, _)| *tf_type == "aws_dynamodb_table")
            .map(|(_, id)| id);
        let (Some(recorded_in), Some(region)) = (recorded_in, document.region_of(mapping)) else {
            continue;
        };
        match position.get(table) {
            Some(&index) => {
                watched[index].regions.push(region);
                watched[index].recorded_in.push(recorded_in);
            }
            None => {
                position.insert(table, watched.len());
                watched.push(WatchedTable {
                    table,
                    regions: vec![region],
                    recorded_in: vec![recorded_in],
                });
            }
        }
    }
    for table in &mut watched {
        table.regions.sort_unstable();
        table.regions.dedup();
        table.recorded_in.sort_unstable();
        table.recorded_in.dedup();
    }
    watched
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::{AwsProvider, Stack};
    use crate::dr::report::DrReport;
    use serde_json::json;

    /// A table replicated to two regions and watched in those of `watch`
    /// (`west`, `central`), and its document.
    fn watched_stack(watch: &[&str]) -> Document {
        let mut stack = Stack::new("ledger");
        let west = stack.provider(AwsProvider::new("west", "eu-west-1"));
        let central = stack.provider(AwsProvider::new("central", "eu-central-1"));
        let mut root = stack.scope(&west);
        let account = Account::lookup(&mut root);
        let replicas = || vec![TableReplica::in_region("eu-central-1")];
        let ledger = GlobalTable::new(
            &mut root.child("ledger"),
            GlobalTableProps::new("ledger", Key::string("entry_id"), replicas()),
        );
        let conflicts = GlobalTable::new(
            &mut root.child("conflicts"),
            conflict_table_props("ledger-conflicts", replicas()),
        );
        for (name, provider) in [("west", &west), ("central", &central)] {
            if !watch.contains(&name) {
                continue;
            }
            let mut scope = root.child_in(name, provider);
            let topic = scope.resource(
                "alerts",
                SnsTopic {
                    name: Some(format!("alerts-{name}").into()),
                    ..SnsTopic::new()
                },
            );
            ConflictDetector::new(
                &mut scope.child("conflicts"),
                ConflictDetectorProps {
                    function_name: format!("ledger-conflicts-{}", provider.region()),
                    table: ledger.clone(),
                    conflicts: conflicts.clone(),
                    account: account.clone(),
                    region_attribute: "region".into(),
                    write_metadata_attributes: vec!["written_at".into(), "request_id".into()],
                    topic,
                    log_retention_days: 30,
                    hardening: None,
                },
            );
        }
        stack.synth().unwrap()
    }

    #[test]
    fn each_region_reads_its_own_stream_and_gives_up_on_nothing_silently() {
        let document = watched_stack(&["west", "central"]);
        let west = document
            .resource("aws_lambda_event_source_mapping", "west_conflicts_trigger")
            .unwrap();
        assert_eq!(
            west["event_source_arn"],
            "${aws_dynamodb_table.ledger_table.stream_arn}"
        );
        let central = document
            .resource(
                "aws_lambda_event_source_mapping",
                "central_conflicts_trigger",
            )
            .unwrap();
        assert_eq!(
            central["event_source_arn"],
            r#"${one([for item in aws_dynamodb_table.ledger_table.replica : item if item.region_name == "eu-central-1"]).stream_arn}"#
        );
        assert_eq!(central["provider"], "aws.central");
        assert_eq!(central["starting_position"], "TRIM_HORIZON");
        assert_eq!(central["bisect_batch_on_function_error"], true);
        assert_eq!(central["maximum_retry_attempts"], MAX_RETRY_ATTEMPTS);
        assert_eq!(
            central["function_response_types"],
            json!(["ReportBatchItemFailures"])
        );
        assert_eq!(
            central["destination_config"]["on_failure"]["destination_arn"],
            "${aws_sqs_queue.central_conflicts_failed_batches.arn}"
        );
        let function = document
            .resource("aws_lambda_function", "central_conflicts_function")
            .unwrap();
        let variables = &function["environment"]["variables"];
        assert_eq!(
            variables["CONFLICT_TABLE"],
            "${aws_dynamodb_table.conflicts_table.name}"
        );
        assert_eq!(
            variables["WRITE_METADATA_ATTRIBUTES"],
            "written_at,request_id"
        );
        assert_eq!(variables["METRIC_NAMESPACE"], METRIC_NAMESPACE);
        let conflicts = document
            .resource("aws_dynamodb_table", "conflicts_table")
            .unwrap();
        assert_eq!(conflicts["hash_key"], CONFLICT_PARTITION_KEY);
        assert_eq!(conflicts["range_key"], CONFLICT_SORT_KEY);
        // The conflict and failed-batch alarms fire on their first minute.
        for id in [
            "central_conflicts_conflicts_alarm",
            "central_conflicts_failed_batches_alarm",
        ] {
            let alarm = document
                .resource("aws_cloudwatch_metric_alarm", id)
                .unwrap();
            assert_eq!(
                (&alarm["datapoints_to_alarm"], &alarm["evaluation_periods"]),
                (&json!(1), &json!(1)),
                "{id}"
            );
            assert_eq!(
                alarm["alarm_actions"],
                json!(["${aws_sns_topic.central_alerts.arn}"])
            );
        }
        // The role reads this copy's streams, writes the conflict table's
        // copy here and sends to its own failure queue, nothing more.
        let permissions = document
            .data(
                "aws_iam_policy_document",
                "central_conflicts_execution_permissions",
            )
            .unwrap();
        let statement = |sid: &str| {
            permissions["statement"]
                .as_array()
                .unwrap()
                .iter()
                .find(|s| s["sid"] == sid)
                .unwrap_or_else(|| panic!("no statement {sid}: {permissions}"))
                .clone()
        };
        let read = statement("ReadStream");
        assert_eq!(
            read["actions"],
            json!([
                "dynamodb:DescribeStream",
                "dynamodb:GetRecords",
                "dynamodb:GetShardIterator",
                "dynamodb:ListStreams"
            ])
        );
        assert!(
            read["resources"][0]
                .as_str()
                .unwrap()
                .ends_with(":table/ledger/stream/*")
        );
        let record = statement("RecordConflicts");
        assert_eq!(record["actions"], json!(["dynamodb:PutItem"]));
        assert!(
            record["resources"][0]
                .as_str()
                .unwrap()
                .contains(":eu-central-1:")
        );
        assert_eq!(
            statement("SendFailedBatches")["resources"],
            json!(["${aws_sqs_queue.central_conflicts_failed_batches.arn}"])
        );
        let conflicts_alarm = document
            .resource(
                "aws_cloudwatch_metric_alarm",
                "central_conflicts_conflicts_alarm",
            )
            .unwrap();
        assert_eq!(conflicts_alarm["metric_name"], CONFLICT_METRIC);
        assert_eq!(conflicts_alarm["dimensions"]["TableName"], "ledger");
    }

    #[test]
    fn the_report_names_the_window_and_where_conflicts_are_found() {
        let report = DrReport::of(&watched_stack(&["west", "central"]));
        assert_eq!(report.write_conflicts.len(), 1);
        let conflicts = &report.write_conflicts[0];
        assert_eq!(conflicts.table, "aws_dynamodb_table.ledger_table");
        assert_eq!(conflicts.detected_in, ["eu-central-1", "eu-west-1"]);
        assert_eq!(
            conflicts.recorded_in,
            ["aws_dynamodb_table.conflicts_table"]
        );
        assert!(conflicts.alarmed);
        assert!(conflicts.window.contains("within the replication lag"));
        // Neither the watched table nor the conflict table is a conflict gap.
        assert!(
            !report
                .gaps
                .iter()
                .any(|gap| gap.contains("no conflict detector")),
            "{:?}",
            report.gaps
        );
        let text = report.to_string();
        assert!(
            text.contains("with an alarm on the detecting region's topic"),
            "{text}"
        );
        assert!(
            text.contains("write conflicts aws_dynamodb_table.ledger_table"),
            "{text}"
        );
        assert!(
            text.contains("detected in eu-central-1, eu-west-1"),
            "{text}"
        );
    }

    #[test]
    fn a_region_without_a_detector_is_a_gap() {
        let report = DrReport::of(&watched_stack(&["west"]));
        assert_eq!(report.write_conflicts[0].detected_in, ["eu-west-1"]);
        assert!(
            report.gaps.iter().any(|gap| gap.contains(
                "no conflict detector reads aws_dynamodb_table.ledger_table's stream in eu-central-1"
            )),
            "{:?}",
            report.gaps
        );
    }
}
