//! One deployment of the emulator target in a scratch directory, driven
//! through Terraform and checked through the emulator's AWS API.

use std::io::{BufRead, BufReader};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

use drsynth_tests::moto::{MotoServer, write_provider_override};
use drsynth_tests::{LAMBDA_PACKAGES, terraform, workspace_root};
use payments::payments_app;
use serde_json::Value;

pub struct Deployment {
    dir: tempfile::TempDir,
    endpoint: String,
    pub env: String,
}

impl Deployment {
    /// Synthesizes the emulator target for `env` into a scratch directory
    /// with the packaged handlers and a provider override for `moto`.
    pub fn synth(moto: &MotoServer, env: &str) -> Self {
        Self::synth_app(moto, env, payments_app)
    }

    /// The same for the app `builder` makes.
    pub fn synth_app(moto: &MotoServer, env: &str, builder: payments::AppBuilder) -> Self {
        let dir = tempfile::tempdir().unwrap();
        let out = dir.path().display().to_string();
        let (code, _, stderr) = synth_cli(
            builder,
            &["--target", "emulator", "--env", env, "--out", &out],
        );
        assert_eq!(code, 0, "{stderr}");
        std::fs::create_dir_all(dir.path().join("lambda")).unwrap();
        for package in LAMBDA_PACKAGES {
            let built = workspace_root().join(format!("terraform/lambda/{package}.zip"));
            assert!(
                built.exists(),
                "{} is missing; run `make lambdas` (make e2e does)",
                built.display()
            );
            std::fs::copy(&built, dir.path().join(format!("lambda/{package}.zip"))).unwrap();
        }
        let deployment = Self {
            dir,
            endpoint: moto.endpoint(),
            env: env.to_owned(),
        };
        deployment.write_override();
        deployment
    }

    pub fn path(&self) -> &Path {
        self.dir.path()
    }

    /// Synthesizes `builder`'s app again into this deployment.
    pub fn resynth(&self, builder: payments::AppBuilder) -> String {
        let out = self.path().display().to_string();
        let (code, _, stderr) = synth_cli(
            builder,
            &["--target", "emulator", "--env", &self.env, "--out", &out],
        );
        assert_eq!(code, 0, "{stderr}");
        stderr
    }

    /// Saves a plan (with extra `args`) and returns the path of its JSON.
    pub fn saved_plan_json(&self, args: &[&str]) -> PathBuf {
        let mut plan = vec!["plan", "-input=false", "-no-color", "-out=saved.tfplan"];
        plan.extend_from_slice(args);
        self.terraform_ok(&plan);
        let json = self.terraform_ok(&["show", "-json", "saved.tfplan"]);
        let path = self.path().join("saved-plan.json");
        std::fs::write(&path, json).unwrap();
        path
    }

    fn write_override(&self) {
        write_provider_override(self.path(), &self.endpoint);
    }

    /// Runs Terraform here; panics with its output when it fails.
    pub fn terraform_ok(&self, args: &[&str]) -> String {
        let run = terraform(self.path(), args);
        assert!(
            run.success,
            "terraform {args:?} failed:\n{}\n{}",
            tail(&run.stdout),
            run.stderr
        );
        run.stdout
    }

    pub fn apply(&self) {
        self.terraform_ok(&[
            "apply",
            "-input=false",
            "-no-color",
            "-auto-approve",
            "-parallelism=20",
        ]);
    }

    /// Phase 1 of a first apply with a new zone, as `make apply-zone` runs
    /// it: only the zone is created, and its name servers are an output to
    /// delegate the domain to before phase 2.
    pub fn apply_zone_alone(&self) {
        self.terraform_ok(&[
            "apply",
            "-input=false",
            "-no-color",
            "-auto-approve",
            "-target=aws_route53_zone.dns_zone",
        ]);
        let state = self.terraform_ok(&["state", "list"]);
        let managed: Vec<&str> = state.lines().filter(|l| !l.starts_with("data.")).collect();
        assert_eq!(managed, ["aws_route53_zone.dns_zone"], "{state}");
        let name_servers: Vec<String> = serde_json::from_str(&self.terraform_ok(&[
            "output",
            "-json",
            "hosted_zone_name_servers",
        ]))
        .unwrap();
        assert!(!name_servers.is_empty(), "no name servers to delegate to");
    }

