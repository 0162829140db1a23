//! Forwards every message of the primary queue to the secondary queue.
//!
//! The replicator reports partial batch failures, so only the failed
//! messages return to the queue; after `MAX_RECEIVE_COUNT` tries they land in
//! the dead-letter queue instead of being dropped.

use std::collections::{BTreeMap, HashMap};

use crate::aws::iam::Statement;
use crate::bindings::aws::lambda::{
    LambdaEventSourceMapping, LambdaEventSourceMappingScalingConfig, LambdaFunction,
};
use crate::bindings::aws::sqs::SqsQueue;
use crate::core::{Document, Expr, Meta, Ref, Scope};

use super::encryption::use_keys;
use super::rust_function::{FunctionHardening, RustFunction, RustFunctionProps, invoked_function};

/// Messages per invocation: SQS's batch limit for SendMessageBatch.
pub const BATCH_SIZE: u32 = 10;

/// Seconds the replicator may take per batch. Give the source queue a
/// visibility timeout of six times this, as AWS advises for Lambda
/// consumers, so a message is not received again while a batch runs.
pub const REPLICATOR_TIMEOUT_SECONDS: u32 = 30;

/// The settings of a [`QueueReplication`].
pub struct QueueReplicationProps {
    /// The replicator function's name, also its role's and log group's base.
    pub function_name: String,
    /// The queue read, in the scope's region.
    pub source: Ref<SqsQueue>,
    /// The queue every message is sent to, in another region.
    pub destination: Ref<SqsQueue>,
    /// The destination queue's region: the function calls SQS there.
    pub destination_region: String,
    /// Days the function's logs are kept.
    pub log_retention_days: u32,
    /// The source and destination regions' keys (hardened).
    pub keys: Option<(Expr, Expr)>,
    /// Concurrency reserved for the function when hardened (with keys),
    /// if any: a region's quota must leave 100 unreserved, which a new
    /// account's cannot. The trigger never runs more batches at once than
    /// the reservation (else [`TRIGGER_MAXIMUM_CONCURRENCY`]), so Lambda
    /// does not throttle batches that would count as receives.
    pub reserved_concurrency: Option<u32>,
}

/// The most batches the hardened trigger runs at once without a
/// reservation.
pub const TRIGGER_MAXIMUM_CONCURRENCY: u32 = 10;

/// Forwards every message of a queue to a queue in another region with the
/// project's `queue-replicator` handler (`lambda/queue-replicator.zip`),
/// at least once, reporting partial batch failures.
///
/// ```
/// use constructs::bindings::aws::sqs::SqsQueue;
/// use constructs::core::{AwsProvider, Stack};
/// use constructs::dr::queue_replication::{QueueReplication, QueueReplicationProps};
///
/// let queue = |name: &str| SqsQueue {
///     name: Some(name.into()),
///     visibility_timeout_seconds: Some(180.into()),
///     sqs_managed_sse_enabled: Some(true.into()),
///     ..SqsQueue::new()
/// };
/// let mut stack = Stack::new("jobs");
/// let west = stack.provider(AwsProvider::new("west", "eu-west-1"));
/// let central = stack.provider(AwsProvider::new("central", "eu-central-1"));
/// let source = stack.scope(&west).resource("source", queue("jobs-eu-west-1"));
/// let destination = stack.scope(&central).resource("destination", queue("jobs-eu-central-1"));
/// let replication = QueueReplication::new(
///     &mut stack.scope(&west).child("forward"),
///     QueueReplicationProps {
///         function_name: "jobs-forwarder".into(),
///         source,
///         destination,
///         destination_region: "eu-central-1".into(),
///         log_retention_days: 30,
///         keys: None,
///         reserved_concurrency: None,
///     },
/// );
/// assert_eq!(replication.function_name, "jobs-forwarder");
/// stack.synth().unwrap();
/// ```
pub struct QueueReplication {
    /// The replicator function.
    pub function: Ref<LambdaFunction>,
    /// Its name.
    pub function_name: String,
}

