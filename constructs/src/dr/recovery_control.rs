//! Manual failover through Route 53 Application Recovery Controller (ARC):
//! a cluster, a control panel, one routing control per region and a safety
//! rule that keeps at least one region on.
//!
//! Route 53's control plane lives in us-east-1, so during a us-east-1
//! outage changing a record or a health check (and so a Terraform-driven
//! drill) may fail. A routing control's state lives in the ARC cluster,
//! whose five regional endpoints are a data plane: switching it needs any
//! one of them, not us-east-1. Each region's failover record follows a
//! health check of type `RECOVERY_CONTROL` that is healthy exactly while the
//! region's routing control is `On`.
//!
//! ARC bills each cluster by the hour (about 2.5 USD, some 1,800 USD a
//! month), so it is an option, never a default; an account may hold two
//! clusters and a cluster 50 control panels, so stacks beyond the first
//! share a cluster (`RecoveryControlProps::cluster_arn`). Its configuration
//! API is served only in us-west-2: the construct takes a provider there.

use crate::bindings::aws::route53recoverycontrolconfig::{
    Route53recoverycontrolconfigCluster as Cluster,
    Route53recoverycontrolconfigControlPanel as ControlPanel,
    Route53recoverycontrolconfigRoutingControl as RoutingControl,
    Route53recoverycontrolconfigSafetyRule as SafetyRule,
    Route53recoverycontrolconfigSafetyRuleRuleConfig as RuleConfig,
};
use crate::core::{Expr, Meta, ProviderRef, Ref, Scope};

use super::role::RegionRole;

/// The only region ARC's recovery control configuration API is served in.
pub const ARC_CONFIG_REGION: &str = "us-west-2";

/// The safety rule's name suffix, the longest a name gets: every name
/// stays within ARC's 64 characters when the base leaves room for it.
const SAFETY_RULE_SUFFIX: &str = "-one-region-on";

/// The longest base name ARC's 64 characters leave room for.
const MAX_NAME_CHARS: usize = 64 - SAFETY_RULE_SUFFIX.len();

/// The safety rule's evaluation period: for this many milliseconds after a
/// change, further changes to the controls fail, which keeps a failover
/// from flapping back and forth.
pub const SAFETY_RULE_WAIT_MS: u32 = 5_000;

/// The settings of [`RecoveryControls`].
pub struct RecoveryControlProps {
    /// A provider in us-west-2 ([`ARC_CONFIG_REGION`]).
    pub provider: ProviderRef,
    /// The base of every name: the cluster and the control panel take it,
    /// the routing controls add `-primary` and `-secondary`, the safety rule
    /// `-one-region-on`. Non-whitespace characters only (ARC's rule), and
    /// at most 50 of them, so the longest name stays within ARC's 64.
    pub name: String,
    /// An existing cluster to create the control panel in (its ARN,
    /// `arn:<partition>:route53-recovery-control::<account>:cluster/<id>`);
    /// `None` creates one. An account holds at most two clusters, and each
    /// costs by the hour, so every stack after the first should share one.
    pub cluster_arn: Option<String>,
}

/// A cluster, its control panel, a routing control per region and the
/// safety rule that refuses to switch both off.
///
/// ```
/// use constructs::core::{AwsProvider, Stack};
/// use constructs::dr::RegionRole;
/// use constructs::dr::recovery_control::{RecoveryControlProps, RecoveryControls};
///
/// let mut stack = Stack::new("orders");
/// let oregon = stack.provider(AwsProvider::new("recovery_control", "us-west-2"));
/// let controls = RecoveryControls::new(
///     &mut stack.scope(&oregon),
///     RecoveryControlProps { provider: oregon.clone(), name: "orders-prod".into(), cluster_arn: None },
/// );
/// assert_eq!(
///     controls.routing_control(RegionRole::Secondary).address(),
///     "aws_route53recoverycontrolconfig_routing_control.recovery_control_secondary"
/// );
/// stack.synth().unwrap();
/// ```
pub struct RecoveryControls {
    /// The cluster the stack created (its `cluster_endpoints` are where
    /// states are switched); `None` when it uses an existing one.
    pub cluster: Option<Ref<Cluster>>,
    /// The control panel grouping the routing controls.
    pub control_panel: Ref<ControlPanel>,
    /// The primary's and the secondary's routing controls, in that order.
    pub routing_controls: [(RegionRole, Ref<RoutingControl>); 2],
    /// At least one routing control stays `On`.
    pub safety_rule: Ref<SafetyRule>,
}

