//! Every documented configuration, run as a user runs it: the cross product
//! of the settings the README documents, a few documented settings beside
//! it, the README's config file and the README's own command lines (read
//! from README.md, so a command added there is tested here). Each either
//! writes its configuration, which passed the rules (synth refuses
//! otherwise) and passes `terraform validate` with no error and no warning,
//! or is refused at synth with a message that names the fix.
//!
//! `terraform validate` checks types, references and the provider's schema,
//! never the literal values a user typed: configurations equal once their
//! own domain and issuer are replaced by placeholders are validated once
//! (the demo and an owned domain differ in nothing else), and a dozen
//! configurations are validated by one Terraform, each as a module.

use std::collections::BTreeMap;
use std::fs;
use std::path::Path;
use std::process::Command;

use drsynth_tests::{validate, workspace_root, write_stand_in_packages};
use payments::config::PLACEHOLDER_JWT_ISSUER;
use serde_json::{Value, json};

/// An owned domain, and the issuer of its identity provider.
const OWNED_DOMAIN: &str = "pay.acme-corp.io";
const ISSUER: &str = "https://login.acme-corp.io/";

/// One configuration: its flags, and the values typed into them that
/// `terraform validate` never reads.
struct Cell {
    args: Vec<String>,
    typed_values: Vec<String>,
}

impl Cell {
    fn label(&self) -> String {
        self.args.join(" ")
    }
}

#[derive(Clone, Copy)]
enum Profile {
    Default,
    Production,
}

#[derive(Clone, Copy)]
enum Zone {
    /// `payments-<env>.example.com`, which `terraform plan` refuses on purpose.
    Demo,
    /// `--domain` of a domain the team owns: the stack creates its zone.
    Owned,
    /// `--hosted-zone-id` of an existing zone for an owned domain.
    Existing,
}

/// The settings matrix for one profile and one pair of regions:
/// every zone, authorization, recovery control and custom-domain setting.
fn matrix(profile: Profile, regions: (&str, &str)) -> Vec<Cell> {
    let mut cells = Vec::new();
    for zone in [Zone::Demo, Zone::Owned, Zone::Existing] {
        for auth in ["jwt", "aws-iam", "none"] {
            for recovery_control in [false, true] {
                for custom_domains in [true, false] {
                    cells.push(cell(
                        profile,
                        regions,
                        zone,
                        auth,
                        recovery_control,
                        custom_domains,
                    ));
                }
            }
        }
    }
    cells
}

/// One cell of the matrix: the command line a user types for it.
fn cell(
    profile: Profile,
    (primary, secondary): (&str, &str),
    zone: Zone,
    auth: &str,
    recovery_control: bool,
    custom_domains: bool,
) -> Cell {
    let mut args =
        format!("--primary-region {primary} --secondary-region {secondary} --payment-auth {auth}");
    let env = match profile {
        Profile::Default => "dev",
        Profile::Production => {
            args.push_str(
                " --profile production --env prod --backend s3 --state-bucket acme-state",
            );
            "prod"
        }
    };
    let mut typed_values = Vec::new();
    match zone {
        Zone::Demo => typed_values.push(format!("payments-{env}.example.com")),
        Zone::Owned | Zone::Existing => {
            args.push_str(&format!(" --domain {OWNED_DOMAIN}"));
            typed_values.push(OWNED_DOMAIN.to_owned());
        }
    }
    if auth == "jwt" {
        // The demo keeps the placeholder issuer, as a user who sets none.
        let issuer = match zone {
            Zone::Demo => PLACEHOLDER_JWT_ISSUER,
            Zone::Owned | Zone::Existing => {
                args.push_str(&format!(" --jwt-issuer {ISSUER}"));
                ISSUER
            }
        };
        typed_values.push(issuer.to_owned());
    }
    if let Zone::Existing = zone {
        args.push_str(" --hosted-zone-id Z0123456789ABCDEFGHIJ");
    }
    if recovery_control {
        args.push_str(" --recovery-control");
    }
    if !custom_domains {
        args.push_str(" --no-custom-domains");
    }
    Cell {
        args: self::args(&args),
        typed_values,
    }
}