impl QueueReplication {
    /// `scope` is bound to the source queue's region.
    pub fn new(scope: &mut Scope<'_>, props: QueueReplicationProps) -> Self {
        let mut statements = vec![
            Statement::allow(
                "ConsumeSource",
                &[
                    "sqs:ReceiveMessage",
                    "sqs:DeleteMessage",
                    "sqs:ChangeMessageVisibility",
                    "sqs:GetQueueAttributes",
                ],
                vec![props.source.arn()],
            ),
            Statement::allow(
                "SendToDestination",
                &["sqs:SendMessage"],
                vec![props.destination.arn()],
            ),
        ];
        // The source region's key is the function's own (RustFunction grants
        // it); the destination queue is encrypted with its region's key.
        statements.extend(
            props
                .keys
                .as_ref()
                .map(|(_, destination)| use_keys("UseDestinationKey", vec![destination.clone()])),
        );
        let hardened = props.keys.is_some();
        let replicator = RustFunction::new(
            scope,
            RustFunctionProps {
                function_name: props.function_name.clone(),
                package: "queue-replicator",
                environment: BTreeMap::from([
                    ("DEST_QUEUE_URL".to_owned(), props.destination.url()),
                    (
                        "DEST_QUEUE_REGION".to_owned(),
                        Expr::literal(props.destination_region),
                    ),
                ]),
                statements,
                memory_mb: 128,
                timeout_seconds: REPLICATOR_TIMEOUT_SECONDS,
                log_retention_days: props.log_retention_days,
                hardening: props.keys.map(|(source, _)| FunctionHardening {
                    key_arn: source,
                    reserved_concurrency: props.reserved_concurrency,
                }),
                primary_only: true,
            },
        );
        // Lambda checks at creation that the role may receive from the queue.
        scope.resource_with(
            "trigger",
            LambdaEventSourceMapping {
                event_source_arn: Some(props.source.arn()),
                batch_size: Some(BATCH_SIZE.into()),
                maximum_batching_window_in_seconds: Some(1.into()),
                function_response_types: Some(vec!["ReportBatchItemFailures".into()].into()),
                enabled: Some(true.into()),
                scaling_config: hardened.then(|| LambdaEventSourceMappingScalingConfig {
                    maximum_concurrency: Some(
                        props
                            .reserved_concurrency
                            .unwrap_or(TRIGGER_MAXIMUM_CONCURRENCY)
                            .into(),
                    ),
                }),
                ..LambdaEventSourceMapping::new(replicator.function.arn())
            },
            Meta::default().depends_on(&replicator.execution.policy),
        );
        Self {
            function: replicator.function,
            function_name: props.function_name,
        }
    }
}

/// Queues of `document` a function forwards to a queue in another region,
/// as (source queue id, destination queue ids): an enabled event source
/// mapping reads the source, the function's environment names the
/// destination, and its role's inline policy lets it send there. What the
/// DR report and DR001 read queue replication from, whoever built it.
pub fn forwarded_queues(document: &Document) -> Vec<(&str, Vec<&str>)> {
    let queue_region = |id: &str| {
        document
            .resource("aws_sqs_queue", id)
            .and_then(|queue| document.region_of(queue))
    };
    let policies = role_policies(document);
    let mut forwarded: Vec<(&str, Vec<&str>)> = Vec::new();
    let mut position: HashMap<&str, usize> = HashMap::new();
    for (_, mapping) in document.resources("aws_lambda_event_source_mapping") {
        if mapping["enabled"] == false {
            continue;
        }
        let Some((_, source)) = Document::first_reference(&mapping["event_source_arn"])
            .filter(|(tf_type, _)| *tf_type == "aws_sqs_queue")
        else {
            continue;
        };
        let (Some(function), Some(source_region)) =
            (invoked_function(document, mapping), queue_region(source))
        else {
            continue;
        };
        let destinations = function["environment"]["variables"]
            .as_object()
            .into_iter()
            .flat_map(|variables| variables.values())
            .filter_map(Document::first_reference)
            .filter(|(tf_type, id)| {
                *tf_type == "aws_sqs_queue"
                    && queue_region(id).is_some_and(|region| region != source_region)
                    && may_send_to(&policies, function, id)
            })
            .map(|(_, id)| id);
        match position.get(source) {
            Some(&index) => forwarded[index].1.extend(destinations),
            None => {
                position.insert(source, forwarded.len());
                forwarded.push((source, destinations.collect()));
            }
        }
    }
    for (_, destinations) in &mut forwarded {
        destinations.sort_unstable();
        destinations.dedup();
    }
    forwarded.retain(|(_, destinations)| !destinations.is_empty());
    forwarded
}

