//! Policy rules over the synthesized document: what a team running a DR
//! stack checks before anything reaches the cloud. They read only the final
//! JSON, whatever the constructs and providers are called, so nothing a
//! construct does escapes them. A rule whose subject the stack lacks says
//! so (status `n/a` with the reason) instead of passing unseen.
//!
//! A finding fails synth unless the resource carries a suppression for that
//! rule with a written reason (`Meta::suppress`); suppressions are printed
//! by `synth audit` and in the DR report.

mod dr;
pub(super) mod naming;
mod security;

use std::collections::{BTreeMap, HashSet};
use std::fmt;

use serde::Serialize;
use serde_json::Value;

use crate::core::{Document, Suppression};

/// How serious a finding is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    /// Data loss, a failover that cannot work, or an open door.
    High,
    /// Weaker than it should be.
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

/// What a rule needs besides the document: the app's conventions.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Context {
    /// The suffix every physical name carries (an environment such as
    /// `dev`); `None` leaves NAM001 unchecked, and the audit says so.
    pub name_suffix: Option<String>,
    /// What the stack is for.
    pub posture: Posture,
}

/// What a stack is for, which decides the retention and key rules.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Posture {
    /// A demo or test stack: `terraform destroy` must remove everything.
    Disposable,
    /// A stack holding real data: tables, buckets, zones and keys are
    /// retained, data is encrypted with customer-managed keys, and logs
    /// are kept at least `log_retention_days`.
    Production {
        /// The least number of days a log group keeps its logs.
        log_retention_days: u32,
    },
}

impl Posture {
    /// Whether the stack holds real data.
    pub fn is_production(self) -> bool {
        matches!(self, Self::Production { .. })
    }
}

/// One rule: an id, what it checks, and the check.
#[derive(Clone, Copy)]
pub struct Rule {
    /// The id suppressions name, e.g. `DR001`.
    pub id: &'static str,
    /// What the rule requires.
    pub description: &'static str,
    /// How serious a finding is.
    pub severity: Severity,
    /// Why the rule has nothing to look at in a document, if it has not.
    applies: fn(&Document, &Context) -> Result<(), String>,
    check: fn(&Document, &Context) -> Vec<Finding>,
}

/// A resource that breaks a rule.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Finding {
    /// The address of the resource (or provider) at fault.
    pub address: String,
    /// What is wrong with it.
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
    /// The rule's id.
    pub id: &'static str,
    /// What the rule requires.
    pub description: &'static str,
    /// How serious its findings are.
    pub severity: Severity,
    /// Why the rule checked nothing: the stack has none of what it looks at.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub not_applicable: Option<String>,
    /// Findings no suppression accepts: they fail synth.
    pub failed: Vec<Finding>,
    /// Findings accepted by a suppression, with its reason.
    pub suppressed: Vec<(Finding, String)>,
}

impl RuleResult {
    /// `failed`, `suppressed`, `n/a` or `passed`.
    pub fn status(&self) -> &'static str {
        match (
            self.failed.is_empty(),
            self.suppressed.is_empty(),
            &self.not_applicable,
        ) {
            (false, _, _) => "failed",
            (true, false, _) => "suppressed",
            (true, true, Some(_)) => "n/a",
            (true, true, None) => "passed",
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
            let not_applicable = (rule.applies)(document, context).err();
            let findings = match not_applicable {
                Some(_) => Vec::new(),
                None => (rule.check)(document, context),
            };
            let (suppressed, failed): (Vec<Finding>, Vec<Finding>) = findings
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
                not_applicable,
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
    // (rule, address) of every finding a suppression accepted: one lookup
    // per suppression instead of a scan of the findings.
    let used: HashSet<(&str, &str)> = results
        .iter()
        .flat_map(|r| {
            r.suppressed
                .iter()
                .map(move |(f, _)| (r.id, f.address.as_str()))
        })
        .collect();
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
            (!used.contains(&(result.id, suppression.address.as_str()))).then(|| {
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
        if let Some(reason) = &result.not_applicable {
            out.push_str(&format!("           not checked: {reason}\n"));
        }
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
        "{} rules: {} passed, {} failed, {} suppressed, {} not applicable\n",
        results.len(),
        count("passed"),
        count("failed"),
        count("suppressed"),
        count("n/a")
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

/// Each provider's reference (`aws.primary`, or `aws` for the default
/// provider) -> its region.
fn provider_regions(document: &Document) -> BTreeMap<String, String> {
    document.value()["provider"]["aws"]
        .as_array()
        .into_iter()
        .flatten()
        .filter_map(|p| {
            let reference = match p["alias"].as_str() {
                Some(alias) => format!("aws.{alias}"),
                None => "aws".to_owned(),
            };
            Some((reference, p["region"].as_str()?.to_owned()))
        })
        .collect()
}

/// A rule that always has something to look at.
fn always(_: &Document, _: &Context) -> Result<(), String> {
    Ok(())
}

/// `Err` naming the types when the document has none of `types`.
fn needs(document: &Document, types: &[&str]) -> Result<(), String> {
    if types
        .iter()
        .any(|tf_type| document.resources(tf_type).next().is_some())
    {
        Ok(())
    } else {
        Err(format!("the stack has no {}", types.join(" or ")))
    }
}

fn address(tf_type: &str, id: &str) -> String {
    format!("{tf_type}.{id}")
}

#[cfg(test)]
mod tests;
