//! Routes an API Gateway (HTTP API, payload 2.0) request to its answer.
//! Client mistakes get 4xx; the table's trouble gets 503; nothing panics.

use aws_lambda_events::apigw::{ApiGatewayV2httpRequest, ApiGatewayV2httpResponse};
use aws_lambda_events::http::{Method, header};
use serde::Serialize;
use time::OffsetDateTime;
use time::format_description::well_known::Rfc3339;

use crate::health::HealthCache;
use crate::request::{BodyError, PaymentRequest, parse_body};
use crate::response::{error, json, with_header};
use crate::store::{PutOutcome, Store, StoreError, StoredPayment};

/// What one function instance needs to answer requests.
pub struct Handler<S> {
    pub store: S,
    pub region: String,
    pub health: HealthCache,
}

#[derive(Serialize)]
struct Health<'a> {
    status: &'a str,
    region: &'a str,
    timestamp: String,
}

impl<S: Store> Handler<S> {
    pub fn new(store: S, region: String) -> Self {
        Self {
            store,
            region,
            health: HealthCache::default(),
        }
    }

    /// Answers one request.
    pub async fn handle(&self, request: &ApiGatewayV2httpRequest) -> ApiGatewayV2httpResponse {
        let path = request
            .raw_path
            .as_deref()
            .or(request.request_context.http.path.as_deref())
            .unwrap_or("/");
        let method = &request.request_context.http.method;
        match path.trim_end_matches('/') {
            "/payment" if method == Method::POST => self.post_payment(request).await,
            "/payment" => method_not_allowed("POST"),
            "/health" if method == Method::GET => self.health().await,
            "/health" => method_not_allowed("GET"),
            _ => error(
                404,
                "not_found",
                "no such resource; use POST /payment or GET /health",
            ),
        }
    }

    async fn health(&self) -> ApiGatewayV2httpResponse {
        let healthy = self.health.healthy(&self.store).await;
        let body = Health {
            status: if healthy { "healthy" } else { "unhealthy" },
            region: &self.region,
            timestamp: now(),
        };
        json(if healthy { 200 } else { 503 }, &body)
    }

    async fn post_payment(&self, request: &ApiGatewayV2httpRequest) -> ApiGatewayV2httpResponse {
        if !is_json(request) {
            return error(
                415,
                "unsupported_media_type",
                "send the body as JSON with Content-Type: application/json",
            );
        }
        let payment = match parse_body(request.body.as_deref(), request.is_base64_encoded) {
            Ok(payment) => payment,
            Err(BodyError::TooLarge) => {
                return error(413, "payload_too_large", "the body must be at most 16 KiB");
            }
            Err(BodyError::Malformed(message)) => return error(400, "bad_request", &message),
            Err(BodyError::Invalid(message)) => return error(422, "invalid_payment", &message),
        };
        self.store_payment(payment).await
    }

    async fn store_payment(&self, payment: PaymentRequest) -> ApiGatewayV2httpResponse {
        let record = StoredPayment {
            transaction_id: payment.transaction_id,
            amount: payment.amount,
            currency: payment.currency,
            status: "accepted".to_owned(),
            region: self.region.clone(),
            created_at: now(),
        };
        match self.store.put_if_absent(&record).await {
            Ok(PutOutcome::Created) => json(201, &record),
            Ok(PutOutcome::Exists(stored)) if stored.same_payment(&record) => json(200, &stored),
            Ok(PutOutcome::Exists(_)) => error(
                409,
                "conflict",
                "this transaction_id was already used for a different amount or currency; nothing was changed",
            ),
            Ok(PutOutcome::Unreadable) => {
                tracing::error!(
                    transaction_id = %record.transaction_id,
                    "an item under this transaction_id is not a payment this API can read"
                );
                error(
                    409,
                    "conflict",
                    "this transaction_id is taken by a record this API cannot read; nothing was changed; use a new transaction_id",
                )
            }
            Err(StoreError::Throttled) => with_header(
                error(
                    503,
                    "throttled",
                    "the payment store is busy; retry after a second",
                ),
                header::RETRY_AFTER,
                "1",
            ),
            Err(StoreError::Unavailable(detail)) => {
                tracing::error!(%detail, "payment store unavailable");
                with_header(
                    error(
                        503,
                        "unavailable",
                        "the payment store is unavailable; retry later",
                    ),
                    header::RETRY_AFTER,
                    "5",
                )
            }
        }
    }
}

fn method_not_allowed(allowed: &'static str) -> ApiGatewayV2httpResponse {
    with_header(
        error(
            405,
            "method_not_allowed",
            &format!("use {allowed} on this path"),
        ),
        header::ALLOW,
        allowed,
    )
}

/// `application/json`, with or without parameters such as a charset.
fn is_json(request: &ApiGatewayV2httpRequest) -> bool {
    request
        .headers
        .get(header::CONTENT_TYPE)
        .and_then(|value| value.to_str().ok())
        .and_then(|value| value.split(';').next())
        .is_some_and(|media| media.trim().eq_ignore_ascii_case("application/json"))
}

fn now() -> String {
    OffsetDateTime::now_utc()
        .format(&Rfc3339)
        .unwrap_or_else(|_| "1970-01-01T00:00:00Z".to_owned())
}
