//! An IAM role that one AWS service assumes, with one least-privilege
//! inline policy.

use crate::aws::iam::{PolicyDocument, Statement};
use crate::bindings::aws::iam::{IamRole, IamRolePolicy};
use crate::core::{Ref, Scope};

/// An IAM role one AWS service assumes, and its inline policy.
pub struct ServiceRole {
    /// The role.
    pub role: Ref<IamRole>,
    /// The inline policy; depend on it where AWS checks the role's
    /// permissions at creation (event source mappings, replication).
    pub policy: Ref<IamRolePolicy>,
}

/// Creates `<scope>/role` trusted by `service` (e.g. `lambda.amazonaws.com`)
/// and `<scope>/policy` holding `statements`, which name exact ARNs.
pub fn service_role(
    scope: &mut Scope<'_>,
    role_name: &str,
    service: &str,
    statements: Vec<Statement>,
) -> ServiceRole {
    service_role_trusting(
        scope,
        role_name,
        Statement::assume_role(service),
        statements,
    )
}

/// The same with a trust statement of the caller's, e.g. one with the
/// confused-deputy conditions a service documents.
pub fn service_role_trusting(
    scope: &mut Scope<'_>,
    role_name: &str,
    trust: Statement,
    statements: Vec<Statement>,
) -> ServiceRole {
    let trust = scope.data("trust", PolicyDocument::of(vec![trust]));
    let role = scope.resource(
        "role",
        IamRole {
            name: Some(role_name.into()),
            ..IamRole::new(trust.json())
        },
    );
    let permissions = scope.data("permissions", PolicyDocument::of(statements));
    let policy = scope.resource(
        "policy",
        IamRolePolicy {
            name: Some(role_name.into()),
            ..IamRolePolicy::new(permissions.json(), role.id())
        },
    );
    ServiceRole { role, policy }
}
