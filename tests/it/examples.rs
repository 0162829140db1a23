//! The examples a library user starts from, run the way the README says
//! (`cargo run --example NAME -- --out DIR`): each writes its configuration,
//! passes the rules (synth fails otherwise), gives the DR report its own
//! settings call for, and passes `terraform validate` with no warnings.

use std::path::Path;
use std::process::Command;

use drsynth_tests::{validate, workspace_root, write_stand_in_packages};
use serde_json::Value;

/// Runs the example `name` with `args` after `--`; returns its DR report
/// (JSON on standard output) and the configuration it wrote into `out`.
fn run_example(name: &str, out: &Path, args: &[&str]) -> (Value, String) {
    let cargo = std::env::var("CARGO").unwrap_or_else(|_| "cargo".to_owned());
    let output = Command::new(cargo)
        .current_dir(workspace_root())
        .args(["run", "--quiet", "--locked", "--example", name, "--"])
        .args(["--out", out.to_str().unwrap(), "--report", "json"])
        .args(args)
        .output()
        .expect("cargo runs");
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(output.status.success(), "example {name} failed:\n{stderr}");
    let report = serde_json::from_slice(&output.stdout)
        .unwrap_or_else(|e| panic!("no JSON report from {name} ({e}):\n{stderr}"));
    let configuration = std::fs::read_to_string(out.join("main.tf.json")).unwrap();
    (report, configuration)
}

fn assert_validates(dir: &Path, configuration: &str) {
    write_stand_in_packages(dir, configuration);
    let report = validate(dir);
    assert_eq!(report["valid"], true, "{report:#}");
    assert_eq!(report["error_count"], 0, "{report:#}");
    assert_eq!(report["warning_count"], 0, "{report:#}");
}

#[test]
fn the_orders_example_fails_over_within_its_target_and_validates() {
    let dir = tempfile::tempdir().unwrap();
    let (report, configuration) = run_example("orders", dir.path(), &["--env", "prod"]);
    // 10 s checks x 3 + 30 s propagation + 60 s alias TTL, held to 120 s.
    assert_eq!(report["health_check_interval_seconds"], 10);
    assert_eq!(report["worst_case_recovery_seconds"], 120);
    assert_eq!(report["rto_target_seconds"], 120);
    let stores: Vec<&str> = report["recovery_points"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| p["store"].as_str().unwrap())
        .collect();
    assert_eq!(
        stores,
        [
            "aws_dynamodb_table.orders_table",
            "aws_s3_bucket.invoices_source_bucket"
        ]
    );
    // The example watches no stream for write conflicts, and says so.
    let gaps: Vec<&str> = report["gaps"]
        .as_array()
        .unwrap()
        .iter()
        .map(|gap| gap.as_str().unwrap())
        .collect();
    assert_eq!(gaps.len(), 1, "{gaps:?}");
    assert!(
        gaps[0].contains("no conflict detector reads its streams"),
        "{gaps:?}"
    );
    let document: Value = serde_json::from_str(&configuration).unwrap();
    let table = &document["resource"]["aws_dynamodb_table"]["orders_table"];
    assert_eq!(table["hash_key"], "tenant_id");
    assert_eq!(table["range_key"], "order_id");
    assert_eq!(table["replica"][0]["region_name"], "eu-central-1");
    assert_eq!(table["name"], "orders-prod");
    assert_validates(dir.path(), &configuration);
}

#[test]
fn the_minimal_example_reports_its_table_and_its_missing_failover() {
    let dir = tempfile::tempdir().unwrap();
    let (report, configuration) = run_example("minimal", dir.path(), &[]);
    assert!(
        report.get("worst_case_recovery_seconds").is_none(),
        "{report:#}"
    );
    assert_eq!(
        report["recovery_points"][0]["store"],
        "aws_dynamodb_table.entries_table"
    );
    assert!(
        report["gaps"][0]
            .as_str()
            .unwrap()
            .contains("no DNS failover record"),
        "{report:#}"
    );
    assert_validates(dir.path(), &configuration);
}
