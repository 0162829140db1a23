//! AWS IAM policy documents, built with the statements the constructs need.
//!
//! Policies are `aws_iam_policy_document` data sources, so every statement's
//! actions and resources stay structured in the JSON (rules and scanners read
//! them) while ARNs stay references. The types are the generated ones under
//! short names; what this module adds is how a statement is built.

use crate::bindings::aws::iam::{
    DataIamPolicyDocument, DataIamPolicyDocumentStatement, DataIamPolicyDocumentStatementCondition,
    DataIamPolicyDocumentStatementNotPrincipals,
};
use crate::core::Expr;

/// `data "aws_iam_policy_document"`: its `json` attribute is the policy.
pub type PolicyDocument = DataIamPolicyDocument;
/// A `statement` block of a policy document.
pub type Statement = DataIamPolicyDocumentStatement;
/// A `principals` block: principals of one type (the schema's
/// `not_principals` has the same shape, hence the generated name).
pub type Principals = DataIamPolicyDocumentStatementNotPrincipals;
/// A `condition` block: the request context key `variable` must pass
/// `test` against one of `values`.
pub type Condition = DataIamPolicyDocumentStatementCondition;

impl PolicyDocument {
    /// A policy of `statements`.
    pub fn of(statements: Vec<Statement>) -> Self {
        Self {
            statement: Some(statements),
            ..Self::new()
        }
    }
}

impl Statement {
    /// Allows `actions` on exactly `resources`.
    pub fn allow(sid: &str, actions: &[&str], resources: Vec<Expr>) -> Self {
        Self::with_effect("Allow", sid, actions, resources)
    }

    /// Denies `actions` on exactly `resources`.
    pub fn deny(sid: &str, actions: &[&str], resources: Vec<Expr>) -> Self {
        Self::with_effect("Deny", sid, actions, resources)
    }

    fn with_effect(effect: &str, sid: &str, actions: &[&str], resources: Vec<Expr>) -> Self {
        Self {
            sid: Some(sid.into()),
            effect: Some(effect.into()),
            actions: Some(actions.iter().map(|a| Expr::literal(*a)).collect()),
            ..Self::new()
        }
        .on(resources)
    }

    /// Allows `principals` to do `actions`, in a resource policy (a bucket's,
    /// a log group's). The resource is `*` until the caller names what the
    /// policy covers; SEC002 refuses a `*` left in place.
    pub fn grant(sid: &str, principals: Principals, actions: &[&str]) -> Self {
        Self::allow(sid, actions, vec!["*".into()]).by(principals)
    }

    /// A trust statement: `service` may assume the role.
    pub fn assume_role(service: &str) -> Self {
        Self::allow("AssumeRole", &["sts:AssumeRole"], Vec::new()).by(Principals::service(service))
    }

    /// Adds `principals`: who the statement applies to.
    pub fn by(mut self, principals: Principals) -> Self {
        self.principals
            .get_or_insert_with(Vec::new)
            .push(principals);
        self
    }

    /// Adds `condition`; the statement applies only when every condition holds.
    pub fn when(mut self, condition: Condition) -> Self {
        self.condition.get_or_insert_with(Vec::new).push(condition);
        self
    }

    /// The same statement on exactly `resources`.
    pub fn on(self, resources: Vec<Expr>) -> Self {
        Self {
            resources: (!resources.is_empty()).then_some(resources),
            ..self
        }
    }
}

impl Principals {
    /// An AWS service, e.g. `logs.us-east-1.amazonaws.com`.
    pub fn service(service: impl Into<Expr>) -> Self {
        Self::new(vec![service.into()], "Service")
    }

    /// Anyone, signed or not (`*`): for deny statements.
    pub fn anyone() -> Self {
        Self::new(vec!["*".into()], "*")
    }
}

impl Condition {
    /// The condition operator `test` (`StringEquals`, `ArnLike`, ...) on
    /// `variable` against `values`; one match is enough.
    pub fn test(test: &str, variable: &str, values: Vec<Expr>) -> Self {
        Self::new(test, values, variable)
    }
}
