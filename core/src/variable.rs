//! Input variables.

use serde::Serialize;
use serde_json::Value;

use super::expr::Expr;

/// A `variable` block. Its value is read with [`crate::Stack::variable`],
/// which returns `var.<name>` as an [`Expr`].
#[derive(Clone, Debug, Default, Serialize)]
pub struct Variable {
    /// A Terraform type constraint such as `string` or `number`.
    #[serde(rename = "type", skip_serializing_if = "Option::is_none")]
    pub type_constraint: Option<String>,
    /// The value when none is given; without one, the variable is required.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub default: Option<Value>,
    /// What the variable sets, for whoever supplies it.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    /// Hides the value in Terraform's CLI output.
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub sensitive: bool,
    /// Checks the value must pass.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub validation: Vec<Validation>,
}

/// A `validation` block: `condition` must hold, else Terraform prints
/// `error_message`.
#[derive(Clone, Debug, Serialize)]
pub struct Validation {
    /// A boolean expression over the variable that must be true.
    pub condition: Expr,
    /// The message Terraform prints when it is false.
    pub error_message: String,
}
