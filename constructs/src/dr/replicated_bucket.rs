//! A source bucket replicated to a destination bucket in another region.
//!
//! Replication requires versioning on both sides, and Replication Time
//! Control requires replication metrics; the replication configuration
//! depends on both versioning resources explicitly so Terraform never creates
//! it first.
//!
//! Hardened (as a production stack is), each side is encrypted with its
//! region's key, retained (`prevent_destroy`, no `force_destroy`), cleans up
//! old versions and abandoned uploads, and writes server access logs to a
//! log bucket of its own region; the primary's access logs are replicated
//! to the secondary's log bucket.

use crate::aws::iam::{Condition, PolicyDocument, Principals, Statement};
use crate::aws::status;
use crate::bindings::aws::s3::{
    S3Bucket, S3BucketLifecycleConfiguration, S3BucketLifecycleConfigurationRule as LifecycleRule,
    S3BucketLifecycleConfigurationRuleAbortIncompleteMultipartUpload as AbortIncompleteMultipartUpload,
    S3BucketLifecycleConfigurationRuleExpiration as Expiration,
    S3BucketLifecycleConfigurationRuleFilter as LifecycleFilter,
    S3BucketLifecycleConfigurationRuleNoncurrentVersionExpiration as NoncurrentVersionExpiration,
    S3BucketLogging, S3BucketNotification, S3BucketPolicy, S3BucketPublicAccessBlock,
    S3BucketReplicationConfiguration, S3BucketReplicationConfigurationRule as ReplicationRule,
    S3BucketReplicationConfigurationRuleDeleteMarkerReplication as StatusBlock,
    S3BucketReplicationConfigurationRuleDestination as ReplicationDestination,
    S3BucketReplicationConfigurationRuleDestinationEncryptionConfiguration as ReplicaEncryption,
    S3BucketReplicationConfigurationRuleDestinationMetrics as ReplicationMetrics,
    S3BucketReplicationConfigurationRuleDestinationMetricsEventThreshold as Minutes,
    S3BucketReplicationConfigurationRuleDestinationReplicationTime as ReplicationTime,
    S3BucketReplicationConfigurationRuleFilter as ReplicationFilter,
    S3BucketReplicationConfigurationRuleSourceSelectionCriteria as SourceSelectionCriteria,
    S3BucketServerSideEncryptionConfiguration,
    S3BucketServerSideEncryptionConfigurationRule as EncryptionRule,
    S3BucketServerSideEncryptionConfigurationRuleApplyServerSideEncryptionByDefault as EncryptionByDefault,
    S3BucketVersioning, S3BucketVersioningVersioningConfiguration,
};
use crate::core::{Expr, Meta, ProviderRef, Ref, Scope};

use super::encryption::retained_if;
use super::service_role::service_role;

/// Days old object versions and access logs are kept (hardened).
pub const RETENTION_DAYS: u32 = 365;

/// The Replication Time Control window S3 commits to (its SLA).
pub const RTC_MINUTES: u32 = 15;

/// The settings of a [`ReplicatedBucket`].
pub struct ReplicatedBucketProps {
    /// The source bucket's name (globally unique: include the account id).
    pub source_name: Expr,
    /// The destination bucket's name.
    pub destination_name: Expr,
    /// The role S3 replicates with.
    pub replication_role_name: String,
    /// `None` for a disposable stack.
    pub hardening: Option<BucketHardening>,
}

/// What hardening (production) adds, per side.
pub struct BucketHardening {
    /// The source region's key.
    pub source_key_arn: Expr,
    /// The destination region's key.
    pub destination_key_arn: Expr,
    /// The source side's access-log bucket.
    pub source_log_bucket_name: Expr,
    /// The destination side's access-log bucket.
    pub destination_log_bucket_name: Expr,
    /// The role replicating the primary's access logs to the secondary.
    pub log_replication_role_name: String,
}

