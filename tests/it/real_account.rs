//! What AWS refuses and the emulator accepts: authorization that survives a
//! failover, domains Route 53 will not host, one validation record per
//! name, health checks through the custom domains, alarms that reach
//! someone, and the production profile's quotas, policies and state.

use constructs::core::Document;
use constructs::testing::resource;
use drsynth_tests::moto::{MotoServer, write_provider_override};
use drsynth_tests::{terraform, workspace_root, write_scratch_configuration};
use payments::Config;
use payments::config::{ConcurrencySettings, PaymentAuth};
use payments::testing::production_config;
use serde_json::Value;

use crate::synth_document;

fn owned_domain() -> Config {
    Config {
        domain: Some("pay.acme-corp.io".to_owned()),
        ..Config::default()
    }
}

fn statement<'d>(policy: &'d Value, sid: &str) -> &'d Value {
    policy["Statement"]
        .as_array()
        .unwrap()
        .iter()
        .find(|s| s["Sid"] == sid)
        .unwrap_or_else(|| panic!("no statement {sid} in {policy}"))
}

/// The `jsonencode({...})` of a key policy, read back as JSON: the rendered
/// HCL object is JSON once `=` becomes `:` (keys and values are quoted).
fn key_policy(document: &Document, id: &str) -> Value {
    let text = resource(document, "aws_kms_key", id)["policy"]
        .as_str()
        .unwrap()
        .to_owned();
    let object = text
        .strip_prefix("${jsonencode(")
        .and_then(|t| t.strip_suffix(")}"))
        .unwrap()
        .replace("\" = ", "\": ");
    serde_json::from_str(&object).unwrap_or_else(|e| panic!("{e}: {object}"))
}

#[test]
fn both_regions_accept_the_same_token() {
    let document = synth_document(&Config {
        jwt: payments::config::JwtSettings {
            issuer: Some("https://login.acme-corp.io/".to_owned()),
            audience: vec!["payments".to_owned()],
            scopes: vec!["payments/charge".to_owned(), "payments:write".to_owned()],
        },
        ..owned_domain()
    });
    let mut verifiers = Vec::new();
    for role in ["primary", "secondary"] {
        let route = resource(
            &document,
            "aws_apigatewayv2_route",
            &format!("{role}_api_post_payment"),
        );
        assert_eq!(route["authorization_type"], "JWT");
        assert_eq!(
            route["authorizer_id"],
            format!("${{aws_apigatewayv2_authorizer.{role}_api_jwt_authorizer.id}}")
        );
        // A scope, so an ID token with the audience does not pay.
        assert_eq!(
            route["authorization_scopes"],
            serde_json::json!(["payments/charge", "payments:write"])
        );
        let authorizer = resource(
            &document,
            "aws_apigatewayv2_authorizer",
            &format!("{role}_api_jwt_authorizer"),
        );
        assert_eq!(authorizer["provider"], format!("aws.{role}"));
        assert_eq!(authorizer["authorizer_type"], "JWT");
        verifiers.push((
            authorizer["jwt_configuration"].clone(),
            authorizer["identity_sources"].clone(),
        ));
    }
    // The same issuer, audience and header in both regions, none of it
    // tied to a region: a token valid before failover is valid after.
    assert_eq!(verifiers[0], verifiers[1]);
    assert_eq!(
        verifiers[0].0["issuer"], "https://login.acme-corp.io/",
        "{verifiers:?}"
    );
    assert!(!verifiers[0].0.to_string().contains("us-east"));
}

