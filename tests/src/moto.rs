//! A moto server (the AWS emulator) on a free loopback port, for as long as
//! the handle lives.

use std::io::{BufRead, BufReader};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};

use crate::workspace_root;

/// A running moto server; dropped, it is killed.
#[derive(Debug)]
pub struct MotoServer {
    child: Option<Child>,
    port: u16,
    /// Environment of the server besides what every server gets.
    env: Vec<(String, String)>,
}

/// The Python of the project's venv, where `make venv` installs moto.
pub fn venv_python() -> PathBuf {
    std::env::var_os("DRSYNTH_VENV_PYTHON")
        .map(PathBuf::from)
        .unwrap_or_else(|| workspace_root().join(".venv/bin/python"))
}

impl MotoServer {
    /// Starts moto on a free 127.0.0.1 port it binds itself, and waits until
    /// it listens. Panics with the fix when moto is not installed: these
    /// tests never skip.
    pub fn start() -> Self {
        Self::start_with(&[])
    }

    /// The same, with `env` set for the server, e.g. the account's Lambda
    /// concurrency quota (`MOTO_LAMBDA_CONCURRENCY_QUOTA`, see
    /// `tests/emulator/moto_server.py`).
    pub fn start_with(env: &[(&str, &str)]) -> Self {
        let mut server = Self {
            child: None,
            port: 0,
            env: env
                .iter()
                .map(|(k, v)| ((*k).to_owned(), (*v).to_owned()))
                .collect(),
        };
        server.start_again();
        server
    }

    /// Stops the server (by its PID); everything it held is gone.
    pub fn stop(&mut self) {
        if let Some(mut child) = self.child.take() {
            let _ = child.kill();
            let _ = child.wait();
        }
    }

    /// Starts a fresh, empty server on the same port (any free port the
    /// first time).
    pub fn start_again(&mut self) {
        self.stop();
        let python = venv_python();
        assert!(
            python.exists(),
            "{} not found; run `make venv` (make test does) to install moto",
            python.display()
        );
        // moto with its one correction (tests/emulator/moto_server.py).
        let launcher = workspace_root().join("tests/emulator/moto_server.py");
        let mut child = Command::new(&python)
            .arg(&launcher)
            .args(["127.0.0.1", &self.port.to_string()])
            .env("MOTO_IAM_LOAD_MANAGED_POLICIES", "true")
            .envs(self.env.iter().map(|(k, v)| (k, v)))
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .unwrap_or_else(|e| panic!("cannot start {}: {e}", launcher.display()));
        // The launcher prints the port once it is bound and listening.
        let mut line = String::new();
        let read =
            BufReader::new(child.stdout.take().expect("stdout is piped")).read_line(&mut line);
        let port = line.trim().parse::<u16>().ok();
        self.child = Some(child);
        match (read, port) {
            (Ok(_), Some(port)) if self.port == 0 || self.port == port => self.port = port,
            _ => panic!(
                "moto did not start listening on 127.0.0.1:{} (it printed {line:?}); \
                 run {} {} 127.0.0.1 {} to see why",
                self.port,
                python.display(),
                launcher.display(),
                self.port
            ),
        }
    }

    /// `http://127.0.0.1:<port>`
    pub fn endpoint(&self) -> String {
        format!("http://127.0.0.1:{}", self.port)
    }

    /// The environment an AWS SDK or CLI needs to talk to this server.
    pub fn sdk_environment(&self, region: &str) -> Vec<(&'static str, String)> {
        vec![
            ("AWS_ENDPOINT_URL", self.endpoint()),
            ("AWS_ACCESS_KEY_ID", "testing".to_owned()),
            ("AWS_SECRET_ACCESS_KEY", "testing".to_owned()),
            ("AWS_REGION", region.to_owned()),
            ("AWS_DEFAULT_REGION", region.to_owned()),
        ]
    }
}

impl Drop for MotoServer {
    fn drop(&mut self) {
        self.stop();
    }
}

/// The services the stack uses, each pointed at the emulator.
const SERVICES: [&str; 15] = [
    "acm",
    "apigateway",
    "apigatewayv2",
    "cloudwatch",
    "dynamodb",
    "ec2",
    "iam",
    "lambda",
    "logs",
    "route53",
    "s3",
    "servicequotas",
    "sns",
    "sqs",
    "sts",
];

/// Writes `override.tf.json` beside `dir/main.tf.json`: every aliased
/// provider talks to the emulator at `endpoint` with test credentials and no
/// account lookups.
pub fn write_provider_override(dir: &Path, endpoint: &str) {
    use serde_json::{Value, json};
    let main: Value =
        serde_json::from_str(&std::fs::read_to_string(dir.join("main.tf.json")).unwrap()).unwrap();
    let endpoints: serde_json::Map<String, Value> = SERVICES
        .iter()
        .map(|s| ((*s).to_owned(), json!(endpoint)))
        .collect();
    let providers: Vec<Value> = main["provider"]["aws"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| {
            json!({
                "alias": p["alias"],
                "access_key": "testing",
                "secret_key": "testing",
                "skip_credentials_validation": true,
                "skip_metadata_api_check": true,
                "skip_requesting_account_id": true,
                // A local emulator answers at once or not at all.
                "max_retries": 3,
                "s3_use_path_style": true,
                "endpoints": [endpoints],
            })
        })
        .collect();
    let text = serde_json::to_string_pretty(&json!({ "provider": { "aws": providers } })).unwrap();
    std::fs::write(dir.join("override.tf.json"), text).unwrap();
}
