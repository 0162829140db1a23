//! A typed summary of a saved plan (`terraform show -json <planfile>`):
//! changes grouped by region and construct, each replacement with what
//! forces it, and a refusal when stateful data would be destroyed.

use std::collections::BTreeMap;
use std::fmt::Write;

use serde_json::Value;

/// Resource types whose destruction loses data or breaks clients. A KMS
/// key's loss makes everything it encrypted unreadable; a key-signing key's
/// makes resolvers reject the signed zone.
pub const STATEFUL_TYPES: [&str; 7] = [
    "aws_dynamodb_table",
    "aws_s3_bucket",
    "aws_route53_zone",
    "aws_sqs_queue",
    "aws_acm_certificate",
    "aws_kms_key",
    "aws_route53_key_signing_key",
];

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Action {
    Create,
    Update,
    Replace,
    Destroy,
    Move,
}

impl Action {
    fn symbol(self) -> &'static str {
        match self {
            Self::Create => "+  ",
            Self::Update => "~  ",
            Self::Replace => "-/+",
            Self::Destroy => "-  ",
            Self::Move => "-> ",
        }
    }
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Change {
    pub address: String,
    pub resource_type: String,
    pub action: Action,
    pub region: String,
    pub construct: String,
    /// For a replacement: the attributes that force it, or why.
    pub cause: Option<String>,
    /// For a move: where it was.
    pub moved_from: Option<String>,
}

impl Change {
    pub fn loses_data(&self) -> bool {
        matches!(self.action, Action::Replace | Action::Destroy)
            && STATEFUL_TYPES.contains(&self.resource_type.as_str())
    }
}

/// The changes of a plan; `constructs` maps addresses to construct paths.
pub fn changes(plan: &Value, constructs: &BTreeMap<String, String>) -> Result<Vec<Change>, String> {
    let resource_changes = plan["resource_changes"]
        .as_array()
        .ok_or("the file is not the JSON of a saved plan: no `resource_changes`; make it with `terraform show -json tfplan`")?;
    let regions = provider_regions(plan);
    let providers = resource_providers(plan);
    let mut changes = Vec::new();
    for change in resource_changes {
        let address = change["address"].as_str().unwrap_or_default().to_owned();
        if address.starts_with("data.") || change["mode"] == "data" {
            continue;
        }
        let actions: Vec<&str> = change["change"]["actions"]
            .as_array()
            .into_iter()
            .flatten()
            .filter_map(Value::as_str)
            .collect();
        let moved_from = change["previous_address"].as_str().map(str::to_owned);
        let action = match actions.as_slice() {
            ["create"] => Action::Create,
            ["update"] => Action::Update,
            ["delete"] => Action::Destroy,
            ["delete", "create"] | ["create", "delete"] => Action::Replace,
            ["no-op"] if moved_from.is_some() => Action::Move,
            _ => continue,
        };
        let cause = (action == Action::Replace).then(|| replacement_cause(change));
        let provider = providers
            .get(address.as_str())
            .cloned()
            .or_else(|| change["provider_name"].as_str().map(|_| "aws".to_owned()))
            .unwrap_or_default();
        changes.push(Change {
            resource_type: change["type"].as_str().unwrap_or_default().to_owned(),
            region: regions
                .get(&provider)
                .cloned()
                .unwrap_or_else(|| "unknown region".to_owned()),
            construct: constructs
                .get(&address)
                .cloned()
                .unwrap_or_else(|| "(not in the current configuration)".to_owned()),
            address,
            action,
            cause,
            moved_from,
        });
    }
    Ok(changes)
}

fn replacement_cause(change: &Value) -> String {
    let paths: Vec<String> = change["change"]["replace_paths"]
        .as_array()
        .into_iter()
        .flatten()
        .map(|path| {
            path.as_array()
                .into_iter()
                .flatten()
                .map(|step| match step {
                    Value::String(name) => name.clone(),
                    other => other.to_string(),
                })
                .collect::<Vec<_>>()
                .join(".")
        })
        .collect();
    if !paths.is_empty() {
        return format!("{} forces replacement", paths.join(", "));
    }
    match change["action_reason"].as_str() {
        Some("replace_because_tainted") => "the resource is tainted".to_owned(),
        Some("replace_by_request") => "replacement was requested (-replace)".to_owned(),
        Some(reason) => reason.replace('_', " "),
        None => "the provider requires it".to_owned(),
    }
}

/// `aws.primary` -> `us-east-1`, from the plan's configuration.
fn provider_regions(plan: &Value) -> BTreeMap<String, String> {
    plan["configuration"]["provider_config"]
        .as_object()
        .into_iter()
        .flatten()
        .filter_map(|(key, config)| {
            let region = config["expressions"]["region"]["constant_value"].as_str()?;
            Some((key.clone(), region.to_owned()))
        })
        .collect()
}

/// Resource address -> provider config key, from the plan's configuration.
fn resource_providers(plan: &Value) -> BTreeMap<&str, String> {
    plan["configuration"]["root_module"]["resources"]
        .as_array()
        .into_iter()
        .flatten()
        .filter_map(|r| {
            Some((
                r["address"].as_str()?,
                r["provider_config_key"].as_str()?.to_owned(),
            ))
        })
        .collect()
}

