//! The spec's corrections, asserted on the synthesized JSON.

use std::collections::BTreeMap;

use constructs::core::Document;
use constructs::testing::resource;
use payments::Config;
use payments::config::PaymentAuth;
use serde_json::Value;

use crate::synth_document;

fn default_document() -> Document {
    synth_document(&Config::default())
}

/// `${aws_sns_topic.primary_alerts_topic.arn}` -> `primary_alerts_topic`
fn referenced_id<'a>(reference: &'a str, tf_type: &str) -> &'a str {
    let rest = reference
        .strip_prefix(&format!("${{{tf_type}."))
        .unwrap_or_else(|| panic!("{reference} is not a reference to a {tf_type}"));
    rest.split('.').next().unwrap()
}

fn provider_regions(document: &Document) -> BTreeMap<String, String> {
    document.value()["provider"]["aws"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| {
            (
                format!("aws.{}", p["alias"].as_str().unwrap()),
                p["region"].as_str().unwrap().to_owned(),
            )
        })
        .collect()
}

fn policy_statements(document: &Document) -> Vec<(String, Value)> {
    document.value()["data"]["aws_iam_policy_document"]
        .as_object()
        .unwrap()
        .iter()
        .flat_map(|(id, doc)| {
            doc["statement"]
                .as_array()
                .unwrap()
                .iter()
                .map(move |s| (id.clone(), s.clone()))
        })
        .collect()
}

#[test]
fn two_aliased_providers_with_dr_tags() {
    let document = default_document();
    let providers = document.value()["provider"]["aws"].as_array().unwrap();
    assert_eq!(providers.len(), 2);
    assert_eq!(providers[0]["alias"], "primary");
    assert_eq!(providers[0]["region"], "us-east-1");
    assert_eq!(providers[1]["region"], "us-east-2");
    assert_eq!(
        providers[1]["default_tags"]["tags"]["Region-Role"],
        "Secondary"
    );
    assert_eq!(providers[0]["default_tags"]["tags"]["DR-Tier"], "Critical");
    assert_eq!(providers[0]["default_tags"]["tags"]["Environment"], "dev");
}

#[test]
fn every_resource_is_bound_to_a_declared_provider() {
    let document = default_document();
    let regions = provider_regions(&document);
    for (tf_type, id, body) in document.all_resources() {
        let provider = body["provider"].as_str().unwrap();
        assert!(
            regions.contains_key(provider),
            "{tf_type}.{id} uses {provider}"
        );
    }
}

// Correction 1: HTTPS on the failover name through regional custom domains.
#[test]
fn failover_records_alias_regional_custom_domains_with_certificates() {
    let document = default_document();
    for role in ["primary", "secondary"] {
        let record = resource(
            &document,
            "aws_route53_record",
            &format!("dns_{role}_failover_record"),
        );
        assert_eq!(record["name"], "api.payments-dev.example.com");
        assert_eq!(record["type"], "A");
        assert!(record.get("ttl").is_none(), "alias records carry no TTL");
        assert_eq!(
            record["alias"]["name"],
            format!(
                "${{aws_apigatewayv2_domain_name.dns_{role}_custom_domain.domain_name_configuration[0].target_domain_name}}"
            )
        );
        let domain = resource(
            &document,
            "aws_apigatewayv2_domain_name",
            &format!("dns_{role}_custom_domain"),
        );
        assert_eq!(domain["provider"], format!("aws.{role}"));
        assert_eq!(
            domain["domain_name_configuration"]["endpoint_type"],
            "REGIONAL"
        );
        assert_eq!(
            domain["domain_name_configuration"]["certificate_arn"],
            format!(
                "${{aws_acm_certificate_validation.dns_{role}_certificate_validation.certificate_arn}}"
            )
        );
        let certificate = resource(
            &document,
            "aws_acm_certificate",
            &format!("dns_{role}_certificate"),
        );
        assert_eq!(
            certificate["provider"],
            format!("aws.{role}"),
            "a regional API needs a certificate in its own region"
        );
        assert_eq!(certificate["validation_method"], "DNS");
        let mapping = resource(
            &document,
            "aws_apigatewayv2_api_mapping",
            &format!("dns_{role}_api_mapping"),
        );
        assert_eq!(
            mapping["api_id"],
            format!("${{aws_apigatewayv2_api.{role}_api_http_api.id}}")
        );
    }
}

