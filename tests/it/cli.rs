//! The `synth` command line, driven in-process.

use std::fs;
use std::path::Path;

use constructs::bindings::aws::s3::S3Bucket;
use constructs::core::{App, AwsProvider, ConstructPath, Diagnostics, Meta, Stack};
use payments::Config;

struct Run {
    code: u8,
    stdout: String,
    stderr: String,
}

fn run(args: &[&str]) -> Run {
    run_app(synth_default, args)
}

fn synth_default(config: &Config) -> Result<App, Diagnostics> {
    payments::payments_app(config)
}

fn run_app(builder: payments::AppBuilder, args: &[&str]) -> Run {
    let mut stdout = Vec::new();
    let mut stderr = Vec::new();
    let argv = std::iter::once("synth").chain(args.iter().copied());
    let code = drsynth_tests::payments_cli_with(builder, argv, &mut stdout, &mut stderr);
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
    let mut entries: Vec<String> = fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().into_string().unwrap())
        .collect();
    entries.sort();
    assert_eq!(
        entries,
        ["main.tf.json", "manifest.json"],
        "no temporary file is left behind"
    );
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
        stale.stderr.contains("synthesize again without --check"),
        "{}",
        stale.stderr
    );
    assert!(
        stale
            .stderr
            .contains("~ aws_cloudwatch_dashboard.monitoring_dashboard (differs)")
            && stale.stderr.contains("more"),
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
        bucket: Some(name.into()),
        force_destroy: Some(true.into()),
        ..S3Bucket::new()
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
            bucket: Some(foreign.bucket()),
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
    let cases: [(payments::AppBuilder, &str); 3] = [
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

#[test]
fn every_synth_prints_the_dr_report_and_json_goes_to_stdout() {
    let dir = tempfile::tempdir().unwrap();
    let text = run_in(dir.path(), &[]);
    assert!(
        text.stderr.contains("worst-case recovery    180 s"),
        "{}",
        text.stderr
    );
    let json = run_in(
        dir.path(),
        &["--report", "json", "--health-check-interval", "10"],
    );
    assert_eq!(json.code, 0, "{}", json.stderr);
    let report: serde_json::Value = serde_json::from_str(&json.stdout).unwrap();
    assert_eq!(report["worst_case_recovery_seconds"], 120);
    assert_eq!(report["detection_seconds"], 30);
    // The transactions and conflict tables, the bucket, the queue.
    assert_eq!(report["recovery_points"].as_array().unwrap().len(), 4);
    assert_eq!(
        report["write_conflicts"][0]["detected_in"],
        serde_json::json!(["us-east-1", "us-east-2"])
    );
}

#[test]
fn rto_target_that_cannot_be_met_is_refused_with_the_fix() {
    let dir = tempfile::tempdir().unwrap();
    let refused = run_in(dir.path(), &["--rto-target", "120s"]);
    assert_eq!(refused.code, 2);
    assert!(
        refused.stderr.contains("worst-case recovery time is 180 s"),
        "{}",
        refused.stderr
    );
    assert!(
        refused.stderr.contains("health-check interval 10 s"),
        "{}",
        refused.stderr
    );
    assert!(!dir.path().join("main.tf.json").exists());
    let met = run_in(
        dir.path(),
        &["--rto-target", "2m", "--health-check-interval", "10"],
    );
    assert_eq!(met.code, 0, "{}", met.stderr);
}

#[test]
fn invalid_settings_from_flags_fail_and_write_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let cases: [(&[&str], &str); 8] = [
        (
            &["--primary-region", "us-east-7"],
            "invalid primary region `us-east-7`",
        ),
        (
            &["--secondary-region", "us-east-1"],
            "same as the primary region",
        ),
        (&["--dns-ttl", "0"], "invalid DNS TTL `0`"),
        (
            &["--health-check-threshold", "11"],
            "invalid health-check failure threshold `11`",
        ),
        (
            &["--health-check-interval", "15"],
            "invalid health-check interval `15`",
        ),
        (&["--alert-email", "not-an-email"], "invalid alert email"),
        (&["--domain", "no_dots"], "invalid domain"),
        (&["--tag", "DR-Tier=low"], "drsynth sets this tag itself"),
    ];
    for (args, message) in cases {
        let result = run_in(dir.path(), args);
        assert_eq!(result.code, 2, "{args:?}");
        assert!(
            result.stderr.contains(message),
            "{message}\n{}",
            result.stderr
        );
        assert!(!dir.path().join("main.tf.json").exists(), "{args:?}");
    }
    let usage = run_in(dir.path(), &["--payment-auth", "open"]);
    assert_eq!(usage.code, 2);
    let usage = run_in(dir.path(), &["--rto-target", "soon"]);
    assert_eq!(usage.code, 2);
    assert!(
        usage.stderr.contains("is not a duration"),
        "{}",
        usage.stderr
    );
}

#[test]
fn config_file_sets_values_and_flags_override_it() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("drsynth.toml");
    fs::write(
        &file,
        "env = \"staging\"\nhealth_check_interval = 10\ncustom_domains = false\npayment_auth = \"none\"\n\n[tags]\nCostCenter = \"payments\"\n",
    )
    .unwrap();
    let config = file.to_str().unwrap();
    let result = run_in(dir.path(), &["--config", config, "--env", "qa", "--stdout"]);
    assert_eq!(result.code, 0, "{}", result.stderr);
    let document: serde_json::Value = serde_json::from_str(&result.stdout).unwrap();
    let table = &document["resource"]["aws_dynamodb_table"]["transactions_table"];
    assert_eq!(
        table["name"], "transactions-qa",
        "the flag wins over the file"
    );
    assert_eq!(
        document["resource"]["aws_route53_health_check"]["dns_primary_health_check"]["request_interval"],
        10
    );
    assert!(document["resource"].get("aws_acm_certificate").is_none());
    assert_eq!(
        document["provider"]["aws"][0]["default_tags"]["tags"]["CostCenter"],
        "payments"
    );
    assert_eq!(
        document["resource"]["aws_apigatewayv2_route"]["primary_api_post_payment"]["authorization_type"],
        "NONE"
    );
}