/// HTTP API JWT authorizers cannot tell access tokens from ID tokens; AWS
/// recommends requiring scopes. The default requires `payments/write`,
/// `--jwt-scope` (or `jwt_scope` in the file) names others, and a route
/// without a JWT authorizer carries none.
#[test]
fn the_payment_route_requires_a_scope_from_the_flag_or_the_file() {
    let scopes = |args: &[&str]| {
        let (mut stdout, mut stderr) = (Vec::new(), Vec::new());
        let argv = ["synth", "--stdout"].iter().chain(args).copied();
        let code = drsynth_tests::payments_cli(argv, &mut stdout, &mut stderr);
        let stderr = String::from_utf8(stderr).unwrap();
        if code != 0 {
            return Err(stderr);
        }
        let document: Value = serde_json::from_slice(&stdout).unwrap();
        let routes = &document["resource"]["aws_apigatewayv2_route"];
        let primary = routes["primary_api_post_payment"]["authorization_scopes"].clone();
        assert_eq!(
            primary, routes["secondary_api_post_payment"]["authorization_scopes"],
            "both regions require the same scopes"
        );
        Ok(primary)
    };
    assert_eq!(scopes(&[]), Ok(serde_json::json!(["payments/write"])));
    assert_eq!(
        scopes(&[
            "--jwt-scope",
            "pay",
            "--jwt-scope",
            "https://api.acme-corp.io/pay"
        ]),
        Ok(serde_json::json!(["pay", "https://api.acme-corp.io/pay"]))
    );
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("drsynth.toml");
    std::fs::write(&file, "jwt_scope = [\"orders/pay\"]\n").unwrap();
    let file = file.to_str().unwrap();
    assert_eq!(
        scopes(&["--config", file]),
        Ok(serde_json::json!(["orders/pay"]))
    );
    assert_eq!(
        scopes(&["--config", file, "--jwt-scope", "flag/wins"]),
        Ok(serde_json::json!(["flag/wins"]))
    );
    for auth in ["aws-iam", "none"] {
        assert_eq!(scopes(&["--payment-auth", auth]), Ok(Value::Null), "{auth}");
    }
    let refused = scopes(&["--jwt-scope", "two words"]).unwrap_err();
    assert!(
        refused.contains("invalid JWT scope") && refused.contains("--jwt-scope payments/write"),
        "{refused}"
    );
}

#[test]
fn an_issuer_that_fails_with_the_primary_is_refused() {
    for (issuer, problem) in [
        (
            "https://cognito-idp.us-east-1.amazonaws.com/us-east-1_AbC",
            "Cognito user pool in the primary region",
        ),
        ("http://login.acme-corp.io/", "https:// URL"),
        ("https://login.example.com/", "documentation domains"),
        ("login.acme-corp.io", "https:// URL"),
    ] {
        let config = Config {
            jwt: payments::config::JwtSettings {
                issuer: Some(issuer.to_owned()),
                ..Default::default()
            },
            ..owned_domain()
        };
        let message = config.validate().unwrap_err().to_string();
        assert!(message.contains(problem), "{issuer}: {message}");
    }
    let secondary_pool = Config {
        jwt: payments::config::JwtSettings {
            issuer: Some("https://cognito-idp.us-east-2.amazonaws.com/us-east-2_AbC".to_owned()),
            ..Default::default()
        },
        ..owned_domain()
    };
    assert_eq!(secondary_pool.validate(), Ok(()));
}

#[test]
fn iam_authorization_states_its_failover_behaviour() {
    let config = Config {
        payment_auth: PaymentAuth::AwsIam,
        alert_email: Some("oncall@acme-corp.io".to_owned()),
        ..owned_domain()
    };
    let warnings = config.warnings(true);
    assert_eq!(warnings.len(), 1, "{warnings:?}");
    assert!(warnings[0].contains("answers 403 to every payment signed for the primary"));
    // The DR report the CLI prints carries the app's statement.
    let flags = payments::PaymentsFlags {
        payment_auth: Some(payments::flags::PaymentAuthArg::AwsIam),
        ..payments::PaymentsFlags::default()
    };
    let report = cli_report(&flags);
    assert!(
        report.notes["authorization_on_failover"].contains("SigV4 signatures name their region")
    );
}

#[test]
fn placeholders_are_guarded_at_plan_and_dropped_for_the_emulator() {
    let document = synth_document(&Config::default());
    let zone = resource(&document, "aws_route53_zone", "dns_zone");
    let guard = &zone["lifecycle"]["postcondition"][0];
    assert_eq!(
        guard["condition"],
        r#"${!can(regex("(^|\\.)example\\.(com|net|org)$", self.name))}"#
    );
    assert!(
        guard["error_message"]
            .as_str()
            .unwrap()
            .contains("--hosted-zone-id")
    );
    let authorizer = resource(
        &document,
        "aws_apigatewayv2_authorizer",
        "primary_api_jwt_authorizer",
    );
    assert!(
        authorizer["lifecycle"]["postcondition"][0]["error_message"]
            .as_str()
            .unwrap()
            .contains("--jwt-issuer")
    );
    let emulated = payments::emulator::adapt(document);
    for (tf_type, id) in [
        ("aws_route53_zone", "dns_zone"),
        ("aws_apigatewayv2_authorizer", "primary_api_jwt_authorizer"),
    ] {
        assert!(resource(&emulated, tf_type, id).get("lifecycle").is_none());
    }
}

