//! Snapshots of the synthesized JSON: the whole stack, and one focused
//! snapshot per construct that reads well in a diff.

use constructs::testing::construct_subtree;
use payments::Config;

use crate::synth_document;

#[test]
fn payments_app_default() {
    insta::assert_json_snapshot!(
        "payments_app_default",
        synth_document(&Config::default()).value()
    );
}

#[test]
fn payments_app_production() {
    insta::assert_json_snapshot!(
        "payments_app_production",
        synth_document(&production()).value()
    );
}

fn production() -> Config {
    payments::testing::production_config()
}

/// What the production profile adds, construct by construct.
#[test]
fn production_construct_snapshots() {
    let document = synth_document(&production());
    for (name, prefix) in [
        ("production_encryption", "encryption_"),
        ("production_replicated_bucket", "documents_"),
        ("production_failover_dns", "dns_"),
        ("production_queue_replication", "queue_replication_"),
    ] {
        insta::assert_json_snapshot!(name, construct_subtree(&document, prefix));
    }
}

/// The Route 53 ARC option: the cluster, panel, routing controls and
/// safety rule, and the records following the routing controls.
#[test]
fn recovery_control_snapshot() {
    let document = synth_document(&Config {
        recovery_control: true,
        ..Config::default()
    });
    insta::assert_json_snapshot!(
        "failover_dns_recovery_control",
        construct_subtree(&document, "dns_")
    );
}

#[test]
fn construct_snapshots() {
    let document = synth_document(&Config::default());
    for (name, prefix) in [
        ("regional_stack_primary", "primary_"),
        ("global_table", "transactions_"),
        ("replicated_bucket", "documents_"),
        ("failover_dns", "dns_"),
        ("queue_replication", "queue_replication_"),
        ("monitoring", "monitoring_"),
        ("conflict_table", "conflicts_"),
        (
            "conflict_detector_secondary",
            "secondary_conflict_detector_",
        ),
    ] {
        insta::assert_json_snapshot!(name, construct_subtree(&document, prefix));
    }
}

#[test]
fn committed_configuration_is_fresh() {
    let path = drsynth_tests::workspace_root().join("terraform/main.tf.json");
    let committed = std::fs::read_to_string(path)
        .expect("terraform/main.tf.json is committed; run `make synth`");
    assert!(
        committed == synth_document(&Config::default()).to_json(),
        "terraform/main.tf.json is stale; run `make synth` and commit it"
    );
}
