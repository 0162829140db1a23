//! Amazon SNS.

use serde::Serialize;

use super::Tags;
use crate::core::Expr;
use crate::terraform_type;

#[derive(Clone, Debug, Serialize)]
pub struct SnsTopic {
    pub name: Expr,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub kms_master_key_id: Option<Expr>,
    #[serde(skip_serializing_if = "Tags::is_empty")]
    pub tags: Tags,
}
terraform_type!(resource SnsTopic = "aws_sns_topic" { id, arn, name });

#[derive(Clone, Debug, Serialize)]
pub struct SnsTopicSubscription {
    pub topic_arn: Expr,
    pub protocol: String,
    pub endpoint: Expr,
}
terraform_type!(resource SnsTopicSubscription = "aws_sns_topic_subscription" { id });
