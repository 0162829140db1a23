//! A source bucket replicated to a destination bucket in another region.
//!
//! Replication requires versioning on both sides, and Replication Time
//! Control requires replication metrics; the replication configuration
//! depends on both versioning resources explicitly so Terraform never creates
//! it first.
//!
//! Hardened (the production profile), each side is encrypted with its
//! region's key, retained (`prevent_destroy`, no `force_destroy`), cleans up
//! old versions and abandoned uploads, and writes server access logs to a
//! log bucket of its own region.

use crate::aws::iam::{Condition, IamPolicyDocument, Principals, Statement};
use crate::aws::s3::{
    AbortIncompleteMultipartUpload, Days, EncryptionByDefault, EncryptionRule, LifecycleRule,
    Minutes, NoncurrentDays, ReplicaEncryption, ReplicationDestination, ReplicationFilter,
    ReplicationMetrics, ReplicationRule, ReplicationTime, S3Bucket, S3BucketLifecycleConfiguration,
    S3BucketLogging, S3BucketPolicy, S3BucketPublicAccessBlock, S3BucketReplicationConfiguration,
    S3BucketServerSideEncryptionConfiguration, S3BucketVersioning, SourceSelectionCriteria,
    StatusBlock, VersioningConfiguration,
};
use crate::aws::{Tags, status};
use crate::core::{Expr, Meta, ProviderRef, Ref, Scope};

use super::encryption::retained;
use super::service_role::service_role;

/// Days old object versions and access logs are kept (production profile).
pub const RETENTION_DAYS: u32 = 365;

/// The Replication Time Control window S3 commits to (its SLA).
pub const RTC_MINUTES: u32 = 15;

pub struct ReplicatedBucketProps {
    pub source_name: Expr,
    pub destination_name: Expr,
    pub replication_role_name: String,
    /// `None` in the default profile.
    pub hardening: Option<BucketHardening>,
}

