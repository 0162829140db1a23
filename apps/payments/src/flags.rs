//! The payments app's flags: its settings on the command line, flattened
//! into the CLI's own (`--out`, `--check`, subcommands).

use std::path::PathBuf;

use clap::ValueEnum;

/// The settings of the payments app. Settings come from the defaults, then
/// the --config file, then the flags.
#[derive(Debug, Default, clap::Args)]
pub struct PaymentsFlags {
    /// A TOML file of settings (keys as the long flags, with `_` for `-`,
    /// plus a [tags] table); flags override it.
    #[arg(long, global = true, value_name = "FILE")]
    pub config: Option<PathBuf>,

    /// Environment suffix carried by every name: 1-16 lowercase letters,
    /// digits and hyphens [default: dev].
    #[arg(long = "env", global = true, value_name = "SUFFIX")]
    pub env: Option<String>,

    /// Primary region [default: us-east-1].
    #[arg(long, global = true, value_name = "REGION")]
    pub primary_region: Option<String>,

    /// Secondary region [default: us-east-2].
    #[arg(long, global = true, value_name = "REGION")]
    pub secondary_region: Option<String>,

    /// Domain of the hosted zone; clients call api.<DOMAIN>
    /// [default: payments-<env>.example.com].
    #[arg(long, global = true, value_name = "DOMAIN")]
    pub domain: Option<String>,

    /// Use this existing hosted zone instead of creating one.
    #[arg(long, global = true, value_name = "ZONE_ID")]
    pub hosted_zone_id: Option<String>,

    /// No ACM certificates or API custom domains: for an undelegated demo
    /// domain, where certificates cannot validate. HTTPS on api.<DOMAIN> then
    /// fails with a certificate mismatch; see the README.
    #[arg(long, global = true)]
    pub no_custom_domains: bool,

    /// Seconds between Route 53 health checks: 10 or 30 [default: 30].
    #[arg(long, global = true, value_name = "SECONDS")]
    pub health_check_interval: Option<u32>,

    /// Failed checks before a region is unhealthy: 1-10 [default: 3].
    #[arg(long, global = true, value_name = "COUNT")]
    pub health_check_threshold: Option<u32>,

    /// TTL of the failover records without custom domains [default: 60].
    #[arg(long, global = true, value_name = "SECONDS")]
    pub dns_ttl: Option<u32>,

    /// Email address subscribed to both regions' alarm topics.
    #[arg(long, global = true, value_name = "ADDRESS")]
    pub alert_email: Option<String>,

    /// Extra tag on every resource; repeatable.
    #[arg(long = "tag", global = true, value_name = "KEY=VALUE", value_parser = parse_tag)]
    pub tags: Vec<(String, String)>,

    /// How far the stack is hardened: `default` (a demo that `terraform
    /// destroy` removes entirely) or `production` (retained data,
    /// customer-managed keys, a year of logs, DNSSEC) [default: default].
    #[arg(long, global = true, value_name = "PROFILE")]
    pub profile: Option<ProfileArg>,

    /// How POST /payment is authorized [default: jwt]. Only `jwt` survives
    /// a failover: SigV4 signatures (aws-iam) name their region.
    #[arg(long, global = true, value_name = "MODE")]
    pub payment_auth: Option<PaymentAuthArg>,
    /// Issuer (`iss`) of the JWTs POST /payment accepts: an https:// URL
    /// serving /.well-known/openid-configuration, not hosted in the primary
    /// region alone [default: a placeholder that `terraform plan` refuses].
    #[arg(long, global = true, value_name = "URL")]
    pub jwt_issuer: Option<String>,
    /// Accepted audience (`aud` or `client_id`) of those JWTs; repeatable
    /// [default: payments-api].
    #[arg(long = "jwt-audience", global = true, value_name = "AUDIENCE")]
    pub jwt_audience: Vec<String>,
    /// Scope a token must carry (one of them) to pay, so an ID token with
    /// the audience does not; repeatable [default: payments/write].
    #[arg(long = "jwt-scope", global = true, value_name = "SCOPE")]
    pub jwt_scope: Vec<String>,
    /// Concurrency reserved for the payment function in each region
    /// (production profile) [default: 100].
    #[arg(long, global = true, value_name = "N")]
    pub payment_reserved_concurrency: Option<u32>,
    /// Concurrency reserved for the queue replicator, also its trigger's
    /// maximum concurrency (production profile) [default: 10].
    #[arg(long, global = true, value_name = "N")]
    pub replicator_reserved_concurrency: Option<u32>,
    /// The account's Lambda "Concurrent executions" quota in each region;
    /// synth refuses reservations that do not fit it [default: 1000].
    #[arg(long, global = true, value_name = "N")]
    pub lambda_concurrency_quota: Option<u32>,

