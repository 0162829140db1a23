//! The real `terraform validate` on what synth writes, offline through the
//! provider mirror. Never skipped: a missing terraform fails the test.

use drsynth_tests::{validate, write_scratch_configuration};
use payments::Config;
use payments::config::HealthCheckSettings;

use crate::synth_document;

fn assert_clean(config: &Config) {
    let dir = tempfile::tempdir().unwrap();
    write_scratch_configuration(dir.path(), &synth_document(config).to_json());
    let report = validate(dir.path());
    assert_eq!(report["valid"], true, "{report:#}");
    assert_eq!(report["error_count"], 0, "{report:#}");
    assert_eq!(report["warning_count"], 0, "{report:#}");
}

#[test]
fn default_configuration_validates_without_errors_or_warnings() {
    assert_clean(&Config::default());
}

#[test]
fn fast_checks_without_custom_domains_in_other_regions_validate() {
    assert_clean(&Config {
        env: "prod-2".to_owned(),
        primary_region: "eu-west-1".to_owned(),
        secondary_region: "eu-central-1".to_owned(),
        custom_domains: false,
        health_check: HealthCheckSettings {
            interval_seconds: 10,
            failure_threshold: 2,
        },
        alert_email: Some("oncall@example.com".to_owned()),
        hosted_zone_id: Some("Z0123456789ABC".to_owned()),
        ..Config::default()
    });
}

#[test]
fn production_profile_validates_without_errors_or_warnings() {
    assert_clean(&payments::testing::production_config());
}

/// Neither region is us-east-1: a third provider carries the DNSSEC key,
/// the query logs and their key.
#[test]
fn production_profile_outside_us_east_1_validates() {
    assert_clean(&Config {
        env: "prod-eu".to_owned(),
        primary_region: "eu-west-1".to_owned(),
        secondary_region: "eu-central-1".to_owned(),
        ..payments::testing::production_config()
    });
}

/// Route 53 ARC through a provider of its own in us-west-2, in both
/// profiles.
#[test]
fn recovery_control_validates_without_errors_or_warnings() {
    assert_clean(&Config {
        recovery_control: true,
        ..Config::default()
    });
    assert_clean(&Config {
        env: "prod-eu".to_owned(),
        primary_region: "eu-west-1".to_owned(),
        secondary_region: "eu-central-1".to_owned(),
        recovery_control: true,
        ..payments::testing::production_config()
    });
}

/// The escape hatches reach Terraform as it reads them: a resource type
/// without bindings (an Aurora global cluster) and a raw attribute set past
/// a typed struct both validate against the provider's schema.
#[test]
fn raw_blocks_and_overrides_validate() {
    use constructs::bindings::aws::s3::S3Bucket;
    use constructs::core::{AwsProvider, Meta, Stack};

    let mut stack = Stack::new("ledger");
    let west = stack.provider(AwsProvider::new("west", "eu-west-1"));
    let mut scope = stack.scope(&west);
    let cluster = scope.raw_resource(
        "aws_rds_global_cluster",
        "ledger",
        serde_json::json!({
            "global_cluster_identifier": "ledger-dev",
            "engine": "aurora-postgresql",
            "engine_version": "15.4",
            "storage_encrypted": true,
            "deletion_protection": true,
        }),
    );
    scope.resource_with(
        "exports",
        S3Bucket {
            bucket: Some("ledger-exports-dev".into()),
            force_destroy: Some(true.into()),
            tags: Some([("Cluster".to_owned(), "ledger".into())].into()),
            ..S3Bucket::new()
        },
        Meta::default()
            .set("object_lock_enabled", true)
            .set("tags.ClusterArn", cluster.attr("arn")),
    );
    let document = constructs::testing::synth(&stack);
    let dir = tempfile::tempdir().unwrap();
    write_scratch_configuration(dir.path(), &document.to_json());
    let report = validate(dir.path());
    assert_eq!(report["valid"], true, "{report:#}");
    assert_eq!(report["error_count"], 0, "{report:#}");
    assert_eq!(report["warning_count"], 0, "{report:#}");
}
