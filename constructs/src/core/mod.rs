//! The kernel: app, stacks, providers, typed resources and references,
//! variables, outputs, backend and the JSON document. It knows nothing of AWS
//! services; `crate::aws` and `crate::dr` build on it.

mod app;
mod arg;
mod backend;
mod document;
mod error;
mod expr;
mod graph;
mod id;
mod moved;
mod output;
mod provider;
mod reference;
mod resource;
mod scope;
mod stack;
mod variable;

pub use app::App;
pub use arg::{Arg, Number};
pub use backend::Backend;
pub use document::{AWS_PROVIDER_VERSION, Document, REQUIRED_TERRAFORM, Suppression};
pub use error::{Diagnostics, Error};
pub use expr::Expr;
pub use graph::{ConstructGraph, GraphNode};
pub use id::{ConstructPath, LogicalId};
pub use moved::{Moved, Removed};
pub use output::Output;
pub use provider::{AwsProvider, OtherProvider, ProviderRef};
pub use reference::{Block, BlockKind, Dependency, Ref, Reference, Target};
pub use resource::{DataSource, Lifecycle, Meta, Postcondition, RawBlock, Resource};
pub use scope::Scope;
pub use stack::Stack;
pub use variable::{Validation, Variable};
