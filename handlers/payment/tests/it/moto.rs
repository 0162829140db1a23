//! The real DynamoDB store against a moto server: conditional write,
//! idempotent replay, conflict, and the health probe.

use aws_sdk_dynamodb::Client;
use aws_sdk_dynamodb::config::{Credentials, Region};
use aws_sdk_dynamodb::types::{
    AttributeDefinition, AttributeValue, BillingMode, KeySchemaElement, KeyType,
    ScalarAttributeType,
};
use drsynth_tests::moto::MotoServer;
use payment::dynamo::DynamoStore;
use payment::router::Handler;

use crate::{answer, request};

pub fn client(moto: &MotoServer) -> Client {
    let config = aws_sdk_dynamodb::Config::builder()
        .behavior_version_latest()
        .region(Region::new("us-east-1"))
        .endpoint_url(moto.endpoint())
        .credentials_provider(Credentials::new("testing", "testing", None, None, "test"))
        .build();
    Client::from_conf(config)
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
    let handler = Handler::new(
        DynamoStore::new(client.clone(), "transactions-test".into()),
        "us-east-1".into(),
    );

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
async fn health_is_503_and_writes_fail_safely_without_the_table() {
    let moto = MotoServer::start();
    let handler = Handler::new(
        DynamoStore::new(client(&moto), "missing-table".into()),
        "us-east-2".into(),
    );
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
