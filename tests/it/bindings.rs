//! The generated bindings, used for what the library has no construct for:
//! an Aurora global cluster and a regional cluster joined to it, typed from
//! the provider's schema (`constructs/src/bindings/aws/rds.rs`), rendered
//! and validated offline like everything else.

use constructs::bindings::aws::rds::{RdsCluster, RdsGlobalCluster};
use constructs::core::{AwsProvider, Stack};
use drsynth_tests::{validate, write_scratch_configuration};

#[test]
fn an_aurora_global_cluster_from_the_bindings_validates() {
    let mut stack = Stack::new("ledger");
    let west = stack.provider(AwsProvider::new("west", "eu-west-1"));
    let mut scope = stack.scope(&west);
    let global = scope.resource(
        "global",
        RdsGlobalCluster {
            engine: Some("aurora-postgresql".into()),
            engine_version: Some("15.4".into()),
            storage_encrypted: Some(true.into()),
            deletion_protection: Some(true.into()),
            ..RdsGlobalCluster::new("ledger-dev")
        },
    );
    scope.resource(
        "primary",
        RdsCluster {
            cluster_identifier: Some("ledger-dev-eu-west-1".into()),
            engine: global.engine(),
            engine_version: Some(global.engine_version()),
            global_cluster_identifier: Some(global.id()),
            master_username: Some("ledger".into()),
            manage_master_user_password: Some(true.into()),
            storage_encrypted: Some(true.into()),
            backup_retention_period: Some(7.into()),
            ..RdsCluster::new(global.engine())
        },
    );
    let document = constructs::testing::synth(&stack);
    let cluster = constructs::testing::resource(&document, "aws_rds_cluster", "primary");
    assert_eq!(
        cluster["global_cluster_identifier"],
        "${aws_rds_global_cluster.global.id}"
    );
    assert_eq!(cluster["backup_retention_period"], 7);
    assert_eq!(cluster["storage_encrypted"], true);
    let dir = tempfile::tempdir().unwrap();
    write_scratch_configuration(dir.path(), &document.to_json());
    let report = validate(dir.path());
    assert_eq!(report["valid"], true, "{report:#}");
    assert_eq!(report["error_count"], 0, "{report:#}");
    assert_eq!(report["warning_count"], 0, "{report:#}");
}
