//! A source bucket replicated to a destination bucket in another region.
//!
//! Replication requires versioning on both sides, and Replication Time
//! Control requires replication metrics; the replication configuration
//! depends on both versioning resources explicitly so Terraform never creates
//! it first.

use crate::aws::iam::{Condition, IamPolicyDocument, Principals, Statement};
use crate::aws::s3::{
    EncryptionByDefault, EncryptionRule, Minutes, ReplicationDestination, ReplicationFilter,
    ReplicationMetrics, ReplicationRule, ReplicationTime, S3Bucket, S3BucketPolicy,
    S3BucketPublicAccessBlock, S3BucketReplicationConfiguration,
    S3BucketServerSideEncryptionConfiguration, S3BucketVersioning, StatusBlock,
    VersioningConfiguration,
};
use crate::aws::{Tags, status};
use crate::core::{Expr, Meta, ProviderRef, Ref, Scope};

use super::service_role::service_role;

/// The Replication Time Control window S3 commits to (its SLA).
pub const RTC_MINUTES: u32 = 15;

pub struct ReplicatedBucketProps {
    pub source_name: Expr,
    pub destination_name: Expr,
    pub replication_role_name: String,
}

pub struct ReplicatedBucket {
    pub source: Ref<S3Bucket>,
    pub destination: Ref<S3Bucket>,
    pub replication: Ref<S3BucketReplicationConfiguration>,
}

/// The replication rule's id (CloudWatch's `RuleId` dimension).
pub const RULE_ID: &str = "replicate-everything";

impl ReplicatedBucket {
    /// Creates the source in `scope`'s region and the destination in
    /// `destination_region`'s.
    pub fn new(
        scope: &mut Scope<'_>,
        destination_region: &ProviderRef,
        props: ReplicatedBucketProps,
    ) -> Self {
        let (source, source_versioning) =
            secure_bucket(&mut scope.child("source"), props.source_name);
        let (destination, destination_versioning) = secure_bucket(
            &mut scope.child_in("destination", destination_region),
            props.destination_name,
        );
        let replication_role = service_role(
            &mut scope.child("replication"),
            &props.replication_role_name,
            "s3.amazonaws.com",
            vec![
                Statement::allow(
                    "ReadReplicationConfiguration",
                    &["s3:GetReplicationConfiguration", "s3:ListBucket"],
                    vec![source.arn()],
                ),
                Statement::allow(
                    "ReadSourceVersions",
                    &[
                        "s3:GetObjectVersionForReplication",
                        "s3:GetObjectVersionAcl",
                        "s3:GetObjectVersionTagging",
                    ],
                    vec![objects(&source)],
                ),
                Statement::allow(
                    "WriteReplicas",
                    &[
                        "s3:ReplicateObject",
                        "s3:ReplicateDelete",
                        "s3:ReplicateTags",
                    ],
                    vec![objects(&destination)],
                ),
            ],
        );
        let enabled = || status(true);
        let replication = scope.resource_with(
            "replication",
            S3BucketReplicationConfiguration {
                bucket: source.id(),
                role: replication_role.role.arn(),
                rule: vec![ReplicationRule {
                    id: RULE_ID.to_owned(),
                    status: enabled(),
                    priority: 1,
                    filter: ReplicationFilter::default(),
                    delete_marker_replication: StatusBlock { status: enabled() },
                    destination: ReplicationDestination {
                        bucket: destination.arn(),
                        storage_class: "STANDARD".to_owned(),
                        replication_time: ReplicationTime {
                            status: enabled(),
                            time: Minutes {
                                minutes: RTC_MINUTES,
                            },
                        },
                        metrics: ReplicationMetrics {
                            status: enabled(),
                            event_threshold: Minutes {
                                minutes: RTC_MINUTES,
                            },
                        },
                    },
                }],
            },
            Meta::default()
                .depends_on(&source_versioning)
                .depends_on(&destination_versioning)
                .depends_on(&replication_role.policy),
        );
        Self {
            source,
            destination,
            replication,
        }
    }
}

fn objects(bucket: &Ref<S3Bucket>) -> Expr {
    Expr::template([bucket.arn(), Expr::literal("/*")])
}

/// A versioned, encrypted bucket with public access blocked and a policy
/// that refuses any request not made over TLS.
fn secure_bucket(scope: &mut Scope<'_>, name: Expr) -> (Ref<S3Bucket>, Ref<S3BucketVersioning>) {
    let bucket = scope.resource(
        "bucket",
        S3Bucket {
            bucket: name,
            force_destroy: true,
            tags: Tags::new(),
        },
    );
    let versioning = scope.resource(
        "versioning",
        S3BucketVersioning {
            bucket: bucket.id(),
            versioning_configuration: VersioningConfiguration {
                status: status(true),
            },
        },
    );
    let public_access_block = scope.resource(
        "public_access_block",
        S3BucketPublicAccessBlock::all_blocked(bucket.id()),
    );
    scope.resource(
        "encryption",
        S3BucketServerSideEncryptionConfiguration {
            bucket: bucket.id(),
            rule: vec![EncryptionRule {
                apply_server_side_encryption_by_default: EncryptionByDefault {
                    sse_algorithm: "AES256".to_owned(),
                    kms_master_key_id: None,
                },
                bucket_key_enabled: false,
            }],
        },
    );
    let tls_only = scope.data(
        "tls_only",
        IamPolicyDocument {
            statement: vec![Statement {
                sid: "DenyInsecureTransport".to_owned(),
                effect: "Deny".to_owned(),
                actions: vec!["s3:*".to_owned()],
                resources: vec![bucket.arn(), objects(&bucket)],
                principals: vec![Principals {
                    principal_type: "*".to_owned(),
                    identifiers: vec!["*".into()],
                }],
                condition: vec![Condition {
                    test: "Bool".to_owned(),
                    variable: "aws:SecureTransport".to_owned(),
                    values: vec!["false".to_owned()],
                }],
            }],
        },
    );
    // S3 refuses concurrent changes to a bucket's access settings.
    scope.resource_with(
        "policy",
        S3BucketPolicy {
            bucket: bucket.id(),
            policy: tls_only.json(),
        },
        Meta::default().depends_on(&public_access_block),
    );
    (bucket, versioning)
}
