//! The real DynamoDB store against a moto server: conditional write,
//! idempotent replay, conflict, an unreadable item, the health probe's
//! write; and against a table that never answers.

use std::time::{Duration, Instant};

use aws_config::{BehaviorVersion, SdkConfig};
use aws_sdk_dynamodb::Client;
use aws_sdk_dynamodb::config::{Credentials, Region, SharedCredentialsProvider};
use aws_sdk_dynamodb::types::{
    AttributeDefinition, AttributeValue, BillingMode, KeySchemaElement, KeyType,
    ScalarAttributeType,
};
use drsynth_tests::moto::MotoServer;
use drsynth_tests::silent_endpoint;
use payment::dynamo::{DynamoStore, OPERATION_TIMEOUT, health_key};
use payment::router::Handler;

use crate::{answer, request};

/// The SDK settings of a function in us-east-1 talking to `endpoint`.
fn sdk_config(endpoint: &str) -> SdkConfig {
    SdkConfig::builder()
        .behavior_version(BehaviorVersion::latest())
        .region(Region::new("us-east-1"))
        .endpoint_url(endpoint)
        .credentials_provider(SharedCredentialsProvider::new(Credentials::new(
            "testing", "testing", None, None, "test",
        )))
        .build()
}

/// The function's own client (its timeouts and retries), against moto.
pub fn client(moto: &MotoServer) -> Client {
    payment::dynamo::client(&sdk_config(&moto.endpoint()))
}

pub async fn create_table(client: &Client, name: &str) {
    client
        .create_table()
        .table_name(name)
        .billing_mode(BillingMode::PayPerRequest)
        .attribute_definitions(
            AttributeDefinition::builder()
                .attribute_name("transaction_id")
                .attribute_type(ScalarAttributeType::S)
                .build()
                .unwrap(),
        )
        .key_schema(
            KeySchemaElement::builder()
                .attribute_name("transaction_id")
                .key_type(KeyType::Hash)
                .build()
                .unwrap(),
        )
        .send()
        .await
        .expect("create the table in moto");
}

const JSON: Option<&str> = Some("application/json");

/// The payment handler of `region` on `table`, as the function builds it.
fn handler(client: &Client, table: &str, region: &str) -> Handler<DynamoStore> {
    Handler::new(
        DynamoStore::new(client.clone(), table.to_owned(), region),
        region.to_owned(),
    )
}

/// The item stored under `transaction_id`, read straight from the table.
async fn stored(
    client: &Client,
    table: &str,
    transaction_id: &str,
) -> std::collections::HashMap<String, AttributeValue> {
    client
        .get_item()
        .table_name(table)
        .key("transaction_id", AttributeValue::S(transaction_id.into()))
        .send()
        .await
        .unwrap()
        .item
        .expect("the payment is stored")
}

#[tokio::test]
async fn conditional_write_replay_and_conflict_against_dynamodb() {
    let moto = MotoServer::start();
    let client = client(&moto);
    create_table(&client, "transactions-test").await;
    let handler = handler(&client, "transactions-test", "us-east-1");

    let body = r#"{"transaction_id":"tx-42","amount":"1234.50","currency":"USD"}"#;
    let (status, created) = answer(
        &handler
            .handle(&request("POST", "/payment", JSON, Some(body)))
            .await,
    );
    assert_eq!(status, 201, "{created}");

    let item = stored(&client, "transactions-test", "tx-42").await;
    let stored_amount = item["amount"]
        .as_n()
        .expect("the amount is a DynamoDB number");
    assert!(
        ["1234.50", "1234.5"].contains(&stored_amount.as_str()),
        "exact: {stored_amount}"
    );

    let (status, replayed) = answer(
        &handler
            .handle(&request("POST", "/payment", JSON, Some(body)))
            .await,
    );
    assert_eq!(status, 200);
    assert_eq!(replayed, created, "a retry returns the stored record");

    let other = r#"{"transaction_id":"tx-42","amount":"1.00","currency":"USD"}"#;
    let (status, conflict) = answer(
        &handler
            .handle(&request("POST", "/payment", JSON, Some(other)))
            .await,
    );
    assert_eq!(status, 409, "{conflict}");
    let after = stored(&client, "transactions-test", "tx-42").await;
    assert_eq!(after, item, "the conflicting request changed nothing");

    let (status, health) = answer(&handler.handle(&request("GET", "/health", None, None)).await);
    assert_eq!(status, 200, "{health}");
}

