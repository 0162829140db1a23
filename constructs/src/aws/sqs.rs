//! Amazon SQS: the redrive policy, JSON the queue takes as a string.

use serde::Serialize;

use crate::core::Expr;

/// The redrive policy: after `max_receive_count` receives a message moves to
/// the dead-letter queue instead of being retried forever or dropped.
#[derive(Clone, Debug, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct RedrivePolicy {
    /// The ARN of the dead-letter queue.
    pub dead_letter_target_arn: Expr,
    /// How many receives a message gets before it moves.
    pub max_receive_count: u32,
}
