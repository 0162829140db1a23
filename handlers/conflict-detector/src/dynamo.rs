//! The conflict table behind [`ConflictLog`]: one item per conflict, keyed
//! on the conflicting item's key and the stream record that showed it.

use std::collections::HashMap;
use std::time::Duration;

use aws_config::SdkConfig;
use aws_config::retry::RetryConfig;
use aws_config::timeout::TimeoutConfig;
use aws_sdk_dynamodb::Client;
use aws_sdk_dynamodb::error::ProvideErrorMetadata;
use aws_sdk_dynamodb::types::AttributeValue;

use crate::conflict::Conflict;
use crate::detect::{ConflictLog, Recorded};

/// The conflict table's partition key: the conflicting item's key as
/// JSON in DynamoDB's form, attributes sorted, e.g.
/// `{"transaction_id":{"S":"t-1"}}`.
pub const PARTITION_KEY: &str = "item_key";
/// Its sort key: `<region>#<sequence number>` of the stream record that
/// showed the overwrite, so a retried record writes the same item.
pub const SORT_KEY: &str = "detection";

/// How long one write may take, retries included: a batch of 100 records
/// is rarely more than a few conflicts, and the function has 30 s.
pub const OPERATION_TIMEOUT: Duration = Duration::from_secs(5);
pub const ATTEMPT_TIMEOUT: Duration = Duration::from_millis(1500);
pub const CONNECT_TIMEOUT: Duration = Duration::from_millis(500);
/// Attempts per write, the first included.
pub const MAX_ATTEMPTS: u32 = 3;

/// A DynamoDB client that gives up in time.
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

#[derive(Clone, Debug)]
pub struct DynamoConflictLog {
    client: Client,
    table: String,
}

impl DynamoConflictLog {
    pub fn new(client: Client, table: String) -> Self {
        Self { client, table }
    }
}

/// The item recording `conflict`: every field a reconciler needs, with
/// `status` `open` until one resolves it.
pub fn item(conflict: &Conflict) -> HashMap<String, AttributeValue> {
    let s = |value: &str| AttributeValue::S(value.to_owned());
    let mut item = HashMap::from([
        (PARTITION_KEY.to_owned(), json(&conflict.key)),
        (
            SORT_KEY.to_owned(),
            s(&format!(
                "{}#{}",
                conflict.detected_in, conflict.sequence_number
            )),
        ),
        ("table_name".to_owned(), s(&conflict.table_name)),
        ("detected_in".to_owned(), s(&conflict.detected_in)),
        ("status".to_owned(), s("open")),
        (
            "overwritten_region".to_owned(),
            s(&conflict.overwritten.region),
        ),
        (
            "overwritten_item".to_owned(),
            json(&conflict.overwritten.item),
        ),
        ("kept_region".to_owned(), s(&conflict.kept.region)),
        ("kept_item".to_owned(), json(&conflict.kept.item)),
        (
            "differing_attributes".to_owned(),
            AttributeValue::Ss(conflict.differing_attributes.clone()),
        ),
    ]);
    let optional = [
        ("replicated_at", &conflict.replicated_at),
        ("overwritten_written_at", &conflict.overwritten.written_at),
        ("kept_written_at", &conflict.kept.written_at),
    ];
    for (name, value) in optional {
        if let Some(value) = value {
            item.insert(name.to_owned(), s(value));
        }
    }
    item
}

/// A key or an image as a JSON string.
fn json(value: &crate::stream::Image) -> AttributeValue {
    AttributeValue::S(serde_json::to_string(value).expect("a map of JSON values serializes"))
}

impl ConflictLog for DynamoConflictLog {
    fn call_timeout(&self) -> Duration {
        OPERATION_TIMEOUT
    }

    async fn record(&self, conflict: &Conflict) -> Result<Recorded, String> {
        let result = self
            .client
            .put_item()
            .table_name(&self.table)
            .set_item(Some(item(conflict)))
            .condition_expression("attribute_not_exists(#key)")
            .expression_attribute_names("#key", PARTITION_KEY)
            .send()
            .await;
        match result {
            Ok(_) => Ok(Recorded::New),
            Err(error) if error.code() == Some("ConditionalCheckFailedException") => {
                Ok(Recorded::Already)
            }
            Err(error) => Err(error
                .code()
                .map_or_else(|| format!("{error:?}"), str::to_owned)),
        }
    }
}
