//! The payments app as synth and the tests build it: one stack with the
//! app's providers and one deployment of the whole system (or, to measure
//! synth at scale, many), and what synth checks it against. A deployment
//! is composed in `deployment.rs` from its pieces.

use constructs::Synthesis;
use constructs::core::{App, Diagnostics, Stack};
use constructs::dr::failover_dns::drill_variable;

use crate::config::Config;
use crate::deployment::{Deployment, DeploymentProps};
use crate::emulator;
use crate::flags::{PaymentsFlags, Target};
use crate::outputs::outputs;
use crate::providers::Providers;

pub use crate::storage::{REGION_ATTRIBUTE, TRANSACTION_KEY, WRITTEN_AT_ATTRIBUTE};

/// The name of the stack (and of its state).
pub const STACK_NAME: &str = "payments";

/// The construct at each top-level path of the app, for diagrams.
pub const CONSTRUCT_KINDS: [(&str, &str); 9] = [
    ("encryption", "RegionalKeys"),
    ("primary", "RegionalStack"),
    ("secondary", "RegionalStack"),
    ("transactions", "GlobalTable"),
    ("conflicts", "GlobalTable"),
    ("documents", "ReplicatedBucket"),
    ("dns", "FailoverDns"),
    ("queue_replication", "QueueReplication"),
    ("monitoring", "Monitoring"),
];

/// The payments app for the settings `flags` ask for, with what synth
/// checks it against: the rules read it with its environment suffix and
/// profile, the DR report adds its authorization behaviour and gaps, and
/// the emulator target adapts the checked document.
pub fn synthesize(flags: &PaymentsFlags) -> Result<Synthesis, String> {
    synthesize_with(flags, payments_app)
}

/// Builds an app from the payments settings: [`payments_app`], or another
/// one (tests feed the CLI invalid apps this way).
pub type AppBuilder = fn(&Config) -> Result<App, Diagnostics>;

/// [`synthesize`] with the app `builder` makes instead of the payments app
/// (`--scale` still copies the payments app).
pub fn synthesize_with(flags: &PaymentsFlags, builder: AppBuilder) -> Result<Synthesis, String> {
    let mut config = crate::settings::resolve(flags)?;
    let emulated = flags.target == Target::Emulator;
    let recovery_control_left_out = emulated && config.recovery_control;
    if emulated {
        config = emulator::config(&config).map_err(|d| d.error_lines())?;
    }
    if flags.scale.is_some() && config.recovery_control {
        return Err(
            "error: --scale copies the whole deployment, and every copy would create an ARC cluster \
             (an account holds two); measure without --recovery-control"
                .to_owned(),
        );
    }
    let app = match flags.scale {
        Some(copies) => scaled_payments_app(&config, usize::from(copies)),
        None => config.validate().and_then(|()| builder(&config)),
    }
    .map_err(|d| d.error_lines())?;
    let mut synthesis = Synthesis::new(
        "drsynth: payments API, active-passive across two regions",
        app,
        config.rules_context(),
    );
    synthesis.rto_target_seconds = config.rto_target_seconds;
    synthesis.report_notes.insert(
        "authorization_on_failover".to_owned(),
        config.authorization_on_failover(),
    );
    synthesis
        .report_notes
        .insert("failback".to_owned(), config.failback());
    synthesis.report_gaps = config.gaps();
    synthesis.warnings = config.warnings(!emulated);
    if recovery_control_left_out {
        synthesis
            .warnings
            .push(emulator::RECOVERY_CONTROL_LEFT_OUT.to_owned());
    }
    synthesis.construct_kinds = CONSTRUCT_KINDS
        .iter()
        .map(|(path, kind)| ((*path).to_owned(), (*kind).to_owned()))
        .collect();
    synthesis.adapt = emulated.then_some(emulator::adapt as fn(_) -> _);
    Ok(synthesis)
}

/// Builds the payments DR app for `config`; invalid settings are refused
/// before anything is built.
pub fn payments_app(config: &Config) -> Result<App, Diagnostics> {
    config.validate()?;
    let mut stack = Stack::new(STACK_NAME);
    stack.set_backend(config.backend.clone());
    let providers = Providers::declare(&mut stack, config);
    let mut root = stack.scope(&providers.primary);
    // With recovery control, failover is rehearsed on the routing controls.
    let drill = (!config.recovery_control).then(|| drill_variable(&mut root));
    let deployment = Deployment::new(
        &mut root,
        DeploymentProps {
            config,
            providers: &providers,
            drill: drill.as_ref(),
        },
    );
    for (name, output) in outputs(&deployment, config) {
        root.output(&name, output);
    }
    let mut app = App::new();
    app.add_stack(stack);
    Ok(app)
}

/// `copies` deployments of the app in one stack, with the environment
/// suffixes `<env>-1`, `<env>-2`, ... (the environment stays a word of each
/// name, as NAM001 reads it), each under its own scope `env-<suffix>`
/// and with its outputs prefixed `env_<suffix>_`; the providers (and their
/// default tags) are those of `config`. For measuring synth at scale.
pub fn scaled_payments_app(config: &Config, copies: usize) -> Result<App, Diagnostics> {
    config.validate()?;
    let mut stack = Stack::new(STACK_NAME);
    let providers = Providers::declare(&mut stack, config);
    let mut root = stack.scope(&providers.primary);
    // One switch drills every deployment of the stack.
    let drill = (!config.recovery_control).then(|| drill_variable(&mut root));
    for copy in 1..=copies {
        let copy = Config {
            env: format!("{}-{copy}", config.env),
            ..config.clone()
        };
        copy.validate()?;
        let prefix = format!("env_{}", copy.env.replace('-', "_"));
        let deployment = Deployment::new(
            &mut root.child(&format!("env-{}", copy.env)),
            DeploymentProps {
                config: &copy,
                providers: &providers,
                drill: drill.as_ref(),
            },
        );
        for (name, output) in outputs(&deployment, &copy) {
            root.output(&format!("{prefix}_{name}"), output);
        }
    }
    let mut app = App::new();
    app.add_stack(stack);
    Ok(app)
}
