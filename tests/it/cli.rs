//! The `synth` command line, driven in-process.

use std::fs;
use std::path::Path;

use constructs::aws::s3::S3Bucket;
use constructs::core::{App, AwsProvider, Diagnostics, Stack};
use constructs::dr::Config;

struct Run {
    code: u8,
    stdout: String,
    stderr: String,
}

fn run(args: &[&str]) -> Run {
    run_app(synth_default, args)
}

fn synth_default(config: &Config) -> Result<App, Diagnostics> {
    constructs::dr::payments_app(config)
}

fn run_app(builder: synth::AppBuilder, args: &[&str]) -> Run {
    let mut stdout = Vec::new();
    let mut stderr = Vec::new();
    let argv = std::iter::once("synth").chain(args.iter().copied());
    let code = synth::run_with(builder, argv, &mut stdout, &mut stderr);
    Run {
        code,
        stdout: String::from_utf8(stdout).unwrap(),
        stderr: String::from_utf8(stderr).unwrap(),
    }
}

fn out_args(dir: &Path) -> Vec<String> {
    vec!["--out".to_owned(), dir.display().to_string()]
}

fn run_in(dir: &Path, extra: &[&str]) -> Run {
    let mut args = out_args(dir);
    args.extend(extra.iter().map(|s| s.to_string()));
    let args: Vec<&str> = args.iter().map(String::as_str).collect();
    run(&args)
}

#[test]
fn writes_the_same_bytes_twice() {
    let dir = tempfile::tempdir().unwrap();
    let first = run_in(dir.path(), &[]);
    assert_eq!(first.code, 0, "{}", first.stderr);
    let bytes = fs::read(dir.path().join("main.tf.json")).unwrap();
    assert_eq!(run_in(dir.path(), &[]).code, 0);
    assert_eq!(bytes, fs::read(dir.path().join("main.tf.json")).unwrap());
    let entries = fs::read_dir(dir.path()).unwrap().count();
    assert_eq!(entries, 1, "no temporary file is left behind");
}

#[test]
fn stdout_prints_what_would_be_written() {
    let dir = tempfile::tempdir().unwrap();
    run_in(dir.path(), &[]);
    let printed = run_in(dir.path(), &["--stdout"]);
    assert_eq!(printed.code, 0);
    assert_eq!(
        printed.stdout,
        fs::read_to_string(dir.path().join("main.tf.json")).unwrap()
    );
}

#[test]
fn check_passes_when_fresh_and_fails_with_a_summary_when_stale() {
    let dir = tempfile::tempdir().unwrap();
    let missing = run_in(dir.path(), &["--check"]);
    assert_eq!(missing.code, 1);
    assert!(
        missing.stderr.contains("does not exist"),
        "{}",
        missing.stderr
    );
    assert!(
        !dir.path().join("main.tf.json").exists(),
        "--check writes nothing"
    );

    run_in(dir.path(), &[]);
    assert_eq!(run_in(dir.path(), &["--check"]).code, 0);

    run_in(dir.path(), &["--env", "other"]);
    let stale = run_in(dir.path(), &["--check"]);
    assert_eq!(stale.code, 1);
    assert!(
        stale.stderr.contains("run `make synth`"),
        "{}",
        stale.stderr
    );
    assert!(
        stale
            .stderr
            .contains("~ aws_s3_bucket.primary_data (differs)"),
        "{}",
        stale.stderr
    );
}

#[test]
fn bad_env_fails_and_leaves_the_existing_file_untouched() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("main.tf.json");
    fs::write(&path, "previous").unwrap();
    for bad in ["Prod", "", "a_b", "-dev", "abcdefghijklmnopq"] {
        let result = run_in(dir.path(), &[&format!("--env={bad}")]);
        assert_eq!(result.code, 2, "--env {bad:?}");
        assert!(
            result.stderr.contains("invalid environment suffix"),
            "{}",
            result.stderr
        );
        assert!(
            result.stderr.contains("nothing was written"),
            "{}",
            result.stderr
        );
    }
    assert_eq!(fs::read_to_string(&path).unwrap(), "previous");
}

#[test]
fn help_lists_the_options_and_exit_codes() {
    let help = run(&["--help"]);
    assert_eq!(help.code, 0);
    for text in ["--out", "--env", "--stdout", "--check", "Exit codes"] {
        assert!(
            help.stdout.contains(text),
            "{text} missing from:\n{}",
            help.stdout
        );
    }
    let unknown = run(&["--frobnicate"]);
    assert_eq!(unknown.code, 2);
}

fn bucket(name: &str) -> S3Bucket {
    S3Bucket {
        bucket: name.into(),
        force_destroy: true,
        tags: Default::default(),
    }
}

fn dangling_reference(_: &Config) -> Result<App, Diagnostics> {
    let mut other = Stack::new("other");
    let p = other.provider(AwsProvider::new("primary", "us-east-1"));
    let foreign = other.scope(&p).resource("bucket", bucket("a"));
    let mut stack = Stack::new("payments");
    let primary = stack.provider(AwsProvider::new("primary", "us-east-1"));
    stack.scope(&primary).resource("copy", bucket("b")).bucket();
    stack.scope(&primary).resource(
        "named_after",
        S3Bucket {
            bucket: foreign.bucket(),
            ..bucket("")
        },
    );
    let mut app = App::new();
    app.add_stack(stack);
    Ok(app)
}

fn duplicate_id(_: &Config) -> Result<App, Diagnostics> {
    let mut stack = Stack::new("payments");
    let primary = stack.provider(AwsProvider::new("primary", "us-east-1"));
    stack.scope(&primary).resource("data-bucket", bucket("a"));
    stack.scope(&primary).resource("data_bucket", bucket("b"));
    let mut app = App::new();
    app.add_stack(stack);
    Ok(app)
}

fn unknown_provider(_: &Config) -> Result<App, Diagnostics> {
    let mut elsewhere = Stack::new("elsewhere");
    let tertiary = elsewhere.provider(AwsProvider::new("tertiary", "eu-west-1"));
    let mut stack = Stack::new("payments");
    stack.provider(AwsProvider::new("primary", "us-east-1"));
    stack.scope(&tertiary).resource("bucket", bucket("a"));
    let mut app = App::new();
    app.add_stack(stack);
    Ok(app)
}

#[test]
fn invalid_stacks_fail_with_a_clear_message_and_write_nothing() {
    let cases: [(synth::AppBuilder, &str); 3] = [
        (
            dangling_reference,
            "`payments/named_after` refers to `other/bucket`",
        ),
        (
            duplicate_id,
            "`payments/data-bucket` and `payments/data_bucket` both map",
        ),
        (
            unknown_provider,
            "bound to provider `aws.tertiary`, which stack `payments` does not declare",
        ),
    ];
    for (builder, message) in cases {
        let dir = tempfile::tempdir().unwrap();
        let out = dir.path().join("terraform");
        let result = run_app(builder, &["--out", out.to_str().unwrap()]);
        assert_eq!(result.code, 2, "{message}");
        assert!(
            result.stderr.contains(message),
            "{message}\n{}",
            result.stderr
        );
        assert!(result.stderr.contains("nothing was written"));
        assert!(
            !out.exists(),
            "no directory or file is created for an invalid stack"
        );
    }
}