#[test]
fn without_custom_domains_failover_records_are_cnames_with_the_ttl() {
    let document = synth_document(&Config {
        custom_domains: false,
        dns_ttl_seconds: 30,
        ..Config::default()
    });
    assert_eq!(document.resources("aws_acm_certificate").count(), 0);
    assert_eq!(
        document.resources("aws_apigatewayv2_domain_name").count(),
        0
    );
    let record = resource(
        &document,
        "aws_route53_record",
        "dns_secondary_failover_record",
    );
    assert_eq!(record["type"], "CNAME");
    assert_eq!(record["ttl"], 30);
    assert_eq!(
        record["records"][0],
        "${aws_apigatewayv2_api.secondary_api_http_api.id}.execute-api.us-east-2.amazonaws.com"
    );
}

#[test]
fn an_existing_zone_is_used_instead_of_created() {
    let document = synth_document(&Config {
        hosted_zone_id: Some("Z0ABCDEF".to_owned()),
        ..Config::default()
    });
    assert_eq!(document.resources("aws_route53_zone").count(), 0);
    let record = resource(
        &document,
        "aws_route53_record",
        "dns_primary_failover_record",
    );
    assert_eq!(record["zone_id"], "Z0ABCDEF");
    assert_eq!(
        document.value()["output"]["hosted_zone_id"]["value"],
        "Z0ABCDEF"
    );
}

// Correction 2: the recovery time is computed and exposed.
#[test]
fn worst_case_recovery_time_is_an_output() {
    let document = default_document();
    assert_eq!(
        document.value()["output"]["worst_case_recovery_seconds"]["value"],
        "180"
    );
}

// Corrections 2 and 8: a health check per region, each guarding its record.
#[test]
fn both_regions_are_health_checked_and_guard_their_failover_records() {
    let document = default_document();
    for (role, failover) in [("primary", "PRIMARY"), ("secondary", "SECONDARY")] {
        let check = resource(
            &document,
            "aws_route53_health_check",
            &format!("dns_{role}_health_check"),
        );
        assert_eq!(check["type"], "HTTPS");
        // The primary's probes /health unless a failover drill is on.
        let path = match role {
            "primary" => r#"${var.failover_drill ? "/failover-drill" : "/health"}"#,
            _ => "/health",
        };
        assert_eq!(check["resource_path"], path);
        assert_eq!(check["request_interval"], 30);
        assert_eq!(check["failure_threshold"], 3);
        let record = resource(
            &document,
            "aws_route53_record",
            &format!("dns_{role}_failover_record"),
        );
        assert_eq!(record["failover_routing_policy"]["type"], failover);
        assert_eq!(record["set_identifier"], role);
        assert_eq!(
            record["health_check_id"],
            format!("${{aws_route53_health_check.dns_{role}_health_check.id}}")
        );
        let alarm = resource(
            &document,
            "aws_cloudwatch_metric_alarm",
            &format!("monitoring_health_alarms_{role}"),
        );
        assert_eq!(alarm["namespace"], "AWS/Route53");
        assert_eq!(alarm["dimensions"]["HealthCheckId"], check_reference(role));
    }
}

fn check_reference(role: &str) -> String {
    format!("${{aws_route53_health_check.dns_{role}_health_check.id}}")
}

