//! Construct paths and the logical ids derived from them.
//!
//! Contract:
//! - A construct path is the list of names from the stack down to a resource,
//!   written `a/b/c`. It is the identity users see in errors.
//! - A logical id is a pure function of the path: each name is turned into
//!   snake_case (`PaymentApi` and `payment-api` both become `payment_api`) and
//!   the names are joined with `_`. Nothing else feeds into it, so adding or
//!   removing one construct never renames another resource.
//! - A name must start with an ASCII letter and hold only ASCII letters,
//!   digits, `-` and `_`; anything else is a synth error rather than a
//!   silently mangled id.
//! - Two paths that map to the same id within one Terraform namespace are a
//!   synth error naming both paths (checked by the stack, which sees them all).

use std::fmt;

/// Where a construct sits in its stack, e.g. `primary/payment/api`.
#[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Default)]
pub struct ConstructPath(Vec<String>);

impl ConstructPath {
    /// The path of the stack itself: no names yet.
    pub fn root() -> Self {
        Self(Vec::new())
    }

    /// The path of a child named `name` below this one.
    pub fn child(&self, name: &str) -> Self {
        let mut names = self.0.clone();
        names.push(name.to_owned());
        Self(names)
    }

    /// The path written `a/b/c`.
    pub fn parse(text: &str) -> Self {
        text.split('/')
            .fold(Self::root(), |path, name| path.child(name))
    }

    /// The names from the stack down.
    pub fn names(&self) -> &[String] {
        &self.0
    }

    /// The first name in the path that is not a valid construct name.
    pub(crate) fn invalid_name(&self) -> Option<&str> {
        self.0
            .iter()
            .map(String::as_str)
            .find(|name| !is_valid_name(name))
    }

    /// The readable, stable logical id of the construct at this path.
    pub fn logical_id(&self) -> LogicalId {
        let parts: Vec<String> = self.0.iter().map(|name| snake_case(name)).collect();
        LogicalId(parts.join("_"))
    }
}

impl fmt::Display for ConstructPath {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0.join("/"))
    }
}

/// A Terraform logical id (the `x` in `aws_s3_bucket.x`).
#[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct LogicalId(String);

impl LogicalId {
    /// The id as text, e.g. `primary_payment_api`.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl fmt::Display for LogicalId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

fn is_valid_name(name: &str) -> bool {
    let mut chars = name.chars();
    matches!(chars.next(), Some(c) if c.is_ascii_alphabetic())
        && chars.all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_')
}

/// `PaymentApi` -> `payment_api`, `payment-api` -> `payment_api`,
/// `queue__dlq` -> `queue_dlq`.
fn snake_case(name: &str) -> String {
    let mut out = String::with_capacity(name.len() + 4);
    let mut previous_lower_or_digit = false;
    for c in name.chars() {
        if c.is_ascii_uppercase() {
            if previous_lower_or_digit {
                push_separator(&mut out);
            }
            out.push(c.to_ascii_lowercase());
            previous_lower_or_digit = false;
        } else if c.is_ascii_alphanumeric() {
            out.push(c);
            previous_lower_or_digit = true;
        } else {
            push_separator(&mut out);
            previous_lower_or_digit = false;
        }
    }
    out.trim_end_matches('_').to_owned()
}

fn push_separator(out: &mut String) {
    if !out.is_empty() && !out.ends_with('_') {
        out.push('_');
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn path(names: &[&str]) -> ConstructPath {
        names
            .iter()
            .fold(ConstructPath::root(), |path, name| path.child(name))
    }

    #[test]
    fn logical_id_is_snake_case_of_the_path() {
        assert_eq!(
            path(&["primary", "payment", "api"]).logical_id().as_str(),
            "primary_payment_api"
        );
        assert_eq!(path(&["PaymentApi"]).logical_id().as_str(), "payment_api");
        assert_eq!(path(&["payment-api"]).logical_id().as_str(), "payment_api");
        assert_eq!(path(&["queue__dlq-"]).logical_id().as_str(), "queue_dlq");
        assert_eq!(path(&["s3Bucket2"]).logical_id().as_str(), "s3_bucket2");
        assert_eq!(path(&["API"]).logical_id().as_str(), "api");
    }

    #[test]
    fn path_displays_with_slashes_and_parses_back() {
        assert_eq!(path(&["primary", "queue"]).to_string(), "primary/queue");
        assert_eq!(
            ConstructPath::parse("primary/queue"),
            path(&["primary", "queue"])
        );
    }

    #[test]
    fn invalid_names_are_found() {
        assert_eq!(path(&["ok", "9lives"]).invalid_name(), Some("9lives"));
        assert_eq!(path(&["ok", ""]).invalid_name(), Some(""));
        assert_eq!(path(&["a b"]).invalid_name(), Some("a b"));
        assert_eq!(path(&["ok", "fine-name_2"]).invalid_name(), None);
    }

    #[test]
    fn id_of_one_path_does_not_depend_on_siblings() {
        let a = path(&["primary", "bucket"]).logical_id();
        let _sibling = path(&["primary", "queue"]).logical_id();
        assert_eq!(a, path(&["primary", "bucket"]).logical_id());
    }
}
