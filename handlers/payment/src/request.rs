//! Reading and validating a `POST /payment` body.

use base64::Engine;
use serde::Deserialize;
use serde_json::value::RawValue;

use crate::amount::Amount;
use crate::currency::is_currency;

/// The largest body accepted, after base64 decoding.
pub const MAX_BODY_BYTES: usize = 16 * 1024;

/// A valid payment request.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PaymentRequest {
    pub transaction_id: String,
    pub amount: Amount,
    pub currency: String,
}

/// Why a body was refused; each maps to one 4xx status.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum BodyError {
    /// 413
    TooLarge,
    /// 400: not base64, not UTF-8, not JSON, or empty.
    Malformed(String),
    /// 422: JSON, but not a valid payment.
    Invalid(String),
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawPayment<'a> {
    transaction_id: String,
    #[serde(borrow)]
    amount: &'a RawValue,
    currency: String,
}

/// Decodes and validates the body of a request.
pub fn parse_body(body: Option<&str>, is_base64: bool) -> Result<PaymentRequest, BodyError> {
    let body = body.unwrap_or_default();
    // Base64 is 4/3 the size of what it encodes: refuse early, decode after.
    if body.len() > MAX_BODY_BYTES * 4 / 3 + 4 {
        return Err(BodyError::TooLarge);
    }
    let decoded;
    let text = if is_base64 {
        decoded = base64::engine::general_purpose::STANDARD
            .decode(body)
            .map_err(|_| {
                BodyError::Malformed("the body is marked base64 but is not valid base64".into())
            })?;
        std::str::from_utf8(&decoded)
            .map_err(|_| BodyError::Malformed("the body is not UTF-8 text".into()))?
    } else {
        body
    };
    if text.len() > MAX_BODY_BYTES {
        return Err(BodyError::TooLarge);
    }
    if text.trim().is_empty() {
        return Err(BodyError::Malformed(
            "the body is empty; send {\"transaction_id\", \"amount\", \"currency\"}".into(),
        ));
    }
    let raw: RawPayment<'_> = serde_json::from_str(text).map_err(|e| {
        if e.is_data() {
            BodyError::Invalid(field_message(&e))
        } else {
            BodyError::Malformed("the body is not valid JSON".into())
        }
    })?;
    validate(raw)
}

/// serde's message without its line/column suffix, which means nothing to
/// an API client.
fn field_message(error: &serde_json::Error) -> String {
    let text = error.to_string();
    match text.find(" at line ") {
        Some(index) => text[..index].to_owned(),
        None => text,
    }
}

