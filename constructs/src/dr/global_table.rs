//! A DynamoDB global table: one table in the scope's region with a replica
//! in each other region, every copy with point-in-time recovery. Retained,
//! it has deletion protection and `prevent_destroy`; with keys, every copy
//! is encrypted with its own region's key.

use crate::aws::sts::Account;
use crate::bindings::aws::dynamodb::{
    DynamodbTable, DynamodbTableAttribute, DynamodbTablePointInTimeRecovery,
    DynamodbTableReplicaBlock, DynamodbTableServerSideEncryption,
};
use crate::core::{Expr, Ref, Scope};

use super::encryption::retained_if;

/// The type of a key attribute, as DynamoDB names it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum KeyType {
    /// A string (`S`).
    String,
    /// A number (`N`).
    Number,
    /// Binary data (`B`).
    Binary,
}

impl KeyType {
    fn code(self) -> &'static str {
        match self {
            Self::String => "S",
            Self::Number => "N",
            Self::Binary => "B",
        }
    }
}

/// A key attribute: its name and type.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Key {
    /// The attribute's name, e.g. `tenant_id`.
    pub name: String,
    /// The attribute's type.
    pub key_type: KeyType,
}

impl Key {
    /// A string key named `name`.
    pub fn string(name: &str) -> Self {
        Self {
            name: name.to_owned(),
            key_type: KeyType::String,
        }
    }

    /// A number key named `name`.
    pub fn number(name: &str) -> Self {
        Self {
            name: name.to_owned(),
            key_type: KeyType::Number,
        }
    }
}

/// What a global table's stream carries of each changed item.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum StreamView {
    /// The item after the change.
    NewImage,
    /// The item before the change.
    OldImage,
    /// Both: what a conflict or audit consumer needs.
    NewAndOldImages,
    /// Only the changed item's keys.
    KeysOnly,
}

impl StreamView {
    fn code(self) -> &'static str {
        match self {
            Self::NewImage => "NEW_IMAGE",
            Self::OldImage => "OLD_IMAGE",
            Self::NewAndOldImages => "NEW_AND_OLD_IMAGES",
            Self::KeysOnly => "KEYS_ONLY",
        }
    }
}

/// One replica of a global table.
#[derive(Clone, Debug)]
pub struct TableReplica {
    /// The replica's region, other than the table's own.
    pub region: String,
    /// The key encrypting this copy, in its region; AWS's own when `None`.
    pub kms_key_arn: Option<Expr>,
    /// Whether the replica takes the table's tags. Off where the app tags
    /// the replica for its own region (`aws_dynamodb_tag` on the replica's
    /// ARN, from that region's provider): the table's tags, the table
    /// region's default tags among them, would name the wrong region.
    pub propagate_tags: bool,
}

impl TableReplica {
    /// A replica in `region` encrypted with AWS's own key.
    pub fn in_region(region: &str) -> Self {
        Self {
            region: region.to_owned(),
            kms_key_arn: None,
            propagate_tags: true,
        }
    }
}

/// The settings of a [`GlobalTable`].
#[derive(Clone, Debug)]
pub struct GlobalTableProps {
    /// The table's physical name, the same in every region.
    pub name: String,
    /// The partition key.
    pub hash_key: Key,
    /// The sort key, for tables keyed on two attributes.
    pub range_key: Option<Key>,
    /// The primary copy's key; AWS's own when `None`.
    pub kms_key_arn: Option<Expr>,
    /// Every other region holding a copy: at least one, or nothing is
    /// replicated (the DR rules refuse it).
    pub replicas: Vec<TableReplica>,
    /// What the stream carries; a global table always streams its changes
    /// (replication reads them), so there is no "off".
    pub stream: StreamView,
    /// Point-in-time recovery on every copy: restores to any second of the
    /// last 35 days, the protection replication does not give against a
    /// bad write (which replicates too).
    pub point_in_time_recovery: bool,
    /// Deletion protection and `prevent_destroy`.
    pub retain: bool,
}

impl GlobalTableProps {
    /// A table named `name` keyed on `hash_key`, replicated to `replicas`,
    /// with point-in-time recovery, new and old images on the stream, AWS's
    /// own keys and nothing retained: set the other fields to change that.
    pub fn new(name: &str, hash_key: Key, replicas: Vec<TableReplica>) -> Self {
        Self {
            name: name.to_owned(),
            hash_key,
            range_key: None,
            kms_key_arn: None,
            replicas,
            stream: StreamView::NewAndOldImages,
            point_in_time_recovery: true,
            retain: false,
        }
    }
}

