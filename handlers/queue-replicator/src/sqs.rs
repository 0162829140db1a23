//! The destination queue behind [`Sender`].

use std::time::Duration;

use aws_config::SdkConfig;
use aws_config::retry::RetryConfig;
use aws_config::timeout::TimeoutConfig;
use aws_lambda_events::sqs::SqsMessageAttribute;
use aws_sdk_sqs::Client;
use aws_sdk_sqs::config::http::HttpResponse;
use aws_sdk_sqs::error::{ProvideErrorMetadata, SdkError};
use aws_sdk_sqs::operation::send_message_batch::SendMessageBatchError;
use aws_sdk_sqs::primitives::Blob;
use aws_sdk_sqs::types::{MessageAttributeValue, SendMessageBatchRequestEntry};

use crate::forward::{BatchOutcome, Outgoing, Sender};

/// How long one SendMessageBatch call may take, retries included. An
/// unreachable destination stops the invocation after the first call that
/// runs out of time, and no call starts unless it can end before the
/// invocation's deadline (the function's 30 s).
pub const OPERATION_TIMEOUT: Duration = Duration::from_secs(6);
/// One attempt: up to 256 KiB sent to another region.
pub const ATTEMPT_TIMEOUT: Duration = Duration::from_secs(2);
pub const CONNECT_TIMEOUT: Duration = Duration::from_secs(1);
/// Attempts per call, the first included.
pub const MAX_ATTEMPTS: u32 = 3;

/// An SQS client for `region` that gives up in time.
pub fn client(config: &SdkConfig, region: String) -> Client {
    let config = aws_sdk_sqs::config::Builder::from(config)
        .region(aws_config::Region::new(region))
        .timeout_config(
            TimeoutConfig::builder()
                .connect_timeout(CONNECT_TIMEOUT)
                .operation_attempt_timeout(ATTEMPT_TIMEOUT)
                .operation_timeout(OPERATION_TIMEOUT)
                .build(),
        )
        .retry_config(RetryConfig::standard().with_max_attempts(MAX_ATTEMPTS))
        .build();
    Client::from_conf(config)
}

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
    fn call_timeout(&self) -> Duration {
        OPERATION_TIMEOUT
    }

    async fn send_batch(&self, batch: &[&Outgoing]) -> BatchOutcome {
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
            return BatchOutcome::Sent { failed };
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
                BatchOutcome::Sent { failed }
            }
            Err(error) => classify(error),
        }
    }
}

/// Errors about the request's entries rather than the queue: retrying the
/// entries one by one finds the bad one. (SQS names them with or without an
/// `AWS.SimpleQueueService.` prefix.)
const ENTRY_ERRORS: &[&str] = &[
    "BatchRequestTooLong",
    "TooManyEntriesInBatchRequest",
    "BatchEntryIdsNotDistinct",
    "InvalidBatchEntryId",
    "EmptyBatchRequest",
    "InvalidMessageContents",
    "InvalidParameterValue",
    "InvalidAttributeName",
    "InvalidAttributeValue",
    "UnsupportedOperation",
];

/// A call refused for its entries is worth retrying entry by entry;
/// anything else (a missing queue, denied access or key, a throttle, a
/// timeout) means the destination cannot take messages now.
fn classify(error: SdkError<SendMessageBatchError, HttpResponse>) -> BatchOutcome {
    let reason = error
        .code()
        .map_or_else(|| format!("{error:?}"), str::to_owned);
    let entry_error = match &error {
        SdkError::ServiceError(_) => ENTRY_ERRORS
            .iter()
            .any(|code| reason.rsplit('.').next() == Some(code)),
        SdkError::ConstructionFailure(_) => true,
        _ => false,
    };
    if entry_error {
        BatchOutcome::Refused(reason)
    } else {
        tracing::error!(%reason, "destination queue unreachable");
        BatchOutcome::Unreachable(reason)
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
