//! The `synth` command line for any app built with the drsynth constructs:
//! synth (with `--check` and `--stdout`), `graph`, `audit`, `plan-summary`
//! and the DR report. An app's `main` hands its builder to [`main`]; the
//! builder takes the app's own settings (a `clap::Args` type, or
//! [`NoSettings`]) and returns a [`Synthesis`]. [`run`] is the whole
//! program, so tests drive it in-process with their own arguments and
//! output streams.

#![deny(missing_docs)]

mod args;
mod drill;
mod graph;
mod manifest;
mod output;
mod plan_summary;

use std::collections::BTreeMap;
use std::ffi::OsString;
use std::fmt;
use std::fs;
use std::io::{self, Write};
use std::path::Path;
use std::process::ExitCode;

use clap::Parser;

use constructs::core::{ConstructPath, Diagnostics, Document};
use constructs::{Synthesis, Synthesized};
use manifest::Manifest;

pub use args::{Args, Command, GraphFormat, NoSettings, ReportFormat};

/// The file synth writes in the output directory.
pub const FILE_NAME: &str = "main.tf.json";

/// Exit codes, as documented in `--help`.
pub mod exit {
    /// Success.
    pub const SUCCESS: u8 = 0;
    /// `--check`: the file on disk is not what synth writes.
    pub const CHECK_DIFFERS: u8 = 1;
    /// Invalid arguments, settings or stack, or a failed write.
    pub const ERROR: u8 = 2;
    /// `plan-summary`: the plan destroys or replaces stateful resources.
    pub const DATA_LOSS: u8 = 2;
}

/// Why an app could not be built: every message, each with its fix.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Refused(pub String);

