//! Exact payment amounts: never parsed through a float.
//!
//! An amount is written `123` or `123.4` or `123.45`: no sign, no exponent,
//! no leading zeros, at most two fraction digits, more than zero and at most
//! [`MAX_CENTS`]. It is held as a count of hundredths.

use std::fmt;

/// The largest amount accepted: 999,999,999.99.
pub const MAX_CENTS: u64 = 99_999_999_999;

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub struct Amount {
    cents: u64,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum AmountError {
    NotADecimal,
    TooManyFractionDigits,
    NotPositive,
    TooLarge,
}

impl fmt::Display for AmountError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Self::NotADecimal => {
                "amount must be a decimal number such as \"12.50\" (no sign, exponent or leading zeros)"
            }
            Self::TooManyFractionDigits => "amount must have at most 2 fraction digits",
            Self::NotPositive => "amount must be greater than zero",
            Self::TooLarge => "amount must be at most 999999999.99",
        })
    }
}

impl Amount {
    /// Parses the decimal text of an amount.
    pub fn parse(text: &str) -> Result<Self, AmountError> {
        let (whole, fraction) = match text.split_once('.') {
            Some((whole, fraction)) => (whole, Some(fraction)),
            None => (text, None),
        };
        let all_digits = |s: &str| !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit());
        if !all_digits(whole) || (whole.len() > 1 && whole.starts_with('0')) {
            return Err(AmountError::NotADecimal);
        }
        let fraction = match fraction {
            None => "",
            Some(f) if !all_digits(f) => return Err(AmountError::NotADecimal),
            Some(f) if f.len() > 2 => return Err(AmountError::TooManyFractionDigits),
            Some(f) => f,
        };
        // More than 9 whole digits is over the maximum whatever the rest.
        if whole.len() > 9 {
            return Err(AmountError::TooLarge);
        }
        let whole: u64 = whole.parse().map_err(|_| AmountError::NotADecimal)?;
        let fraction_cents: u64 = match fraction.len() {
            0 => 0,
            1 => u64::from(fraction.as_bytes()[0] - b'0') * 10,
            _ => fraction.parse().map_err(|_| AmountError::NotADecimal)?,
        };
        let cents = whole * 100 + fraction_cents;
        if cents == 0 {
            return Err(AmountError::NotPositive);
        }
        if cents > MAX_CENTS {
            return Err(AmountError::TooLarge);
        }
        Ok(Self { cents })
    }

    pub fn cents(self) -> u64 {
        self.cents
    }
}

/// The canonical text: `12.50`, `7.00`. DynamoDB stores it as a number.
impl fmt::Display for Amount {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}.{:02}", self.cents / 100, self.cents % 100)
    }
}

/// Reads back an amount DynamoDB returns, which drops trailing zeros
/// (`12.5`, `7`).
pub fn from_stored(number: &str) -> Option<Amount> {
    Amount::parse(number).ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn valid_amounts() {
        for (text, cents) in [
            ("1", 100),
            ("0.01", 1),
            ("12.5", 1250),
            ("12.50", 1250),
            ("999999999.99", MAX_CENTS),
            ("10", 1000),
        ] {
            assert_eq!(Amount::parse(text).map(Amount::cents), Ok(cents), "{text}");
        }
        assert_eq!(Amount::parse("12.5").unwrap().to_string(), "12.50");
    }

    #[test]
    fn invalid_amounts() {
        use AmountError::*;
        for (text, error) in [
            ("", NotADecimal),
            ("-1", NotADecimal),
            ("+1", NotADecimal),
            ("1e3", NotADecimal),
            ("01", NotADecimal),
            (".5", NotADecimal),
            ("5.", NotADecimal),
            ("1.2.3", NotADecimal),
            (" 1", NotADecimal),
            ("NaN", NotADecimal),
            ("1.234", TooManyFractionDigits),
            ("0", NotPositive),
            ("0.00", NotPositive),
            ("1000000000", TooLarge),
            ("99999999999999999999999", TooLarge),
        ] {
            assert_eq!(Amount::parse(text), Err(error), "{text:?}");
        }
    }
}
