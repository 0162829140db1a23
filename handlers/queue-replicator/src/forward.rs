//! Turning a batch of SQS records into forwarded messages and item failures.
//!
//! Messages go out in `SendMessageBatch` calls of at most ten entries and at
//! most [`MAX_BATCH_BYTES`] in all. A call SQS refuses as a whole is retried
//! entry by entry, so one bad message never fails its batch-mates; a
//! destination that cannot be reached stops the rest of the invocation.
//! Every record is either forwarded or reported; an invocation that
//! forwarded nothing fails, so the function's error alarm sees an outage.

use std::collections::{HashMap, HashSet};
use std::fmt;
use std::future::Future;
use std::time::{Duration, Instant};

use aws_lambda_events::sqs::{BatchItemFailure, SqsBatchResponse, SqsEvent, SqsMessageAttribute};

/// Entries per SendMessageBatch call: SQS's limit.
pub const BATCH_LIMIT: usize = 10;
/// The most one message, and one batch in all, may hold: the destination
/// queue's maximum message size (the provider's default, 256 KiB) and
/// SendMessageBatch's total-payload limit where it is 256 KiB (AWS's
/// current documentation allows 1 MiB in all; 256 KiB is within both).
pub const MAX_BATCH_BYTES: usize = 256 * 1024;
/// The attribute carrying the id of the message in the source queue.
pub const SOURCE_ID_ATTRIBUTE: &str = "drsynth.source_message_id";
/// SQS allows at most this many message attributes.
pub const MAX_ATTRIBUTES: usize = 10;

/// One message to send: the batch entry id is the source message id.
#[derive(Clone, Debug, PartialEq)]
pub struct Outgoing {
    pub source_id: String,
    pub body: String,
    pub attributes: HashMap<String, SqsMessageAttribute>,
}

impl Outgoing {
    /// What SQS counts against its size limits: the body and each
    /// attribute's name, data type and value.
    pub fn size(&self) -> usize {
        self.body.len()
            + self
                .attributes
                .iter()
                .map(|(name, value)| attribute_size(name, value))
                .sum::<usize>()
    }
}

fn attribute_size(name: &str, value: &SqsMessageAttribute) -> usize {
    name.len()
        + value.data_type.as_deref().map_or(0, str::len)
        + value.string_value.as_deref().map_or(0, str::len)
        + value.binary_value.as_ref().map_or(0, |b| b.0.len())
}

/// What became of one `SendMessageBatch` call.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum BatchOutcome {
    /// SQS answered; these source ids were not accepted.
    Sent { failed: Vec<String> },
    /// SQS refused the call as a whole (a client error such as an invalid
    /// entry): sending the entries one by one finds the bad one.
    Refused(String),
    /// No answer, a throttle or a server error: the destination cannot take
    /// messages now, and further calls would only wait for it too.
    Unreachable(String),
}

/// Sends up to ten messages of at most [`MAX_BATCH_BYTES`] in all.
pub trait Sender: Sync {
    fn send_batch(&self, batch: &[&Outgoing]) -> impl Future<Output = BatchOutcome> + Send;

    /// The longest one `send_batch` may take, retries included.
    fn call_timeout(&self) -> Duration;
}

/// Time kept after the last call to return the response to Lambda.
pub const RESPONSE_MARGIN: Duration = Duration::from_secs(1);

/// Whether a call that may take `per_call` still ends, with the response
/// margin, before `deadline`.
fn time_for_a_call(deadline: Instant, per_call: Duration) -> bool {
    Instant::now() + per_call + RESPONSE_MARGIN <= deadline
}

const OUT_OF_TIME: &str = "out of time: the invocation's deadline leaves no room for another call";

/// Why an invocation fails as a whole (Lambda then retries every record).
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ForwardError {
    /// A record without a message id cannot be reported as failed, and
    /// skipping it would drop it.
    RecordWithoutId { index: usize },
    /// Every forward failed: the destination is down. Failing the
    /// invocation is what the replicator's error alarm counts.
    NothingForwarded { failed: usize, reason: String },
}

impl fmt::Display for ForwardError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::RecordWithoutId { index } => write!(
                f,
                "record {index} of the batch has no message id, so it can be neither forwarded \
                 safely nor reported; the whole batch is retried"
            ),
            Self::NothingForwarded { failed, reason } => write!(
                f,
                "none of the {failed} messages was forwarded ({reason}); the batch is retried"
            ),
        }
    }
}

impl std::error::Error for ForwardError {}

