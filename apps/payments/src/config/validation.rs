//! `Config::validate`: every problem with the settings, each saying how to
//! fix it, before anything is built. The checks of a concern with a file
//! of its own (regions, JWT, concurrency) are there; the others are here.

use constructs::core::{Backend, Diagnostics, Error};

use super::{Config, KNOWN_REGIONS};

/// Tags drsynth sets itself on every resource.
pub const RESERVED_TAGS: &[&str] = &["Environment", "Region-Role", "DR-Tier"];

impl Config {
    /// Every problem with the settings, each saying how to fix it.
    pub fn validate(&self) -> Result<(), Diagnostics> {
        let mut errors = Vec::new();
        if let Err(error) = validate_env(&self.env) {
            errors.push(error);
        }
        errors.extend(self.region_errors());
        errors.extend(self.domain_errors());
        errors.extend(self.health_check_errors());
        if self.dns_ttl_seconds == 0 || self.dns_ttl_seconds > 86_400 {
            errors.push(Error::invalid_setting(
                "DNS TTL",
                self.dns_ttl_seconds,
                "it must be 1-86400 seconds",
                "use a short TTL such as 60 so clients follow a failover quickly",
            ));
        }
        if let Some(email) = &self.alert_email
            && !is_email(email)
        {
            errors.push(Error::invalid_setting(
                "alert email",
                email,
                "it is not an email address",
                "use an address such as oncall@example.com",
            ));
        }
        errors.extend(self.tag_errors());
        errors.extend(self.backend_errors());
        errors.extend(self.jwt_errors());
        if self.profile.is_production() {
            errors.extend(self.concurrency_errors());
            if self.backend == Backend::Local {
                errors.push(Error::invalid_setting(
                    "backend",
                    "local",
                    "the production profile retains its table, buckets, zone and keys (prevent_destroy), and \
                     a lost local state file leaves them orphaned: no Terraform run can manage or delete them again",
                    "keep the state in S3 with locking: --backend s3 --state-bucket <existing bucket> \
                     (or backend = \"s3\" and state_bucket in the config file)",
                ));
            }
        }
        if errors.is_empty() {
            errors.extend(crate::names::Names::new(self).length_errors());
            if self.recovery_control_cluster.is_some() && !self.recovery_control {
                errors.push(Error::invalid_setting(
                    "recovery-control-cluster",
                    self.recovery_control_cluster.clone().unwrap_or_default(),
                    "a cluster only serves recovery control, which is off",
                    "add --recovery-control, or drop the cluster",
                ));
            }
            if let Some(target) = self.rto_target_seconds {
                if self.recovery_control {
                    errors.push(Error::invalid_setting(
                        "rto-target",
                        format!("{target}s"),
                        "with --recovery-control failover is manual: the recovery time includes an \
                         operator's decision, which synth cannot bound",
                        "drop --rto-target, or drop --recovery-control to fail over automatically",
                    ));
                } else {
                    errors.extend(self.recovery_time().check_target(target).err());
                }
            }
        }
        if errors.is_empty() {
            Ok(())
        } else {
            Err(Diagnostics(errors))
        }
    }

    /// A domain that is no DNS name, and a hosted zone id that is not one.
    fn domain_errors(&self) -> Vec<Error> {
        let mut errors = Vec::new();
        let domain = self.domain();
        // `api.` is prepended, and a DNS name is at most 253 characters.
        if !is_domain(&domain) || domain.len() > 249 {
            errors.push(Error::invalid_setting(
                "domain",
                &domain,
                "it is not a valid DNS name of at least two labels of lowercase letters, digits and hyphens (at most 249 characters)",
                "use a domain such as payments.example.com",
            ));
        }
        if let Some(zone) = &self.hosted_zone_id {
            let valid = zone.len() <= 32
                && zone.starts_with('Z')
                && zone
                    .chars()
                    .all(|c| c.is_ascii_uppercase() || c.is_ascii_digit());
            if !valid {
                errors.push(Error::invalid_setting(
                    "hosted zone id",
                    zone,
                    "it is not a Route 53 hosted zone id",
                    "copy the id (Z followed by capitals and digits) from `aws route53 list-hosted-zones`",
                ));
            }
        }
        errors
    }

