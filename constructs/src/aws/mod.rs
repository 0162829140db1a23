//! What the generated bindings ([`crate::bindings::aws`]) cannot say on
//! their own: how policy documents and key policies are built, the redrive
//! policy's JSON and the account's ARNs. The
//! resources themselves are the generated types.

pub mod iam;
pub mod kms;
pub mod sqs;
pub mod sts;

use std::collections::BTreeMap;

use crate::core::Expr;

/// Tags, as constructs take them.
pub type Tags = BTreeMap<String, String>;

/// The `tags` argument of a resource: absent when there are none.
pub fn tags(tags: &Tags) -> Option<BTreeMap<String, Expr>> {
    (!tags.is_empty()).then(|| {
        tags.iter()
            .map(|(key, value)| (key.clone(), Expr::literal(value.as_str())))
            .collect()
    })
}

/// `"Enabled"` / `"Disabled"` as many AWS settings spell it.
pub fn status(enabled: bool) -> Expr {
    Expr::literal(if enabled { "Enabled" } else { "Disabled" })
}