#[test]
fn bad_config_files_fail_with_the_file_and_the_fix() {
    let dir = tempfile::tempdir().unwrap();
    let missing = dir.path().join("missing.toml");
    let result = run_in(dir.path(), &["--config", missing.to_str().unwrap()]);
    assert_eq!(result.code, 2);
    assert!(
        result.stderr.contains("cannot read config file"),
        "{}",
        result.stderr
    );

    let cases = [
        (
            "unknown.toml",
            "enviroment = \"dev\"\n",
            "unknown field `enviroment`",
        ),
        ("broken.toml", "env = \n", "is invalid"),
        (
            "auth.toml",
            "payment_auth = \"open\"\n",
            "payment_auth `open` is not a mode",
        ),
        (
            "rto.toml",
            "rto_target = \"fast\"\n",
            "rto_target `fast` is not a duration",
        ),
        ("ttl.toml", "dns_ttl = 0\n", "invalid DNS TTL `0`"),
        (
            "profile.toml",
            "profile = \"prod\"\n",
            "profile `prod` is not a profile; use \"default\" or \"production\"",
        ),
    ];
    for (name, text, message) in cases {
        let file = dir.path().join(name);
        fs::write(&file, text).unwrap();
        let result = run_in(dir.path(), &["--config", file.to_str().unwrap()]);
        assert_eq!(result.code, 2, "{name}");
        assert!(
            result.stderr.contains(message),
            "{message}\n{}",
            result.stderr
        );
    }
    assert!(!dir.path().join("main.tf.json").exists());
}

#[test]
fn scale_puts_several_deployments_in_one_document() {
    let result = run(&["--scale", "3", "--stdout", "--env", "qa"]);
    assert_eq!(result.code, 0, "{}", result.stderr);
    let document: serde_json::Value = serde_json::from_str(&result.stdout).unwrap();
    let tables = document["resource"]["aws_dynamodb_table"]
        .as_object()
        .unwrap();
    let names: Vec<&str> = tables
        .values()
        .map(|t| t["name"].as_str().unwrap())
        .filter(|name| name.starts_with("transactions-"))
        .collect();
    assert_eq!(
        names,
        [
            "transactions-qa-1",
            "transactions-qa-2",
            "transactions-qa-3"
        ]
    );
    assert!(document["output"].get("env_qa_2_table_name").is_some());
    assert_eq!(run(&["--scale", "0", "--stdout"]).code, 2);
}