// Correction 3: replication after versioning on both sides, RTC with
// metrics, delete markers, and locked-down buckets.
#[test]
fn bucket_replication_waits_for_versioning_and_uses_rtc() {
    let document = default_document();
    let replication = resource(
        &document,
        "aws_s3_bucket_replication_configuration",
        "documents_replication",
    );
    let depends_on: Vec<&str> = replication["depends_on"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| d.as_str().unwrap())
        .collect();
    assert!(depends_on.contains(&"aws_s3_bucket_versioning.documents_source_versioning"));
    assert!(depends_on.contains(&"aws_s3_bucket_versioning.documents_destination_versioning"));
    let rule = &replication["rule"][0];
    assert_eq!(rule["status"], "Enabled");
    assert_eq!(rule["delete_marker_replication"]["status"], "Enabled");
    assert_eq!(rule["destination"]["replication_time"]["status"], "Enabled");
    assert_eq!(
        rule["destination"]["replication_time"]["time"]["minutes"],
        15
    );
    assert_eq!(rule["destination"]["metrics"]["status"], "Enabled");
    assert_eq!(
        rule["destination"]["bucket"],
        "${aws_s3_bucket.documents_destination_bucket.arn}"
    );
    assert_eq!(
        replication["role"],
        "${aws_iam_role.documents_replication_role.arn}"
    );

    for side in ["source", "destination"] {
        let provider = if side == "source" {
            "aws.primary"
        } else {
            "aws.secondary"
        };
        let bucket = resource(
            &document,
            "aws_s3_bucket",
            &format!("documents_{side}_bucket"),
        );
        assert_eq!(bucket["provider"], provider);
        assert_eq!(bucket["force_destroy"], true);
        let versioning = resource(
            &document,
            "aws_s3_bucket_versioning",
            &format!("documents_{side}_versioning"),
        );
        assert_eq!(versioning["versioning_configuration"]["status"], "Enabled");
        let block = resource(
            &document,
            "aws_s3_bucket_public_access_block",
            &format!("documents_{side}_public_access_block"),
        );
        for setting in [
            "block_public_acls",
            "block_public_policy",
            "ignore_public_acls",
            "restrict_public_buckets",
        ] {
            assert_eq!(block[setting], true, "{side} {setting}");
        }
        let encryption = resource(
            &document,
            "aws_s3_bucket_server_side_encryption_configuration",
            &format!("documents_{side}_encryption"),
        );
        assert_eq!(
            encryption["rule"][0]["apply_server_side_encryption_by_default"]["sse_algorithm"],
            "AES256"
        );
        let policy = resource(
            &document,
            "aws_s3_bucket_policy",
            &format!("documents_{side}_policy"),
        );
        assert_eq!(
            policy["policy"],
            format!("${{data.aws_iam_policy_document.documents_{side}_policy_document.json}}")
        );
        let tls = document
            .data(
                "aws_iam_policy_document",
                &format!("documents_{side}_policy_document"),
            )
            .unwrap();
        let statement = &tls["statement"][0];
        assert_eq!(statement["effect"], "Deny");
        assert_eq!(statement["condition"][0]["variable"], "aws:SecureTransport");
        assert_eq!(statement["condition"][0]["values"][0], "false");
    }
}

#[test]
fn replication_role_names_the_exact_buckets() {
    let document = default_document();
    let policy = document
        .data(
            "aws_iam_policy_document",
            "documents_replication_permissions",
        )
        .unwrap();
    let resources: Vec<&str> = policy["statement"]
        .as_array()
        .unwrap()
        .iter()
        .flat_map(|s| s["resources"].as_array().unwrap())
        .map(|r| r.as_str().unwrap())
        .collect();
    assert_eq!(
        resources,
        [
            "${aws_s3_bucket.documents_source_bucket.arn}",
            "${aws_s3_bucket.documents_source_bucket.arn}/*",
            "${aws_s3_bucket.documents_destination_bucket.arn}/*",
        ]
    );
}

