//! The settings of one payments DR deployment, and their validation.

use std::collections::BTreeMap;

use crate::core::{Diagnostics, Error};

/// The commercial AWS regions a deployment may use.
pub const KNOWN_REGIONS: &[&str] = &[
    "af-south-1",
    "ap-east-1",
    "ap-northeast-1",
    "ap-northeast-2",
    "ap-northeast-3",
    "ap-south-1",
    "ap-south-2",
    "ap-southeast-1",
    "ap-southeast-2",
    "ap-southeast-3",
    "ap-southeast-4",
    "ca-central-1",
    "ca-west-1",
    "eu-central-1",
    "eu-central-2",
    "eu-north-1",
    "eu-south-1",
    "eu-south-2",
    "eu-west-1",
    "eu-west-2",
    "eu-west-3",
    "il-central-1",
    "me-central-1",
    "me-south-1",
    "sa-east-1",
    "us-east-1",
    "us-east-2",
    "us-west-1",
    "us-west-2",
];

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Config {
    /// Suffix carried by every name, e.g. `dev` in `transactions-dev`.
    pub env: String,
    pub primary_region: String,
    pub secondary_region: String,
    /// Extra tags on every resource, beside the DR tags.
    pub tags: BTreeMap<String, String>,
}

impl Default for Config {
    fn default() -> Self {
        Self {
            env: "dev".to_owned(),
            primary_region: "us-east-1".to_owned(),
            secondary_region: "us-east-2".to_owned(),
            tags: BTreeMap::new(),
        }
    }
}

impl Config {
    /// Every problem with the settings, each saying how to fix it.
    pub fn validate(&self) -> Result<(), Diagnostics> {
        let mut errors = Vec::new();
        if let Err(error) = validate_env(&self.env) {
            errors.push(error);
        }
        for (setting, region) in [
            ("primary region", &self.primary_region),
            ("secondary region", &self.secondary_region),
        ] {
            if !KNOWN_REGIONS.contains(&region.as_str()) {
                errors.push(Error::invalid_setting(
                    setting,
                    region,
                    "not a known AWS region",
                    "use a region code such as us-east-1 or eu-west-1",
                ));
            }
        }
        if self.primary_region == self.secondary_region {
            errors.push(Error::invalid_setting(
                "secondary region",
                &self.secondary_region,
                "it is the same as the primary region, so a regional outage takes both",
                "choose a secondary region different from the primary",
            ));
        }
        if errors.is_empty() {
            Ok(())
        } else {
            Err(Diagnostics(errors))
        }
    }
}

/// The environment suffix: 1-16 lowercase letters, digits and hyphens, not
/// starting or ending with a hyphen (it becomes part of DNS names).
pub fn validate_env(env: &str) -> Result<(), Error> {
    let fix = "use 1-16 lowercase letters, digits and hyphens, e.g. `dev` or `prod-2`";
    let problem = if env.is_empty() || env.len() > 16 {
        Some(format!("it is {} characters long", env.len()))
    } else if let Some(c) = env
        .chars()
        .find(|c| !(c.is_ascii_lowercase() || c.is_ascii_digit() || *c == '-'))
    {
        Some(format!("it contains `{c}`"))
    } else if env.starts_with('-') || env.ends_with('-') {
        Some("it starts or ends with a hyphen, which DNS names forbid".to_owned())
    } else {
        None
    };
    match problem {
        Some(problem) => Err(Error::invalid_setting(
            "environment suffix",
            env,
            problem,
            fix,
        )),
        None => Ok(()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn default_config_is_valid() {
        assert_eq!(Config::default().validate(), Ok(()));
    }

    #[test]
    fn env_rules() {
        for good in ["dev", "prod-2", "a", "abcdefghijklmnop"] {
            assert!(validate_env(good).is_ok(), "{good}");
        }
        for (bad, why) in [
            ("", "0 characters"),
            ("abcdefghijklmnopq", "17 characters"),
            ("Dev", "contains `D`"),
            ("dev_1", "contains `_`"),
            ("-dev", "hyphen"),
            ("dev-", "hyphen"),
        ] {
            let message = validate_env(bad).unwrap_err().to_string();
            assert!(message.contains(why), "{bad}: {message}");
            assert!(message.contains("use 1-16 lowercase letters"), "{message}");
        }
    }

    #[test]
    fn unknown_and_identical_regions_are_refused() {
        let config = Config {
            primary_region: "us-east-9".to_owned(),
            ..Config::default()
        };
        let message = config.validate().unwrap_err().to_string();
        assert!(message.contains("invalid primary region `us-east-9`: not a known AWS region"));

        let config = Config {
            secondary_region: "us-east-1".to_owned(),
            ..Config::default()
        };
        let message = config.validate().unwrap_err().to_string();
        assert!(message.contains("same as the primary region"), "{message}");
    }
}
