//! Command-line arguments: the CLI's own, and the app's settings `S`
//! flattened in.

use std::path::PathBuf;

use clap::{Parser, ValueEnum};

/// Synthesizes a disaster-recovery stack to Terraform JSON.
///
/// With no arguments, writes terraform/main.tf.json with the app's default
/// settings and prints the DR report (worst-case recovery time and recovery
/// points) read from the synthesized stack.
///
/// Exit codes: 0 success; 1 `--check` found that the file on disk differs
/// from what synth would write; 2 invalid arguments, an invalid
/// configuration, an invalid stack or a failed write (nothing is written);
/// `plan-summary` exits 2 on a destroy or replacement of stateful data
/// unless --allow-data-loss is given.
#[derive(Debug, Parser)]
#[command(name = "synth", version)]
pub struct Args<S: clap::Args> {
    /// What to do besides synthesizing; nothing means synthesize.
    #[command(subcommand)]
    pub command: Option<Command>,

    /// Directory to write main.tf.json into.
    #[arg(long, global = true, value_name = "DIR", default_value = "terraform")]
    pub out: PathBuf,

    /// How to print the DR report: text on standard error, or json on
    /// standard output.
    #[arg(
        long,
        value_name = "FORMAT",
        default_value = "text",
        conflicts_with = "stdout"
    )]
    pub report: ReportFormat,

    /// Print the configuration to standard output instead of writing a file.
    #[arg(long, global = true, conflicts_with = "check")]
    pub stdout: bool,

    /// Write nothing; exit 1 if DIR/main.tf.json is not exactly what synth
    /// would write (CI uses this to keep the committed file fresh).
    #[arg(long, global = true)]
    pub check: bool,

    /// The app's own settings.
    #[command(flatten)]
    pub settings: S,
}

/// An app without settings of its own: its builder decides everything.
#[derive(Clone, Copy, Debug, Default, clap::Args)]
pub struct NoSettings {}

/// The subcommands.
#[derive(Debug, clap::Subcommand)]
pub enum Command {
    /// Draw the constructs, their regions and the references between them.
    Graph {
        /// `dot` for Graphviz, `mermaid` for Markdown.
        #[arg(long, value_name = "FORMAT", default_value = "mermaid")]
        format: GraphFormat,
        /// How many construct names deep a node goes (1: `primary`, 2:
        /// `primary/api`).
        #[arg(long, value_name = "N", default_value_t = 1, value_parser = clap::value_parser!(u8).range(1..=4))]
        depth: u8,
    },
    /// Run the policy rules on the synthesized stack and print every rule:
    /// passed, failed or suppressed (with its reason). Exits 2 on a failure.
    Audit,
    /// Check that a saved plan of a failover drill (`terraform plan -var
    /// failover_drill=true`, or `=false` to end it) changes the health
    /// checks' drill switch and nothing else, and print what to watch.
    /// Exits 2 when the plan changes anything else or not the switch.
    Drill {
        /// The JSON of `terraform show -json <planfile>`.
        #[arg(value_name = "PLAN_JSON")]
        plan: PathBuf,
    },
    /// Summarize a saved plan (`terraform show -json tfplan`) by region and
    /// construct; refuse destroys and replacements of stateful resources.
    PlanSummary {
        /// The JSON of `terraform show -json <planfile>`.
        #[arg(value_name = "PLAN_JSON")]
        plan: PathBuf,
        /// Accept destroying or replacing tables, buckets, zones, queues
        /// or certificates.
        #[arg(long)]
        allow_data_loss: bool,
    },
}

/// The diagram language of `graph`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum GraphFormat {
    /// Graphviz.
    Dot,
    /// Mermaid, for Markdown.
    Mermaid,
}

/// How to print the DR report.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum ReportFormat {
    /// Text on standard error.
    Text,
    /// JSON on standard output.
    Json,
}
