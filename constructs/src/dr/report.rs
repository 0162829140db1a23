//! The DR report: what recovery time and recovery points a stack actually
//! gives, read from what the synthesized stack contains (its failover
//! records and health checks, table replicas, bucket replication, queue
//! forwarding), so it is right for any app and cannot drift from the stack.
//!
//! Worst-case recovery time a client sees is the sum of:
//! - interval x failure threshold: checkers must see that many failures;
//! - Route 53 propagation lag: aggregating checker results and updating its
//!   DNS servers;
//! - the TTL clients cache the old answer for.

use std::collections::{BTreeMap, HashSet};
use std::fmt;

use serde::Serialize;
use serde_json::Value;

use crate::core::{Document, Error, Suppression};

use super::conflict_detection::{CONFLICT_METRIC, watched_tables};
use super::queue_replication::forwarded_queues;
use super::replicated_bucket::RTC_MINUTES;

/// What we budget for Route 53 to aggregate its checkers' results and stop
/// answering with the failed record. AWS publishes no bound; this is the
/// commonly observed upper range.
pub const ROUTE53_PROPAGATION_SECONDS: u32 = 30;

/// The TTL of an alias record to an API Gateway regional domain: alias
/// records take their target's TTL, which AWS sets to 60 seconds.
pub const ALIAS_TARGET_TTL_SECONDS: u32 = 60;

/// The settings that decide how long a failover takes.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
pub struct RecoveryTime {
    /// Seconds between health checks.
    pub health_check_interval_seconds: u32,
    /// Failed checks before the endpoint is unhealthy.
    pub failure_threshold: u32,
    /// How long clients keep the old answer: the record's TTL.
    pub client_dns_cache_seconds: u32,
}

impl RecoveryTime {
    /// Seconds until Route 53 sees the failure.
    pub fn detection_seconds(&self) -> u32 {
        self.health_check_interval_seconds * self.failure_threshold
    }

    /// Detection, propagation and client DNS cache, in seconds.
    pub fn worst_case_seconds(&self) -> u32 {
        self.detection_seconds() + ROUTE53_PROPAGATION_SECONDS + self.client_dns_cache_seconds
    }

    /// Refuses a recovery-time objective these settings cannot meet, saying
    /// which setting to change.
    pub fn check_target(&self, target_seconds: u32) -> Result<(), Error> {
        let worst_case = self.worst_case_seconds();
        if worst_case <= target_seconds {
            return Ok(());
        }
        let fixed = ROUTE53_PROPAGATION_SECONDS + self.client_dns_cache_seconds;
        let budget = target_seconds.saturating_sub(fixed);
        let options: Vec<String> = [30, 10]
            .into_iter()
            .filter_map(|interval| {
                let threshold = (budget / interval).min(10);
                (threshold >= 1).then(|| {
                    format!("health-check interval {interval} s with failure threshold {threshold} or less")
                })
            })
            .collect();
        let fix = if options.is_empty() {
            format!(
                "no health-check setting can meet it: propagation and DNS caching alone take {fixed} s, \
                 and the fastest detection takes 10 s; raise the target, or shorten the DNS cache (a CNAME \
                 record with a lower TTL instead of an alias, whose TTL is its target's {ALIAS_TARGET_TTL_SECONDS} s)"
            )
        } else {
            format!("use {}", options.join(", or "))
        };
        Err(Error::invalid_setting(
            "RTO target",
            format!("{target_seconds}s"),
            format!(
                "the worst-case recovery time is {worst_case} s ({} s x {} failures + {ROUTE53_PROPAGATION_SECONDS} s Route 53 propagation + {} s DNS cache)",
                self.health_check_interval_seconds,
                self.failure_threshold,
                self.client_dns_cache_seconds
            ),
            fix,
        ))
    }
}

