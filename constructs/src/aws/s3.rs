//! Amazon S3.

use serde::Serialize;

use super::Tags;
use crate::core::Expr;
use crate::terraform_type;

/// `aws_s3_bucket`. Its settings (versioning, encryption, policy...) are
/// resources of their own.
#[derive(Clone, Debug, Serialize)]
pub struct S3Bucket {
    /// The bucket's name, unique across all AWS accounts.
    pub bucket: Expr,
    /// Lets `terraform destroy` delete a bucket that still holds objects.
    pub force_destroy: bool,
    /// Tags on the bucket.
    #[serde(skip_serializing_if = "Tags::is_empty")]
    pub tags: Tags,
}
terraform_type!(resource S3Bucket = "aws_s3_bucket" { id, arn, bucket, bucket_regional_domain_name });

/// `aws_s3_bucket_versioning`.
#[derive(Clone, Debug, Serialize)]
pub struct S3BucketVersioning {
    /// The bucket the setting is on.
    pub bucket: Expr,
    /// The versioning state.
    pub versioning_configuration: VersioningConfiguration,
}
terraform_type!(resource S3BucketVersioning = "aws_s3_bucket_versioning" { id });

/// The `versioning_configuration` block.
#[derive(Clone, Debug, Serialize)]
pub struct VersioningConfiguration {
    /// `Enabled` or `Suspended`.
    pub status: String,
}

