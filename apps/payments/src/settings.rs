//! Settings: the defaults, then the --config file, then the flags.

use std::collections::BTreeMap;
use std::fs;
use std::path::Path;

use crate::config::{Config, PaymentAuth, Profile};
use constructs::core::Backend;
use serde::Deserialize;

use crate::flags::{BackendArg, PaymentAuthArg, PaymentsFlags as Args, ProfileArg, parse_duration};

/// The config file. Unknown keys are refused, so a typo never silently falls
/// back to a default.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct FileSettings {
    env: Option<String>,
    primary_region: Option<String>,
    secondary_region: Option<String>,
    domain: Option<String>,
    hosted_zone_id: Option<String>,
    custom_domains: Option<bool>,
    health_check_interval: Option<u32>,
    health_check_threshold: Option<u32>,
    dns_ttl: Option<u32>,
    alert_email: Option<String>,
    payment_auth: Option<String>,
    jwt_issuer: Option<String>,
    jwt_audience: Option<Vec<String>>,
    jwt_scope: Option<Vec<String>>,
    payment_reserved_concurrency: Option<u32>,
    replicator_reserved_concurrency: Option<u32>,
    lambda_concurrency_quota: Option<u32>,
    profile: Option<String>,
    rto_target: Option<String>,
    recovery_control: Option<bool>,
    recovery_control_cluster: Option<String>,
    backend: Option<String>,
    state_bucket: Option<String>,
    state_key: Option<String>,
    state_region: Option<String>,
    #[serde(default)]
    tags: BTreeMap<String, String>,
}

/// The configuration `args` asks for; a config file that cannot be read or
/// parsed is an error naming the file and the fix.
pub fn resolve(args: &Args) -> Result<Config, String> {
    let file = match &args.config {
        Some(path) => read_file(path)?,
        None => FileSettings::default(),
    };
    let mut config = Config::default();
    let file_auth = match file.payment_auth.as_deref() {
        None => None,
        Some(name) => Some(
            PaymentAuth::ALL
                .into_iter()
                .find(|auth| auth.name() == name || auth.name().replace('-', "_") == name)
                .ok_or_else(|| {
                    format!(
                        "error: config file: payment_auth `{name}` is not a mode; use \"jwt\", \"aws-iam\" or \"none\""
                    )
                })?,
        ),
    };
    let file_profile = match file.profile.as_deref() {
        None => None,
        Some(name) => Some(
            Profile::ALL
                .into_iter()
                .find(|profile| profile.name() == name)
                .ok_or_else(|| {
                    format!(
                        "error: config file: profile `{name}` is not a profile; use \"default\" or \"production\""
                    )
                })?,
        ),
    };
    let file_rto = match &file.rto_target {
        Some(text) => {
            Some(parse_duration(text).map_err(|e| format!("error: config file: rto_target {e}"))?)
        }
        None => None,
    };

    set(&mut config.env, file.env, args.env.clone());
    set(
        &mut config.primary_region,
        file.primary_region,
        args.primary_region.clone(),
    );
    set(
        &mut config.secondary_region,
        file.secondary_region,
        args.secondary_region.clone(),
    );
    config.domain = args.domain.clone().or(file.domain);
    config.hosted_zone_id = args.hosted_zone_id.clone().or(file.hosted_zone_id);
    config.custom_domains = !args.no_custom_domains && file.custom_domains.unwrap_or(true);
    config.recovery_control = !args.no_recovery_control
        && (args.recovery_control || file.recovery_control.unwrap_or(false));
    config.recovery_control_cluster = args
        .recovery_control_cluster
        .clone()
        .or(file.recovery_control_cluster);
    set(
        &mut config.health_check.interval_seconds,
        file.health_check_interval,
        args.health_check_interval,
    );
    set(
        &mut config.health_check.failure_threshold,
        file.health_check_threshold,
        args.health_check_threshold,
    );
    set(&mut config.dns_ttl_seconds, file.dns_ttl, args.dns_ttl);
    config.alert_email = args.alert_email.clone().or(file.alert_email);
    let flag_auth = args.payment_auth.map(|auth| match auth {
        PaymentAuthArg::Jwt => PaymentAuth::Jwt,
        PaymentAuthArg::AwsIam => PaymentAuth::AwsIam,
        PaymentAuthArg::None => PaymentAuth::None,
    });
    set(&mut config.payment_auth, file_auth, flag_auth);
    config.jwt.issuer = args.jwt_issuer.clone().or(file.jwt_issuer);
    let flag_audience = (!args.jwt_audience.is_empty()).then(|| args.jwt_audience.clone());
    set(&mut config.jwt.audience, file.jwt_audience, flag_audience);
    let flag_scopes = (!args.jwt_scope.is_empty()).then(|| args.jwt_scope.clone());
    set(&mut config.jwt.scopes, file.jwt_scope, flag_scopes);
    // Unset means none: nothing is reserved unless asked for.
    let concurrency = &mut config.concurrency;
    concurrency.payment = args
        .payment_reserved_concurrency
        .or(file.payment_reserved_concurrency);
    concurrency.replicator = args
        .replicator_reserved_concurrency
        .or(file.replicator_reserved_concurrency);
    concurrency.account_quota = args
        .lambda_concurrency_quota
        .or(file.lambda_concurrency_quota);
    let flag_profile = args.profile.map(|profile| match profile {
        ProfileArg::Default => Profile::Default,
        ProfileArg::Production => Profile::Production,
    });
    set(&mut config.profile, file_profile, flag_profile);
    config.rto_target_seconds = args.rto_target.or(file_rto);
    config.tags = file.tags;
    config.tags.extend(args.tags.iter().cloned());
    config.backend = backend(
        args,
        &config,
        file.backend,
        file.state_bucket,
        file.state_key,
        file.state_region,
    )?;
    Ok(config)
}

