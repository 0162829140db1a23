//! Where the payments data lives: a key per region (production profile),
//! the transactions and conflicts global tables with the tags of their
//! replicas, and the documents bucket replicated to the secondary.

use std::collections::BTreeMap;

use constructs::aws::sts::Account;
use constructs::bindings::aws::dynamodb::DynamodbTag;
use constructs::core::{Expr, ProviderRef, Scope};
use constructs::dr::conflict_detection::conflict_table_props;
use constructs::dr::encryption::{RegionalKeyProps, RegionalKeys, regional_key};
use constructs::dr::global_table::{GlobalTable, GlobalTableProps, Key, TableReplica};
use constructs::dr::replicated_bucket::{BucketHardening, ReplicatedBucket, ReplicatedBucketProps};

use crate::config::Config;
use crate::names::Names;
use crate::providers::Providers;

/// The partition key of a transaction.
pub const TRANSACTION_KEY: &str = "transaction_id";
/// The attribute the payment function stamps with its region.
pub const REGION_ATTRIBUTE: &str = "region";
/// When the payment function wrote the item: differs between two writes
/// of the same payment.
pub const WRITTEN_AT_ATTRIBUTE: &str = "created_at";

/// In the production profile, one customer-managed key in each provider's
/// region, under `scope` (`encryption/<provider>`); otherwise none, and AWS
/// manages the encryption.
pub(crate) fn regional_keys(
    scope: &mut Scope<'_>,
    providers: &Providers,
    names: &Names,
    account: &Account,
    production: bool,
) -> RegionalKeys {
    let mut keys = RegionalKeys::default();
    if !production {
        return keys;
    }
    for (name, provider) in providers.all() {
        let region = provider.region();
        let key = regional_key(
            &mut scope.child_in(name, provider),
            RegionalKeyProps {
                alias: names.regional("payments", region),
                description: format!("Payments data and logs in {region}"),
            },
            account,
        );
        keys.insert(region, key);
    }
    keys
}

/// The primary's and the secondary's keys, in production.
pub(crate) fn key_pair(keys: &RegionalKeys, config: &Config) -> Option<(Expr, Expr)> {
    keys.arn_in(&config.primary_region)
        .zip(keys.arn_in(&config.secondary_region))
}

/// The transactions table: each payment by its transaction id, in the
/// primary and replicated to the secondary.
pub(crate) fn transactions_table(
    scope: &mut Scope<'_>,
    names: &Names,
    keys: &RegionalKeys,
    config: &Config,
) -> GlobalTable {
    let props = GlobalTableProps::new(
        &names.table(),
        Key::string(TRANSACTION_KEY),
        secondary_replica(keys, config),
    );
    GlobalTable::new(scope, in_both_regions(props, keys, config))
}

/// Where each region's conflict detector records the version of a payment
/// it lost: a payment booked in both regions within the replication lag
/// keeps one version.
pub(crate) fn conflicts_table(
    scope: &mut Scope<'_>,
    names: &Names,
    keys: &RegionalKeys,
    config: &Config,
) -> GlobalTable {
    let props = conflict_table_props(&names.conflict_table(), secondary_replica(keys, config));
    GlobalTable::new(scope, in_both_regions(props, keys, config))
}

/// A table's one replica, in the secondary under the secondary's key.
fn secondary_replica(keys: &RegionalKeys, config: &Config) -> Vec<TableReplica> {
    vec![TableReplica {
        region: config.secondary_region.clone(),
        kms_key_arn: keys.arn_in(&config.secondary_region),
        // Tagged for its own region by `tag_replicas`.
        propagate_tags: false,
    }]
}

/// `props` with what every table of the app shares: the primary's key, and
/// kept on `terraform destroy` in production.
fn in_both_regions(
    props: GlobalTableProps,
    keys: &RegionalKeys,
    config: &Config,
) -> GlobalTableProps {
    GlobalTableProps {
        kms_key_arn: keys.arn_in(&config.primary_region),
        retain: config.profile.is_production(),
        ..props
    }
}

/// Tags each table's replica (in `scope`'s region) with `tags`, that
/// region's default tags: a replica gets no default tags of its own region,
/// and taking its table's would name the table's region (`Region-Role`).
/// `aws_dynamodb_tag` is the provider's resource for exactly this: tags on
/// a DynamoDB resource Terraform does not manage itself, such as a replica.
pub(crate) fn tag_replicas(
    scope: &mut Scope<'_>,
    tables: &[(&str, &GlobalTable)],
    tags: &BTreeMap<String, String>,
) {
    for (name, table) in tables {
        // The replicas are a set: found by region, not by position.
        let replica_arn = table
            .table
            .attr("replica")
            .find("region_name", scope.region())
            .get("arn");
        for (key, value) in tags {
            let construct = format!(
                "{name}_{}",
                key.to_ascii_lowercase()
                    .replace(['-', ' ', '.', ':', '/'], "_")
            );
            scope.resource(
                &construct,
                DynamodbTag::new(key, replica_arn.clone(), value),
            );
        }
    }
}

/// The documents bucket in the primary, replicated to its copy in the
/// secondary (`secondary` is that region's provider). In production both
/// are encrypted with their region's key and log their access to buckets
/// replicated the same way.
pub(crate) fn documents_bucket(
    scope: &mut Scope<'_>,
    secondary: &ProviderRef,
    names: &Names,
    config: &Config,
    account: &Account,
    keys: &RegionalKeys,
) -> ReplicatedBucket {
    let (primary_region, secondary_region) = (&config.primary_region, &config.secondary_region);
    let account_id = &account.id;
    ReplicatedBucket::new(
        scope,
        secondary,
        ReplicatedBucketProps {
            source_name: names.bucket(primary_region, account_id.clone()),
            destination_name: names.bucket(secondary_region, account_id.clone()),
            replication_role_name: names.regional("s3-replication", primary_region),
            hardening: key_pair(keys, config).map(|(source_key_arn, destination_key_arn)| {
                BucketHardening {
                    source_key_arn,
                    destination_key_arn,
                    source_log_bucket_name: names.log_bucket(primary_region, account_id.clone()),
                    destination_log_bucket_name: names
                        .log_bucket(secondary_region, account_id.clone()),
                    log_replication_role_name: names.regional("s3-log-replication", primary_region),
                }
            }),
        },
    )
}
