//! The settings of one payments DR deployment, and their validation.

use std::collections::BTreeMap;

use constructs::core::{Backend, Diagnostics, Error};
use constructs::dr::failover_dns::{HealthCheck, is_reserved_domain};
use constructs::dr::report::{ALIAS_TARGET_TTL_SECONDS, RecoveryTime};
use constructs::rules::{self, Posture};

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

/// How `POST /payment` is authorized.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum PaymentAuth {
    /// A JWT from the configured issuer, verified by API Gateway in each
    /// region against the issuer's published keys (the default): the same
    /// token is accepted by both regions, so payments survive a failover.
    #[default]
    Jwt,
    /// Callers sign requests with SigV4. A signature names its region, so
    /// after a failover the secondary refuses every request signed for the
    /// primary until clients sign for the secondary.
    AwsIam,
    /// Anyone who reaches the API may call it; only for demos behind
    /// another gate.
    None,
}

impl PaymentAuth {
    pub const ALL: [Self; 3] = [Self::Jwt, Self::AwsIam, Self::None];

    /// The name used by the flag and the config file.
    pub fn name(self) -> &'static str {
        match self {
            Self::Jwt => "jwt",
            Self::AwsIam => "aws-iam",
            Self::None => "none",
        }
    }

    /// The route's `authorization_type`.
    pub fn authorization_type(self) -> &'static str {
        match self {
            Self::Jwt => "JWT",
            Self::AwsIam => "AWS_IAM",
            Self::None => "NONE",
        }
    }
}

/// The JWT authorizer of `POST /payment`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct JwtSettings {
    /// The `iss` of accepted tokens, an `https://` URL whose
    /// `/.well-known/openid-configuration` API Gateway reads the keys from.
    /// `None` is a placeholder that `terraform plan` refuses.
    pub issuer: Option<String>,
    /// Accepted `aud` (or `client_id`) values.
    pub audience: Vec<String>,
    /// Scopes `POST /payment` requires, one of which a token must carry:
    /// nothing else tells an access token from an ID token with the same
    /// audience, which should not pay.
    pub scopes: Vec<String>,
}

/// The scope a token needs to pay, unless `--jwt-scope` says otherwise
/// (Cognito's form, `<resource server>/<scope>`).
pub const DEFAULT_JWT_SCOPE: &str = "payments/write";

impl Default for JwtSettings {
    fn default() -> Self {
        Self {
            issuer: None,
            audience: vec!["payments-api".to_owned()],
            scopes: vec![DEFAULT_JWT_SCOPE.to_owned()],
        }
    }
}

/// Stands in for an unset issuer: a documentation domain (RFC 2606) that
/// can never issue tokens, refused by `terraform plan` on AWS.
pub const PLACEHOLDER_JWT_ISSUER: &str = "https://idp.example.com/";

/// Lambda concurrency reserved in the production profile, none by default:
/// a region's quota must leave [`UNRESERVED_CONCURRENCY_MINIMUM`]
/// unreserved, and a new account's quota is below that (AWS raises it with
/// use), so any reservation would stop its first apply.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct ConcurrencySettings {
    /// Kept for the payment function in each region.
    pub payment: Option<u32>,
    /// Kept for the queue replicator in the primary region; also the most
    /// batches its event source mapping runs at once.
    pub replicator: Option<u32>,
    /// The account's "Concurrent executions" quota in each region, as the
    /// operator states it; `terraform plan` reads the real one too.
    pub account_quota: Option<u32>,
}

/// Concurrency AWS always leaves unreserved in a region.
pub const UNRESERVED_CONCURRENCY_MINIMUM: u32 = 100;

impl ConcurrencySettings {
    /// What the stack reserves in the primary region: the payment function
    /// and the replicator.
    pub fn primary_reserved(&self) -> u32 {
        self.payment.unwrap_or(0) + self.replicator.unwrap_or(0)
    }

