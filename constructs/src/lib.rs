//! drsynth constructs: define a multi-region disaster-recovery stack on AWS
//! in Rust and synthesize it to Terraform JSON.
//!
//! - [`core`]: the CDK-for-Terraform-style kernel (no AWS knowledge), the
//!   crate `drsynth-core`, re-exported.
//! - [`bindings`]: every hashicorp/aws resource and data source, generated
//!   from the provider's schema, one cargo feature per service: the crate
//!   `drsynth-provider-aws`, re-exported as `bindings::aws`. Enable the
//!   services you use on that crate (`features = ["rds"]`).
//! - [`aws`]: what the schema cannot say: policy documents, key policies,
//!   the account's ARNs.
//! - [`dr`]: the disaster-recovery constructs and the DR report.
//! - [`rules`]: policy rules every synthesized stack passes.
//! - [`Synthesis`]: an app with what synth checks it against.
//! - [`testing`]: small helpers that make tests read "synth, find, assert".

#![deny(missing_docs)]

pub mod aws;
pub mod dr;
pub mod rules;
mod synthesis;
pub mod testing;

pub use drsynth_core as core;

/// Generated provider bindings.
pub mod bindings {
    pub use drsynth_provider_aws as aws;
}

pub use synthesis::{Synthesis, Synthesized};
