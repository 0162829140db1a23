//! Settings read once at cold start.

use std::fmt;

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Settings {
    /// The destination queue.
    pub queue_url: String,
    /// Its region (the function itself runs in the source queue's region).
    pub queue_region: String,
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
    /// Reads `DEST_QUEUE_URL` and `DEST_QUEUE_REGION` through `var`.
    pub fn from_vars(var: impl Fn(&str) -> Option<String>) -> Result<Self, SettingsError> {
        let queue_url = var("DEST_QUEUE_URL").unwrap_or_default();
        if !(queue_url.starts_with("https://") || queue_url.starts_with("http://")) {
            return Err(SettingsError(format!(
                "DEST_QUEUE_URL `{queue_url}` is not a queue URL; set it to the destination queue's URL"
            )));
        }
        let queue_region = var("DEST_QUEUE_REGION").unwrap_or_default();
        let valid_region = !queue_region.is_empty()
            && queue_region
                .bytes()
                .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-');
        if !valid_region {
            return Err(SettingsError(format!(
                "DEST_QUEUE_REGION `{queue_region}` is not a region; set it to the destination queue's region, e.g. us-east-2"
            )));
        }
        Ok(Self {
            queue_url,
            queue_region,
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

    #[test]
    fn valid_and_invalid_settings() {
        let url = "https://sqs.us-east-2.amazonaws.com/123456789012/payments-us-east-2-dev";
        assert_eq!(
            settings(&[("DEST_QUEUE_URL", url), ("DEST_QUEUE_REGION", "us-east-2")]),
            Ok(Settings {
                queue_url: url.to_owned(),
                queue_region: "us-east-2".to_owned()
            })
        );
        let missing_url = settings(&[("DEST_QUEUE_REGION", "us-east-2")]).unwrap_err();
        assert!(missing_url.to_string().contains("DEST_QUEUE_URL"));
        let missing_region = settings(&[("DEST_QUEUE_URL", url)]).unwrap_err();
        assert!(missing_region.to_string().contains("DEST_QUEUE_REGION"));
        assert!(settings(&[("DEST_QUEUE_URL", url), ("DEST_QUEUE_REGION", "US East")]).is_err());
    }
}
