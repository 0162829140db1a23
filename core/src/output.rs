//! Outputs.

use serde::Serialize;

use super::expr::Expr;

/// An `output` block.
#[derive(Clone, Debug, Serialize)]
pub struct Output {
    /// The value Terraform reports after apply.
    pub value: Expr,
    /// What the value is, for whoever reads the outputs.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    /// Hides the value in Terraform's CLI output.
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub sensitive: bool,
}

impl Output {
    /// A non-sensitive output of `value`, described by `description`.
    pub fn new(value: impl Into<Expr>, description: impl Into<String>) -> Self {
        Self {
            value: value.into(),
            description: Some(description.into()),
            sensitive: false,
        }
    }
}