/// Forwards every record of `event` before `deadline` (the invocation's,
/// less nothing: the response margin is kept here); the response names the
/// records to retry. A slow destination never runs the invocation into
/// Lambda's timeout, which would report nothing and resend everything.
pub async fn forward<S: Sender>(
    sender: &S,
    event: SqsEvent,
    deadline: Instant,
) -> Result<SqsBatchResponse, ForwardError> {
    let mut outgoing = Vec::with_capacity(event.records.len());
    for (index, record) in event.records.into_iter().enumerate() {
        let Some(source_id) = record.message_id else {
            return Err(ForwardError::RecordWithoutId { index });
        };
        let mut message = Outgoing {
            source_id,
            body: record.body.unwrap_or_default(),
            attributes: record.message_attributes,
        };
        add_source_id(&mut message);
        outgoing.push(message);
    }
    let mut failures = Vec::new();
    let mut reason = String::new();
    let (fits, too_large): (Vec<&Outgoing>, Vec<&Outgoing>) =
        outgoing.iter().partition(|m| m.size() <= MAX_BATCH_BYTES);
    for message in too_large {
        tracing::warn!(source_id = %message.source_id, bytes = message.size(), "message over SQS's size limit");
        failures.push(message.source_id.clone());
        reason = "a message is over SQS's size limit".to_owned();
    }
    let batches = batches(fits);
    let mut remaining = batches.iter();
    for batch in remaining.by_ref() {
        let sent = send(sender, batch, deadline).await;
        failures.extend(sent.failed);
        if let Some(unreachable) = sent.unreachable {
            reason = unreachable;
            break;
        }
    }
    // The destination stopped answering or time ran out: the rest is not
    // attempted.
    failures.extend(remaining.flatten().map(|m| m.source_id.clone()));
    // A sender that names an id twice must not make it count twice.
    let mut seen = HashSet::new();
    failures.retain(|id| seen.insert(id.clone()));
    let forwarded = outgoing.len().saturating_sub(failures.len());
    tracing::info!(forwarded, failed = failures.len(), "batch replicated");
    if forwarded == 0 && !failures.is_empty() {
        if reason.is_empty() {
            reason = "SQS refused every message".to_owned();
        }
        return Err(ForwardError::NothingForwarded {
            failed: failures.len(),
            reason,
        });
    }
    Ok(SqsBatchResponse {
        batch_item_failures: failures
            .into_iter()
            .map(|item_identifier| BatchItemFailure { item_identifier })
            .collect(),
    })
}

/// Adds the source id as an attribute when SQS allows one more attribute
/// and the message stays within the size limit.
fn add_source_id(message: &mut Outgoing) {
    let attribute = SqsMessageAttribute {
        string_value: Some(message.source_id.clone()),
        data_type: Some("String".to_owned()),
        ..SqsMessageAttribute::default()
    };
    let fits = message.size() + attribute_size(SOURCE_ID_ATTRIBUTE, &attribute) <= MAX_BATCH_BYTES;
    if message.attributes.len() < MAX_ATTRIBUTES && fits {
        message
            .attributes
            .insert(SOURCE_ID_ATTRIBUTE.to_owned(), attribute);
    }
}

/// Consecutive groups of at most [`BATCH_LIMIT`] messages and
/// [`MAX_BATCH_BYTES`] in all; a message near the limit goes alone.
fn batches(messages: Vec<&Outgoing>) -> Vec<Vec<&Outgoing>> {
    let mut batches: Vec<Vec<&Outgoing>> = Vec::new();
    let mut bytes = 0;
    for message in messages {
        let size = message.size();
        match batches.last_mut() {
            Some(batch) if batch.len() < BATCH_LIMIT && bytes + size <= MAX_BATCH_BYTES => {
                batch.push(message);
                bytes += size;
            }
            _ => {
                batches.push(vec![message]);
                bytes = size;
            }
        }
    }
    batches
}

/// What became of one batch: the source ids not forwarded, and why the
/// destination could not be reached, if it could not.
struct Sent {
    failed: Vec<String>,
    unreachable: Option<String>,
}

/// Sends one batch; a refused call is retried entry by entry. Every call
/// must fit before `deadline`.
async fn send<S: Sender>(sender: &S, batch: &[&Outgoing], deadline: Instant) -> Sent {
    let all = || batch.iter().map(|m| m.source_id.clone()).collect();
    if !time_for_a_call(deadline, sender.call_timeout()) {
        return Sent {
            failed: all(),
            unreachable: Some(OUT_OF_TIME.to_owned()),
        };
    }
    match sender.send_batch(batch).await {
        BatchOutcome::Sent { failed } => Sent {
            failed,
            unreachable: None,
        },
        BatchOutcome::Unreachable(reason) => Sent {
            failed: all(),
            unreachable: Some(reason),
        },
        BatchOutcome::Refused(reason) if batch.len() == 1 => {
            tracing::warn!(source_id = %batch[0].source_id, %reason, "message refused");
            Sent {
                failed: all(),
                unreachable: None,
            }
        }
        BatchOutcome::Refused(reason) => {
            tracing::warn!(%reason, entries = batch.len(), "batch refused; sending its entries one by one");
            let mut failed = Vec::new();
            for (index, message) in batch.iter().enumerate() {
                if !time_for_a_call(deadline, sender.call_timeout()) {
                    failed.extend(batch[index..].iter().map(|m| m.source_id.clone()));
                    return Sent {
                        failed,
                        unreachable: Some(OUT_OF_TIME.to_owned()),
                    };
                }
                match sender.send_batch(std::slice::from_ref(message)).await {
                    BatchOutcome::Sent { failed: f } => failed.extend(f),
                    BatchOutcome::Refused(reason) => {
                        tracing::warn!(source_id = %message.source_id, %reason, "message refused");
                        failed.push(message.source_id.clone());
                    }
                    BatchOutcome::Unreachable(reason) => {
                        failed.extend(batch[index..].iter().map(|m| m.source_id.clone()));
                        return Sent {
                            failed,
                            unreachable: Some(reason),
                        };
                    }
                }
            }
            Sent {
                failed,
                unreachable: None,
            }
        }
    }
}
