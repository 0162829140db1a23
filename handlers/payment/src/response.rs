//! JSON responses. Every error is `{error, message}` with no internals.

use aws_lambda_events::apigw::ApiGatewayV2httpResponse;
use aws_lambda_events::encodings::Body;
use aws_lambda_events::http::{HeaderMap, HeaderValue, header};
use serde::Serialize;

#[derive(Serialize)]
struct ErrorBody<'a> {
    error: &'a str,
    message: &'a str,
}

/// A JSON response with `status` and `body`.
pub fn json(status: u16, body: &impl Serialize) -> ApiGatewayV2httpResponse {
    let mut headers = HeaderMap::new();
    headers.insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static("application/json"),
    );
    ApiGatewayV2httpResponse {
        status_code: i64::from(status),
        headers,
        body: Some(Body::Text(
            serde_json::to_string(body).expect("response bodies are plain data"),
        )),
        ..ApiGatewayV2httpResponse::default()
    }
}

/// An error response: `error` is a stable machine-readable code, `message`
/// says what to fix.
pub fn error(status: u16, error: &str, message: &str) -> ApiGatewayV2httpResponse {
    json(status, &ErrorBody { error, message })
}

/// Adds a header to a response.
pub fn with_header(
    mut response: ApiGatewayV2httpResponse,
    name: header::HeaderName,
    value: &'static str,
) -> ApiGatewayV2httpResponse {
    response
        .headers
        .insert(name, HeaderValue::from_static(value));
    response
}
