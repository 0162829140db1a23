//! The S3 backend with its lock file, against moto: state written to the
//! bucket, locked while Terraform works, and the bucket itself never part of
//! the stack.

use std::process::Command;

use drsynth_tests::moto::MotoServer;
use drsynth_tests::{terraform, workspace_root, write_scratch_configuration};

fn python(moto: &MotoServer, script: &str) -> String {
    let output = Command::new(workspace_root().join(".venv/bin/python"))
        .args(["-c", script])
        .envs(moto.sdk_environment("us-east-1"))
        .output()
        .expect("the venv's python runs; run `make venv`");
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    String::from_utf8(output.stdout).unwrap()
}

fn synth(args: &[&str]) -> (u8, String, String) {
    let mut stdout = Vec::new();
    let mut stderr = Vec::new();
    let argv = std::iter::once("synth").chain(args.iter().copied());
    let code = drsynth_tests::payments_cli(argv, &mut stdout, &mut stderr);
    (
        code,
        String::from_utf8(stdout).unwrap(),
        String::from_utf8(stderr).unwrap(),
    )
}

#[test]
fn state_lives_in_the_bucket_and_the_bucket_is_not_managed() {
    let (code, text, stderr) = synth(&[
        "--target",
        "emulator",
        "--backend",
        "s3",
        "--state-bucket",
        "acme-tf-state",
        "--stdout",
    ]);
    assert_eq!(code, 0, "{stderr}");
    let document: serde_json::Value = serde_json::from_str(&text).unwrap();
    let backend = &document["terraform"]["backend"]["s3"];
    assert_eq!(backend["bucket"], "acme-tf-state");
    assert_eq!(backend["key"], "drsynth/dev/terraform.tfstate");
    assert_eq!(backend["use_lockfile"], true);
    let mut without_backend = document.clone();
    without_backend["terraform"]["backend"] = serde_json::Value::Null;
    assert!(
        !without_backend.to_string().contains("acme-tf-state"),
        "nothing in the stack refers to the state bucket, so it is never created or destroyed"
    );

    let moto = MotoServer::start();
    python(
        &moto,
        "import boto3; boto3.client('s3').create_bucket(Bucket='acme-tf-state')",
    );
    let dir = tempfile::tempdir().unwrap();
    write_scratch_configuration(dir.path(), &text);
    let endpoint = moto.endpoint();
    let providers: Vec<serde_json::Value> = ["primary", "secondary"]
        .iter()
        .map(|alias| {
            serde_json::json!({
                "alias": alias, "access_key": "testing", "secret_key": "testing",
                "skip_credentials_validation": true, "skip_metadata_api_check": true,
                "skip_requesting_account_id": true,
                "endpoints": [{"logs": endpoint, "sts": endpoint}]
            })
        })
        .collect();
    let providers = serde_json::json!({"provider": {"aws": providers}});
    std::fs::write(dir.path().join("override.tf.json"), providers.to_string()).unwrap();
    let endpoints = format!("endpoints={{s3=\"{endpoint}\"}}");
    let init = terraform(
        dir.path(),
        &[
            "init",
            "-input=false",
            "-no-color",
            &format!("-backend-config={endpoints}"),
            "-backend-config=access_key=testing",
            "-backend-config=secret_key=testing",
            "-backend-config=skip_credentials_validation=true",
            "-backend-config=skip_requesting_account_id=true",
            "-backend-config=skip_metadata_api_check=true",
            "-backend-config=use_path_style=true",
        ],
    );
    assert!(init.success, "{}\n{}", init.stdout, init.stderr);
    let target = "-target=aws_cloudwatch_log_group.primary_payment_logs";
    let apply = terraform(
        dir.path(),
        &[
            "apply",
            "-input=false",
            "-no-color",
            "-auto-approve",
            target,
        ],
    );
    assert!(apply.success, "{}\n{}", apply.stdout, apply.stderr);
    assert!(
        !dir.path().join("terraform.tfstate").exists(),
        "no local state"
    );

    let keys = python(
        &moto,
        "import boto3\nfor o in boto3.client('s3').list_objects_v2(Bucket='acme-tf-state').get('Contents', []): print(o['Key'])",
    );
    assert_eq!(
        keys.trim(),
        "drsynth/dev/terraform.tfstate",
        "the state is in the bucket and the lock is released"
    );
    let listed = terraform(dir.path(), &["state", "list"]);
    assert_eq!(
        listed.stdout.trim(),
        "aws_cloudwatch_log_group.primary_payment_logs"
    );

    let destroy = terraform(
        dir.path(),
        &[
            "destroy",
            "-input=false",
            "-no-color",
            "-auto-approve",
            target,
        ],
    );
    assert!(destroy.success, "{}\n{}", destroy.stdout, destroy.stderr);
    let buckets = python(
        &moto,
        "import boto3; print([b['Name'] for b in boto3.client('s3').list_buckets()['Buckets']])",
    );
    assert!(
        buckets.contains("acme-tf-state"),
        "destroy never touches the state bucket: {buckets}"
    );
}

#[test]
fn s3_backend_settings_are_checked() {
    for (args, message) in [
        (vec!["--backend", "s3"], "needs the state bucket"),
        (
            vec!["--state-bucket", "acme-tf-state"],
            "the backend is local",
        ),
        (
            vec!["--backend", "s3", "--state-bucket", "Bad_Bucket"],
            "invalid state bucket `Bad_Bucket`",
        ),
        (
            vec![
                "--backend",
                "s3",
                "--state-bucket",
                "acme",
                "--state-key",
                "/abs",
            ],
            "invalid state key",
        ),
        (
            vec![
                "--backend",
                "s3",
                "--state-bucket",
                "acme",
                "--state-region",
                "mars-1",
            ],
            "invalid state region",
        ),
    ] {
        let mut args = args.clone();
        args.push("--stdout");
        let (code, _, stderr) = synth(&args);
        assert_eq!(code, 2, "{args:?}");
        assert!(stderr.contains(message), "{message}\n{stderr}");
    }
}
