//! What the generated bindings ([`crate::bindings::aws`]) cannot say on
//! their own: how policy documents and key policies are built, the redrive
//! policy's JSON, the account's ARNs and a few argument helpers. The
//! resources themselves are the generated types.

pub mod iam;
pub mod kms;
pub mod sqs;
pub mod sts;

use std::collections::BTreeMap;

use crate::core::Expr;

/// The `tags` argument that names a resource in the console: `Name`.
pub fn name_tag(name: impl Into<Expr>) -> Option<BTreeMap<String, Expr>> {
    Some(BTreeMap::from([("Name".to_owned(), name.into())]))
}

/// `"Enabled"` / `"Disabled"` as many AWS settings spell it.
pub fn status(enabled: bool) -> Expr {
    Expr::literal(if enabled { "Enabled" } else { "Disabled" })
}