/// `terraform plan` of the AWS target against the emulator for the synth
/// command line `args`: whether it planned, and what Terraform printed (on
/// one line). A remote backend is replaced by a local one: the plan is what
/// is tested, not where its state lives.
fn plan_against(moto: &MotoServer, args: &[&str]) -> (bool, String) {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().display().to_string();
    let mut synth_args = vec!["synth", "--out", out.as_str()];
    synth_args.extend_from_slice(args);
    let (mut stdout, mut stderr) = (Vec::new(), Vec::new());
    let code = drsynth_tests::payments_cli(synth_args, &mut stdout, &mut stderr);
    assert_eq!(code, 0, "{}", String::from_utf8_lossy(&stderr));
    let main = std::fs::read_to_string(dir.path().join("main.tf.json")).unwrap();
    write_scratch_configuration(dir.path(), &main);
    write_provider_override(dir.path(), &moto.endpoint());
    std::fs::write(
        dir.path().join("backend_override.tf.json"),
        r#"{"terraform": {"backend": {"local": {}}}}"#,
    )
    .unwrap();
    let init = terraform(dir.path(), &["init", "-input=false", "-no-color"]);
    assert!(init.success, "{}", init.stderr);
    let run = terraform(
        dir.path(),
        &["plan", "-input=false", "-no-color", "-lock=false"],
    );
    // Terraform wraps long messages in a box; read them as one line.
    let output = format!("{}\n{}", run.stdout, run.stderr).replace('│', " ");
    (
        run.success,
        output.split_whitespace().collect::<Vec<_>>().join(" "),
    )
}

/// `terraform plan` of the AWS target against the emulator: the demo
/// domain and issuer stop it with the fix; a domain and issuer of one's own
/// plan cleanly.
#[test]
fn terraform_plan_refuses_the_demo_domain_and_issuer() {
    let moto = MotoServer::start();
    let (ok, output) = plan_against(&moto, &[]);
    assert!(!ok, "the demo configuration must not plan:\n{output}");
    assert!(
        output.contains("Route 53 cannot host payments-dev.example.com"),
        "{output}"
    );
    assert!(
        output.contains("is a placeholder that can issue no token"),
        "{output}"
    );
    let (ok, output) = plan_against(
        &moto,
        &[
            "--domain",
            "pay.acme-corp.io",
            "--jwt-issuer",
            "https://login.acme-corp.io/",
        ],
    );
    assert!(ok, "{output}");
}

/// The production profile on a domain the team owns, as the README's
/// "First apply on a real account" runs it.
const OWNED_PRODUCTION: [&str; 10] = [
    "--profile",
    "production",
    "--backend",
    "s3",
    "--state-bucket",
    "acme-state",
    "--domain",
    "pay.acme-corp.io",
    "--jwt-issuer",
    "https://login.acme-corp.io/",
];

/// The README's production command on a domain the team owns plans
/// against the emulator, every resource to create, with and without
/// recovery control, and outside us-east-1 (a third provider for Route 53's
/// keys and logs).
#[test]
fn production_on_an_owned_domain_plans() {
    let moto = MotoServer::start();
    let production: Vec<&str> = OWNED_PRODUCTION
        .iter()
        .chain(&["--env", "prod", "--alert-email", "oncall@acme-corp.io"])
        .copied()
        .collect();
    for extra in [
        &[][..],
        &["--recovery-control"][..],
        &[
            "--payment-reserved-concurrency",
            "100",
            "--replicator-reserved-concurrency",
            "10",
        ][..],
        &[
            "--primary-region",
            "eu-west-1",
            "--secondary-region",
            "eu-central-1",
        ][..],
    ] {
        let args: Vec<&str> = production.iter().chain(extra).copied().collect();
        let (ok, output) = plan_against(&moto, &args);
        assert!(ok, "synth {}:\n{output}", args.join(" "));
        let document = synth_command_document(&args);
        let resources: usize = document["resource"]
            .as_object()
            .unwrap()
            .values()
            .map(|blocks| blocks.as_object().unwrap().len())
            .sum();
        assert!(
            output.contains(&format!(
                "Plan: {resources} to add, 0 to change, 0 to destroy."
            )),
            "synth {}: not every one of the {resources} resources is planned:\n{output}",
            args.join(" ")
        );
    }
}