impl RecoveryControls {
    /// Creates the controls under `<scope>/recovery_control`, through
    /// `props.provider`.
    pub fn new(scope: &mut Scope<'_>, props: RecoveryControlProps) -> Self {
        let region = props.provider.region();
        if region != ARC_CONFIG_REGION {
            scope.error(
                format!("recovery controls through a provider in {region}"),
                format!(
                    "ARC serves its configuration API only in {ARC_CONFIG_REGION}: declare a provider there \
                     and pass it as RecoveryControlProps::provider"
                ),
            );
        }
        let name = &props.name;
        if name.is_empty()
            || name.chars().any(char::is_whitespace)
            || name.chars().count() > MAX_NAME_CHARS
        {
            scope.error(
                format!("recovery control name `{name}`"),
                format!(
                    "ARC names are 1 to 64 non-whitespace characters, and the safety rule adds \
                     `{SAFETY_RULE_SUFFIX}`: use 1 to {MAX_NAME_CHARS} characters without spaces"
                ),
            );
        }
        if let Some(arn) = &props.cluster_arn
            && !is_cluster_arn(arn)
        {
            scope.error(
                format!("recovery control cluster `{arn}` is not a cluster ARN"),
                "give the ARN `aws route53-recovery-control-config list-clusters --region us-west-2` \
                 prints: arn:aws:route53-recovery-control::<account>:cluster/<id>",
            );
        }
        let mut scope = scope.child_in("recovery_control", &props.provider);
        let (cluster, cluster_arn) = match props.cluster_arn {
            Some(arn) => (None, Expr::literal(arn)),
            None => {
                let cluster = scope.resource("cluster", Cluster::new(name));
                let arn = cluster.arn();
                (Some(cluster), arn)
            }
        };
        let control_panel = scope.resource(
            "control_panel",
            ControlPanel::new(cluster_arn.clone(), name),
        );
        // One create at a time on a control panel: ARC answers 409 to
        // simultaneous changes, and provider 5.x can lose a created control
        // from state on that answer (hashicorp/terraform-provider-aws#47034).
        let mut previous: Option<Ref<RoutingControl>> = None;
        let routing_controls = [RegionRole::Primary, RegionRole::Secondary].map(|role| {
            let meta = match &previous {
                Some(control) => Meta::default().depends_on(control),
                None => Meta::default(),
            };
            let control = scope.resource_with(
                role.id(),
                RoutingControl {
                    control_panel_arn: Some(control_panel.arn()),
                    ..RoutingControl::new(cluster_arn.clone(), format!("{name}-{}", role.id()))
                },
                meta,
            );
            previous = Some(control.clone());
            (role, control)
        });
        let safety_rule = scope.resource(
            "one_region_on",
            SafetyRule {
                // An assertion rule: at least one of the asserted controls on.
                asserted_controls: Some(
                    routing_controls
                        .iter()
                        .map(|(_, control)| control.arn())
                        .collect(),
                ),
                ..SafetyRule::new(
                    control_panel.arn(),
                    format!("{name}{SAFETY_RULE_SUFFIX}"),
                    SAFETY_RULE_WAIT_MS,
                    RuleConfig::new(false, 1, "ATLEAST"),
                )
            },
        );
        Self {
            cluster,
            control_panel,
            routing_controls,
            safety_rule,
        }
    }

    /// The routing control of `role`'s region.
    pub fn routing_control(&self, role: RegionRole) -> &Ref<RoutingControl> {
        &self
            .routing_controls
            .iter()
            .find(|(r, _)| *r == role)
            .expect("both roles have a routing control")
            .1
    }
}

