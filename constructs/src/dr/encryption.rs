//! Customer-managed KMS keys, one per region, and the lifecycle that keeps
//! stateful resources from being destroyed.
//!
//! One symmetric key per region encrypts everything a stack stores there
//! (a table's copy, a bucket, queues, alarm topics, log groups), rotates yearly, and waits the longest window AWS allows before
//! deletion. Its policy hands administration to the account's IAM policies
//! and lets exactly the services that encrypt on the stack's behalf without
//! an IAM role of ours use it: CloudWatch Logs for this region's log groups
//! and CloudWatch alarms publishing to the encrypted topic.

use std::collections::BTreeMap;

use crate::aws::iam::Statement;
use crate::aws::kms::{KeyPolicy, KeyPolicyStatement};
use crate::aws::sts::Account;
use crate::bindings::aws::kms::{KmsAlias, KmsKey};
use crate::core::{Expr, Lifecycle, Meta, Ref, Scope};

/// Days a deleted key stays recoverable: AWS's maximum.
pub const DELETION_WINDOW_DAYS: u32 = 30;

/// The regions' keys, by region; empty when nothing is hardened.
#[derive(Clone, Debug, Default)]
pub struct RegionalKeys(BTreeMap<String, Ref<KmsKey>>);

impl RegionalKeys {
    /// Records `key` as the key of `region`.
    pub fn insert(&mut self, region: &str, key: Ref<KmsKey>) {
        self.0.insert(region.to_owned(), key);
    }

    /// The ARN of the key in `region`, if there is one.
    pub fn arn_in(&self, region: &str) -> Option<Expr> {
        self.0.get(region).map(|key| key.arn())
    }
}

/// The alias and description of a regional key.
#[derive(Clone, Debug)]
pub struct RegionalKeyProps {
    /// The alias, without `alias/`: say what the key protects and where.
    pub alias: String,
    /// The key's description.
    pub description: String,
}

/// Creates `<scope>/key`, the key of `scope`'s region, and `<scope>/alias`.
///
/// ```
/// use constructs::aws::sts::Account;
/// use constructs::core::{AwsProvider, Stack};
/// use constructs::dr::encryption::{RegionalKeyProps, RegionalKeys, regional_key};
///
/// let mut stack = Stack::new("orders");
/// let west = stack.provider(AwsProvider::new("west", "eu-west-1"));
/// let mut root = stack.scope(&west);
/// let account = Account::lookup(&mut root);
/// let mut keys = RegionalKeys::default();
/// let key = regional_key(
///     &mut root.child("key_west"),
///     RegionalKeyProps {
///         alias: "orders-eu-west-1".into(),
///         description: "Orders data in eu-west-1".into(),
///     },
///     &account,
/// );
/// keys.insert("eu-west-1", key);
/// assert!(keys.arn_in("eu-west-1").is_some());
/// stack.synth().unwrap();
/// ```
pub fn regional_key(
    scope: &mut Scope<'_>,
    props: RegionalKeyProps,
    account: &Account,
) -> Ref<KmsKey> {
    let region = scope.region().to_owned();
    let policy = KeyPolicy::new(vec![
        KeyPolicyStatement::account_administers(account),
        KeyPolicyStatement::service(
            "CloudWatchLogsEncryptsThisRegionsLogGroups",
            format!("logs.{region}.amazonaws.com"),
            &[
                "kms:Encrypt",
                "kms:Decrypt",
                "kms:ReEncryptFrom",
                "kms:ReEncryptTo",
                "kms:GenerateDataKey",
                "kms:DescribeKey",
            ],
        )
        .when(
            "ArnLike",
            "kms:EncryptionContext:aws:logs:arn",
            account.arn("logs", &region, "log-group:*"),
        ),
        // Only this account's alarms in this region, the SNS guide's
        // confused-deputy conditions.
        KeyPolicyStatement::service(
            "CloudWatchAlarmsPublishToTheEncryptedTopic",
            "cloudwatch.amazonaws.com",
            &["kms:Decrypt", "kms:GenerateDataKey"],
        )
        .when("StringEquals", "aws:SourceAccount", account.id.clone())
        .when(
            "ArnLike",
            "aws:SourceArn",
            account.arn("cloudwatch", &region, "alarm:*"),
        ),
    ]);
    let key = scope.resource_with(
        "key",
        KmsKey {
            description: Some(props.description.into()),
            customer_master_key_spec: Some("SYMMETRIC_DEFAULT".into()),
            key_usage: Some("ENCRYPT_DECRYPT".into()),
            enable_key_rotation: Some(true.into()),
            deletion_window_in_days: Some(DELETION_WINDOW_DAYS.into()),
            policy: Some(Expr::jsonencode(&policy)),
            ..KmsKey::new()
        },
        // Deleting the key makes every backup and replica unreadable.
        retained(),
    );
    scope.resource(
        "alias",
        KmsAlias {
            name: Some(format!("alias/{}", props.alias).into()),
            ..KmsAlias::new(key.key_id())
        },
    );
    key
}

/// `prevent_destroy`: Terraform refuses any plan that would destroy it.
pub fn retained() -> Meta {
    Meta::default().lifecycle(Lifecycle {
        prevent_destroy: true,
        ..Lifecycle::default()
    })
}

/// [`retained`] when `retain`, no meta-arguments otherwise.
pub fn retained_if(retain: bool) -> Meta {
    if retain { retained() } else { Meta::default() }
}

/// Lets the holder of an IAM policy use `keys` for data it reads and
/// writes (data keys are generated and decrypted; the key never leaves KMS).
pub fn use_keys(sid: &str, keys: Vec<Expr>) -> Statement {
    Statement::allow(sid, &["kms:Decrypt", "kms:GenerateDataKey"], keys)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::{AwsProvider, Stack};
    use crate::testing::{resource, synth};

    #[test]
    fn each_region_s_key_rotates_is_retained_and_is_found_by_region() {
        let mut stack = Stack::new("orders");
        let west = stack.provider(AwsProvider::new("west", "eu-west-1"));
        let mut root = stack.scope(&west);
        let account = Account::lookup(&mut root);
        let key = regional_key(
            &mut root.child("key_west"),
            RegionalKeyProps {
                alias: "orders-eu-west-1".into(),
                description: "Orders data in eu-west-1".into(),
            },
            &account,
        );
        let mut keys = RegionalKeys::default();
        keys.insert("eu-west-1", key);
        assert_eq!(
            keys.arn_in("eu-west-1").unwrap().render(),
            "${aws_kms_key.key_west_key.arn}"
        );
        assert!(keys.arn_in("eu-central-1").is_none());
        let document = synth(&stack);
        let body = resource(&document, "aws_kms_key", "key_west_key");
        assert_eq!(body["enable_key_rotation"], true);
        assert_eq!(body["deletion_window_in_days"], DELETION_WINDOW_DAYS);
        assert_eq!(body["lifecycle"]["prevent_destroy"], true);
        let alias = resource(&document, "aws_kms_alias", "key_west_alias");
        assert_eq!(alias["name"], "alias/orders-eu-west-1");
        assert_eq!(alias["target_key_id"], "${aws_kms_key.key_west_key.key_id}");
    }
}
