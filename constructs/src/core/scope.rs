//! A place in the construct tree, bound to a provider. Constructs take a
//! scope, create resources in it and open child scopes for their parts.

use super::error::Error;
use super::id::ConstructPath;
use super::moved::Moved;
use super::provider::ProviderRef;
use super::reference::{BlockKind, Ref};
use super::resource::{DataSource, Meta, Resource};
use super::stack::Stack;

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

    /// Adds the data source `body` as the construct `name` in this scope.
    pub fn data<T: DataSource>(&mut self, name: &str, body: T) -> Ref<T> {
        let target = self.stack.add_block(
            BlockKind::Data,
            T::TYPE,
            self.path.child(name),
            self.provider.clone(),
            &body,
            Meta::default(),
        );
        Ref::new(target)
    }
}
