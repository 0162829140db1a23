//! The real `terraform validate` on what synth writes, offline through the
//! provider mirror. Never skipped: a missing terraform fails the test.

use constructs::dr::{Config, payments_app};
use drsynth_tests::validate;

fn assert_clean(config: &Config) {
    let dir = tempfile::tempdir().unwrap();
    let document = payments_app(config).unwrap().synth().unwrap().remove(0);
    std::fs::write(dir.path().join("main.tf.json"), document.to_json()).unwrap();
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
fn other_environment_and_regions_validate() {
    assert_clean(&Config {
        env: "prod-2".to_owned(),
        primary_region: "eu-west-1".to_owned(),
        secondary_region: "eu-central-1".to_owned(),
        ..Config::default()
    });
}