#[test]
fn global_table_has_stream_pitr_encryption_and_a_secondary_replica() {
    let document = default_document();
    let table = resource(&document, "aws_dynamodb_table", "transactions_table");
    assert_eq!(table["name"], "transactions-dev");
    assert_eq!(table["hash_key"], "transaction_id");
    assert_eq!(
        table["attribute"][0],
        serde_json::json!({"name": "transaction_id", "type": "S"})
    );
    assert_eq!(table["billing_mode"], "PAY_PER_REQUEST");
    assert_eq!(table["stream_view_type"], "NEW_AND_OLD_IMAGES");
    assert_eq!(table["point_in_time_recovery"]["enabled"], true);
    assert_eq!(table["server_side_encryption"]["enabled"], true);
    assert_eq!(table["deletion_protection_enabled"], false);
    assert_eq!(
        table["replica"],
        // Tagged for its own region, not with the table's tags (each_replica_carries_the_tags_of_its_own_region).
        serde_json::json!([{"region_name": "us-east-2", "point_in_time_recovery": true, "propagate_tags": false}])
    );
}

// Correction 4 (wiring): Rust handlers on provided.al2023.
#[test]
fn functions_run_rust_packages_on_al2023() {
    let document = default_document();
    let functions: Vec<_> = document.resources("aws_lambda_function").collect();
    assert_eq!(
        functions.len(),
        5,
        "payment and conflict detector in each region, and the replicator"
    );
    for (id, function) in functions {
        assert_eq!(function["runtime"], "provided.al2023", "{id}");
        assert_eq!(function["handler"], "bootstrap", "{id}");
        assert_eq!(
            function["architectures"],
            serde_json::json!(["x86_64"]),
            "{id}"
        );
        let filename = function["filename"].as_str().unwrap();
        assert!(
            filename.starts_with("${path.module}/lambda/") && filename.ends_with(".zip"),
            "{id}"
        );
        assert_eq!(
            function["source_code_hash"],
            format!("${{filebase64sha256(\"{filename}\")}}"),
            "{id}"
        );
        let log_group = function["logging_config"]["log_group"].as_str().unwrap();
        assert!(
            function["depends_on"]
                .as_array()
                .unwrap()
                .iter()
                .any(|d| log_group.contains(d.as_str().unwrap()))
        );
    }
}

// Correction 6 (infrastructure): no message is silently dropped.
#[test]
fn queues_dead_letter_and_replicator_reports_item_failures() {
    let document = default_document();
    for role in ["primary", "secondary"] {
        let queue = resource(&document, "aws_sqs_queue", &format!("{role}_queue_main"));
        assert_eq!(queue["sqs_managed_sse_enabled"], true);
        let redrive = queue["redrive_policy"].as_str().unwrap();
        assert!(
            redrive.contains(&format!("${{aws_sqs_queue.{role}_queue_dead_letter.arn}}")),
            "{redrive}"
        );
        assert!(redrive.contains("\"maxReceiveCount\" = 5"), "{redrive}");
        let dead_letter = resource(
            &document,
            "aws_sqs_queue",
            &format!("{role}_queue_dead_letter"),
        );
        assert_eq!(dead_letter["sqs_managed_sse_enabled"], true);
    }
    let trigger = resource(
        &document,
        "aws_lambda_event_source_mapping",
        "queue_replication_trigger",
    );
    assert_eq!(
        trigger["event_source_arn"],
        "${aws_sqs_queue.primary_queue_main.arn}"
    );
    assert_eq!(
        trigger["function_response_types"],
        serde_json::json!(["ReportBatchItemFailures"])
    );
    let replicator = resource(
        &document,
        "aws_lambda_function",
        "queue_replication_function",
    );
    assert_eq!(
        replicator["environment"]["variables"]["DEST_QUEUE_URL"],
        "${aws_sqs_queue.secondary_queue_main.url}"
    );
    assert_eq!(
        replicator["environment"]["variables"]["DEST_QUEUE_REGION"],
        "us-east-2"
    );
}

