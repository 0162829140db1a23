//! Typed bindings generated from provider schemas by `drsynth-bindgen`:
//! every resource and data source of the pinned hashicorp/aws, one module
//! per service behind the cargo feature `aws-<service>` (`aws-all` for
//! every one). Refresh with `make bindings` (see the README).

pub mod aws;
