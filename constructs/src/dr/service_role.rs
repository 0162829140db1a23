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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::{AwsProvider, Expr, Stack};
    use crate::testing::{resource, synth};

    #[test]
    fn the_role_trusts_the_service_and_holds_exactly_the_statements() {
        let mut stack = Stack::new("orders");
        let west = stack.provider(AwsProvider::new("west", "eu-west-1"));
        service_role(
            &mut stack.scope(&west).child("worker"),
            "worker-test",
            "lambda.amazonaws.com",
            vec![Statement::allow(
                "Read",
                &["sqs:ReceiveMessage"],
                vec![Expr::literal("arn:aws:sqs:eu-west-1:111122223333:jobs")],
            )],
        );
        let document = synth(&stack);
        let role = resource(&document, "aws_iam_role", "worker_role");
        assert_eq!(role["name"], "worker-test");
        assert_eq!(
            role["assume_role_policy"],
            "${data.aws_iam_policy_document.worker_trust.json}"
        );
        let trust = document
            .data("aws_iam_policy_document", "worker_trust")
            .unwrap();
        assert_eq!(
            trust["statement"][0]["principals"][0]["identifiers"],
            serde_json::json!(["lambda.amazonaws.com"])
        );
        let permissions = document
            .data("aws_iam_policy_document", "worker_permissions")
            .unwrap();
        assert_eq!(
            permissions["statement"][0]["resources"],
            serde_json::json!(["arn:aws:sqs:eu-west-1:111122223333:jobs"])
        );
        let policy = resource(&document, "aws_iam_role_policy", "worker_policy");
        assert_eq!(policy["role"], "${aws_iam_role.worker_role.id}");
    }
}
