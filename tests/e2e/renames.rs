//! Renames become moves, and the plan summary guards stateful data: both
//! checked on plans made against the emulator.

use constructs::bindings::aws::logs::CloudwatchLogGroup;
use constructs::bindings::aws::sqs::SqsQueue;
use constructs::core::{App, AwsProvider, ConstructPath, Diagnostics, Meta, Stack};
use payments::Config;

use crate::deployment::{Deployment, synth_cli};

/// A small app: a log group and a queue, at `logs/group` and `work/queue`,
/// or after the rename at `observability/group` and `jobs/queue`.
fn app(config: &Config, renamed: bool) -> Result<App, Diagnostics> {
    let mut stack = Stack::new("payments");
    let primary = stack.provider(AwsProvider::new("primary", "us-east-1"));
    let mut root = stack.scope(&primary);
    let (logs, work) = if renamed {
        ("observability", "jobs")
    } else {
        ("logs", "work")
    };
    let meta = |previous: &str| match renamed {
        true => Meta::default().renamed_from(ConstructPath::parse(previous)),
        false => Meta::default(),
    };
    root.child(logs).resource_with(
        "group",
        CloudwatchLogGroup {
            name: Some(format!("/drsynth/{}", config.env).into()),
            retention_in_days: Some(7.into()),
            ..CloudwatchLogGroup::new()
        },
        meta("logs/group"),
    );
    root.child(work).resource_with(
        "queue",
        SqsQueue {
            name: Some(format!("jobs-{}", config.env).into()),
            message_retention_seconds: Some(3600.into()),
            visibility_timeout_seconds: Some(30.into()),
            sqs_managed_sse_enabled: Some(true.into()),
            ..SqsQueue::new()
        },
        meta("work/queue").suppress("DR001", "a one-region fixture of the rename test"),
    );
    let mut app = App::new();
    app.add_stack(stack);
    Ok(app)
}

pub fn original(config: &Config) -> Result<App, Diagnostics> {
    app(config, false)
}

fn renamed(config: &Config) -> Result<App, Diagnostics> {
    app(config, true)
}

pub fn plan_shows_moves(deployment: &Deployment) {
    let stderr = deployment.resynth(renamed);
    // Only the configuration's own warnings: none about renames.
    let warnings: Vec<&str> = stderr
        .lines()
        .filter(|l| l.starts_with("warning:"))
        .collect();
    let expected: Vec<String> = Config {
        env: deployment.env.clone(),
        ..Config::default()
    }
    .warnings(false)
    .into_iter()
    .map(|w| format!("warning: {w}"))
    .collect();
    assert_eq!(
        warnings, expected,
        "declared renames are not warned about: {stderr}"
    );
    let plan = deployment.saved_plan_json(&[]);
    let plan_path = plan.display().to_string();
    let (code, summary, stderr) = synth_cli(
        renamed,
        &["--env", &deployment.env, "plan-summary", &plan_path],
    );
    assert_eq!(code, 0, "{stderr}");
    assert!(
        summary.starts_with("Plan: 0 to create, 0 to update, 0 to replace, 0 to destroy, 2 moved"),
        "{summary}"
    );
    assert!(
        summary.contains("aws_sqs_queue.jobs_queue  (moved from aws_sqs_queue.work_queue)"),
        "{summary}"
    );
    eprintln!("{summary}");
}

pub fn destroy(deployment: &Deployment) {
    deployment.terraform_ok(&["destroy", "-input=false", "-no-color", "-auto-approve"]);
    let state = deployment.terraform_ok(&["state", "list"]);
    assert!(state.trim().is_empty(), "{state}");
}

/// A plan that replaces the primary bucket is refused without
/// --allow-data-loss and accepted with it.
pub fn summary_refuses_data_loss(deployment: &Deployment) {
    let plan = deployment.saved_plan_json(&["-replace=aws_s3_bucket.documents_source_bucket"]);
    let plan_path = plan.display().to_string();
    let args = [
        "--env",
        deployment.env.as_str(),
        "plan-summary",
        plan_path.as_str(),
    ];
    let (code, summary, stderr) = synth_cli(payments::payments_app, &args);
    assert_eq!(code, 2, "a stateful replacement is refused: {stderr}");
    assert!(stderr.contains("DATA LOSS"), "{stderr}");
    assert!(
        summary.contains("documents/source\n    -/+ aws_s3_bucket.documents_source_bucket  (replacement was requested (-replace))  [STATEFUL]"),
        "{summary}"
    );
    assert!(summary.contains("us-east-1"), "{summary}");
    let mut allowed = args.to_vec();
    allowed.push("--allow-data-loss");
    let (code, _, _) = synth_cli(payments::payments_app, &allowed);
    assert_eq!(code, 0, "--allow-data-loss accepts it");
    eprintln!(
        "{}",
        summary.lines().take(12).collect::<Vec<_>>().join("\n")
    );
}