#[test]
fn graph_draws_every_construct_in_its_region() {
    for format in ["dot", "mermaid"] {
        let result = run(&["graph", "--format", format]);
        assert_eq!(result.code, 0, "{}", result.stderr);
        for construct in [
            "RegionalStack",
            "GlobalTable",
            "ReplicatedBucket",
            "FailoverDns",
            "QueueReplication",
            "Monitoring",
            "us-east-1",
            "us-east-2",
        ] {
            assert!(
                result.stdout.contains(construct),
                "{format}: {construct} missing"
            );
        }
    }
    let dot = run(&["graph", "--format", "dot", "--depth", "2"]).stdout;
    assert!(dot.contains("primary/api"), "depth 2 shows the parts");
    assert!(!dot.contains("account"), "lookups are not constructs");
    let invalid = run(&["graph", "--env", "Bad"]);
    assert_eq!(invalid.code, 2);
    assert!(invalid.stderr.contains("invalid environment suffix"));
}

fn queue_app(construct: &str, renamed_from: Option<&str>) -> Result<App, Diagnostics> {
    bucket_app(
        construct,
        renamed_from,
        &["DR001", "SEC003", "SEC004", "SEC005"],
    )
}

/// The one-bucket fixture with suppressions of `rules`.
fn queue_app_with(rules: &[&str]) -> Result<App, Diagnostics> {
    bucket_app("documents", None, rules)
}

fn bucket_app(
    construct: &str,
    renamed_from: Option<&str>,
    rules: &[&str],
) -> Result<App, Diagnostics> {
    let mut stack = Stack::new("payments");
    let primary = stack.provider(AwsProvider::new("primary", "us-east-1"));
    // A one-bucket fixture: the DR and security rules are accepted here,
    // as any construct may, with a reason.
    let fixture = "a one-bucket fixture of the rename test";
    let mut meta = Meta::default();
    for rule in rules {
        meta = meta.suppress(rule, fixture);
    }
    let meta = match renamed_from {
        Some(previous) => meta.renamed_from(ConstructPath::parse(previous)),
        None => meta,
    };
    stack
        .scope(&primary)
        .child(construct)
        .resource_with("bucket", bucket("documents-dev"), meta);
    let mut app = App::new();
    app.add_stack(stack);
    Ok(app)
}

#[test]
fn a_rename_without_a_move_is_warned_with_the_line_to_add() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().to_str().unwrap().to_owned();
    let original: payments::AppBuilder = |_| queue_app("documents", None);
    let renamed: payments::AppBuilder = |_| queue_app("archive", None);
    let moved: payments::AppBuilder = |_| queue_app("archive", Some("documents/bucket"));

    let first = run_app(original, &["--out", &out]);
    assert_eq!(first.code, 0, "{}", first.stderr);
    let warned = run_app(renamed, &["--out", &out]);
    assert_eq!(warned.code, 0, "a warning, not an error");
    assert!(
        warned.stderr.contains("aws_s3_bucket.documents_bucket (documents/bucket) disappeared and aws_s3_bucket.archive_bucket (archive/bucket) appeared"),
        "{}",
        warned.stderr
    );
    assert!(
        warned
            .stderr
            .contains("Meta::default().renamed_from(ConstructPath::parse(\"documents/bucket\"))")
    );

    assert_eq!(run_app(original, &["--out", &out]).code, 0);
    let declared = run_app(moved, &["--out", &out]);
    // Only the configuration's own warnings: none about renames.
    let warnings: Vec<&str> = declared
        .stderr
        .lines()
        .filter(|l| l.starts_with("warning:"))
        .collect();
    let expected: Vec<String> = Config::default()
        .warnings(true)
        .into_iter()
        .map(|w| format!("warning: {w}"))
        .collect();
    assert_eq!(warnings, expected, "{}", declared.stderr);
    let written: serde_json::Value =
        serde_json::from_str(&fs::read_to_string(dir.path().join("main.tf.json")).unwrap())
            .unwrap();
    assert_eq!(
        written["moved"],
        serde_json::json!([{"from": "aws_s3_bucket.documents_bucket", "to": "aws_s3_bucket.archive_bucket"}])
    );
}

