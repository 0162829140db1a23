//! What synth and the DR report say about the settings: the known gaps,
//! the warnings, failback, and what failover does to authorized clients.

use constructs::dr::failover_dns::is_reserved_domain;

use super::{ConcurrencySettings, Config, PLACEHOLDER_JWT_ISSUER, PaymentAuth};

impl Config {
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
}
