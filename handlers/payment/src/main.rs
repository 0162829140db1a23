//! The `bootstrap` of the payment function on `provided.al2023`.

use aws_lambda_events::apigw::{ApiGatewayV2httpRequest, ApiGatewayV2httpResponse};
use lambda_runtime::{Error, LambdaEvent, service_fn};
use payment::dynamo::DynamoStore;
use payment::router::Handler;
use payment::settings::Settings;

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
    let store = DynamoStore::new(
        payment::dynamo::client(&aws),
        settings.table_name,
        &settings.region,
    );
    let handler = Handler::new(store, settings.region);
    let handler = &handler;
    lambda_runtime::run(service_fn(
        move |event: LambdaEvent<ApiGatewayV2httpRequest>| async move {
            let response: ApiGatewayV2httpResponse = handler.handle(&event.payload).await;
            tracing::info!(
                request_id = %event.context.request_id,
                method = %event.payload.request_context.http.method,
                path = event.payload.raw_path.as_deref().unwrap_or(""),
                status = response.status_code,
                "request"
            );
            Ok::<_, Error>(response)
        },
    ))
    .await
}
