//! `synth drill PLAN_JSON`: checks that a saved plan of a failover drill
//! (`terraform plan -var failover_drill=true|false`) flips the drill switch
//! of the health checks and changes nothing else, and says what to watch.

use std::fmt::Write;

use serde_json::Value;

/// What a drill plan does.
#[derive(Debug, PartialEq, Eq)]
pub struct DrillPlan {
    /// Health checks whose `invert_healthcheck` flips, with the new value.
    pub switched: Vec<(String, bool)>,
    /// Every other change, as `address: actions (attributes)`.
    pub other: Vec<String>,
}

impl DrillPlan {
    /// Reads the JSON of `terraform show -json <planfile>`.
    pub fn read(plan: &Value) -> Result<Self, String> {
        let changes = plan["resource_changes"].as_array().ok_or(
            "the file is not the JSON of a saved plan: no `resource_changes`; make it with \
             `terraform show -json drill.tfplan`",
        )?;
        let mut switched = Vec::new();
        let mut other = Vec::new();
        for change in changes {
            let address = change["address"].as_str().unwrap_or_default();
            let actions: Vec<&str> = change["change"]["actions"]
                .as_array()
                .into_iter()
                .flatten()
                .filter_map(Value::as_str)
                .collect();
            if matches!(actions.as_slice(), ["no-op"] | ["read"]) {
                continue;
            }
            let changed = changed_attributes(&change["change"]);
            let is_switch = change["type"] == "aws_route53_health_check"
                && actions == ["update"]
                && changed == ["invert_healthcheck"];
            match change["change"]["after"]["invert_healthcheck"].as_bool() {
                Some(inverted) if is_switch => switched.push((address.to_owned(), inverted)),
                _ => other.push(format!(
                    "{address}: {} ({})",
                    actions.join(", "),
                    if changed.is_empty() {
                        "the whole resource".to_owned()
                    } else {
                        changed.join(", ")
                    }
                )),
            }
        }
        Ok(Self { switched, other })
    }
}

/// The top-level attributes whose values differ before and after.
fn changed_attributes(change: &Value) -> Vec<String> {
    let (Some(before), Some(after)) = (change["before"].as_object(), change["after"].as_object())
    else {
        return Vec::new();
    };
    let unknown = change["after_unknown"].as_object();
    let mut keys: Vec<String> = before
        .keys()
        .chain(after.keys())
        .filter(|key| {
            before.get(*key) != after.get(*key)
                || unknown.is_some_and(|u| u.get(*key).is_some_and(|v| v == true))
        })
        .cloned()
        .collect();
    keys.sort();
    keys.dedup();
    keys
}

/// What the operator sees: the switch, what to watch, how to end; or why
/// the plan is not a drill.
pub struct Watch<'a> {
    /// Alarms on the health checks' status.
    pub alarms: Vec<&'a str>,
    /// Dashboards of the stack.
    pub dashboards: Vec<&'a str>,
    /// The worst-case recovery time, when the stack fails over by DNS.
    pub worst_case_seconds: Option<u32>,
}

/// The text `synth drill` prints for a plan that is only the switch.
pub fn render(plan: &DrillPlan, watch: &Watch<'_>) -> String {
    let starting = plan.switched.iter().any(|(_, inverted)| *inverted);
    let mut out = String::new();
    let _ = writeln!(
        out,
        "Failover drill: {}",
        if starting {
            "START. The primary's health check reports failure while the primary keeps running; \
             Route 53 answers with the secondary."
        } else {
            "END. The health checks report the regions' real state again; Route 53 answers with the primary."
        }
    );
    for (address, inverted) in &plan.switched {
        let _ = writeln!(
            out,
            "  ~ {address}  invert_healthcheck {} -> {inverted}",
            !inverted
        );
    }
    let _ = writeln!(out, "Nothing else changes. Watch:");
    if let Some(seconds) = watch.worst_case_seconds {
        let _ = writeln!(
            out,
            "  - DNS: the failover name answers with the {} within the worst-case recovery time, {seconds} s",
            if starting { "secondary" } else { "primary" }
        );
    }
    for alarm in &watch.alarms {
        let _ = writeln!(
            out,
            "  - alarm {alarm}: {}",
            if starting {
                "goes to ALARM"
            } else {
                "returns to OK"
            }
        );
    }
    for dashboard in &watch.dashboards {
        let _ = writeln!(out, "  - dashboard {dashboard}");
    }
    if starting {
        let _ = writeln!(
            out,
            "End the drill by applying the same configuration with -var failover_drill=false \
             (any apply without the variable ends it too)."
        );
    }
    out
}

