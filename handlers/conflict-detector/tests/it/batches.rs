//! Batches against a conflict log that fails on demand: where Lambda
//! resumes, and that no conflict is dropped or written twice.

use std::collections::HashSet;
use std::sync::Mutex;
use std::time::{Duration, Instant};

use conflict_detector::conflict::Conflict;
use conflict_detector::detect::{ConflictLog, DetectError, Recorded, detect};
use conflict_detector::stream::StreamEvent;
use serde_json::Value;

use crate::{HERE, event, overwrite, payment, record, settings};

/// Records in memory; refuses the conflicts whose sequence numbers are
/// listed in `refuse`.
#[derive(Default)]
struct MemoryLog {
    refuse: HashSet<String>,
    recorded: Mutex<Vec<String>>,
}

impl ConflictLog for MemoryLog {
    fn call_timeout(&self) -> Duration {
        Duration::from_secs(5)
    }

    async fn record(&self, conflict: &Conflict) -> Result<Recorded, String> {
        if self.refuse.contains(&conflict.sequence_number) {
            return Err("ServiceUnavailable".to_owned());
        }
        let mut recorded = self.recorded.lock().unwrap();
        if recorded.contains(&conflict.sequence_number) {
            return Ok(Recorded::Already);
        }
        recorded.push(conflict.sequence_number.clone());
        Ok(Recorded::New)
    }
}

fn stream_event(records: Vec<Value>) -> StreamEvent {
    serde_json::from_value(event(records)).unwrap()
}

fn later() -> Instant {
    Instant::now() + Duration::from_secs(30)
}

fn failures(detected: &conflict_detector::detect::Detected) -> Vec<&str> {
    detected
        .response
        .batch_item_failures
        .iter()
        .filter_map(|f| f.item_identifier.as_deref())
        .collect()
}

fn mixed_batch() -> Vec<Value> {
    vec![
        record(
            "INSERT",
            "100",
            Value::Null,
            payment("t-a", "1", "USD", HERE, "t"),
        ),
        overwrite("101", ("1", "USD"), ("2", "USD")),
        overwrite("102", ("5", "USD"), ("5.0", "USD")),
        overwrite("103", ("1", "USD"), ("1", "EUR")),
    ]
}

#[tokio::test]
async fn every_conflict_of_a_batch_is_recorded_once() {
    let log = MemoryLog::default();
    let detected = detect(&log, &settings(), stream_event(mixed_batch()), later())
        .await
        .unwrap();
    assert!(failures(&detected).is_empty());
    assert_eq!(*log.recorded.lock().unwrap(), ["101", "103"]);
    assert_eq!(detected.recorded.len(), 2);
    assert_eq!(detected.same_content, 1);
    // Lambda delivers the batch again (say, the first try timed out before
    // it printed the metric): nothing is written twice, and the metric
    // counts the conflicts again rather than never.
    let again = detect(&log, &settings(), stream_event(mixed_batch()), later())
        .await
        .unwrap();
    assert_eq!(again.recorded.len(), 2);
    assert_eq!(log.recorded.lock().unwrap().len(), 2);
}

#[tokio::test]
async fn a_conflict_that_cannot_be_recorded_is_where_lambda_resumes() {
    let log = MemoryLog {
        refuse: HashSet::from(["103".to_owned()]),
        ..MemoryLog::default()
    };
    let mut records = mixed_batch();
    records.push(overwrite("104", ("1", "USD"), ("3", "USD")));
    let detected = detect(&log, &settings(), stream_event(records), later())
        .await
        .unwrap();
    // Lambda retries from 103, so 104 is not attempted now (it comes again).
    assert_eq!(failures(&detected), ["103"]);
    assert_eq!(*log.recorded.lock().unwrap(), ["101"]);
}

#[tokio::test]
async fn a_batch_that_makes_no_progress_fails_the_invocation() {
    let log = MemoryLog {
        refuse: HashSet::from(["101".to_owned()]),
        ..MemoryLog::default()
    };
    let error = detect(
        &log,
        &settings(),
        stream_event(vec![overwrite("101", ("1", "USD"), ("2", "USD"))]),
        later(),
    )
    .await
    .unwrap_err();
    assert!(
        matches!(&error, DetectError::NoProgress { reason } if reason.contains("ServiceUnavailable")),
        "{error}"
    );
}

#[tokio::test]
async fn a_record_without_a_sequence_number_fails_the_invocation() {
    let mut records = mixed_batch();
    records[2]["dynamodb"]
        .as_object_mut()
        .unwrap()
        .remove("SequenceNumber");
    let log = MemoryLog::default();
    let error = detect(&log, &settings(), stream_event(records), later())
        .await
        .unwrap_err();
    assert_eq!(error, DetectError::RecordWithoutSequenceNumber { index: 2 });
    // Nothing was recorded before the batch was refused.
    assert!(log.recorded.lock().unwrap().is_empty());
}

#[tokio::test]
async fn a_stream_without_old_images_is_reported_not_skipped() {
    let mut records = mixed_batch();
    records[3]["dynamodb"]
        .as_object_mut()
        .unwrap()
        .remove("OldImage");
    let detected = detect(
        &MemoryLog::default(),
        &settings(),
        stream_event(records),
        later(),
    )
    .await
    .unwrap();
    assert_eq!(failures(&detected), ["103"]);
}

#[tokio::test]
async fn no_write_starts_that_cannot_end_before_the_deadline() {
    let log = MemoryLog::default();
    let records = vec![
        record(
            "INSERT",
            "100",
            Value::Null,
            payment("t-a", "1", "USD", HERE, "t"),
        ),
        overwrite("101", ("1", "USD"), ("2", "USD")),
    ];
    // Two seconds left: less than a write's five plus the margin.
    let detected = detect(
        &log,
        &settings(),
        stream_event(records),
        Instant::now() + Duration::from_secs(2),
    )
    .await
    .unwrap();
    assert_eq!(failures(&detected), ["101"]);
    assert!(log.recorded.lock().unwrap().is_empty());
}