/// What synth did with one command line.
enum Outcome {
    /// It wrote this `main.tf.json`.
    Written(String),
    /// It refused (exit 2) with this message, and wrote nothing.
    Refused(String),
}

/// Runs the payments app's command line with `args` (any `--out` is
/// replaced by a fresh directory), as `cargo run -p synth -- ARGS` would.
fn synth(args: &[String]) -> Outcome {
    let dir = tempfile::tempdir().unwrap();
    let mut argv = vec!["synth".to_owned()];
    let mut rest = args.iter();
    while let Some(arg) = rest.next() {
        if arg == "--out" {
            rest.next();
        } else {
            argv.push(arg.clone());
        }
    }
    let writes = !argv.iter().any(|a| a == "--stdout" || a == "--check")
        && !matches!(argv.get(1).map(String::as_str), Some(sub) if !sub.starts_with('-'));
    if writes {
        argv.extend(["--out".to_owned(), dir.path().display().to_string()]);
    }
    let (mut stdout, mut stderr) = (Vec::new(), Vec::new());
    let code = drsynth_tests::payments_cli(&argv, &mut stdout, &mut stderr);
    let stderr = String::from_utf8(stderr).unwrap();
    let written = dir.path().join("main.tf.json");
    match code {
        0 if writes => Outcome::Written(fs::read_to_string(&written).unwrap_or_else(|e| {
            panic!(
                "`{}` exited 0 but wrote no main.tf.json ({e})",
                argv.join(" ")
            )
        })),
        0 => Outcome::Written(String::new()),
        2 => {
            assert!(
                !written.exists(),
                "`{}` was refused but wrote main.tf.json",
                argv.join(" ")
            );
            Outcome::Refused(stderr)
        }
        code => panic!("`{}` exited {code}:\n{stderr}", argv.join(" ")),
    }
}

/// Validates every configuration, once per class of configurations that
/// differ only in the values typed into them; panics naming the command
/// lines of any that fails.
fn assert_all_validate(configurations: Vec<(String, String, Vec<String>)>) {
    let mut classes: BTreeMap<String, (String, Vec<String>)> = BTreeMap::new();
    for (label, configuration, typed_values) in configurations {
        let mut key = configuration.clone();
        for (i, value) in typed_values.iter().enumerate() {
            key = key.replace(value.as_str(), &format!("<typed value {i}>"));
        }
        classes
            .entry(key)
            .or_insert_with(|| (configuration, Vec::new()))
            .1
            .push(label);
    }
    let classes: Vec<(Value, Vec<String>)> = classes
        .into_values()
        .map(|(configuration, labels)| (serde_json::from_str(&configuration).unwrap(), labels))
        .collect();
    let (batched, alone): (Vec<_>, Vec<_>) = classes
        .into_iter()
        .partition(|(configuration, _)| works_as_a_module(configuration));
    for batch in batched.chunks(MODULES_PER_VALIDATE) {
        validate_as_modules(batch);
    }
    for (configuration, labels) in alone {
        let dir = tempfile::tempdir().unwrap();
        let text = configuration.to_string();
        fs::write(dir.path().join("main.tf.json"), &text).unwrap();
        write_stand_in_packages(dir.path(), &text);
        let report = validate(dir.path());
        assert!(
            report["valid"] == true && report["error_count"] == 0 && report["warning_count"] == 0,
            "terraform validate is not clean for\n  synth {}\n{report:#}",
            labels.join("\n  synth ")
        );
    }
}

/// How many configurations one `terraform validate` reads, each as a module
/// of one root: loading the provider's schema is most of a validate's time,
/// and each module's providers run as processes of their own (about 250 MB
/// for a configuration of this app), so a dozen fit in memory at once.
const MODULES_PER_VALIDATE: usize = 12;

/// Whether `configuration` validates the same as a module of another root:
/// no `import` block (root only) and no variable without a default (a
/// module call would have to set it). Its backend is left out there, as
/// `terraform validate` reads no backend.
fn works_as_a_module(configuration: &Value) -> bool {
    configuration.get("import").is_none()
        && configuration["variable"]
            .as_object()
            .is_none_or(|variables| variables.values().all(|v| v.get("default").is_some()))
}

