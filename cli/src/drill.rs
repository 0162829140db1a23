//! `synth drill PLAN_JSON`: checks that a saved plan of a failover drill
//! (`terraform plan -var failover_drill=true|false`) moves the drilled
//! health checks' path and changes nothing else, and says what to watch.

use std::fmt::Write;

use constructs::dr::failover_dns::DRILL_PATH;
use serde_json::Value;

/// What a drill plan does.
#[derive(Debug, PartialEq, Eq)]
pub struct DrillPlan {
    /// Drilled health checks whose path moves: address, path before, after.
    pub switched: Vec<(String, String, String)>,
    /// Every other change, as `address: actions (attributes)`.
    pub other: Vec<String>,
}

impl DrillPlan {
    /// Reads the JSON of `terraform show -json <planfile>`; `drilled` are
    /// the addresses of the health checks whose path the drill moves.
    pub fn read(plan: &Value, drilled: &[String]) -> Result<Self, String> {
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
            let path = |side: &str| change["change"][side]["resource_path"].as_str();
            let is_switch = drilled.iter().any(|d| d == address)
                && actions == ["update"]
                && changed == ["resource_path"];
            match (path("before"), path("after")) {
                (Some(before), Some(after)) if is_switch => {
                    switched.push((address.to_owned(), before.to_owned(), after.to_owned()));
                }
                _ => other.push(format!(
                    "{address}: {} ({})",
                    actions.join(", "),
                    if changed.is_empty() {
                        "values known only after apply".to_owned()
                    } else {
                        changed.join(", ")
                    }
                )),
            }
        }
        Ok(Self { switched, other })
    }

    /// `Some(true)` when every switch starts a drill, `Some(false)` when
    /// every one ends it, `None` when there is none or they disagree.
    pub fn starting(&self) -> Option<bool> {
        let starts = self
            .switched
            .iter()
            .filter(|(_, _, after)| after == DRILL_PATH)
            .count();
        match starts {
            0 if !self.switched.is_empty() => Some(false),
            n if n > 0 && n == self.switched.len() => Some(true),
            _ => None,
        }
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

/// What the operator watches during the drill.
pub struct Watch<'a> {
    /// Alarms on the drilled health checks' status.
    pub alarms: Vec<&'a str>,
    /// Dashboards of the stack.
    pub dashboards: Vec<&'a str>,
    /// The worst-case recovery time, when the stack fails over by DNS.
    pub worst_case_seconds: Option<u32>,
}

/// The text `synth drill` prints for a plan that is only the switch.
pub fn render(plan: &DrillPlan, starting: bool, watch: &Watch<'_>) -> String {
    let mut out = String::new();
    let _ = writeln!(
        out,
        "Failover drill: {}",
        if starting {
            "START. The primary's health check probes a path the API does not serve, so it fails \
             whatever the primary's state, and Route 53 answers with the secondary; the primary keeps \
             running, and if it really fails meanwhile, clients stay on the secondary."
        } else {
            "END. The primary's health check probes its real path again; Route 53 answers with the \
             primary once it passes."
        }
    );
    for (address, before, after) in &plan.switched {
        let _ = writeln!(out, "  ~ {address}  resource_path {before} -> {after}");
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
            "End the drill with a plan of -var failover_drill=false (any apply without the variable ends \
             it too; if the configuration changed since, `terraform apply -target=<the check above> \
             -var failover_drill=false` ends the drill alone)."
        );
    }
    out
}

#[cfg(test)]
mod tests {
    use serde_json::json;

    use super::*;

    const CHECK: &str = "aws_route53_health_check.dns_primary_health_check";

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

    fn switch(start: bool) -> Value {
        let (before, after) = if start {
            ("/health", DRILL_PATH)
        } else {
            (DRILL_PATH, "/health")
        };
        change(
            CHECK,
            "aws_route53_health_check",
            &["update"],
            json!({"fqdn": "a", "resource_path": before}),
            json!({"fqdn": "a", "resource_path": after}),
        )
    }

    fn drilled() -> Vec<String> {
        vec![CHECK.to_owned()]
    }

    #[test]
    fn a_plan_moving_only_the_drilled_path_is_a_drill() {
        let plan = json!({"resource_changes": [
            switch(true),
            change("aws_s3_bucket.b", "aws_s3_bucket", &["no-op"], json!({}), json!({})),
        ]});
        let drill = DrillPlan::read(&plan, &drilled()).unwrap();
        assert_eq!(drill.switched.len(), 1);
        assert!(drill.other.is_empty());
        assert_eq!(drill.starting(), Some(true));
        let text = render(
            &drill,
            true,
            &Watch {
                alarms: vec!["payments-primary-health-dev"],
                dashboards: vec!["payments-dr-dev"],
                worst_case_seconds: Some(180),
            },
        );
        assert!(text.starts_with("Failover drill: START"), "{text}");
        assert!(
            text.contains("resource_path /health -> /failover-drill"),
            "{text}"
        );
        assert!(
            text.contains("alarm payments-primary-health-dev: goes to ALARM"),
            "{text}"
        );
        assert!(
            text.contains("within the worst-case recovery time, 180 s"),
            "{text}"
        );
        let end =
            DrillPlan::read(&json!({"resource_changes": [switch(false)]}), &drilled()).unwrap();
        assert_eq!(end.starting(), Some(false));
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
        let drill = DrillPlan::read(&plan, &drilled()).unwrap();
        assert!(drill.switched.is_empty());
        assert_eq!(drill.starting(), None);
        assert_eq!(
            drill.other,
            [
                "aws_route53_health_check.dns_primary_health_check: update (fqdn, resource_path)",
                "aws_s3_bucket.b: delete, create (bucket)",
                "aws_sqs_queue.q: create (values known only after apply)",
            ]
        );
    }

    #[test]
    fn only_the_drilled_checks_count_as_the_switch() {
        let plan = json!({"resource_changes": [switch(true)]});
        let drill = DrillPlan::read(&plan, &[]).unwrap();
        assert!(drill.switched.is_empty());
        assert_eq!(drill.other.len(), 1);
    }

    #[test]
    fn not_a_plan_is_an_error() {
        assert!(DrillPlan::read(&json!({"format_version": "1.2"}), &drilled()).is_err());
    }
}
