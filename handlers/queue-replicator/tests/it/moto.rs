//! Forwarding to a real SQS queue in moto, including a partial failure;
//! and to a destination that never answers.

use std::collections::HashMap;
use std::time::{Duration, Instant};

use aws_config::{BehaviorVersion, SdkConfig};
use aws_lambda_events::sqs::SqsEvent;
use aws_sdk_sqs::Client;
use aws_sdk_sqs::config::{Credentials, Region, SharedCredentialsProvider};
use drsynth_tests::moto::MotoServer;
use drsynth_tests::silent_endpoint;
use queue_replicator::forward::{ForwardError, SOURCE_ID_ATTRIBUTE, forward};
use queue_replicator::sqs::{OPERATION_TIMEOUT, SqsSender};
use serde_json::json;

use crate::{record, sqs_event};

/// The function's own client (timeouts, retries, region) for `endpoint`.
fn client_for(endpoint: &str, region: &str) -> Client {
    let config = SdkConfig::builder()
        .behavior_version(BehaviorVersion::latest())
        .region(Region::new("us-east-1"))
        .endpoint_url(endpoint)
        .credentials_provider(SharedCredentialsProvider::new(Credentials::new(
            "testing", "testing", None, None, "test",
        )))
        .build();
    queue_replicator::sqs::client(&config, region.to_owned())
}

pub fn client(moto: &MotoServer, region: &str) -> Client {
    client_for(&moto.endpoint(), region)
}

pub async fn receive_all(
    client: &Client,
    queue_url: &str,
    expected: usize,
) -> Vec<aws_sdk_sqs::types::Message> {
    let mut messages = Vec::new();
    for _ in 0..10 {
        let output = client
            .receive_message()
            .queue_url(queue_url)
            .max_number_of_messages(10)
            .message_attribute_names("All")
            .send()
            .await
            .unwrap();
        messages.extend(output.messages.unwrap_or_default());
        if messages.len() >= expected {
            break;
        }
    }
    messages
}

#[tokio::test]
async fn forwards_bodies_and_attributes_and_reports_the_one_that_cannot_be_sent() {
    let moto = MotoServer::start();
    let client = client(&moto, "us-east-2");
    let queue_url = client
        .create_queue()
        .queue_name("payments-us-east-2-test")
        .send()
        .await
        .unwrap()
        .queue_url
        .unwrap();
    let mut records: Vec<_> = (0..11)
        .map(|i| {
            record(
                &format!("source-{i}"),
                &format!("payment {i}"),
                json!({
                    "kind": {"stringValue": "capture", "dataType": "String"},
                    "cents": {"stringValue": format!("{}", 100 + i), "dataType": "Number"},
                    "blob": {"binaryValue": "AQID", "dataType": "Binary"}
                }),
            )
        })
        .collect();
    // An attribute without a data type cannot be sent: this one must come
    // back as a failure while the other eleven arrive.
    records.insert(
        5,
        record("broken", "no type", json!({"odd": {"stringValue": "x"}})),
    );
    let event: SqsEvent = serde_json::from_value(sqs_event(records)).unwrap();

    let response = forward(
        &SqsSender::new(client.clone(), queue_url.clone()),
        event,
        Instant::now() + Duration::from_secs(30),
    )
    .await
    .unwrap();
    let failures: Vec<&str> = response
        .batch_item_failures
        .iter()
        .map(|f| f.item_identifier.as_str())
        .collect();
    assert_eq!(failures, ["broken"]);

    let messages = receive_all(&client, &queue_url, 11).await;
    assert_eq!(messages.len(), 11);
    let mut by_source: HashMap<String, &aws_sdk_sqs::types::Message> = HashMap::new();
    for message in &messages {
        let attributes = message
            .message_attributes
            .as_ref()
            .expect("attributes arrive");
        let source = attributes[SOURCE_ID_ATTRIBUTE]
            .string_value
            .clone()
            .unwrap();
        by_source.insert(source, message);
    }
    let third = by_source["source-3"];
    assert_eq!(third.body.as_deref(), Some("payment 3"));
    let attributes = third.message_attributes.as_ref().unwrap();
    assert_eq!(attributes["kind"].string_value.as_deref(), Some("capture"));
    assert_eq!(attributes["cents"].data_type, "Number");
    assert_eq!(attributes["cents"].string_value.as_deref(), Some("103"));
    assert_eq!(
        attributes["blob"]
            .binary_value
            .as_ref()
            .map(|b| b.as_ref().to_vec()),
        Some(vec![1, 2, 3])
    );
}

#[tokio::test]
async fn a_missing_destination_fails_every_record_and_drops_none() {
    let moto = MotoServer::start();
    let client = client(&moto, "us-east-2");
    let missing = format!("{}/123456789012/no-such-queue", moto.endpoint());
    let records = (0..3)
        .map(|i| record(&format!("m{i}"), "x", json!({})))
        .collect();
    let event: SqsEvent = serde_json::from_value(sqs_event(records)).unwrap();
    let error = forward(
        &SqsSender::new(client, missing),
        event,
        Instant::now() + Duration::from_secs(30),
    )
    .await
    .unwrap_err();
    assert!(
        matches!(error, ForwardError::NothingForwarded { failed: 3, .. }),
        "the invocation fails, so the error alarm sees it: {error:?}"
    );
}

#[tokio::test]
async fn a_silent_destination_fails_the_invocation_inside_its_timeout() {
    let client = client_for(&silent_endpoint(), "us-east-2");
    let queue_url = "https://sqs.us-east-2.amazonaws.com/123456789012/payments".to_owned();
    let records = (0..15)
        .map(|i| record(&format!("m{i}"), "x", json!({})))
        .collect();
    let event: SqsEvent = serde_json::from_value(sqs_event(records)).unwrap();
    let started = Instant::now();
    let error = forward(
        &SqsSender::new(client, queue_url),
        event,
        started + Duration::from_secs(30),
    )
    .await
    .unwrap_err();
    let waited = started.elapsed();
    assert!(
        matches!(error, ForwardError::NothingForwarded { failed: 15, .. }),
        "{error:?}"
    );
    // One call's budget, then the invocation gives up: well inside the
    // function's 30 s, past which Lambda would kill it with nothing reported.
    assert!(
        waited < OPERATION_TIMEOUT + Duration::from_secs(1),
        "gave up after {waited:?}"
    );
}
