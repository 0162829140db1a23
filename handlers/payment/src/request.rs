//! Reading and validating a `POST /payment` body.

use base64::Engine;
use serde::Deserialize;
use serde_json::value::RawValue;

use crate::amount::{Amount, AmountError};
use crate::currency::minor_units;

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

/// The body's fields in order, each value unparsed. Only a JSON object
/// reads as one; duplicates are kept so they can be refused.
struct Fields<'a>(Vec<(String, &'a RawValue)>);

impl<'de> Deserialize<'de> for Fields<'de> {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct ObjectVisitor;

        impl<'de> serde::de::Visitor<'de> for ObjectVisitor {
            type Value = Fields<'de>;

            fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str("a JSON object")
            }

            fn visit_map<M: serde::de::MapAccess<'de>>(
                self,
                mut map: M,
            ) -> Result<Self::Value, M::Error> {
                let mut fields = Vec::new();
                while let Some(name) = map.next_key::<String>()? {
                    fields.push((name, map.next_value::<&'de RawValue>()?));
                }
                Ok(Fields(fields))
            }
        }

        deserializer.deserialize_map(ObjectVisitor)
    }
}

const FIELDS: [&str; 3] = ["transaction_id", "amount", "currency"];
const SHAPE: &str = "send a JSON object {\"transaction_id\": \"...\", \"amount\": \"12.50\", \"currency\": \"USD\"}";
const TRANSACTION_ID_RULE: &str =
    "transaction_id must be a string of 1-64 letters, digits, `_` and `-`";
const CURRENCY_RULE: &str =
    "currency must be a string holding an ISO 4217 code in upper case, such as \"USD\"";

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
        return Err(BodyError::Malformed(format!("the body is empty; {SHAPE}")));
    }
    // Syntax first (400), then shape (422): an array, string, number or
    // null is JSON, but not a payment.
    let value: &RawValue = serde_json::from_str(text)
        .map_err(|_| BodyError::Malformed(format!("the body is not valid JSON; {SHAPE}")))?;
    if !value.get().starts_with('{') {
        return Err(BodyError::Invalid(format!(
            "the body must be a JSON object; {SHAPE}"
        )));
    }
    let fields: Fields<'_> = serde_json::from_str(value.get())
        .map_err(|_| BodyError::Invalid(format!("the body must be a JSON object; {SHAPE}")))?;
    validate(fields)
}

/// The value of field `name`, refusing a missing or repeated one.
fn field<'a>(fields: &Fields<'a>, name: &str, rule: &str) -> Result<&'a RawValue, BodyError> {
    let mut values = fields.0.iter().filter(|(field, _)| field == name);
    match (values.next(), values.next()) {
        (Some((_, value)), None) => Ok(value),
        (Some(_), Some(_)) => Err(BodyError::Invalid(format!(
            "{name} appears more than once; send each field once"
        ))),
        (None, _) => Err(BodyError::Invalid(format!("{name} is required: {rule}"))),
    }
}

/// A JSON string value, or `None` for any other JSON type.
fn string(value: &RawValue) -> Option<String> {
    serde_json::from_str::<String>(value.get()).ok()
}