/// An S3 bucket replicated to a bucket in another region with Replication
/// Time Control, both versioned, encrypted, private and TLS-only.
///
/// ```
/// use constructs::core::{AwsProvider, Expr, Stack};
/// use constructs::dr::replicated_bucket::{ReplicatedBucket, ReplicatedBucketProps};
///
/// let mut stack = Stack::new("invoices");
/// let west = stack.provider(AwsProvider::new("west", "eu-west-1"));
/// let central = stack.provider(AwsProvider::new("central", "eu-central-1"));
/// let bucket = ReplicatedBucket::new(
///     &mut stack.scope(&west).child("invoices"),
///     &central,
///     ReplicatedBucketProps {
///         source_name: Expr::literal("invoices-123456789012-eu-west-1"),
///         destination_name: Expr::literal("invoices-123456789012-eu-central-1"),
///         replication_role_name: "invoices-replication".into(),
///         hardening: None,
///     },
/// );
/// let document = stack.synth().unwrap();
/// let rule = &document.value()["resource"]["aws_s3_bucket_replication_configuration"]
///     ["invoices_replication"]["rule"][0];
/// assert_eq!(rule["destination"]["replication_time"]["status"], "Enabled");
/// # let _ = bucket;
/// ```
pub struct ReplicatedBucket {
    /// The bucket written to.
    pub source: Ref<S3Bucket>,
    /// Its copy in the other region.
    pub destination: Ref<S3Bucket>,
    /// The replication configuration.
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
        let source = data_bucket(
            &mut scope.child("source"),
            props.source_name,
            hardening.map(|h| (&h.source_key_arn, &h.source_log_bucket_name)),
        );
        let destination = data_bucket(
            &mut scope.child_in("destination", destination_region),
            props.destination_name,
            hardening.map(|h| (&h.destination_key_arn, &h.destination_log_bucket_name)),
        );
        let replication = replicate(
            scope,
            ReplicationProps {
                construct: "replication",
                role_name: &props.replication_role_name,
                source: &source.bucket,
                destination: &destination.bucket,
                destination_region: destination_region.region(),
                keys: hardening.map(|h| (&h.source_key_arn, &h.destination_key_arn)),
            },
        );
        // The primary's access logs survive the loss of its region too.
        if let (Some(hardening), Some(source_logs), Some(destination_logs)) =
            (hardening, &source.access_logs, &destination.access_logs)
        {
            replicate(
                scope,
                ReplicationProps {
                    construct: "access_logs_replication",
                    role_name: &hardening.log_replication_role_name,
                    source: source_logs,
                    destination: destination_logs,
                    destination_region: destination_region.region(),
                    keys: None,
                },
            );
        }
        Self {
            source: source.bucket.bucket,
            destination: destination.bucket.bucket,
            replication,
        }
    }
}

/// A bucket with its versioning, which replication must wait for.
struct Versioned {
    bucket: Ref<S3Bucket>,
    versioning: Ref<S3BucketVersioning>,
}

struct ReplicationProps<'a> {
    /// The construct names of the role (`<construct>/...`) and the
    /// configuration (`<construct>`).
    construct: &'static str,
    role_name: &'a str,
    source: &'a Versioned,
    destination: &'a Versioned,
    destination_region: &'a str,
    /// The source and destination keys, when the buckets use KMS.
    keys: Option<(&'a Expr, &'a Expr)>,
}

/// Replicates every object (and delete marker) of `source` to
/// `destination` under Replication Time Control, with a role allowed exactly
/// that.
fn replicate(
    scope: &mut Scope<'_>,
    props: ReplicationProps<'_>,
) -> Ref<S3BucketReplicationConfiguration> {
    let (source, destination) = (&props.source.bucket, &props.destination.bucket);
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
            vec![objects(source)],
        ),
        Statement::allow(
            "WriteReplicas",
            &[
                "s3:ReplicateObject",
                "s3:ReplicateDelete",
                "s3:ReplicateTags",
            ],
            vec![objects(destination)],
        ),
    ];
    if let Some((source_key, destination_key)) = props.keys {
        let via_s3 = |region: &str| {
            Condition::test(
                "StringEquals",
                "kms:ViaService",
                vec![format!("s3.{region}.amazonaws.com").into()],
            )
        };
        statements.extend([
            Statement::allow(
                "DecryptSourceObjects",
                &["kms:Decrypt"],
                vec![source_key.clone()],
            )
            .when(via_s3(scope.region())),
            Statement::allow(
                "EncryptReplicas",
                &["kms:Encrypt"],
                vec![destination_key.clone()],
            )
            .when(via_s3(props.destination_region)),
        ]);
    }
    let role = service_role(
        &mut scope.child(props.construct),
        props.role_name,
        "s3.amazonaws.com",
        statements,
    );
    let enabled = || status(true);
    scope.resource_with(
        props.construct,
        S3BucketReplicationConfiguration::new(
            source.id(),
            role.role.arn(),
            vec![ReplicationRule {
                id: Some(RULE_ID.into()),
                priority: Some(1.into()),
                filter: Some(ReplicationFilter::new()),
                delete_marker_replication: Some(StatusBlock::new(enabled())),
                source_selection_criteria: props.keys.map(|_| SourceSelectionCriteria {
                    sse_kms_encrypted_objects: Some(StatusBlock::new(enabled())),
                    ..SourceSelectionCriteria::new()
                }),
                ..ReplicationRule::new(
                    enabled(),
                    ReplicationDestination {
                        storage_class: Some("STANDARD".into()),
                        encryption_configuration: props
                            .keys
                            .map(|(_, key)| ReplicaEncryption::new(key)),
                        replication_time: Some(ReplicationTime::new(
                            enabled(),
                            Minutes::new(RTC_MINUTES),
                        )),
                        metrics: Some(ReplicationMetrics {
                            event_threshold: Some(Minutes::new(RTC_MINUTES)),
                            ..ReplicationMetrics::new(enabled())
                        }),
                        ..ReplicationDestination::new(destination.arn())
                    },
                )
            }],
        ),
        Meta::default()
            .depends_on(&props.source.versioning)
            .depends_on(&props.destination.versioning)
            .depends_on(&role.policy),
    )
}

