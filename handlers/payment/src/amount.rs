//! Exact payment amounts: never parsed through a float.
//!
//! An amount is written `123` or `123.4` or `123.45`: no sign, no exponent,
//! no leading zeros, no more fraction digits than its currency's minor units
//! (none for JPY, two for USD, three for KWD), more than zero, and at most
//! nine whole digits. It is held as a count of minor units.

use std::fmt;

/// The most whole digits an amount may have: up to 999,999,999.
pub const MAX_WHOLE_DIGITS: usize = 9;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Amount {
    /// The amount in minor units: cents for USD, yen for JPY, fils for KWD.
    minor: u64,
    /// The currency's minor units (fraction digits).
    scale: u8,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum AmountError {
    NotADecimal,
    TooManyFractionDigits { allowed: u8 },
    NotPositive,
    TooLarge,
}

impl fmt::Display for AmountError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::NotADecimal => f.write_str(
                "amount must be a decimal number such as \"12.50\" (no sign, exponent or leading zeros)",
            ),
            Self::TooManyFractionDigits { allowed: 0 } => {
                f.write_str("amount must be a whole number in this currency, which has no minor unit")
            }
            Self::TooManyFractionDigits { allowed } => write!(
                f,
                "amount must have at most {allowed} fraction digits in this currency"
            ),
            Self::NotPositive => f.write_str("amount must be greater than zero"),
            Self::TooLarge => write!(
                f,
                "amount must have at most {MAX_WHOLE_DIGITS} whole digits (999999999)"
            ),
        }
    }
}

impl Amount {
    /// Parses the decimal text of an amount in a currency with `scale`
    /// minor units.
    pub fn parse(text: &str, scale: u8) -> Result<Self, AmountError> {
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
            Some(f) if f.len() > usize::from(scale) => {
                return Err(AmountError::TooManyFractionDigits { allowed: scale });
            }
            Some(f) => f,
        };
        if whole.len() > MAX_WHOLE_DIGITS {
            return Err(AmountError::TooLarge);
        }
        // At most 9 + 3 digits: no overflow.
        let digits = |s: &str| s.bytes().fold(0u64, |n, b| n * 10 + u64::from(b - b'0'));
        let padding = 10u64.pow(u32::from(scale) - fraction.len() as u32);
        let minor = digits(whole) * 10u64.pow(u32::from(scale)) + digits(fraction) * padding;
        if minor == 0 {
            return Err(AmountError::NotPositive);
        }
        Ok(Self { minor, scale })
    }

    /// The amount in minor units.
    pub fn minor_units(self) -> u64 {
        self.minor
    }
}

/// The canonical text, with exactly the currency's fraction digits:
/// `12.50` USD, `1250` JPY, `1.234` KWD. DynamoDB stores it as a number.
impl fmt::Display for Amount {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.scale == 0 {
            return write!(f, "{}", self.minor);
        }
        let unit = 10u64.pow(u32::from(self.scale));
        write!(
            f,
            "{}.{:0width$}",
            self.minor / unit,
            self.minor % unit,
            width = usize::from(self.scale)
        )
    }
}

/// Reads back an amount DynamoDB returns, which drops trailing zeros
/// (`12.5`, `7`), in a currency with `scale` minor units.
pub fn from_stored(number: &str, scale: u8) -> Option<Amount> {
    Amount::parse(number, scale).ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn valid_amounts() {
        for (text, scale, minor, canonical) in [
            ("1", 2, 100, "1.00"),
            ("0.01", 2, 1, "0.01"),
            ("12.5", 2, 1250, "12.50"),
            ("12.50", 2, 1250, "12.50"),
            ("999999999.99", 2, 99_999_999_999, "999999999.99"),
            ("1250", 0, 1250, "1250"),
            ("999999999", 0, 999_999_999, "999999999"),
            ("1.234", 3, 1234, "1.234"),
            ("1.2", 3, 1200, "1.200"),
            ("0.001", 3, 1, "0.001"),
        ] {
            let amount = Amount::parse(text, scale).unwrap();
            assert_eq!(amount.minor_units(), minor, "{text}");
            assert_eq!(amount.to_string(), canonical, "{text}");
        }
    }

    #[test]
    fn invalid_amounts() {
        use AmountError::*;
        for (text, scale, error) in [
            ("", 2, NotADecimal),
            ("-1", 2, NotADecimal),
            ("+1", 2, NotADecimal),
            ("1e3", 2, NotADecimal),
            ("01", 2, NotADecimal),
            (".5", 2, NotADecimal),
            ("5.", 2, NotADecimal),
            ("1.2.3", 2, NotADecimal),
            (" 1", 2, NotADecimal),
            ("NaN", 2, NotADecimal),
            ("1.234", 2, TooManyFractionDigits { allowed: 2 }),
            ("12.50", 0, TooManyFractionDigits { allowed: 0 }),
            ("12.0", 0, TooManyFractionDigits { allowed: 0 }),
            ("1.2345", 3, TooManyFractionDigits { allowed: 3 }),
            ("0", 2, NotPositive),
            ("0.00", 2, NotPositive),
            ("0.000", 3, NotPositive),
            ("1000000000", 2, TooLarge),
            ("99999999999999999999999", 0, TooLarge),
        ] {
            assert_eq!(
                Amount::parse(text, scale),
                Err(error),
                "{text:?} at {scale}"
            );
        }
    }
}
