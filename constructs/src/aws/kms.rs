//! AWS KMS: key policies, written inline in the key.

use std::collections::BTreeMap;

use serde::Serialize;

use super::sts::Account;
use crate::core::Expr;

/// A key policy, written inline in the key with `jsonencode`. It is a
/// resource policy: `"Resource": "*"` means this key, nothing else. (As an
/// `aws_iam_policy_document`, scanners would read it as an identity policy
/// granting every resource.)
#[derive(Clone, Debug, Serialize)]
#[serde(rename_all = "PascalCase")]
pub struct KeyPolicy {
    /// The policy language version, `2012-10-17`.
    pub version: &'static str,
    /// The statements of the policy.
    pub statement: Vec<KeyPolicyStatement>,
}

impl KeyPolicy {
    /// A policy of `statement`, in the current policy language version.
    pub fn new(statement: Vec<KeyPolicyStatement>) -> Self {
        Self {
            version: "2012-10-17",
            statement,
        }
    }
}

/// One statement of a [`KeyPolicy`].
#[derive(Clone, Debug, Serialize)]
#[serde(rename_all = "PascalCase")]
pub struct KeyPolicyStatement {
    /// The statement's id, unique in the policy.
    pub sid: String,
    /// `Allow`.
    pub effect: &'static str,
    /// `{"AWS": <arn>}` or `{"Service": <service principal>}`.
    pub principal: BTreeMap<&'static str, Expr>,
    /// The KMS actions allowed, e.g. `kms:Decrypt`.
    pub action: Vec<String>,
    /// `*`: in a key policy, the key itself.
    pub resource: &'static str,
    /// `{test: {variable: value}}`.
    #[serde(skip_serializing_if = "BTreeMap::is_empty")]
    pub condition: BTreeMap<&'static str, BTreeMap<&'static str, Expr>>,
}

impl KeyPolicyStatement {
    /// Lets `service` (e.g. `logs.us-east-1.amazonaws.com`) do `actions`
    /// with the key.
    pub fn service(sid: &str, service: impl Into<Expr>, actions: &[&str]) -> Self {
        Self::allow(sid, "Service", service.into(), actions)
    }

    /// Hands the key's administration and use to the account's IAM
    /// policies: AWS's default key policy. Every other statement names its
    /// exact actions.
    pub fn account_administers(account: &Account) -> Self {
        Self::allow(
            "AccountAdministersThroughIam",
            "AWS",
            account.root(),
            &["kms:*"],
        )
    }

    fn allow(sid: &str, principal_type: &'static str, principal: Expr, actions: &[&str]) -> Self {
        Self {
            sid: sid.to_owned(),
            effect: "Allow",
            principal: BTreeMap::from([(principal_type, principal)]),
            action: actions.iter().map(|a| (*a).to_owned()).collect(),
            resource: "*",
            condition: BTreeMap::new(),
        }
    }

    /// Adds the condition `test` on the context key `variable` with `value`;
    /// the statement applies only when every condition holds.
    pub fn when(mut self, test: &'static str, variable: &'static str, value: Expr) -> Self {
        self.condition
            .entry(test)
            .or_default()
            .insert(variable, value);
        self
    }
}