/// The state backend from the flags and the file.
fn backend(
    args: &Args,
    config: &Config,
    file_kind: Option<String>,
    file_bucket: Option<String>,
    file_key: Option<String>,
    file_region: Option<String>,
) -> Result<Backend, String> {
    let kind = match (args.backend, file_kind.as_deref()) {
        (Some(BackendArg::S3), _) | (None, Some("s3")) => BackendArg::S3,
        (Some(BackendArg::Local), _) | (None, Some("local") | None) => BackendArg::Local,
        (None, Some(other)) => {
            return Err(format!(
                "error: config file: backend `{other}` is not a backend; use \"local\" or \"s3\""
            ));
        }
    };
    let bucket = args.state_bucket.clone().or(file_bucket);
    if kind == BackendArg::Local {
        return match bucket {
            Some(_) => Err("error: a state bucket is set but the backend is local; add --backend s3 (or backend = \"s3\")".to_owned()),
            None => Ok(Backend::Local),
        };
    }
    let bucket = bucket.ok_or_else(|| {
        "error: the s3 backend needs the state bucket; add --state-bucket NAME (or state_bucket in the config file)".to_owned()
    })?;
    Ok(Backend::S3 {
        bucket,
        key: args
            .state_key
            .clone()
            .or(file_key)
            .unwrap_or_else(|| format!("drsynth/{}/terraform.tfstate", config.env)),
        region: args
            .state_region
            .clone()
            .or(file_region)
            .unwrap_or_else(|| config.primary_region.clone()),
        encrypt: true,
        use_lockfile: true,
    })
}

/// The flag wins over the file, the file over the default.
fn set<T>(target: &mut T, from_file: Option<T>, from_flag: Option<T>) {
    if let Some(value) = from_flag.or(from_file) {
        *target = value;
    }
}

fn read_file(path: &Path) -> Result<FileSettings, String> {
    let text = fs::read_to_string(path).map_err(|e| {
        format!(
            "error: cannot read config file {}: {e}; pass an existing TOML file to --config",
            path.display()
        )
    })?;
    toml::from_str(&text).map_err(|e| {
        format!(
            "error: config file {} is invalid: {}; fix the file (keys are the long flags with `_` for `-`, plus a [tags] table)",
            path.display(),
            e.to_string().trim_end()
        )
    })
}