    /// An interval or a threshold Route 53 does not accept.
    fn health_check_errors(&self) -> Vec<Error> {
        self.health_check()
            .problems()
            .into_iter()
            .map(|p| Error::invalid_setting(p.setting, p.value, p.problem, p.fix))
            .collect()
    }

    /// An S3 backend's bucket, key or region that cannot be one.
    fn backend_errors(&self) -> Vec<Error> {
        let Backend::S3 {
            bucket,
            key,
            region,
            ..
        } = &self.backend
        else {
            return Vec::new();
        };
        let mut errors = Vec::new();
        let bucket_ok = (3..=63).contains(&bucket.len())
            && bucket
                .bytes()
                .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-' || b == b'.')
            && bucket.starts_with(|c: char| c.is_ascii_alphanumeric())
            && bucket.ends_with(|c: char| c.is_ascii_alphanumeric());
        if !bucket_ok {
            errors.push(Error::invalid_setting(
                "state bucket",
                bucket,
                "it is not an S3 bucket name (3-63 lowercase letters, digits, `-` and `.`)",
                "name the existing bucket that holds Terraform state, e.g. acme-terraform-state",
            ));
        }
        if key.is_empty() || key.len() > 1024 || key.starts_with('/') {
            errors.push(Error::invalid_setting(
                "state key",
                key,
                "it must be 1-1024 characters and not start with `/`",
                "use a path such as drsynth/dev/terraform.tfstate",
            ));
        }
        if !KNOWN_REGIONS.contains(&region.as_str()) {
            errors.push(Error::invalid_setting(
                "state region",
                region,
                "not a known AWS region",
                "use the region of the state bucket",
            ));
        }
        errors
    }

    /// Tags drsynth sets itself, and keys or values AWS refuses.
    fn tag_errors(&self) -> Vec<Error> {
        let mut errors = Vec::new();
        for (key, value) in &self.tags {
            let problem = if RESERVED_TAGS.contains(&key.as_str()) {
                Some("drsynth sets this tag itself".to_owned())
            } else if key.is_empty() || key.len() > 128 || key.starts_with("aws:") {
                Some("a tag key is 1-128 characters and must not start with `aws:`".to_owned())
            } else if value.len() > 256 {
                Some("a tag value is at most 256 characters".to_owned())
            } else {
                None
            };
            if let Some(problem) = problem {
                errors.push(Error::invalid_setting(
                    "tag",
                    format!("{key}={value}"),
                    problem,
                    "choose another key or a shorter value",
                ));
            }
        }
        errors
    }
}

/// A DNS name of at least two labels, lowercase.
pub(super) fn is_domain(domain: &str) -> bool {
    let labels: Vec<&str> = domain.split('.').collect();
    labels.len() >= 2
        && labels.iter().all(|label| {
            !label.is_empty()
                && label.len() <= 63
                && !label.starts_with('-')
                && !label.ends_with('-')
                && label
                    .chars()
                    .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
        })
}

