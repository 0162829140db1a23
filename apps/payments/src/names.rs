//! Physical names of the payments stack, in one place.
//!
//! Contract:
//! - Every name carries the environment suffix `env`.
//! - Names of regional things that IAM or S3 keep globally (roles, buckets)
//!   also carry the region, so the two regions never collide.
//! - Buckets also carry the account id: bucket names are global across all
//!   AWS accounts.
//! - Each kind of name has AWS's length limit; [`Names::length_errors`]
//!   checks every name this module can produce for a configuration, so a name
//!   that would break a limit fails synth instead of `terraform apply`.

use constructs::core::{Error, Expr};

use crate::config::Config;

/// AWS's limits on the names the stack uses.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum NameKind {
    Bucket,
    Table,
    LambdaFunction,
    IamRole,
    Queue,
    Topic,
    Api,
    Alarm,
    Dashboard,
    LogGroup,
    SecurityGroup,
}

impl NameKind {
    pub fn limit(self) -> usize {
        match self {
            Self::Bucket => 63,
            Self::LambdaFunction | Self::IamRole => 64,
            Self::Queue => 80,
            Self::Api | Self::Alarm | Self::Table | Self::SecurityGroup | Self::Topic => 255,
            Self::Dashboard => 255,
            Self::LogGroup => 512,
        }
    }

    fn describe(self) -> &'static str {
        match self {
            Self::Bucket => "S3 bucket name",
            Self::Table => "DynamoDB table name",
            Self::LambdaFunction => "Lambda function name",
            Self::IamRole => "IAM role name",
            Self::Queue => "SQS queue name",
            Self::Topic => "SNS topic name",
            Self::Api => "API name",
            Self::Alarm => "alarm name",
            Self::Dashboard => "dashboard name",
            Self::LogGroup => "log group name",
            Self::SecurityGroup => "security group name",
        }
    }
}

/// An AWS account id has 12 digits; length checks use this stand-in.
const SAMPLE_ACCOUNT_ID: &str = "123456789012";

/// The names of one deployment.
#[derive(Clone, Debug)]
pub struct Names {
    env: String,
    regions: [String; 2],
}

impl Names {
    pub fn new(config: &Config) -> Self {
        Self {
            env: config.env.clone(),
            regions: [
                config.primary_region.clone(),
                config.secondary_region.clone(),
            ],
        }
    }

    /// `transactions-{env}`
    pub fn table(&self) -> String {
        format!("transactions-{}", self.env)
    }

    /// `transaction-conflicts-{env}`: where write conflicts of the
    /// transactions table are recorded.
    pub fn conflict_table(&self) -> String {
        format!("transaction-conflicts-{}", self.env)
    }

    /// `{base}-{env}`, for things that exist once.
    pub fn global(&self, base: &str) -> String {
        format!("{base}-{}", self.env)
    }

    /// `{base}-{region}-{env}`, for things that exist once per region.
    pub fn regional(&self, base: &str, region: &str) -> String {
        format!("{base}-{region}-{}", self.env)
    }

    /// `/aws/lambda/{function}`, where Lambda writes a function's logs.
    pub fn lambda_log_group(&self, function: &str) -> String {
        format!("/aws/lambda/{function}")
    }

    /// `payments-{env}-{account}-{region}` as a template on the account id.
    pub fn bucket(&self, region: &str, account_id: Expr) -> Expr {
        Expr::template([
            Expr::literal(format!("payments-{}-", self.env)),
            account_id,
            Expr::literal(format!("-{region}")),
        ])
    }

    /// `payments-logs-{env}-{account}-{region}`: the bucket access logs go to.
    pub fn log_bucket(&self, region: &str, account_id: Expr) -> Expr {
        Expr::template([
            Expr::literal(format!("payments-logs-{}-", self.env)),
            account_id,
            Expr::literal(format!("-{region}")),
        ])
    }

    fn bucket_text(&self, region: &str) -> String {
        format!("payments-{}-{SAMPLE_ACCOUNT_ID}-{region}", self.env)
    }

