//! One deployment of the whole payments system, composed from its pieces.
//! The pieces are created in the order of the system's dependencies (the
//! regional stacks need the transactions table, the conflict detectors and
//! the queue replication need the regional stacks' topics and queues), and
//! the DR report lists suppressions in that order.

use constructs::aws::sts::Account;
use constructs::core::{Expr, Scope};
use constructs::dr::RegionRole;
use constructs::dr::encryption::RegionalKeys;
use constructs::dr::global_table::GlobalTable;
use constructs::dr::replicated_bucket::ReplicatedBucket;

use crate::config::Config;
use crate::failover::{Failover, FailoverProps};
use crate::monitoring::{Monitoring, MonitoringProps};
use crate::names::Names;
use crate::providers::{Providers, default_tags};
use crate::regional_stack::{RegionalStack, RegionalStackProps};
use crate::replication::{ConflictDetectionProps, detect_conflicts, queue_replication};
use crate::storage::{
    conflicts_table, documents_bucket, regional_keys, tag_replicas, transactions_table,
};

/// What one deployment is given.
pub(crate) struct DeploymentProps<'a> {
    /// The deployment's settings.
    pub(crate) config: &'a Config,
    /// The stack's providers, which deployments of one stack share.
    pub(crate) providers: &'a Providers,
    /// Fails the primary's health check on purpose while true; `None` with
    /// recovery control.
    pub(crate) drill: Option<&'a Expr>,
}

/// One deployment of the whole system: the pieces its outputs are read
/// from.
pub(crate) struct Deployment {
    /// The primary's and the secondary's stacks, in that order.
    pub(crate) regions: Vec<RegionalStack>,
    /// The transactions global table.
    pub(crate) transactions: GlobalTable,
    /// The global table of write conflicts.
    pub(crate) conflicts: GlobalTable,
    /// The documents bucket and its replica.
    pub(crate) documents: ReplicatedBucket,
    /// The failover name and its health checks' alarm topic.
    pub(crate) failover: Failover,
    /// The alarms and the dashboard.
    pub(crate) monitoring: Monitoring,
}

impl Deployment {
    /// Builds the deployment under `root`, which is bound to the primary.
    pub(crate) fn new(root: &mut Scope<'_>, props: DeploymentProps<'_>) -> Self {
        let DeploymentProps {
            config,
            providers,
            drill,
        } = props;
        let names = Names::new(config);
        let account = Account::lookup(root);
        let keys = regional_keys(
            &mut root.child("encryption"),
            providers,
            &names,
            &account,
            config.profile.is_production(),
        );
        let transactions =
            transactions_table(&mut root.child("transactions"), &names, &keys, config);
        let regions = regional_stacks(
            root,
            providers,
            config,
            &names,
            &account,
            &transactions,
            &keys,
        );
        let conflicts = conflicts_table(&mut root.child("conflicts"), &names, &keys, config);
        tag_replicas(
            &mut root.child_in("replica_tags", &providers.secondary),
            &[("transactions", &transactions), ("conflicts", &conflicts)],
            &default_tags(config, RegionRole::Secondary.tag()),
        );
        detect_conflicts(
            root,
            &regions,
            ConflictDetectionProps {
                names: &names,
                account: &account,
                table: &transactions,
                conflicts: &conflicts,
                keys: &keys,
                log_retention_days: config.profile.log_retention_days(),
            },
        );
        let documents = documents_bucket(
            &mut root.child("documents"),
            &providers.secondary,
            &names,
            config,
            &account,
            &keys,
        );
        let pair = [&regions[0], &regions[1]];
        let replicator = queue_replication(
            &mut root.child("queue_replication"),
            pair,
            &names,
            config,
            &keys,
        );
        let failover = Failover::new(
            root,
            FailoverProps {
                config,
                names: &names,
                providers,
                regions: pair,
                account: &account,
                keys: &keys,
                drill,
            },
        );
        let monitoring = Monitoring::new(
            &mut root.child("monitoring"),
            MonitoringProps {
                names: &names,
                regions: &regions,
                table_name: &transactions.name,
                conflict_table_name: &conflicts.name,
                bucket: &documents,
                replicator: &replicator,
                health_checks: &failover.dns.health_checks,
                health_alarm_region: (providers.us_east_1(), &failover.health_alarm_topic),
            },
        );
        Self {
            regions,
            transactions,
            conflicts,
            documents,
            failover,
            monitoring,
        }
    }
}

/// The primary's and the secondary's stacks, each under its role's name
/// and bound to its region's provider.
fn regional_stacks(
    root: &mut Scope<'_>,
    providers: &Providers,
    config: &Config,
    names: &Names,
    account: &Account,
    table: &GlobalTable,
    keys: &RegionalKeys,
) -> Vec<RegionalStack> {
    [
        (RegionRole::Primary, &providers.primary),
        (RegionRole::Secondary, &providers.secondary),
    ]
    .into_iter()
    .map(|(role, provider)| {
        RegionalStack::new(
            &mut root.child_in(role.id(), provider),
            RegionalStackProps {
                config,
                names,
                role,
                table_arn: table.arn_in(provider.region(), account),
                account,
                table_name: table.name.clone(),
                key_arn: keys.arn_in(provider.region()),
            },
        )
    })
    .collect()
}
