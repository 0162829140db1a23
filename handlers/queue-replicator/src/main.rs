//! The `bootstrap` of the queue replicator on `provided.al2023`.

use aws_lambda_events::sqs::SqsEvent;
use lambda_runtime::{Error, LambdaEvent, service_fn};
use queue_replicator::forward::forward;
use queue_replicator::sqs::{SqsSender, queue_region};

#[tokio::main(flavor = "current_thread")]
async fn main() -> Result<(), Error> {
    tracing_subscriber::fmt()
        .json()
        .with_current_span(false)
        .with_target(false)
        .without_time()
        .init();
    let queue_url = std::env::var("DEST_QUEUE_URL").unwrap_or_default();
    if !queue_url.starts_with("https://") && !queue_url.starts_with("http://") {
        tracing::error!(queue_url, "DEST_QUEUE_URL is not a queue URL");
        return Err("DEST_QUEUE_URL must be the URL of the destination queue".into());
    }
    let aws = aws_config::load_defaults(aws_config::BehaviorVersion::latest()).await;
    // The destination queue lives in another region than the function, and
    // the SDK calls the endpoint of its configured region, not the URL's.
    let region = queue_region(&queue_url).map(|r| aws_config::Region::new(r.to_owned()));
    let mut sqs = aws_sdk_sqs::config::Builder::from(&aws);
    sqs.set_region(region.or_else(|| aws.region().cloned()));
    let sqs = sqs.build();
    let sender = SqsSender::new(aws_sdk_sqs::Client::from_conf(sqs), queue_url);
    let sender = &sender;
    lambda_runtime::run(service_fn(move |event: LambdaEvent<SqsEvent>| async move {
        tracing::info!(request_id = %event.context.request_id, records = event.payload.records.len(), "batch");
        Ok::<_, Error>(forward(sender, event.payload).await)
    }))
    .await
}