/// The failover figures of a stack with DNS failover.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Failover {
    /// Seconds between health checks of the primary.
    pub health_check_interval_seconds: u32,
    /// Failed checks before the primary is unhealthy.
    pub failure_threshold: u32,
    /// Interval x threshold.
    pub detection_seconds: u32,
    /// [`ROUTE53_PROPAGATION_SECONDS`].
    pub route53_propagation_seconds: u32,
    /// The failover record's TTL (an alias takes its target's).
    pub client_dns_cache_seconds: u32,
    /// The sum: how long a client may wait after the primary fails.
    pub worst_case_recovery_seconds: u32,
}

impl From<RecoveryTime> for Failover {
    fn from(time: RecoveryTime) -> Self {
        Self {
            health_check_interval_seconds: time.health_check_interval_seconds,
            failure_threshold: time.failure_threshold,
            detection_seconds: time.detection_seconds(),
            route53_propagation_seconds: ROUTE53_PROPAGATION_SECONDS,
            client_dns_cache_seconds: time.client_dns_cache_seconds,
            worst_case_recovery_seconds: time.worst_case_seconds(),
        }
    }
}

/// Failover through Route 53 ARC: the PRIMARY records follow routing
/// controls, which an operator switches through the cluster's endpoints.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct ManualFailover {
    /// The routing controls the PRIMARY records follow: switching one Off
    /// fails its region over (while the secondary's is On).
    pub switch_off: Vec<String>,
    /// [`ROUTE53_PROPAGATION_SECONDS`], after the switch.
    pub route53_propagation_seconds: u32,
    /// The failover record's TTL (an alias takes its target's).
    pub client_dns_cache_seconds: u32,
    /// Propagation + DNS cache: how long clients take to follow a switch.
    pub after_switch_seconds: u32,
}

/// A stack's recovery time and recovery points, with what it leaves open.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct DrReport {
    /// The slowest failover of the stack's failover records; `None` when it
    /// has none (then recovery is manual, and [`DrReport::gaps`] says so).
    #[serde(flatten)]
    pub failover: Option<Failover>,
    /// Failover by switching ARC routing controls, when the records follow
    /// them instead of health checks of the endpoints.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub manual_failover: Option<ManualFailover>,
    /// The variable that starts a failover drill when true (the primary's
    /// health check probes a path the API does not serve), when the stack
    /// has one.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub failover_drill: Option<String>,
    /// The recovery-time objective the stack is held to.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub rto_target_seconds: Option<u32>,
    /// How much of each replicated store a regional failure can lose.
    pub recovery_points: Vec<RecoveryPoint>,
    /// Where writes of one key in two regions are caught, per replicated
    /// table that a conflict detector watches.
    pub write_conflicts: Vec<WriteConflicts>,
    /// What the app states about its own behaviour on failover, by topic
    /// (e.g. `authorization_on_failover`).
    pub notes: BTreeMap<String, String>,
    /// What the stack does not protect, said plainly.
    pub gaps: Vec<String>,
    /// Policy rules accepted on resources, with the reasons.
    pub suppressions: Vec<Suppression>,
}

/// One store and how much of it a regional failure can lose.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct RecoveryPoint {
    /// The resource's address.
    pub store: String,
    /// How it reaches the other region.
    pub mechanism: String,
    /// What may be missing there when the primary fails.
    pub recovery_point: String,
}

/// One replicated table's write conflicts: when they happen and where
/// they are found.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct WriteConflicts {
    /// The table's address.
    pub table: String,
    /// When a double write happens and what replication does with it.
    pub window: String,
    /// The regions whose stream a detector reads.
    pub detected_in: Vec<String>,
    /// The addresses of the tables conflicts are recorded in.
    pub recorded_in: Vec<String>,
    /// Whether an alarm watches the conflict metric in every region a
    /// detector runs in (the metric is regional).
    pub alarmed: bool,
}

