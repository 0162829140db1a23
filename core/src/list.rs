//! List arguments: the items one by one, or one expression that is a whole
//! list (`data.aws_subnets.private.ids`, a variable of type `list(string)`).
//! What the generated bindings type list and set arguments with, so a
//! list-valued reference is passed typed and recorded like any other.

use serde::{Serialize, Serializer};

use super::expr::Expr;

/// A list or set argument.
///
/// ```
/// use drsynth_core::{Expr, List};
///
/// let given: List<Expr> = vec![Expr::literal("subnet-1")].into();
/// let whole: List<Expr> = Expr::Variable("subnet_ids".into()).into();
/// let collected: List<Expr> = ["a", "b"].into_iter().map(Expr::literal).collect();
/// assert_eq!(serde_json::to_string(&given).unwrap(), r#"["subnet-1"]"#);
/// assert_eq!(serde_json::to_string(&whole).unwrap(), r#""${var.subnet_ids}""#);
/// assert_eq!(collected.items().map(<[Expr]>::len), Some(2));
/// ```
#[derive(Clone, Debug, PartialEq)]
pub enum List<T> {
    /// The items, rendered as a JSON array.
    Items(Vec<T>),
    /// An expression whose value is the whole list, rendered as `${...}`.
    Whole(Expr),
}

impl<T> List<T> {
    /// The items, when they are given one by one.
    pub fn items(&self) -> Option<&[T]> {
        match self {
            Self::Items(items) => Some(items),
            Self::Whole(_) => None,
        }
    }
}

impl<T: Serialize> Serialize for List<T> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        match self {
            Self::Items(items) => items.serialize(serializer),
            Self::Whole(expr) => expr.serialize(serializer),
        }
    }
}

impl<T> From<Vec<T>> for List<T> {
    fn from(items: Vec<T>) -> Self {
        Self::Items(items)
    }
}

impl<T> From<Expr> for List<T> {
    fn from(expr: Expr) -> Self {
        Self::Whole(expr)
    }
}

impl<T> FromIterator<T> for List<T> {
    fn from_iter<I: IntoIterator<Item = T>>(items: I) -> Self {
        Self::Items(items.into_iter().collect())
    }
}
