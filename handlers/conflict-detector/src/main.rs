//! The `bootstrap` of the conflict detector on `provided.al2023`.

use std::time::{Duration, Instant, SystemTime, UNIX_EPOCH};

use conflict_detector::detect::detect;
use conflict_detector::dynamo::DynamoConflictLog;
use conflict_detector::metric::conflicts_line;
use conflict_detector::settings::Settings;
use conflict_detector::stream::StreamEvent;
use lambda_runtime::{Error, LambdaEvent, service_fn};

#[tokio::main(flavor = "current_thread")]
async fn main() -> Result<(), Error> {
    tracing_subscriber::fmt()
        .json()
        .with_current_span(false)
        .with_target(false)
        .without_time()
        .init();
    let settings = Settings::from_vars(|name| std::env::var(name).ok()).inspect_err(|error| {
        tracing::error!(%error, "invalid configuration");
    })?;
    let aws = aws_config::load_defaults(aws_config::BehaviorVersion::latest()).await;
    let log = DynamoConflictLog::new(
        conflict_detector::dynamo::client(&aws),
        settings.conflict_table.clone(),
    );
    let (log, settings) = (&log, &settings);
    lambda_runtime::run(service_fn(move |event: LambdaEvent<StreamEvent>| async move {
        tracing::info!(request_id = %event.context.request_id, records = event.payload.records.len(), "batch");
        let deadline = deadline(event.context.deadline);
        let detected = detect(log, settings, event.payload, deadline)
            .await
            .map_err(|error| {
                tracing::error!(%error, "invocation failed");
                Error::from(error)
            })?;
        // Every record is of the one watched table.
        if !detected.recorded.is_empty() {
            let count = u32::try_from(detected.recorded.len()).unwrap_or(u32::MAX);
            let line = conflicts_line(
                &settings.metric_namespace,
                &settings.watched_table,
                count,
                now_millis(),
            );
            println!("{line}");
        }
        Ok::<_, Error>(detected.response)
    }))
    .await
}

fn now_millis() -> i64 {
    let millis = SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .unwrap_or_default()
        .as_millis();
    i64::try_from(millis).unwrap_or(i64::MAX)
}

/// Lambda's deadline (milliseconds since the Unix epoch) as an `Instant`.
fn deadline(epoch_millis: u64) -> Instant {
    let left = u128::from(epoch_millis).saturating_sub(now_millis().unsigned_abs().into());
    // Lambda runs a function for 15 minutes at most.
    let left = u64::try_from(left).unwrap_or(u64::MAX).min(15 * 60 * 1000);
    Instant::now() + Duration::from_millis(left)
}
