//! An IAM role that one AWS service assumes, with one least-privilege
//! inline policy.

use crate::aws::Tags;
use crate::aws::iam::{IamPolicyDocument, IamRole, IamRolePolicy, Statement};
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
    let trust = scope.data(
        "trust",
        IamPolicyDocument {
            statement: vec![trust],
        },
    );
    let role = scope.resource(
        "role",
        IamRole {
            name: role_name.into(),
            assume_role_policy: trust.json(),
            tags: Tags::new(),
        },
    );
    let permissions = scope.data(
        "permissions",
        IamPolicyDocument {
            statement: statements,
        },
    );
    let policy = scope.resource(
        "policy",
        IamRolePolicy {
            name: role_name.into(),
            role: role.id(),
            policy: permissions.json(),
        },
    );
    ServiceRole { role, policy }
}