    /// What the stack reserves in the secondary region: the payment
    /// function (the secondary runs no replicator).
    pub fn secondary_reserved(&self) -> u32 {
        self.payment.unwrap_or(0)
    }
}

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
    pub const ALL: [Self; 2] = [Self::Default, Self::Production];

    pub fn name(self) -> &'static str {
        match self {
            Self::Default => "default",
            Self::Production => "production",
        }
    }

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

/// The Route 53 health checks on `/health`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct HealthCheckSettings {
    /// Seconds between checks: 10 (fast) or 30 (standard).
    pub interval_seconds: u32,
    /// Consecutive failures before an endpoint is unhealthy: 1-10.
    pub failure_threshold: u32,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Config {
    /// Suffix carried by every name, e.g. `dev` in `transactions-dev`.
    pub env: String,
    pub primary_region: String,
    pub secondary_region: String,
    /// The hosted zone's domain; `None` means `payments-{env}.example.com`.
    pub domain: Option<String>,
    /// An existing hosted zone to use instead of creating one.
    pub hosted_zone_id: Option<String>,
    /// Regional API Gateway custom domains with ACM certificates behind the
    /// failover name. Off for an undelegated demo domain, where certificates
    /// cannot validate.
    pub custom_domains: bool,
    pub health_check: HealthCheckSettings,
    /// TTL of the failover records when custom domains are off (alias
    /// records take the TTL of their target).
    pub dns_ttl_seconds: u32,
    /// Subscribed by email to both regions' alarm topics.
    pub alert_email: Option<String>,
    pub payment_auth: PaymentAuth,
    pub jwt: JwtSettings,
    /// Reserved concurrency of the functions (production profile).
    pub concurrency: ConcurrencySettings,
    /// Refuse a configuration whose worst-case recovery time exceeds this.
    pub rto_target_seconds: Option<u32>,
    /// Manual failover through Route 53 ARC routing controls instead of
    /// automatic failover on the health checks.
    pub recovery_control: bool,
    /// The existing ARC cluster to use; `None` creates one.
    pub recovery_control_cluster: Option<String>,
    /// Extra tags on every resource, beside the DR tags.
    pub tags: BTreeMap<String, String>,
    /// Where Terraform keeps the state: local by default, or an S3 bucket
    /// that exists already and that the stack never manages.
    pub backend: Backend,
    pub profile: Profile,
}

/// Tags drsynth sets itself on every resource.
pub const RESERVED_TAGS: &[&str] = &["Environment", "Region-Role", "DR-Tier"];

impl Default for Config {
    fn default() -> Self {
        Self {
            env: "dev".to_owned(),
            primary_region: "us-east-1".to_owned(),
            secondary_region: "us-east-2".to_owned(),
            domain: None,
            hosted_zone_id: None,
            custom_domains: true,
            health_check: HealthCheckSettings {
                interval_seconds: 30,
                failure_threshold: 3,
            },
            dns_ttl_seconds: 60,
            alert_email: None,
            payment_auth: PaymentAuth::Jwt,
            jwt: JwtSettings::default(),
            concurrency: ConcurrencySettings::default(),
            rto_target_seconds: None,
            recovery_control: false,
            recovery_control_cluster: None,
            tags: BTreeMap::new(),
            backend: Backend::Local,
            profile: Profile::Default,
        }
    }
}

impl Config {
    /// The hosted zone's domain.
    pub fn domain(&self) -> String {
        self.domain
            .clone()
            .unwrap_or_else(|| format!("payments-{}.example.com", self.env))
    }

    /// The name clients call: `api.<domain>`.
    pub fn api_domain(&self) -> String {
        format!("api.{}", self.domain())
    }

    /// The name of one region's API, which its health check probes through
    /// the same kind of custom domain clients use: `api-<region>.<domain>`.
    pub fn regional_api_domain(&self, region: &str) -> String {
        format!("api-{region}.{}", self.domain())
    }

    /// How long a failover takes with these settings.
    pub fn recovery_time(&self) -> RecoveryTime {
        RecoveryTime {
            health_check_interval_seconds: self.health_check.interval_seconds,
            failure_threshold: self.health_check.failure_threshold,
            client_dns_cache_seconds: if self.custom_domains {
                ALIAS_TARGET_TTL_SECONDS
            } else {
                self.dns_ttl_seconds
            },
        }
    }