/// An email address: a plain local part (at most 64 characters) at a
/// domain.
fn is_email(email: &str) -> bool {
    match email.split_once('@') {
        Some((local, domain)) => {
            !local.is_empty()
                && local.len() <= 64
                && local
                    .chars()
                    .all(|c| c.is_ascii_alphanumeric() || "._%+-".contains(c))
                && is_domain(&domain.to_ascii_lowercase())
        }
        None => false,
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
    use crate::config::HealthCheckSettings;

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

    fn message(config: Config) -> String {
        config.validate().unwrap_err().to_string()
    }

    #[test]
    fn every_bad_setting_is_refused_with_its_fix() {
        let cases: Vec<(Config, &str)> = vec![
            (
                Config {
                    recovery_control: true,
                    rto_target_seconds: Some(300),
                    ..Config::default()
                },
                "invalid rto-target `300s`: with --recovery-control failover is manual",
            ),
            (
                Config {
                    dns_ttl_seconds: 0,
                    ..Config::default()
                },
                "invalid DNS TTL `0`",
            ),
            (
                Config {
                    health_check: HealthCheckSettings {
                        interval_seconds: 20,
                        failure_threshold: 3,
                    },
                    ..Config::default()
                },
                "invalid health-check interval `20`: Route 53 checks every 10 or every 30 seconds",
            ),
            (
                Config {
                    health_check: HealthCheckSettings {
                        interval_seconds: 30,
                        failure_threshold: 0,
                    },
                    ..Config::default()
                },
                "invalid health-check failure threshold `0`",
            ),
            (
                Config {
                    health_check: HealthCheckSettings {
                        interval_seconds: 30,
                        failure_threshold: 11,
                    },
                    ..Config::default()
                },
                "invalid health-check failure threshold `11`",
            ),
            (
                Config {
                    alert_email: Some("oncall".into()),
                    ..Config::default()
                },
                "invalid alert email `oncall`",
            ),
            (
                Config {
                    alert_email: Some("a b@x.com".into()),
                    ..Config::default()
                },
                "invalid alert email",
            ),
            (
                Config {
                    domain: Some("localhost".into()),
                    ..Config::default()
                },
                "invalid domain `localhost`",
            ),
            (
                Config {
                    domain: Some("Pay.Example.com".into()),
                    ..Config::default()
                },
                "invalid domain",
            ),
            (
                Config {
                    domain: Some("-a.example.com".into()),
                    ..Config::default()
                },
                "invalid domain",
            ),
            (
                Config {
                    domain: Some(format!("{}.com", "a".repeat(64))),
                    ..Config::default()
                },
                "invalid domain",
            ),
            (
                Config {
                    hosted_zone_id: Some("abc".into()),
                    ..Config::default()
                },
                "invalid hosted zone id `abc`",
            ),
            (
                Config {
                    tags: [("Environment".to_owned(), "x".to_owned())].into(),
                    ..Config::default()
                },
                "drsynth sets this tag itself",
            ),
            (
                Config {
                    tags: [("aws:owner".to_owned(), "x".to_owned())].into(),
                    ..Config::default()
                },
                "must not start with `aws:`",
            ),
        ];
        for (config, expected) in cases {
            let text = message(config);
            assert!(text.contains(expected), "expected {expected:?} in {text}");
        }
    }

    #[test]
    fn s3_backend_settings_are_validated() {
        let s3 = |bucket: &str, key: &str, region: &str| Config {
            backend: Backend::S3 {
                bucket: bucket.into(),
                key: key.into(),
                region: region.into(),
                encrypt: true,
                use_lockfile: true,
            },
            ..Config::default()
        };
        assert_eq!(
            s3(
                "acme-tf-state",
                "drsynth/dev/terraform.tfstate",
                "us-east-1"
            )
            .validate(),
            Ok(())
        );
        assert!(message(s3("ab", "k", "us-east-1")).contains("invalid state bucket `ab`"));
        assert!(message(s3("-acme", "k", "us-east-1")).contains("invalid state bucket"));
        assert!(message(s3("acme", "", "us-east-1")).contains("invalid state key"));
        assert!(message(s3("acme", "k", "moon-1")).contains("invalid state region `moon-1`"));
    }

    #[test]
    fn good_optional_settings_are_accepted() {
        let config = Config {
            domain: Some("pay.example.org".into()),
            hosted_zone_id: Some("Z0123456789ABCDEFGHIJ".into()),
            alert_email: Some("on-call+dr@example.org".into()),
            health_check: HealthCheckSettings {
                interval_seconds: 10,
                failure_threshold: 1,
            },
            tags: [("CostCenter".to_owned(), "payments".to_owned())].into(),
            ..Config::default()
        };
        assert_eq!(config.validate(), Ok(()));
        assert_eq!(config.api_domain(), "api.pay.example.org");
        assert_eq!(Config::default().domain(), "payments-dev.example.com");
    }
}
