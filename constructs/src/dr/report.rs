//! The DR report: what recovery time and recovery point the configuration
//! actually gives, computed from its settings rather than promised.
//!
//! Worst-case recovery time a client sees is the sum of:
//! - interval x failure threshold: checkers must see that many failures;
//! - Route 53 propagation lag: aggregating checker results and updating its
//!   DNS servers;
//! - the TTL clients cache the old answer for.

use std::fmt;

use serde::Serialize;

use crate::core::{Error, Suppression};

use super::config::Config;

/// What we budget for Route 53 to aggregate its checkers' results and stop
/// answering with the failed record. AWS publishes no bound; this is the
/// commonly observed upper range.
pub const ROUTE53_PROPAGATION_SECONDS: u32 = 30;

/// The TTL of an alias record to an API Gateway regional domain: alias
/// records take their target's TTL, which AWS sets to 60 seconds.
pub const ALIAS_TARGET_TTL_SECONDS: u32 = 60;

#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct DrReport {
    pub health_check_interval_seconds: u32,
    pub failure_threshold: u32,
    pub detection_seconds: u32,
    pub route53_propagation_seconds: u32,
    pub client_dns_cache_seconds: u32,
    pub worst_case_recovery_seconds: u32,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub rto_target_seconds: Option<u32>,
    pub recovery_points: Vec<RecoveryPoint>,
    /// What an authorized client sees after DNS fails over.
    pub authorization_on_failover: String,
    /// What the configuration does not protect, said plainly.
    pub gaps: Vec<String>,
    /// Policy rules accepted on resources, with the reasons.
    pub suppressions: Vec<Suppression>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct RecoveryPoint {
    pub store: &'static str,
    pub mechanism: &'static str,
    pub recovery_point: &'static str,
}

impl DrReport {
    pub fn for_config(config: &Config) -> Self {
        let interval = config.health_check.interval_seconds;
        let threshold = config.health_check.failure_threshold;
        let detection = interval * threshold;
        let cache = if config.custom_domains {
            ALIAS_TARGET_TTL_SECONDS
        } else {
            config.dns_ttl_seconds
        };
        Self {
            health_check_interval_seconds: interval,
            failure_threshold: threshold,
            detection_seconds: detection,
            route53_propagation_seconds: ROUTE53_PROPAGATION_SECONDS,
            client_dns_cache_seconds: cache,
            worst_case_recovery_seconds: detection + ROUTE53_PROPAGATION_SECONDS + cache,
            rto_target_seconds: config.rto_target_seconds,
            recovery_points: vec![
                RecoveryPoint {
                    store: "DynamoDB global table",
                    mechanism: "asynchronous multi-region replication",
                    recovery_point: "typically under 1 second (watch the ReplicationLatency alarm)",
                },
                RecoveryPoint {
                    store: "S3 bucket",
                    mechanism: "cross-region replication with Replication Time Control",
                    recovery_point: "99.99% of objects within 15 minutes (RTC SLA)",
                },
                RecoveryPoint {
                    store: "SQS queue",
                    mechanism: "replicator Lambda, at-least-once",
                    recovery_point: "messages not yet forwarded when the primary fails (watch the message-age alarm); duplicates possible",
                },
            ],
            authorization_on_failover: config.authorization_on_failover(),
            gaps: gaps(config),
            suppressions: Vec::new(),
        }
    }

    /// The report with the suppressions of the synthesized stack.
    pub fn with_suppressions(mut self, suppressions: &[Suppression]) -> Self {
        self.suppressions = suppressions.to_vec();
        self
    }

    /// Refuses a configuration that cannot meet its stated recovery target,
    /// saying which setting to change.
    pub fn check_target(&self) -> Result<(), Error> {
        let Some(target) = self.rto_target_seconds else {
            return Ok(());
        };
        if self.worst_case_recovery_seconds <= target {
            return Ok(());
        }
        let fixed = ROUTE53_PROPAGATION_SECONDS + self.client_dns_cache_seconds;
        let fix = if fixed >= target {
            format!(
                "no health-check setting can meet it: propagation and DNS caching alone take {fixed} s; raise the target or lower the DNS TTL"
            )
        } else {
            let budget = target - fixed;
            let mut options = Vec::new();
            for interval in [30, 10] {
                let threshold = (budget / interval).min(10);
                if threshold >= 1 {
                    options.push(format!(
                        "health-check interval {interval} s with failure threshold {threshold} or less"
                    ));
                }
            }
            format!("use {}", options.join(", or "))
        };
        Err(Error::invalid_setting(
            "RTO target",
            format!("{target}s"),
            format!(
                "the worst-case recovery time is {} s ({} s x {} failures + {} s Route 53 propagation + {} s DNS cache)",
                self.worst_case_recovery_seconds,
                self.health_check_interval_seconds,
                self.failure_threshold,
                self.route53_propagation_seconds,
                self.client_dns_cache_seconds
            ),
            fix,
        ))
    }
}