fn objects(bucket: &Ref<S3Bucket>) -> Expr {
    Expr::template([bucket.arn(), Expr::literal("/*")])
}

/// A data bucket and, with `hardening`, its access-log
/// bucket.
struct DataBucket {
    bucket: Versioned,
    access_logs: Option<Versioned>,
}

/// A data bucket: the secure basics, and with `hardening`
/// (the region's key, the log bucket's name) also retained, encrypted with
/// the key, expiring old versions, publishing its events to EventBridge,
/// and logging access to its log bucket.
fn data_bucket(scope: &mut Scope<'_>, name: Expr, hardening: Option<(&Expr, &Expr)>) -> DataBucket {
    let Some((key_arn, log_bucket_name)) = hardening else {
        return DataBucket {
            bucket: secure_bucket(scope, name, BucketSettings::default()),
            access_logs: None,
        };
    };
    let bucket = secure_bucket(
        scope,
        name,
        BucketSettings {
            retain: true,
            kms_key_arn: Some(key_arn.clone()),
            lifecycle: Some(LifecycleRule {
                noncurrent_version_expiration: Some(vec![NoncurrentVersionExpiration::new(
                    RETENTION_DAYS,
                )]),
                ..lifecycle_rule("expire-old-versions")
            }),
            extra_policy: Vec::new(),
        },
    );
    let access_logs = log_bucket(
        &mut scope.child("access_logs"),
        log_bucket_name.clone(),
        bucket.bucket.arn(),
    );
    scope.resource(
        "logging",
        S3BucketLogging::new(
            bucket.bucket.id(),
            access_logs.bucket.id(),
            // The secondary's log bucket also receives the primary's logs.
            format!("s3-access/{}/", scope.region()),
        ),
    );
    DataBucket {
        bucket,
        access_logs: Some(access_logs),
    }
}

/// The bucket server access logs go to. S3 delivers access logs only to a
/// bucket encrypted with S3's own key (SSE-S3), not with a KMS key; the
/// logs expire after a year. Only `logged_bucket`'s logs are accepted.
fn log_bucket(scope: &mut Scope<'_>, name: Expr, logged_bucket: Expr) -> Versioned {
    secure_bucket(
        scope,
        name,
        BucketSettings {
            retain: true,
            kms_key_arn: None,
            lifecycle: Some(LifecycleRule {
                expiration: Some(vec![Expiration {
                    days: Some(RETENTION_DAYS.into()),
                    ..Expiration::new()
                }]),
                noncurrent_version_expiration: Some(vec![NoncurrentVersionExpiration::new(30)]),
                ..lifecycle_rule("expire-logs")
            }),
            extra_policy: vec![
                Statement::grant(
                    "S3DeliversAccessLogs",
                    Principals::service("logging.s3.amazonaws.com"),
                    &["s3:PutObject"],
                )
                .when(Condition::test(
                    "ArnLike",
                    "aws:SourceArn",
                    vec![logged_bucket],
                )),
            ],
        },
    )
}

/// An enabled rule `id` for every object that aborts uploads abandoned for
/// a week.
fn lifecycle_rule(id: &str) -> LifecycleRule {
    LifecycleRule {
        filter: Some(vec![LifecycleFilter::new()]),
        abort_incomplete_multipart_upload: Some(vec![AbortIncompleteMultipartUpload {
            days_after_initiation: Some(7.into()),
        }]),
        ..LifecycleRule::new(id, status(true))
    }
}

