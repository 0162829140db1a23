//! The one integration-test binary, a module per area.

mod bindings;
mod cli;
mod configurations;
mod corrections;
mod dependencies;
mod emulator;
mod examples;
mod packaging;
mod real_account;
mod remote_state;
mod rules;
mod snapshots;
mod terraform_validate;

use constructs::core::Document;
use payments::{Config, payments_app};

/// The payments app for `config`, synthesized; panics on any error.
pub fn synth_document(config: &Config) -> Document {
    let app = payments_app(config).unwrap_or_else(|e| panic!("invalid config: {e}"));
    let mut documents = app.synth().unwrap_or_else(|e| panic!("synth failed: {e}"));
    documents.remove(0)
}
