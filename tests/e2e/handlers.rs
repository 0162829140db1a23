//! The packaged handler binaries against the tables and queues Terraform
//! created, through the local Lambda Runtime API.

use std::process::{Child, Command, Stdio};
use std::time::Duration;

use aws_sdk_dynamodb::types::AttributeValue;
use aws_sdk_sqs::types::MessageAttributeValue;
use drsynth_tests::moto::MotoServer;
use drsynth_tests::runtime_api::{Outcome, RuntimeApi};
use drsynth_tests::workspace_root;
use serde_json::{Value, json};

use crate::deployment::Deployment;

fn spawn(package: &str, api: &RuntimeApi, moto: &MotoServer, extra: &[(&str, String)]) -> Child {
    let binary = workspace_root().join(format!("target/lambda/{package}/bootstrap"));
    assert!(
        binary.exists(),
        "{} is missing; run `make lambdas`",
        binary.display()
    );
    Command::new(binary)
        .envs(moto.sdk_environment("us-east-1"))
        .env("AWS_LAMBDA_RUNTIME_API", api.address())
        .env("AWS_LAMBDA_FUNCTION_NAME", package)
        .env("AWS_LAMBDA_FUNCTION_MEMORY_SIZE", "256")
        .env("AWS_LAMBDA_FUNCTION_VERSION", "$LATEST")
        .env("AWS_LAMBDA_LOG_STREAM_NAME", "e2e")
        .env(
            "AWS_LAMBDA_LOG_GROUP_NAME",
            format!("/aws/lambda/{package}"),
        )
        .envs(extra.iter().map(|(k, v)| (*k, v.as_str())))
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .expect("start the packaged bootstrap")
}

fn responses(api: &RuntimeApi, count: usize, mut child: Child) -> Vec<Value> {
    let outcomes = api.wait_for(count, Duration::from_secs(60));
    let _ = child.kill();
    let _ = child.wait();
    assert_eq!(outcomes.len(), count, "{outcomes:?}");
    outcomes
        .into_iter()
        .map(|outcome| match outcome {
            Outcome::Response { body, .. } => body,
            other => panic!("the function failed: {other:?}"),
        })
        .collect()
}

fn payment_event(body: &str) -> Value {
    json!({
        "version": "2.0", "rawPath": "/payment", "rawQueryString": "",
        "headers": {"content-type": "application/json"},
        "requestContext": {"http": {"method": "POST", "path": "/payment"}, "stage": "$default"},
        "body": body, "isBase64Encoded": false
    })
}

/// A payment written through the primary's function is in the table, and
/// a replay returns the same record.
pub async fn payments(moto: &MotoServer, deployment: &Deployment) {
    let table = deployment.output("table_name");
    let body = r#"{"transaction_id":"e2e-0001","amount":"250.75","currency":"EUR"}"#;
    let api = RuntimeApi::start(vec![payment_event(body), payment_event(body)]);
    let child = spawn("payment", &api, moto, &[("TABLE_NAME", table.clone())]);
    let answers = responses(&api, 2, child);
    assert_eq!(answers[0]["statusCode"], 201, "{}", answers[0]);
    assert_eq!(answers[1]["statusCode"], 200, "{}", answers[1]);
    assert_eq!(
        answers[0]["body"], answers[1]["body"],
        "the replay returns the stored record"
    );

    let dynamodb = aws_sdk_dynamodb::Client::new(&aws_config_for(moto, "us-east-1"));
    let item = stored_payment(&dynamodb, &table).await;
    assert_eq!(item["currency"].as_s().unwrap(), "EUR");
    assert!(["250.75"].contains(&item["amount"].as_n().unwrap().as_str()));
    eprintln!("    payment stored once, replay answered 200 with the same record");
}

/// The payment `e2e-0001` as the table Terraform created holds it.
async fn stored_payment(
    dynamodb: &aws_sdk_dynamodb::Client,
    table: &str,
) -> std::collections::HashMap<String, AttributeValue> {
    dynamodb
        .get_item()
        .table_name(table)
        .key("transaction_id", AttributeValue::S("e2e-0001".into()))
        .send()
        .await
        .unwrap()
        .item
        .expect("the payment e2e-0001 is in the table Terraform created")
}

/// SDK settings for the emulator in `region`.
fn aws_config_for(moto: &MotoServer, region: &str) -> aws_config::SdkConfig {
    aws_config::SdkConfig::builder()
        .behavior_version(aws_config::BehaviorVersion::latest())
        .region(aws_config::Region::new(region.to_owned()))
        .endpoint_url(moto.endpoint())
        .credentials_provider(aws_sdk_dynamodb::config::SharedCredentialsProvider::new(
            aws_sdk_dynamodb::config::Credentials::new("testing", "testing", None, None, "e2e"),
        ))
        .build()
}

/// The messages waiting in a queue, with their attributes.
async fn receive(sqs: &aws_sdk_sqs::Client, queue_url: &str) -> Vec<aws_sdk_sqs::types::Message> {
    sqs.receive_message()
        .queue_url(queue_url)
        .message_attribute_names("All")
        .wait_time_seconds(2)
        .send()
        .await
        .unwrap()
        .messages
        .unwrap_or_default()
}

