//! Policy rules over the synthesized document: what a payments team checks
//! before anything reaches the cloud. They read only the final JSON, so
//! nothing a construct does escapes them.
//!
//! A finding fails synth unless the resource carries a suppression for that
//! rule with a written reason (`Meta::suppress`); suppressions are printed
//! by `synth audit` and in the DR report.

mod dr;
mod naming;
mod security;

use std::collections::BTreeMap;
use std::fmt;

use serde::Serialize;
use serde_json::Value;

use crate::core::{Document, Suppression};
use crate::dr::config::{Config, Profile};

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    High,
    Medium,
}

impl fmt::Display for Severity {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        // `pad`, so the audit table's column widths apply.
        f.pad(match self {
            Self::High => "high",
            Self::Medium => "medium",
        })
    }
}

/// What a rule needs besides the document.
#[derive(Clone, Debug)]
pub struct Context {
    /// The suffix every name must carry.
    pub env: String,
    pub profile: Profile,
}

impl Context {
    pub fn for_config(config: &Config) -> Self {
        Self {
            env: config.env.clone(),
            profile: config.profile,
        }
    }
}

/// One rule: an id, what it checks, and the check.
#[derive(Clone, Copy)]
pub struct Rule {
    pub id: &'static str,
    pub description: &'static str,
    pub severity: Severity,
    check: fn(&Document, &Context) -> Vec<Finding>,
}

/// A resource that breaks a rule.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Finding {
    pub address: String,
    pub message: String,
}

impl Finding {
    fn new(address: impl Into<String>, message: impl Into<String>) -> Self {
        Self {
            address: address.into(),
            message: message.into(),
        }
    }
}

/// Every rule, in the order `synth audit` prints them.
pub fn rules() -> Vec<Rule> {
    [
        dr::RULES.as_slice(),
        security::RULES.as_slice(),
        naming::RULES.as_slice(),
    ]
    .concat()
}

/// The outcome of one rule.
#[derive(Clone, Debug, Serialize)]
pub struct RuleResult {
    pub id: &'static str,
    pub description: &'static str,
    pub severity: Severity,
    pub failed: Vec<Finding>,
    pub suppressed: Vec<(Finding, String)>,
}

impl RuleResult {
    pub fn status(&self) -> &'static str {
        match (self.failed.is_empty(), self.suppressed.is_empty()) {
            (false, _) => "failed",
            (true, false) => "suppressed",
            (true, true) => "passed",
        }
    }
}

/// Every rule run over `document`, with its suppressions applied.
pub fn audit(document: &Document, context: &Context) -> Vec<RuleResult> {
    let suppressions: BTreeMap<(&str, &str), &Suppression> = document
        .suppressions()
        .iter()
        .map(|s| ((s.address.as_str(), s.rule.as_str()), s))
        .collect();
    rules()
        .into_iter()
        .map(|rule| {
            let (suppressed, failed): (Vec<Finding>, Vec<Finding>) =
                (rule.check)(document, context)
                    .into_iter()
                    .partition(|f| suppressions.contains_key(&(f.address.as_str(), rule.id)));
            let suppressed = suppressed
                .into_iter()
                .map(|f| {
                    let reason = suppressions[&(f.address.as_str(), rule.id)].reason.clone();
                    (f, reason)
                })
                .collect();
            RuleResult {
                id: rule.id,
                description: rule.description,
                severity: rule.severity,
                failed,
                suppressed,
            }
        })
        .collect()
}

/// Suppressions that accept nothing: an unknown rule id (a typo never
/// silences the rule meant), or a rule that finds nothing on that resource
/// (a stale suppression would silence a future finding unseen). Each says
/// how to fix it.
pub fn unmatched_suppressions(document: &Document, results: &[RuleResult]) -> Vec<String> {
    document
        .suppressions()
        .iter()
        .filter_map(|suppression| {
            let Some(result) = results.iter().find(|r| r.id == suppression.rule) else {
                let known: Vec<&str> = results.iter().map(|r| r.id).collect();
                return Some(format!(
                    "{} suppresses rule {}, which does not exist; use one of {}",
                    suppression.address,
                    suppression.rule,
                    known.join(", ")
                ));
            };
            let used = result
                .suppressed
                .iter()
                .any(|(finding, _)| finding.address == suppression.address);
            (!used).then(|| {
                format!(
                    "{} suppresses rule {}, which finds nothing there; remove the suppression (Meta::suppress)",
                    suppression.address, suppression.rule
                )
            })
        })
        .collect()
}

/// The audit as a table: every rule, passed, failed or suppressed, with
/// the findings and reasons under it.
pub fn render(results: &[RuleResult]) -> String {
    let mut out = format!(
        "{:<8} {:<8} {:<11} {}\n",
        "RULE", "SEVERITY", "STATUS", "DESCRIPTION"
    );
    for result in results {
        out.push_str(&format!(
            "{:<8} {:<8} {:<11} {}\n",
            result.id,
            result.severity,
            result.status(),
            result.description
        ));
        for finding in &result.failed {
            out.push_str(&format!(
                "           FAILED  {}: {}\n",
                finding.address, finding.message
            ));
        }
        for (finding, reason) in &result.suppressed {
            out.push_str(&format!(
                "           suppressed  {}: {reason}\n",
                finding.address
            ));
        }
    }
    let count = |status| results.iter().filter(|r| r.status() == status).count();
    out.push_str(&format!(
        "{} rules: {} passed, {} failed, {} suppressed\n",
        results.len(),
        count("passed"),
        count("failed"),
        count("suppressed")
    ));
    out
}

/// `${aws_sns_topic.primary_alerts_topic.arn}` -> (`aws_sns_topic`, `primary_alerts_topic`)
fn referenced(value: &Value) -> Option<(&str, &str)> {
    let inner = value.as_str()?.strip_prefix("${")?.strip_suffix('}')?;
    let mut parts = inner.split('.');
    let tf_type = parts.next()?;
    let id = parts.next()?;
    (!inner.contains("${")).then_some((tf_type, id))
}

/// `aws.primary` -> `us-east-1`.
fn provider_regions(document: &Document) -> BTreeMap<String, String> {
    document.value()["provider"]["aws"]
        .as_array()
        .into_iter()
        .flatten()
        .filter_map(|p| {
            Some((
                format!("aws.{}", p["alias"].as_str()?),
                p["region"].as_str()?.to_owned(),
            ))
        })
        .collect()
}

fn address(tf_type: &str, id: &str) -> String {
    format!("{tf_type}.{id}")
}

#[cfg(test)]
mod tests;