/// The document the payments command line `args` writes.
fn synth_command_document(args: &[&str]) -> Value {
    let (mut stdout, mut stderr) = (Vec::new(), Vec::new());
    let argv = ["synth", "--stdout"].iter().chain(args).copied();
    let code = drsynth_tests::payments_cli(argv, &mut stdout, &mut stderr);
    assert_eq!(code, 0, "{}", String::from_utf8_lossy(&stderr));
    serde_json::from_slice(&stdout).unwrap()
}

/// Validation records named by the certificates' domains.
fn validation_records(document: &Document) -> Vec<(String, String)> {
    document.value()["resource"]["aws_route53_record"]
        .as_object()
        .unwrap()
        .iter()
        .filter_map(|(id, record)| {
            let name = record["name"].as_str()?;
            let domain = name.split("item.domain_name == \"").nth(1)?;
            Some((id.clone(), domain.split('"').next()?.to_owned()))
        })
        .collect()
}

#[test]
fn one_validation_record_per_name() {
    let document = synth_document(&owned_domain());
    let mut names: Vec<String> = validation_records(&document)
        .into_iter()
        .map(|(_, name)| name)
        .collect();
    names.sort();
    assert_eq!(
        names,
        [
            "api-us-east-1.pay.acme-corp.io",
            "api-us-east-2.pay.acme-corp.io",
            "api.pay.acme-corp.io"
        ]
    );
    for role in ["primary", "secondary"] {
        let validation = resource(
            &document,
            "aws_acm_certificate_validation",
            &format!("dns_{role}_certificate_validation"),
        );
        assert_eq!(
            validation["validation_record_fqdns"],
            serde_json::json!([
                "${aws_route53_record.dns_certificate_validation_record.fqdn}",
                format!("${{aws_route53_record.dns_{role}_regional_validation_record.fqdn}}")
            ])
        );
    }
    // A deployed stack keeps the record: the primary's moves, the
    // secondary's is forgotten without deleting what the shared one owns.
    assert_eq!(
        document.value()["moved"],
        serde_json::json!([{
            "from": "aws_route53_record.dns_primary_certificate_validation_record",
            "to": "aws_route53_record.dns_certificate_validation_record"
        }])
    );
    let removed = document.value()["removed"].as_array().unwrap();
    assert!(removed.contains(&serde_json::json!({
        "from": "aws_route53_record.dns_secondary_certificate_validation_record",
        "lifecycle": {"destroy": false}
    })));
    assert!(!removed.iter().any(|r| {
        r["from"]
            .as_str()
            .unwrap()
            .contains("dns_primary_certificate_validation_record")
    }));
}

#[test]
fn health_checks_probe_each_regions_custom_domain() {
    let document = synth_document(&owned_domain());
    for (role, region) in [("primary", "us-east-1"), ("secondary", "us-east-2")] {
        let host = format!("api-{region}.pay.acme-corp.io");
        let check = resource(
            &document,
            "aws_route53_health_check",
            &format!("dns_{role}_health_check"),
        );
        assert_eq!(
            check["fqdn"],
            format!("${{aws_route53_record.dns_{role}_regional_record.name}}")
        );
        assert_eq!(check["enable_sni"], true);
        let record = resource(
            &document,
            "aws_route53_record",
            &format!("dns_{role}_regional_record"),
        );
        assert_eq!(record["name"], host);
        assert_eq!(
            record["alias"]["name"],
            format!(
                "${{aws_apigatewayv2_domain_name.dns_{role}_regional_domain.domain_name_configuration[0].target_domain_name}}"
            )
        );
        let domain = resource(
            &document,
            "aws_apigatewayv2_domain_name",
            &format!("dns_{role}_regional_domain"),
        );
        assert_eq!(domain["domain_name"], host);
        // The same certificate as the failover name's domain.
        assert_eq!(
            domain["domain_name_configuration"]["certificate_arn"],
            resource(
                &document,
                "aws_apigatewayv2_domain_name",
                &format!("dns_{role}_custom_domain")
            )["domain_name_configuration"]["certificate_arn"]
        );
        let certificate = resource(
            &document,
            "aws_acm_certificate",
            &format!("dns_{role}_certificate"),
        );
        assert_eq!(certificate["domain_name"], "api.pay.acme-corp.io");
        assert_eq!(
            certificate["subject_alternative_names"],
            serde_json::json!([host])
        );
        let mapping = resource(
            &document,
            "aws_apigatewayv2_api_mapping",
            &format!("dns_{role}_regional_api_mapping"),
        );
        assert_eq!(
            mapping["api_id"],
            format!("${{aws_apigatewayv2_api.{role}_api_http_api.id}}")
        );
        assert_eq!(
            check["depends_on"],
            serde_json::json!([format!(
                "aws_apigatewayv2_api_mapping.dns_{role}_regional_api_mapping"
            )])
        );
    }
    // Without custom domains there is nothing but the execute-api host.
    let plain = synth_document(&Config {
        custom_domains: false,
        ..owned_domain()
    });
    let check = resource(
        &plain,
        "aws_route53_health_check",
        "dns_primary_health_check",
    );
    assert!(
        check["fqdn"]
            .as_str()
            .unwrap()
            .contains(".execute-api.us-east-1.amazonaws.com")
    );
}

