//! Amazon DynamoDB.

use serde::Serialize;

use crate::core::Expr;
use crate::terraform_type;

/// `aws_dynamodb_table`, possibly a global table with replicas in other
/// regions.
#[derive(Clone, Debug, Serialize)]
pub struct DynamodbTable {
    /// The table's name, unique in the region.
    pub name: Expr,
    /// `PAY_PER_REQUEST` (on demand) or `PROVISIONED`.
    pub billing_mode: String,
    /// The attribute that is the partition key.
    pub hash_key: String,
    /// The sort key attribute, for tables keyed on two attributes.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub range_key: Option<String>,
    /// The key attributes and their types.
    pub attribute: Vec<Attribute>,
    /// Turns on DynamoDB Streams, which replicas need.
    pub stream_enabled: bool,
    /// What a stream record holds; `NEW_AND_OLD_IMAGES` for replicas.
    pub stream_view_type: String,
    /// Continuous backups, restorable to any second of the last 35 days.
    pub point_in_time_recovery: Enabled,
    /// Encryption at rest.
    pub server_side_encryption: ServerSideEncryption,
    /// Refuses to delete the table until this is turned off.
    pub deletion_protection_enabled: bool,
    /// The other regions the table is replicated to (a global table).
    pub replica: Vec<Replica>,
}
terraform_type!(resource DynamodbTable = "aws_dynamodb_table" { id, arn, name, stream_arn });

/// An `attribute` block: the name and type of a key attribute.
#[derive(Clone, Debug, Serialize)]
pub struct Attribute {
    /// The attribute's name.
    pub name: String,
    /// `S` (string), `N` (number) or `B` (binary).
    #[serde(rename = "type")]
    pub attribute_type: String,
}

/// A block that only turns a feature on or off, such as
/// `point_in_time_recovery`.
#[derive(Clone, Debug, Serialize)]
pub struct Enabled {
    /// Whether the feature is on.
    pub enabled: bool,
}

/// The `server_side_encryption` block of a table.
#[derive(Clone, Debug, Serialize)]
pub struct ServerSideEncryption {
    /// `true`: a KMS key encrypts the table; `false`: a key AWS owns.
    pub enabled: bool,
    /// The customer managed key; the AWS managed `aws/dynamodb` key
    /// otherwise.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub kms_key_arn: Option<Expr>,
}

/// A `replica` block: one more region of a global table.
#[derive(Clone, Debug, Serialize)]
pub struct Replica {
    /// The region of the replica.
    pub region_name: String,
    /// Point-in-time recovery of the replica.
    pub point_in_time_recovery: bool,
    /// Copies the table's tags to the replica.
    pub propagate_tags: bool,
    /// The key in the replica's region; AWS's own otherwise.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub kms_key_arn: Option<Expr>,
}