/// One `terraform validate` of `batch`, each configuration a module of the
/// root; panics naming the command lines of each configuration with a
/// diagnostic (of every one when Terraform cannot tell whose it is).
fn validate_as_modules(batch: &[(Value, Vec<String>)]) {
    let root = tempfile::tempdir().unwrap();
    let mut modules = serde_json::Map::new();
    for (i, (configuration, _)) in batch.iter().enumerate() {
        let dir = root.path().join(format!("c{i}"));
        fs::create_dir(&dir).unwrap();
        let mut configuration = configuration.clone();
        if let Some(terraform) = configuration["terraform"].as_object_mut() {
            terraform.remove("backend");
        }
        let text = configuration.to_string();
        fs::write(dir.join("main.tf.json"), &text).unwrap();
        write_stand_in_packages(&dir, &text);
        modules.insert(format!("c{i}"), json!({ "source": format!("./c{i}") }));
    }
    fs::write(
        root.path().join("main.tf.json"),
        json!({ "module": modules }).to_string(),
    )
    .unwrap();
    let report = validate(root.path());
    let diagnostics = report["diagnostics"]
        .as_array()
        .cloned()
        .unwrap_or_default();
    let mut failures = Vec::new();
    for (i, (_, labels)) in batch.iter().enumerate() {
        let prefix = format!("c{i}/");
        let own: Vec<&Value> = diagnostics
            .iter()
            .filter(|d| {
                d["range"]["filename"]
                    .as_str()
                    .is_none_or(|file| file.starts_with(&prefix))
            })
            .collect();
        if !own.is_empty() {
            failures.push(format!(
                "terraform validate is not clean for\n  synth {}\n{:#}",
                labels.join("\n  synth "),
                json!(own)
            ));
        }
    }
    assert!(
        failures.is_empty() && report["valid"] == true,
        "{}\n{report:#}",
        failures.join("\n")
    );
}

/// Synthesizes every cell, all of which must be written, and validates them.
fn assert_matrix_validates(profile: Profile, primary: &str, secondary: &str) {
    let cells = matrix(profile, (primary, secondary));
    assert_eq!(cells.len(), 36);
    let configurations = cells
        .into_iter()
        .map(|cell| match synth(&cell.args) {
            Outcome::Written(configuration) => (cell.label(), configuration, cell.typed_values),
            Outcome::Refused(message) => {
                panic!("synth {} was refused:\n{message}", cell.label())
            }
        })
        .collect();
    assert_all_validate(configurations);
}

#[test]
fn every_setting_validates_in_the_default_profile_from_us_east_1() {
    assert_matrix_validates(Profile::Default, "us-east-1", "us-east-2");
}

#[test]
fn every_setting_validates_in_the_default_profile_failing_over_to_us_east_1() {
    assert_matrix_validates(Profile::Default, "us-west-2", "us-east-1");
}

#[test]
fn every_setting_validates_in_the_default_profile_outside_us_east_1() {
    assert_matrix_validates(Profile::Default, "us-west-2", "eu-west-1");
}

#[test]
fn every_setting_validates_in_production_from_us_east_1() {
    assert_matrix_validates(Profile::Production, "us-east-1", "us-east-2");
}

#[test]
fn every_setting_validates_in_production_failing_over_to_us_east_1() {
    assert_matrix_validates(Profile::Production, "us-west-2", "us-east-1");
}

#[test]
fn every_setting_validates_in_production_outside_us_east_1() {
    assert_matrix_validates(Profile::Production, "us-west-2", "eu-west-1");
}

fn args(line: &str) -> Vec<String> {
    line.split_whitespace().map(str::to_owned).collect()
}