#[cfg(test)]
mod tests {
    use serde_json::json;

    use super::*;

    fn change(
        address: &str,
        tf_type: &str,
        actions: &[&str],
        before: Value,
        after: Value,
    ) -> Value {
        json!({
            "address": address, "type": tf_type, "mode": "managed",
            "change": {"actions": actions, "before": before, "after": after, "after_unknown": {}},
        })
    }

    fn switch(inverted: bool) -> Value {
        change(
            "aws_route53_health_check.dns_primary_health_check",
            "aws_route53_health_check",
            &["update"],
            json!({"fqdn": "a", "invert_healthcheck": !inverted}),
            json!({"fqdn": "a", "invert_healthcheck": inverted}),
        )
    }

    #[test]
    fn a_plan_flipping_only_the_switch_is_a_drill() {
        let plan = json!({"resource_changes": [
            switch(true),
            change("aws_s3_bucket.b", "aws_s3_bucket", &["no-op"], json!({}), json!({})),
        ]});
        let drill = DrillPlan::read(&plan).unwrap();
        assert_eq!(
            drill.switched,
            [(
                "aws_route53_health_check.dns_primary_health_check".to_owned(),
                true
            )]
        );
        assert!(drill.other.is_empty());
        let text = render(
            &drill,
            &Watch {
                alarms: vec!["payments-primary-health-dev"],
                dashboards: vec!["payments-dr-dev"],
                worst_case_seconds: Some(180),
            },
        );
        assert!(text.starts_with("Failover drill: START"), "{text}");
        assert!(text.contains("invert_healthcheck false -> true"), "{text}");
        assert!(
            text.contains("alarm payments-primary-health-dev: goes to ALARM"),
            "{text}"
        );
        assert!(
            text.contains("within the worst-case recovery time, 180 s"),
            "{text}"
        );
        let end = DrillPlan::read(&json!({"resource_changes": [switch(false)]})).unwrap();
        assert!(
            render(
                &end,
                &Watch {
                    alarms: vec![],
                    dashboards: vec![],
                    worst_case_seconds: None
                }
            )
            .starts_with("Failover drill: END")
        );
    }

    #[test]
    fn any_other_change_is_listed() {
        let mut other_attribute = switch(true);
        other_attribute["change"]["after"]["fqdn"] = json!("b");
        let plan = json!({"resource_changes": [
            other_attribute,
            change("aws_s3_bucket.b", "aws_s3_bucket", &["delete", "create"], json!({"bucket": "x"}), json!({"bucket": "y"})),
            change("aws_sqs_queue.q", "aws_sqs_queue", &["create"], Value::Null, json!({"name": "q"})),
        ]});
        let drill = DrillPlan::read(&plan).unwrap();
        assert!(drill.switched.is_empty());
        assert_eq!(
            drill.other,
            [
                "aws_route53_health_check.dns_primary_health_check: update (fqdn, invert_healthcheck)",
                "aws_s3_bucket.b: delete, create (bucket)",
                "aws_sqs_queue.q: create (the whole resource)",
            ]
        );
    }

    #[test]
    fn not_a_plan_is_an_error() {
        assert!(DrillPlan::read(&json!({"format_version": "1.2"})).is_err());
    }
}
