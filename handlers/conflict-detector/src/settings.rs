//! Settings read once at cold start.

use std::fmt;

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Settings {
    /// The function's region, where the stream it reads is (`AWS_REGION`,
    /// which Lambda sets).
    pub region: String,
    /// The table whose stream is read (every record of the stream is one
    /// of its items).
    pub watched_table: String,
    /// Where conflicts are recorded: the copy in this region.
    pub conflict_table: String,
    /// The attribute every writer stamps with its region, e.g. `region`.
    pub region_attribute: String,
    /// Attributes that differ between any two writes of the same content,
    /// e.g. `created_at`; the first is the version's write time.
    pub write_metadata_attributes: Vec<String>,
    /// The CloudWatch namespace of the conflict metric.
    pub metric_namespace: String,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SettingsError(String);

impl fmt::Display for SettingsError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for SettingsError {}

impl Settings {
    /// Reads `AWS_REGION`, `WATCHED_TABLE`, `CONFLICT_TABLE`, `REGION_ATTRIBUTE`,
    /// `WRITE_METADATA_ATTRIBUTES` (comma-separated, may be empty) and
    /// `METRIC_NAMESPACE` through `var`.
    pub fn from_vars(var: impl Fn(&str) -> Option<String>) -> Result<Self, SettingsError> {
        let required = |name: &str, what: &str| {
            var(name)
                .filter(|value| !value.trim().is_empty())
                .ok_or_else(|| SettingsError(format!("{name} is not set; set it to {what}")))
        };
        let region = required("AWS_REGION", "the function's region (Lambda sets it)")?;
        let watched_table = required(
            "WATCHED_TABLE",
            "the name of the table whose stream the function reads",
        )?;
        let conflict_table = required(
            "CONFLICT_TABLE",
            "the name of the table conflicts are recorded in",
        )?;
        let region_attribute = required(
            "REGION_ATTRIBUTE",
            "the item attribute holding the region that wrote it, e.g. region",
        )?;
        let metric_namespace = required(
            "METRIC_NAMESPACE",
            "the CloudWatch namespace of the conflict metric",
        )?;
        let write_metadata_attributes = var("WRITE_METADATA_ATTRIBUTES")
            .unwrap_or_default()
            .split(',')
            .map(str::trim)
            .filter(|name| !name.is_empty())
            .map(str::to_owned)
            .collect();
        Ok(Self {
            region,
            watched_table,
            conflict_table,
            region_attribute,
            write_metadata_attributes,
            metric_namespace,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn settings(vars: &[(&str, &str)]) -> Result<Settings, SettingsError> {
        Settings::from_vars(|name| {
            vars.iter()
                .find(|(k, _)| *k == name)
                .map(|(_, v)| (*v).to_owned())
        })
    }

    const ALL: [(&str, &str); 6] = [
        ("AWS_REGION", "us-east-2"),
        ("WATCHED_TABLE", "transactions-dev"),
        ("CONFLICT_TABLE", "conflicts-dev"),
        ("REGION_ATTRIBUTE", "region"),
        ("WRITE_METADATA_ATTRIBUTES", "created_at, status"),
        ("METRIC_NAMESPACE", "DRSynth"),
    ];

    #[test]
    fn reads_every_setting_and_names_a_missing_one() {
        let read = settings(&ALL).unwrap();
        assert_eq!(read.region, "us-east-2");
        assert_eq!(read.write_metadata_attributes, ["created_at", "status"]);
        for missing in [
            "AWS_REGION",
            "WATCHED_TABLE",
            "CONFLICT_TABLE",
            "REGION_ATTRIBUTE",
            "METRIC_NAMESPACE",
        ] {
            let vars: Vec<_> = ALL.iter().copied().filter(|(k, _)| *k != missing).collect();
            let error = settings(&vars).unwrap_err().to_string();
            assert!(error.starts_with(missing), "{error}");
        }
        let vars: Vec<_> = ALL
            .iter()
            .copied()
            .filter(|(k, _)| *k != "WRITE_METADATA_ATTRIBUTES")
            .collect();
        assert!(
            settings(&vars)
                .unwrap()
                .write_metadata_attributes
                .is_empty()
        );
    }
}