/// `aws_s3_bucket_public_access_block`.
#[derive(Clone, Debug, Serialize)]
pub struct S3BucketPublicAccessBlock {
    /// The bucket the setting is on.
    pub bucket: Expr,
    /// Refuses requests that set public ACLs.
    pub block_public_acls: bool,
    /// Refuses bucket policies that grant public access.
    pub block_public_policy: bool,
    /// Ignores the public ACLs already present.
    pub ignore_public_acls: bool,
    /// Under a public policy, limits access to AWS services and the
    /// bucket owner's account.
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

/// `aws_s3_bucket_server_side_encryption_configuration`: how new objects
/// are encrypted by default.
#[derive(Clone, Debug, Serialize)]
pub struct S3BucketServerSideEncryptionConfiguration {
    /// The bucket the setting is on.
    pub bucket: Expr,
    /// The default encryption rule.
    pub rule: Vec<EncryptionRule>,
}
terraform_type!(resource S3BucketServerSideEncryptionConfiguration = "aws_s3_bucket_server_side_encryption_configuration" { id });

/// A `rule` block of the default encryption.
#[derive(Clone, Debug, Serialize)]
pub struct EncryptionRule {
    /// The algorithm and key.
    pub apply_server_side_encryption_by_default: EncryptionByDefault,
    /// Uses an S3 Bucket Key, which cuts the calls to KMS.
    pub bucket_key_enabled: bool,
}

/// The `apply_server_side_encryption_by_default` block.
#[derive(Clone, Debug, Serialize)]
pub struct EncryptionByDefault {
    /// `AES256` or `aws:kms`.
    pub sse_algorithm: String,
    /// The KMS key, with `aws:kms`; the AWS managed `aws/s3` key
    /// otherwise.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub kms_master_key_id: Option<Expr>,
}

/// `aws_s3_bucket_policy`.
#[derive(Clone, Debug, Serialize)]
pub struct S3BucketPolicy {
    /// The bucket the policy is on.
    pub bucket: Expr,
    /// The policy, as JSON.
    pub policy: Expr,
}
terraform_type!(resource S3BucketPolicy = "aws_s3_bucket_policy" { id });

/// `aws_s3_bucket_replication_configuration`: copies new objects to
/// another bucket, here in another region.
#[derive(Clone, Debug, Serialize)]
pub struct S3BucketReplicationConfiguration {
    /// The source bucket, which must be versioned.
    pub bucket: Expr,
    /// The ARN of the role S3 assumes to replicate.
    pub role: Expr,
    /// The replication rules.
    pub rule: Vec<ReplicationRule>,
}
terraform_type!(resource S3BucketReplicationConfiguration = "aws_s3_bucket_replication_configuration" { id });

/// A `rule` block of a replication configuration.
#[derive(Clone, Debug, Serialize)]
pub struct ReplicationRule {
    /// The rule's name.
    pub id: String,
    /// `Enabled` or `Disabled`.
    pub status: String,
    /// Which rule applies when several match an object; the highest
    /// wins.
    pub priority: u32,
    /// An empty filter selects every object (the V2 rule schema, needed for
    /// delete-marker replication).
    pub filter: ReplicationFilter,
    /// Whether delete markers are replicated.
    pub delete_marker_replication: StatusBlock,
    /// Needed to replicate objects encrypted with a KMS key.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub source_selection_criteria: Option<SourceSelectionCriteria>,
    /// The bucket replicas go to, and how.
    pub destination: ReplicationDestination,
}

/// The `source_selection_criteria` block: which encrypted objects are
/// replicated.
#[derive(Clone, Debug, Serialize)]
pub struct SourceSelectionCriteria {
    /// Whether objects encrypted with KMS are replicated.
    pub sse_kms_encrypted_objects: StatusBlock,
}

/// A `filter` block; empty, it selects every object.
#[derive(Clone, Debug, Default, Serialize)]
pub struct ReplicationFilter {
    /// Selects only the keys that start with it.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub prefix: Option<String>,
}

/// A block that only holds a `status`.
#[derive(Clone, Debug, Serialize)]
pub struct StatusBlock {
    /// `Enabled` or `Disabled`.
    pub status: String,
}

/// The `destination` block of a replication rule.
#[derive(Clone, Debug, Serialize)]
pub struct ReplicationDestination {
    /// The ARN of the destination bucket.
    pub bucket: Expr,
    /// The storage class of the replicas, e.g. `STANDARD`.
    pub storage_class: String,
    /// The destination region's key, for objects encrypted with KMS.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub encryption_configuration: Option<ReplicaEncryption>,
    /// S3 Replication Time Control: replicas within 15 minutes, backed
    /// by an SLA.
    pub replication_time: ReplicationTime,
    /// Replication metrics and late-replication events (required by
    /// Replication Time Control).
    pub metrics: ReplicationMetrics,
}

/// The `replication_time` block: S3 Replication Time Control.
#[derive(Clone, Debug, Serialize)]
pub struct ReplicationTime {
    /// `Enabled` or `Disabled`.
    pub status: String,
    /// The time within which objects are replicated: 15 minutes.
    pub time: Minutes,
}

/// The `metrics` block of a replication destination.
#[derive(Clone, Debug, Serialize)]
pub struct ReplicationMetrics {
    /// `Enabled` or `Disabled`.
    pub status: String,
    /// After how long a replication counts as late: 15 minutes.
    pub event_threshold: Minutes,
}

/// A duration in minutes, as the replication blocks write it.
#[derive(Clone, Debug, Serialize)]
pub struct Minutes {
    /// The number of minutes.
    pub minutes: u32,
}

/// The `encryption_configuration` block of a replication destination.
#[derive(Clone, Debug, Serialize)]
pub struct ReplicaEncryption {
    /// The ARN of the KMS key, in the destination region, that
    /// encrypts the replicas.
    pub replica_kms_key_id: Expr,
}

/// Server access logging of a bucket into a log bucket in its region.
#[derive(Clone, Debug, Serialize)]
pub struct S3BucketLogging {
    /// The bucket whose requests are logged.
    pub bucket: Expr,
    /// The bucket the logs go to.
    pub target_bucket: Expr,
    /// The key prefix of the log objects.
    pub target_prefix: String,
}
terraform_type!(resource S3BucketLogging = "aws_s3_bucket_logging" { id });

/// `aws_s3_bucket_lifecycle_configuration`: when objects, versions and
/// unfinished uploads are deleted.
#[derive(Clone, Debug, Serialize)]
pub struct S3BucketLifecycleConfiguration {
    /// The bucket the rules are on.
    pub bucket: Expr,
    /// The lifecycle rules.
    pub rule: Vec<LifecycleRule>,
}
terraform_type!(resource S3BucketLifecycleConfiguration = "aws_s3_bucket_lifecycle_configuration" { id });

/// A `rule` block of a lifecycle configuration.
#[derive(Clone, Debug, Serialize)]
pub struct LifecycleRule {
    /// The rule's name.
    pub id: String,
    /// `Enabled` or `Disabled`.
    pub status: String,
    /// An empty filter applies the rule to every object.
    pub filter: ReplicationFilter,
    /// Deletes the parts of multipart uploads that were never completed.
    pub abort_incomplete_multipart_upload: AbortIncompleteMultipartUpload,
    /// Expires current objects some days after their creation.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub expiration: Option<Days>,
    /// Deletes versions some days after they stop being current.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub noncurrent_version_expiration: Option<NoncurrentDays>,
}

/// The `abort_incomplete_multipart_upload` block of a lifecycle rule.
#[derive(Clone, Debug, Serialize)]
pub struct AbortIncompleteMultipartUpload {
    /// Days after the upload started.
    pub days_after_initiation: u32,
}

/// The `expiration` block of a lifecycle rule.
#[derive(Clone, Debug, Serialize)]
pub struct Days {
    /// Days after the object was created.
    pub days: u32,
}

/// The `noncurrent_version_expiration` block of a lifecycle rule.
#[derive(Clone, Debug, Serialize)]
pub struct NoncurrentDays {
    /// Days after the version stopped being current.
    pub noncurrent_days: u32,
}

/// Where a bucket's object events go; here only EventBridge.
#[derive(Clone, Debug, Serialize)]
pub struct S3BucketNotification {
    /// The bucket whose events are sent.
    pub bucket: Expr,
    /// Sends every object event to Amazon EventBridge.
    pub eventbridge: bool,
}
terraform_type!(resource S3BucketNotification = "aws_s3_bucket_notification" { id });
