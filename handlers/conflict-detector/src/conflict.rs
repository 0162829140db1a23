//! Which stream records are conflicts, and what is recorded of one.
//!
//! With last-writer-wins replication, two writes of one key in two regions
//! within the replication lag converge on the later one: the region whose
//! own write lost sees the other region's version replace it, as a
//! `MODIFY` whose old image names this region and whose new image names
//! the other. (The region whose write won never sees the losing one.) The
//! writers stamp each item with their region; that is how a replicated
//! write is told from a local one.

use std::collections::BTreeSet;

use serde::Serialize;
use serde_json::Value;

use crate::settings::Settings;
use crate::stream::{Image, StreamRecord, string};

/// One version of the item in a conflict.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Version {
    /// The region that wrote it.
    pub region: String,
    /// When its writer says it was written (the first write-metadata
    /// attribute, e.g. `created_at`), if the item carries it.
    pub written_at: Option<String>,
    /// The whole item, in DynamoDB's JSON form.
    pub item: Image,
}

/// A replicated write that replaced this region's item with other content.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Conflict {
    /// The table written twice.
    pub table_name: String,
    /// The item's key, in DynamoDB's JSON form.
    pub key: Image,
    /// The region whose stream showed the overwrite (the overwritten one's).
    pub detected_in: String,
    /// The stream record's sequence number in that region.
    pub sequence_number: String,
    /// When the replicated write reached this region (RFC 3339).
    pub replicated_at: Option<String>,
    /// This region's version, which the table no longer holds.
    pub overwritten: Version,
    /// The other region's version, which both regions now hold.
    pub kept: Version,
    /// The attributes whose values differ, write metadata aside.
    pub differing_attributes: Vec<String>,
}

/// What one stream record is.
#[derive(Clone, Debug, PartialEq)]
pub enum Verdict {
    /// Not a replicated overwrite of a local item: an insert, a delete, a
    /// local update, or an item no writer stamped with its region.
    Unrelated,
    /// Both regions wrote the same content (a retry after failover): one
    /// booking, nothing to reconcile.
    SameContent,
    /// Both regions wrote different content under one key.
    Conflict(Box<Conflict>),
}

/// Why a record cannot be judged; retrying cannot fix it, so it ends in
/// the failure destination rather than being skipped.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum RecordError {
    /// A `MODIFY` without both images: the stream's view type is not
    /// `NEW_AND_OLD_IMAGES`.
    ImagesMissing,
}

/// Judges `record` from the stream of the table's copy in `settings.region`.
pub fn judge(record: &StreamRecord, settings: &Settings) -> Result<Verdict, RecordError> {
    if record.event_name != "MODIFY" {
        return Ok(Verdict::Unrelated);
    }
    let (Some(old), Some(new)) = (&record.dynamodb.old_image, &record.dynamodb.new_image) else {
        return Err(RecordError::ImagesMissing);
    };
    let (Some(old_region), Some(new_region)) = (
        string(old, &settings.region_attribute),
        string(new, &settings.region_attribute),
    ) else {
        return Ok(Verdict::Unrelated);
    };
    if old_region != settings.region || new_region == settings.region {
        return Ok(Verdict::Unrelated);
    }
    let differing_attributes = differing_attributes(old, new, settings);
    if differing_attributes.is_empty() {
        return Ok(Verdict::SameContent);
    }
    let version = |region: &str, item: &Image| Version {
        region: region.to_owned(),
        written_at: settings
            .write_metadata_attributes
            .first()
            .and_then(|attribute| string(item, attribute))
            .map(str::to_owned),
        item: item.clone(),
    };
    Ok(Verdict::Conflict(Box::new(Conflict {
        table_name: record.table_name().unwrap_or_default().to_owned(),
        key: record.dynamodb.keys.clone(),
        detected_in: settings.region.clone(),
        sequence_number: record.dynamodb.sequence_number.clone().unwrap_or_default(),
        replicated_at: record
            .dynamodb
            .approximate_creation_date_time
            .and_then(rfc3339),
        overwritten: version(old_region, old),
        kept: version(new_region, new),
        differing_attributes,
    })))
}

