//! Recording conflicts in a real DynamoDB table in moto; and in one that
//! never answers.

use std::time::{Duration, Instant};

use aws_config::{BehaviorVersion, SdkConfig};
use aws_sdk_dynamodb::Client;
use aws_sdk_dynamodb::config::{Credentials, Region, SharedCredentialsProvider};
use aws_sdk_dynamodb::types::{
    AttributeDefinition, AttributeValue, BillingMode, KeySchemaElement, KeyType,
    ScalarAttributeType,
};
use conflict_detector::conflict::{Conflict, Verdict, judge};
use conflict_detector::detect::{ConflictLog, Recorded};
use conflict_detector::dynamo::{DynamoConflictLog, OPERATION_TIMEOUT, PARTITION_KEY, SORT_KEY};
use conflict_detector::stream::StreamRecord;
use drsynth_tests::moto::MotoServer;
use drsynth_tests::silent_endpoint;

use crate::{HERE, THERE, overwrite, settings};

/// The function's own client (timeouts, retries) for `endpoint`.
pub fn client_for(endpoint: &str) -> Client {
    let config = SdkConfig::builder()
        .behavior_version(BehaviorVersion::latest())
        .region(Region::new(HERE))
        .endpoint_url(endpoint)
        .credentials_provider(SharedCredentialsProvider::new(Credentials::new(
            "testing", "testing", None, None, "test",
        )))
        .build();
    conflict_detector::dynamo::client(&config)
}

/// The conflict table as the construct creates it: keyed on the item's
/// key and the detection.
pub async fn create_conflict_table(client: &Client, name: &str) {
    let string = |name: &str| {
        AttributeDefinition::builder()
            .attribute_name(name)
            .attribute_type(ScalarAttributeType::S)
            .build()
            .unwrap()
    };
    let key = |name: &str, key_type| {
        KeySchemaElement::builder()
            .attribute_name(name)
            .key_type(key_type)
            .build()
            .unwrap()
    };
    client
        .create_table()
        .table_name(name)
        .billing_mode(BillingMode::PayPerRequest)
        .attribute_definitions(string(PARTITION_KEY))
        .attribute_definitions(string(SORT_KEY))
        .key_schema(key(PARTITION_KEY, KeyType::Hash))
        .key_schema(key(SORT_KEY, KeyType::Range))
        .send()
        .await
        .expect("create the conflict table in moto");
}

pub fn conflict(sequence: &str) -> Conflict {
    let record: StreamRecord =
        serde_json::from_value(overwrite(sequence, ("12.50", "USD"), ("99", "USD"))).unwrap();
    match judge(&record, &settings()) {
        Ok(Verdict::Conflict(conflict)) => *conflict,
        other => panic!("not a conflict: {other:?}"),
    }
}

