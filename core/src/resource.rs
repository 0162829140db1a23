//! Resources and data sources: typed bodies plus Terraform meta-arguments.

use std::sync::Arc;

use serde::Serialize;
use serde_json::Value;

use super::expr::Expr;
use super::id::ConstructPath;
use super::reference::{self, Block, Dependency, Reference, Target};

/// A managed resource type of the AWS provider. Field names of the
/// implementing struct are exactly those of the provider schema.
pub trait Resource: Block + Serialize {
    /// The Terraform type, e.g. `aws_s3_bucket`.
    const TYPE: &'static str;
}

/// The type parameter of a [`Ref`](super::Ref) to a block declared without
/// bindings (`Scope::raw_resource`, `Scope::raw_data`): read its attributes
/// with [`Ref::attr`](super::Ref::attr).
#[derive(Clone, Copy, Debug)]
pub struct RawBlock;

impl Block for RawBlock {
    type Attributes = Reference;
}

/// A data source type of the AWS provider.
pub trait DataSource: Block + Serialize {
    /// The Terraform type, e.g. `aws_iam_policy_document`.
    const TYPE: &'static str;
}

/// The `lifecycle` meta-argument.
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct Lifecycle {
    /// Makes any plan that would destroy the resource fail.
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub prevent_destroy: bool,
    /// Creates the replacement before destroying the old object.
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub create_before_destroy: bool,
    /// Attribute names Terraform should not reconcile.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub ignore_changes: Vec<String>,
    /// Checked by `terraform plan` as soon as the values are known: a
    /// configuration that AWS would refuse stops there, with the fix.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub postcondition: Vec<Postcondition>,
}

/// A `postcondition` of a resource: `condition` (which may read the
/// resource's own attributes with [`Expr::self_attribute`]) must hold, or
/// the plan fails with `error_message`.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Postcondition {
    /// A boolean expression that must be true.
    pub condition: Expr,
    /// The message of the failed plan.
    pub error_message: String,
}

impl Postcondition {
    /// Fails the plan when `value` matches the regular expression `pattern`.
    pub fn not_matching(pattern: &str, value: Expr, error_message: String) -> Self {
        Self {
            condition: !Expr::call(
                "can",
                [Expr::call("regex", [Expr::literal(pattern), value])],
            ),
            error_message,
        }
    }
}

impl Lifecycle {
    pub(crate) fn is_empty(&self) -> bool {
        self == &Self::default()
    }
}

/// Meta-arguments of one resource besides its provider.
#[derive(Clone, Debug, Default)]
pub struct Meta {
    pub(crate) depends_on: Vec<Arc<Target>>,
    pub(crate) lifecycle: Lifecycle,
    pub(crate) renamed_from: Option<ConstructPath>,
    /// `(rule id, reason)`: findings of these rules on this resource are
    /// accepted, and reported with the reason.
    pub(crate) suppressions: Vec<(String, String)>,
    /// Raw attributes set on the rendered body, by dotted path.
    pub(crate) overrides: Vec<(String, Value)>,
    /// The blocks the overrides refer to.
    pub(crate) override_references: Vec<Arc<Target>>,
}

impl Meta {
    /// An explicit ordering dependency Terraform cannot infer from references.
    pub fn depends_on(mut self, dependency: &impl Dependency) -> Self {
        self.depends_on
            .push(Arc::clone(dependency.dependency_target()));
        self
    }

    /// Sets the `lifecycle` meta-argument, replacing any postconditions
    /// added before.
    pub fn lifecycle(mut self, lifecycle: Lifecycle) -> Self {
        self.lifecycle = lifecycle;
        self
    }

    /// Adds a postcondition that `terraform plan` checks.
    pub fn postcondition(mut self, postcondition: Postcondition) -> Self {
        self.lifecycle.postcondition.push(postcondition);
        self
    }

    /// The construct used to live at `previous` (a path in the same stack);
    /// synth emits a `moved` block so Terraform renames instead of replacing.
    pub fn renamed_from(mut self, previous: ConstructPath) -> Self {
        self.renamed_from = Some(previous);
        self
    }

    /// Sets the attribute at `path` of the rendered body to `value`, past
    /// the typed struct: the escape hatch for what the bindings cannot say
    /// (CDKTF's `addOverride`). `path` is object keys separated by dots; a
    /// single nested block (a one-element list) is crossed by its key, e.g.
    /// `point_in_time_recovery.enabled`; list positions, keys holding dots
    /// and the meta-arguments synth renders itself (`provider`,
    /// `depends_on`, `lifecycle`) are synth errors. Objects are created on
    /// the way, and a `null` value removes the attribute. References in
    /// `value` are checked like any other when `value` holds them as
    /// [`Expr`]s (a struct, a map); `serde_json::json!` renders them before
    /// synth can see them.
    ///
    /// ```
    /// use drsynth_provider_aws::s3::S3Bucket;
    /// use drsynth_core::{AwsProvider, Meta, Stack};
    ///
    /// let mut stack = Stack::new("app");
    /// let west = stack.provider(AwsProvider::new("west", "eu-west-1"));
    /// stack.scope(&west).resource_with(
    ///     "data",
    ///     S3Bucket {
    ///         bucket: Some("data-dev".into()),
    ///         force_destroy: Some(true.into()),
    ///         ..S3Bucket::new()
    ///     },
    ///     Meta::default()
    ///         .set("object_lock_enabled", true)
    ///         .set("force_destroy", serde_json::Value::Null),
    /// );
    /// let document = stack.synth().unwrap();
    /// let bucket = document.resource("aws_s3_bucket", "data").unwrap();
    /// assert_eq!(bucket["object_lock_enabled"], true);
    /// assert!(bucket.get("force_destroy").is_none());
    /// ```
    pub fn set(mut self, path: &str, value: impl Serialize) -> Self {
        let (value, references) = reference::collecting(|| serde_json::to_value(value));
        let value = value.expect("an override value always serializes to JSON");
        self.overrides.push((path.to_owned(), value));
        self.override_references.extend(references);
        self
    }

    /// Accepts findings of the policy rule `rule` on this resource, for
    /// `reason`, which the audit and the DR report print. A suppression
    /// without a reason is a synth error.
    pub fn suppress(mut self, rule: &str, reason: &str) -> Self {
        self.suppressions.push((rule.to_owned(), reason.to_owned()));
        self
    }
}