/// The settings the README documents beside the matrix: each is written
/// and validates, or is refused with the fix in its message.
#[test]
fn the_other_documented_settings_validate_or_are_refused_with_the_fix() {
    let written = [
        "--target emulator",
        "--target emulator --recovery-control",
        "--health-check-interval 10 --health-check-threshold 1 --rto-target 2m",
        "--no-custom-domains --dns-ttl 30",
        "--alert-email oncall@acme-corp.io --tag CostCenter=payments --tag Team=payments",
        "--env staging-2 --domain staging.pay.acme-corp.io --jwt-issuer https://login.acme-corp.io/ --jwt-audience payments-api --jwt-audience payments-batch",
        "--profile production --backend s3 --state-bucket acme-state --state-key payments/prod.tfstate --state-region us-west-2 --payment-reserved-concurrency 50 --replicator-reserved-concurrency 2 --lambda-concurrency-quota 400",
        "--backend s3 --state-bucket acme-terraform-state",
    ];
    let configurations = written
        .into_iter()
        .map(|line| match synth(&args(line)) {
            Outcome::Written(configuration) => (line.to_owned(), configuration, Vec::new()),
            Outcome::Refused(message) => panic!("synth {line} was refused:\n{message}"),
        })
        .collect();
    assert_all_validate(configurations);

    // Each refusal names what to pass instead.
    for (line, fix) in [
        ("--rto-target 120s", "health-check interval 10 s"),
        ("--profile production", "--backend s3 --state-bucket"),
        (
            "--profile production --target emulator",
            "--profile default",
        ),
        (
            "--profile production --backend s3 --state-bucket acme-state --payment-reserved-concurrency 100 --lambda-concurrency-quota 150",
            "--lambda-concurrency-quota",
        ),
        (
            "--primary-region us-east-1 --secondary-region us-east-1",
            "choose a secondary region different from the primary",
        ),
        ("--domain localhost", "use a domain such as"),
    ] {
        match synth(&args(line)) {
            Outcome::Refused(message) => assert!(
                message.contains(fix),
                "synth {line} was refused without naming the fix `{fix}`:\n{message}"
            ),
            Outcome::Written(_) => panic!("synth {line} must be refused"),
        }
    }
}

/// The README's config file, as printed there (the TOML block its text
/// introduces as a config file).
#[test]
fn the_readme_config_file_validates() {
    let readme = fs::read_to_string(workspace_root().join("README.md")).unwrap();
    let files: Vec<String> = toml_blocks(&readme)
        .into_iter()
        .filter(|(introduction, _)| introduction.contains("config file"))
        .map(|(_, body)| body)
        .collect();
    assert!(!files.is_empty(), "the README shows no config file");
    let dir = tempfile::tempdir().unwrap();
    let configurations = files
        .iter()
        .enumerate()
        .map(|(i, file)| {
            let path = dir.path().join(format!("drsynth-{i}.toml"));
            fs::write(&path, file).unwrap();
            let line = format!("--config {}", path.display());
            match synth(&args(&line)) {
                Outcome::Written(configuration) => (line, configuration, Vec::new()),
                Outcome::Refused(message) => {
                    panic!("the README's config file is refused:\n{file}\n{message}")
                }
            }
        })
        .collect();
    assert_all_validate(configurations);
}

/// The README's fenced TOML blocks, each with the last line of text before
/// it (what introduces it).
fn toml_blocks(markdown: &str) -> Vec<(String, String)> {
    let mut blocks = Vec::new();
    let mut introduction = "";
    let mut current: Option<String> = None;
    for line in markdown.lines() {
        match &mut current {
            None if line.trim() == "```toml" => current = Some(String::new()),
            None if !line.trim().is_empty() => introduction = line,
            None => {}
            Some(body) if line.trim() == "```" => {
                blocks.push((introduction.to_owned(), std::mem::take(body)));
                current = None;
            }
            Some(body) => {
                body.push_str(line);
                body.push('\n');
            }
        }
    }
    blocks
}

/// A README command line: the payments app's synth or one of the examples.
#[derive(Debug, PartialEq, Eq)]
enum ReadmeCommand {
    Synth(Vec<String>),
    Example { name: String, args: Vec<String> },
}

/// What the README's placeholders stand for; a placeholder missing here
/// fails the test, so a new one is given a value, never skipped.
const PLACEHOLDERS: [(&str, &[&str]); 5] = [
    ("NAME", &["acme-terraform-state"]),
    ("N", &["2"]),
    ("DIR", &["readme-out"]),
    ("1-4", &["2"]),
    ("OPTIONS", &[]),
];

