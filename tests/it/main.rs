//! The one integration-test binary, a module per area.

mod cli;
mod snapshots;
mod terraform_validate;