#[test]
fn check_reports_a_stale_manifest() {
    let dir = tempfile::tempdir().unwrap();
    run_in(dir.path(), &[]);
    fs::write(dir.path().join("manifest.json"), "{}").unwrap();
    let stale = run_in(dir.path(), &["--check"]);
    assert_eq!(stale.code, 1);
    assert!(
        stale.stderr.contains("manifest.json is missing or stale"),
        "{}",
        stale.stderr
    );
}

#[test]
fn audit_prints_every_rule_and_synth_refuses_an_unsuppressed_finding() {
    let audit = run(&["audit"]);
    assert_eq!(audit.code, 0, "{}", audit.stderr);
    assert!(
        audit.stdout.contains("SEC003   high     suppressed"),
        "{}",
        audit.stdout
    );
    assert!(
        audit
            .stdout
            .contains("16 rules: 14 passed, 0 failed, 1 suppressed, 1 not applicable"),
        "{}",
        audit.stdout
    );

    // A public bucket with no encryption, replication or TLS policy.
    let careless: payments::AppBuilder = |_| {
        let mut stack = Stack::new("payments");
        let primary = stack.provider(AwsProvider::new("primary", "us-east-1"));
        stack.provider(AwsProvider::new("secondary", "us-east-2"));
        stack
            .scope(&primary)
            .resource("bucket", bucket("careless-dev"));
        let mut app = App::new();
        app.add_stack(stack);
        Ok(app)
    };
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().to_str().unwrap().to_owned();
    let refused = run_app(careless, &["--out", &out]);
    assert_eq!(refused.code, 2);
    assert!(refused.stderr.contains("rule SEC004"), "{}", refused.stderr);
    assert!(
        refused.stderr.contains("Meta::suppress"),
        "{}",
        refused.stderr
    );
    assert!(!dir.path().join("main.tf.json").exists());
    let audit = run_app(careless, &["audit"]);
    assert_eq!(audit.code, 2);

    // A suppression of a rule that finds nothing there fails synth too.
    let stale: payments::AppBuilder =
        |_| queue_app_with(&["DR001", "SEC003", "SEC004", "SEC005", "DR004"]);
    let refused = run_app(stale, &["--out", &out]);
    assert_eq!(refused.code, 2);
    assert!(
        refused.stderr.contains(
            "aws_s3_bucket.documents_bucket suppresses rule DR004, which finds nothing there"
        ),
        "{}",
        refused.stderr
    );
    assert!(!dir.path().join("main.tf.json").exists());
    assert!(
        audit.stdout.contains("FAILED  aws_s3_bucket.bucket"),
        "{}",
        audit.stdout
    );
}

#[test]
fn production_profile_from_the_file_or_the_flag_retains_the_data() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("drsynth.toml");
    fs::write(
        &file,
        "profile = \"production\"\nbackend = \"s3\"\nstate_bucket = \"acme-terraform-state\"\n",
    )
    .unwrap();
    let retained = |result: &Run| {
        assert_eq!(result.code, 0, "{}", result.stderr);
        let document: serde_json::Value = serde_json::from_str(&result.stdout).unwrap();
        document["resource"]["aws_dynamodb_table"]["transactions_table"]["lifecycle"]["prevent_destroy"]
            == true
    };
    let config = file.to_str().unwrap();
    assert!(retained(&run_in(
        dir.path(),
        &["--config", config, "--stdout"]
    )));
    assert!(!retained(&run_in(
        dir.path(),
        &["--config", config, "--profile", "default", "--stdout"]
    )));
    assert!(retained(&run_in(dir.path(), &production(&["--stdout"]))));
}

