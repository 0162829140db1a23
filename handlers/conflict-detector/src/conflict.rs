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
        table_name: settings.watched_table.clone(),
        key: record.dynamodb.keys.clone(),
        detected_in: settings.region.clone(),
        sequence_number: record.dynamodb.sequence_number.clone().unwrap_or_default(),
        replicated_at: record
            .dynamodb
            .approximate_creation_date_time
            .as_ref()
            .and_then(|time| match time {
                // Lambda's events: seconds since the epoch.
                Value::Number(seconds) => seconds.as_f64().and_then(rfc3339),
                // The AWS CLI's `get-records`: already a date.
                Value::String(text) => Some(text.clone()),
                _ => None,
            }),
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

/// A decimal number as `<sign><significant digits>e<exponent>`, so that
/// equal values compare equal however they are written: `012.50`, `12.5`
/// and `1.25E1` are all `125e-1`. Text that is not a number stays as it is
/// (and so differs from any number).
fn number(text: &str) -> String {
    let (sign, unsigned) = match text.strip_prefix('-') {
        Some(rest) => ("-", rest),
        None => ("", text.strip_prefix('+').unwrap_or(text)),
    };
    let (mantissa, exponent) = match unsigned.split_once(['e', 'E']) {
        Some((mantissa, exponent)) => match exponent.parse::<i64>() {
            Ok(exponent) => (mantissa, exponent),
            Err(_) => return text.to_owned(),
        },
        None => (unsigned, 0),
    };
    let (whole, fraction) = mantissa.split_once('.').unwrap_or((mantissa, ""));
    let digits = format!("{whole}{fraction}");
    if digits.is_empty() || !digits.bytes().all(|b| b.is_ascii_digit()) {
        return text.to_owned();
    }
    let Some(mut exponent) = i64::try_from(fraction.len())
        .ok()
        .and_then(|places| exponent.checked_sub(places))
    else {
        return text.to_owned();
    };
    let significant = digits.trim_start_matches('0');
    let trimmed = significant.trim_end_matches('0');
    if trimmed.is_empty() {
        return "0".to_owned();
    }
    exponent += i64::try_from(significant.len() - trimmed.len()).unwrap_or(i64::MAX);
    format!("{sign}{trimmed}e{exponent}")
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
        for (a, b) in [
            ("012.50", "12.5"),
            ("1.25E1", "12.5"),
            ("100", "1e2"),
            ("-0.0", "0"),
            ("0.05", "5e-2"),
        ] {
            assert_eq!(number(a), number(b), "{a} {b}");
        }
        for (a, b) in [
            ("1.1e10", "1.1e1"),
            ("1.5E+20", "1.5E+2"),
            ("12.5", "-12.5"),
            ("100", "10"),
            ("1", "x1"),
        ] {
            assert_ne!(number(a), number(b), "{a} {b}");
        }
        assert_eq!(number("012.50"), "125e-1");
        assert_eq!(number("not a number"), "not a number");
    }

    proptest::proptest! {
        /// A value written with extra zeros or as mantissa and exponent is
        /// the same number; a value with another digit is not.
        #[test]
        fn spellings_of_one_value_agree(units in 0u64..1_000_000_000, places in 0u32..8, pad in 0usize..3) {
            let scale = 10u64.pow(places);
            let text = format!("{}.{:0width$}", units / scale, units % scale, width = places as usize);
            let padded = format!("{}{text}{}", "0".repeat(pad), if text.contains('.') { "0".repeat(pad) } else { String::new() });
            let scientific = format!("{units}e-{places}");
            proptest::prop_assert_eq!(number(&text), number(&padded));
            proptest::prop_assert_eq!(number(&text), number(&scientific));
            let other = format!("{}e-{places}", units + 1);
            proptest::prop_assert_ne!(number(&text), number(&other));
        }
    }

    #[test]
    fn sets_compare_unordered() {
        let a = serde_json::json!({"SS": ["b", "a"]});
        let b = serde_json::json!({"SS": ["a", "b"]});
        assert_eq!(canonical(&a), canonical(&b));
        let m = serde_json::json!({"M": {"x": {"N": "1.0"}}});
        assert_eq!(canonical(&m), serde_json::json!({"M": {"x": {"N": "1e0"}}}));
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
