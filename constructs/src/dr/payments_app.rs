//! The payments API in active-passive across two regions.

use crate::aws::s3::{S3Bucket, S3BucketVersioning, VersioningConfiguration};
use crate::core::{App, AwsProvider, Diagnostics, Output, ProviderRef, Stack};

use super::config::Config;

/// Builds the payments DR app for `config`; invalid settings are refused
/// before anything is built.
pub fn payments_app(config: &Config) -> Result<App, Diagnostics> {
    config.validate()?;
    let mut stack = Stack::new("payments");
    let primary = stack.provider(regional_provider(
        config,
        "primary",
        &config.primary_region,
        "Primary",
    ));
    let secondary = stack.provider(regional_provider(
        config,
        "secondary",
        &config.secondary_region,
        "Secondary",
    ));
    for (role, provider) in [("primary", &primary), ("secondary", &secondary)] {
        let name = data_bucket(&mut stack, config, role, provider);
        stack.output(
            &format!("{role}_bucket"),
            Output::new(name, format!("The {role} data bucket")),
        );
    }
    let mut app = App::new();
    app.add_stack(stack);
    Ok(app)
}

fn regional_provider(config: &Config, alias: &str, region: &str, role: &str) -> AwsProvider {
    let mut provider = AwsProvider::new(alias, region);
    provider.default_tags = config.tags.clone();
    provider
        .tag("Environment", &config.env)
        .tag("Region-Role", role)
        .tag("DR-Tier", "Critical")
}

fn data_bucket(
    stack: &mut Stack,
    config: &Config,
    role: &str,
    provider: &ProviderRef,
) -> crate::core::Expr {
    let mut scope = stack.scope(provider);
    let mut data = scope.child(role);
    let bucket = data.resource(
        "data",
        S3Bucket {
            bucket: format!("payments-data-{}-{}", provider.region(), config.env).into(),
            force_destroy: true,
            tags: Default::default(),
        },
    );
    data.resource(
        "data_versioning",
        S3BucketVersioning {
            bucket: bucket.id(),
            versioning_configuration: VersioningConfiguration {
                status: "Enabled".to_owned(),
            },
        },
    );
    bucket.bucket()
}
