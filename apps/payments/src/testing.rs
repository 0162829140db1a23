//! Settings tests of the payments app share.

use constructs::core::Backend;

use crate::config::{Config, Profile};

/// The production profile with the remote state it requires (an S3 bucket
/// that exists outside the stack).
pub fn production_config() -> Config {
    Config {
        profile: Profile::Production,
        backend: Backend::S3 {
            bucket: "acme-terraform-state".to_owned(),
            key: "drsynth/dev/terraform.tfstate".to_owned(),
            region: "us-east-1".to_owned(),
            encrypt: true,
            use_lockfile: true,
        },
        ..Config::default()
    }
}
