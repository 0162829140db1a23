//! The DynamoDB table behind [`Store`].

use std::time::Duration;

use aws_config::SdkConfig;
use aws_config::retry::RetryConfig;
use aws_config::timeout::TimeoutConfig;
use aws_sdk_dynamodb::Client;
use aws_sdk_dynamodb::error::{ProvideErrorMetadata, SdkError};
use aws_sdk_dynamodb::types::AttributeValue;

use crate::amount;
use crate::currency::minor_units;
use crate::store::{PutOutcome, Store, StoreError, StoredPayment};

/// How long one DynamoDB call may take, retries included. A payment makes
/// at most two (the conditional write, then the read of an existing item),
/// so a silent table is answered with 503 after about 6 s: well inside the
/// function's 10 s and API Gateway's 12 s integration timeout, which would
/// otherwise answer a bare 500.
pub const OPERATION_TIMEOUT: Duration = Duration::from_secs(3);
/// One attempt of a call; a second attempt fits in the operation's time.
pub const ATTEMPT_TIMEOUT: Duration = Duration::from_millis(1400);
/// Establishing a connection.
pub const CONNECT_TIMEOUT: Duration = Duration::from_millis(500);
/// Attempts per call, the first included.
pub const MAX_ATTEMPTS: u32 = 2;

/// A DynamoDB client that gives up in time (see [`OPERATION_TIMEOUT`]).
pub fn client(config: &SdkConfig) -> Client {
    let config = aws_sdk_dynamodb::config::Builder::from(config)
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

/// Error codes that mean "slow down", not "broken".
const THROTTLING_CODES: &[&str] = &[
    "ProvisionedThroughputExceededException",
    "RequestLimitExceeded",
    "ThrottlingException",
];

/// The key of a region's health item: `#` never occurs in a client's
/// transaction id (letters, digits, `_` and `-`), so no payment can collide
/// with it.
pub fn health_key(region: &str) -> String {
    format!("health#{region}")
}

#[derive(Clone, Debug)]
pub struct DynamoStore {
    client: Client,
    table: String,
    health_key: String,
}

/// An item read back: a payment, or something else under that key.
enum Stored {
    Payment(StoredPayment),
    Unreadable,
}

impl DynamoStore {
    pub fn new(client: Client, table: String, region: &str) -> Self {
        Self {
            client,
            table,
            health_key: health_key(region),
        }
    }

    async fn get(&self, transaction_id: &str) -> Result<Option<Stored>, StoreError> {
        let output = self
            .client
            .get_item()
            .table_name(&self.table)
            .key(
                "transaction_id",
                AttributeValue::S(transaction_id.to_owned()),
            )
            .consistent_read(true)
            .send()
            .await
            .map_err(classify)?;
        Ok(output
            .item
            .as_ref()
            .map(|item| decode(item).map_or(Stored::Unreadable, Stored::Payment)))
    }
}

impl Store for DynamoStore {
    async fn put_if_absent(&self, payment: &StoredPayment) -> Result<PutOutcome, StoreError> {
        let result = self
            .client
            .put_item()
            .table_name(&self.table)
            .item(
                "transaction_id",
                AttributeValue::S(payment.transaction_id.clone()),
            )
            .item("amount", AttributeValue::N(payment.amount.to_string()))
            .item("currency", AttributeValue::S(payment.currency.clone()))
            .item("status", AttributeValue::S(payment.status.clone()))
            .item("region", AttributeValue::S(payment.region.clone()))
            .item("created_at", AttributeValue::S(payment.created_at.clone()))
            .condition_expression("attribute_not_exists(transaction_id)")
            .send()
            .await;
        match result {
            Ok(_) => Ok(PutOutcome::Created),
            Err(error) if error.code() == Some("ConditionalCheckFailedException") => {
                match self.get(&payment.transaction_id).await? {
                    Some(Stored::Payment(stored)) => Ok(PutOutcome::Exists(stored)),
                    Some(Stored::Unreadable) => Ok(PutOutcome::Unreadable),
                    // Deleted in between: a retry will write it.
                    None => Err(StoreError::Unavailable(
                        "the item the condition saw is gone".to_owned(),
                    )),
                }
            }
            Err(error) => Err(classify(error)),
        }
    }

    /// Writes the region's health item if it is missing (once per region,
    /// replicated once); afterwards the write's condition fails, which
    /// proves that the table accepted a write request (permissions, key,
    /// table status) without changing or replicating anything.
    async fn probe(&self) -> Result<(), StoreError> {
        let result = self
            .client
            .put_item()
            .table_name(&self.table)
            .item("transaction_id", AttributeValue::S(self.health_key.clone()))
            .item("status", AttributeValue::S("health probe".to_owned()))
            .condition_expression("attribute_not_exists(transaction_id)")
            .send()
            .await;
        match result {
            Ok(_) => Ok(()),
            Err(error) if error.code() == Some("ConditionalCheckFailedException") => Ok(()),
            Err(error) => Err(classify(error)),
        }
    }
}

fn classify<E, R>(error: SdkError<E, R>) -> StoreError
where
    E: ProvideErrorMetadata + std::fmt::Debug,
    R: std::fmt::Debug,
{
    match error.code() {
        Some(code) if THROTTLING_CODES.contains(&code) => StoreError::Throttled,
        Some(code) => StoreError::Unavailable(code.to_owned()),
        None => StoreError::Unavailable(format!("{error:?}")),
    }
}

/// A stored item back into a payment; `None` if it is not one of ours.
fn decode(item: &std::collections::HashMap<String, AttributeValue>) -> Option<StoredPayment> {
    let text = |name: &str| item.get(name)?.as_s().ok().cloned();
    let currency = text("currency")?;
    let scale = minor_units(&currency)?;
    Some(StoredPayment {
        transaction_id: text("transaction_id")?,
        amount: amount::from_stored(item.get("amount")?.as_n().ok()?, scale)?,
        currency,
        status: text("status")?,
        region: text("region")?,
        created_at: text("created_at")?,
    })
}
