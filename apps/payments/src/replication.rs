//! What the app adds to the replication the tables and the bucket do by
//! themselves: a conflict detector in each region on the transactions
//! stream, and the primary's queue forwarded to the secondary's.

use constructs::aws::sts::Account;
use constructs::core::Scope;
use constructs::dr::conflict_detection::{ConflictDetector, ConflictDetectorProps};
use constructs::dr::encryption::RegionalKeys;
use constructs::dr::global_table::GlobalTable;
use constructs::dr::queue_replication::{QueueReplication, QueueReplicationProps};
use constructs::dr::rust_function::FunctionHardening;

use crate::config::Config;
use crate::names::Names;
use crate::regional_stack::RegionalStack;
use crate::storage::{REGION_ATTRIBUTE, WRITTEN_AT_ATTRIBUTE, key_pair};

/// What the conflict detectors watch and where they record.
pub(crate) struct ConflictDetectionProps<'a> {
    /// The app's physical names.
    pub(crate) names: &'a Names,
    /// The account the stack deploys to.
    pub(crate) account: &'a Account,
    /// The transactions table, whose stream each detector reads.
    pub(crate) table: &'a GlobalTable,
    /// Where the detectors record the versions that lost.
    pub(crate) conflicts: &'a GlobalTable,
    /// The regions' keys (production profile).
    pub(crate) keys: &'a RegionalKeys,
    /// Days the detectors' logs are kept.
    pub(crate) log_retention_days: u32,
}

/// A conflict detector in each region of `regions`, at
/// `<role>/conflict_detector` under `root`, alarming on that region's topic.
pub(crate) fn detect_conflicts(
    root: &mut Scope<'_>,
    regions: &[RegionalStack],
    props: ConflictDetectionProps<'_>,
) {
    for stack in regions {
        ConflictDetector::new(
            &mut root
                .child_in(stack.role.id(), &stack.provider)
                .child("conflict_detector"),
            ConflictDetectorProps {
                function_name: props.names.regional("conflict-detector", &stack.region),
                table: props.table.clone(),
                conflicts: props.conflicts.clone(),
                account: props.account.clone(),
                region_attribute: REGION_ATTRIBUTE.to_owned(),
                write_metadata_attributes: vec![WRITTEN_AT_ATTRIBUTE.to_owned()],
                topic: stack.topic.clone(),
                log_retention_days: props.log_retention_days,
                hardening: props
                    .keys
                    .arn_in(&stack.region)
                    .map(|key_arn| FunctionHardening {
                        key_arn,
                        // One invocation per stream shard at a time, retried
                        // when throttled: nothing to reserve for.
                        reserved_concurrency: None,
                    }),
            },
        );
    }
}

/// The primary's queue forwarded to the secondary's (`primary` and
/// `secondary` are their regional stacks) by a function in the primary.
pub(crate) fn queue_replication(
    scope: &mut Scope<'_>,
    [primary, secondary]: [&RegionalStack; 2],
    names: &Names,
    config: &Config,
    keys: &RegionalKeys,
) -> QueueReplication {
    QueueReplication::new(
        scope,
        QueueReplicationProps {
            function_name: names.regional("queue-replicator", &config.primary_region),
            source: primary.queue.clone(),
            destination: secondary.queue.clone(),
            destination_region: config.secondary_region.clone(),
            log_retention_days: config.profile.log_retention_days(),
            keys: key_pair(keys, config),
            reserved_concurrency: config.concurrency.replicator,
        },
    )
}