/// What the production profile adds, per side.
pub struct BucketHardening {
    pub source_key_arn: Expr,
    pub destination_key_arn: Expr,
    pub source_log_bucket_name: Expr,
    pub destination_log_bucket_name: Expr,
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
        let hardening = props.hardening.as_ref();
        let (source, source_versioning) = data_bucket(
            &mut scope.child("source"),
            props.source_name,
            hardening.map(|h| (&h.source_key_arn, &h.source_log_bucket_name)),
        );
        let (destination, destination_versioning) = data_bucket(
            &mut scope.child_in("destination", destination_region),
            props.destination_name,
            hardening.map(|h| (&h.destination_key_arn, &h.destination_log_bucket_name)),
        );
        let mut statements = vec![
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
        ];
        if let Some(hardening) = hardening {
            let via_s3 = |region: &str| {
                Condition::new(
                    "StringEquals",
                    "kms:ViaService",
                    vec![format!("s3.{region}.amazonaws.com").into()],
                )
            };
            statements.extend([
                Statement::allow(
                    "DecryptSourceObjects",
                    &["kms:Decrypt"],
                    vec![hardening.source_key_arn.clone()],
                )
                .when(via_s3(scope.region())),
                Statement::allow(
                    "EncryptReplicas",
                    &["kms:Encrypt"],
                    vec![hardening.destination_key_arn.clone()],
                )
                .when(via_s3(destination_region.region())),
            ]);
        }
        let replication_role = service_role(
            &mut scope.child("replication"),
            &props.replication_role_name,
            "s3.amazonaws.com",
            statements,
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
                    source_selection_criteria: hardening.map(|_| SourceSelectionCriteria {
                        sse_kms_encrypted_objects: StatusBlock { status: enabled() },
                    }),
                    destination: ReplicationDestination {
                        bucket: destination.arn(),
                        storage_class: "STANDARD".to_owned(),
                        encryption_configuration: hardening.map(|h| ReplicaEncryption {
                            replica_kms_key_id: h.destination_key_arn.clone(),
                        }),
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

/// A bucket of payment documents: the secure basics, and with `hardening`
/// (the region's key, the log bucket's name) also retained, encrypted with
/// the key, expiring old versions, and logging access to its log bucket.
fn data_bucket(
    scope: &mut Scope<'_>,
    name: Expr,
    hardening: Option<(&Expr, &Expr)>,
) -> (Ref<S3Bucket>, Ref<S3BucketVersioning>) {
    let Some((key_arn, log_bucket_name)) = hardening else {
        return secure_bucket(scope, name, BucketSettings::default());
    };
    let (bucket, versioning) = secure_bucket(
        scope,
        name,
        BucketSettings {
            retain: true,
            kms_key_arn: Some(key_arn.clone()),
            lifecycle: Some(LifecycleRule {
                id: "expire-old-versions".to_owned(),
                status: status(true),
                filter: ReplicationFilter::default(),
                abort_incomplete_multipart_upload: abort_after_a_week(),
                expiration: None,
                noncurrent_version_expiration: Some(NoncurrentDays {
                    noncurrent_days: RETENTION_DAYS,
                }),
            }),
            ..BucketSettings::default()
        },
    );
    let log_bucket = log_bucket(
        &mut scope.child("access_logs"),
        log_bucket_name.clone(),
        bucket.arn(),
    );
    scope.resource(
        "logging",
        S3BucketLogging {
            bucket: bucket.id(),
            target_bucket: log_bucket.id(),
            target_prefix: "s3-access/".to_owned(),
        },
    );
    (bucket, versioning)
}

/// The bucket server access logs go to. S3 delivers access logs only to a
/// bucket encrypted with S3's own key (SSE-S3), not with a KMS key; the
/// logs expire after a year. Only `logged_bucket`'s logs are accepted.
fn log_bucket(scope: &mut Scope<'_>, name: Expr, logged_bucket: Expr) -> Ref<S3Bucket> {
    let (bucket, _) = secure_bucket(
        scope,
        name,
        BucketSettings {
            meta: Meta::default().suppress(
                "DR001",
                "access logs of this region's bucket; the other region's bucket logs into its own log bucket",
            ),
            retain: true,
            kms_key_arn: None,
            lifecycle: Some(LifecycleRule {
                id: "expire-logs".to_owned(),
                status: status(true),
                filter: ReplicationFilter::default(),
                abort_incomplete_multipart_upload: abort_after_a_week(),
                expiration: Some(Days {
                    days: RETENTION_DAYS,
                }),
                noncurrent_version_expiration: Some(NoncurrentDays { noncurrent_days: 30 }),
            }),
            extra_policy: vec![Statement::grant(
                "S3DeliversAccessLogs",
                Principals::service("logging.s3.amazonaws.com"),
                &["s3:PutObject"],
            )
            .when(Condition::new(
                "ArnLike",
                "aws:SourceArn",
                vec![logged_bucket],
            ))],
        },
    );
    bucket
}

fn abort_after_a_week() -> AbortIncompleteMultipartUpload {
    AbortIncompleteMultipartUpload {
        days_after_initiation: 7,
    }
}

#[derive(Default)]
struct BucketSettings {
    /// Suppressions on the bucket.
    meta: Meta,
    /// `prevent_destroy` and no `force_destroy`.
    retain: bool,
    /// SSE-KMS with this key and a bucket key; SSE-S3 when `None`.
    kms_key_arn: Option<Expr>,
    lifecycle: Option<LifecycleRule>,
    /// Statements beside the TLS-only one; their `*` resource becomes the
    /// bucket's objects.
    extra_policy: Vec<Statement>,
}

/// A versioned, encrypted bucket with public access blocked and a policy
/// that refuses any request not made over TLS.
fn secure_bucket(
    scope: &mut Scope<'_>,
    name: Expr,
    settings: BucketSettings,
) -> (Ref<S3Bucket>, Ref<S3BucketVersioning>) {
    let bucket = scope.resource_with(
        "bucket",
        S3Bucket {
            bucket: name,
            force_destroy: !settings.retain,
            tags: Tags::new(),
        },
        Meta {
            lifecycle: if settings.retain {
                retained().lifecycle
            } else {
                Default::default()
            },
            ..settings.meta
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
    let bucket_key_enabled = settings.kms_key_arn.is_some();
    scope.resource(
        "encryption",
        S3BucketServerSideEncryptionConfiguration {
            bucket: bucket.id(),
            rule: vec![EncryptionRule {
                apply_server_side_encryption_by_default: match settings.kms_key_arn {
                    Some(key_arn) => EncryptionByDefault {
                        sse_algorithm: "aws:kms".to_owned(),
                        kms_master_key_id: Some(key_arn),
                    },
                    None => EncryptionByDefault {
                        sse_algorithm: "AES256".to_owned(),
                        kms_master_key_id: None,
                    },
                },
                // One data key per bucket instead of a KMS call per object.
                bucket_key_enabled,
            }],
        },
    );
    if let Some(rule) = settings.lifecycle {
        // Lifecycle rules on a versioned bucket need versioning in place.
        scope.resource_with(
            "lifecycle",
            S3BucketLifecycleConfiguration {
                bucket: bucket.id(),
                rule: vec![rule],
            },
            Meta::default().depends_on(&versioning),
        );
    }
    let mut statements = vec![Statement {
        sid: "DenyInsecureTransport".to_owned(),
        effect: "Deny".to_owned(),
        actions: vec!["s3:*".to_owned()],
        resources: vec![bucket.arn(), objects(&bucket)],
        principals: vec![Principals {
            principal_type: "*".to_owned(),
            identifiers: vec!["*".into()],
        }],
        condition: vec![Condition::new(
            "Bool",
            "aws:SecureTransport",
            vec!["false".into()],
        )],
    }];
    statements.extend(
        settings
            .extra_policy
            .into_iter()
            .map(|statement| Statement {
                resources: vec![objects(&bucket)],
                ..statement
            }),
    );
    let policy = scope.data(
        "policy_document",
        IamPolicyDocument {
            statement: statements,
        },
    );
    // S3 refuses concurrent changes to a bucket's access settings.
    scope.resource_with(
        "policy",
        S3BucketPolicy {
            bucket: bucket.id(),
            policy: policy.json(),
        },
        Meta::default().depends_on(&public_access_block),
    );
    (bucket, versioning)
}
