//! AWS IAM: roles, inline policies, and policy documents as typed data.
//!
//! Policies are `aws_iam_policy_document` data sources, so every statement's
//! actions and resources stay structured in the JSON (rules and scanners read
//! them) while ARNs stay references.

use serde::Serialize;

use super::Tags;
use crate::core::Expr;
use crate::terraform_type;

#[derive(Clone, Debug, Serialize)]
pub struct IamRole {
    pub name: Expr,
    pub assume_role_policy: Expr,
    #[serde(skip_serializing_if = "Tags::is_empty")]
    pub tags: Tags,
}
terraform_type!(resource IamRole = "aws_iam_role" { id, arn, name });

#[derive(Clone, Debug, Serialize)]
pub struct IamRolePolicy {
    pub name: Expr,
    pub role: Expr,
    pub policy: Expr,
}
terraform_type!(resource IamRolePolicy = "aws_iam_role_policy" { id });

#[derive(Clone, Debug, Default, Serialize)]
pub struct IamPolicyDocument {
    pub statement: Vec<Statement>,
}
terraform_type!(data IamPolicyDocument = "aws_iam_policy_document" { json });

#[derive(Clone, Debug, Serialize)]
pub struct Statement {
    pub sid: String,
    pub effect: String,
    pub actions: Vec<String>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub resources: Vec<Expr>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub principals: Vec<Principals>,
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

#[derive(Clone, Debug, Serialize)]
pub struct Principals {
    #[serde(rename = "type")]
    pub principal_type: String,
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

#[derive(Clone, Debug, Serialize)]
pub struct Condition {
    pub test: String,
    pub variable: String,
    pub values: Vec<Expr>,
}

impl Condition {
    pub fn new(test: &str, variable: &str, values: Vec<Expr>) -> Self {
        Self {
            test: test.to_owned(),
            variable: variable.to_owned(),
            values,
        }
    }
}