    /// Every name the stack uses with this configuration that breaks its
    /// AWS length limit.
    pub fn length_errors(&self) -> Vec<Error> {
        let mut names = vec![
            (NameKind::Table, self.table()),
            (NameKind::Table, self.conflict_table()),
        ];
        for region in &self.regions {
            names.extend([
                (NameKind::Bucket, self.bucket_text(region)),
                (
                    NameKind::Bucket,
                    format!("payments-logs-{}-{SAMPLE_ACCOUNT_ID}-{region}", self.env),
                ),
                (NameKind::LambdaFunction, self.regional("payment", region)),
                (
                    NameKind::LambdaFunction,
                    self.regional("queue-replicator", region),
                ),
                (
                    NameKind::LambdaFunction,
                    self.regional("conflict-detector", region),
                ),
                (
                    NameKind::Queue,
                    format!(
                        "{}-failed-batches",
                        self.regional("conflict-detector", region)
                    ),
                ),
                (
                    NameKind::IamRole,
                    self.regional("conflict-detector", region),
                ),
                (NameKind::IamRole, self.regional("payment", region)),
                (NameKind::IamRole, self.regional("queue-replicator", region)),
                (NameKind::IamRole, self.regional("s3-replication", region)),
                (
                    NameKind::IamRole,
                    self.regional("s3-log-replication", region),
                ),
                (NameKind::Queue, self.regional("payments-dlq", region)),
                (
                    NameKind::Queue,
                    format!("{}-dlq", self.regional("queue-replicator", region)),
                ),
                (
                    NameKind::IamRole,
                    self.regional("payments-flow-logs", region),
                ),
                (NameKind::Topic, self.regional("payments-alerts", region)),
                (NameKind::Api, self.regional("payments", region)),
                (
                    NameKind::Alarm,
                    self.regional("payments-replication-latency", region),
                ),
                (NameKind::SecurityGroup, self.regional("payments", region)),
                (
                    NameKind::LogGroup,
                    self.lambda_log_group(&self.regional("queue-replicator", region)),
                ),
            ]);
        }
        names.push((NameKind::Dashboard, self.global("payments-dr")));
        names
            .into_iter()
            .filter(|(kind, name)| name.len() > kind.limit())
            .map(|(kind, name)| {
                Error::invalid_setting(
                    "environment suffix",
                    &self.env,
                    format!(
                        "the {} `{name}` would be {} characters, over AWS's limit of {}",
                        kind.describe(),
                        name.len(),
                        kind.limit()
                    ),
                    "use a shorter environment suffix",
                )
            })
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_carry_env_and_region() {
        let names = Names::new(&Config::default());
        assert_eq!(names.table(), "transactions-dev");
        assert_eq!(
            names.regional("payment", "us-east-2"),
            "payment-us-east-2-dev"
        );
        assert_eq!(
            names.bucket_text("us-east-1"),
            "payments-dev-123456789012-us-east-1"
        );
        assert_eq!(
            names.bucket("us-east-1", Expr::literal("1")).render(),
            "payments-dev-1-us-east-1"
        );
    }

    #[test]
    fn longest_valid_env_and_regions_fit_every_limit() {
        let config = Config {
            env: "abcdefghijklmnop".to_owned(),
            primary_region: "ap-southeast-4".to_owned(),
            secondary_region: "ap-northeast-3".to_owned(),
            ..Config::default()
        };
        assert!(Names::new(&config).length_errors().is_empty());
    }

    #[test]
    fn a_bucket_over_63_characters_is_refused() {
        // Longer than the CLI allows, to reach the limit the bucket name sets.
        let config = Config {
            env: "a".repeat(35),
            ..Config::default()
        };
        let errors = Names::new(&config).length_errors();
        let text: Vec<String> = errors.iter().map(ToString::to_string).collect();
        assert!(
            text.iter()
                .any(|e| e.contains("S3 bucket name") && e.contains("over AWS's limit of 63")),
            "{text:?}"
        );
    }
}
