//! Amazon SQS.

use serde::Serialize;

use super::Tags;
use crate::core::Expr;
use crate::terraform_type;

/// `aws_sqs_queue`.
#[derive(Clone, Debug, Serialize)]
pub struct SqsQueue {
    /// The queue's name, unique in the region.
    pub name: Expr,
    /// How long a message that nobody deletes is kept (60 seconds to
    /// 14 days).
    pub message_retention_seconds: u32,
    /// How long a received message stays hidden from other consumers.
    pub visibility_timeout_seconds: u32,
    /// SSE-SQS; `None` when a KMS key encrypts the queue (they conflict).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub sqs_managed_sse_enabled: Option<bool>,
    /// The KMS key that encrypts messages (SSE-KMS).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub kms_master_key_id: Option<Expr>,
    /// Where messages go after too many receives, as JSON (see
    /// [`RedrivePolicy`]).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub redrive_policy: Option<Expr>,
    /// Tags on the queue.
    #[serde(skip_serializing_if = "Tags::is_empty")]
    pub tags: Tags,
}
terraform_type!(resource SqsQueue = "aws_sqs_queue" { id, arn, url, name });

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
