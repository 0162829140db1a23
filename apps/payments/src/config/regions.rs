//! The regions a deployment may use, and the check of the two it names.

use constructs::core::Error;

use super::Config;

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

impl Config {
    /// The two regions: known, and not the same.
    pub(super) fn region_errors(&self) -> Vec<Error> {
        let mut errors = Vec::new();
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
        errors
    }
}

#[cfg(test)]
mod tests {
    use super::*;

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
