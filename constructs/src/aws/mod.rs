//! Typed structs for the hashicorp/aws resources and data sources drsynth
//! uses, one file per service. Field names are exactly those of the provider
//! schema (5.100); unset options are omitted; nested blocks are structs.
//! Only what the project uses is here: no generated bindings.

pub mod s3;

use std::collections::BTreeMap;

/// The `tags` argument.
pub type Tags = BTreeMap<String, String>;