#[tokio::test]
async fn a_conflict_is_written_once_with_both_versions() {
    let moto = MotoServer::start();
    let client = client_for(&moto.endpoint());
    create_conflict_table(&client, "conflicts-test").await;
    let log = DynamoConflictLog::new(client.clone(), "conflicts-test".to_owned());

    assert_eq!(log.record(&conflict("42")).await, Ok(Recorded::New));
    assert_eq!(log.record(&conflict("42")).await, Ok(Recorded::Already));

    let items = client
        .scan()
        .table_name("conflicts-test")
        .send()
        .await
        .unwrap()
        .items
        .unwrap_or_default();
    assert_eq!(items.len(), 1);
    let item = &items[0];
    let s = |name: &str| item[name].as_s().unwrap().clone();
    assert_eq!(s(PARTITION_KEY), r#"{"transaction_id":{"S":"t-42"}}"#);
    assert_eq!(s(SORT_KEY), format!("{HERE}#42"));
    assert_eq!(s("status"), "open");
    assert_eq!(s("table_name"), "transactions-test");
    assert_eq!(s("detected_in"), HERE);
    assert_eq!(s("overwritten_region"), HERE);
    assert_eq!(s("kept_region"), THERE);
    assert_eq!(s("overwritten_written_at"), "2026-11-29T10:00:00.100Z");
    assert_eq!(s("kept_written_at"), "2026-11-29T10:00:00.400Z");
    assert!(s("replicated_at").starts_with("2025-11-29T"));
    let overwritten: serde_json::Value = serde_json::from_str(&s("overwritten_item")).unwrap();
    assert_eq!(overwritten["amount"]["N"], "12.50");
    let kept: serde_json::Value = serde_json::from_str(&s("kept_item")).unwrap();
    assert_eq!(kept["amount"]["N"], "99");
    assert_eq!(
        item["differing_attributes"],
        AttributeValue::Ss(vec!["amount".to_owned()])
    );

    // Another detection of the same key (a later overwrite, another
    // stream record) is a record of its own.
    let later = Conflict {
        sequence_number: "4200".to_owned(),
        ..conflict("42")
    };
    assert_eq!(log.record(&later).await, Ok(Recorded::New));
    let count = client
        .scan()
        .table_name("conflicts-test")
        .send()
        .await
        .unwrap()
        .count;
    assert_eq!(count, 2);
}

#[tokio::test]
async fn a_missing_table_or_a_silent_endpoint_is_an_error_in_time() {
    let moto = MotoServer::start();
    let missing = DynamoConflictLog::new(client_for(&moto.endpoint()), "no-such-table".to_owned());
    let error = missing.record(&conflict("1")).await.unwrap_err();
    assert!(error.contains("ResourceNotFound"), "{error}");

    let silent =
        DynamoConflictLog::new(client_for(&silent_endpoint()), "conflicts-test".to_owned());
    let started = Instant::now();
    assert!(silent.record(&conflict("1")).await.is_err());
    assert!(started.elapsed() < OPERATION_TIMEOUT + Duration::from_secs(2));
}

/// A payment booked here, then replaced by the other region's version, in
/// a moto table with a stream: `scripts/replay_stream.py` reads moto's
/// stream records back into Lambda's event, which the detector judges
/// like any other. (moto clears a stream that an event source mapping
/// reads, so this table has none.)
#[tokio::test]
async fn replayed_stream_records_of_moto_are_judged_like_lambdas() {
    use aws_sdk_dynamodb::types::{StreamSpecification, StreamViewType};
    use conflict_detector::detect::detect;
    use conflict_detector::stream::StreamEvent;

    let moto = MotoServer::start();
    let client = client_for(&moto.endpoint());
    let table = client
        .create_table()
        .table_name("transactions-test")
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
        .stream_specification(
            StreamSpecification::builder()
                .stream_enabled(true)
                .stream_view_type(StreamViewType::NewAndOldImages)
                .build()
                .unwrap(),
        )
        .send()
        .await
        .unwrap()
        .table_description
        .unwrap();
    let stream_arn = table.latest_stream_arn.expect("the table streams");
    for (region, amount, created_at) in [
        (HERE, "12.50", "2026-11-29T10:00:00Z"),
        (THERE, "99", "2026-11-29T10:00:01Z"),
    ] {
        let s = |text: &str| AttributeValue::S(text.to_owned());
        client
            .put_item()
            .table_name("transactions-test")
            .item("transaction_id", s("t-1"))
            .item("amount", AttributeValue::N(amount.to_owned()))
            .item("currency", s("USD"))
            .item("status", s("accepted"))
            .item("region", s(region))
            .item("created_at", s(created_at))
            .send()
            .await
            .unwrap();
    }

    let script = drsynth_tests::workspace_root().join("scripts/replay_stream.py");
    let output = std::process::Command::new(drsynth_tests::moto::venv_python())
        .arg(&script)
        .args([
            "--stream-arn",
            &stream_arn,
            "--endpoint-url",
            &moto.endpoint(),
        ])
        .envs(moto.sdk_environment(HERE))
        .output()
        .expect("run the replay script");
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    let event: StreamEvent = serde_json::from_slice(&output.stdout)
        .unwrap_or_else(|e| panic!("{e}: {}", String::from_utf8_lossy(&output.stdout)));
    let kinds: Vec<&str> = event
        .records
        .iter()
        .map(|r| r.event_name.as_str())
        .collect();
    assert_eq!(kinds, ["INSERT", "MODIFY"]);

    create_conflict_table(&client, "conflicts-test").await;
    let log = DynamoConflictLog::new(client.clone(), "conflicts-test".to_owned());
    let detected = detect(
        &log,
        &settings(),
        event,
        Instant::now() + Duration::from_secs(30),
    )
    .await
    .unwrap();
    assert!(detected.response.batch_item_failures.is_empty());
    assert_eq!(detected.recorded.len(), 1);
    let conflict = &detected.recorded[0];
    assert_eq!(conflict.overwritten.region, HERE);
    assert_eq!(conflict.kept.region, THERE);
    assert_eq!(conflict.differing_attributes, ["amount"]);
    assert!(conflict.replicated_at.is_some());
}
