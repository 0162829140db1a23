//! The `synth` command line. `run` is the whole program, so tests drive it
//! in-process with their own arguments and output streams.

mod args;
mod graph;
mod manifest;
mod output;
mod plan_summary;
mod settings;

use std::ffi::OsString;
use std::fs;
use std::io::{self, Write};
use std::path::Path;

use clap::Parser;
use std::collections::BTreeMap;

use constructs::core::{App, ConstructPath, Diagnostics, Document, Error, Stack};
use constructs::dr::emulator;
use constructs::dr::payments_app::{CONSTRUCT_KINDS, scaled_payments_app};
use constructs::dr::report::DrReport;
use constructs::dr::{Config, payments_app};
use constructs::rules;
use manifest::Manifest;

pub use args::{Args, Command, GraphFormat, ReportFormat, Target};

/// The file synth writes in the output directory.
pub const FILE_NAME: &str = "main.tf.json";

/// Exit codes, as documented in `--help`.
pub mod exit {
    pub const SUCCESS: u8 = 0;
    pub const CHECK_DIFFERS: u8 = 1;
    pub const ERROR: u8 = 2;
    /// `plan-summary`: the plan destroys or replaces stateful resources.
    pub const DATA_LOSS: u8 = 2;
}

/// Builds the app to synthesize from the validated settings.
pub type AppBuilder = fn(&Config) -> Result<App, Diagnostics>;

/// Runs the CLI on the payments app with `args` (the first being the program
/// name) and returns the exit code.
pub fn run<I, T>(args: I, stdout: &mut dyn Write, stderr: &mut dyn Write) -> u8
where
    I: IntoIterator<Item = T>,
    T: Into<OsString> + Clone,
{
    run_with(payments_app, args, stdout, stderr)
}