/// A message sent to the primary queue, handed to the replicator as SQS
/// would, arrives in the secondary queue with its attributes.
pub async fn replication(moto: &MotoServer, deployment: &Deployment) {
    let primary_url = deployment.output("primary_queue_url");
    let secondary_url = deployment.output("secondary_queue_url");
    let primary = aws_sdk_sqs::Client::new(&aws_config_for(moto, "us-east-1"));
    let secondary = aws_sdk_sqs::Client::new(&aws_config_for(moto, "us-east-2"));
    primary
        .send_message()
        .queue_url(&primary_url)
        .message_body("refund e2e-0001")
        .message_attributes(
            "kind",
            MessageAttributeValue::builder()
                .data_type("String")
                .string_value("refund")
                .build()
                .unwrap(),
        )
        .send()
        .await
        .unwrap();
    let received = receive(&primary, &primary_url).await;
    assert_eq!(received.len(), 1, "the message is in the primary queue");
    let message = &received[0];
    let event = json!({"Records": [{
        "messageId": message.message_id,
        "receiptHandle": message.receipt_handle,
        "body": message.body,
        "attributes": {"ApproximateReceiveCount": "1"},
        "messageAttributes": {"kind": {"stringValue": "refund", "dataType": "String"}},
        "eventSource": "aws:sqs",
        "eventSourceARN": "arn:aws:sqs:us-east-1:123456789012:primary",
        "awsRegion": "us-east-1"
    }]});
    let api = RuntimeApi::start(vec![event]);
    let child = spawn(
        "queue-replicator",
        &api,
        moto,
        &[
            ("DEST_QUEUE_URL", secondary_url.clone()),
            ("DEST_QUEUE_REGION", "us-east-2".to_owned()),
        ],
    );
    let answers = responses(&api, 1, child);
    assert_eq!(answers[0]["batchItemFailures"], json!([]), "{}", answers[0]);

    let arrived = receive(&secondary, &secondary_url).await;
    assert_eq!(
        arrived.len(),
        1,
        "the message arrived in the secondary queue"
    );
    assert_eq!(arrived[0].body.as_deref(), Some("refund e2e-0001"));
    let attributes = arrived[0].message_attributes.as_ref().unwrap();
    assert_eq!(attributes["kind"].string_value.as_deref(), Some("refund"));
    assert_eq!(
        attributes["drsynth.source_message_id"]
            .string_value
            .as_deref(),
        message.message_id.as_deref()
    );
    eprintln!("    message replicated with its attributes and source id");
}

/// The stored payment as DynamoDB JSON, as a stream image carries it.
fn image(item: &std::collections::HashMap<String, AttributeValue>) -> Value {
    item.iter()
        .map(|(name, value)| {
            let typed = match value {
                AttributeValue::S(text) => json!({"S": text}),
                AttributeValue::N(number) => json!({"N": number}),
                other => panic!("a payment holds strings and numbers, not {other:?}"),
            };
            (name.clone(), typed)
        })
        .collect::<serde_json::Map<_, _>>()
        .into()
}

/// The primary's payment replaced by one the secondary wrote with another
/// amount (the stream record replication produces): the packaged detector
/// records it in the conflict table Terraform created.
pub async fn conflicts(moto: &MotoServer, deployment: &Deployment) {
    let table = deployment.output("table_name");
    let conflict_table = deployment.output("conflict_table_name");
    let dynamodb = aws_sdk_dynamodb::Client::new(&aws_config_for(moto, "us-east-1"));
    let old = image(&stored_payment(&dynamodb, &table).await);
    let mut new = old.clone();
    new["region"] = json!({"S": "us-east-2"});
    new["amount"] = json!({"N": "999"});
    new["created_at"] = json!({"S": "2026-11-29T10:00:01Z"});
    let event = json!({"Records": [{
        "eventID": "e2e-conflict", "eventName": "MODIFY", "eventVersion": "1.1",
        "eventSource": "aws:dynamodb", "awsRegion": "us-east-1",
        "dynamodb": {
            "ApproximateCreationDateTime": 1_764_410_401.0,
            "Keys": {"transaction_id": {"S": "e2e-0001"}},
            "OldImage": old, "NewImage": new,
            "SequenceNumber": "4200000000000000000001", "SizeBytes": 200,
            "StreamViewType": "NEW_AND_OLD_IMAGES"
        },
        "eventSourceARN": format!("arn:aws:dynamodb:us-east-1:123456789012:table/{table}/stream/2026-11-29T00:00:00.000")
    }]});
    let api = RuntimeApi::start(vec![event]);
    let child = spawn(
        "conflict-detector",
        &api,
        moto,
        &[
            ("WATCHED_TABLE", table.clone()),
            ("CONFLICT_TABLE", conflict_table.clone()),
            ("REGION_ATTRIBUTE", "region".to_owned()),
            ("WRITE_METADATA_ATTRIBUTES", "created_at".to_owned()),
            ("METRIC_NAMESPACE", "DRSynth".to_owned()),
        ],
    );
    let answers = responses(&api, 1, child);
    assert_eq!(answers[0]["batchItemFailures"], json!([]), "{}", answers[0]);
    let records = dynamodb
        .scan()
        .table_name(&conflict_table)
        .send()
        .await
        .unwrap()
        .items
        .unwrap_or_default();
    assert_eq!(records.len(), 1, "{records:?}");
    let record = &records[0];
    assert_eq!(record["status"].as_s().unwrap(), "open");
    assert_eq!(record["overwritten_region"].as_s().unwrap(), "us-east-1");
    assert_eq!(record["kept_region"].as_s().unwrap(), "us-east-2");
    assert_eq!(
        record["differing_attributes"],
        AttributeValue::Ss(vec!["amount".to_owned()])
    );
    eprintln!("    conflict recorded in {conflict_table} with both versions");
}
