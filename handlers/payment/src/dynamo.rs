//! The DynamoDB table behind [`Store`].

use aws_sdk_dynamodb::Client;
use aws_sdk_dynamodb::error::{ProvideErrorMetadata, SdkError};
use aws_sdk_dynamodb::types::AttributeValue;

use crate::amount;
use crate::store::{PutOutcome, Store, StoreError, StoredPayment};

/// Error codes that mean "slow down", not "broken".
const THROTTLING_CODES: &[&str] = &[
    "ProvisionedThroughputExceededException",
    "RequestLimitExceeded",
    "ThrottlingException",
];

/// The key the health probe reads; it is never written.
const PROBE_KEY: &str = "__health_probe__";

#[derive(Clone, Debug)]
pub struct DynamoStore {
    client: Client,
    table: String,
}

impl DynamoStore {
    pub fn new(client: Client, table: String) -> Self {
        Self { client, table }
    }

    async fn get(&self, transaction_id: &str) -> Result<Option<StoredPayment>, StoreError> {
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
        Ok(output.item.as_ref().and_then(decode))
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
            .item("status", AttributeValue::S(payment.status.to_owned()))
            .item("region", AttributeValue::S(payment.region.clone()))
            .item("created_at", AttributeValue::S(payment.created_at.clone()))
            .condition_expression("attribute_not_exists(transaction_id)")
            .send()
            .await;
        match result {
            Ok(_) => Ok(PutOutcome::Created),
            Err(error) if error.code() == Some("ConditionalCheckFailedException") => {
                match self.get(&payment.transaction_id).await? {
                    Some(stored) => Ok(PutOutcome::Exists(stored)),
                    None => Err(StoreError::Unavailable(
                        "the item the condition saw is gone".to_owned(),
                    )),
                }
            }
            Err(error) => Err(classify(error)),
        }
    }

    async fn ping(&self) -> Result<(), StoreError> {
        self.get(PROBE_KEY).await.map(|_| ())
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
    Some(StoredPayment {
        transaction_id: text("transaction_id")?,
        amount: amount::from_stored(item.get("amount")?.as_n().ok()?)?,
        currency: text("currency")?,
        status: "accepted",
        region: text("region")?,
        created_at: text("created_at")?,
    })
}