/// The printed summary.
pub fn render(changes: &[Change]) -> String {
    let count = |action| changes.iter().filter(|c| c.action == action).count();
    let mut out = format!(
        "Plan: {} to create, {} to update, {} to replace, {} to destroy, {} moved\n",
        count(Action::Create),
        count(Action::Update),
        count(Action::Replace),
        count(Action::Destroy),
        count(Action::Move)
    );
    let mut grouped: BTreeMap<&str, BTreeMap<&str, Vec<&Change>>> = BTreeMap::new();
    for change in changes {
        grouped
            .entry(&change.region)
            .or_default()
            .entry(&change.construct)
            .or_default()
            .push(change);
    }
    for (region, constructs) in grouped {
        let _ = writeln!(out, "\n{region}");
        for (construct, changes) in constructs {
            let _ = writeln!(out, "  {construct}");
            for change in changes {
                let mut line = format!("    {} {}", change.action.symbol(), change.address);
                if let Some(cause) = &change.cause {
                    let _ = write!(line, "  ({cause})");
                }
                if let Some(from) = &change.moved_from {
                    let _ = write!(line, "  (moved from {from})");
                }
                if change.loses_data() {
                    line.push_str("  [STATEFUL]");
                }
                let _ = writeln!(out, "{line}");
            }
        }
    }
    out
}

/// The warning for changes that lose data, if any.
pub fn data_loss_warning(changes: &[Change]) -> Option<String> {
    let losing: Vec<&Change> = changes.iter().filter(|c| c.loses_data()).collect();
    if losing.is_empty() {
        return None;
    }
    let mut out = String::from(
        "\n!!! DATA LOSS: this plan destroys or replaces stateful resources; what they hold is gone:\n",
    );
    for change in losing {
        let how = match &change.cause {
            Some(cause) => format!("replaced: {cause}"),
            None => "destroyed".to_owned(),
        };
        let _ = writeln!(out, "!!!   {} ({how})", change.address);
    }
    out.push_str("!!! Apply it only if that is intended: re-run with --allow-data-loss.\n");
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn plan() -> Value {
        json!({
            "configuration": {
                "provider_config": {
                    "aws.primary": {"expressions": {"region": {"constant_value": "us-east-1"}}},
                    "aws.secondary": {"expressions": {"region": {"constant_value": "us-east-2"}}}
                },
                "root_module": {"resources": [
                    {"address": "aws_s3_bucket.documents_source_bucket", "provider_config_key": "aws.primary"},
                    {"address": "aws_sqs_queue.secondary_queue_main", "provider_config_key": "aws.secondary"},
                    {"address": "aws_cloudwatch_log_group.primary_payment_logs", "provider_config_key": "aws.primary"},
                    {"address": "aws_iam_role.new_role", "provider_config_key": "aws.primary"}
                ]}
            },
            "resource_changes": [
                {"address": "aws_s3_bucket.documents_source_bucket", "type": "aws_s3_bucket",
                 "change": {"actions": ["delete", "create"], "replace_paths": [["bucket"]]}},
                {"address": "aws_sqs_queue.secondary_queue_main", "type": "aws_sqs_queue",
                 "change": {"actions": ["update"]}},
                {"address": "aws_cloudwatch_log_group.primary_payment_logs", "type": "aws_cloudwatch_log_group",
                 "change": {"actions": ["no-op"]}, "previous_address": "aws_cloudwatch_log_group.old_logs"},
                {"address": "aws_iam_role.new_role", "type": "aws_iam_role", "change": {"actions": ["create"]}},
                {"address": "data.aws_caller_identity.account", "mode": "data", "type": "aws_caller_identity",
                 "change": {"actions": ["read"]}}
            ]
        })
    }

    fn paths() -> BTreeMap<String, String> {
        BTreeMap::from([(
            "aws_s3_bucket.documents_source_bucket".to_owned(),
            "documents/source".to_owned(),
        )])
    }

    #[test]
    fn groups_by_region_and_construct_with_causes() {
        let changes = changes(&plan(), &paths()).unwrap();
        assert_eq!(changes.len(), 4);
        let text = render(&changes);
        assert!(
            text.starts_with("Plan: 1 to create, 1 to update, 1 to replace, 0 to destroy, 1 moved"),
            "{text}"
        );
        assert!(text.contains("us-east-1\n"));
        assert!(text.contains("  documents/source\n    -/+ aws_s3_bucket.documents_source_bucket  (bucket forces replacement)  [STATEFUL]"), "{text}");
        assert!(text.contains("(moved from aws_cloudwatch_log_group.old_logs)"));
        assert!(text.contains("us-east-2\n  (not in the current configuration)\n    ~   aws_sqs_queue.secondary_queue_main"), "{text}");
    }

    #[test]
    fn stateful_replacement_is_a_data_loss_warning() {
        let changes = changes(&plan(), &paths()).unwrap();
        let warning = data_loss_warning(&changes).unwrap();
        assert!(warning.contains(
            "aws_s3_bucket.documents_source_bucket (replaced: bucket forces replacement)"
        ));
        assert!(warning.contains("--allow-data-loss"));
        let updates_only: Vec<Change> = changes.into_iter().filter(|c| !c.loses_data()).collect();
        assert_eq!(data_loss_warning(&updates_only), None);
    }

    #[test]
    fn not_a_plan_is_an_error() {
        assert!(
            changes(&json!({"format_version": "1.0"}), &BTreeMap::new())
                .unwrap_err()
                .contains("terraform show -json")
        );
    }
}
