//! The `bootstrap` of the queue replicator on `provided.al2023`.

use std::time::{Duration, Instant, SystemTime, UNIX_EPOCH};

use aws_lambda_events::sqs::SqsEvent;
use lambda_runtime::{Error, LambdaEvent, service_fn};
use queue_replicator::forward::forward;
use queue_replicator::settings::Settings;
use queue_replicator::sqs::SqsSender;

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
    // The destination queue lives in another region than the function, and
    // the SDK calls the SQS endpoint of the region it is configured for.
    let client = queue_replicator::sqs::client(&aws, settings.queue_region);
    let sender = SqsSender::new(client, settings.queue_url);
    let sender = &sender;
    lambda_runtime::run(service_fn(move |event: LambdaEvent<SqsEvent>| async move {
        tracing::info!(request_id = %event.context.request_id, records = event.payload.records.len(), "batch");
        let deadline = deadline(event.context.deadline);
        forward(sender, event.payload, deadline).await.map_err(|error| {
            tracing::error!(%error, "invocation failed");
            Error::from(error)
        })
    }))
    .await
}

/// Lambda's deadline (milliseconds since the Unix epoch) as an `Instant`.
fn deadline(epoch_millis: u64) -> Instant {
    let now = SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .unwrap_or_default()
        .as_millis();
    let left = u128::from(epoch_millis).saturating_sub(now);
    // Lambda runs a function for 15 minutes at most.
    let left = u64::try_from(left).unwrap_or(u64::MAX).min(15 * 60 * 1000);
    Instant::now() + Duration::from_millis(left)
}