/// `--profile production` with the S3 state it requires.
fn production<'a>(rest: &[&'a str]) -> Vec<&'a str> {
    let mut args = vec![
        "--profile",
        "production",
        "--backend",
        "s3",
        "--state-bucket",
        "acme-terraform-state",
    ];
    args.extend_from_slice(rest);
    args
}

#[test]
fn production_with_local_state_is_refused_with_the_fix() {
    let dir = tempfile::tempdir().unwrap();
    let result = run_in(dir.path(), &["--profile", "production"]);
    assert_eq!(result.code, 2);
    assert!(
        result.stderr.contains("invalid backend `local`")
            && result.stderr.contains("--backend s3 --state-bucket"),
        "{}",
        result.stderr
    );
    assert!(!dir.path().join("main.tf.json").exists());
}

#[test]
fn production_profile_for_the_emulator_is_refused_and_nothing_is_written() {
    let dir = tempfile::tempdir().unwrap();
    let result = run_in(
        dir.path(),
        &["--profile", "production", "--target", "emulator"],
    );
    assert_eq!(result.code, 2);
    assert!(
        result.stderr.contains("default profile only")
            && result.stderr.contains("--profile default"),
        "{}",
        result.stderr
    );
    assert!(!dir.path().join("main.tf.json").exists());
}

#[test]
fn the_emulator_target_leaves_recovery_control_out_and_says_so() {
    let dir = tempfile::tempdir().unwrap();
    let result = run_in(dir.path(), &["--target", "emulator", "--recovery-control"]);
    assert_eq!(result.code, 0, "{}", result.stderr);
    assert!(
        result
            .stderr
            .contains("the emulator target leaves out --recovery-control"),
        "{}",
        result.stderr
    );
    let written = fs::read_to_string(dir.path().join("main.tf.json")).unwrap();
    assert!(!written.contains("route53recoverycontrolconfig"));
}

#[test]
fn recovery_control_from_the_file_yields_to_the_flag_and_its_misuses_are_refused() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("drsynth.toml");
    fs::write(&file, "recovery_control = true\n").unwrap();
    let config = file.to_str().unwrap();
    let on = run(&["--stdout", "--config", config]);
    assert_eq!(on.code, 0, "{}", on.stderr);
    assert!(
        on.stdout
            .contains("aws_route53recoverycontrolconfig_cluster")
    );
    let off = run(&["--stdout", "--config", config, "--no-recovery-control"]);
    assert_eq!(off.code, 0, "{}", off.stderr);
    assert!(!off.stdout.contains("route53recoverycontrolconfig"));
    let shared = run(&[
        "--stdout",
        "--recovery-control",
        "--recovery-control-cluster",
        "arn:aws:route53-recovery-control::123456789012:cluster/0123abcd",
    ]);
    assert_eq!(shared.code, 0, "{}", shared.stderr);
    assert!(
        !shared
            .stdout
            .contains("aws_route53recoverycontrolconfig_cluster")
    );
    assert!(
        shared
            .stderr
            .contains("the control panel goes into the existing cluster")
    );
    for (args, expected) in [
        (
            vec![
                "--stdout",
                "--recovery-control-cluster",
                "arn:aws:route53-recovery-control::123456789012:cluster/0123abcd",
            ],
            "add --recovery-control, or drop the cluster",
        ),
        (
            vec!["--stdout", "--recovery-control", "--scale", "2"],
            "every copy would create an ARC cluster",
        ),
    ] {
        let refused = run(&args);
        assert_eq!(refused.code, 2, "{args:?}: {}", refused.stderr);
        assert!(refused.stderr.contains(expected), "{}", refused.stderr);
    }
}

