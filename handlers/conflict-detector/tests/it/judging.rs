//! Which records are conflicts: DynamoDB-shaped stream records of the
//! cases a failover produces.

use conflict_detector::conflict::{RecordError, Verdict, judge};
use conflict_detector::stream::StreamRecord;
use serde_json::{Value, json};

use crate::{HERE, THERE, overwrite, payment, record, settings};

fn verdict(record: Value) -> Result<Verdict, RecordError> {
    let record: StreamRecord = serde_json::from_value(record).unwrap();
    judge(&record, &settings())
}

#[test]
fn a_replicated_write_with_other_content_over_a_local_payment_is_a_conflict() {
    let Ok(Verdict::Conflict(conflict)) =
        verdict(overwrite("7", ("12.50", "USD"), ("99.00", "USD")))
    else {
        panic!("not a conflict");
    };
    assert_eq!(conflict.table_name, "transactions-test");
    assert_eq!(
        conflict.key,
        serde_json::from_value(json!({"transaction_id": {"S": "t-7"}})).unwrap()
    );
    assert_eq!(conflict.detected_in, HERE);
    assert_eq!(conflict.sequence_number, "7");
    assert_eq!(
        conflict.replicated_at.as_deref(),
        Some("2025-11-29T07:06:40Z")
    );
    assert_eq!(conflict.overwritten.region, HERE);
    assert_eq!(
        conflict.overwritten.written_at.as_deref(),
        Some("2026-11-29T10:00:00.100Z")
    );
    assert_eq!(conflict.overwritten.item["amount"], json!({"N": "12.50"}));
    assert_eq!(conflict.kept.region, THERE);
    assert_eq!(conflict.kept.item["amount"], json!({"N": "99.00"}));
    assert_eq!(conflict.differing_attributes, ["amount"]);
}

#[test]
fn another_currency_is_a_conflict_too() {
    let Ok(Verdict::Conflict(conflict)) =
        verdict(overwrite("8", ("12.50", "USD"), ("12.50", "EUR")))
    else {
        panic!("not a conflict");
    };
    assert_eq!(conflict.differing_attributes, ["currency"]);
}

#[test]
fn the_same_payment_from_both_regions_is_not_a_conflict() {
    // A client's retry after failover: same id, amount and currency; only
    // the region and the write time differ, and DynamoDB may spell the
    // amount differently.
    assert_eq!(
        verdict(overwrite("9", ("12.50", "USD"), ("12.5", "USD"))),
        Ok(Verdict::SameContent)
    );
}

#[test]
fn writes_that_are_not_a_replicated_overwrite_of_a_local_item_are_left_alone() {
    let local = |amount| payment("t-1", amount, "USD", HERE, "2026-11-29T10:00:00Z");
    let remote = |amount| payment("t-1", amount, "USD", THERE, "2026-11-29T10:00:01Z");
    let cases = [
        // A booking here, and one replicated from there.
        record("INSERT", "1", Value::Null, local("1")),
        record("INSERT", "2", Value::Null, remote("1")),
        // A local update of a local item.
        record("MODIFY", "3", local("1"), local("2")),
        // The other region overwriting its own, earlier replicated item.
        record("MODIFY", "4", remote("1"), remote("2")),
        // A local write over a replicated item: the conflict, if any, is
        // seen in the other region, whose write this one replaces.
        record("MODIFY", "5", remote("1"), local("2")),
        record("REMOVE", "6", local("1"), Value::Null),
    ];
    for case in cases {
        assert_eq!(verdict(case.clone()), Ok(Verdict::Unrelated), "{case}");
    }
    // An item no writer stamped with a region: the payments API's health
    // probe item.
    let health =
        json!({"transaction_id": {"S": "health#us-east-2"}, "status": {"S": "health probe"}});
    assert_eq!(
        verdict(record("MODIFY", "7", health.clone(), health)),
        Ok(Verdict::Unrelated)
    );
}

#[test]
fn a_modify_without_images_is_refused_not_skipped() {
    let mut modify = overwrite("10", ("1", "USD"), ("2", "USD"));
    modify["dynamodb"]
        .as_object_mut()
        .unwrap()
        .remove("OldImage");
    assert_eq!(verdict(modify), Err(RecordError::ImagesMissing));
}
