//! Batching and failure reporting, against an in-memory sender.

use std::sync::Mutex;

use aws_lambda_events::sqs::SqsEvent;
use proptest::prelude::*;
use queue_replicator::forward::{Outgoing, SOURCE_ID_ATTRIBUTE, Sender, forward};
use serde_json::json;

use crate::{record, sqs_event};

/// Records every batch; fails the messages whose body starts with `fail`,
/// and whole batches holding a body `outage`.
#[derive(Default)]
struct FakeSender {
    batches: Mutex<Vec<Vec<Outgoing>>>,
}

impl Sender for FakeSender {
    async fn send_batch(&self, batch: &[Outgoing]) -> Vec<String> {
        self.batches.lock().unwrap().push(batch.to_vec());
        if batch.iter().any(|m| m.body == "outage") {
            return batch.iter().map(|m| m.source_id.clone()).collect();
        }
        batch
            .iter()
            .filter(|m| m.body.starts_with("fail"))
            .map(|m| m.source_id.clone())
            .collect()
    }
}

fn event(bodies: &[&str]) -> SqsEvent {
    let records = bodies
        .iter()
        .enumerate()
        .map(|(i, body)| record(&format!("m{i}"), body, json!({})))
        .collect();
    serde_json::from_value(sqs_event(records)).unwrap()
}

fn failed(response: &aws_lambda_events::sqs::SqsBatchResponse) -> Vec<&str> {
    response
        .batch_item_failures
        .iter()
        .map(|f| f.item_identifier.as_str())
        .collect()
}

#[tokio::test]
async fn sends_in_batches_of_ten() {
    let sender = FakeSender::default();
    let bodies: Vec<String> = (0..25).map(|i| format!("message {i}")).collect();
    let bodies: Vec<&str> = bodies.iter().map(String::as_str).collect();
    let response = forward(&sender, event(&bodies)).await;
    assert!(response.batch_item_failures.is_empty());
    let sizes: Vec<usize> = sender
        .batches
        .lock()
        .unwrap()
        .iter()
        .map(Vec::len)
        .collect();
    assert_eq!(sizes, [10, 10, 5]);
}

#[tokio::test]
async fn only_failed_messages_are_reported() {
    let sender = FakeSender::default();
    let response = forward(&sender, event(&["ok", "fail once", "ok", "fail twice"])).await;
    assert_eq!(failed(&response), ["m1", "m3"]);
}

#[tokio::test]
async fn a_failed_call_fails_only_its_own_batch() {
    let sender = FakeSender::default();
    let mut bodies = vec!["ok"; 15];
    bodies[12] = "outage";
    let response = forward(&sender, event(&bodies)).await;
    assert_eq!(failed(&response), ["m10", "m11", "m12", "m13", "m14"]);
}

#[tokio::test]
async fn the_source_id_travels_with_the_attributes() {
    let sender = FakeSender::default();
    let attributes = json!({"kind": {"stringValue": "refund", "dataType": "String"}});
    let event: SqsEvent =
        serde_json::from_value(sqs_event(vec![record("abc", "x", attributes)])).unwrap();
    forward(&sender, event).await;
    let batches = sender.batches.lock().unwrap();
    let message = &batches[0][0];
    assert_eq!(
        message.attributes["kind"].string_value.as_deref(),
        Some("refund")
    );
    assert_eq!(
        message.attributes[SOURCE_ID_ATTRIBUTE]
            .string_value
            .as_deref(),
        Some("abc")
    );
}

#[tokio::test]
async fn ten_attributes_are_kept_and_nothing_is_added() {
    let sender = FakeSender::default();
    let attributes: serde_json::Map<String, serde_json::Value> = (0..10)
        .map(|i| {
            (
                format!("a{i}"),
                json!({"stringValue": "v", "dataType": "String"}),
            )
        })
        .collect();
    let event: SqsEvent =
        serde_json::from_value(sqs_event(vec![record("abc", "x", attributes.into())])).unwrap();
    forward(&sender, event).await;
    let batches = sender.batches.lock().unwrap();
    assert_eq!(
        batches[0][0].attributes.len(),
        10,
        "SQS allows ten attributes"
    );
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(128))]

    #[test]
    fn every_failure_names_a_record_of_the_batch(bodies in prop::collection::vec("(fail|ok|outage)?[a-z ]{0,8}", 0..40)) {
        let runtime = tokio::runtime::Builder::new_current_thread().build().unwrap();
        let sender = FakeSender::default();
        let bodies: Vec<&str> = bodies.iter().map(String::as_str).collect();
        let response = runtime.block_on(forward(&sender, event(&bodies)));
        let ids: Vec<String> = (0..bodies.len()).map(|i| format!("m{i}")).collect();
        for failure in failed(&response) {
            prop_assert!(ids.iter().any(|id| id == failure));
        }
        let sent: usize = sender.batches.lock().unwrap().iter().map(Vec::len).sum();
        prop_assert_eq!(sent, bodies.len(), "every record is attempted");
    }
}