#[test]
fn health_alarms_do_not_fire_on_creation_and_a_missing_email_is_warned() {
    let document = synth_document(&Config::default());
    for role in ["primary", "secondary"] {
        let alarm = resource(
            &document,
            "aws_cloudwatch_metric_alarm",
            &format!("monitoring_health_alarms_{role}"),
        );
        assert_eq!(alarm["metric_name"], "HealthCheckStatus");
        assert_eq!(alarm["treat_missing_data"], "missing");
    }
    assert!(
        Config::default()
            .warnings(true)
            .iter()
            .any(|w| w.starts_with("no --alert-email"))
    );
    let subscribed = Config {
        alert_email: Some("oncall@acme-corp.io".to_owned()),
        jwt: payments::config::JwtSettings {
            issuer: Some("https://login.acme-corp.io/".to_owned()),
            ..Default::default()
        },
        ..owned_domain()
    };
    assert_eq!(subscribed.warnings(true), Vec::<String>::new());
}

#[test]
fn reserved_concurrency_is_a_setting_that_must_fit_the_quota() {
    // None by default: a new account's quota cannot hold any reservation.
    let unreserved = synth_document(&production_config());
    for (_, function) in unreserved.resources("aws_lambda_function") {
        assert_eq!(function.get("reserved_concurrent_executions"), None);
    }
    assert!(
        unreserved.value()["data"]
            .get("aws_servicequotas_service_quota")
            .is_none()
    );
    let trigger = resource(
        &unreserved,
        "aws_lambda_event_source_mapping",
        "queue_replication_trigger",
    );
    assert_eq!(trigger["scaling_config"]["maximum_concurrency"], 10);

    let document = synth_document(&Config {
        concurrency: ConcurrencySettings {
            payment: Some(40),
            replicator: Some(5),
            account_quota: Some(200),
        },
        ..production_config()
    });
    let function = |id: &str| resource(&document, "aws_lambda_function", id).clone();
    assert_eq!(
        function("primary_payment_function")["reserved_concurrent_executions"],
        40
    );
    assert_eq!(
        function("queue_replication_function")["reserved_concurrent_executions"],
        5
    );
    let trigger = resource(
        &document,
        "aws_lambda_event_source_mapping",
        "queue_replication_trigger",
    );
    assert_eq!(trigger["scaling_config"]["maximum_concurrency"], 5);
    let queue = resource(&document, "aws_sqs_queue", "primary_queue_main");
    assert!(
        queue["redrive_policy"]
            .as_str()
            .unwrap()
            .contains("\"maxReceiveCount\" = 10"),
        "{}",
        queue["redrive_policy"]
    );
    // The plan reads each region's real quota and holds it to the
    // reservations there plus the 100 Lambda keeps unreserved.
    for (role, needed) in [("primary", 145), ("secondary", 140)] {
        let quota = document
            .data(
                "aws_servicequotas_service_quota",
                &format!("{role}_lambda_quota_concurrent_executions"),
            )
            .unwrap_or_else(|| panic!("no quota check in the {role} region"));
        assert_eq!(quota["service_code"], "lambda");
        assert_eq!(quota["quota_code"], "L-B99A9384");
        assert_eq!(quota["provider"], format!("aws.{role}"));
        let check = &quota["lifecycle"]["postcondition"][0];
        assert_eq!(check["condition"], format!("${{self.value >= {needed}}}"));
        assert!(
            check["error_message"]
                .as_str()
                .unwrap()
                .contains(&format!("must be at least {needed}")),
            "{check}"
        );
    }

    let too_small = Config {
        concurrency: ConcurrencySettings {
            payment: Some(100),
            replicator: Some(10),
            account_quota: Some(150),
        },
        ..production_config()
    };
    let message = too_small.validate().unwrap_err().to_string();
    assert!(
        message.contains("needs a quota of at least 210 concurrent executions in us-east-1"),
        "{message}"
    );
    assert!(message.contains("--lambda-concurrency-quota"), "{message}");
    for (payment, replicator) in [(Some(0), None), (Some(100), Some(1)), (None, Some(1001))] {
        let config = Config {
            concurrency: ConcurrencySettings {
                payment,
                replicator,
                ..ConcurrencySettings::default()
            },
            ..production_config()
        };
        assert!(config.validate().is_err(), "{payment:?}/{replicator:?}");
    }
}

