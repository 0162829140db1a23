//! Every route and status code, against an in-memory store.

use std::collections::HashMap;
use std::sync::Mutex;

use payment::router::Handler;
use payment::store::{PutOutcome, Store, StoreError, StoredPayment};

use crate::{answer, request};

/// A table in memory that can be told to fail.
#[derive(Default)]
pub struct FakeStore {
    items: Mutex<HashMap<String, StoredPayment>>,
    failure: Option<StoreError>,
}

impl FakeStore {
    pub fn failing(failure: StoreError) -> Self {
        Self {
            failure: Some(failure),
            ..Self::default()
        }
    }
}

impl Store for FakeStore {
    async fn put_if_absent(&self, payment: &StoredPayment) -> Result<PutOutcome, StoreError> {
        if let Some(failure) = &self.failure {
            return Err(failure.clone());
        }
        let mut items = self.items.lock().unwrap();
        match items.get(&payment.transaction_id) {
            Some(existing) => Ok(PutOutcome::Exists(existing.clone())),
            None => {
                items.insert(payment.transaction_id.clone(), payment.clone());
                Ok(PutOutcome::Created)
            }
        }
    }

    async fn probe(&self) -> Result<(), StoreError> {
        match &self.failure {
            Some(failure) => Err(failure.clone()),
            None => Ok(()),
        }
    }
}

fn handler(store: FakeStore) -> Handler<FakeStore> {
    Handler::new(store, "us-east-1".to_owned())
}

const JSON: Option<&str> = Some("application/json");

/// Method, path, content type, body, expected status, expected error code.
type Case<'a> = (
    &'a str,
    &'a str,
    Option<&'a str>,
    Option<&'a str>,
    i64,
    &'a str,
);
const VALID: &str = r#"{"transaction_id":"tx-1","amount":"12.50","currency":"USD"}"#;

