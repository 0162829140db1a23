//! Outputs.

use serde::Serialize;

use super::expr::Expr;

/// An `output` block.
#[derive(Clone, Debug, Serialize)]
pub struct Output {
    pub value: Expr,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub sensitive: bool,
}

impl Output {
    pub fn new(value: impl Into<Expr>, description: impl Into<String>) -> Self {
        Self {
            value: value.into(),
            description: Some(description.into()),
            sensitive: false,
        }
    }
}