/// The quota check at plan time, against the emulator playing an account
/// whose quota is 150: reservations that need 210 stop the plan with the
/// fix, before anything is created; without reservations it plans.
#[test]
fn a_plan_reads_the_real_quota_and_stops_on_reservations_it_cannot_hold() {
    let moto = MotoServer::start_with(&[("MOTO_LAMBDA_CONCURRENCY_QUOTA", "150")]);
    let production = OWNED_PRODUCTION;
    let (ok, output) = plan_against(&moto, &production);
    assert!(ok, "{output}");
    let reserved: Vec<&str> = production
        .iter()
        .chain(&[
            "--payment-reserved-concurrency",
            "100",
            "--replicator-reserved-concurrency",
            "10",
        ])
        .copied()
        .collect();
    let (ok, output) = plan_against(&moto, &reserved);
    assert!(!ok, "{output}");
    assert!(
        output.contains("quota there must be at least 210")
            && output.contains(
                "Request an increase in Service Quotas (Lambda, L-B99A9384) in us-east-1"
            ),
        "{output}"
    );
}

#[test]
fn production_key_and_role_policies_follow_aws_guides() {
    let document = synth_document(&production_config());
    let dnssec = key_policy(&document, "dns_dnssec_key");
    let grant = statement(&dnssec, "Route53KeepsAGrantOnTheKey");
    assert_eq!(
        grant["Condition"],
        serde_json::json!({"Bool": {"kms:GrantIsForAWSResource": "true"}})
    );
    let sign = statement(&dnssec, "Route53SignsWithTheKey");
    assert_eq!(
        sign["Condition"]["ArnLike"]["aws:SourceArn"],
        "arn:${data.aws_partition.partition.partition}:route53:::hostedzone/*"
    );
    let data_key = key_policy(&document, "encryption_primary_key");
    let alarms = statement(&data_key, "CloudWatchAlarmsPublishToTheEncryptedTopic");
    assert_eq!(
        alarms["Condition"]["ArnLike"]["aws:SourceArn"],
        "arn:${data.aws_partition.partition.partition}:cloudwatch:us-east-1:${data.aws_caller_identity.account.account_id}:alarm:*"
    );

    let policy_document =
        |id: &str| document.value()["data"]["aws_iam_policy_document"][id].clone();
    let trust = policy_document("primary_network_flow_logs_delivery_trust");
    let conditions: Vec<(&str, &str)> = trust["statement"][0]["condition"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| (c["test"].as_str().unwrap(), c["variable"].as_str().unwrap()))
        .collect();
    assert_eq!(
        conditions,
        [
            ("StringEquals", "aws:SourceAccount"),
            ("ArnLike", "aws:SourceArn")
        ]
    );
    let permissions = policy_document("primary_network_flow_logs_delivery_permissions");
    let mut actions: Vec<&str> = permissions["statement"]
        .as_array()
        .unwrap()
        .iter()
        .flat_map(|s| s["actions"].as_array().unwrap())
        .map(|a| a.as_str().unwrap())
        .collect();
    actions.sort_unstable();
    assert_eq!(
        actions,
        [
            "logs:CreateLogGroup",
            "logs:CreateLogStream",
            "logs:DescribeLogGroups",
            "logs:DescribeLogStreams",
            "logs:PutLogEvents"
        ]
    );
    let removed = document.value()["removed"].as_array().unwrap();
    for role in ["primary", "secondary"] {
        // The group under the old name keeps its logs: forgotten, not
        // destroyed.
        assert!(removed.contains(&serde_json::json!({
            "from": format!("aws_cloudwatch_log_group.{role}_api_access_logs"),
            "lifecycle": {"destroy": false}
        })));
        let group = resource(
            &document,
            "aws_cloudwatch_log_group",
            &format!("{role}_api_vended_access_logs"),
        );
        assert!(
            group["name"]
                .as_str()
                .unwrap()
                .starts_with("/aws/vendedlogs/apigateway/"),
            "{group}"
        );
    }
}