impl DrReport {
    /// The report of `document`, read from its resources.
    pub fn of(document: &Document) -> Self {
        let mut gaps = Vec::new();
        let (failover, manual_failover) = failover_time(document, &mut gaps);
        if failover.is_none() && manual_failover.is_none() {
            gaps.push(
                "no DNS failover record with a health check: clients are not moved to another region \
                 when one fails, so recovery time depends on whoever repoints them"
                    .to_owned(),
            );
        }
        let mut recovery_points = Vec::new();
        let alarms = Alarms::of(document);
        tables(document, &alarms, &mut recovery_points, &mut gaps);
        buckets(document, &mut recovery_points, &mut gaps);
        queues(document, &alarms, &mut recovery_points);
        let write_conflicts = write_conflicts(document, &alarms, &mut gaps);
        Self {
            failover: failover.map(Failover::from),
            manual_failover,
            failover_drill: drill_variable(document),
            rto_target_seconds: None,
            recovery_points,
            write_conflicts,
            notes: BTreeMap::new(),
            gaps,
            suppressions: document.suppressions().to_vec(),
        }
    }

    /// The report held to a recovery-time objective.
    pub fn with_target(mut self, target_seconds: Option<u32>) -> Self {
        self.rto_target_seconds = target_seconds;
        self
    }

    /// The report with the app's own statement on `topic`.
    pub fn with_note(mut self, topic: &str, text: String) -> Self {
        self.notes.insert(topic.to_owned(), text);
        self
    }

    /// The report with gaps the app knows of and the document cannot show.
    pub fn with_gaps(mut self, gaps: impl IntoIterator<Item = String>) -> Self {
        self.gaps.extend(gaps);
        self
    }

    /// Refuses a stack that cannot meet its recovery-time objective, or
    /// that has one and no failover to meet it with.
    pub fn check_target(&self) -> Result<(), Error> {
        let Some(target) = self.rto_target_seconds else {
            return Ok(());
        };
        if self.manual_failover.is_some() {
            return Err(Error::invalid_setting(
                "RTO target",
                format!("{target}s"),
                "failover is manual (Route 53 ARC routing controls), so the recovery time includes an \
                 operator's decision, which synth cannot bound",
                "drop the target, or fail over automatically on the health checks (no recovery control)",
            ));
        }
        match &self.failover {
            Some(failover) => RecoveryTime {
                health_check_interval_seconds: failover.health_check_interval_seconds,
                failure_threshold: failover.failure_threshold,
                client_dns_cache_seconds: failover.client_dns_cache_seconds,
            }
            .check_target(target),
            None => Err(Error::invalid_setting(
                "RTO target",
                format!("{target}s"),
                "the stack has no failover record with a health check, so nothing moves clients within it",
                "add a FailoverDns construct, or drop the target",
            )),
        }
    }
}

/// The variable a PRIMARY failover record's health check is drilled by:
/// `resource_path = "${var.<name> ? ... : ...}"`.
pub fn drill_variable(document: &Document) -> Option<String> {
    document
        .resources("aws_route53_record")
        .filter(|(_, record)| record["failover_routing_policy"]["type"] == "PRIMARY")
        .filter_map(|(_, record)| {
            let (_, check) = Document::first_reference(&record["health_check_id"])?;
            document.resource("aws_route53_health_check", check)
        })
        .find_map(|check| {
            let path = check["resource_path"].as_str()?;
            let name = path.strip_prefix("${var.")?.split(' ').next()?;
            Some(name.to_owned())
        })
}

