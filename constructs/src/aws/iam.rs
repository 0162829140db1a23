//! AWS IAM policy documents, built with the statements the constructs need.
//!
//! Policies are `aws_iam_policy_document` data sources, so every statement's
//! actions and resources stay structured in the JSON (rules and scanners read
//! them) while ARNs stay references. The types wrap the generated ones;
//! what this module adds is how a statement is built.

use serde::Serialize;

use crate::bindings::aws::iam::{
    DataIamPolicyDocument, DataIamPolicyDocumentAttributes, DataIamPolicyDocumentStatement,
    DataIamPolicyDocumentStatementCondition, DataIamPolicyDocumentStatementNotPrincipals,
};
use crate::core::{Block, DataSource, Expr};

/// `data "aws_iam_policy_document"` of statements built here: its `json`
/// attribute is the policy.
#[derive(Clone, Debug, Serialize)]
#[serde(transparent)]
pub struct PolicyDocument(DataIamPolicyDocument);

impl DataSource for PolicyDocument {
    const TYPE: &'static str = "aws_iam_policy_document";
}

impl Block for PolicyDocument {
    type Attributes = DataIamPolicyDocumentAttributes;
}

/// A `statement` block of a policy document.
#[derive(Clone, Debug)]
pub struct Statement(DataIamPolicyDocumentStatement);

/// A `principals` block: principals of one type (the schema's
/// `not_principals` has the same shape, hence the generated name).
#[derive(Clone, Debug)]
pub struct Principals(DataIamPolicyDocumentStatementNotPrincipals);

/// A `condition` block: the request context key `variable` must pass
/// `test` against one of `values`.
#[derive(Clone, Debug)]
pub struct Condition(DataIamPolicyDocumentStatementCondition);

impl PolicyDocument {
    /// A policy of `statements`.
    pub fn of(statements: Vec<Statement>) -> Self {
        Self(DataIamPolicyDocument {
            statement: Some(statements.into_iter().map(|s| s.0).collect()),
            ..DataIamPolicyDocument::new()
        })
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
        Self(DataIamPolicyDocumentStatement {
            sid: Some(sid.into()),
            effect: Some(effect.into()),
            actions: Some(actions.iter().map(|a| Expr::literal(*a)).collect()),
            ..DataIamPolicyDocumentStatement::new()
        })
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
        self.0
            .principals
            .get_or_insert_with(Vec::new)
            .push(principals.0);
        self
    }

    /// Adds `condition`; the statement applies only when every condition holds.
    pub fn when(mut self, condition: Condition) -> Self {
        self.0
            .condition
            .get_or_insert_with(Vec::new)
            .push(condition.0);
        self
    }

    /// The same statement on exactly `resources`.
    pub fn on(self, resources: Vec<Expr>) -> Self {
        Self(DataIamPolicyDocumentStatement {
            resources: (!resources.is_empty()).then(|| resources.into()),
            ..self.0
        })
    }
}

impl Principals {
    /// An AWS service, e.g. `logs.us-east-1.amazonaws.com`.
    pub fn service(service: impl Into<Expr>) -> Self {
        Self(DataIamPolicyDocumentStatementNotPrincipals::new(
            vec![service.into()],
            "Service",
        ))
    }

    /// Anyone, signed or not (`*`): for deny statements.
    pub fn anyone() -> Self {
        Self(DataIamPolicyDocumentStatementNotPrincipals::new(
            vec!["*".into()],
            "*",
        ))
    }
}

impl Condition {
    /// The condition operator `test` (`StringEquals`, `ArnLike`, ...) on
    /// `variable` against `values`; one match is enough.
    pub fn test(test: &str, variable: &str, values: Vec<Expr>) -> Self {
        Self(DataIamPolicyDocumentStatementCondition::new(
            test, values, variable,
        ))
    }
}
