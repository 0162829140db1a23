//! Arguments that are a literal or an expression: what the generated
//! bindings type number and bool arguments with, so a literal is written as
//! given (`256`, `1.0`, `true`) and a reference as `${...}`.

use serde::{Serialize, Serializer};

use super::expr::Expr;

/// A number or bool argument: a literal of type `T`, or an expression
/// (a reference, a variable) Terraform evaluates.
///
/// ```
/// use drsynth_core::{Arg, Expr, Number};
///
/// let memory: Arg<Number> = 256.into();
/// let threshold: Arg<Number> = 1.0.into();
/// let drill: Arg<bool> = Expr::literal("x").into();
/// assert_eq!(serde_json::to_string(&memory).unwrap(), "256");
/// assert_eq!(serde_json::to_string(&threshold).unwrap(), "1.0");
/// assert_eq!(serde_json::to_string(&drill).unwrap(), "\"x\"");
/// ```
#[derive(Clone, Debug, PartialEq)]
pub enum Arg<T> {
    /// A literal value.
    Literal(T),
    /// An expression, rendered as `${...}`.
    Expr(Expr),
}

/// A number literal, written as given: an integer stays an integer.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Number {
    /// An integer.
    Int(i64),
    /// A number with a fraction (or one written as such, `1.0`).
    Float(f64),
}

impl Serialize for Number {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        match self {
            Self::Int(value) => serializer.serialize_i64(*value),
            Self::Float(value) => serializer.serialize_f64(*value),
        }
    }
}

impl<T: Serialize> Serialize for Arg<T> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        match self {
            Self::Literal(value) => value.serialize(serializer),
            Self::Expr(expr) => expr.serialize(serializer),
        }
    }
}

impl<T> From<Expr> for Arg<T> {
    fn from(expr: Expr) -> Self {
        Self::Expr(expr)
    }
}

impl From<bool> for Arg<bool> {
    fn from(value: bool) -> Self {
        Self::Literal(value)
    }
}

macro_rules! integer_args {
    ($($int:ty),*) => {$(
        impl From<$int> for Arg<Number> {
            fn from(value: $int) -> Self {
                Self::Literal(Number::Int(i64::from(value)))
            }
        }
    )*};
}
integer_args!(i8, i16, i32, i64, u8, u16, u32);

impl From<f64> for Arg<Number> {
    fn from(value: f64) -> Self {
        Self::Literal(Number::Float(value))
    }
}