#[tokio::test]
async fn health_proves_writes_with_one_item_per_region() {
    let moto = MotoServer::start();
    let client = client(&moto);
    create_table(&client, "transactions-test").await;
    // Warm the emulator's write path first: its first write can outlast the
    // probe's one-second bound on a loaded machine (a timing, not what this
    // test checks; the bound has its own test in `health.rs`).
    let _ = handler(&client, "transactions-test", "us-east-1")
        .handle(&request("GET", "/health", None, None))
        .await;
    for attempt in 0..2 {
        // A new instance each time: no cached answer.
        let handler = handler(&client, "transactions-test", "us-east-1");
        let (status, health) =
            answer(&handler.handle(&request("GET", "/health", None, None)).await);
        assert_eq!(status, 200, "probe {attempt}: {health}");
    }
    let items = client
        .scan()
        .table_name("transactions-test")
        .send()
        .await
        .unwrap()
        .items
        .unwrap_or_default();
    let keys: Vec<&str> = items
        .iter()
        .map(|item| item["transaction_id"].as_s().unwrap().as_str())
        .collect();
    assert_eq!(
        keys,
        [health_key("us-east-1")],
        "written once, then only checked"
    );
}

#[tokio::test]
async fn an_unreadable_item_is_a_conflict_and_replays_report_the_stored_status() {
    let moto = MotoServer::start();
    let client = client(&moto);
    create_table(&client, "transactions-test").await;
    let handler = handler(&client, "transactions-test", "us-east-1");
    // Another writer's item under an id a client then uses.
    client
        .put_item()
        .table_name("transactions-test")
        .item("transaction_id", AttributeValue::S("tx-legacy".into()))
        .item("total", AttributeValue::N("12".into()))
        .send()
        .await
        .unwrap();
    let legacy = r#"{"transaction_id":"tx-legacy","amount":"12","currency":"USD"}"#;
    for _ in 0..2 {
        let (status, error) = answer(
            &handler
                .handle(&request("POST", "/payment", JSON, Some(legacy)))
                .await,
        );
        assert_eq!(status, 409, "never a 5xx a client retries forever: {error}");
        assert!(
            error["message"]
                .as_str()
                .unwrap()
                .contains("use a new transaction_id")
        );
    }

    let body = r#"{"transaction_id":"tx-7","amount":"1250","currency":"JPY"}"#;
    let (status, created) = answer(
        &handler
            .handle(&request("POST", "/payment", JSON, Some(body)))
            .await,
    );
    assert_eq!(
        (status, created["status"].as_str()),
        (201, Some("accepted"))
    );
    assert_eq!(created["amount"], "1250");
    client
        .update_item()
        .table_name("transactions-test")
        .key("transaction_id", AttributeValue::S("tx-7".into()))
        .update_expression("SET #s = :s")
        .expression_attribute_names("#s", "status")
        .expression_attribute_values(":s", AttributeValue::S("settled".into()))
        .send()
        .await
        .unwrap();
    let (status, replayed) = answer(
        &handler
            .handle(&request("POST", "/payment", JSON, Some(body)))
            .await,
    );
    assert_eq!(status, 200);
    assert_eq!(
        replayed["status"], "settled",
        "the stored status, not a constant"
    );
}

#[tokio::test]
async fn a_silent_table_gets_a_clean_503_inside_the_function_timeout() {
    let client = payment::dynamo::client(&sdk_config(&silent_endpoint()));
    let handler = handler(&client, "transactions-test", "us-east-1");
    let body = r#"{"transaction_id":"tx-1","amount":"1","currency":"USD"}"#;
    let started = Instant::now();
    let response = handler
        .handle(&request("POST", "/payment", JSON, Some(body)))
        .await;
    let waited = started.elapsed();
    let (status, error) = answer(&response);
    assert_eq!(status, 503, "{error}");
    assert_eq!(error["error"], "unavailable");
    assert_eq!(response.headers["retry-after"], "5");
    // One call's budget (the conditional write gives up), then the answer:
    // inside the function's 10 s, past which API Gateway answers a bare 500.
    assert!(
        waited < OPERATION_TIMEOUT + Duration::from_secs(1),
        "answered after {waited:?}"
    );
    let (status, _) = answer(&handler.handle(&request("GET", "/health", None, None)).await);
    assert_eq!(status, 503);
}

#[tokio::test]
async fn health_is_503_and_writes_fail_safely_without_the_table() {
    let moto = MotoServer::start();
    let handler = handler(&client(&moto), "missing-table", "us-east-2");
    let (status, health) = answer(&handler.handle(&request("GET", "/health", None, None)).await);
    assert_eq!(status, 503);
    assert_eq!(health["status"], "unhealthy");
    assert_eq!(health["region"], "us-east-2");
    let body = r#"{"transaction_id":"tx-1","amount":"1","currency":"USD"}"#;
    let (status, error) = answer(
        &handler
            .handle(&request("POST", "/payment", JSON, Some(body)))
            .await,
    );
    assert_eq!(status, 503);
    assert_eq!(error["error"], "unavailable");
    assert!(
        !error.to_string().contains("ResourceNotFound"),
        "no internals: {error}"
    );
}