#[test]
fn the_two_phase_first_apply_targets_the_zone_the_stack_declares() {
    let makefile = std::fs::read_to_string(workspace_root().join("Makefile")).unwrap();
    let address = "aws_route53_zone.dns_zone";
    assert!(
        makefile.contains(&format!("ZONE_ADDRESS := {address}"))
            && makefile.contains("-target=$(ZONE_ADDRESS)"),
        "make apply-zone must target {address}"
    );
    let document = synth_document(&owned_domain());
    assert!(document.resource("aws_route53_zone", "dns_zone").is_some());
}

/// After a failover the secondary takes the writes, and failback must wait
/// until they are back in the primary: both tables' replication back is
/// alarmed in the secondary, on its own topic (OK included, which is when
/// failback is safe), and the DR report says how failback is held.
#[test]
fn replication_back_to_the_primary_is_alarmed_and_failback_can_be_held() {
    let document = synth_document(&Config::default());
    for (id, table) in [
        (
            "monitoring_secondary_alarms_table_replication_latency",
            "transactions-dev",
        ),
        (
            "monitoring_secondary_alarms_conflict_table_replication_latency",
            "transaction-conflicts-dev",
        ),
    ] {
        let alarm = resource(&document, "aws_cloudwatch_metric_alarm", id);
        assert_eq!(alarm["provider"], "aws.secondary");
        assert_eq!(alarm["metric_name"], "ReplicationLatency");
        assert_eq!(
            alarm["dimensions"],
            serde_json::json!({ "ReceivingRegion": "us-east-1", "TableName": table })
        );
        for actions in ["alarm_actions", "ok_actions"] {
            assert_eq!(
                alarm[actions],
                serde_json::json!(["${aws_sns_topic.secondary_alerts_topic.arn}"]),
                "{id} {actions}"
            );
        }
    }
    let failback = |flags: payments::PaymentsFlags| {
        let report = cli_report(&flags);
        assert!(
            !report.gaps.iter().any(|g| g.contains("back to us-east-1")),
            "{:?}",
            report.gaps
        );
        report.notes["failback"].clone()
    };
    let automatic = failback(payments::PaymentsFlags::default());
    assert!(
        automatic.starts_with("automatic")
            && automatic.contains("payments-replication-latency-us-east-2-dev")
            && automatic.contains("-var failover_drill=true")
            && automatic.contains("-refresh=false"),
        "{automatic}"
    );
    let manual = failback(payments::PaymentsFlags {
        recovery_control: true,
        ..payments::PaymentsFlags::default()
    });
    assert!(
        manual.starts_with("manual: switch the primary's routing control on"),
        "{manual}"
    );
}