#[test]
fn recovery_control_reports_manual_failover_and_passes_the_rules() {
    let result = run(&production(&["audit", "--recovery-control"]));
    assert_eq!(result.code, 0, "{}", result.stdout);
    assert!(result.stdout.contains("0 failed"), "{}", result.stdout);
    let result = run(&production(&["--stdout", "--recovery-control"]));
    assert_eq!(result.code, 0, "{}", result.stderr);
    assert!(
        result.stderr.contains("manual, through Route 53 ARC")
            && result
                .stderr
                .contains("ARC cluster costs about 2.5 USD an hour"),
        "{}",
        result.stderr
    );
    let document: serde_json::Value = serde_json::from_str(&result.stdout).unwrap();
    assert_eq!(
        document["provider"]["aws"]
            .as_array()
            .unwrap()
            .iter()
            .filter(|p| p["region"] == "us-west-2")
            .count(),
        1,
        "one provider in us-west-2 for ARC's configuration"
    );
    assert!(document["output"]["recovery_control_cluster_endpoints"].is_object());
    assert!(document["output"]["worst_case_recovery_seconds"].is_null());
}

#[test]
fn audit_of_the_production_profile_passes_without_suppressing_encryption() {
    let result = run(&production(&["audit"]));
    assert_eq!(result.code, 0, "{}", result.stdout);
    assert!(
        result.stdout.contains("SEC003   high     passed"),
        "{}",
        result.stdout
    );
    assert!(
        result.stdout.contains("SEC008   high     passed"),
        "{}",
        result.stdout
    );
}

/// `synth drill` refuses a plan that ships anything besides the switch,
/// and one that flips nothing; a drill plan gets the watch list.
#[test]
fn drill_accepts_only_the_switch() {
    let dir = tempfile::tempdir().unwrap();
    let switch = serde_json::json!({
        "address": "aws_route53_health_check.dns_primary_health_check",
        "type": "aws_route53_health_check", "mode": "managed",
        "change": {"actions": ["update"], "before": {"resource_path": "/health"},
                   "after": {"resource_path": "/failover-drill"}, "after_unknown": {}},
    });
    let pending = serde_json::json!({
        "address": "aws_sqs_queue.primary_queue_main", "type": "aws_sqs_queue", "mode": "managed",
        "change": {"actions": ["update"], "before": {"delay_seconds": 0},
                   "after": {"delay_seconds": 5}, "after_unknown": {}},
    });
    let plan = |changes: serde_json::Value| {
        let path = dir.path().join("drill.json");
        let deployed =
            serde_json::json!({"values": {"root_module": {"resources": [{"address": "x"}]}}});
        fs::write(
            &path,
            serde_json::json!({"resource_changes": changes, "prior_state": deployed}).to_string(),
        )
        .unwrap();
        path.display().to_string()
    };

    let drill = run(&["drill", &plan(serde_json::json!([switch]))]);
    assert_eq!(drill.code, 0, "{}", drill.stderr);
    assert!(
        drill.stdout.starts_with("Failover drill: START"),
        "{}",
        drill.stdout
    );
    assert!(
        drill
            .stdout
            .contains("alarm payments-primary-health-dev: goes to ALARM")
    );
    assert!(
        !drill.stdout.contains("secondary-health"),
        "{}",
        drill.stdout
    );

    let mixed = run(&["drill", &plan(serde_json::json!([switch, pending]))]);
    assert_eq!(mixed.code, 2);
    assert!(
        mixed
            .stderr
            .contains("aws_sqs_queue.primary_queue_main: update (delay_seconds)"),
        "{}",
        mixed.stderr
    );
    assert!(mixed.stdout.is_empty());

    let nothing = run(&["drill", &plan(serde_json::json!([]))]);
    assert_eq!(nothing.code, 2);
    assert!(
        nothing.stderr.contains("moves no drill switch"),
        "{}",
        nothing.stderr
    );

    let path = dir.path().join("empty.json");
    fs::write(
        &path,
        serde_json::json!({"resource_changes": [switch]}).to_string(),
    )
    .unwrap();
    let undeployed = run(&["drill", path.to_str().unwrap()]);
    assert_eq!(undeployed.code, 2);
    assert!(
        undeployed.stderr.contains("holds no deployed stack"),
        "{}",
        undeployed.stderr
    );

    let missing = run(&["drill", "no-such-plan.json"]);
    assert_eq!(missing.code, 2);
    assert!(
        missing.stderr.contains("cannot read no-such-plan.json"),
        "{}",
        missing.stderr
    );
}
