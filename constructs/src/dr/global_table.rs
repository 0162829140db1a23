//! The DynamoDB global table of transactions: one table in the primary
//! region with a replica in each other region. Retained, it has deletion
//! protection and `prevent_destroy`; with keys, every copy is encrypted with
//! its own region's key.

use crate::aws::dynamodb::{Attribute, DynamodbTable, Enabled, Replica, ServerSideEncryption};
use crate::aws::sts::Account;
use crate::core::{Expr, Ref, Scope};

use super::encryption::retained_if;

pub struct GlobalTableProps {
    pub name: String,
    /// The primary copy's key; AWS's own when `None`.
    pub kms_key_arn: Option<Expr>,
    /// Each replica's region and its key there.
    pub replicas: Vec<(String, Option<Expr>)>,
    /// Deletion protection and `prevent_destroy`.
    pub retain: bool,
}

pub struct GlobalTable {
    pub table: Ref<DynamodbTable>,
    pub name: String,
}

impl GlobalTable {
    /// The partition key of a transaction.
    pub const HASH_KEY: &'static str = "transaction_id";

    pub fn new(scope: &mut Scope<'_>, props: GlobalTableProps) -> Self {
        let table = scope.resource_with(
            "table",
            DynamodbTable {
                name: props.name.clone().into(),
                billing_mode: "PAY_PER_REQUEST".to_owned(),
                hash_key: Self::HASH_KEY.to_owned(),
                attribute: vec![Attribute {
                    name: Self::HASH_KEY.to_owned(),
                    attribute_type: "S".to_owned(),
                }],
                stream_enabled: true,
                stream_view_type: "NEW_AND_OLD_IMAGES".to_owned(),
                point_in_time_recovery: Enabled { enabled: true },
                server_side_encryption: ServerSideEncryption {
                    enabled: true,
                    kms_key_arn: props.kms_key_arn,
                },
                deletion_protection_enabled: props.retain,
                replica: props
                    .replicas
                    .into_iter()
                    .map(|(region, kms_key_arn)| Replica {
                        region_name: region,
                        point_in_time_recovery: true,
                        propagate_tags: true,
                        kms_key_arn,
                    })
                    .collect(),
            },
            retained_if(props.retain),
        );
        Self {
            table,
            name: props.name,
        }
    }

    /// The ARN of the table's copy in `region`. The provider exports the
    /// replicas as a set, which cannot be indexed, so the ARN is built from
    /// its documented form.
    pub fn arn_in(&self, region: &str, account: &Account) -> Expr {
        account.arn("dynamodb", region, &format!("table/{}", self.name))
    }
}