/// `/health` is unauthenticated, so a region whose authorizer cannot verify
/// tokens refuses every payment while Route 53 sees it healthy. Each region
/// counts the payments asked for and refused from its own access log, and
/// alarms on their share to its own topic.
#[test]
fn a_region_that_refuses_most_payments_raises_an_alarm() {
    let document = synth_document(&Config::default());
    for role in ["primary", "secondary"] {
        let access_logs =
            format!("${{aws_cloudwatch_log_group.{role}_api_vended_access_logs.name}}");
        // The filters read fields the access log writes.
        let stage = resource(
            &document,
            "aws_apigatewayv2_stage",
            &format!("{role}_api_stage"),
        );
        let format: Value =
            serde_json::from_str(stage["access_log_settings"]["format"].as_str().unwrap()).unwrap();
        assert_eq!(format["routeKey"], "$context.routeKey");
        assert_eq!(format["status"], "$context.status");
        let filter = |id: &str| {
            resource(
                &document,
                "aws_cloudwatch_log_metric_filter",
                &format!("{role}_refused_payments_{id}"),
            )
        };
        let (requests, refusals) = (filter("requests"), filter("refusals"));
        for filter in [requests, refusals] {
            assert_eq!(filter["log_group_name"], access_logs);
            assert_eq!(filter["provider"], format!("aws.{role}"));
            assert_eq!(filter["metric_transformation"]["namespace"], "payments-dev");
        }
        assert_eq!(requests["pattern"], r#"{ $.routeKey = "POST /payment" }"#);
        assert_eq!(
            refusals["pattern"],
            r#"{ ($.routeKey = "POST /payment") && (($.status = "401") || ($.status = "403")) }"#
        );
        let alarm = resource(
            &document,
            "aws_cloudwatch_metric_alarm",
            &format!("{role}_refused_payments_alarm"),
        );
        let queries = alarm["metric_query"].as_array().unwrap();
        let metrics: Vec<&Value> = queries
            .iter()
            .map(|q| &q["metric"]["metric_name"])
            .collect();
        assert_eq!(
            metrics,
            [
                &serde_json::json!("PaymentRequests"),
                &serde_json::json!("RefusedPayments"),
                &Value::Null
            ]
        );
        assert_eq!(
            queries[2]["expression"],
            "IF(requests >= 5, refused / requests, 0)"
        );
        assert_eq!(queries[2]["return_data"], true);
        assert_eq!(alarm["threshold"], 0.8);
        assert_eq!(
            alarm["comparison_operator"],
            "GreaterThanOrEqualToThreshold"
        );
        assert_eq!(
            alarm["alarm_actions"],
            serde_json::json!([format!("${{aws_sns_topic.{role}_alerts_topic.arn}}")])
        );
    }
    // Nothing to refuse without authorization.
    let open = synth_document(&Config {
        payment_auth: PaymentAuth::None,
        ..Config::default()
    });
    assert!(
        open.resources("aws_cloudwatch_log_metric_filter")
            .next()
            .is_none()
    );
}

/// A replica takes no default tags of its own region, and propagating the
/// table's tags would label the us-east-2 copy `Region-Role=Primary`: each
/// replica is tagged for its own region instead, user tags included.
#[test]
fn each_replica_carries_the_tags_of_its_own_region() {
    let document = synth_document(&Config {
        tags: [("CostCenter".to_owned(), "payments".to_owned())].into(),
        ..Config::default()
    });
    for table in ["transactions", "conflicts"] {
        let replica =
            &resource(&document, "aws_dynamodb_table", &format!("{table}_table"))["replica"][0];
        assert_eq!(replica["region_name"], "us-east-2");
        assert_eq!(replica["propagate_tags"], false, "{table}");
        let mut tags = std::collections::BTreeMap::new();
        for (_, tag) in document.resources("aws_dynamodb_tag") {
            let replica = format!(
                "${{one([for item in aws_dynamodb_table.{table}_table.replica : item if item.region_name == \"us-east-2\"]).arn}}"
            );
            if tag["resource_arn"] == replica {
                assert_eq!(tag["provider"], "aws.secondary");
                tags.insert(
                    tag["key"].as_str().unwrap().to_owned(),
                    tag["value"].as_str().unwrap().to_owned(),
                );
            }
        }
        let expected: std::collections::BTreeMap<String, String> = [
            ("CostCenter", "payments"),
            ("DR-Tier", "Critical"),
            ("Environment", "dev"),
            ("Region-Role", "Secondary"),
        ]
        .into_iter()
        .map(|(k, v)| (k.to_owned(), v.to_owned()))
        .collect();
        assert_eq!(tags, expected, "{table}");
    }
}

/// The DR report the CLI prints for `flags`.
fn cli_report(flags: &payments::PaymentsFlags) -> constructs::dr::report::DrReport {
    payments::synthesize(flags)
        .unwrap()
        .synthesize()
        .unwrap()
        .report
}
