//! Batching and failure reporting, against an in-memory sender.

use std::sync::Mutex;
use std::time::{Duration, Instant};

use aws_lambda_events::sqs::SqsEvent;
use proptest::prelude::*;
use queue_replicator::forward::{
    BatchOutcome, ForwardError, MAX_BATCH_BYTES, Outgoing, SOURCE_ID_ATTRIBUTE, Sender, forward,
};
use serde_json::json;

use crate::{record, sqs_event};

/// Records every batch; fails the messages whose body starts with `fail`,
/// refuses whole calls holding a body `refuse` (as SQS does with an invalid
/// entry), and finds the destination unreachable for a body `outage`. Like
/// SQS, it refuses a call over the size limits.
#[derive(Default)]
struct FakeSender {
    batches: Mutex<Vec<Vec<Outgoing>>>,
}

impl Sender for FakeSender {
    fn call_timeout(&self) -> Duration {
        Duration::from_secs(2)
    }

    async fn send_batch(&self, batch: &[&Outgoing]) -> BatchOutcome {
        self.batches
            .lock()
            .unwrap()
            .push(batch.iter().map(|m| (*m).clone()).collect());
        let bytes: usize = batch.iter().map(|m| m.size()).sum();
        if batch.len() > 10 || bytes > MAX_BATCH_BYTES {
            return BatchOutcome::Refused("BatchRequestTooLong".into());
        }
        if batch.iter().any(|m| m.body == "outage") {
            return BatchOutcome::Unreachable("timeout".into());
        }
        if batch.iter().any(|m| m.body == "refuse") {
            return BatchOutcome::Refused("InvalidMessageContents".into());
        }
        BatchOutcome::Sent {
            failed: batch
                .iter()
                .filter(|m| m.body.starts_with("fail"))
                .map(|m| m.source_id.clone())
                .collect(),
        }
    }
}

impl FakeSender {
    fn batch_sizes(&self) -> Vec<usize> {
        self.batches.lock().unwrap().iter().map(Vec::len).collect()
    }
}

/// A deadline as far off as the function's 30 s timeout.
fn in_time() -> Instant {
    Instant::now() + Duration::from_secs(30)
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
    let response = forward(&sender, event(&bodies), in_time()).await.unwrap();
    assert!(response.batch_item_failures.is_empty());
    assert_eq!(sender.batch_sizes(), [10, 10, 5]);
}

#[tokio::test]
async fn batches_respect_the_total_size_limit() {
    let sender = FakeSender::default();
    let body = "x".repeat(30 * 1024);
    let bodies = vec![body.as_str(); 10];
    let response = forward(&sender, event(&bodies), in_time()).await.unwrap();
    assert!(
        response.batch_item_failures.is_empty(),
        "every message is forwarded"
    );
    // Eight 30 KiB messages (with their source ids) fit in 256 KiB.
    assert_eq!(sender.batch_sizes(), [8, 2]);
    for batch in sender.batches.lock().unwrap().iter() {
        assert!(batch.iter().map(Outgoing::size).sum::<usize>() <= MAX_BATCH_BYTES);
    }
}

#[tokio::test]
async fn a_message_near_the_limit_goes_alone_without_a_source_id() {
    let sender = FakeSender::default();
    let big = "x".repeat(MAX_BATCH_BYTES - 10);
    let response = forward(&sender, event(&["a", &big, "b"]), in_time())
        .await
        .unwrap();
    assert!(response.batch_item_failures.is_empty());
    assert_eq!(sender.batch_sizes(), [1, 1, 1]);
    let batches = sender.batches.lock().unwrap();
    let sent = &batches[1][0];
    assert_eq!(sent.body.len(), MAX_BATCH_BYTES - 10);
    assert!(
        !sent.attributes.contains_key(SOURCE_ID_ATTRIBUTE),
        "the source id would push it over the limit"
    );
    assert!(sent.size() <= MAX_BATCH_BYTES);
    assert!(batches[0][0].attributes.contains_key(SOURCE_ID_ATTRIBUTE));
}

#[tokio::test]
async fn a_message_over_the_limit_is_reported_and_the_rest_forwarded() {
    let sender = FakeSender::default();
    let huge = "x".repeat(MAX_BATCH_BYTES + 1);
    let response = forward(&sender, event(&["a", &huge, "b"]), in_time())
        .await
        .unwrap();
    assert_eq!(failed(&response), ["m1"]);
    assert_eq!(sender.batch_sizes(), [2]);
}

#[tokio::test]
async fn a_refused_call_is_retried_entry_by_entry() {
    let sender = FakeSender::default();
    let response = forward(&sender, event(&["ok", "refuse", "ok", "fail"]), in_time())
        .await
        .unwrap();
    assert_eq!(failed(&response), ["m1", "m3"], "only the bad ones");
    assert_eq!(sender.batch_sizes(), [4, 1, 1, 1, 1]);
}