/// `arn:<partition>:route53-recovery-control::<account>:cluster/<id>`.
fn is_cluster_arn(arn: &str) -> bool {
    let parts: Vec<&str> = arn.splitn(6, ':').collect();
    matches!(
        parts.as_slice(),
        ["arn", partition, "route53-recovery-control", "", account, resource]
            if !partition.is_empty()
                && account.len() == 12
                && account.bytes().all(|b| b.is_ascii_digit())
                && resource.strip_prefix("cluster/").is_some_and(|id| !id.is_empty())
    )
}

#[cfg(test)]
mod tests {
    use serde_json::json;

    use super::*;
    use crate::core::{AwsProvider, Stack};
    use crate::dr::failover_dns::drill_variable;
    use crate::dr::fixtures::failover_dns;
    use crate::dr::report::DrReport;
    use crate::testing::{resource, synth, synth_errors};

    /// Failover DNS between eu-west-1 and eu-central-1 with recovery control
    /// through a provider in `arc_region`.
    fn stack(arc_region: &str, name: &str, drill: bool) -> Stack {
        stack_in(arc_region, name, drill, None)
    }

    fn stack_in(arc_region: &str, name: &str, drill: bool, cluster_arn: Option<&str>) -> Stack {
        let mut stack = Stack::new("orders");
        let west = stack.provider(AwsProvider::new("west", "eu-west-1"));
        let central = stack.provider(AwsProvider::new("central", "eu-central-1"));
        let arc = stack.provider(AwsProvider::new("arc", arc_region));
        let drill = drill.then(|| drill_variable(&mut stack.scope(&west)));
        failover_dns(
            &mut stack,
            [&west, &central],
            false,
            drill,
            Some(RecoveryControlProps {
                provider: arc,
                name: name.to_owned(),
                cluster_arn: cluster_arn.map(str::to_owned),
            }),
        );
        stack
    }

    /// ARC answers 409 to simultaneous changes on one control panel: its
    /// controls are created one after the other, and the safety rule after
    /// both (it names them).
    #[test]
    fn the_routing_controls_of_a_panel_are_created_one_at_a_time() {
        let document = synth(&stack("us-west-2", "orders-test", false));
        let control = |role: &str| {
            resource(
                &document,
                "aws_route53recoverycontrolconfig_routing_control",
                &format!("names_recovery_control_{role}"),
            )
        };
        assert_eq!(control("primary").get("depends_on"), None);
        assert_eq!(
            control("secondary")["depends_on"],
            json!([
                "aws_route53recoverycontrolconfig_routing_control.names_recovery_control_primary"
            ])
        );
    }

    /// With recovery control, the failover aliases do not evaluate their
    /// target's health: only the routing controls move traffic. Without it,
    /// they do.
    #[test]
    fn manual_failover_aliases_do_not_follow_the_targets_health() {
        for manual in [true, false] {
            let mut stack = Stack::new("orders");
            let west = stack.provider(AwsProvider::new("west", "eu-west-1"));
            let central = stack.provider(AwsProvider::new("central", "eu-central-1"));
            let arc = stack.provider(AwsProvider::new("arc", "us-west-2"));
            let controls = manual.then(|| RecoveryControlProps {
                provider: arc.clone(),
                name: "orders-test".to_owned(),
                cluster_arn: None,
            });
            failover_dns(&mut stack, [&west, &central], true, None, controls);
            let document = synth(&stack);
            for role in ["primary", "secondary"] {
                let record = resource(
                    &document,
                    "aws_route53_record",
                    &format!("names_{role}_failover_record"),
                );
                assert_eq!(
                    record["alias"]["evaluate_target_health"], !manual,
                    "{role}, recovery control {manual}"
                );
            }
        }
    }

