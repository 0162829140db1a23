//! The disaster-recovery constructs: what an active-passive stack across
//! two regions is built from. Each takes its own props (plain values and
//! typed references) and knows no app.
//!
//! - [`global_table::GlobalTable`]: a DynamoDB table replicated to other regions.
//! - [`replicated_bucket::ReplicatedBucket`]: an S3 bucket replicated with
//!   Replication Time Control.
//! - [`failover_dns::FailoverDns`]: one name answered by the healthy region.
//! - [`queue_replication::QueueReplication`]: a queue forwarded to another region.
//! - [`conflict_detection::ConflictDetector`]: a global table's write
//!   conflicts, found and recorded in each region.
//! - [`monitoring`]: alarms and a dashboard for any of them.
//! - [`report::DrReport`]: the recovery time and points a synthesized stack gives.

pub mod conflict_detection;
pub mod encryption;
pub mod failover_dns;
pub mod global_table;
pub mod monitoring;
pub mod queue_replication;
pub mod recovery_control;
pub mod replicated_bucket;
pub mod report;
pub mod role;
pub mod rust_function;
pub mod service_role;

pub use role::RegionRole;

#[cfg(test)]
pub(crate) mod fixtures;
