//! The queue replicator's integration tests, a module per area.

mod batches;
mod moto;
mod runtime;

use serde_json::{Value, json};

/// An SQS event record as Lambda delivers it.
pub fn record(id: &str, body: &str, attributes: Value) -> Value {
    json!({
        "messageId": id,
        "receiptHandle": format!("handle-{id}"),
        "body": body,
        "attributes": {"ApproximateReceiveCount": "1"},
        "messageAttributes": attributes,
        "md5OfBody": "",
        "eventSource": "aws:sqs",
        "eventSourceARN": "arn:aws:sqs:us-east-1:123456789012:payments-us-east-1-dev",
        "awsRegion": "us-east-1"
    })
}

pub fn sqs_event(records: Vec<Value>) -> Value {
    json!({ "Records": records })
}
