//! The whole life of a deployment, offline: synth for the emulator, init,
//! validate, plan, apply against moto, verify through the AWS API, run the
//! packaged handlers against what Terraform created, re-plan (no drift),
//! rehearse a failover drill, destroy (nothing left); then the same after
//! interrupted applies.
//!
//! Run by `make e2e` (part of `make test`), which builds the Lambda packages
//! first. Every scenario has its own emulator and scratch directory, so
//! nextest runs them side by side. Each step prints its duration.

mod deployment;
mod drill;
mod handlers;
mod renames;
mod steps;

use deployment::Deployment;
use drsynth_tests::moto::MotoServer;
use steps::Steps;

#[test]
fn deployment_lifecycle_against_the_emulator() {
    let mut steps = Steps::new("lifecycle");
    let moto = steps.run("start moto", MotoServer::start);
    let deployment = steps.run("synth --target emulator", || {
        Deployment::synth(&moto, "e2e")
    });
    steps.run("terraform init", || {
        deployment.terraform_ok(&["init", "-input=false", "-no-color"])
    });
    steps.run("terraform validate", || {
        deployment.terraform_ok(&["validate", "-no-color"])
    });
    steps.run(
        "first apply, phase 1: the zone alone (make apply-zone)",
        || deployment.apply_zone_alone(),
    );
    steps.run("phase 2: terraform plan", || {
        deployment.terraform_ok(&["plan", "-input=false", "-no-color", "-out=tfplan"])
    });
    steps.run("phase 2: terraform apply", || {
        deployment.terraform_ok(&[
            "apply",
            "-input=false",
            "-no-color",
            "-auto-approve",
            "tfplan",
        ])
    });
    steps.run("verify through the AWS API", || {
        deployment.verify_deployed()
    });
    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .unwrap();
    steps.run("payment handler against the table", || {
        runtime.block_on(handlers::payments(&moto, &deployment))
    });
    steps.run("queue replicator between the queues", || {
        runtime.block_on(handlers::replication(&moto, &deployment))
    });
    steps.run("conflict detector into the conflict table", || {
        runtime.block_on(handlers::conflicts(&moto, &deployment))
    });
    steps.run("re-plan: no drift", || deployment.assert_no_drift());
    steps.run(
        "failover drill: start and end change only the switch",
        || drill::start_and_end(&deployment),
    );
    steps.run("plan-summary refuses replacing a bucket", || {
        renames::summary_refuses_data_loss(&deployment)
    });
    steps.run("terraform destroy", || {
        deployment.destroy_and_verify_empty()
    });
    steps.summary();
}

#[test]
fn renaming_constructs_moves_resources_instead_of_replacing_them() {
    let mut steps = Steps::new("renames");
    let moto = steps.run("start moto", MotoServer::start);
    let deployment = steps.run("synth the original app", || {
        Deployment::synth_app(&moto, "e2erename", renames::original)
    });
    steps.run("terraform init and apply", || {
        deployment.terraform_ok(&["init", "-input=false", "-no-color"]);
        deployment.apply();
    });
    steps.run("rename two constructs and plan: moves only", || {
        renames::plan_shows_moves(&deployment)
    });
    steps.run("apply the moves; no drift", || {
        deployment.apply();
        deployment.assert_no_drift();
    });
    steps.run("terraform destroy", || renames::destroy(&deployment));
    steps.summary();
}

/// How many resources an interrupted apply creates before the interruption:
/// part-way through the 115, early enough to keep the one-at-a-time apply
/// short.
const CREATED_BEFORE_INTERRUPTION: usize = 10;

#[test]
fn an_apply_interrupted_by_sigint_converges_and_destroys_cleanly() {
    let mut steps = Steps::new("sigint");
    let moto = steps.run("start moto", MotoServer::start);
    let deployment = steps.run("synth --target emulator", || {
        Deployment::synth(&moto, "e2esigint")
    });
    steps.run("terraform init", || {
        deployment.terraform_ok(&["init", "-input=false", "-no-color"])
    });
    steps.run("apply interrupted (SIGINT) part-way", || {
        deployment.apply_interrupted_after_resources(CREATED_BEFORE_INTERRUPTION)
    });
    converges_and_destroys(&mut steps, &deployment);
    steps.summary();
}

#[test]
fn an_apply_cut_off_by_an_emulator_restart_converges_and_destroys_cleanly() {
    let mut steps = Steps::new("restart");
    let mut moto = steps.run("start moto", MotoServer::start);
    let deployment = steps.run("synth --target emulator", || {
        Deployment::synth(&moto, "e2erestart")
    });
    steps.run("terraform init", || {
        deployment.terraform_ok(&["init", "-input=false", "-no-color"])
    });
    steps.run("apply with the emulator stopped part-way", || {
        deployment.apply_interrupted(CREATED_BEFORE_INTERRUPTION, |_| moto.stop());
    });
    steps.run("emulator restarted (empty)", || moto.start_again());
    converges_and_destroys(&mut steps, &deployment);
    steps.summary();
}

/// After an interrupted apply: the next apply converges, everything exists
/// exactly once, a re-plan is empty, and destroy leaves nothing.
fn converges_and_destroys(steps: &mut Steps, deployment: &Deployment) {
    steps.run("apply again: converges", || deployment.apply());
    steps.run("verify: everything exactly once", || {
        deployment.verify_deployed()
    });
    steps.run("re-plan: no drift", || deployment.assert_no_drift());
    steps.run("terraform destroy", || {
        deployment.destroy_and_verify_empty()
    });
}
