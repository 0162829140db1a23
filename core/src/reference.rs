//! Typed references between resources.
//!
//! A [`Ref<T>`] is what adding a resource of type `T` to a stack returns. It
//! knows its Terraform address and the construct path that made it; the
//! attribute accessors on it (`bucket.arn()`) return [`Expr`]s, so construct
//! code never writes `${...}` by hand.
//!
//! Every reference that ends up inside a resource is recorded while the
//! resource is serialized, so the stack can prove at synth time that it points
//! at something the stack holds.

use std::cell::RefCell;
use std::fmt;
use std::marker::PhantomData;
use std::ops::Deref;
use std::sync::Arc;

use super::expr::Expr;
use super::id::{ConstructPath, LogicalId};

/// Whether a block is a managed resource or a data source.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum BlockKind {
    /// A `resource` block: an object Terraform manages.
    Resource,
    /// A `data` block: an object Terraform only reads.
    Data,
}

/// The thing a reference points at.
#[derive(Debug, PartialEq, Eq, Hash)]
pub struct Target {
    pub(crate) kind: BlockKind,
    pub(crate) tf_type: &'static str,
    pub(crate) id: LogicalId,
    pub(crate) path: ConstructPath,
    pub(crate) stack: Arc<str>,
}

impl Target {
    /// `aws_s3_bucket.primary_data` or `data.aws_iam_policy_document.x`.
    pub fn address(&self) -> String {
        match self.kind {
            BlockKind::Resource => format!("{}.{}", self.tf_type, self.id),
            BlockKind::Data => format!("data.{}.{}", self.tf_type, self.id),
        }
    }

    /// `stack/construct/path`, as users see it in errors.
    pub fn qualified_path(&self) -> String {
        format!("{}/{}", self.stack, self.path)
    }
}

/// An untyped reference to a block: its address and its attributes by
/// name. What a [`Ref`] holds, and what the generated attribute types
/// (`S3BucketAttributes`) wrap.
#[derive(Clone)]
pub struct Reference {
    target: Arc<Target>,
}

impl Reference {
    pub(crate) fn new(target: Arc<Target>) -> Self {
        Self { target }
    }

    /// An attribute of the referenced block, e.g. `arn`. Typed accessors
    /// (`bucket.arn()`) call this; prefer them in construct code.
    pub fn attr(&self, attribute: &str) -> Expr {
        Expr::Attribute {
            target: Arc::clone(&self.target),
            attribute: attribute.to_owned(),
        }
    }

    /// The Terraform address, e.g. `aws_s3_bucket.primary_data`.
    pub fn address(&self) -> String {
        self.target.address()
    }

    /// The construct path that created the referenced block.
    pub fn path(&self) -> &ConstructPath {
        &self.target.path
    }

    pub(crate) fn target(&self) -> &Arc<Target> {
        &self.target
    }
}

impl AsRef<Reference> for Reference {
    fn as_ref(&self) -> &Reference {
        self
    }
}

impl fmt::Debug for Reference {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "Reference({})", self.target.address())
    }
}

/// A type of block a [`Ref`] can point at: a resource, a data source or
/// [`RawBlock`](super::RawBlock). Its `Attributes` are the typed accessors
/// a `Ref` to it dereferences to; bindings generate one per type, so the
/// accessors live beside their type, in whichever crate declares it.
pub trait Block {
    /// The accessors of the block's attributes (`S3BucketAttributes`).
    type Attributes: From<Reference> + AsRef<Reference>;
}

/// A typed handle on a resource or data source in a stack.
///
/// It dereferences to the type's attribute accessors, which return
/// [`Expr`]s that render as `${...}` references to the block:
///
/// ```
/// use drsynth_provider_aws::s3::S3Bucket;
/// use drsynth_core::{AwsProvider, Stack};
///
/// let mut stack = Stack::new("app");
/// let primary = stack.provider(AwsProvider::new("primary", "us-east-1"));
/// let bucket = stack.scope(&primary).child("data").resource(
///     "bucket",
///     S3Bucket { bucket: Some("data-dev".into()), ..S3Bucket::new() },
/// );
/// assert_eq!(bucket.address(), "aws_s3_bucket.data_bucket");
/// assert_eq!(bucket.arn().render(), "${aws_s3_bucket.data_bucket.arn}");
/// ```
pub struct Ref<T: Block> {
    attributes: T::Attributes,
    kind: PhantomData<fn() -> T>,
}

impl<T: Block> Ref<T> {
    pub(crate) fn new(target: Arc<Target>) -> Self {
        Self::from_reference(Reference::new(target))
    }

    fn from_reference(reference: Reference) -> Self {
        Self {
            attributes: T::Attributes::from(reference),
            kind: PhantomData,
        }
    }

    /// The untyped reference.
    pub fn reference(&self) -> &Reference {
        self.attributes.as_ref()
    }

    /// An attribute of the referenced block, e.g. `arn`. Typed accessors
    /// (`Ref<S3Bucket>::arn`) call this; prefer them in construct code.
    pub fn attr(&self, attribute: &str) -> Expr {
        self.reference().attr(attribute)
    }

    /// The Terraform address, e.g. `aws_s3_bucket.primary_data`.
    pub fn address(&self) -> String {
        self.reference().address()
    }

    /// The construct path that created the referenced block.
    pub fn path(&self) -> &ConstructPath {
        self.reference().path()
    }

    pub(crate) fn target(&self) -> &Arc<Target> {
        self.reference().target()
    }
}

impl<T: Block> Deref for Ref<T> {
    type Target = T::Attributes;

    fn deref(&self) -> &T::Attributes {
        &self.attributes
    }
}

impl<T: Block> Clone for Ref<T> {
    fn clone(&self) -> Self {
        Self::from_reference(self.reference().clone())
    }
}

impl<T: Block> fmt::Debug for Ref<T> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "Ref({})", self.address())
    }
}

/// Anything that can be named in `depends_on`.
pub trait Dependency {
    /// The block to depend on.
    fn dependency_target(&self) -> &Arc<Target>;
}

impl<T: Block> Dependency for Ref<T> {
    fn dependency_target(&self) -> &Arc<Target> {
        self.target()
    }
}

thread_local! {
    static RECORDED: RefCell<Option<Vec<Arc<Target>>>> = const { RefCell::new(None) };
}

/// Runs `f` and returns, beside its result, every target an [`Expr`] recorded
/// while `f` serialized it.
pub(crate) fn collecting<R>(f: impl FnOnce() -> R) -> (R, Vec<Arc<Target>>) {
    let outer = RECORDED.with(|cell| cell.replace(Some(Vec::new())));
    let result = f();
    let recorded = RECORDED
        .with(|cell| cell.replace(outer))
        .unwrap_or_default();
    if !recorded.is_empty() {
        // Nested collection: the outer collector sees what the inner one saw.
        RECORDED.with(|cell| {
            if let Some(outer) = cell.borrow_mut().as_mut() {
                outer.extend(recorded.iter().cloned());
            }
        });
    }
    (result, recorded)
}

pub(crate) fn record(target: &Arc<Target>) {
    RECORDED.with(|cell| {
        if let Some(seen) = cell.borrow_mut().as_mut() {
            seen.push(Arc::clone(target));
        }
    });
}
