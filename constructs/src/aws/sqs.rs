//! Amazon SQS.

use serde::Serialize;

use super::Tags;
use crate::core::Expr;
use crate::terraform_type;

#[derive(Clone, Debug, Serialize)]
pub struct SqsQueue {
    pub name: Expr,
    pub message_retention_seconds: u32,
    pub visibility_timeout_seconds: u32,
    /// SSE-SQS; `None` when a KMS key encrypts the queue (they conflict).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub sqs_managed_sse_enabled: Option<bool>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub kms_master_key_id: Option<Expr>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub redrive_policy: Option<Expr>,
    #[serde(skip_serializing_if = "Tags::is_empty")]
    pub tags: Tags,
}
terraform_type!(resource SqsQueue = "aws_sqs_queue" { id, arn, url, name });

/// The redrive policy: after `max_receive_count` receives a message moves to
/// the dead-letter queue instead of being retried forever or dropped.
#[derive(Clone, Debug, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct RedrivePolicy {
    pub dead_letter_target_arn: Expr,
    pub max_receive_count: u32,
}