    /// The health checks of both regions' `/health`.
    pub fn health_check(&self) -> HealthCheck {
        HealthCheck {
            path: "/health".to_owned(),
            interval_seconds: self.health_check.interval_seconds,
            failure_threshold: self.health_check.failure_threshold,
        }
    }

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

    /// Known gaps of the configuration, for the DR report.
    pub fn gaps(&self) -> Vec<String> {
        let mut gaps = Vec::new();
        if self.profile.is_production() {
            gaps.push(format!(
                "the table's replica in {} has no deletion protection: the replica's own setting needs \
                 hashicorp/aws 6.9 or later, and drsynth pins ~> 5.100; delete it only through Terraform, \
                 which prevent_destroy guards",
                self.secondary_region
            ));
            gaps.push(
                "the functions' dead-letter queues catch failed asynchronous invocations only: a failed \
                 payment is answered to its caller (synchronous), and a failed replication returns to the \
                 queue and ends in the queue's own dead-letter queue"
                    .to_owned(),
            );
            if self.concurrency.payment.is_none() {
                gaps.push(
                    "no concurrency is reserved for the payment function: other functions of the account \
                     share its region's quota and can take it in a spike; reserve with \
                     --payment-reserved-concurrency once the quota allows (terraform plan checks it)"
                        .to_owned(),
                );
            }
        }
        if self.alert_email.is_none() {
            gaps.push("no alert email: alarms notify topics nobody is subscribed to".to_owned());
        }
        gaps
    }

    /// The issuer of accepted tokens, or the placeholder.
    pub fn jwt_issuer(&self) -> &str {
        self.jwt.issuer.as_deref().unwrap_or(PLACEHOLDER_JWT_ISSUER)
    }

    /// Settings that synthesize but leave the stack weaker than it looks;
    /// synth prints each, and the DR report repeats what matters on failover.
    /// `for_aws` is false for the emulator target, which keeps the demo
    /// domain and issuer on purpose.
    pub fn warnings(&self, for_aws: bool) -> Vec<String> {
        let mut warnings = Vec::new();
        if for_aws && self.recovery_control {
            warnings.push(
                format!(
                    "--recovery-control: {}; routing controls start Off: after the first apply switch both On \
                     (README, \"Manual failover with Route 53 ARC\")",
                    if self.recovery_control_cluster.is_some() {
                        "the control panel goes into the existing cluster"
                    } else {
                        "a new ARC cluster costs about 2.5 USD an hour and an account holds two; share one \
                         with --recovery-control-cluster"
                    }
                ),
            );
        }
        if self.alert_email.is_none() {
            warnings.push(
                "no --alert-email: every alarm notifies the regions' alarm topics, which nobody is subscribed to; \
                 pass --alert-email oncall@your-domain (confirm the email AWS sends), or subscribe a pager to the \
                 topics (see \"First apply on a real account\" in the README)"
                    .to_owned(),
            );
        }
        if self.payment_auth == PaymentAuth::AwsIam {
            warnings.push(format!(
                "--payment-auth aws-iam: {}",
                self.authorization_on_failover()
            ));
        }
        if for_aws && self.payment_auth == PaymentAuth::Jwt && self.jwt.issuer.is_none() {
            warnings.push(format!(
                "no --jwt-issuer: the placeholder {PLACEHOLDER_JWT_ISSUER} can issue no token, and `terraform plan` \
                 refuses it on AWS; pass the issuer of your identity provider"
            ));
        }
        if for_aws && self.hosted_zone_id.is_none() && is_reserved_domain(&self.domain()) {
            warnings.push(format!(
                "the domain {} is reserved (RFC 2606) and Route 53 refuses to host it, so `terraform plan` stops; \
                 pass --domain with a domain you own, or --hosted-zone-id of an existing zone",
                self.domain()
            ));
        }
        if !self.profile.is_production() && self.concurrency != ConcurrencySettings::default() {
            warnings.push(
                "reserved concurrency is part of the production profile; the default profile reserves none, \
                 so the concurrency settings have no effect"
                    .to_owned(),
            );
        }
        warnings
    }