/// Every `cargo run -p synth ...` and `cargo run --example ...` of the
/// README (in code blocks and inline code), and every `SYNTH_ARGS="..."`
/// given to `make synth`/`make plan`, with each optional part (`[...]`)
/// left out and put in, and each alternative (`a|b`) taken.
fn readme_commands(readme: &str) -> Vec<ReadmeCommand> {
    let mut lines: Vec<String> = Vec::new();
    for text in readme.lines() {
        for (start, _) in text.match_indices("cargo run") {
            let rest = &text[start..];
            // Inline code ends at its backtick; a code block at a comment.
            let end = rest.find(['`', '#']).unwrap_or(rest.len());
            lines.push(rest[..end].trim().to_owned());
        }
        if let Some(start) = text.find("SYNTH_ARGS=\"") {
            let rest = &text[start + "SYNTH_ARGS=\"".len()..];
            let end = rest.find('"').expect("SYNTH_ARGS=\"...\" is closed");
            lines.push(format!("cargo run -p synth -- {}", &rest[..end]));
        }
    }
    lines.sort();
    lines.dedup();
    let mut commands = Vec::new();
    for line in lines {
        for words in expand(&line) {
            let words: Vec<&str> = words.iter().map(String::as_str).collect();
            let Some(at) = words.iter().position(|w| *w == "run") else {
                continue;
            };
            let (cargo_flags, args) = match words.iter().position(|w| *w == "--") {
                Some(dashes) => (&words[at + 1..dashes], &words[dashes + 1..]),
                None => (&words[at + 1..], &[][..]),
            };
            let args: Vec<String> = args.iter().map(|w| (*w).to_owned()).collect();
            if let Some(i) = cargo_flags.iter().position(|w| *w == "--example") {
                commands.push(ReadmeCommand::Example {
                    name: cargo_flags[i + 1].to_owned(),
                    args,
                });
            } else {
                assert!(
                    cargo_flags.windows(2).any(|w| w == ["-p", "synth"]),
                    "a README command of neither synth nor an example: {line}"
                );
                commands.push(ReadmeCommand::Synth(args));
            }
        }
    }
    commands
}

/// The command lines a README template stands for.
fn expand(line: &str) -> Vec<Vec<String>> {
    let mut variants: Vec<Vec<String>> = vec![Vec::new()];
    let mut optional: Option<Vec<String>> = None;
    for word in line.split_whitespace() {
        let (opens, closes) = (word.starts_with('['), word.ends_with(']'));
        let bare = word.trim_start_matches('[').trim_end_matches(']');
        let choices: Vec<Vec<String>> = match PLACEHOLDERS.iter().find(|(p, _)| *p == bare) {
            Some((_, value)) => vec![value.iter().map(|v| (*v).to_owned()).collect()],
            None if bare.contains('|') => bare.split('|').map(|c| vec![c.to_owned()]).collect(),
            None => {
                assert!(
                    !(bare.len() > 1 && bare.chars().all(|c| c.is_ascii_uppercase()))
                        && bare != "...",
                    "the README command `{line}` has the placeholder `{bare}`: give it a value in PLACEHOLDERS"
                );
                vec![vec![bare.to_owned()]]
            }
        };
        let extend = |variants: &mut Vec<Vec<String>>| {
            *variants = variants
                .iter()
                .flat_map(|v| {
                    choices.iter().map(move |c| {
                        let mut v = v.clone();
                        v.extend(c.iter().cloned());
                        v
                    })
                })
                .collect();
        };
        if opens || optional.is_some() {
            let mut inside = optional.take().unwrap_or_default();
            // An optional part holds no alternatives of its own here.
            inside.extend(choices.into_iter().flatten());
            if closes {
                variants = variants
                    .into_iter()
                    .flat_map(|v| {
                        let mut with = v.clone();
                        with.extend(inside.iter().cloned());
                        [v, with]
                    })
                    .collect();
            } else {
                optional = Some(inside);
            }
        } else {
            extend(&mut variants);
        }
    }
    assert!(
        optional.is_none(),
        "an unclosed `[` in the README command `{line}`"
    );
    variants.dedup();
    variants
}

