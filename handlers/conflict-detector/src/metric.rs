//! The conflict metric, as a CloudWatch embedded-metric-format line on
//! standard output: Lambda ships it to the function's log group and
//! CloudWatch Logs extracts the metric (no API call, no extra permission).
//! Lambda's JSON log format passes a line that is already JSON unchanged.

use serde_json::json;

/// The metric's name; its one dimension is `TableName`.
pub const METRIC_NAME: &str = "ReplicationConflicts";

/// The line that counts `count` conflicts on `table_name` at
/// `timestamp_millis`.
pub fn conflicts_line(
    namespace: &str,
    table_name: &str,
    count: u32,
    timestamp_millis: i64,
) -> String {
    json!({
        "_aws": {
            "Timestamp": timestamp_millis,
            "CloudWatchMetrics": [{
                "Namespace": namespace,
                "Dimensions": [["TableName"]],
                "Metrics": [{"Name": METRIC_NAME, "Unit": "Count"}],
            }],
        },
        "TableName": table_name,
        METRIC_NAME: count,
    })
    .to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_line_follows_the_embedded_metric_format() {
        let line: serde_json::Value = serde_json::from_str(&conflicts_line(
            "DRSynth",
            "transactions-dev",
            2,
            1_700_000_000_000,
        ))
        .unwrap();
        let directive = &line["_aws"]["CloudWatchMetrics"][0];
        assert_eq!(directive["Namespace"], "DRSynth");
        assert_eq!(directive["Metrics"][0]["Name"], METRIC_NAME);
        // Every dimension and metric the directive names is a member of the line.
        assert_eq!(line["TableName"], "transactions-dev");
        assert_eq!(line[METRIC_NAME], 2);
        assert_eq!(line["_aws"]["Timestamp"], 1_700_000_000_000_i64);
    }
}
