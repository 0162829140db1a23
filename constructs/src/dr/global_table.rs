//! The DynamoDB global table of transactions: one table in the primary
//! region with a replica in each other region.

use crate::aws::dynamodb::{Attribute, DynamodbTable, Enabled, Replica, ServerSideEncryption};
use crate::core::{Expr, Ref, Scope};

pub struct GlobalTableProps {
    pub name: String,
    pub replica_regions: Vec<String>,
}

pub struct GlobalTable {
    pub table: Ref<DynamodbTable>,
    pub name: String,
}

impl GlobalTable {
    /// The partition key of a transaction.
    pub const HASH_KEY: &'static str = "transaction_id";

    pub fn new(scope: &mut Scope<'_>, props: GlobalTableProps) -> Self {
        let table = scope.resource(
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
                    kms_key_arn: None,
                },
                deletion_protection_enabled: false,
                replica: props
                    .replica_regions
                    .iter()
                    .map(|region| Replica {
                        region_name: region.clone(),
                        point_in_time_recovery: true,
                        propagate_tags: true,
                    })
                    .collect(),
            },
        );
        Self {
            table,
            name: props.name,
        }
    }

    /// The ARN of the table's copy in `region`. The provider exports the
    /// replicas as a set, which cannot be indexed, so the ARN is built from
    /// its documented form.
    pub fn arn_in(&self, region: &str, account_id: Expr) -> Expr {
        Expr::template([
            Expr::literal(format!("arn:aws:dynamodb:{region}:")),
            account_id,
            Expr::literal(format!(":table/{}", self.name)),
        ])
    }
}
