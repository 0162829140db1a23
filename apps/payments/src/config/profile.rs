//! How far a deployment is hardened, and how the policy rules read it.

use constructs::rules::{self, Posture};

use super::Config;

/// How far the deployment is hardened.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Profile {
    /// A demo: cheap, AWS-managed encryption keys, short log retention, and
    /// `terraform destroy` removes everything.
    #[default]
    Default,
    /// What a payments team runs: deletion protection and `prevent_destroy`
    /// on the data and the zone, customer-managed KMS keys with rotation,
    /// a year of logs, access logs, traced Lambda functions with dead-letter
    /// queues and reserved concurrency, DNSSEC and DNS query logging.
    Production,
}

impl Profile {
    /// Every profile, to find one by its name.
    pub const ALL: [Self; 2] = [Self::Default, Self::Production];

    /// The name used by the flag and the config file.
    pub fn name(self) -> &'static str {
        match self {
            Self::Default => "default",
            Self::Production => "production",
        }
    }

    /// Whether this is the production profile.
    pub fn is_production(self) -> bool {
        self == Self::Production
    }

    /// Days every log group keeps its logs: a week for a demo, a year (what
    /// PCI DSS asks of audit logs) in production.
    pub fn log_retention_days(self) -> u32 {
        match self {
            Self::Default => 7,
            Self::Production => 365,
        }
    }
}

impl Config {
    /// How the policy rules read this deployment.
    pub fn rules_context(&self) -> rules::Context {
        rules::Context {
            name_suffix: Some(self.env.clone()),
            posture: match self.profile {
                Profile::Default => Posture::Disposable,
                Profile::Production => Posture::Production {
                    log_retention_days: self.profile.log_retention_days(),
                },
            },
        }
    }
}
