//! Synthesizing an app: its one stack rendered to a document, checked by
//! the policy rules, and read by the DR report. An app hands a
//! [`Synthesis`] to the CLI (or calls [`Synthesis::synthesize`] itself);
//! nothing here knows which app it is.

use std::collections::BTreeMap;

use crate::core::{App, ConstructPath, Diagnostics, Document, Error, Stack};
use crate::dr::report::DrReport;
use crate::rules::{self, RuleResult};

/// An app and what synth needs to know about it besides its stack.
///
/// ```
/// use constructs::core::{App, AwsProvider, Stack};
/// use constructs::dr::global_table::{GlobalTable, GlobalTableProps, Key, TableReplica};
/// use constructs::rules::{Context, Posture};
/// use constructs::Synthesis;
///
/// let mut stack = Stack::new("ledger");
/// let primary = stack.provider(AwsProvider::new("primary", "eu-west-1"));
/// GlobalTable::new(
///     &mut stack.scope(&primary).child("entries"),
///     GlobalTableProps::new("entries-dev", Key::string("id"), vec![TableReplica::in_region("eu-central-1")]),
/// );
/// let mut app = App::new();
/// app.add_stack(stack);
/// let rules = Context { name_suffix: Some("dev".into()), posture: Posture::Disposable };
/// let synthesized = Synthesis::new("ledger", app, rules).synthesize().unwrap();
/// assert!(synthesized.problems().is_empty());
/// assert_eq!(synthesized.report.recovery_points.len(), 1);
/// ```
pub struct Synthesis {
    /// A title for diagrams and help, e.g. "orders API, active-passive".
    pub title: String,
    /// The app; synth writes one stack, so it holds exactly one.
    pub app: App,
    /// How the policy rules read the stack.
    pub rules: rules::Context,
    /// The worst-case recovery time the stack must meet, in seconds; synth
    /// fails when its failover is slower.
    pub rto_target_seconds: Option<u32>,
    /// The app's own statements for the DR report, by topic.
    pub report_notes: BTreeMap<String, String>,
    /// What the app knows it leaves unprotected, for the DR report.
    pub report_gaps: Vec<String>,
    /// Settings that synthesize but weaken the stack; printed by the CLI.
    pub warnings: Vec<String>,
    /// The construct type at each top-level path, for diagrams.
    pub construct_kinds: Vec<(String, String)>,
    /// Applied to the document after the checks, before it is written: a
    /// target's differences (an emulator's), never a fix for a rule.
    pub adapt: Option<fn(Document) -> Document>,
}

/// A synthesized app: its document, the construct path of every block, the
/// rules' results and the DR report.
pub struct Synthesized {
    /// The document, adapted to its target.
    pub document: Document,
    /// Each block's address and the construct path that created it.
    pub paths: BTreeMap<String, ConstructPath>,
    /// Every rule's outcome on the unadapted document.
    pub audit: Vec<RuleResult>,
    /// Suppressions that accept no finding.
    pub unmatched_suppressions: Vec<String>,
    /// The DR report of the unadapted document.
    pub report: DrReport,
    /// Whether the report's recovery-time target is missed, and why.
    pub missed_target: Option<Error>,
}

impl Synthesis {
    /// `app` with `rules` and nothing else: no target, notes or warnings.
    pub fn new(title: &str, app: App, rules: rules::Context) -> Self {
        Self {
            title: title.to_owned(),
            app,
            rules,
            rto_target_seconds: None,
            report_notes: BTreeMap::new(),
            report_gaps: Vec::new(),
            warnings: Vec::new(),
            construct_kinds: Vec::new(),
            adapt: None,
        }
    }

    /// The one stack of the app, or why there is not exactly one.
    pub fn stack(&self) -> Result<&Stack, Diagnostics> {
        match self.app.stacks() {
            [stack] => Ok(stack),
            stacks => Err(Error::invalid_setting(
                "app",
                format!("{} stacks", stacks.len()),
                "synth writes one main.tf.json and needs exactly one stack",
                "put every construct in one stack",
            )
            .into()),
        }
    }

    /// Renders the stack, runs the rules and computes the report. Errors are
    /// those of the stack itself; rule failures are [`Synthesized::problems`].
    pub fn synthesize(self) -> Result<Synthesized, Diagnostics> {
        let paths = self.stack()?.construct_paths();
        let document = self.app.into_documents()?.remove(0);
        let audit = rules::audit(&document, &self.rules);
        let unmatched_suppressions = rules::unmatched_suppressions(&document, &audit);
        let mut report = DrReport::of(&document)
            .with_target(self.rto_target_seconds)
            .with_gaps(self.report_gaps);
        for (topic, text) in self.report_notes {
            report = report.with_note(&topic, text);
        }
        let missed_target = report.check_target().err();
        let document = match self.adapt {
            Some(adapt) => adapt(document),
            None => document,
        };
        Ok(Synthesized {
            document,
            paths,
            audit,
            unmatched_suppressions,
            report,
            missed_target,
        })
    }
}

impl Synthesized {
    /// What fails synth besides the stack's own errors: findings no
    /// suppression accepts, suppressions that accept nothing, and a missed
    /// recovery-time target, each saying how to fix it.
    pub fn problems(&self) -> Vec<String> {
        let mut problems: Vec<String> = self
            .audit
            .iter()
            .flat_map(|r| {
                r.failed.iter().map(move |f| {
                    format!(
                        "rule {} ({}) fails on {}: {}; fix the construct, or suppress the rule on it with a reason (Meta::suppress)",
                        r.id, r.description, f.address, f.message
                    )
                })
            })
            .collect();
        problems.extend(self.unmatched_suppressions.iter().cloned());
        problems.extend(self.missed_target.iter().map(ToString::to_string));
        problems
    }
}
