//! The DynamoDB stream event as Lambda delivers it. Images stay in
//! DynamoDB's JSON form (`{"S": "..."}`), so a conflict records both
//! versions exactly as the table held them.

use std::collections::BTreeMap;

use serde::Deserialize;
use serde_json::Value;

/// An item or a key in DynamoDB's JSON form, by attribute name.
pub type Image = BTreeMap<String, Value>;

/// What Lambda passes to a function reading a DynamoDB stream.
#[derive(Clone, Debug, Default, Deserialize, PartialEq)]
pub struct StreamEvent {
    #[serde(rename = "Records")]
    pub records: Vec<StreamRecord>,
}

/// One change of one item.
#[derive(Clone, Debug, Deserialize, PartialEq)]
pub struct StreamRecord {
    /// `INSERT`, `MODIFY` or `REMOVE`.
    #[serde(rename = "eventName")]
    pub event_name: String,
    pub dynamodb: Change,
}

/// The change itself.
#[derive(Clone, Debug, Deserialize, PartialEq)]
pub struct Change {
    /// When the change reached this copy: seconds since the Unix epoch in
    /// Lambda's events, a date in the AWS CLI's output of `get-records`.
    #[serde(rename = "ApproximateCreationDateTime", default)]
    pub approximate_creation_date_time: Option<Value>,
    #[serde(rename = "Keys", default)]
    pub keys: Image,
    #[serde(rename = "NewImage", default)]
    pub new_image: Option<Image>,
    #[serde(rename = "OldImage", default)]
    pub old_image: Option<Image>,
    /// The record's position in its shard: what a partial batch failure
    /// reports, and Lambda retries from.
    #[serde(rename = "SequenceNumber", default)]
    pub sequence_number: Option<String>,
}

/// The string value of `attribute` in `image`, if it is a string.
pub fn string<'a>(image: &'a Image, attribute: &str) -> Option<&'a str> {
    image.get(attribute)?.get("S")?.as_str()
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn reads_a_record_as_dynamodb_sends_it() {
        // The shape of AWS's sample event for DynamoDB streams.
        let event: StreamEvent = serde_json::from_value(json!({"Records": [{
            "eventID": "c4ca4238a0b923820dcc509a6f75849b",
            "eventName": "MODIFY",
            "eventVersion": "1.1",
            "eventSource": "aws:dynamodb",
            "awsRegion": "us-east-1",
            "dynamodb": {
                "ApproximateCreationDateTime": 1_700_000_000.5,
                "Keys": {"Id": {"N": "101"}},
                "NewImage": {"Message": {"S": "This item has changed"}, "Id": {"N": "101"}},
                "OldImage": {"Message": {"S": "New item!"}, "Id": {"N": "101"}},
                "SequenceNumber": "222",
                "SizeBytes": 59,
                "StreamViewType": "NEW_AND_OLD_IMAGES"
            },
            "eventSourceARN": "arn:aws:dynamodb:us-east-1:123456789012:table/ExampleTableWithStream/stream/2015-06-27T00:48:05.899"
        }]}))
        .unwrap();
        let record = &event.records[0];
        assert_eq!(record.dynamodb.sequence_number.as_deref(), Some("222"));
        let new = record.dynamodb.new_image.as_ref().unwrap();
        assert_eq!(string(new, "Message"), Some("This item has changed"));
        assert_eq!(string(new, "Id"), None);
    }
}
