//! Amazon SNS.

use serde::Serialize;

use super::Tags;
use crate::core::Expr;
use crate::terraform_type;

/// `aws_sns_topic`.
#[derive(Clone, Debug, Serialize)]
pub struct SnsTopic {
    /// The topic's name, unique in the region.
    pub name: Expr,
    /// The KMS key that encrypts messages at rest; none otherwise.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub kms_master_key_id: Option<Expr>,
    /// Tags on the topic.
    #[serde(skip_serializing_if = "Tags::is_empty")]
    pub tags: Tags,
}
terraform_type!(resource SnsTopic = "aws_sns_topic" { id, arn, name });

/// `aws_sns_topic_subscription`.
#[derive(Clone, Debug, Serialize)]
pub struct SnsTopicSubscription {
    /// The topic subscribed to.
    pub topic_arn: Expr,
    /// How messages are delivered, e.g. `email`, `sqs`, `lambda` or
    /// `https`.
    pub protocol: String,
    /// Where messages are delivered: an address, ARN or URL, by
    /// protocol.
    pub endpoint: Expr,
}
terraform_type!(resource SnsTopicSubscription = "aws_sns_topic_subscription" { id });
