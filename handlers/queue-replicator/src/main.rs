//! The `bootstrap` of the queue replicator on `provided.al2023`.

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
        forward(sender, event.payload).await.map_err(|error| {
            tracing::error!(%error, "invocation failed");
            Error::from(error)
        })
    }))
    .await
}