impl fmt::Display for Refused {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl From<Diagnostics> for Refused {
    fn from(diagnostics: Diagnostics) -> Self {
        Self(diagnostics.error_lines())
    }
}

impl From<String> for Refused {
    fn from(message: String) -> Self {
        Self(message)
    }
}

/// Runs the CLI on the app `builder` makes from its settings `S` (its own
/// flags, flattened into the CLI's) with the process's arguments and
/// streams: what a user's `main` calls. Declare the app's flags with
/// `#[arg(long, global = true)]` so they also work after a subcommand
/// (`audit --env prod`).
///
/// ```no_run
/// use constructs::Synthesis;
/// use constructs::core::{App, AwsProvider, Stack};
/// use constructs::rules::{Context, Posture};
/// use drsynth_cli::{NoSettings, Refused};
///
/// fn orders(_: &NoSettings) -> Result<Synthesis, Refused> {
///     let mut stack = Stack::new("orders");
///     stack.provider(AwsProvider::new("primary", "eu-west-1"));
///     // ... the constructs of the stack ...
///     let mut app = App::new();
///     app.add_stack(stack);
///     let rules = Context { name_suffix: Some("dev".into()), posture: Posture::Disposable };
///     Ok(Synthesis::new("orders", app, rules))
/// }
///
/// fn main() -> std::process::ExitCode {
///     drsynth_cli::main(orders)
/// }
/// ```
pub fn main<S, B>(builder: B) -> ExitCode
where
    S: clap::Args,
    B: Fn(&S) -> Result<Synthesis, Refused>,
{
    ExitCode::from(run(
        builder,
        std::env::args_os(),
        &mut io::stdout(),
        &mut io::stderr(),
    ))
}

/// Runs the CLI with `args` (the first being the program name) on the app
/// `builder` makes, writing only to the streams given, and returns the exit
/// code; tests drive it in-process.
pub fn run<S, B, I, T>(builder: B, args: I, stdout: &mut dyn Write, stderr: &mut dyn Write) -> u8
where
    S: clap::Args,
    B: Fn(&S) -> Result<Synthesis, Refused>,
    I: IntoIterator<Item = T>,
    T: Into<OsString> + Clone,
{
    let args = match Args::<S>::try_parse_from(args) {
        Ok(args) => args,
        Err(error) => {
            let rendered = error.render();
            return if error.use_stderr() {
                let _ = write!(stderr, "{rendered}");
                exit::ERROR
            } else {
                let _ = write!(stdout, "{rendered}");
                exit::SUCCESS
            };
        }
    };
    let result = builder(&args.settings)
        .map_err(|refused| refused.0)
        .and_then(|synthesis| match &args.command {
            None => synth(synthesis, &args, stdout, stderr),
            Some(Command::Graph { format, depth }) => graph(synthesis, *format, *depth, stdout),
            Some(Command::Audit) => audit(synthesis, stdout),
            Some(Command::Drill { plan }) => drill(synthesis, plan, stdout, stderr),
            Some(Command::PlanSummary {
                plan,
                allow_data_loss,
            }) => plan_summary(synthesis, plan, *allow_data_loss, stdout, stderr),
        });
    match result {
        Ok(code) => code,
        Err(message) => {
            let _ = writeln!(stderr, "{message}");
            if args.command.is_none() {
                let _ = writeln!(stderr, "synth: nothing was written");
            }
            exit::ERROR
        }
    }
}

/// The app synthesized, with its rule failures, stale suppressions and
/// missed recovery target as errors.
fn checked(synthesis: Synthesis) -> Result<Synthesized, String> {
    let synthesized = synthesis.synthesize().map_err(|d| d.error_lines())?;
    let problems = synthesized.problems();
    if problems.is_empty() {
        Ok(synthesized)
    } else {
        let lines: Vec<String> = problems.iter().map(|p| format!("error: {p}")).collect();
        Err(lines.join("\n"))
    }
}

fn audit(synthesis: Synthesis, stdout: &mut dyn Write) -> Result<u8, String> {
    let synthesized = synthesis.synthesize().map_err(|d| d.error_lines())?;
    let results = &synthesized.audit;
    let _ = write!(stdout, "{}", constructs::rules::render(results));
    for problem in &synthesized.unmatched_suppressions {
        let _ = writeln!(stdout, "SUPPRESSION ERROR  {problem}");
    }
    if let Some(missed) = &synthesized.missed_target {
        let _ = writeln!(stdout, "TARGET ERROR  {missed}");
    }
    let failed = results.iter().any(|r| !r.failed.is_empty());
    let refused =
        !synthesized.unmatched_suppressions.is_empty() || synthesized.missed_target.is_some();
    Ok(if failed || refused {
        exit::ERROR
    } else {
        exit::SUCCESS
    })
}

fn graph(
    synthesis: Synthesis,
    format: GraphFormat,
    depth: u8,
    stdout: &mut dyn Write,
) -> Result<u8, String> {
    let graph = synthesis
        .stack()
        .map_err(|d| d.error_lines())?
        .construct_graph(usize::from(depth));
    let kinds_owned = synthesis.construct_kinds.clone();
    let kinds: Vec<(&str, &str)> = kinds_owned
        .iter()
        .map(|(path, kind)| (path.as_str(), kind.as_str()))
        .collect();
    let title = synthesis.title.clone();
    // A valid stack is enough: a diagram helps most when a rule fails.
    synthesis.synthesize().map_err(|d| d.error_lines())?;
    let text = match format {
        GraphFormat::Dot => graph::dot(&graph, &title, &kinds),
        GraphFormat::Mermaid => graph::mermaid(&graph, &kinds),
    };
    stdout
        .write_all(text.as_bytes())
        .map_err(|e| format!("error: writing to standard output: {e}"))?;
    Ok(exit::SUCCESS)
}

fn plan_summary(
    synthesis: Synthesis,
    plan: &Path,
    allow_data_loss: bool,
    stdout: &mut dyn Write,
    stderr: &mut dyn Write,
) -> Result<u8, String> {
    let plan_json = read_plan(plan)?;
    // A valid stack is enough to name the constructs a plan changes.
    let synthesized = synthesis.synthesize().map_err(|d| d.error_lines())?;
    let constructs = construct_of_each_address(&synthesized.paths);
    let changes =
        plan_summary::changes(&plan_json, &constructs).map_err(|e| format!("error: {e}"))?;
    let _ = write!(stdout, "{}", plan_summary::render(&changes));
    match plan_summary::data_loss_warning(&changes) {
        Some(warning) if !allow_data_loss => {
            let _ = write!(stderr, "{warning}");
            Ok(exit::DATA_LOSS)
        }
        Some(_) => {
            let _ = writeln!(
                stderr,
                "synth: stateful resources are destroyed or replaced; allowed by --allow-data-loss"
            );
            Ok(exit::SUCCESS)
        }
        None => Ok(exit::SUCCESS),
    }
}

fn drill(
    synthesis: Synthesis,
    plan: &Path,
    stdout: &mut dyn Write,
    stderr: &mut dyn Write,
) -> Result<u8, String> {
    let plan_json = read_plan(plan)?;
    let synthesized = synthesis.synthesize().map_err(|d| d.error_lines())?;
    let document = &synthesized.document;
    let Some(variable) = &synthesized.report.failover_drill else {
        if synthesized.report.manual_failover.is_some() {
            return Err(
                "error: the stack fails over through Route 53 ARC routing controls, not a drill \
                 variable: rehearse by switching the primary's routing control Off and On again (see the \
                 DR report)"
                    .to_owned(),
            );
        }
        return Err(
            "error: the stack has no failover drill: give its FailoverDns a drill switch \
             (FailoverDnsProps::drill with failover_dns::drill_variable)"
                .to_owned(),
        );
    };
    // The health checks whose path the drill variable moves.
    let marker = format!("${{var.{variable} ?");
    let drilled: Vec<String> = document
        .resources("aws_route53_health_check")
        .filter(|(_, check)| {
            check["resource_path"]
                .as_str()
                .is_some_and(|path| path.starts_with(&marker))
        })
        .map(|(id, _)| format!("aws_route53_health_check.{id}"))
        .collect();
    let plan = drill::DrillPlan::read(&plan_json, &drilled).map_err(|e| format!("error: {e}"))?;
    let deployed = plan_json["prior_state"]["values"]["root_module"]["resources"]
        .as_array()
        .is_some_and(|resources| !resources.is_empty());
    if !deployed {
        let _ = writeln!(
            stderr,
            "synth: the plan's state holds no deployed stack; a drill rehearses failover of a deployed \
             one (apply it first, and plan the drill in the same workspace)"
        );
        return Ok(exit::ERROR);
    }
    if !plan.other.is_empty() {
        let _ = writeln!(
            stderr,
            "synth: this plan is not only a failover drill; it also changes:"
        );
        for change in &plan.other {
            let _ = writeln!(stderr, "  {change}");
        }
        let _ = writeln!(
            stderr,
            "apply the pending changes first (a plan without the drill variable), then plan the drill again"
        );
        return Ok(exit::ERROR);
    }
    let Some(starting) = plan.starting() else {
        let _ = writeln!(
            stderr,
            "synth: this plan moves no drill switch (the drill is already in that state), or starts and \
             ends drills at once; plan with -var {variable}=true to start, false to end"
        );
        return Ok(exit::ERROR);
    };
    let names = |tf_type: &str, attribute: &str, keep: &dyn Fn(&serde_json::Value) -> bool| {
        document
            .resources(tf_type)
            .filter(|(_, body)| keep(body))
            .filter_map(|(_, body)| body[attribute].as_str())
            .collect::<Vec<&str>>()
    };
    // The alarms on the switched health checks' status.
    let switched = |alarm: &serde_json::Value| {
        alarm["metric_name"] == "HealthCheckStatus"
            && Document::first_reference(&alarm["dimensions"]["HealthCheckId"]).is_some_and(
                |(tf_type, id)| {
                    plan.switched
                        .iter()
                        .any(|(address, _, _)| *address == format!("{tf_type}.{id}"))
                },
            )
    };
    let watch = drill::Watch {
        alarms: names("aws_cloudwatch_metric_alarm", "alarm_name", &switched),
        dashboards: names("aws_cloudwatch_dashboard", "dashboard_name", &|_| true),
        worst_case_seconds: synthesized
            .report
            .failover
            .as_ref()
            .map(|f| f.worst_case_recovery_seconds),
    };
    let _ = write!(stdout, "{}", drill::render(&plan, starting, &watch));
    Ok(exit::SUCCESS)
}

/// The JSON of a saved plan, or an error saying how to make it.
fn read_plan(plan: &Path) -> Result<serde_json::Value, String> {
    let text = fs::read_to_string(plan).map_err(|e| {
        format!(
            "error: cannot read {}: {e}; make it with `terraform show -json tfplan > {}`",
            plan.display(),
            plan.display()
        )
    })?;
    serde_json::from_str(&text).map_err(|e| {
        format!(
            "error: {} is not JSON ({e}); make it with `terraform show -json tfplan`",
            plan.display()
        )
    })
}

/// Each address with the construct that created it: the scope the
/// resource was created in.
fn construct_of_each_address(paths: &BTreeMap<String, ConstructPath>) -> BTreeMap<String, String> {
    paths
        .iter()
        .map(|(address, path)| {
            let names = path.names();
            let construct = names[..names.len().saturating_sub(1).max(1)].join("/");
            (address.clone(), construct)
        })
        .collect()
}

fn synth<S: clap::Args>(
    synthesis: Synthesis,
    args: &Args<S>,
    stdout: &mut dyn Write,
    stderr: &mut dyn Write,
) -> Result<u8, String> {
    let warnings = synthesis.warnings.clone();
    let Synthesized {
        document,
        paths,
        report,
        ..
    } = checked(synthesis)?;
    for warning in warnings {
        let _ = writeln!(stderr, "warning: {warning}");
    }
    match args.report {
        ReportFormat::Text => {
            let _ = write!(stderr, "{report}");
        }
        ReportFormat::Json => {
            let json = serde_json::to_string_pretty(&report).expect("the report serializes");
            let _ = writeln!(stdout, "{json}");
        }
    }
    let text = document.to_json();
    let path = args.out.join(FILE_NAME);
    if args.stdout {
        stdout
            .write_all(text.as_bytes())
            .map_err(|e| format!("error: writing to standard output: {e}"))?;
        return Ok(exit::SUCCESS);
    }
    let manifest = Manifest::of(&document, &paths);
    let manifest_path = args.out.join(manifest::FILE_NAME);
    if args.check {
        let configuration = check(&path, &text, stderr);
        let manifest = check_manifest(&manifest_path, &manifest.to_json(), stderr);
        return Ok(configuration.max(manifest));
    }
    let manifest_text = manifest.to_json();
    // The same manifest as last time: no address changed, so nothing can
    // have been renamed (the common case of a re-synth, without parsing).
    let previous_text = fs::read_to_string(&manifest_path).ok();
    if let Some(previous_text) = previous_text.as_deref().filter(|p| *p != manifest_text)
        && let Some(previous) = parse_manifest(&manifest_path, previous_text, stderr)
    {
        for warning in manifest.unmoved_renames(&previous, &manifest::moved_blocks(&document)) {
            let _ = writeln!(stderr, "{warning}");
        }
    }
    // Each file is read once: the manifest above, the configuration here.
    let on_disk = fs::read_to_string(&path).ok();
    for (target, content, on_disk) in [
        (&path, &text, on_disk),
        (&manifest_path, &manifest_text, previous_text),
    ] {
        output::write_if_changed(target, content, on_disk.as_deref()).map_err(|e| {
            format!(
                "error: cannot write {}: {e}; check that the directory is writable",
                target.display()
            )
        })?;
    }
    let _ = writeln!(
        stderr,
        "synth: wrote {} ({} resources) and {}",
        path.display(),
        count_resources(&document),
        manifest::FILE_NAME
    );
    Ok(exit::SUCCESS)
}

/// The manifest last written (`text`, read from `path`), if it is one.
fn parse_manifest(path: &Path, text: &str, stderr: &mut dyn Write) -> Option<Manifest> {
    match serde_json::from_str(text) {
        Ok(manifest) => Some(manifest),
        Err(error) => {
            let _ = writeln!(
                stderr,
                "warning: {} is not a manifest ({error}); renames cannot be checked this time",
                path.display()
            );
            None
        }
    }
}

fn check_manifest(path: &Path, expected: &str, stderr: &mut dyn Write) -> u8 {
    match fs::read_to_string(path) {
        Ok(on_disk) if on_disk == expected => exit::SUCCESS,
        _ => {
            let _ = writeln!(
                stderr,
                "synth: {} is missing or stale; synthesize again without --check and commit the result",
                path.display()
            );
            exit::CHECK_DIFFERS
        }
    }
}

fn check(path: &Path, expected: &str, stderr: &mut dyn Write) -> u8 {
    match fs::read_to_string(path) {
        Ok(on_disk) if on_disk == expected => {
            let _ = writeln!(stderr, "synth: {} is up to date", path.display());
            exit::SUCCESS
        }
        Ok(on_disk) => {
            let _ = writeln!(
                stderr,
                "synth: {} is not what synth writes; synthesize again without --check and commit the result:",
                path.display()
            );
            for line in output::summarize_difference(&on_disk, expected, 20) {
                let _ = writeln!(stderr, "  {line}");
            }
            exit::CHECK_DIFFERS
        }
        Err(error) if error.kind() == io::ErrorKind::NotFound => {
            let _ = writeln!(
                stderr,
                "synth: {} does not exist; synthesize again without --check and commit the result",
                path.display()
            );
            exit::CHECK_DIFFERS
        }
        Err(error) => {
            let _ = writeln!(stderr, "error: cannot read {}: {error}", path.display());
            exit::ERROR
        }
    }
}

fn count_resources(document: &Document) -> usize {
    document.all_resources().count()
}
