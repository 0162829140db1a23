//! Amazon DynamoDB.

use serde::Serialize;

use crate::core::Expr;
use crate::terraform_type;

#[derive(Clone, Debug, Serialize)]
pub struct DynamodbTable {
    pub name: Expr,
    pub billing_mode: String,
    pub hash_key: String,
    pub attribute: Vec<Attribute>,
    pub stream_enabled: bool,
    pub stream_view_type: String,
    pub point_in_time_recovery: Enabled,
    pub server_side_encryption: ServerSideEncryption,
    pub deletion_protection_enabled: bool,
    pub replica: Vec<Replica>,
}
terraform_type!(resource DynamodbTable = "aws_dynamodb_table" { id, arn, name, stream_arn });

#[derive(Clone, Debug, Serialize)]
pub struct Attribute {
    pub name: String,
    #[serde(rename = "type")]
    pub attribute_type: String,
}

#[derive(Clone, Debug, Serialize)]
pub struct Enabled {
    pub enabled: bool,
}

#[derive(Clone, Debug, Serialize)]
pub struct ServerSideEncryption {
    pub enabled: bool,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub kms_key_arn: Option<Expr>,
}

#[derive(Clone, Debug, Serialize)]
pub struct Replica {
    pub region_name: String,
    pub point_in_time_recovery: bool,
    pub propagate_tags: bool,
    /// The key in the replica's region; AWS's own otherwise.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub kms_key_arn: Option<Expr>,
}
