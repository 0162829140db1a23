//! drsynth constructs: define a multi-region disaster-recovery stack on AWS
//! in Rust and synthesize it to Terraform JSON.
//!
//! - [`core`]: the CDK-for-Terraform-style kernel (no AWS knowledge).
//! - [`aws`]: typed structs for the provider resources the constructs use.
//! - [`bindings`]: every hashicorp/aws resource and data source, generated
//!   from the provider's schema, one cargo feature per service.
//! - [`dr`]: the disaster-recovery constructs and the DR report.
//! - [`rules`]: policy rules every synthesized stack passes.
//! - [`Synthesis`]: an app with what synth checks it against.
//! - [`testing`]: small helpers that make tests read "synth, find, assert".

#![deny(missing_docs)]

pub mod aws;
pub mod bindings;
pub mod core;
pub mod dr;
pub mod rules;
mod synthesis;
pub mod testing;

pub use synthesis::{Synthesis, Synthesized};