fn validate(fields: Fields<'_>) -> Result<PaymentRequest, BodyError> {
    if let Some((unknown, _)) = fields
        .0
        .iter()
        .find(|(name, _)| !FIELDS.contains(&name.as_str()))
    {
        let shown: String = unknown.chars().take(64).collect();
        return Err(BodyError::Invalid(format!(
            "unknown field `{shown}`; a payment has exactly transaction_id, amount and currency"
        )));
    }
    let invalid = |rule: &str| BodyError::Invalid(rule.to_owned());
    let id = string(field(&fields, "transaction_id", TRANSACTION_ID_RULE)?)
        .ok_or_else(|| invalid(TRANSACTION_ID_RULE))?;
    let id_ok = (1..=64).contains(&id.len())
        && id
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'_' || b == b'-');
    if !id_ok {
        return Err(invalid(TRANSACTION_ID_RULE));
    }
    let currency =
        string(field(&fields, "currency", CURRENCY_RULE)?).ok_or_else(|| invalid(CURRENCY_RULE))?;
    let minor_units = minor_units(&currency).ok_or_else(|| invalid(CURRENCY_RULE))?;
    let amount_rule = "amount must be a decimal number or a string holding one, such as \"12.50\"";
    let amount_value = field(&fields, "amount", amount_rule)?;
    let amount = amount_value.get();
    let amount_text = if amount.starts_with('"') {
        string(amount_value).ok_or_else(|| invalid(amount_rule))?
    } else if amount.starts_with(|c: char| c == '-' || c.is_ascii_digit()) {
        amount.to_owned()
    } else {
        return Err(invalid(amount_rule));
    };
    let amount = Amount::parse(&amount_text, minor_units).map_err(|e| {
        BodyError::Invalid(match e {
            AmountError::TooManyFractionDigits { allowed: 0 } => format!(
                "amount must be a whole number in {currency}, which has no minor unit (ISO 4217)"
            ),
            AmountError::TooManyFractionDigits { allowed } => format!(
                "amount must have at most {allowed} fraction digits in {currency} (ISO 4217 minor units)"
            ),
            other => other.to_string(),
        })
    })?;
    Ok(PaymentRequest {
        transaction_id: id,
        amount,
        currency,
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
        assert_eq!(request.amount.minor_units(), 1250);
        let request = parse(r#"{"transaction_id":"tx_1","amount":0.1,"currency":"EUR"}"#).unwrap();
        assert_eq!(
            request.amount.minor_units(),
            10,
            "0.1 is never rounded through a float"
        );
        let request =
            parse(r#"{"transaction_id":"T","amount":999999999.99,"currency":"USD"}"#).unwrap();
        assert_eq!(request.amount.to_string(), "999999999.99");
    }

    #[test]
    fn amounts_follow_their_currencys_minor_units() {
        for (amount, currency, canonical) in [
            ("\"1250\"", "JPY", "1250"),
            ("1.234", "KWD", "1.234"),
            ("\"0.5\"", "BHD", "0.500"),
            ("7", "USD", "7.00"),
        ] {
            let body =
                format!(r#"{{"transaction_id":"t","amount":{amount},"currency":"{currency}"}}"#);
            assert_eq!(
                parse(&body).unwrap().amount.to_string(),
                canonical,
                "{body}"
            );
        }
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
            ("[]".into(), "must be a JSON object"),
            (r#"["tx-1","12.50","USD"]"#.into(), "must be a JSON object"),
            ("null".into(), "must be a JSON object"),
            (r#""tx-1""#.into(), "must be a JSON object"),
            ("12.50".into(), "must be a JSON object"),
            ("true".into(), "must be a JSON object"),
            (
                r#"{"amount":"1","currency":"USD"}"#.into(),
                "transaction_id is required: transaction_id must be a string",
            ),
            (
                r#"{"transaction_id":"a","currency":"USD"}"#.into(),
                "amount is required",
            ),
            (
                r#"{"transaction_id":"a","amount":"1"}"#.into(),
                "currency is required",
            ),
            (
                r#"{"transaction_id":"a","transaction_id":"b","amount":"1","currency":"USD"}"#
                    .into(),
                "transaction_id appears more than once",
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
                "transaction_id must be a string",
            ),
            (
                r#"{"transaction_id":null,"amount":"1","currency":"USD"}"#.into(),
                "transaction_id must be a string",
            ),
            (
                r#"{"transaction_id":"a","amount":"1","currency":["USD"]}"#.into(),
                "currency must be a string",
            ),
            (
                r#"{"transaction_id":"a","amount":"12.50","currency":"JPY"}"#.into(),
                "amount must be a whole number in JPY, which has no minor unit",
            ),
            (
                r#"{"transaction_id":"a","amount":"1.2345","currency":"KWD"}"#.into(),
                "at most 3 fraction digits in KWD",
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
                "at most 2 fraction digits in USD",
            ),
            (
                r#"{"transaction_id":"a","amount":1e2,"currency":"USD"}"#.into(),
                "decimal number",
            ),
            (
                r#"{"transaction_id":"a","amount":1000000000,"currency":"USD"}"#.into(),
                "at most 9 whole digits",
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
            // Every message a client can read, malformed or invalid.
            let message = match &error {
                BodyError::Malformed(message) | BodyError::Invalid(message) => message.as_str(),
                BodyError::TooLarge => "",
            };
            for leak in [
                "line",
                "RawPayment",
                "struct",
                "serde",
                "invalid type",
                "expected",
            ] {
                assert!(
                    !message.contains(leak),
                    "no parser wording leaks ({leak}): {message}"
                );
            }
        }
    }

    #[test]
    fn whitespace_and_escaped_keys_read_as_json_does() {
        let padded = "\n  {\"transaction_id\":\"a\",\"amount\":\"1\",\"currency\":\"USD\"}  \n";
        assert!(parse(padded).is_ok());
        let escaped = r#"{"transaction\u005fid":"a","amount":"1","currency":"USD"}"#;
        assert_eq!(parse(escaped).unwrap().transaction_id, "a");
        let twice =
            r#"{"transaction_id":"a","transaction\u005fid":"b","amount":"1","currency":"USD"}"#;
        assert_eq!(
            parse(twice),
            Err(BodyError::Invalid(
                "transaction_id appears more than once; send each field once".into()
            ))
        );
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
