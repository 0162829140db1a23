//! The payment function's integration tests, a module per area.

mod moto;
mod properties;
mod routes;
mod runtime;

use aws_lambda_events::apigw::ApiGatewayV2httpRequest;
use serde_json::{Value, json};

/// An API Gateway HTTP API (payload 2.0) event.
pub fn event(method: &str, path: &str, content_type: Option<&str>, body: Option<&str>) -> Value {
    let mut headers = serde_json::Map::new();
    if let Some(content_type) = content_type {
        headers.insert("content-type".into(), json!(content_type));
    }
    json!({
        "version": "2.0",
        "routeKey": format!("{method} {path}"),
        "rawPath": path,
        "rawQueryString": "",
        "headers": headers,
        "requestContext": {
            "accountId": "123456789012",
            "apiId": "api",
            "domainName": "api.example.com",
            "http": {"method": method, "path": path, "protocol": "HTTP/1.1", "sourceIp": "192.0.2.1", "userAgent": "test"},
            "requestId": "r",
            "routeKey": format!("{method} {path}"),
            "stage": "$default",
            "time": "01/Jan/2026:00:00:00 +0000",
            "timeEpoch": 0
        },
        "body": body,
        "isBase64Encoded": false
    })
}

pub fn request(
    method: &str,
    path: &str,
    content_type: Option<&str>,
    body: Option<&str>,
) -> ApiGatewayV2httpRequest {
    serde_json::from_value(event(method, path, content_type, body)).expect("a valid event")
}

/// The status and JSON body of a response.
pub fn answer(response: &aws_lambda_events::apigw::ApiGatewayV2httpResponse) -> (i64, Value) {
    let body = match &response.body {
        Some(aws_lambda_events::encodings::Body::Text(text)) => {
            serde_json::from_str(text).expect("JSON body")
        }
        other => panic!("unexpected body {other:?}"),
    };
    (response.status_code, body)
}
