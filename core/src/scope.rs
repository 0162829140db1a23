//! A place in the construct tree, bound to a provider. Constructs take a
//! scope, create resources in it, open child scopes for their parts and
//! declare the stack's outputs and variables they own.

use serde::Serialize;

use super::error::Error;
use super::expr::Expr;
use super::id::ConstructPath;
use super::moved::Moved;
use super::output::Output;
use super::provider::ProviderRef;
use super::reference::{BlockKind, Ref};
use super::resource::{DataSource, Meta, RawBlock, Resource};
use super::stack::Stack;
use super::variable::Variable;

/// A construct's place in a stack: a construct path and the provider its
/// resources are bound to. Resources added through it get logical ids from
/// the path.
#[derive(Debug)]
pub struct Scope<'s> {
    stack: &'s mut Stack,
    path: ConstructPath,
    provider: ProviderRef,
}

impl<'s> Scope<'s> {
    pub(crate) fn new(stack: &'s mut Stack, path: ConstructPath, provider: ProviderRef) -> Self {
        Self {
            stack,
            path,
            provider,
        }
    }

    /// A child scope named `name`, bound to the same provider.
    pub fn child(&mut self, name: &str) -> Scope<'_> {
        let provider = self.provider.clone();
        Scope::new(self.stack, self.path.child(name), provider)
    }

    /// A child scope named `name`, bound to another provider (another region).
    pub fn child_in(&mut self, name: &str, provider: &ProviderRef) -> Scope<'_> {
        Scope::new(self.stack, self.path.child(name), provider.clone())
    }

    /// Declares the stack's output `name`: a construct can publish what it
    /// made while its scope is open. Output names are the stack's, not the
    /// scope's; a duplicate is a synth error naming both.
    pub fn output(&mut self, name: &str, output: Output) {
        self.stack.output(name, output);
    }

    /// Declares the stack's variable `name` and returns `var.<name>`.
    pub fn variable(&mut self, name: &str, variable: Variable) -> Expr {
        self.stack.variable(name, variable)
    }

    /// The construct path of this scope.
    pub fn path(&self) -> &ConstructPath {
        &self.path
    }

    /// The provider this scope binds resources to.
    pub fn provider(&self) -> &ProviderRef {
        &self.provider
    }

    /// The region of this scope's provider.
    pub fn region(&self) -> &str {
        self.provider.region()
    }

    /// Adds the resource `body` as the construct `name` in this scope.
    pub fn resource<T: Resource>(&mut self, name: &str, body: T) -> Ref<T> {
        self.resource_with(name, body, Meta::default())
    }

    /// Adds a resource with meta-arguments (depends_on, lifecycle, renames).
    pub fn resource_with<T: Resource>(&mut self, name: &str, body: T, meta: Meta) -> Ref<T> {
        let target = self.stack.add_block(
            BlockKind::Resource,
            T::TYPE,
            self.path.child(name),
            self.provider.clone(),
            &body,
            meta,
        );
        Ref::new(target)
    }

    /// The resource of type `T` that used to be the construct `name` here is
    /// gone from the configuration but its object lives on, owned by
    /// another resource: synth emits a `removed` block so Terraform forgets
    /// it instead of destroying what the other one now manages.
    pub fn forget<T: Resource>(&mut self, name: &str) {
        let id = self.path.child(name).logical_id();
        self.stack.removed.push((T::TYPE, id));
    }

    /// The resource `to` used to be the construct at `from` (a path in this
    /// stack, e.g. `scope.path().child("old")`): synth emits a `moved`
    /// block, so Terraform moves its state instead of destroying the old
    /// object and creating a new one. [`Meta::renamed_from`] does the same
    /// where the resource is created; this is for an app recording history
    /// of resources a construct created.
    pub fn moved<T: Resource>(&mut self, from: &ConstructPath, to: &Ref<T>) {
        self.stack.moved.push(Moved {
            from: format!("{}.{}", T::TYPE, from.logical_id()),
            to: to.address(),
        });
    }

    /// Records a mistake in what a construct was given: synth reports it
    /// with the stack's other errors and writes nothing.
    pub fn error(&mut self, problem: impl Into<String>, fix: impl Into<String>) {
        let error = Error::InvalidConstruct {
            path: format!("{}/{}", self.stack.name(), self.path),
            problem: problem.into(),
            fix: fix.into(),
        };
        self.stack.errors.push(error);
    }

    /// Adds a resource of a type without bindings, `tf_type` (e.g.
    /// `aws_rds_global_cluster`, or a type of an [`OtherProvider`] the scope
    /// is bound to), with `body` as its arguments: the escape hatch for what
    /// the typed resources do not cover. It is checked and rendered like any
    /// other block; read its attributes with [`Ref::attr`]. Build `body`
    /// from values that hold [`Expr`](super::Expr)s (a struct deriving
    /// `Serialize`, a map) so synth records and checks its references;
    /// `serde_json::json!` renders them to text at once, and such text is
    /// checked by its address only (it must name a block of this stack).
    ///
    /// ```
    /// use drsynth_core::{AwsProvider, Stack};
    ///
    /// let mut stack = Stack::new("app");
    /// let west = stack.provider(AwsProvider::new("west", "eu-west-1"));
    /// let mut scope = stack.scope(&west);
    /// let cluster = scope.raw_resource(
    ///     "aws_rds_global_cluster",
    ///     "ledger",
    ///     serde_json::json!({"global_cluster_identifier": "ledger-dev", "engine": "aurora-postgresql"}),
    /// );
    /// assert_eq!(cluster.attr("arn").render(), "${aws_rds_global_cluster.ledger.arn}");
    /// let document = stack.synth().unwrap();
    /// let body = document.resource("aws_rds_global_cluster", "ledger").unwrap();
    /// assert_eq!(body["engine"], "aurora-postgresql");
    /// assert_eq!(body["provider"], "aws.west");
    /// ```
    ///
    /// [`OtherProvider`]: super::OtherProvider
    pub fn raw_resource(
        &mut self,
        tf_type: &'static str,
        name: &str,
        body: impl Serialize,
    ) -> Ref<RawBlock> {
        self.raw_resource_with(tf_type, name, body, Meta::default())
    }

    /// [`Scope::raw_resource`] with meta-arguments.
    pub fn raw_resource_with(
        &mut self,
        tf_type: &'static str,
        name: &str,
        body: impl Serialize,
        meta: Meta,
    ) -> Ref<RawBlock> {
        let target = self.stack.add_untyped_block(
            BlockKind::Resource,
            tf_type,
            self.path.child(name),
            self.provider.clone(),
            &body,
            meta,
        );
        Ref::new(target)
    }

    /// Adds a data source of a type without bindings, `tf_type`.
    pub fn raw_data(
        &mut self,
        tf_type: &'static str,
        name: &str,
        body: impl Serialize,
    ) -> Ref<RawBlock> {
        let target = self.stack.add_untyped_block(
            BlockKind::Data,
            tf_type,
            self.path.child(name),
            self.provider.clone(),
            &body,
            Meta::default(),
        );
        Ref::new(target)
    }

    /// Adds the data source `body` as the construct `name` in this scope.
    pub fn data<T: DataSource>(&mut self, name: &str, body: T) -> Ref<T> {
        self.data_with(name, body, Meta::default())
    }

    /// Adds a data source with meta-arguments: a postcondition on what it
    /// reads stops `terraform plan` with its message, before any change.
    pub fn data_with<T: DataSource>(&mut self, name: &str, body: T, meta: Meta) -> Ref<T> {
        let target = self.stack.add_block(
            BlockKind::Data,
            T::TYPE,
            self.path.child(name),
            self.provider.clone(),
            &body,
            meta,
        );
        Ref::new(target)
    }
}
