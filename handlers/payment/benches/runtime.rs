//! `make bench-handlers`: the packaged payment function as Lambda runs it:
//! cold start (process start to first answer through the Runtime API), peak
//! memory, and per-request latency against a moto table. Not a test: it
//! prints figures.

use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use aws_sdk_dynamodb::config::{Credentials, Region};
use aws_sdk_dynamodb::types::{
    AttributeDefinition, BillingMode, KeySchemaElement, KeyType, ScalarAttributeType,
};
use drsynth_tests::moto::MotoServer;
use drsynth_tests::runtime_api::RuntimeApi;
use serde_json::{Value, json};

const COLD_STARTS: usize = 10;
const REQUESTS: usize = 200;

fn event(method: &str, path: &str, body: Option<String>) -> Value {
    json!({
        "version": "2.0", "rawPath": path, "rawQueryString": "",
        "headers": {"content-type": "application/json"},
        "requestContext": {"http": {"method": method, "path": path}, "stage": "$default"},
        "body": body, "isBase64Encoded": false
    })
}

fn spawn(api: &RuntimeApi, moto: &MotoServer) -> Child {
    let binary = std::env::var("PAYMENT_BOOTSTRAP")
        .unwrap_or_else(|_| env!("CARGO_BIN_EXE_payment").to_owned());
    Command::new(binary)
        .envs(moto.sdk_environment("us-east-1"))
        .env("AWS_LAMBDA_RUNTIME_API", api.address())
        .env("AWS_LAMBDA_FUNCTION_NAME", "payment-bench")
        .env("AWS_LAMBDA_FUNCTION_MEMORY_SIZE", "256")
        .env("AWS_LAMBDA_FUNCTION_VERSION", "$LATEST")
        .env("AWS_LAMBDA_LOG_STREAM_NAME", "bench")
        .env("AWS_LAMBDA_LOG_GROUP_NAME", "/aws/lambda/payment-bench")
        .env("TABLE_NAME", "transactions-bench")
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .expect("start the bootstrap binary")
}

/// Peak resident memory of a live process, in KiB.
fn peak_rss_kib(child: &Child) -> u64 {
    std::fs::read_to_string(format!("/proc/{}/status", child.id()))
        .ok()
        .and_then(|status| {
            status
                .lines()
                .find(|l| l.starts_with("VmHWM:"))
                .and_then(|l| l.split_whitespace().nth(1)?.parse().ok())
        })
        .unwrap_or(0)
}

fn stop(mut child: Child) {
    let _ = child.kill();
    let _ = child.wait();
}

fn percentile(sorted: &[Duration], p: f64) -> Duration {
    sorted[((sorted.len() - 1) as f64 * p).round() as usize]
}

#[tokio::main(flavor = "current_thread")]
async fn main() {
    let moto = MotoServer::start();
    let config = aws_sdk_dynamodb::Config::builder()
        .behavior_version_latest()
        .region(Region::new("us-east-1"))
        .endpoint_url(moto.endpoint())
        .credentials_provider(Credentials::new("testing", "testing", None, None, "bench"))
        .build();
    aws_sdk_dynamodb::Client::from_conf(config)
        .create_table()
        .table_name("transactions-bench")
        .billing_mode(BillingMode::PayPerRequest)
        .attribute_definitions(
            AttributeDefinition::builder()
                .attribute_name("transaction_id")
                .attribute_type(ScalarAttributeType::S)
                .build()
                .unwrap(),
        )
        .key_schema(
            KeySchemaElement::builder()
                .attribute_name("transaction_id")
                .key_type(KeyType::Hash)
                .build()
                .unwrap(),
        )
        .send()
        .await
        .expect("create the bench table");

    let mut cold = Vec::new();
    for _ in 0..COLD_STARTS {
        let api = RuntimeApi::start(vec![event("GET", "/health", None)]);
        let started = Instant::now();
        let child = spawn(&api, &moto);
        let outcomes = api.wait_for(1, Duration::from_secs(30));
        cold.push(started.elapsed());
        assert_eq!(outcomes.len(), 1, "the function answered");
        stop(child);
    }
    cold.sort();

    let events = (0..REQUESTS)
        .map(|i| {
            event(
                "POST",
                "/payment",
                Some(format!(
                    r#"{{"transaction_id":"bench-{i}","amount":"10.00","currency":"USD"}}"#
                )),
            )
        })
        .collect();
    let api = RuntimeApi::start(events);
    let child = spawn(&api, &moto);
    assert_eq!(api.wait_for(1, Duration::from_secs(30)).len(), 1);
    let warm = Instant::now();
    let outcomes = api.wait_for(REQUESTS, Duration::from_secs(120));
    let per_request = warm.elapsed() / (REQUESTS as u32 - 1);
    let rss = peak_rss_kib(&child);
    stop(child);
    assert_eq!(outcomes.len(), REQUESTS);

    println!(
        "payment function, {COLD_STARTS} cold starts and {REQUESTS} requests against moto on 127.0.0.1"
    );
    println!("| figure | value |");
    println!("| --- | --- |");
    println!(
        "| cold start, median (process start to first answer) | {:.1} ms |",
        percentile(&cold, 0.5).as_secs_f64() * 1e3
    );
    println!(
        "| cold start, worst | {:.1} ms |",
        cold.last().unwrap().as_secs_f64() * 1e3
    );
    println!(
        "| per request (conditional write, warm) | {:.2} ms |",
        per_request.as_secs_f64() * 1e3
    );
    println!(
        "| peak RSS after {REQUESTS} requests | {:.1} MiB |",
        rss as f64 / 1024.0
    );
}