    /// When traffic returns to the primary after a failover, and how an
    /// operator holds it until the writes taken in the secondary are back.
    pub fn failback(&self) -> String {
        let (secondary, env) = (&self.secondary_region, &self.env);
        let alarms = format!(
            "payments-replication-latency-{secondary}-{env} and payments-conflicts-replication-latency-{secondary}-{env}"
        );
        if self.recovery_control {
            return format!(
                "manual: switch the primary's routing control on once the secondary's alarms {alarms} are OK \
                 (replication of the writes taken since the failover has caught up)"
            );
        }
        format!(
            "automatic: Route 53 answers with the primary again once its health check passes, whether or not \
             the writes taken in {secondary} since the failover have replicated back (alarms {alarms} in \
             {secondary}). To hold it, turn the drill on while the primary is down: `scripts/terraform.sh \
             -chdir=terraform apply -refresh=false -target=aws_route53_health_check.dns_primary_health_check \
             -var failover_drill=true` (no refresh: the primary's API is not called), and `make drill-end` once \
             both alarms are OK"
        )
    }

    /// What happens to an authorized client when DNS fails over.
    pub fn authorization_on_failover(&self) -> String {
        match self.payment_auth {
            PaymentAuth::Jwt => format!(
                "JWT from {} (audience {}, scope {}), verified by API Gateway in each region against the issuer's keys: \
                 a token the primary accepts is accepted by the secondary after failover, as long as the issuer \
                 and its keys stay reachable from both regions during an outage of either (a Cognito user pool \
                 in one region defeats it); a region that refuses most payments while its /health stays 200 \
                 raises payments-refused-<region>-{}",
                self.jwt_issuer(),
                self.jwt.audience.join(", "),
                self.jwt.scopes.join(" or "),
                self.env
            ),
            PaymentAuth::AwsIam => format!(
                "SigV4 signatures name their region: after failover the secondary ({}) answers 403 to every \
                 payment signed for the primary ({}) until clients sign for {} themselves, while /health stays \
                 200, so Route 53 sees nothing wrong; use --payment-auth jwt for payments that survive failover",
                self.secondary_region, self.primary_region, self.secondary_region
            ),
            PaymentAuth::None => {
                "none: anyone who reaches the API may post payments, in either region".to_owned()
            }
        }
    }

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

    fn jwt_errors(&self) -> Vec<Error> {
        let mut errors = Vec::new();
        if let Some(issuer) = &self.jwt.issuer {
            let host = issuer
                .strip_prefix("https://")
                .map(|rest| rest.split(['/', ':']).next().unwrap_or_default());
            match host {
                Some(host) if is_reserved_domain(host) => errors.push(Error::invalid_setting(
                    "JWT issuer",
                    issuer,
                    "example.com, example.net and example.org are documentation domains (RFC 2606): no identity provider issues tokens there",
                    "use the issuer URL of your identity provider, e.g. https://login.acme-corp.io/",
                )),
                Some(host) if is_domain(host) => {
                    let primary_pool = format!("cognito-idp.{}.amazonaws.com", self.primary_region);
                    if host == primary_pool {
                        errors.push(Error::invalid_setting(
                            "JWT issuer",
                            issuer,
                            format!(
                                "it is a Cognito user pool in the primary region {}: when that region fails, \
                                 clients can get no new tokens and the secondary's authorizer cannot fetch the \
                                 pool's keys, so payments stop exactly when they should fail over",
                                self.primary_region
                            ),
                            "use an identity provider that does not live in the primary region (a global \
                             one, or a pool in the secondary region with a plan to recover it)",
                        ));
                    }
                }
                _ => errors.push(Error::invalid_setting(
                    "JWT issuer",
                    issuer,
                    "API Gateway accepts only an https:// URL with a DNS host name as a JWT issuer",
                    "use the issuer URL of your identity provider, e.g. https://login.acme-corp.io/",
                )),
            }
        }
        if !is_token_value_list(&self.jwt.audience) {
            errors.push(Error::invalid_setting(
                "JWT audience",
                self.jwt.audience.join(","),
                "API Gateway needs at least one audience, each 1-256 characters without spaces",
                "name the audience (or client id) your identity provider puts in the tokens, e.g. payments-api",
            ));
        }
        if !is_token_value_list(&self.jwt.scopes) {
            errors.push(Error::invalid_setting(
                "JWT scope",
                self.jwt.scopes.join(","),
                "a payment needs a token with at least one scope (without one, an ID token with the audience \
                 pays), each 1-256 characters without spaces",
                "name the scope your identity provider grants payment clients, e.g. --jwt-scope payments/write",
            ));
        }
        errors
    }

