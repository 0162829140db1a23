//! Snapshots of the synthesized JSON: the whole stack, reviewed in diffs.

use constructs::dr::{Config, payments_app};

fn default_document() -> constructs::core::Document {
    let app = payments_app(&Config::default()).expect("the default config is valid");
    app.synth().expect("the payments app synthesizes").remove(0)
}

#[test]
fn payments_app_default() {
    insta::assert_json_snapshot!("payments_app_default", default_document().value());
}

#[test]
fn committed_configuration_is_fresh() {
    let committed =
        std::fs::read_to_string(drsynth_tests::workspace_root().join("terraform/main.tf.json"))
            .expect("terraform/main.tf.json is committed; run `make synth`");
    assert!(
        committed == default_document().to_json(),
        "terraform/main.tf.json is stale; run `make synth` and commit it"
    );
}