/// Runs the CLI on the app `builder` makes; tests use it to feed the CLI an
/// invalid app.
pub fn run_with<I, T>(
    builder: AppBuilder,
    args: I,
    stdout: &mut dyn Write,
    stderr: &mut dyn Write,
) -> u8
where
    I: IntoIterator<Item = T>,
    T: Into<OsString> + Clone,
{
    let args = match Args::try_parse_from(args) {
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
    let result = match &args.command {
        None => synth(builder, &args, stdout, stderr),
        Some(Command::Graph { format, depth }) => graph(builder, &args, *format, *depth, stdout),
        Some(Command::Audit) => audit(builder, &args, stdout),
        Some(Command::PlanSummary {
            plan,
            allow_data_loss,
        }) => plan_summary(builder, &args, plan, *allow_data_loss, stdout, stderr),
    };
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

/// The app `args` ask for, checked: invalid settings or an invalid stack
/// are errors.
fn checked_app(builder: AppBuilder, args: &Args) -> Result<App, String> {
    let config = settings::resolve(args)?;
    config.validate().map_err(|d| errors(&d))?;
    let app = builder(&config).map_err(|d| errors(&d))?;
    app.synth().map_err(|d| errors(&d))?;
    Ok(app)
}

fn audit(builder: AppBuilder, args: &Args, stdout: &mut dyn Write) -> Result<u8, String> {
    let config = settings::resolve(args)?;
    let (document, _) = build(builder, &config).map_err(|d| errors(&d))?;
    let results = rules::audit(&document, &rules::Context::for_config(&config));
    let _ = write!(stdout, "{}", rules::render(&results));
    let unmatched = rules::unmatched_suppressions(&document, &results);
    for problem in &unmatched {
        let _ = writeln!(stdout, "SUPPRESSION ERROR  {problem}");
    }
    let failed = results.iter().any(|r| !r.failed.is_empty());
    Ok(if failed || !unmatched.is_empty() {
        exit::ERROR
    } else {
        exit::SUCCESS
    })
}

/// The findings no suppression covers, and suppressions that cover
/// nothing, as errors: they fail synth.
fn policy_errors(document: &Document, config: &Config) -> Result<(), String> {
    let results = rules::audit(document, &rules::Context::for_config(config));
    let mut failures: Vec<String> = results
        .iter()
        .flat_map(|r| {
            r.failed.iter().map(move |f| {
                format!(
                    "error: rule {} ({}) fails on {}: {}; fix the construct, or suppress the rule on it with a reason (Meta::suppress)",
                    r.id, r.description, f.address, f.message
                )
            })
        })
        .collect();
    failures.extend(
        rules::unmatched_suppressions(document, &results)
            .into_iter()
            .map(|problem| format!("error: {problem}")),
    );
    if failures.is_empty() {
        Ok(())
    } else {
        Err(failures.join("\n"))
    }
}

fn graph(
    builder: AppBuilder,
    args: &Args,
    format: GraphFormat,
    depth: u8,
    stdout: &mut dyn Write,
) -> Result<u8, String> {
    let app = checked_app(builder, args)?;
    let stack = &app.stacks()[0];
    let graph = stack.construct_graph(usize::from(depth));
    let text = match format {
        GraphFormat::Dot => graph::dot(
            &graph,
            "drsynth: payments API, active-passive across two regions",
            &CONSTRUCT_KINDS,
        ),
        GraphFormat::Mermaid => graph::mermaid(&graph, &CONSTRUCT_KINDS),
    };
    stdout
        .write_all(text.as_bytes())
        .map_err(|e| format!("error: writing to standard output: {e}"))?;
    Ok(exit::SUCCESS)
}

fn plan_summary(
    builder: AppBuilder,
    args: &Args,
    plan: &Path,
    allow_data_loss: bool,
    stdout: &mut dyn Write,
    stderr: &mut dyn Write,
) -> Result<u8, String> {
    let text = fs::read_to_string(plan).map_err(|e| {
        format!(
            "error: cannot read {}: {e}; make it with `terraform show -json tfplan > {}`",
            plan.display(),
            plan.display()
        )
    })?;
    let plan_json: serde_json::Value = serde_json::from_str(&text).map_err(|e| {
        format!(
            "error: {} is not JSON ({e}); make it with `terraform show -json tfplan`",
            plan.display()
        )
    })?;
    let app = checked_app(builder, args)?;
    let constructs = app.stacks()[0]
        .construct_paths()
        .into_iter()
        .map(|(address, path)| {
            // The construct is the scope the resource was created in.
            let names = path.names();
            let construct = names[..names.len().saturating_sub(1).max(1)].join("/");
            (address, construct)
        })
        .collect();
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

fn synth(
    builder: AppBuilder,
    args: &Args,
    stdout: &mut dyn Write,
    stderr: &mut dyn Write,
) -> Result<u8, String> {
    let mut config = settings::resolve(args)?;
    if args.target == Target::Emulator {
        config = emulator::config(&config).map_err(|d| errors(&d))?;
    }
    let (mut document, paths) = match args.scale {
        Some(copies) => build_scaled(&config, copies),
        None => build(builder, &config),
    }
    .map_err(|d| errors(&d))?;
    policy_errors(&document, &config)?;
    if args.target == Target::Emulator {
        document = emulator::adapt(document);
    }
    for warning in config.warnings(args.target == Target::Aws) {
        let _ = writeln!(stderr, "warning: {warning}");
    }
    let report = DrReport::for_config(&config).with_suppressions(document.suppressions());
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
    if let Some(previous) = read_manifest(&manifest_path, stderr) {
        for warning in manifest.unmoved_renames(&previous, &manifest::moved_blocks(&document)) {
            let _ = writeln!(stderr, "{warning}");
        }
    }
    for (target, content) in [(&path, &text), (&manifest_path, &manifest.to_json())] {
        output::write_atomically(target, content).map_err(|e| {
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

/// A synthesized document and the construct path of each of its blocks.
type Synthesized = (Document, BTreeMap<String, ConstructPath>);

/// `copies` deployments in one stack, for benchmarks.
fn build_scaled(config: &Config, copies: u16) -> Result<Synthesized, Diagnostics> {
    let app = scaled_payments_app(config, usize::from(copies))?;
    let paths = app.stacks()[0].construct_paths();
    Ok((app.into_documents()?.remove(0), paths))
}

/// The app's single stack, checked and rendered.
fn build(builder: AppBuilder, config: &Config) -> Result<Synthesized, Diagnostics> {
    config.validate()?;
    let app = builder(config)?;
    let paths = app
        .stacks()
        .first()
        .map(Stack::construct_paths)
        .unwrap_or_default();
    let mut documents = app.into_documents()?;
    if documents.len() != 1 {
        return Err(Error::invalid_setting(
            "app",
            format!("{} stacks", documents.len()),
            "synth writes one main.tf.json and needs exactly one stack",
            "put every construct in one stack",
        )
        .into());
    }
    Ok((documents.remove(0), paths))
}

/// The manifest last written, if there is one to compare with.
fn read_manifest(path: &Path, stderr: &mut dyn Write) -> Option<Manifest> {
    let text = fs::read_to_string(path).ok()?;
    match serde_json::from_str(&text) {
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
                "synth: {} is missing or stale; run `make synth` and commit the result",
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
                "synth: {} is not what synth writes; run `make synth` and commit the result:",
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
                "synth: {} does not exist; run `make synth` and commit the result",
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

fn errors(diagnostics: &Diagnostics) -> String {
    let lines: Vec<String> = diagnostics
        .0
        .iter()
        .map(|e| format!("error: {e}"))
        .collect();
    lines.join("\n")
}

fn count_resources(document: &Document) -> usize {
    document.all_resources().count()
}