    fn concurrency_errors(&self) -> Vec<Error> {
        let mut errors = Vec::new();
        let settings = self.concurrency;
        if settings.payment == Some(0) {
            errors.push(Error::invalid_setting(
                "payment reserved concurrency",
                0,
                "a reservation of 0 stops the function: every payment would be throttled",
                "reserve at least 1 (100 matches the API's sustained 100 requests per second), or none (the default)",
            ));
        }
        // An SQS event source mapping runs at least 2 batches at once, and
        // its maximum concurrency is held within the reservation.
        if let Some(replicator) = settings.replicator
            && !(2..=1000).contains(&replicator)
        {
            errors.push(Error::invalid_setting(
                "replicator reserved concurrency",
                replicator,
                "the queue trigger's maximum concurrency, kept equal to the reservation, must be 2-1000",
                "reserve 2-1000, or none (the trigger then runs at most 10 batches at once)",
            ));
        }
        let primary_needs = settings.primary_reserved() + UNRESERVED_CONCURRENCY_MINIMUM;
        if let Some(quota) = settings.account_quota
            && settings.primary_reserved() > 0
            && primary_needs > quota
        {
            errors.push(Error::invalid_setting(
                "Lambda concurrency quota",
                quota,
                format!(
                    "reserving {} for the payment function and {} for the replicator needs a quota of at \
                     least {primary_needs} concurrent executions in {}: AWS keeps \
                     {UNRESERVED_CONCURRENCY_MINIMUM} unreserved, and applying would fail",
                    settings.payment.unwrap_or(0),
                    settings.replicator.unwrap_or(0),
                    self.primary_region
                ),
                "request a higher \"Concurrent executions\" quota in Service Quotas for both regions and pass \
                 --lambda-concurrency-quota with it, or lower --payment-reserved-concurrency and \
                 --replicator-reserved-concurrency",
            ));
        }
        errors
    }

    fn health_check_errors(&self) -> Vec<Error> {
        let mut errors = Vec::new();
        let settings = self.health_check;
        if ![10, 30].contains(&settings.interval_seconds) {
            errors.push(Error::invalid_setting(
                "health-check interval",
                settings.interval_seconds,
                "Route 53 checks every 10 or every 30 seconds, nothing else",
                "use 30 (standard) or 10 (fast, detects failure three times sooner)",
            ));
        }
        if !(1..=10).contains(&settings.failure_threshold) {
            errors.push(Error::invalid_setting(
                "health-check failure threshold",
                settings.failure_threshold,
                "Route 53 accepts 1-10 consecutive failures",
                "use a value from 1 to 10; 3 is the usual balance of speed and flapping",
            ));
        }
        errors
    }

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

/// What API Gateway takes as a JWT authorizer's audiences or a route's
/// scopes: at least one value, each 1-256 characters without spaces.
fn is_token_value_list(values: &[String]) -> bool {
    !values.is_empty()
        && values
            .iter()
            .all(|v| !v.is_empty() && v.len() <= 256 && !v.contains(char::is_whitespace))
}

fn is_domain(domain: &str) -> bool {
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