// Correction 7: every alarm acts on a topic in its own region; Route 53
// health-check alarms live in us-east-1.
#[test]
fn every_alarm_notifies_a_topic_in_its_own_region() {
    for config in [
        Config::default(),
        Config {
            primary_region: "eu-west-1".to_owned(),
            secondary_region: "eu-central-1".to_owned(),
            ..Config::default()
        },
    ] {
        let document = synth_document(&config);
        let regions = provider_regions(&document);
        let alarms: Vec<_> = document.resources("aws_cloudwatch_metric_alarm").collect();
        assert!(alarms.len() >= 15, "{}", alarms.len());
        for (id, alarm) in alarms {
            let alarm_region = &regions[alarm["provider"].as_str().unwrap()];
            for action in alarm["alarm_actions"]
                .as_array()
                .unwrap()
                .iter()
                .chain(alarm["ok_actions"].as_array().unwrap())
            {
                let topic_id = referenced_id(action.as_str().unwrap(), "aws_sns_topic");
                let topic = resource(&document, "aws_sns_topic", topic_id);
                assert_eq!(
                    &regions[topic["provider"].as_str().unwrap()],
                    alarm_region,
                    "{id} -> {topic_id}"
                );
            }
            if alarm["namespace"] == "AWS/Route53" {
                assert_eq!(alarm_region, "us-east-1", "{id}");
            }
        }
    }
}

// Correction 9: POST /payment is authorized (by a JWT, which survives a
// failover), /health is public, the stage is throttled.
#[test]
fn payment_route_requires_a_token_and_health_is_public() {
    let document = default_document();
    for role in ["primary", "secondary"] {
        let post = resource(
            &document,
            "aws_apigatewayv2_route",
            &format!("{role}_api_post_payment"),
        );
        assert_eq!(post["route_key"], "POST /payment");
        assert_eq!(post["authorization_type"], "JWT");
        let health = resource(
            &document,
            "aws_apigatewayv2_route",
            &format!("{role}_api_get_health"),
        );
        assert_eq!(health["route_key"], "GET /health");
        assert_eq!(health["authorization_type"], "NONE");
        let stage = resource(
            &document,
            "aws_apigatewayv2_stage",
            &format!("{role}_api_stage"),
        );
        assert_eq!(stage["name"], "$default");
        assert_eq!(stage["auto_deploy"], true);
        assert!(
            stage["default_route_settings"]["throttling_rate_limit"]
                .as_f64()
                .unwrap()
                > 0.0
        );
        assert!(
            stage["default_route_settings"]["throttling_burst_limit"]
                .as_u64()
                .unwrap()
                > 0
        );
        let format = stage["access_log_settings"]["format"].as_str().unwrap();
        assert!(
            serde_json::from_str::<Value>(format).is_ok(),
            "access logs are JSON: {format}"
        );
    }
    for (auth, expected) in [
        (PaymentAuth::None, "NONE"),
        (PaymentAuth::AwsIam, "AWS_IAM"),
    ] {
        let document = synth_document(&Config {
            payment_auth: auth,
            ..Config::default()
        });
        let post = resource(
            &document,
            "aws_apigatewayv2_route",
            "primary_api_post_payment",
        );
        assert_eq!(post["authorization_type"], expected);
        assert!(post.get("authorizer_id").is_none());
        assert!(document.value()["resource"]["aws_apigatewayv2_authorizer"].is_null());
    }
}