/// Known gaps of the configuration.
fn gaps(config: &Config) -> Vec<String> {
    let mut gaps = Vec::new();
    if config.profile.is_production() {
        gaps.push(format!(
            "the table's replica in {} has no deletion protection: the replica's own setting needs \
             hashicorp/aws 6.9 or later, and drsynth pins ~> 5.100; delete it only through Terraform, \
             which prevent_destroy guards",
            config.secondary_region
        ));
        gaps.push(
            "the functions' dead-letter queues catch failed asynchronous invocations only: a failed \
             payment is answered to its caller (synchronous), and a failed replication returns to the \
             queue and ends in the queue's own dead-letter queue"
                .to_owned(),
        );
    }
    if config.alert_email.is_none() {
        gaps.push("no alert email: alarms notify topics nobody is subscribed to".to_owned());
    }
    gaps
}

impl fmt::Display for DrReport {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        writeln!(f, "DR report")?;
        writeln!(
            f,
            "  failure detection      {} s  ({} s interval x {} failures)",
            self.detection_seconds, self.health_check_interval_seconds, self.failure_threshold
        )?;
        writeln!(
            f,
            "  Route 53 propagation   {} s",
            self.route53_propagation_seconds
        )?;
        writeln!(
            f,
            "  client DNS cache       {} s",
            self.client_dns_cache_seconds
        )?;
        write!(
            f,
            "  worst-case recovery    {} s",
            self.worst_case_recovery_seconds
        )?;
        match self.rto_target_seconds {
            Some(target) => writeln!(f, "  (target {target} s: met)")?,
            None => writeln!(f)?,
        }
        for point in &self.recovery_points {
            writeln!(f, "  RPO {:<22} {}", point.store, point.recovery_point)?;
        }
        writeln!(
            f,
            "  authorization on failover  {}",
            self.authorization_on_failover
        )?;
        for gap in &self.gaps {
            writeln!(f, "  gap: {gap}")?;
        }
        for suppression in &self.suppressions {
            writeln!(
                f,
                "  suppressed {} on {}: {}",
                suppression.rule, suppression.address, suppression.reason
            )?;
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::dr::config::HealthCheckSettings;

    fn fast() -> Config {
        Config {
            health_check: HealthCheckSettings {
                interval_seconds: 10,
                failure_threshold: 3,
            },
            ..Config::default()
        }
    }

    #[test]
    fn default_worst_case_is_three_minutes() {
        let report = DrReport::for_config(&Config::default());
        assert_eq!(report.detection_seconds, 90);
        assert_eq!(report.worst_case_recovery_seconds, 90 + 30 + 60);
    }

    #[test]
    fn fast_interval_gives_two_minutes() {
        let report = DrReport::for_config(&fast());
        assert_eq!(report.detection_seconds, 30);
        assert_eq!(report.worst_case_recovery_seconds, 120);
    }

    #[test]
    fn without_custom_domains_the_record_ttl_counts() {
        let config = Config {
            custom_domains: false,
            dns_ttl_seconds: 30,
            ..Config::default()
        };
        assert_eq!(
            DrReport::for_config(&config).worst_case_recovery_seconds,
            150
        );
    }

    #[test]
    fn target_is_refused_with_the_setting_to_change() {
        let config = Config {
            rto_target_seconds: Some(120),
            ..Config::default()
        };
        let error = DrReport::for_config(&config)
            .check_target()
            .unwrap_err()
            .to_string();
        assert!(
            error.contains("worst-case recovery time is 180 s"),
            "{error}"
        );
        assert!(
            error.contains("interval 10 s with failure threshold 3 or less"),
            "{error}"
        );

        let met = Config {
            rto_target_seconds: Some(120),
            ..fast()
        };
        assert_eq!(DrReport::for_config(&met).check_target(), Ok(()));
    }

    #[test]
    fn authorization_on_failover_is_stated_for_every_mode() {
        let jwt = DrReport::for_config(&Config::default()).to_string();
        assert!(
            jwt.contains("a token the primary accepts is accepted by the secondary after failover"),
            "{jwt}"
        );
        let iam = DrReport::for_config(&Config {
            payment_auth: crate::dr::config::PaymentAuth::AwsIam,
            ..Config::default()
        })
        .to_string();
        assert!(
            iam.contains("the secondary (us-east-2) answers 403 to every payment signed for the primary (us-east-1)"),
            "{iam}"
        );
    }

    #[test]
    fn production_gaps_name_the_replica_and_the_dead_letter_queues() {
        let report = DrReport::for_config(&Config {
            profile: crate::dr::config::Profile::Production,
            ..Config::default()
        });
        assert!(report.gaps.iter().any(|g| g.contains("hashicorp/aws 6.9")));
        assert!(
            report
                .gaps
                .iter()
                .any(|g| g.contains("asynchronous invocations only"))
        );
        assert!(
            DrReport::for_config(&Config::default())
                .gaps
                .iter()
                .all(|g| !g.contains("6.9"))
        );
    }

    #[test]
    fn impossible_target_says_so() {
        let config = Config {
            rto_target_seconds: Some(60),
            ..fast()
        };
        let error = DrReport::for_config(&config)
            .check_target()
            .unwrap_err()
            .to_string();
        assert!(
            error.contains("no health-check setting can meet it"),
            "{error}"
        );
    }
}
