//! The built `bootstrap` binary against a local Runtime API and moto.

use std::io::Read;
use std::process::{Command, Stdio};
use std::time::Duration;

use drsynth_tests::moto::MotoServer;
use drsynth_tests::runtime_api::{Outcome, RuntimeApi};
use serde_json::json;

use crate::moto::{client_for, create_conflict_table};
use crate::{HERE, event, overwrite};

fn bootstrap() -> String {
    std::env::var("CONFLICT_DETECTOR_BOOTSTRAP")
        .unwrap_or_else(|_| env!("CARGO_BIN_EXE_conflict-detector").to_owned())
}

#[tokio::test]
async fn packaged_binary_records_a_conflict_emits_the_metric_and_fails_a_malformed_event() {
    let moto = MotoServer::start();
    let client = client_for(&moto.endpoint());
    create_conflict_table(&client, "conflicts-test").await;
    let api = RuntimeApi::start(vec![
        event(vec![overwrite("5", ("10", "USD"), ("11", "USD"))]),
        json!({"Records": "not a list"}),
    ]);
    let mut child = Command::new(bootstrap())
        .envs(moto.sdk_environment(HERE))
        .env("AWS_LAMBDA_RUNTIME_API", api.address())
        .env("AWS_LAMBDA_FUNCTION_NAME", "conflict-detector-test")
        .env("AWS_LAMBDA_FUNCTION_MEMORY_SIZE", "128")
        .env("AWS_LAMBDA_FUNCTION_VERSION", "$LATEST")
        .env("AWS_LAMBDA_LOG_STREAM_NAME", "stream")
        .env(
            "AWS_LAMBDA_LOG_GROUP_NAME",
            "/aws/lambda/conflict-detector-test",
        )
        .env("WATCHED_TABLE", "transactions-test")
        .env("CONFLICT_TABLE", "conflicts-test")
        .env("REGION_ATTRIBUTE", "region")
        .env("WRITE_METADATA_ATTRIBUTES", "created_at")
        .env("METRIC_NAMESPACE", "DRSynth")
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .expect("start the bootstrap binary");
    let outcomes = api.wait_for(2, Duration::from_secs(60));
    let _ = child.kill();
    let _ = child.wait();
    assert_eq!(outcomes.len(), 2, "{outcomes:?}");
    match &outcomes[0] {
        Outcome::Response { body, .. } => {
            assert_eq!(body["batchItemFailures"], json!([]), "{body}")
        }
        other => panic!("batch: {other:?}"),
    }
    assert!(matches!(&outcomes[1], Outcome::Error { request_id, .. } if request_id == "request-1"));

    let items = client
        .scan()
        .table_name("conflicts-test")
        .send()
        .await
        .unwrap()
        .items
        .unwrap_or_default();
    assert_eq!(items.len(), 1);

    let mut stdout = String::new();
    child
        .stdout
        .take()
        .unwrap()
        .read_to_string(&mut stdout)
        .unwrap();
    let metric = stdout
        .lines()
        .filter_map(|line| serde_json::from_str::<serde_json::Value>(line).ok())
        .find(|line| line.get("_aws").is_some())
        .unwrap_or_else(|| panic!("no metric line in {stdout}"));
    assert_eq!(metric["ReplicationConflicts"], 1);
    assert_eq!(metric["TableName"], "transactions-test");
}