/// The attributes of either image whose values differ, leaving out the
/// region and the write metadata, which differ between any two writes.
fn differing_attributes(old: &Image, new: &Image, settings: &Settings) -> Vec<String> {
    let names: BTreeSet<&String> = old.keys().chain(new.keys()).collect();
    names
        .into_iter()
        .filter(|name| {
            **name != settings.region_attribute
                && !settings.write_metadata_attributes.contains(name)
        })
        .filter(|name| old.get(*name).map(canonical) != new.get(*name).map(canonical))
        .cloned()
        .collect()
}

/// A DynamoDB JSON value in a form where equal values compare equal:
/// numbers without insignificant zeros, sets sorted.
fn canonical(value: &Value) -> Value {
    let Some((kind, inner)) = value.as_object().and_then(|o| o.iter().next()) else {
        return value.clone();
    };
    let strings = |values: &Value, map: fn(&str) -> String| {
        let mut items: Vec<String> = values
            .as_array()
            .into_iter()
            .flatten()
            .filter_map(Value::as_str)
            .map(map)
            .collect();
        items.sort();
        Value::from(items)
    };
    let canonical_inner = match kind.as_str() {
        "N" => inner
            .as_str()
            .map_or(inner.clone(), |n| Value::from(number(n))),
        "NS" => strings(inner, number),
        "SS" | "BS" => strings(inner, str::to_owned),
        "M" => Value::Object(
            inner
                .as_object()
                .into_iter()
                .flatten()
                .map(|(k, v)| (k.clone(), canonical(v)))
                .collect(),
        ),
        "L" => Value::from(
            inner
                .as_array()
                .into_iter()
                .flatten()
                .map(canonical)
                .collect::<Vec<_>>(),
        ),
        _ => inner.clone(),
    };
    serde_json::json!({ kind: canonical_inner })
}

/// A decimal number without leading or trailing insignificant zeros:
/// `012.50` and `12.5` are the same amount.
fn number(text: &str) -> String {
    let (sign, digits) = match text.strip_prefix('-') {
        Some(rest) => ("-", rest),
        None => ("", text.strip_prefix('+').unwrap_or(text)),
    };
    let (whole, fraction) = digits.split_once('.').unwrap_or((digits, ""));
    let whole = whole.trim_start_matches('0');
    let fraction = fraction.trim_end_matches('0');
    let whole = if whole.is_empty() { "0" } else { whole };
    let magnitude = if fraction.is_empty() {
        whole.to_owned()
    } else {
        format!("{whole}.{fraction}")
    };
    if magnitude == "0" {
        magnitude
    } else {
        format!("{sign}{magnitude}")
    }
}

/// Seconds since the Unix epoch as RFC 3339, to the millisecond.
fn rfc3339(seconds: f64) -> Option<String> {
    // Milliseconds first: an f64 of seconds holds them exactly, not nanoseconds.
    let millis = (seconds * 1e3).round() as i128;
    let time = time::OffsetDateTime::from_unix_timestamp_nanos(millis * 1_000_000).ok()?;
    time.format(&time::format_description::well_known::Rfc3339)
        .ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_compare_by_value() {
        assert_eq!(number("012.50"), "12.5");
        assert_eq!(number("12"), "12");
        assert_eq!(number("-0.0"), "0");
        assert_eq!(number("-3.10"), "-3.1");
        assert_eq!(number("0.05"), "0.05");
        assert_eq!(number("100"), "100");
    }

    #[test]
    fn sets_compare_unordered() {
        let a = serde_json::json!({"SS": ["b", "a"]});
        let b = serde_json::json!({"SS": ["a", "b"]});
        assert_eq!(canonical(&a), canonical(&b));
        let m = serde_json::json!({"M": {"x": {"N": "1.0"}}});
        assert_eq!(canonical(&m), serde_json::json!({"M": {"x": {"N": "1"}}}));
    }

    #[test]
    fn times_are_rfc3339_to_the_millisecond() {
        assert_eq!(
            rfc3339(1_700_000_000.25).as_deref(),
            Some("2023-11-14T22:13:20.25Z")
        );
        assert_eq!(
            rfc3339(1_700_000_000.0).as_deref(),
            Some("2023-11-14T22:13:20Z")
        );
    }
}