/// The stack's alarms, indexed once: which dimension values each metric
/// is watched with, in which region. Every question the report asks of
/// them is then a lookup, so the report stays linear in the stack's size.
struct Alarms<'d> {
    /// (metric, dimension value, region).
    watched: HashSet<(&'d str, &'d str, &'d str)>,
    /// (metric, dimension value), in any region.
    anywhere: HashSet<(&'d str, &'d str)>,
    /// (metric, type, id) of a dimension that refers to a block.
    referring: HashSet<(&'d str, &'d str, &'d str)>,
}

impl<'d> Alarms<'d> {
    fn of(document: &'d Document) -> Self {
        let mut watched = HashSet::new();
        let mut anywhere = HashSet::new();
        let mut referring = HashSet::new();
        for (_, alarm) in document.resources("aws_cloudwatch_metric_alarm") {
            let Some(metric) = alarm["metric_name"].as_str() else {
                continue;
            };
            let region = document.region_of(alarm).unwrap_or_default();
            for (_, dimension) in alarm["dimensions"].as_object().into_iter().flatten() {
                let Some(value) = dimension.as_str() else {
                    continue;
                };
                watched.insert((metric, value, region));
                anywhere.insert((metric, value));
                if let Some((tf_type, id)) = Document::first_reference(dimension) {
                    referring.insert((metric, tf_type, id));
                }
            }
        }
        Self {
            watched,
            anywhere,
            referring,
        }
    }

    /// Whether an alarm watches `metric` with a dimension referring to the
    /// block `tf_type.id`.
    fn watch_block(&self, metric: &str, tf_type: &str, id: &str) -> bool {
        self.referring.contains(&(metric, tf_type, id))
    }

    /// Whether an alarm watches `metric` with a dimension of `value`.
    fn watch(&self, metric: &str, value: &str) -> bool {
        self.anywhere.contains(&(metric, value))
    }

    /// The same, with the alarm in `region`.
    fn watch_in(&self, metric: &str, value: &str, region: &str) -> bool {
        self.watched.contains(&(metric, value, region))
    }
}

/// The slowest automatic failover among the stack's PRIMARY failover
/// records, and the manual one of those that follow ARC routing controls.
fn failover_time(
    document: &Document,
    gaps: &mut Vec<String>,
) -> (Option<RecoveryTime>, Option<ManualFailover>) {
    let mut slowest: Option<RecoveryTime> = None;
    let mut manual: Option<ManualFailover> = None;
    for (id, record) in document.resources("aws_route53_record") {
        if record["failover_routing_policy"]["type"] != "PRIMARY" {
            continue;
        }
        let check = Document::first_reference(&record["health_check_id"])
            .filter(|(tf_type, _)| *tf_type == "aws_route53_health_check")
            .and_then(|(_, check)| document.resource("aws_route53_health_check", check));
        let Some(check) = check else {
            gaps.push(format!(
                "aws_route53_record.{id} fails over without a health check of this stack, so its recovery time is unknown"
            ));
            continue;
        };
        let number = |value: &Value, default: u64| {
            u32::try_from(value.as_u64().unwrap_or(default)).unwrap_or(u32::MAX)
        };
        let client_dns_cache_seconds = if record["alias"].is_object() {
            ALIAS_TARGET_TTL_SECONDS
        } else {
            number(&record["ttl"], 0)
        };
        if check["type"] == "RECOVERY_CONTROL" {
            let control = Document::first_reference(&check["routing_control_arn"]).map_or_else(
                || "a routing control of another stack".to_owned(),
                |(t, n)| format!("{t}.{n}"),
            );
            let entry = manual.get_or_insert(ManualFailover {
                switch_off: Vec::new(),
                route53_propagation_seconds: ROUTE53_PROPAGATION_SECONDS,
                client_dns_cache_seconds: 0,
                after_switch_seconds: 0,
            });
            entry.switch_off.push(control);
            // The slowest record decides.
            entry.client_dns_cache_seconds =
                entry.client_dns_cache_seconds.max(client_dns_cache_seconds);
            entry.after_switch_seconds =
                ROUTE53_PROPAGATION_SECONDS + entry.client_dns_cache_seconds;
            continue;
        }
        let time = RecoveryTime {
            // Route 53's defaults when unset.
            health_check_interval_seconds: number(&check["request_interval"], 30),
            failure_threshold: number(&check["failure_threshold"], 3),
            client_dns_cache_seconds,
        };
        if slowest.is_none_or(|s| time.worst_case_seconds() > s.worst_case_seconds()) {
            slowest = Some(time);
        }
    }
    (slowest, manual)
}

fn tables(
    document: &Document,
    alarms: &Alarms<'_>,
    points: &mut Vec<RecoveryPoint>,
    gaps: &mut Vec<String>,
) {
    for (id, table) in document.resources("aws_dynamodb_table") {
        let regions: Vec<&str> = table["replica"]
            .as_array()
            .into_iter()
            .flatten()
            .filter_map(|r| r["region_name"].as_str())
            .collect();
        if regions.is_empty() {
            gaps.push(format!(
                "aws_dynamodb_table.{id} has no replica: its data is lost with its region"
            ));
            continue;
        }
        let watched = table["name"]
            .as_str()
            .is_some_and(|name| alarms.watch("ReplicationLatency", name));
        points.push(RecoveryPoint {
            store: format!("aws_dynamodb_table.{id}"),
            mechanism: format!(
                "DynamoDB global table, asynchronous replication to {}",
                regions.join(", ")
            ),
            recovery_point: format!(
                "typically under 1 second{}",
                if watched {
                    " (watch the ReplicationLatency alarm)"
                } else {
                    ""
                }
            ),
        });
        if !watched {
            gaps.push(format!(
                "no alarm on the replication latency of aws_dynamodb_table.{id}: a lagging replica goes unseen \
                 (monitoring::Alarm::table_replication_latency)"
            ));
        }
        // After a failover the replicas take the writes: their replication
        // back is what failback waits for.
        let home = document.region_of(table).unwrap_or_default();
        let name = table["name"].as_str().unwrap_or_default();
        for replica in &regions {
            let watched_back = alarms.watch_in("ReplicationLatency", name, replica)
                && alarms.watch_in("ReplicationLatency", home, replica);
            if !watched_back {
                gaps.push(format!(
                    "no alarm in {replica} on the replication of aws_dynamodb_table.{id} back to {home}: after a \
                     failover, writes taken in {replica} may not have reached {home} when traffic fails back \
                     (monitoring::Alarm::table_replication_latency in {replica}, receiving {home})"
                ));
            }
        }
        if table["point_in_time_recovery"]["enabled"] != true {
            gaps.push(format!(
                "aws_dynamodb_table.{id} has no point-in-time recovery: a bad write replicates and cannot be undone"
            ));
        }
    }
}

fn buckets(document: &Document, points: &mut Vec<RecoveryPoint>, gaps: &mut Vec<String>) {
    let mut replicated = HashSet::new();
    for (_, replication) in document.resources("aws_s3_bucket_replication_configuration") {
        replicated.extend(Document::first_reference(&replication["bucket"]).map(|(_, id)| id));
        replicated.extend(
            replication["rule"]
                .as_array()
                .into_iter()
                .flatten()
                .filter_map(|rule| Document::first_reference(&rule["destination"]["bucket"]))
                .map(|(_, id)| id),
        );
        let source = Document::first_reference(&replication["bucket"])
            .map(|(tf_type, id)| format!("{tf_type}.{id}"))
            .unwrap_or_else(|| replication["bucket"].to_string());
        let rules = replication["rule"].as_array().into_iter().flatten();
        let timed = rules
            .clone()
            .any(|rule| rule["destination"]["replication_time"]["status"] == "Enabled");
        let destinations: Vec<String> = rules
            .filter_map(|rule| Document::first_reference(&rule["destination"]["bucket"]))
            .map(|(tf_type, id)| format!("{tf_type}.{id}"))
            .collect();
        points.push(RecoveryPoint {
            store: source,
            mechanism: format!(
                "S3 cross-region replication{} to {}",
                if timed {
                    " with Replication Time Control"
                } else {
                    ""
                },
                destinations.join(", ")
            ),
            recovery_point: if timed {
                format!("99.99% of objects within {RTC_MINUTES} minutes (RTC SLA)")
            } else {
                "best effort, usually minutes, with no time AWS commits to".to_owned()
            },
        });
    }
    for (id, _) in document.resources("aws_s3_bucket") {
        if !replicated.contains(&id.as_str()) {
            gaps.push(format!(
                "aws_s3_bucket.{id} is not replicated: its objects are lost with its region"
            ));
        }
    }
}

/// Replicated tables and their conflict detection; a replicated table no
/// detector watches (other than a conflict table) is a gap.
fn write_conflicts(
    document: &Document,
    alarms: &Alarms<'_>,
    gaps: &mut Vec<String>,
) -> Vec<WriteConflicts> {
    let watched = watched_tables(document);
    let watched_ids: HashSet<&str> = watched.iter().map(|w| w.table).collect();
    let conflict_tables: HashSet<&str> = watched
        .iter()
        .flat_map(|w| w.recorded_in.iter().copied())
        .collect();
    for (id, table) in document.resources("aws_dynamodb_table") {
        let replicated = table["replica"].as_array().is_some_and(|r| !r.is_empty());
        let watched = watched_ids.contains(id.as_str());
        if replicated && !watched && !conflict_tables.contains(&id.as_str()) {
            gaps.push(format!(
                "a key of aws_dynamodb_table.{id} written in two regions within the replication lag keeps \
                 the later write and loses the other silently: no conflict detector reads its streams \
                 (dr::conflict_detection)"
            ));
        }
    }
    watched
        .into_iter()
        .map(|table| {
            let body = document.resource("aws_dynamodb_table", table.table);
            let name = body.and_then(|t| t["name"].as_str());
            let latency_alarm = name.is_some_and(|name| alarms.watch("ReplicationLatency", name));
            // Every copy's region: a conflict is seen only where the
            // replaced write was made.
            let copies = body
                .and_then(|t| document.region_of(t))
                .into_iter()
                .chain(
                    body.and_then(|t| t["replica"].as_array())
                        .into_iter()
                        .flatten()
                        .filter_map(|r| r["region_name"].as_str()),
                );
            for region in copies {
                if !table.regions.contains(&region) {
                    gaps.push(format!(
                        "no conflict detector reads aws_dynamodb_table.{}'s stream in {region}: a write made \
                         there and replaced by another region's goes unrecorded",
                        table.table
                    ));
                }
            }
            let alarmed_in = |region: &str| {
                name.is_some_and(|name| alarms.watch_in(CONFLICT_METRIC, name, region))
            };
            WriteConflicts {
                table: format!("aws_dynamodb_table.{}", table.table),
                window: format!(
                    "a key written in two regions within the replication lag (typically under 1 second{}) \
                     keeps the later write in both",
                    if latency_alarm {
                        "; the ReplicationLatency alarm fires when it grows"
                    } else {
                        ""
                    }
                ),
                detected_in: table.regions.iter().map(|r| (*r).to_owned()).collect(),
                recorded_in: table
                    .recorded_in
                    .iter()
                    .map(|id| format!("aws_dynamodb_table.{id}"))
                    .collect(),
                alarmed: table.regions.iter().all(|region| alarmed_in(region)),
            }
        })
        .collect()
}

/// Queues a function forwards to a queue in another region.
fn queues(document: &Document, alarms: &Alarms<'_>, points: &mut Vec<RecoveryPoint>) {
    for (source, destinations) in forwarded_queues(document) {
        let watched = alarms.watch_block("ApproximateAgeOfOldestMessage", "aws_sqs_queue", source);
        let destinations: Vec<String> = destinations
            .iter()
            .map(|id| format!("aws_sqs_queue.{id}"))
            .collect();
        points.push(RecoveryPoint {
            store: format!("aws_sqs_queue.{source}"),
            mechanism: format!(
                "forwarded by a Lambda function to {}, at least once",
                destinations.join(", ")
            ),
            recovery_point: format!(
                "messages not yet forwarded when the primary fails{}; duplicates possible",
                if watched {
                    " (watch the message-age alarm)"
                } else {
                    ", unseen without an alarm on the queue's ApproximateAgeOfOldestMessage"
                }
            ),
        });
    }
}

impl fmt::Display for DrReport {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        writeln!(f, "DR report")?;
        match &self.failover {
            Some(failover) => {
                writeln!(
                    f,
                    "  failure detection      {} s  ({} s interval x {} failures)",
                    failover.detection_seconds,
                    failover.health_check_interval_seconds,
                    failover.failure_threshold
                )?;
                writeln!(
                    f,
                    "  Route 53 propagation   {} s",
                    failover.route53_propagation_seconds
                )?;
                writeln!(
                    f,
                    "  client DNS cache       {} s",
                    failover.client_dns_cache_seconds
                )?;
                write!(
                    f,
                    "  worst-case recovery    {} s",
                    failover.worst_case_recovery_seconds
                )?;
                match self.rto_target_seconds {
                    Some(target) if failover.worst_case_recovery_seconds <= target => {
                        writeln!(f, "  (target {target} s: met)")?
                    }
                    Some(target) => writeln!(
                        f,
                        "  (target {target} s: MISSED by {} s)",
                        failover.worst_case_recovery_seconds - target
                    )?,
                    None => writeln!(f)?,
                }
            }
            None if self.manual_failover.is_some() => {}
            None => writeln!(f, "  worst-case recovery    unknown: no DNS failover")?,
        }
        if let Some(manual) = &self.manual_failover {
            writeln!(
                f,
                "  failover               manual, through Route 53 ARC: switch {} Off at any of the cluster's \
                 five regional endpoints (a data plane: no call to Route 53's control plane in us-east-1) \
                 while the secondary's is On; the safety rule refuses a change that leaves none On, and \
                 routing controls start Off: switch both On after the first apply",
                manual.switch_off.join(", ")
            )?;
            writeln!(
                f,
                "  after the switch       {} s  ({} s Route 53 propagation + {} s client DNS cache)",
                manual.after_switch_seconds,
                manual.route53_propagation_seconds,
                manual.client_dns_cache_seconds
            )?;
        }
        if let Some(variable) = &self.failover_drill {
            writeln!(
                f,
                "  failover drill         plan with -var {variable}=true (the primary's health check probes a \
                 path the API does not serve), check the plan with `synth drill`, apply; end it with {variable}=false"
            )?;
        }
        for point in &self.recovery_points {
            writeln!(f, "  RPO {}: {}", point.store, point.recovery_point)?;
            writeln!(f, "      {}", point.mechanism)?;
        }
        for conflicts in &self.write_conflicts {
            writeln!(
                f,
                "  write conflicts {}: {}",
                conflicts.table, conflicts.window
            )?;
            writeln!(
                f,
                "      detected in {} (the region whose write was replaced), recorded in {} with status open \
                 until reconciled, {}",
                conflicts.detected_in.join(", "),
                conflicts.recorded_in.join(", "),
                if conflicts.alarmed {
                    "with an alarm on the detecting region's topic"
                } else {
                    "with no alarm on its ReplicationConflicts metric in every detecting region: watch the table"
                }
            )?;
        }
        for (topic, text) in &self.notes {
            writeln!(f, "  {}  {text}", topic.replace('_', " "))?;
        }
        for gap in &self.gaps {
            writeln!(f, "  gap: {gap}")?;
        }
        for suppression in &self.suppressions {
            writeln!(
                f,
                "  suppressed {} on {}: {}",
                suppression.rule, suppression.address, suppression.reason
            )?;
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests;
