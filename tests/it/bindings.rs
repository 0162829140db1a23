//! The generated bindings, used for what the library has no construct for:
//! an Aurora global cluster and a regional cluster joined to it, typed from
//! the provider's schema (`providers/aws/src/rds.rs`), rendered and
//! validated offline like everything else.

use constructs::bindings::aws::rds::{DbSubnetGroup, RdsCluster, RdsGlobalCluster};
use constructs::bindings::aws::vpc::{DataSubnets, DataSubnetsFilter};
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

/// A list attribute takes a whole list-valued reference as typed as its
/// items: the subnets a data source found, passed on as one list.
#[test]
fn a_list_valued_reference_is_passed_typed_and_checked() {
    let mut stack = Stack::new("ledger");
    let west = stack.provider(AwsProvider::new("west", "eu-west-1"));
    let mut scope = stack.scope(&west);
    let private = scope.data(
        "private",
        DataSubnets {
            filter: Some(vec![DataSubnetsFilter::new(
                "tag:Tier",
                vec!["private".into()],
            )]),
            ..DataSubnets::new()
        },
    );
    scope.resource(
        "subnets",
        DbSubnetGroup {
            name: Some("ledger-dev".into()),
            ..DbSubnetGroup::new(private.ids())
        },
    );
    let document = constructs::testing::synth(&stack);
    let group = constructs::testing::resource(&document, "aws_db_subnet_group", "subnets");
    assert_eq!(group["subnet_ids"], "${data.aws_subnets.private.ids}");
    let dir = tempfile::tempdir().unwrap();
    write_scratch_configuration(dir.path(), &document.to_json());
    let report = validate(dir.path());
    assert_eq!(report["error_count"], 0, "{report:#}");
    assert_eq!(report["warning_count"], 0, "{report:#}");

    // Recorded like any reference: one into another stack is refused.
    let mut other = Stack::new("other");
    let east = other.provider(AwsProvider::new("east", "us-east-1"));
    other
        .scope(&east)
        .resource("subnets", DbSubnetGroup::new(private.ids()));
    let errors = constructs::testing::synth_errors(&other);
    assert!(
        errors[0].contains("refers to `ledger/private` (data.aws_subnets.private)"),
        "{errors:?}"
    );
}