impl GlobalTableProps {
    /// Records props that would not replicate or that DynamoDB refuses.
    fn check(&self, scope: &mut Scope<'_>) {
        let own = scope.region().to_owned();
        if self.replicas.is_empty() {
            scope.error(
                format!("table `{}` has no replica", self.name),
                "add a TableReplica in the region that takes over, or the data is lost with its region",
            );
        }
        let mut seen = Vec::new();
        for replica in &self.replicas {
            if replica.region == own || seen.contains(&&replica.region) {
                scope.error(
                    format!(
                        "table `{}` has a replica in {}, its own region or one listed twice",
                        self.name, replica.region
                    ),
                    "list each other region once",
                );
            }
            seen.push(&replica.region);
        }
        if self
            .range_key
            .as_ref()
            .is_some_and(|key| key.name == self.hash_key.name)
        {
            scope.error(
                format!(
                    "table `{}` uses `{}` as both keys",
                    self.name, self.hash_key.name
                ),
                "give the sort key another attribute, or none",
            );
        }
    }
}

/// A DynamoDB global table (version 2019.11.21) billed per request.
///
/// ```
/// use constructs::core::{AwsProvider, Stack};
/// use constructs::dr::global_table::{GlobalTable, GlobalTableProps, Key, TableReplica};
///
/// let mut stack = Stack::new("orders");
/// let primary = stack.provider(AwsProvider::new("primary", "eu-west-1"));
/// let table = GlobalTable::new(
///     &mut stack.scope(&primary).child("orders"),
///     GlobalTableProps {
///         range_key: Some(Key::string("order_id")),
///         ..GlobalTableProps::new(
///             "orders-prod",
///             Key::string("tenant_id"),
///             vec![TableReplica::in_region("eu-central-1")],
///         )
///     },
/// );
/// let document = stack.synth().unwrap();
/// let body = document.resource("aws_dynamodb_table", "orders_table").unwrap();
/// assert_eq!(body["range_key"], "order_id");
/// assert_eq!(body["replica"][0]["region_name"], "eu-central-1");
/// assert_eq!(table.name, "orders-prod");
/// ```
#[derive(Clone, Debug)]
pub struct GlobalTable {
    /// The table in the scope's region.
    pub table: Ref<DynamodbTable>,
    /// Its physical name.
    pub name: String,
    /// The region of the table itself (the scope's).
    pub region: String,
    /// The regions of its replicas.
    pub replica_regions: Vec<String>,
}

impl GlobalTable {
    /// Creates `<scope>/table` in the scope's region.
    pub fn new(scope: &mut Scope<'_>, props: GlobalTableProps) -> Self {
        props.check(scope);
        let region = scope.region().to_owned();
        let attribute = std::iter::once(&props.hash_key)
            .chain(props.range_key.as_ref())
            .map(|key| DynamodbTableAttribute::new(key.name.clone(), key.key_type.code()))
            .collect();
        let replica_regions = props.replicas.iter().map(|r| r.region.clone()).collect();
        let table = scope.resource_with(
            "table",
            DynamodbTable {
                billing_mode: Some("PAY_PER_REQUEST".into()),
                hash_key: Some(props.hash_key.name.clone().into()),
                range_key: props.range_key.map(|key| key.name.into()),
                attribute: Some(attribute),
                stream_enabled: Some(true.into()),
                stream_view_type: Some(props.stream.code().into()),
                point_in_time_recovery: Some(DynamodbTablePointInTimeRecovery::new(
                    props.point_in_time_recovery,
                )),
                server_side_encryption: Some(DynamodbTableServerSideEncryption {
                    kms_key_arn: props.kms_key_arn,
                    ..DynamodbTableServerSideEncryption::new(true)
                }),
                deletion_protection_enabled: Some(props.retain.into()),
                replica: Some(
                    props
                        .replicas
                        .into_iter()
                        .map(|replica| DynamodbTableReplicaBlock {
                            point_in_time_recovery: Some(props.point_in_time_recovery.into()),
                            propagate_tags: Some(replica.propagate_tags.into()),
                            kms_key_arn: replica.kms_key_arn,
                            ..DynamodbTableReplicaBlock::new(replica.region)
                        })
                        .collect(),
                ),
                ..DynamodbTable::new(props.name.clone())
            },
            retained_if(props.retain),
        );
        Self {
            table,
            name: props.name,
            region,
            replica_regions,
        }
    }

