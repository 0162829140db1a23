//! Shared helpers of the integration tests: where the workspace is, running
//! Terraform through `scripts/terraform.sh` (offline mirror aware), a moto
//! server, and a local Lambda Runtime API for the packaged handlers.

pub mod moto;
pub mod runtime_api;

use std::path::{Path, PathBuf};
use std::process::Command;

use serde_json::Value;

/// The workspace root (the directory holding the top-level Cargo.toml).
pub fn workspace_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .expect("the tests crate sits inside the workspace")
        .to_path_buf()
}

/// The result of one Terraform command.
#[derive(Debug)]
pub struct TerraformRun {
    pub success: bool,
    pub stdout: String,
    pub stderr: String,
}

/// Runs `terraform -chdir=<dir> <args>` through the project's wrapper. Panics
/// when Terraform cannot be started at all: these tests never skip.
pub fn terraform(dir: &Path, args: &[&str]) -> TerraformRun {
    let script = workspace_root().join("scripts/terraform.sh");
    let output = Command::new("bash")
        .arg(&script)
        .arg(format!("-chdir={}", dir.display()))
        .args(args)
        .env("TF_INPUT", "0")
        .output()
        .unwrap_or_else(|e| panic!("cannot run {}: {e}", script.display()));
    let run = TerraformRun {
        success: output.status.success(),
        stdout: String::from_utf8_lossy(&output.stdout).into_owned(),
        stderr: String::from_utf8_lossy(&output.stderr).into_owned(),
    };
    assert_ne!(
        output.status.code(),
        Some(127),
        "terraform is not installed; it is required to run the tests:\n{}",
        run.stderr
    );
    run
}

/// The smallest valid zip (an empty archive): what the configuration needs at
/// `lambda/<name>.zip` for `filebase64sha256` when the real packages are not
/// built. Written only into scratch directories, never into `terraform/`.
const EMPTY_ZIP: [u8; 22] = [
    0x50, 0x4b, 0x05, 0x06, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
];

/// The Lambda packages the configuration refers to.
pub const LAMBDA_PACKAGES: [&str; 3] = ["payment", "queue-replicator", "conflict-detector"];

/// Writes `main_tf_json` into `dir` with stand-in Lambda packages beside it.
pub fn write_scratch_configuration(dir: &Path, main_tf_json: &str) {
    std::fs::write(dir.join("main.tf.json"), main_tf_json).unwrap();
    write_stand_in_packages(dir, main_tf_json);
}

/// An empty `lambda/<package>.zip` in `dir` for every package
/// `main_tf_json` refers to (`${path.module}/lambda/<package>.zip`).
pub fn write_stand_in_packages(dir: &Path, main_tf_json: &str) {
    std::fs::create_dir_all(dir.join("lambda")).unwrap();
    for (start, _) in main_tf_json.match_indices("/lambda/") {
        let rest = &main_tf_json[start + "/lambda/".len()..];
        let Some(end) = rest.find(".zip") else {
            continue;
        };
        let package = &rest[..end];
        if !package.is_empty()
            && package
                .chars()
                .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_')
        {
            std::fs::write(dir.join(format!("lambda/{package}.zip")), EMPTY_ZIP).unwrap();
        }
    }
}

/// `terraform init -backend=false` then `terraform validate -json` in `dir`;
/// returns the validate report.
pub fn validate(dir: &Path) -> Value {
    let init = terraform(
        dir,
        &["init", "-backend=false", "-input=false", "-no-color"],
    );
    assert!(
        init.success,
        "terraform init failed:\n{}\n{}",
        init.stdout, init.stderr
    );
    let run = terraform(dir, &["validate", "-json", "-no-color"]);
    serde_json::from_str(&run.stdout).unwrap_or_else(|e| {
        panic!(
            "terraform validate printed no JSON ({e}):\n{}\n{}",
            run.stdout, run.stderr
        )
    })
}

/// An endpoint on 127.0.0.1 that accepts connections and never answers: a
/// dependency that hangs. The connections stay open until the test process
/// ends.
pub fn silent_endpoint() -> String {
    let listener = std::net::TcpListener::bind("127.0.0.1:0").expect("bind a loopback port");
    let address = listener
        .local_addr()
        .expect("a bound listener has an address");
    std::thread::spawn(move || {
        let mut held = Vec::new();
        for stream in listener.incoming().flatten() {
            held.push(stream);
        }
    });
    format!("http://{address}")
}

/// The payments app's command line (`cargo run -p synth`), in-process.
pub fn payments_cli<I, T>(
    args: I,
    stdout: &mut dyn std::io::Write,
    stderr: &mut dyn std::io::Write,
) -> u8
where
    I: IntoIterator<Item = T>,
    T: Into<std::ffi::OsString> + Clone,
{
    payments_cli_with(payments::payments_app, args, stdout, stderr)
}

/// The same command line on the app `builder` makes from the payments
/// settings: how tests feed the CLI an invalid app.
pub fn payments_cli_with<I, T>(
    builder: payments::AppBuilder,
    args: I,
    stdout: &mut dyn std::io::Write,
    stderr: &mut dyn std::io::Write,
) -> u8
where
    I: IntoIterator<Item = T>,
    T: Into<std::ffi::OsString> + Clone,
{
    drsynth_cli::run(
        |flags: &payments::PaymentsFlags| Ok(payments::synthesize_with(flags, builder)?),
        args,
        stdout,
        stderr,
    )
}