    /// Starts an apply and calls `interrupt` with its PID once `resources`
    /// resources were created; the apply must then stop unfinished.
    ///
    /// One resource at a time, interrupted while the only create running
    /// is past its API call and waiting (Terraform says "Still creating"):
    /// the provider cancels its requests on an interrupt, and a create
    /// cancelled after AWS acted leaves a resource the state never learns
    /// of, which no configuration converges from (the next apply meets
    /// "already exists"). A waiting create, cancelled, is saved as tainted
    /// and replaced.
    pub fn apply_interrupted(&self, resources: usize, interrupt: impl FnOnce(u32)) {
        let mut child = Command::new("bash")
            .arg(workspace_root().join("scripts/terraform.sh"))
            .arg(format!("-chdir={}", self.path().display()))
            .args([
                "apply",
                "-input=false",
                "-no-color",
                "-auto-approve",
                "-parallelism=1",
            ])
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .expect("start terraform apply");
        let pid = child.id();
        let mut created = 0;
        let mut running: Vec<String> = Vec::new();
        let mut interrupt = Some(interrupt);
        for line in BufReader::new(child.stdout.take().unwrap())
            .lines()
            .map_while(Result::ok)
        {
            let Some((address, event)) = line.split_once(": ") else {
                continue;
            };
            if event.starts_with("Creating...") {
                running.push(address.to_owned());
            } else if event.starts_with("Creation complete") {
                running.retain(|a| a != address);
                created += 1;
            } else if event.starts_with("Still creating...")
                && created >= resources
                && running.len() == 1
                && running[0] == address
                && let Some(interrupt) = interrupt.take()
            {
                interrupt(pid);
            }
        }
        let status = child.wait().unwrap();
        assert!(
            interrupt.is_none(),
            "the apply finished after {created} resources, before the interruption"
        );
        assert!(
            !status.success(),
            "an interrupted apply must not report success"
        );
        eprintln!("    interrupted after {created} resources were created");
    }

    /// Interrupts an apply with SIGINT (Ctrl-C) once `resources` exist.
    pub fn apply_interrupted_after_resources(&self, resources: usize) {
        self.apply_interrupted(resources, |pid| {
            let status = Command::new("kill")
                .args(["-INT", &pid.to_string()])
                .status()
                .unwrap();
            assert!(status.success());
        });
    }

    pub fn outputs_file(&self) -> PathBuf {
        let outputs = self.terraform_ok(&["output", "-json", "-no-color"]);
        let path = self.path().join("outputs.json");
        std::fs::write(&path, outputs).unwrap();
        path
    }

    pub fn output(&self, name: &str) -> String {
        let outputs: Value =
            serde_json::from_str(&std::fs::read_to_string(self.outputs_file()).unwrap()).unwrap();
        outputs[name]["value"]
            .as_str()
            .unwrap_or_else(|| panic!("no output {name}"))
            .to_owned()
    }

    /// Everything the spec asks for exists, exactly once.
    pub fn verify_deployed(&self) {
        let outputs = self.outputs_file();
        let zips = self.path().join("lambda");
        self.verify(&[
            "deployed",
            &self.endpoint,
            &outputs.display().to_string(),
            &self.env,
            &zips.display().to_string(),
        ]);
    }

    pub fn assert_no_drift(&self) {
        let run = terraform(
            self.path(),
            &["plan", "-detailed-exitcode", "-input=false", "-no-color"],
        );
        assert!(
            run.success,
            "terraform plan shows changes after apply:\n{}\n{}",
            tail(&run.stdout),
            run.stderr
        );
    }

    /// Destroys, then proves the state and the emulator hold nothing.
    pub fn destroy_and_verify_empty(&self) {
        self.terraform_ok(&[
            "destroy",
            "-input=false",
            "-no-color",
            "-auto-approve",
            "-parallelism=20",
        ]);
        let state = self.terraform_ok(&["state", "list"]);
        assert!(state.trim().is_empty(), "state still lists:\n{state}");
        self.verify(&["empty", &self.endpoint, &self.env]);
    }

    fn verify(&self, args: &[&str]) {
        let python = workspace_root().join(".venv/bin/python");
        let output = Command::new(&python)
            .arg(workspace_root().join("tests/emulator/verify.py"))
            .args(args)
            .output()
            .unwrap_or_else(|e| panic!("cannot run {}: {e}; run `make venv`", python.display()));
        let printed = String::from_utf8_lossy(&output.stdout);
        let checks = printed.lines().filter(|l| l.starts_with("ok")).count();
        assert!(
            output.status.success(),
            "{printed}\n{}",
            String::from_utf8_lossy(&output.stderr)
        );
        eprintln!("    {checks} checks passed");
    }
}

/// Runs the synth CLI in-process on `builder`'s app.
pub fn synth_cli(builder: payments::AppBuilder, args: &[&str]) -> (u8, String, String) {
    let mut stdout = Vec::new();
    let mut stderr = Vec::new();
    let argv = std::iter::once("synth").chain(args.iter().copied());
    let code = drsynth_tests::payments_cli_with(builder, argv, &mut stdout, &mut stderr);
    (
        code,
        String::from_utf8(stdout).unwrap(),
        String::from_utf8(stderr).unwrap(),
    )
}

/// The last lines of a long output.
fn tail(text: &str) -> String {
    let lines: Vec<&str> = text.lines().collect();
    lines[lines.len().saturating_sub(60)..].join("\n")
}