    /// The ARN of the stream of the table's copy in `region` (the table's
    /// own, or a replica's, found by its region in the provider's set).
    pub fn stream_arn_in(&self, region: &str) -> Expr {
        if region == self.region {
            self.table.stream_arn()
        } else {
            self.table
                .replica()
                .find("region_name", region)
                .get("stream_arn")
        }
    }

    /// The ARN of the table's copy in `region`. The provider exports the
    /// replicas as a set, which cannot be indexed, so the ARN is built from
    /// its documented form.
    pub fn arn_in(&self, region: &str, account: &Account) -> Expr {
        account.arn("dynamodb", region, &format!("table/{}", self.name))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::aws::sts::Account;
    use crate::core::{AwsProvider, Stack};
    use crate::testing::{resource, synth, synth_errors};

    fn table(props: GlobalTableProps) -> (Stack, GlobalTable) {
        let mut stack = Stack::new("ledger");
        let west = stack.provider(AwsProvider::new("west", "eu-west-1"));
        let table = GlobalTable::new(&mut stack.scope(&west).child("ledger"), props);
        (stack, table)
    }

    #[test]
    fn the_table_streams_and_keeps_a_replica_with_recovery_in_each_other_region() {
        let (stack, table) = table(GlobalTableProps {
            range_key: Some(Key::number("version")),
            ..GlobalTableProps::new(
                "ledger-test",
                Key::string("id"),
                vec![TableReplica::in_region("eu-central-1")],
            )
        });
        let document = synth(&stack);
        let body = resource(&document, "aws_dynamodb_table", "ledger_table");
        assert_eq!(body["stream_enabled"], true);
        assert_eq!(body["stream_view_type"], "NEW_AND_OLD_IMAGES");
        assert_eq!(body["range_key"], "version");
        assert_eq!(
            body["attribute"],
            serde_json::json!([{"name": "id", "type": "S"}, {"name": "version", "type": "N"}])
        );
        assert_eq!(body["replica"][0]["region_name"], "eu-central-1");
        assert_eq!(body["replica"][0]["point_in_time_recovery"], true);
        assert_eq!(body["deletion_protection_enabled"], false);
        assert!(body.get("lifecycle").is_none());
        // The replica's stream is found by region in the provider's set.
        assert_eq!(
            table.stream_arn_in("eu-central-1").render(),
            "${one([for item in aws_dynamodb_table.ledger_table.replica : item if item.region_name == \"eu-central-1\"]).stream_arn}"
        );
        assert_eq!(
            table.stream_arn_in("eu-west-1").render(),
            "${aws_dynamodb_table.ledger_table.stream_arn}"
        );
    }

    #[test]
    fn a_retained_table_is_protected_twice_and_a_replica_arn_has_its_region() {
        let (mut stack, table) = table(GlobalTableProps {
            retain: true,
            ..GlobalTableProps::new(
                "ledger-test",
                Key::string("id"),
                vec![TableReplica::in_region("eu-central-1")],
            )
        });
        let west = stack.provider(AwsProvider::new("other", "eu-west-1"));
        let account = Account::lookup(&mut stack.scope(&west));
        assert!(
            table
                .arn_in("eu-central-1", &account)
                .render()
                .contains(":dynamodb:eu-central-1:")
        );
        let document = synth(&stack);
        let body = resource(&document, "aws_dynamodb_table", "ledger_table");
        assert_eq!(body["deletion_protection_enabled"], true);
        assert_eq!(body["lifecycle"]["prevent_destroy"], true);
    }

    #[test]
    fn a_replica_in_the_table_s_own_region_is_refused() {
        let (stack, _) = table(GlobalTableProps::new(
            "ledger-test",
            Key::string("id"),
            vec![TableReplica::in_region("eu-west-1")],
        ));
        let errors = synth_errors(&stack);
        assert!(
            errors[0].contains("has a replica in eu-west-1, its own region"),
            "{errors:?}"
        );
    }
}
