//! The built `bootstrap` binary against a local Runtime API and moto.

use std::process::{Command, Stdio};
use std::time::Duration;

use drsynth_tests::moto::MotoServer;
use drsynth_tests::runtime_api::{Outcome, RuntimeApi};
use serde_json::json;

use crate::moto::{client, receive_all};
use crate::{record, sqs_event};

fn bootstrap() -> String {
    std::env::var("QUEUE_REPLICATOR_BOOTSTRAP")
        .unwrap_or_else(|_| env!("CARGO_BIN_EXE_queue-replicator").to_owned())
}

#[tokio::test]
async fn packaged_binary_forwards_a_batch_and_reports_a_malformed_event() {
    let moto = MotoServer::start();
    let sqs = client(&moto, "us-east-1");
    let queue_url = sqs
        .create_queue()
        .queue_name("dest")
        .send()
        .await
        .unwrap()
        .queue_url
        .unwrap();
    let api = RuntimeApi::start(vec![
        sqs_event(vec![record(
            "s-1",
            "hello",
            json!({"k": {"stringValue": "v", "dataType": "String"}}),
        )]),
        json!({"Records": "not a list"}),
    ]);
    let mut child = Command::new(bootstrap())
        .envs(moto.sdk_environment("us-east-1"))
        .env("AWS_LAMBDA_RUNTIME_API", api.address())
        .env("AWS_LAMBDA_FUNCTION_NAME", "queue-replicator-test")
        .env("AWS_LAMBDA_FUNCTION_MEMORY_SIZE", "128")
        .env("AWS_LAMBDA_FUNCTION_VERSION", "$LATEST")
        .env("AWS_LAMBDA_LOG_STREAM_NAME", "stream")
        .env(
            "AWS_LAMBDA_LOG_GROUP_NAME",
            "/aws/lambda/queue-replicator-test",
        )
        .env("DEST_QUEUE_URL", &queue_url)
        .env("DEST_QUEUE_REGION", "us-east-1")
        .stdout(Stdio::null())
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
    let messages = receive_all(&sqs, &queue_url, 1).await;
    assert_eq!(messages.len(), 1);
    assert_eq!(messages[0].body.as_deref(), Some("hello"));
}
