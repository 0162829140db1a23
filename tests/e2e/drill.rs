//! A failover drill on the deployed stack, as `make drill` and `make
//! drill-end` run it: the plan of each moves the primary health check's
//! path and nothing else (`synth drill` proves it), the applied path reads
//! back from the emulator without drift, and after the end a plan without
//! the variable changes nothing.

use crate::deployment::{Deployment, synth_cli};

pub fn start_and_end(deployment: &Deployment) {
    for (value, phase) in [("true", "START"), ("false", "END")] {
        let variable = format!("failover_drill={value}");
        let plan = deployment.saved_plan_json(&["-var", &variable]);
        let plan = plan.display().to_string();
        let args = [
            "--target",
            "emulator",
            "--env",
            deployment.env.as_str(),
            "drill",
            plan.as_str(),
        ];
        let (code, watch, stderr) = synth_cli(payments::payments_app, &args);
        assert_eq!(code, 0, "the {phase} plan is only the switch: {stderr}");
        assert!(
            watch.starts_with(&format!("Failover drill: {phase}")),
            "{watch}"
        );
        assert!(
            watch.contains(&format!(
                "~ aws_route53_health_check.dns_primary_health_check  resource_path {}",
                if value == "true" {
                    "/health -> /failover-drill"
                } else {
                    "/failover-drill -> /health"
                }
            )),
            "{watch}"
        );
        assert_eq!(watch.matches("  ~ ").count(), 1, "one switch: {watch}");
        deployment.terraform_ok(&[
            "apply",
            "-input=false",
            "-no-color",
            "-auto-approve",
            "saved.tfplan",
        ]);
        if value == "true" {
            // The switch reads back as applied: no drift with the same value.
            deployment.terraform_ok(&[
                "plan",
                "-detailed-exitcode",
                "-input=false",
                "-no-color",
                "-var",
                &variable,
            ]);
        } else {
            // Ended: the regular plan (the variable's default is false)
            // changes nothing.
            deployment.assert_no_drift();
        }
        eprintln!("{}", watch.lines().take(4).collect::<Vec<_>>().join("\n"));
    }
}