// Correction 10: exact ARNs, no wildcard actions.
#[test]
fn no_allow_statement_has_a_wildcard_action_or_resource() {
    let document = default_document();
    let statements = policy_statements(&document);
    assert!(statements.len() >= 10);
    for (id, statement) in &statements {
        let actions: Vec<&str> = statement["actions"]
            .as_array()
            .unwrap()
            .iter()
            .map(|a| a.as_str().unwrap())
            .collect();
        let resources: Vec<&str> = statement["resources"]
            .as_array()
            .map(|r| r.iter().map(|x| x.as_str().unwrap()).collect())
            .unwrap_or_default();
        assert!(
            !resources.contains(&"*"),
            "{id}: a `*` resource; nowhere in this stack does AWS lack a narrower one"
        );
        match statement["effect"].as_str().unwrap() {
            "Allow" => {
                for action in &actions {
                    assert!(!action.contains('*'), "{id}: wildcard action {action}");
                }
            }
            // The only Deny is the TLS-only bucket policy, where `s3:*` is the
            // point: every request without TLS is refused.
            "Deny" => {
                assert_eq!(actions, ["s3:*"], "{id}");
                assert_eq!(
                    statement["condition"][0]["variable"], "aws:SecureTransport",
                    "{id}"
                );
            }
            other => panic!("{id}: effect {other}"),
        }
    }
    let payment = document
        .data(
            "aws_iam_policy_document",
            "primary_payment_execution_permissions",
        )
        .unwrap();
    assert_eq!(
        payment["statement"][1]["resources"],
        serde_json::json!([
            "arn:${data.aws_partition.partition.partition}:dynamodb:us-east-1:${data.aws_caller_identity.account.account_id}:table/transactions-dev"
        ])
    );
}

#[test]
fn every_name_carries_the_environment_suffix() {
    let document = synth_document(&Config {
        env: "qa7".to_owned(),
        ..Config::default()
    });
    // API Gateway fixes the name of the `$default` stage.
    let exempt = ["aws_apigatewayv2_stage"];
    let mut checked = 0;
    for (tf_type, id, body) in document.all_resources() {
        if exempt.contains(&tf_type.as_str()) {
            continue;
        }
        for field in [
            "name",
            "bucket",
            "function_name",
            "alarm_name",
            "dashboard_name",
        ] {
            let Some(name) = body[field].as_str() else {
                continue;
            };
            let is_pure_reference =
                name.starts_with("${") && name.ends_with('}') && name.matches("${").count() == 1;
            if is_pure_reference {
                continue;
            }
            assert!(name.contains("qa7"), "{tf_type}.{id}.{field} = {name}");
            checked += 1;
        }
    }
    assert!(checked >= 40, "only {checked} names checked");
}

#[test]
fn outputs_cover_the_spec() {
    let document = default_document();
    for output in [
        "hosted_zone_id",
        "primary_api_endpoint",
        "secondary_api_endpoint",
        "dashboard_url",
        "table_name",
        "primary_bucket",
        "secondary_bucket",
        "primary_queue_url",
        "secondary_queue_url",
        "failover_api_url",
        "worst_case_recovery_seconds",
    ] {
        assert!(document.value()["output"].get(output).is_some(), "{output}");
    }
    assert_eq!(
        document.value()["output"]["failover_api_url"]["value"],
        "https://api.payments-dev.example.com"
    );
}

#[test]
fn alert_email_subscribes_to_every_topic() {
    let document = synth_document(&Config {
        alert_email: Some("oncall@example.com".to_owned()),
        ..Config::default()
    });
    let topics = document.resources("aws_sns_topic").count();
    let subscriptions: Vec<_> = document.resources("aws_sns_topic_subscription").collect();
    assert_eq!(topics, 2);
    assert_eq!(subscriptions.len(), topics);
    assert!(
        subscriptions
            .iter()
            .all(|(_, s)| s["endpoint"] == "oncall@example.com" && s["protocol"] == "email")
    );
}

#[test]
fn log_groups_keep_seven_days() {
    let document = default_document();
    let groups: Vec<_> = document.resources("aws_cloudwatch_log_group").collect();
    assert_eq!(groups.len(), 7);
    assert!(groups.iter().all(|(_, g)| g["retention_in_days"] == 7));
}