#[tokio::test]
async fn status_codes_for_every_kind_of_request() {
    let big = format!(
        r#"{{"transaction_id":"a","amount":"1","currency":"USD","pad":"{}"}}"#,
        "x".repeat(17 * 1024)
    );
    let cases: Vec<Case<'_>> = vec![
        ("POST", "/payment", JSON, Some(VALID), 201, ""),
        (
            "POST",
            "/payment",
            Some("application/json; charset=utf-8"),
            Some(VALID),
            201,
            "",
        ),
        (
            "POST",
            "/payment/",
            Some("Application/JSON"),
            Some(VALID),
            201,
            "",
        ),
        ("GET", "/health", None, None, 200, ""),
        ("GET", "/payment", None, None, 405, "method_not_allowed"),
        (
            "DELETE",
            "/payment",
            JSON,
            Some(VALID),
            405,
            "method_not_allowed",
        ),
        ("POST", "/health", JSON, None, 405, "method_not_allowed"),
        ("GET", "/", None, None, 404, "not_found"),
        ("POST", "/payments", JSON, Some(VALID), 404, "not_found"),
        (
            "POST",
            "/payment",
            None,
            Some(VALID),
            415,
            "unsupported_media_type",
        ),
        (
            "POST",
            "/payment",
            Some("text/plain"),
            Some(VALID),
            415,
            "unsupported_media_type",
        ),
        (
            "POST",
            "/payment",
            Some("application/jsonp"),
            Some(VALID),
            415,
            "unsupported_media_type",
        ),
        ("POST", "/payment", JSON, None, 400, "bad_request"),
        ("POST", "/payment", JSON, Some("{"), 400, "bad_request"),
        (
            "POST",
            "/payment",
            JSON,
            Some(r#"{"transaction_id":"a"}"#),
            422,
            "invalid_payment",
        ),
        (
            "POST",
            "/payment",
            JSON,
            Some(r#"{"transaction_id":"a","amount":"1.001","currency":"USD"}"#),
            422,
            "invalid_payment",
        ),
        (
            "POST",
            "/payment",
            JSON,
            Some(big.as_str()),
            413,
            "payload_too_large",
        ),
    ];
    for (method, path, content_type, body, status, code) in cases {
        let handler = handler(FakeStore::default());
        let response = handler
            .handle(&request(method, path, content_type, body))
            .await;
        let (got, json) = answer(&response);
        assert_eq!(got, status, "{method} {path} {content_type:?}: {json}");
        assert_eq!(response.headers["content-type"], "application/json");
        if !code.is_empty() {
            assert_eq!(json["error"], code, "{method} {path}");
            assert!(json["message"].as_str().is_some_and(|m| !m.is_empty()));
            assert_eq!(
                json.as_object().unwrap().len(),
                2,
                "errors are exactly {{error, message}}"
            );
        }
        if status == 405 {
            assert!(response.headers.contains_key("allow"));
        }
    }
}

#[tokio::test]
async fn created_payment_is_echoed_exactly() {
    let handler = handler(FakeStore::default());
    let (status, body) = answer(
        &handler
            .handle(&request(
                "POST",
                "/payment",
                JSON,
                Some(r#"{"transaction_id":"t","amount":0.1,"currency":"EUR"}"#),
            ))
            .await,
    );
    assert_eq!(status, 201);
    assert_eq!(body["amount"], "0.10");
    assert_eq!(body["currency"], "EUR");
    assert_eq!(body["status"], "accepted");
    assert_eq!(body["region"], "us-east-1");
}

#[tokio::test]
async fn a_retry_is_idempotent_and_a_different_payload_conflicts() {
    let handler = handler(FakeStore::default());
    let (first, created) = answer(
        &handler
            .handle(&request("POST", "/payment", JSON, Some(VALID)))
            .await,
    );
    assert_eq!(first, 201);
    let same_amount_other_spelling = r#"{"transaction_id":"tx-1","amount":12.5,"currency":"USD"}"#;
    let (second, replayed) = answer(
        &handler
            .handle(&request(
                "POST",
                "/payment",
                JSON,
                Some(same_amount_other_spelling),
            ))
            .await,
    );
    assert_eq!(second, 200);
    assert_eq!(replayed, created, "the stored record, unchanged");
    let different = r#"{"transaction_id":"tx-1","amount":"13.00","currency":"USD"}"#;
    let (third, conflict) = answer(
        &handler
            .handle(&request("POST", "/payment", JSON, Some(different)))
            .await,
    );
    assert_eq!(third, 409);
    assert_eq!(conflict["error"], "conflict");
    let (_, still) = answer(
        &handler
            .handle(&request("POST", "/payment", JSON, Some(VALID)))
            .await,
    );
    assert_eq!(still, created, "the conflict changed nothing");
}

#[tokio::test]
async fn throttling_is_503_with_retry_after_and_outage_hides_internals() {
    let handler = handler(FakeStore::failing(StoreError::Throttled));
    let response = handler
        .handle(&request("POST", "/payment", JSON, Some(VALID)))
        .await;
    let (status, body) = answer(&response);
    assert_eq!(status, 503);
    assert_eq!(body["error"], "throttled");
    assert_eq!(response.headers["retry-after"], "1");

    let handler = handler_unavailable();
    let response = handler
        .handle(&request("POST", "/payment", JSON, Some(VALID)))
        .await;
    let (status, body) = answer(&response);
    assert_eq!(status, 503);
    assert!(!body.to_string().contains("secret-internal-detail"));
}

fn handler_unavailable() -> Handler<FakeStore> {
    handler(FakeStore::failing(StoreError::Unavailable(
        "secret-internal-detail".into(),
    )))
}

#[tokio::test]
async fn health_is_503_when_the_table_does_not_answer() {
    let (status, body) = answer(
        &handler_unavailable()
            .handle(&request("GET", "/health", None, None))
            .await,
    );
    assert_eq!(status, 503);
    assert_eq!(body["status"], "unhealthy");
    let (status, body) = answer(
        &handler(FakeStore::default())
            .handle(&request("GET", "/health", None, None))
            .await,
    );
    assert_eq!(status, 200);
    assert_eq!(body["status"], "healthy");
    assert_eq!(body["region"], "us-east-1");
    let timestamp = body["timestamp"].as_str().unwrap();
    assert!(
        time::OffsetDateTime::parse(timestamp, &time::format_description::well_known::Rfc3339)
            .is_ok(),
        "{timestamp}"
    );
}
