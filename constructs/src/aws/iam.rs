//! AWS IAM: roles, inline policies, and policy documents as typed data.
//!
//! Policies are `aws_iam_policy_document` data sources, so every statement's
//! actions and resources stay structured in the JSON (rules and scanners read
//! them) while ARNs stay references.

use serde::Serialize;

use super::Tags;
use crate::core::Expr;
use crate::terraform_type;

/// `aws_iam_role`.
#[derive(Clone, Debug, Serialize)]
pub struct IamRole {
    /// The role's name, unique in the account.
    pub name: Expr,
    /// The trust policy, as JSON: who may assume the role.
    pub assume_role_policy: Expr,
    /// Tags on the role.
    #[serde(skip_serializing_if = "Tags::is_empty")]
    pub tags: Tags,
}
terraform_type!(resource IamRole = "aws_iam_role" { id, arn, name });

/// `aws_iam_role_policy`: an inline policy of a role.
#[derive(Clone, Debug, Serialize)]
pub struct IamRolePolicy {
    /// The policy's name, unique among the role's inline policies.
    pub name: Expr,
    /// The name of the role that holds the policy.
    pub role: Expr,
    /// The policy, as JSON.
    pub policy: Expr,
}
terraform_type!(resource IamRolePolicy = "aws_iam_role_policy" { id });

/// `data "aws_iam_policy_document"`: a policy written as structured
/// statements; its `json` attribute is the policy text.
#[derive(Clone, Debug, Default, Serialize)]
pub struct IamPolicyDocument {
    /// The statements of the policy.
    pub statement: Vec<Statement>,
}
terraform_type!(data IamPolicyDocument = "aws_iam_policy_document" { json });

/// A `statement` block of a policy document.
#[derive(Clone, Debug, Serialize)]
pub struct Statement {
    /// The statement's id, unique in the policy.
    pub sid: String,
    /// `Allow` or `Deny`.
    pub effect: String,
    /// The actions covered, e.g. `s3:GetObject`.
    pub actions: Vec<String>,
    /// The ARNs of the resources covered.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub resources: Vec<Expr>,
    /// Who the statement applies to, in a resource or trust policy.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub principals: Vec<Principals>,
    /// Conditions the request must meet for the statement to apply.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub condition: Vec<Condition>,
}

impl Statement {
    /// Allows `actions` on exactly `resources`.
    pub fn allow(sid: &str, actions: &[&str], resources: Vec<Expr>) -> Self {
        Self {
            sid: sid.to_owned(),
            effect: "Allow".to_owned(),
            actions: actions.iter().map(|a| (*a).to_owned()).collect(),
            resources,
            principals: Vec::new(),
            condition: Vec::new(),
        }
    }

    /// Allows `principals` to do `actions`, in a resource policy (a bucket's,
    /// a log group's). The resource is `*` until the caller names what the
    /// policy covers; SEC002 refuses a `*` left in place.
    pub fn grant(sid: &str, principals: Principals, actions: &[&str]) -> Self {
        Self {
            principals: vec![principals],
            ..Self::allow(sid, actions, vec!["*".into()])
        }
    }

    /// Adds `condition`; the statement applies only when every condition holds.
    pub fn when(mut self, condition: Condition) -> Self {
        self.condition.push(condition);
        self
    }

    /// A trust statement: `service` may assume the role.
    pub fn assume_role(service: &str) -> Self {
        Self {
            sid: "AssumeRole".to_owned(),
            effect: "Allow".to_owned(),
            actions: vec!["sts:AssumeRole".to_owned()],
            resources: Vec::new(),
            principals: vec![Principals {
                principal_type: "Service".to_owned(),
                identifiers: vec![service.into()],
            }],
            condition: Vec::new(),
        }
    }
}

/// A `principals` block: principals of one type.
#[derive(Clone, Debug, Serialize)]
pub struct Principals {
    /// `AWS`, `Service`, `Federated` or `*`.
    #[serde(rename = "type")]
    pub principal_type: String,
    /// The principals of that type: ARNs, account ids or service names.
    pub identifiers: Vec<Expr>,
}

impl Principals {
    /// An AWS service, e.g. `logs.us-east-1.amazonaws.com`.
    pub fn service(service: impl Into<Expr>) -> Self {
        Self {
            principal_type: "Service".to_owned(),
            identifiers: vec![service.into()],
        }
    }
}

/// A `condition` block: the request context key `variable` must pass
/// `test` against one of `values`.
#[derive(Clone, Debug, Serialize)]
pub struct Condition {
    /// The condition operator, e.g. `StringEquals` or `ArnLike`.
    pub test: String,
    /// The request context key compared, e.g. `aws:SourceArn`.
    pub variable: String,
    /// The values the key is compared with; one match is enough.
    pub values: Vec<Expr>,
}

impl Condition {
    /// The condition `test` on `variable` against `values`.
    pub fn new(test: &str, variable: &str, values: Vec<Expr>) -> Self {
        Self {
            test: test.to_owned(),
            variable: variable.to_owned(),
            values,
        }
    }
}