/// The policy documents of each role's inline policies (policy documents
/// of the stack), by role id: read once, not once per function.
fn role_policies(document: &Document) -> HashMap<&str, Vec<&serde_json::Value>> {
    let mut by_role: HashMap<&str, Vec<&serde_json::Value>> = HashMap::new();
    for (_, policy) in document.resources("aws_iam_role_policy") {
        let Some((_, role)) = Document::first_reference(&policy["role"]) else {
            continue;
        };
        // `${data.aws_iam_policy_document.<id>.json}`
        let statements = policy["policy"]
            .as_str()
            .and_then(|p| p.strip_prefix("${data.aws_iam_policy_document."))
            .and_then(|p| p.split('.').next())
            .and_then(|id| document.data("aws_iam_policy_document", id));
        if let Some(statements) = statements {
            by_role.entry(role).or_default().push(statements);
        }
    }
    by_role
}

/// Whether `function`'s role has an inline policy allowing
/// `sqs:SendMessage` on the queue `queue`.
fn may_send_to(
    policies: &HashMap<&str, Vec<&serde_json::Value>>,
    function: &serde_json::Value,
    queue: &str,
) -> bool {
    let Some((_, role)) = Document::first_reference(&function["role"]) else {
        return false;
    };
    policies
        .get(role)
        .into_iter()
        .flatten()
        .flat_map(|policy| policy["statement"].as_array().into_iter().flatten())
        .any(|statement| {
            let strings = |key: &str| {
                statement[key]
                    .as_array()
                    .into_iter()
                    .flatten()
                    .filter_map(serde_json::Value::as_str)
                    .collect::<Vec<_>>()
            };
            statement["effect"] != "Deny"
                && strings("actions").contains(&"sqs:SendMessage")
                && statement["resources"]
                    .as_array()
                    .into_iter()
                    .flatten()
                    .filter_map(Document::first_reference)
                    .any(|(tf_type, id)| tf_type == "aws_sqs_queue" && id == queue)
        })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::dr::fixtures::{Parts, stack};
    use crate::testing::{resource, synth};

    fn document() -> Document {
        synth(&stack(Parts {
            table: false,
            bucket: false,
            dns: None,
            queues: true,
        }))
    }

    #[test]
    fn the_function_reads_the_source_and_sends_to_the_destination_region() {
        let document = document();
        let function = resource(&document, "aws_lambda_function", "forward_function");
        let variables = &function["environment"]["variables"];
        assert_eq!(
            variables["DEST_QUEUE_URL"],
            "${aws_sqs_queue.jobs_central.url}"
        );
        assert_eq!(variables["DEST_QUEUE_REGION"], "eu-central-1");
        assert_eq!(function["provider"], "aws.west");
        let trigger = resource(
            &document,
            "aws_lambda_event_source_mapping",
            "forward_trigger",
        );
        assert_eq!(
            trigger["event_source_arn"],
            "${aws_sqs_queue.jobs_west.arn}"
        );
        assert_eq!(
            trigger["function_response_types"],
            serde_json::json!(["ReportBatchItemFailures"])
        );
        // AWS checks the role's permissions when the mapping is created.
        assert_eq!(
            trigger["depends_on"],
            serde_json::json!(["aws_iam_role_policy.forward_execution_policy"])
        );
    }

    #[test]
    fn the_report_finds_which_queue_forwards_to_which() {
        let document = document();
        assert_eq!(
            forwarded_queues(&document),
            [("jobs_west", vec!["jobs_central"])]
        );
    }
}
