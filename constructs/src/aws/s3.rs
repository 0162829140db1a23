//! Amazon S3.

use serde::Serialize;

use super::Tags;
use crate::core::Expr;
use crate::terraform_type;

#[derive(Clone, Debug, Serialize)]
pub struct S3Bucket {
    pub bucket: Expr,
    /// Lets `terraform destroy` delete a bucket that still holds objects.
    pub force_destroy: bool,
    #[serde(skip_serializing_if = "Tags::is_empty")]
    pub tags: Tags,
}
terraform_type!(resource S3Bucket = "aws_s3_bucket" { id, arn, bucket, bucket_regional_domain_name });

#[derive(Clone, Debug, Serialize)]
pub struct S3BucketVersioning {
    pub bucket: Expr,
    pub versioning_configuration: VersioningConfiguration,
}
terraform_type!(resource S3BucketVersioning = "aws_s3_bucket_versioning" { id });

#[derive(Clone, Debug, Serialize)]
pub struct VersioningConfiguration {
    pub status: String,
}

#[derive(Clone, Debug, Serialize)]
pub struct S3BucketPublicAccessBlock {
    pub bucket: Expr,
    pub block_public_acls: bool,
    pub block_public_policy: bool,
    pub ignore_public_acls: bool,
    pub restrict_public_buckets: bool,
}
terraform_type!(resource S3BucketPublicAccessBlock = "aws_s3_bucket_public_access_block" { id });

impl S3BucketPublicAccessBlock {
    /// Every public-access setting blocked.
    pub fn all_blocked(bucket: Expr) -> Self {
        Self {
            bucket,
            block_public_acls: true,
            block_public_policy: true,
            ignore_public_acls: true,
            restrict_public_buckets: true,
        }
    }
}

#[derive(Clone, Debug, Serialize)]
pub struct S3BucketServerSideEncryptionConfiguration {
    pub bucket: Expr,
    pub rule: Vec<EncryptionRule>,
}
terraform_type!(resource S3BucketServerSideEncryptionConfiguration = "aws_s3_bucket_server_side_encryption_configuration" { id });

#[derive(Clone, Debug, Serialize)]
pub struct EncryptionRule {
    pub apply_server_side_encryption_by_default: EncryptionByDefault,
    pub bucket_key_enabled: bool,
}

#[derive(Clone, Debug, Serialize)]
pub struct EncryptionByDefault {
    /// `AES256` or `aws:kms`.
    pub sse_algorithm: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub kms_master_key_id: Option<Expr>,
}

#[derive(Clone, Debug, Serialize)]
pub struct S3BucketPolicy {
    pub bucket: Expr,
    pub policy: Expr,
}
terraform_type!(resource S3BucketPolicy = "aws_s3_bucket_policy" { id });

#[derive(Clone, Debug, Serialize)]
pub struct S3BucketReplicationConfiguration {
    pub bucket: Expr,
    pub role: Expr,
    pub rule: Vec<ReplicationRule>,
}
terraform_type!(resource S3BucketReplicationConfiguration = "aws_s3_bucket_replication_configuration" { id });

#[derive(Clone, Debug, Serialize)]
pub struct ReplicationRule {
    pub id: String,
    pub status: String,
    pub priority: u32,
    /// An empty filter selects every object (the V2 rule schema, needed for
    /// delete-marker replication).
    pub filter: ReplicationFilter,
    pub delete_marker_replication: StatusBlock,
    /// Needed to replicate objects encrypted with a KMS key.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub source_selection_criteria: Option<SourceSelectionCriteria>,
    pub destination: ReplicationDestination,
}

#[derive(Clone, Debug, Serialize)]
pub struct SourceSelectionCriteria {
    pub sse_kms_encrypted_objects: StatusBlock,
}

#[derive(Clone, Debug, Default, Serialize)]
pub struct ReplicationFilter {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub prefix: Option<String>,
}

#[derive(Clone, Debug, Serialize)]
pub struct StatusBlock {
    pub status: String,
}

#[derive(Clone, Debug, Serialize)]
pub struct ReplicationDestination {
    pub bucket: Expr,
    pub storage_class: String,
    /// The destination region's key, for objects encrypted with KMS.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub encryption_configuration: Option<ReplicaEncryption>,
    pub replication_time: ReplicationTime,
    pub metrics: ReplicationMetrics,
}

#[derive(Clone, Debug, Serialize)]
pub struct ReplicationTime {
    pub status: String,
    pub time: Minutes,
}

#[derive(Clone, Debug, Serialize)]
pub struct ReplicationMetrics {
    pub status: String,
    pub event_threshold: Minutes,
}

#[derive(Clone, Debug, Serialize)]
pub struct Minutes {
    pub minutes: u32,
}

#[derive(Clone, Debug, Serialize)]
pub struct ReplicaEncryption {
    pub replica_kms_key_id: Expr,
}

/// Server access logging of a bucket into a log bucket in its region.
#[derive(Clone, Debug, Serialize)]
pub struct S3BucketLogging {
    pub bucket: Expr,
    pub target_bucket: Expr,
    pub target_prefix: String,
}
terraform_type!(resource S3BucketLogging = "aws_s3_bucket_logging" { id });

#[derive(Clone, Debug, Serialize)]
pub struct S3BucketLifecycleConfiguration {
    pub bucket: Expr,
    pub rule: Vec<LifecycleRule>,
}
terraform_type!(resource S3BucketLifecycleConfiguration = "aws_s3_bucket_lifecycle_configuration" { id });

#[derive(Clone, Debug, Serialize)]
pub struct LifecycleRule {
    pub id: String,
    pub status: String,
    /// An empty filter applies the rule to every object.
    pub filter: ReplicationFilter,
    pub abort_incomplete_multipart_upload: AbortIncompleteMultipartUpload,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub expiration: Option<Days>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub noncurrent_version_expiration: Option<NoncurrentDays>,
}

#[derive(Clone, Debug, Serialize)]
pub struct AbortIncompleteMultipartUpload {
    pub days_after_initiation: u32,
}

#[derive(Clone, Debug, Serialize)]
pub struct Days {
    pub days: u32,
}

#[derive(Clone, Debug, Serialize)]
pub struct NoncurrentDays {
    pub noncurrent_days: u32,
}

/// Where a bucket's object events go; here only EventBridge.
#[derive(Clone, Debug, Serialize)]
pub struct S3BucketNotification {
    pub bucket: Expr,
    pub eventbridge: bool,
}
terraform_type!(resource S3BucketNotification = "aws_s3_bucket_notification" { id });