    /// Refuse a configuration whose worst-case recovery time exceeds this,
    /// e.g. 120s or 2m.
    #[arg(long, global = true, value_name = "DURATION", value_parser = parse_duration)]
    pub rto_target: Option<u32>,

    /// Manual failover through Route 53 Application Recovery Controller: a
    /// cluster (about 2.5 USD an hour), a routing control per region and a
    /// safety rule; the failover records follow the routing controls, which
    /// switch without Route 53's control plane in us-east-1. See the README.
    #[arg(long, global = true, conflicts_with = "no_recovery_control")]
    pub recovery_control: bool,

    /// No recovery control, whatever the config file says.
    #[arg(long, global = true)]
    pub no_recovery_control: bool,

    /// With --recovery-control: an existing ARC cluster to put the control
    /// panel in (an account holds at most two clusters, each billed by the
    /// hour), e.g. arn:aws:route53-recovery-control::123456789012:cluster/<id>.
    #[arg(long, global = true, value_name = "ARN")]
    pub recovery_control_cluster: Option<String>,

    /// Where Terraform keeps the state [default: local].
    #[arg(long, global = true, value_name = "KIND")]
    pub backend: Option<BackendArg>,

    /// The existing S3 bucket for the state (with --backend s3); the stack
    /// never creates or destroys it.
    #[arg(long, global = true, value_name = "BUCKET")]
    pub state_bucket: Option<String>,

    /// The state's key in the bucket [default: drsynth/<env>/terraform.tfstate].
    #[arg(long, global = true, value_name = "KEY")]
    pub state_key: Option<String>,

    /// The state bucket's region [default: the primary region].
    #[arg(long, global = true, value_name = "REGION")]
    pub state_region: Option<String>,

    /// What the configuration is for: AWS, or the moto emulator (with the
    /// differences listed in the README, and nothing else changed).
    #[arg(long, global = true, value_name = "TARGET", default_value = "aws")]
    pub target: Target,

    /// Synthesize N copies of the app in one document, with the suffixes
    /// <env>-1..<env>-N: for measuring synth at scale (`make bench`).
    #[arg(long, global = true, value_name = "N", hide = true, value_parser = clap::value_parser!(u16).range(1..=500))]
    pub scale: Option<u16>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum ProfileArg {
    /// A demo: AWS-managed keys, a week of logs, fully destroyable.
    Default,
    /// What a payments team runs in production.
    Production,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum PaymentAuthArg {
    /// A JWT of the configured issuer, accepted by both regions.
    Jwt,
    /// Callers sign requests with SigV4; refused by the secondary after a
    /// failover.
    AwsIam,
    /// Open to anyone who reaches the API.
    None,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum BackendArg {
    /// terraform.tfstate beside the configuration.
    Local,
    /// An S3 bucket, locked with a lock file (use_lockfile).
    S3,
}

/// What the configuration is for.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, ValueEnum)]
pub enum Target {
    /// An AWS account.
    #[default]
    Aws,
    /// The moto emulator, with the differences of `emulator::DIFFERENCES`.
    Emulator,
}

fn parse_tag(text: &str) -> Result<(String, String), String> {
    match text.split_once('=') {
        Some((key, value)) if !key.is_empty() => Ok((key.to_owned(), value.to_owned())),
        _ => Err("expected KEY=VALUE, e.g. CostCenter=payments".to_owned()),
    }
}

/// `120`, `120s` or `2m`, in seconds.
pub fn parse_duration(text: &str) -> Result<u32, String> {
    let (number, unit) = match text.strip_suffix('m') {
        Some(minutes) => (minutes, 60),
        None => (text.strip_suffix('s').unwrap_or(text), 1),
    };
    number
        .parse::<u32>()
        .ok()
        .and_then(|n| n.checked_mul(unit))
        .filter(|&seconds| seconds > 0)
        .ok_or_else(|| {
            format!("`{text}` is not a duration; use seconds or minutes, e.g. 120s or 2m")
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn durations() {
        assert_eq!(parse_duration("120s"), Ok(120));
        assert_eq!(parse_duration("2m"), Ok(120));
        assert_eq!(parse_duration("90"), Ok(90));
        for bad in ["", "0s", "ten", "2h", "-5s"] {
            assert!(parse_duration(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn tags() {
        assert_eq!(parse_tag("a=b=c"), Ok(("a".into(), "b=c".into())));
        assert!(parse_tag("novalue").is_err());
        assert!(parse_tag("=x").is_err());
    }
}