#[derive(Default)]
struct BucketSettings {
    /// `prevent_destroy`, no `force_destroy`, and object events published
    /// to EventBridge (production).
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
fn secure_bucket(scope: &mut Scope<'_>, name: Expr, settings: BucketSettings) -> Versioned {
    let bucket = scope.resource_with(
        "bucket",
        S3Bucket {
            bucket: Some(name),
            force_destroy: Some((!settings.retain).into()),
            ..S3Bucket::new()
        },
        retained_if(settings.retain),
    );
    if settings.retain {
        scope.resource(
            "events",
            S3BucketNotification {
                eventbridge: Some(true.into()),
                ..S3BucketNotification::new(bucket.id())
            },
        );
    }
    let versioning = scope.resource(
        "versioning",
        S3BucketVersioning::new(
            bucket.id(),
            S3BucketVersioningVersioningConfiguration::new(status(true)),
        ),
    );
    let public_access_block = scope.resource(
        "public_access_block",
        S3BucketPublicAccessBlock {
            block_public_acls: Some(true.into()),
            block_public_policy: Some(true.into()),
            ignore_public_acls: Some(true.into()),
            restrict_public_buckets: Some(true.into()),
            ..S3BucketPublicAccessBlock::new(bucket.id())
        },
    );
    let bucket_key_enabled = settings.kms_key_arn.is_some();
    scope.resource(
        "encryption",
        S3BucketServerSideEncryptionConfiguration::new(
            bucket.id(),
            vec![EncryptionRule {
                apply_server_side_encryption_by_default: Some(match settings.kms_key_arn {
                    Some(key_arn) => EncryptionByDefault {
                        kms_master_key_id: Some(key_arn),
                        ..EncryptionByDefault::new("aws:kms")
                    },
                    None => EncryptionByDefault::new("AES256"),
                }),
                // One data key per bucket instead of a KMS call per object.
                bucket_key_enabled: Some(bucket_key_enabled.into()),
            }],
        ),
    );
    if let Some(rule) = settings.lifecycle {
        // Lifecycle rules on a versioned bucket need versioning in place.
        scope.resource_with(
            "lifecycle",
            S3BucketLifecycleConfiguration {
                rule: Some(vec![rule]),
                ..S3BucketLifecycleConfiguration::new(bucket.id())
            },
            Meta::default().depends_on(&versioning),
        );
    }
    let mut statements = vec![
        Statement::deny(
            "DenyInsecureTransport",
            &["s3:*"],
            vec![bucket.arn(), objects(&bucket)],
        )
        .by(Principals::anyone())
        .when(Condition::test(
            "Bool",
            "aws:SecureTransport",
            vec!["false".into()],
        )),
    ];
    statements.extend(
        settings
            .extra_policy
            .into_iter()
            .map(|statement| statement.on(vec![objects(&bucket)])),
    );
    let policy = scope.data("policy_document", PolicyDocument::of(statements));
    // S3 refuses concurrent changes to a bucket's access settings.
    scope.resource_with(
        "policy",
        S3BucketPolicy::new(bucket.id(), policy.json()),
        Meta::default().depends_on(&public_access_block),
    );
    Versioned { bucket, versioning }
}

#[cfg(test)]
mod tests {
    use crate::dr::fixtures::{Parts, stack};
    use crate::testing::{resource, synth};

    fn document() -> crate::core::Document {
        synth(&stack(Parts {
            table: false,
            bucket: true,
            dns: None,
            queues: false,
        }))
    }

    #[test]
    fn replication_starts_after_both_versionings_and_its_role_s_policy() {
        let document = document();
        let replication = resource(
            &document,
            "aws_s3_bucket_replication_configuration",
            "invoices_replication",
        );
        assert_eq!(
            replication["depends_on"],
            serde_json::json!([
                "aws_iam_role_policy.invoices_replication_policy",
                "aws_s3_bucket_versioning.invoices_destination_versioning",
                "aws_s3_bucket_versioning.invoices_source_versioning"
            ])
        );
        let rule = &replication["rule"][0];
        assert_eq!(
            rule["destination"]["bucket"],
            "${aws_s3_bucket.invoices_destination_bucket.arn}"
        );
        assert_eq!(
            rule["destination"]["replication_time"]["time"]["minutes"],
            15
        );
        assert_eq!(rule["delete_marker_replication"]["status"], "Enabled");
        for side in ["source", "destination"] {
            let versioning = resource(
                &document,
                "aws_s3_bucket_versioning",
                &format!("invoices_{side}_versioning"),
            );
            assert_eq!(versioning["versioning_configuration"]["status"], "Enabled");
        }
        // The destination lives in the other region.
        let destination = resource(&document, "aws_s3_bucket", "invoices_destination_bucket");
        assert_eq!(destination["provider"], "aws.central");
    }

    #[test]
    fn the_replication_role_names_the_exact_buckets() {
        let document = document();
        let permissions = document
            .data(
                "aws_iam_policy_document",
                "invoices_replication_permissions",
            )
            .unwrap();
        let resources: Vec<&serde_json::Value> = permissions["statement"]
            .as_array()
            .unwrap()
            .iter()
            .flat_map(|s| s["resources"].as_array().unwrap())
            .collect();
        assert!(!resources.is_empty());
        assert!(
            resources
                .iter()
                .all(|r| r.as_str().unwrap().contains("aws_s3_bucket.invoices_")),
            "{resources:?}"
        );
    }
}
