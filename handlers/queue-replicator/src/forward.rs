//! Turning a batch of SQS records into forwarded messages and item failures.

use std::collections::HashMap;
use std::future::Future;

use aws_lambda_events::sqs::{BatchItemFailure, SqsBatchResponse, SqsEvent, SqsMessageAttribute};

/// Entries per SendMessageBatch call: SQS's limit.
pub const BATCH_LIMIT: usize = 10;
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

/// Sends up to ten messages; returns the source ids of those that failed.
pub trait Sender: Sync {
    fn send_batch(&self, batch: &[Outgoing]) -> impl Future<Output = Vec<String>> + Send;
}

/// Forwards every record of `event`; the response names the records to retry.
pub async fn forward<S: Sender>(sender: &S, event: SqsEvent) -> SqsBatchResponse {
    let mut failures = Vec::new();
    let mut outgoing = Vec::with_capacity(event.records.len());
    for record in event.records {
        let Some(source_id) = record.message_id else {
            // Without an id SQS cannot be told which record failed; log it
            // loudly, it cannot happen with events from SQS itself.
            tracing::error!("record without a message id; it cannot be reported as failed");
            continue;
        };
        let mut attributes = record.message_attributes;
        if attributes.len() < MAX_ATTRIBUTES {
            attributes.insert(
                SOURCE_ID_ATTRIBUTE.to_owned(),
                SqsMessageAttribute {
                    string_value: Some(source_id.clone()),
                    data_type: Some("String".to_owned()),
                    ..SqsMessageAttribute::default()
                },
            );
        }
        outgoing.push(Outgoing {
            source_id,
            body: record.body.unwrap_or_default(),
            attributes,
        });
    }
    for batch in outgoing.chunks(BATCH_LIMIT) {
        failures.extend(sender.send_batch(batch).await);
    }
    tracing::info!(
        forwarded = outgoing.len() - failures.len(),
        failed = failures.len(),
        "batch replicated"
    );
    SqsBatchResponse {
        batch_item_failures: failures
            .into_iter()
            .map(|item_identifier| BatchItemFailure { item_identifier })
            .collect(),
    }
}
