//! One invocation: judge every record of a batch in order, record each
//! conflict, and tell Lambda where to resume when one cannot be recorded.
//!
//! A stream is ordered: Lambda retries from the first sequence number a
//! function reports, and everything after it again. So the batch stops at
//! the first record that fails, and a conflict recorded before a retry is
//! recognised as already recorded rather than written twice. An invocation
//! that made no progress fails, so the function's error alarm sees it and
//! the event source mapping bisects, retries and, in the end, sends the
//! batch's position to its failure destination.

use std::fmt;
use std::future::Future;
use std::time::{Duration, Instant};

use aws_lambda_events::streams::{DynamoDbBatchItemFailure, DynamoDbEventResponse};

use crate::conflict::{Conflict, RecordError, Verdict, judge};
use crate::settings::Settings;
use crate::stream::StreamEvent;

/// What became of one conflict sent to the log.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Recorded {
    /// Written now.
    New,
    /// Written by an earlier try of the same stream record.
    Already,
}

/// Where conflicts are kept.
pub trait ConflictLog: Sync {
    /// Records `conflict`; the same conflict twice is written once.
    fn record(&self, conflict: &Conflict) -> impl Future<Output = Result<Recorded, String>> + Send;

    /// The longest one `record` may take, retries included.
    fn call_timeout(&self) -> Duration;
}

/// Time kept after the last call to return the response to Lambda.
pub const RESPONSE_MARGIN: Duration = Duration::from_secs(1);

/// What an invocation did.
#[derive(Clone, Debug, PartialEq)]
pub struct Detected {
    /// The response: empty, or the sequence number to resume from.
    pub response: DynamoDbEventResponse,
    /// Conflicts recorded, now or by an earlier try of the batch: the
    /// metric counts them all, since an earlier try may have ended before
    /// it printed the metric (an alarm twice beats none).
    pub recorded: Vec<Conflict>,
    /// Records where both regions wrote the same content.
    pub same_content: usize,
}

/// Why an invocation fails as a whole (Lambda then retries the batch).
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum DetectError {
    /// A record without a sequence number can be neither judged safely
    /// nor reported.
    RecordWithoutSequenceNumber { index: usize },
    /// The first record of the batch could not be judged or recorded.
    NoProgress { reason: String },
}

impl fmt::Display for DetectError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::RecordWithoutSequenceNumber { index } => write!(
                f,
                "record {index} of the batch has no sequence number, so it can be neither judged safely \
                 nor reported; the whole batch is retried"
            ),
            Self::NoProgress { reason } => write!(
                f,
                "the batch's first record could not be handled ({reason}); the batch is retried"
            ),
        }
    }
}

impl std::error::Error for DetectError {}

/// Judges and records every record of `event` before `deadline`.
pub async fn detect<L: ConflictLog>(
    log: &L,
    settings: &Settings,
    event: StreamEvent,
    deadline: Instant,
) -> Result<Detected, DetectError> {
    if let Some(index) = event
        .records
        .iter()
        .position(|r| r.dynamodb.sequence_number.is_none())
    {
        return Err(DetectError::RecordWithoutSequenceNumber { index });
    }
    let mut detected = Detected {
        response: DynamoDbEventResponse {
            batch_item_failures: Vec::new(),
        },
        recorded: Vec::new(),
        same_content: 0,
    };
    for (index, record) in event.records.iter().enumerate() {
        let failure = match judge(record, settings) {
            Err(RecordError::ImagesMissing) => Some(
                "a MODIFY record without both images: give the table's stream the view type NEW_AND_OLD_IMAGES"
                    .to_owned(),
            ),
            Ok(Verdict::Unrelated) => None,
            Ok(Verdict::SameContent) => {
                tracing::info!(key = ?record.dynamodb.keys, "both regions wrote the same content");
                detected.same_content += 1;
                None
            }
            Ok(Verdict::Conflict(conflict)) => {
                if Instant::now() + log.call_timeout() + RESPONSE_MARGIN > deadline {
                    Some("out of time: the invocation's deadline leaves no room for another call".to_owned())
                } else {
                    match log.record(&conflict).await {
                        Ok(outcome) => {
                            tracing::warn!(
                                key = ?conflict.key,
                                overwritten = %conflict.overwritten.region,
                                kept = %conflict.kept.region,
                                differing = ?conflict.differing_attributes,
                                already = outcome == Recorded::Already,
                                "write conflict recorded"
                            );
                            detected.recorded.push(*conflict);
                            None
                        }
                        Err(reason) => Some(format!("the conflict could not be recorded: {reason}")),
                    }
                }
            }
        };
        if let Some(reason) = failure {
            tracing::error!(index, %reason, "record not handled; Lambda resumes from it");
            if index == 0 {
                return Err(DetectError::NoProgress { reason });
            }
            detected
                .response
                .batch_item_failures
                .push(DynamoDbBatchItemFailure {
                    item_identifier: record.dynamodb.sequence_number.clone(),
                });
            break;
        }
    }
    tracing::info!(
        records = event.records.len(),
        recorded = detected.recorded.len(),
        same_content = detected.same_content,
        "batch judged"
    );
    Ok(detected)
}
