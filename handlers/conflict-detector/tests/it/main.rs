//! The conflict detector's integration tests, a module per area.

mod batches;
mod judging;
mod moto;
mod runtime;

use conflict_detector::settings::Settings;
use serde_json::{Value, json};

/// The region of the detector under test.
pub const HERE: &str = "us-east-2";
/// The other region.
pub const THERE: &str = "us-east-1";

pub fn settings() -> Settings {
    Settings {
        region: HERE.to_owned(),
        watched_table: "transactions-test".to_owned(),
        conflict_table: "conflicts-test".to_owned(),
        region_attribute: "region".to_owned(),
        write_metadata_attributes: vec!["created_at".to_owned()],
        metric_namespace: "DRSynth".to_owned(),
    }
}

/// A payment item as the payments API writes it, in DynamoDB's JSON form.
pub fn payment(id: &str, amount: &str, currency: &str, region: &str, created_at: &str) -> Value {
    json!({
        "transaction_id": {"S": id},
        "amount": {"N": amount},
        "currency": {"S": currency},
        "status": {"S": "accepted"},
        "region": {"S": region},
        "created_at": {"S": created_at},
    })
}

/// A stream record built like DynamoDB's for a table with the view type
/// NEW_AND_OLD_IMAGES (`old`/`new` null: absent).
pub fn record(event_name: &str, sequence: &str, old: Value, new: Value) -> Value {
    let image = if new.is_null() { &old } else { &new };
    let mut change = json!({
        "ApproximateCreationDateTime": 1_764_400_000.0,
        "Keys": {"transaction_id": image["transaction_id"].clone()},
        "SequenceNumber": sequence,
        "SizeBytes": 120,
        "StreamViewType": "NEW_AND_OLD_IMAGES",
    });
    if !old.is_null() {
        change["OldImage"] = old;
    }
    if !new.is_null() {
        change["NewImage"] = new;
    }
    json!({
        "eventID": format!("event-{sequence}"),
        "eventName": event_name,
        "eventVersion": "1.1",
        "eventSource": "aws:dynamodb",
        "awsRegion": HERE,
        "dynamodb": change,
        "eventSourceARN": format!(
            "arn:aws:dynamodb:{HERE}:123456789012:table/transactions-test/stream/2026-11-29T00:00:00.000"
        ),
    })
}

/// A replicated write from the other region over this region's payment:
/// `ours` was booked here, `theirs` there.
pub fn overwrite(sequence: &str, ours: (&str, &str), theirs: (&str, &str)) -> Value {
    record(
        "MODIFY",
        sequence,
        payment(
            &format!("t-{sequence}"),
            ours.0,
            ours.1,
            HERE,
            "2026-11-29T10:00:00.100Z",
        ),
        payment(
            &format!("t-{sequence}"),
            theirs.0,
            theirs.1,
            THERE,
            "2026-11-29T10:00:00.400Z",
        ),
    )
}

pub fn event(records: Vec<Value>) -> Value {
    json!({ "Records": records })
}