#[test]
fn readme_templates_expand_to_each_command_they_stand_for() {
    let lines =
        |line: &str| -> Vec<String> { expand(line).into_iter().map(|w| w.join(" ")).collect() };
    assert_eq!(
        lines("cargo run -p synth -- graph --format dot|mermaid [--depth 1-4]"),
        [
            "cargo run -p synth -- graph --format dot",
            "cargo run -p synth -- graph --format dot --depth 2",
            "cargo run -p synth -- graph --format mermaid",
            "cargo run -p synth -- graph --format mermaid --depth 2",
        ]
    );
    assert_eq!(
        lines(
            "cargo run -p synth -- audit [--profile production --backend s3 --state-bucket NAME]"
        ),
        [
            "cargo run -p synth -- audit",
            "cargo run -p synth -- audit --profile production --backend s3 --state-bucket acme-terraform-state",
        ]
    );
    assert_eq!(
        lines("cargo run -p synth -- [OPTIONS]"),
        ["cargo run -p synth --"]
    );
    let commands = readme_commands(
        "Run `cargo run -p synth -- --out DIR` or\n\
         cargo run --example orders -- audit   # every rule\n\
         export SYNTH_ARGS=\"--domain pay.acme-corp.io\"\n",
    );
    assert_eq!(
        commands,
        [
            ReadmeCommand::Example {
                name: "orders".to_owned(),
                args: args("audit")
            },
            ReadmeCommand::Synth(args("--domain pay.acme-corp.io")),
            ReadmeCommand::Synth(args("--out readme-out")),
        ]
    );
}

/// Every command line of the README runs and, where it writes a
/// configuration, that configuration validates.
#[test]
fn every_command_line_of_the_readme_runs_and_validates() {
    let readme = fs::read_to_string(workspace_root().join("README.md")).unwrap();
    let commands = readme_commands(&readme);
    // The README's quick start, production, remote state, audit and graph
    // lines, and the examples': if fewer are found, the reading broke.
    assert!(commands.len() >= 12, "{commands:#?}");
    let mut configurations = Vec::new();
    for command in commands {
        match command {
            ReadmeCommand::Synth(args) => match synth(&args) {
                Outcome::Written(configuration) if !configuration.is_empty() => {
                    configurations.push((args.join(" "), configuration, Vec::new()))
                }
                Outcome::Written(_) => {}
                Outcome::Refused(message) => {
                    panic!(
                        "the README's `synth {}` is refused:\n{message}",
                        args.join(" ")
                    )
                }
            },
            ReadmeCommand::Example { name, args } => {
                if let Some(configuration) = run_example(&name, &args) {
                    configurations.push((
                        format!("--example {name} {}", args.join(" ")),
                        configuration,
                        Vec::new(),
                    ));
                }
            }
        }
    }
    assert_all_validate(configurations);
}

/// Runs an example as the README says (`cargo run --example NAME -- ARGS`,
/// any `--out` replaced by a fresh directory); returns what it wrote.
fn run_example(name: &str, args: &[String]) -> Option<String> {
    let dir = tempfile::tempdir().unwrap();
    let mut argv: Vec<String> = Vec::new();
    let mut rest = args.iter();
    let mut writes = false;
    while let Some(arg) = rest.next() {
        if arg == "--out" {
            rest.next();
            argv.extend(["--out".to_owned(), dir.path().display().to_string()]);
            writes = true;
        } else {
            argv.push(arg.clone());
        }
    }
    let cargo = std::env::var("CARGO").unwrap_or_else(|_| "cargo".to_owned());
    let output = Command::new(cargo)
        .current_dir(workspace_root())
        .args(["run", "--quiet", "--locked", "--example", name, "--"])
        .args(&argv)
        .output()
        .expect("cargo runs");
    assert!(
        output.status.success(),
        "the README's `cargo run --example {name} -- {}` failed:\n{}",
        args.join(" "),
        String::from_utf8_lossy(&output.stderr)
    );
    writes.then(|| read_written(dir.path()))
}

fn read_written(dir: &Path) -> String {
    fs::read_to_string(dir.join("main.tf.json")).expect("the command wrote main.tf.json")
}
