//! The account and partition the provider acts in.

use crate::bindings::aws::meta::DataPartition;
use crate::bindings::aws::sts::DataCallerIdentity;
use crate::core::{Expr, Scope};

/// The account and partition of the stack, both read from the provider, for
/// the ARNs constructs build themselves: nothing says `arn:aws:` by hand,
/// so the same constructs work in GovCloud and China regions.
#[derive(Clone, Debug)]
pub struct Account {
    /// The account id, read from `aws_caller_identity`.
    pub id: Expr,
    /// The partition, read from `aws_partition`.
    pub partition: Expr,
}

impl Account {
    /// Looks both up through `scope`'s provider, as `account` and
    /// `partition`.
    pub fn lookup(scope: &mut Scope<'_>) -> Self {
        Self {
            id: scope
                .data("account", DataCallerIdentity::new())
                .account_id(),
            partition: scope.data("partition", DataPartition::new()).partition(),
        }
    }

    /// `arn:<partition>:<service>:<region>:<account>:<resource>`
    pub fn arn(&self, service: &str, region: &str, resource: &str) -> Expr {
        Expr::template([
            Expr::literal("arn:"),
            self.partition.clone(),
            Expr::literal(format!(":{service}:{region}:")),
            self.id.clone(),
            Expr::literal(format!(":{resource}")),
        ])
    }

    /// `arn:<partition>:<service>:::<resource>`: a global resource whose ARN
    /// names no region or account (a Route 53 hosted zone).
    pub fn global_arn(&self, service: &str, resource: &str) -> Expr {
        Expr::template([
            Expr::literal("arn:"),
            self.partition.clone(),
            Expr::literal(format!(":{service}:::{resource}")),
        ])
    }

    /// `arn:<partition>:iam::<account>:root`: the account as a principal.
    pub fn root(&self) -> Expr {
        self.arn("iam", "", "root")
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::{AwsProvider, Stack};

    #[test]
    fn arns_take_the_partition_and_account_from_the_provider() {
        let mut stack = Stack::new("app");
        let provider = stack.provider(AwsProvider::new("primary", "us-gov-west-1"));
        let account = Account::lookup(&mut stack.scope(&provider));
        let partition = "${data.aws_partition.partition.partition}";
        let id = "${data.aws_caller_identity.account.account_id}";
        assert_eq!(
            account.arn("dynamodb", "us-gov-west-1", "table/t").render(),
            format!("arn:{partition}:dynamodb:us-gov-west-1:{id}:table/t")
        );
        assert_eq!(
            account.global_arn("route53", "hostedzone/*").render(),
            format!("arn:{partition}:route53:::hostedzone/*")
        );
        assert_eq!(
            account.root().render(),
            format!("arn:{partition}:iam::{id}:root")
        );
    }
}