    #[test]
    fn the_failover_records_follow_the_routing_controls_and_one_region_stays_on() {
        let document = synth(&stack("us-west-2", "orders-test", false));
        let control = |role: &str| {
            format!(
                "${{aws_route53recoverycontrolconfig_routing_control.names_recovery_control_{role}.arn}}"
            )
        };
        for role in ["primary", "secondary"] {
            let record = resource(
                &document,
                "aws_route53_record",
                &format!("names_{role}_failover_record"),
            );
            assert_eq!(
                record["health_check_id"],
                format!(
                    "${{aws_route53_health_check.names_{role}_routing_control_health_check.id}}"
                )
            );
            let check = resource(
                &document,
                "aws_route53_health_check",
                &format!("names_{role}_routing_control_health_check"),
            );
            assert_eq!(check["type"], "RECOVERY_CONTROL");
            assert_eq!(check["routing_control_arn"], control(role));
            // The HTTPS check stays, for the alarms.
            let probe = resource(
                &document,
                "aws_route53_health_check",
                &format!("names_{role}_health_check"),
            );
            assert_eq!(probe["type"], "HTTPS");
        }
        let rule = resource(
            &document,
            "aws_route53recoverycontrolconfig_safety_rule",
            "names_recovery_control_one_region_on",
        );
        assert_eq!(
            rule["rule_config"],
            json!({"inverted": false, "threshold": 1, "type": "ATLEAST"})
        );
        assert_eq!(
            rule["asserted_controls"],
            json!([control("primary"), control("secondary")])
        );
        assert_eq!(rule["name"], "orders-test-one-region-on");
        assert_eq!(rule["provider"], "aws.arc");

        let report = DrReport::of(&document);
        assert_eq!(report.failover, None);
        let manual = report.manual_failover.clone().unwrap();
        assert_eq!(
            manual.switch_off,
            ["aws_route53recoverycontrolconfig_routing_control.names_recovery_control_primary"]
        );
        // 30 s propagation + the CNAME's 30 s TTL.
        assert_eq!(manual.after_switch_seconds, 60);
        assert!(
            !report
                .gaps
                .iter()
                .any(|gap| gap.contains("no DNS failover")),
            "{:?}",
            report.gaps
        );
        let text = report.to_string();
        assert!(text.contains("manual, through Route 53 ARC"), "{text}");
        let refused = report.with_target(Some(120)).check_target().unwrap_err();
        assert!(
            refused.to_string().contains("failover is manual"),
            "{refused}"
        );
    }

    #[test]
    fn recovery_control_outside_us_west_2_with_a_bad_name_or_a_drill_is_refused() {
        let errors = synth_errors(&stack("us-east-1", "two words", true));
        for expected in [
            "recovery controls through a provider in us-east-1",
            "ARC serves its configuration API only in us-west-2",
            "recovery control name `two words`",
            "a drill variable with recovery control",
        ] {
            assert!(
                errors.iter().any(|e| e.contains(expected)),
                "{expected}: {errors:#?}"
            );
        }
        let long = "n".repeat(51);
        let errors = synth_errors(&stack("us-west-2", &long, false));
        assert_eq!(errors.len(), 1, "{errors:#?}");
        assert!(errors[0].contains("use 1 to 50 characters"), "{errors:#?}");
    }

    #[test]
    fn an_existing_cluster_is_shared_and_a_malformed_arn_is_refused() {
        let arn = "arn:aws:route53-recovery-control::123456789012:cluster/0123abcd";
        let document = synth(&stack_in("us-west-2", "orders-test", false, Some(arn)));
        assert!(
            document
                .resources("aws_route53recoverycontrolconfig_cluster")
                .next()
                .is_none()
        );
        let panel = resource(
            &document,
            "aws_route53recoverycontrolconfig_control_panel",
            "names_recovery_control_control_panel",
        );
        assert_eq!(panel["cluster_arn"], arn);
        for bad in [
            "arn:aws:route53-recovery-control::123456789012:controlpanel/0123abcd",
            "arn:aws:route53-recovery-control::1234:cluster/0123abcd",
            "0123abcd",
        ] {
            let errors = synth_errors(&stack_in("us-west-2", "orders-test", false, Some(bad)));
            assert!(
                errors.iter().any(|e| e.contains(&format!(
                    "recovery control cluster `{bad}` is not a cluster ARN"
                ))),
                "{bad}: {errors:#?}"
            );
        }
    }
}
