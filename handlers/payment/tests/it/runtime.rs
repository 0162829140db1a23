//! The built `bootstrap` binary, run as Lambda runs it: against a local
//! Runtime API, with a moto table behind it.

use std::process::{Command, Stdio};
use std::time::Duration;

use drsynth_tests::moto::MotoServer;
use drsynth_tests::runtime_api::{Outcome, RuntimeApi};
use serde_json::json;

use crate::event;
use crate::moto::{client, create_table};

/// The binary under test: the packaged one when `PAYMENT_BOOTSTRAP` names
/// it, else the one cargo built for this test run.
fn bootstrap() -> String {
    std::env::var("PAYMENT_BOOTSTRAP").unwrap_or_else(|_| env!("CARGO_BIN_EXE_payment").to_owned())
}

#[tokio::test]
async fn packaged_binary_answers_health_payment_and_reports_a_malformed_event() {
    let moto = MotoServer::start();
    create_table(&client(&moto), "transactions-rt").await;
    // A payment first: a cold process's first call to the table also sets
    // up the client and the connection, which on a loaded machine can
    // outlast the health probe's one-second bound (a timing, not what this
    // test checks; the bound has its own test in `health.rs`).
    let api = RuntimeApi::start(vec![
        event(
            "POST",
            "/payment",
            Some("application/json"),
            Some(r#"{"transaction_id":"rt-0","amount":"1.00","currency":"USD"}"#),
        ),
        event("GET", "/health", None, None),
        event(
            "POST",
            "/payment",
            Some("application/json"),
            Some(r#"{"transaction_id":"rt-1","amount":"5.00","currency":"USD"}"#),
        ),
        json!({"not": "an API Gateway event"}),
    ]);
    let mut child = Command::new(bootstrap())
        .envs(moto.sdk_environment("us-east-1"))
        .env("AWS_LAMBDA_RUNTIME_API", api.address())
        .env("AWS_LAMBDA_FUNCTION_NAME", "payment-test")
        .env("AWS_LAMBDA_FUNCTION_MEMORY_SIZE", "256")
        .env("AWS_LAMBDA_FUNCTION_VERSION", "$LATEST")
        .env("AWS_LAMBDA_LOG_STREAM_NAME", "stream")
        .env("AWS_LAMBDA_LOG_GROUP_NAME", "/aws/lambda/payment-test")
        .env("TABLE_NAME", "transactions-rt")
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .expect("start the bootstrap binary");
    let outcomes = api.wait_for(4, Duration::from_secs(60));
    let _ = child.kill();
    let _ = child.wait();

    assert_eq!(outcomes.len(), 4, "{outcomes:?}");
    match &outcomes[0] {
        Outcome::Response { request_id, body } => {
            assert_eq!(request_id, "request-0");
            assert_eq!(body["statusCode"], 201, "{body}");
        }
        other => panic!("first payment: {other:?}"),
    }
    match &outcomes[1] {
        Outcome::Response { request_id, body } => {
            assert_eq!(request_id, "request-1");
            assert_eq!(body["statusCode"], 200, "{body}");
        }
        other => panic!("health: {other:?}"),
    }
    match &outcomes[2] {
        Outcome::Response { body, .. } => {
            assert_eq!(body["statusCode"], 201, "{body}");
            let payment: serde_json::Value =
                serde_json::from_str(body["body"].as_str().unwrap()).unwrap();
            assert_eq!(payment["amount"], "5.00");
        }
        other => panic!("payment: {other:?}"),
    }
    match &outcomes[3] {
        Outcome::Error { request_id, body } => {
            assert_eq!(request_id, "request-3");
            assert!(body["errorType"].is_string(), "{body}");
        }
        other => panic!("malformed event: {other:?}"),
    }
}

#[test]
fn invalid_configuration_is_reported_at_start() {
    let api = RuntimeApi::start(Vec::new());
    let mut child = Command::new(bootstrap())
        .env("AWS_LAMBDA_RUNTIME_API", api.address())
        .env("AWS_REGION", "us-east-1")
        .env_remove("TABLE_NAME")
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .expect("start the bootstrap binary");
    let status = child.wait().unwrap();
    assert!(
        !status.success(),
        "a function without TABLE_NAME must not start"
    );
    let mut stderr = String::new();
    std::io::Read::read_to_string(child.stderr.as_mut().unwrap(), &mut stderr).unwrap();
    assert!(stderr.contains("TABLE_NAME"), "{stderr}");
}