fn validate(raw: RawPayment<'_>) -> Result<PaymentRequest, BodyError> {
    let id = &raw.transaction_id;
    let id_ok = (1..=64).contains(&id.len())
        && id
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'_' || b == b'-');
    if !id_ok {
        return Err(BodyError::Invalid(
            "transaction_id must be 1-64 characters of letters, digits, `_` and `-`".into(),
        ));
    }
    let amount_text = raw.amount.get();
    let amount_text = if amount_text.starts_with('"') {
        serde_json::from_str::<String>(amount_text)
            .map_err(|_| BodyError::Invalid("amount is not a valid string".into()))?
    } else if amount_text.starts_with(|c: char| c == '-' || c.is_ascii_digit()) {
        amount_text.to_owned()
    } else {
        return Err(BodyError::Invalid(
            "amount must be a decimal number or a string holding one, such as \"12.50\"".into(),
        ));
    };
    let amount = Amount::parse(&amount_text).map_err(|e| BodyError::Invalid(e.to_string()))?;
    if !is_currency(&raw.currency) {
        return Err(BodyError::Invalid(
            "currency must be an ISO 4217 code in upper case, such as \"USD\"".into(),
        ));
    }
    Ok(PaymentRequest {
        transaction_id: raw.transaction_id,
        amount,
        currency: raw.currency,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(body: &str) -> Result<PaymentRequest, BodyError> {
        parse_body(Some(body), false)
    }

    #[test]
    fn accepts_string_and_number_amounts_exactly() {
        let request =
            parse(r#"{"transaction_id":"tx-1","amount":"12.50","currency":"USD"}"#).unwrap();
        assert_eq!(request.amount.cents(), 1250);
        let request = parse(r#"{"transaction_id":"tx_1","amount":0.1,"currency":"EUR"}"#).unwrap();
        assert_eq!(
            request.amount.cents(),
            10,
            "0.1 is never rounded through a float"
        );
        let request =
            parse(r#"{"transaction_id":"T","amount":999999999.99,"currency":"JPY"}"#).unwrap();
        assert_eq!(request.amount.to_string(), "999999999.99");
    }

    #[test]
    fn base64_bodies_are_decoded() {
        let body = base64::engine::general_purpose::STANDARD
            .encode(r#"{"transaction_id":"a","amount":"1","currency":"GBP"}"#);
        assert!(parse_body(Some(&body), true).is_ok());
        assert!(matches!(
            parse_body(Some("%%%"), true),
            Err(BodyError::Malformed(_))
        ));
        let not_utf8 = base64::engine::general_purpose::STANDARD.encode([0xff, 0xfe]);
        assert!(matches!(
            parse_body(Some(&not_utf8), true),
            Err(BodyError::Malformed(_))
        ));
    }

    #[test]
    fn every_rule_has_its_error() {
        let long_id = "a".repeat(65);
        let cases: Vec<(String, &str)> = vec![
            ("".into(), "malformed"),
            ("   ".into(), "malformed"),
            ("{".into(), "malformed"),
            ("not json".into(), "malformed"),
            ("[]".into(), "invalid"),
            ("null".into(), "invalid"),
            (
                r#"{"amount":"1","currency":"USD"}"#.into(),
                "missing field `transaction_id`",
            ),
            (
                r#"{"transaction_id":"a","currency":"USD"}"#.into(),
                "missing field `amount`",
            ),
            (
                r#"{"transaction_id":"a","amount":"1"}"#.into(),
                "missing field `currency`",
            ),
            (
                r#"{"transaction_id":"a","amount":"1","currency":"USD","note":"x"}"#.into(),
                "unknown field `note`",
            ),
            (
                r#"{"transaction_id":"","amount":"1","currency":"USD"}"#.into(),
                "transaction_id must be",
            ),
            (
                format!(r#"{{"transaction_id":"{long_id}","amount":"1","currency":"USD"}}"#),
                "transaction_id must be",
            ),
            (
                r#"{"transaction_id":"a b","amount":"1","currency":"USD"}"#.into(),
                "transaction_id must be",
            ),
            (
                r#"{"transaction_id":"é","amount":"1","currency":"USD"}"#.into(),
                "transaction_id must be",
            ),
            (
                r#"{"transaction_id":1,"amount":"1","currency":"USD"}"#.into(),
                "invalid type",
            ),
            (
                r#"{"transaction_id":"a","amount":"-1","currency":"USD"}"#.into(),
                "decimal number",
            ),
            (
                r#"{"transaction_id":"a","amount":-1,"currency":"USD"}"#.into(),
                "decimal number",
            ),
            (
                r#"{"transaction_id":"a","amount":"0","currency":"USD"}"#.into(),
                "greater than zero",
            ),
            (
                r#"{"transaction_id":"a","amount":1.005,"currency":"USD"}"#.into(),
                "at most 2 fraction digits",
            ),
            (
                r#"{"transaction_id":"a","amount":1e2,"currency":"USD"}"#.into(),
                "decimal number",
            ),
            (
                r#"{"transaction_id":"a","amount":1000000000,"currency":"USD"}"#.into(),
                "at most 999999999.99",
            ),
            (
                r#"{"transaction_id":"a","amount":true,"currency":"USD"}"#.into(),
                "decimal number or a string",
            ),
            (
                r#"{"transaction_id":"a","amount":null,"currency":"USD"}"#.into(),
                "decimal number or a string",
            ),
            (
                r#"{"transaction_id":"a","amount":{},"currency":"USD"}"#.into(),
                "decimal number or a string",
            ),
            (
                r#"{"transaction_id":"a","amount":"1","currency":"usd"}"#.into(),
                "ISO 4217",
            ),
            (
                r#"{"transaction_id":"a","amount":"1","currency":"XYZ"}"#.into(),
                "ISO 4217",
            ),
        ];
        for (body, expected) in cases {
            let error = parse(&body).unwrap_err();
            let text = match &error {
                BodyError::Malformed(_) => "malformed".to_owned(),
                BodyError::Invalid(message) => {
                    if expected == "invalid" {
                        "invalid".to_owned()
                    } else {
                        message.clone()
                    }
                }
                BodyError::TooLarge => "too large".to_owned(),
            };
            assert!(
                text.contains(expected),
                "{body}: expected {expected:?}, got {error:?}"
            );
            assert!(!text.contains("line"), "no parser positions leak: {text}");
        }
    }

    #[test]
    fn large_bodies_are_refused() {
        let padding = " ".repeat(MAX_BODY_BYTES);
        let body = format!(r#"{{"transaction_id":"a","amount":"1","currency":"USD"}}{padding}"#);
        assert_eq!(parse(&body), Err(BodyError::TooLarge));
        let huge = "x".repeat(10 * MAX_BODY_BYTES);
        assert_eq!(parse_body(Some(&huge), true), Err(BodyError::TooLarge));
    }
}
