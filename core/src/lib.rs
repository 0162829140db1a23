//! The drsynth kernel, in the style of the CDK for Terraform's core: app,
//! stacks, scopes, providers, typed resources and references, expressions,
//! variables, outputs, backends, moves and the JSON document. It knows no
//! provider's resources: generated bindings (`drsynth-provider-aws`)
//! implement its traits, and the DR library (`constructs`) builds on both.
//!
//! - [`Stack`] and [`Scope`]: where constructs add blocks.
//! - [`Ref`], [`Expr`]: typed references, rendered as `${...}`.
//! - [`Document`]: the checked, rendered Terraform JSON.
//! - [`testing`]: small helpers that make tests read "synth, find, assert".

#![deny(missing_docs)]

mod app;
mod arg;
mod backend;
mod document;
mod error;
mod expr;
mod graph;
mod id;
mod list;
mod moved;
mod output;
mod provider;
mod reference;
mod resource;
mod scope;
mod stack;
mod text_reference;
mod variable;

#[cfg(test)]
mod fixtures;
pub mod testing;

pub use app::App;
pub use arg::{Arg, Number};
pub use backend::Backend;
pub use document::{AWS_PROVIDER_VERSION, Document, REQUIRED_TERRAFORM, Suppression};
pub use error::{Diagnostics, Error};
pub use expr::Expr;
pub use graph::{ConstructGraph, GraphNode};
pub use id::{ConstructPath, LogicalId};
pub use list::List;
pub use moved::{Moved, Removed};
pub use output::Output;
pub use provider::{AwsProvider, OtherProvider, ProviderRef};
pub use reference::{Block, BlockKind, Dependency, Ref, Reference, Target};
pub use resource::{DataSource, Lifecycle, Meta, Postcondition, RawBlock, Resource};
pub use scope::Scope;
pub use stack::Stack;
pub use variable::{Validation, Variable};