#[tokio::test]
async fn a_record_without_an_id_fails_the_invocation() {
    let sender = FakeSender::default();
    let mut records = vec![record("m0", "ok", json!({}))];
    let mut anonymous = record("m1", "ok", json!({}));
    anonymous.as_object_mut().unwrap().remove("messageId");
    records.push(anonymous);
    let event: SqsEvent = serde_json::from_value(sqs_event(records)).unwrap();
    assert_eq!(
        forward(&sender, event, in_time()).await,
        Err(ForwardError::RecordWithoutId { index: 1 })
    );
    assert!(
        sender.batch_sizes().is_empty(),
        "nothing sent, nothing dropped"
    );
}

#[tokio::test]
async fn no_call_starts_that_could_outlast_the_deadline() {
    let sender = FakeSender::default();
    // Two seconds per call and a second for the response: 2.5 s is not enough.
    let deadline = Instant::now() + Duration::from_millis(2500);
    let error = forward(&sender, event(&["a", "b"]), deadline)
        .await
        .unwrap_err();
    assert!(
        matches!(&error, ForwardError::NothingForwarded { failed: 2, reason } if reason.contains("out of time")),
        "{error:?}"
    );
    assert!(sender.batch_sizes().is_empty(), "nothing was sent");
}

#[tokio::test]
async fn an_unreachable_destination_fails_the_invocation() {
    let sender = FakeSender::default();
    let mut bodies = vec!["ok"; 25];
    bodies[0] = "outage";
    let error = forward(&sender, event(&bodies), in_time())
        .await
        .unwrap_err();
    assert!(
        matches!(error, ForwardError::NothingForwarded { failed: 25, .. }),
        "{error:?}"
    );
    assert_eq!(
        sender.batch_sizes(),
        [10],
        "it stops at the first unreachable call"
    );
}

#[tokio::test]
async fn only_failed_messages_are_reported() {
    let sender = FakeSender::default();
    let response = forward(
        &sender,
        event(&["ok", "fail once", "ok", "fail twice"]),
        in_time(),
    )
    .await
    .unwrap();
    assert_eq!(failed(&response), ["m1", "m3"]);
}

#[tokio::test]
async fn an_unreachable_destination_fails_the_rest_not_what_was_sent() {
    let sender = FakeSender::default();
    let mut bodies = vec!["ok"; 25];
    bodies[12] = "outage";
    let response = forward(&sender, event(&bodies), in_time()).await.unwrap();
    let expected: Vec<String> = (10..25).map(|i| format!("m{i}")).collect();
    assert_eq!(failed(&response), expected);
}

#[tokio::test]
async fn the_source_id_travels_with_the_attributes() {
    let sender = FakeSender::default();
    let attributes = json!({"kind": {"stringValue": "refund", "dataType": "String"}});
    let event: SqsEvent =
        serde_json::from_value(sqs_event(vec![record("abc", "x", attributes)])).unwrap();
    forward(&sender, event, in_time()).await.unwrap();
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
    forward(&sender, event, in_time()).await.unwrap();
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
    fn every_record_is_forwarded_or_reported(bodies in prop::collection::vec("(fail|ok|refuse|outage)?[a-z ]{0,8}", 0..40)) {
        let runtime = tokio::runtime::Builder::new_current_thread().build().unwrap();
        let sender = FakeSender::default();
        let bodies: Vec<&str> = bodies.iter().map(String::as_str).collect();
        let ids: Vec<String> = (0..bodies.len()).map(|i| format!("m{i}")).collect();
        match runtime.block_on(forward(&sender, event(&bodies), in_time())) {
            Ok(response) => {
                let failures = failed(&response);
                for failure in &failures {
                    prop_assert!(ids.iter().any(|id| id == failure));
                }
                // Whatever was not reported reached the destination.
                let delivered: usize = sender
                    .batches
                    .lock()
                    .unwrap()
                    .iter()
                    .filter(|batch| batch.iter().all(|m| m.body != "outage" && m.body != "refuse"))
                    .flatten()
                    .filter(|m| !m.body.starts_with("fail"))
                    .count();
                prop_assert_eq!(delivered + failures.len(), bodies.len());
            }
            Err(ForwardError::NothingForwarded { failed, .. }) => prop_assert_eq!(failed, bodies.len()),
            Err(other) => prop_assert!(false, "unexpected {other:?}"),
        }
    }
}

#[test]
fn size_counts_the_body_and_each_attributes_name_type_and_value() {
    let attributes = json!({
        "kind": {"stringValue": "refund", "dataType": "String"},
        "b": {"binaryValue": "AQID", "dataType": "Binary"}
    });
    let event: SqsEvent =
        serde_json::from_value(sqs_event(vec![record("m", "abc", attributes)])).unwrap();
    let record = &event.records[0];
    let message = Outgoing {
        source_id: "m".into(),
        body: record.body.clone().unwrap(),
        attributes: record.message_attributes.clone(),
    };
    // "abc" + "kind" "String" "refund" + "b" "Binary" and three bytes.
    assert_eq!(message.size(), 3 + (4 + 6 + 6) + (1 + 6 + 3));
    let unicode = Outgoing {
        body: "é".into(),
        attributes: Default::default(),
        ..message
    };
    assert_eq!(unicode.size(), 2, "bytes, not characters");
}
