//! The destination queue behind [`Sender`].

use aws_lambda_events::sqs::SqsMessageAttribute;
use aws_sdk_sqs::Client;
use aws_sdk_sqs::primitives::Blob;
use aws_sdk_sqs::types::{MessageAttributeValue, SendMessageBatchRequestEntry};

use crate::forward::{Outgoing, Sender};

#[derive(Clone, Debug)]
pub struct SqsSender {
    client: Client,
    queue_url: String,
}

impl SqsSender {
    pub fn new(client: Client, queue_url: String) -> Self {
        Self { client, queue_url }
    }
}

impl Sender for SqsSender {
    async fn send_batch(&self, batch: &[Outgoing]) -> Vec<String> {
        let mut entries = Vec::with_capacity(batch.len());
        let mut failed = Vec::new();
        for (index, message) in batch.iter().enumerate() {
            match entry(index, message) {
                Some(entry) => entries.push(entry),
                None => {
                    tracing::warn!(source_id = %message.source_id, "message cannot be sent as it is");
                    failed.push(message.source_id.clone());
                }
            }
        }
        if entries.is_empty() {
            return failed;
        }
        let result = self
            .client
            .send_message_batch()
            .queue_url(&self.queue_url)
            .set_entries(Some(entries))
            .send()
            .await;
        match result {
            Ok(output) => {
                for failure in output.failed {
                    tracing::warn!(code = %failure.code, message = ?failure.message, "entry not replicated");
                    if let Some(message) =
                        failure.id.parse::<usize>().ok().and_then(|i| batch.get(i))
                    {
                        failed.push(message.source_id.clone());
                    }
                }
            }
            Err(error) => {
                tracing::error!(error = ?error, "batch not replicated");
                failed = batch.iter().map(|m| m.source_id.clone()).collect();
            }
        }
        failed
    }
}

/// A batch entry whose id is the message's index in the batch (SQS limits
/// entry ids to 80 letters, digits, `-` and `_`, which a message id need not
/// satisfy).
fn entry(index: usize, message: &Outgoing) -> Option<SendMessageBatchRequestEntry> {
    let mut entry = SendMessageBatchRequestEntry::builder()
        .id(index.to_string())
        .message_body(&message.body);
    for (name, attribute) in &message.attributes {
        entry = entry.message_attributes(name, attribute_value(attribute)?);
    }
    entry.build().ok()
}

fn attribute_value(attribute: &SqsMessageAttribute) -> Option<MessageAttributeValue> {
    let mut value = MessageAttributeValue::builder().data_type(attribute.data_type.clone()?);
    if let Some(text) = &attribute.string_value {
        value = value.string_value(text);
    }
    if let Some(binary) = &attribute.binary_value {
        value = value.binary_value(Blob::new(binary.0.clone()));
    }
    value.build().ok()
}
