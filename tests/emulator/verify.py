"""Checks, through the AWS API of the emulator, what Terraform created.

  verify.py deployed ENDPOINT OUTPUTS.json ENV ZIP_DIR   everything the spec asks, exactly once
  verify.py empty    ENDPOINT ENV                         none of the stack's resources is left

Prints one line per check and exits 1 on the first failure, naming it.
"""

import base64
import hashlib
import json
import sys

import boto3

PRIMARY, SECONDARY = "us-east-1", "us-east-2"
REGIONS = (PRIMARY, SECONDARY)


def client(service, region, endpoint):
    return boto3.client(
        service,
        region_name=region,
        endpoint_url=endpoint,
        aws_access_key_id="testing",
        aws_secret_access_key="testing",
    )


def check(condition, what, detail=""):
    if not condition:
        print(f"FAIL {what} {detail}".rstrip())
        sys.exit(1)
    print(f"ok   {what}")


def deployed(endpoint, outputs, env, zip_dir):
    out = {name: value["value"] for name, value in outputs.items()}
    c = lambda service, region=PRIMARY: client(service, region, endpoint)  # noqa: E731

    table = c("dynamodb").describe_table(TableName=out["table_name"])["Table"]
    check(table["TableName"] == f"transactions-{env}", "table carries the env suffix")
    check(table["KeySchema"] == [{"AttributeName": "transaction_id", "KeyType": "HASH"}], "table key is transaction_id")
    check(table["BillingModeSummary"]["BillingMode"] == "PAY_PER_REQUEST", "table is on demand")
    stream = table.get("StreamSpecification", {})
    check(stream.get("StreamEnabled") and stream.get("StreamViewType") == "NEW_AND_OLD_IMAGES", "table stream has new and old images")
    pitr = c("dynamodb").describe_continuous_backups(TableName=out["table_name"])
    check(pitr["ContinuousBackupsDescription"]["PointInTimeRecoveryDescription"]["PointInTimeRecoveryStatus"] == "ENABLED", "table has point-in-time recovery")

    s3 = c("s3")
    for name in (out["primary_bucket"], out["secondary_bucket"]):
        check(s3.get_bucket_versioning(Bucket=name).get("Status") == "Enabled", f"bucket {name} is versioned")
        block = s3.get_public_access_block(Bucket=name)["PublicAccessBlockConfiguration"]
        check(all(block.values()), f"bucket {name} blocks public access")
        policy = json.loads(s3.get_bucket_policy(Bucket=name)["Policy"])
        check(any(s.get("Effect") == "Deny" and "aws:SecureTransport" in json.dumps(s) for s in policy["Statement"]), f"bucket {name} denies non-TLS access")
    replication = s3.get_bucket_replication(Bucket=out["primary_bucket"])["ReplicationConfiguration"]
    check(replication["Role"].endswith(f":role/s3-replication-{PRIMARY}-{env}"), "replication uses the replication role", replication["Role"])
    rule = replication["Rules"][0]
    destination = rule["Destination"]
    check(destination["Bucket"] == f"arn:aws:s3:::{out['secondary_bucket']}", "replication goes to the secondary bucket")
    check(destination["ReplicationTime"]["Status"] == "Enabled" and destination["ReplicationTime"]["Time"]["Minutes"] == 15, "replication has RTC (15 min)")
    check(destination["Metrics"]["Status"] == "Enabled", "replication has metrics")

    for region, url in ((PRIMARY, out["primary_queue_url"]), (SECONDARY, out["secondary_queue_url"])):
        sqs = c("sqs", region)
        attributes = sqs.get_queue_attributes(QueueUrl=url, AttributeNames=["All"])["Attributes"]
        redrive = json.loads(attributes["RedrivePolicy"])
        check(redrive["deadLetterTargetArn"].endswith(f":payments-dlq-{region}-{env}") and int(redrive["maxReceiveCount"]) == 5, f"queue in {region} redrives to its DLQ after 5 receives")
        check(attributes.get("SqsManagedSseEnabled") == "true", f"queue in {region} is encrypted")

    hashes = {}
    for package in ("payment", "queue-replicator", "conflict-detector"):
        with open(f"{zip_dir}/{package}.zip", "rb") as f:
            hashes[package] = base64.b64encode(hashlib.sha256(f.read()).digest()).decode()
    functions = [(region, f"payment-{region}-{env}", "payment") for region in REGIONS]
    functions.append((PRIMARY, f"queue-replicator-{PRIMARY}-{env}", "queue-replicator"))
    functions += [(region, f"conflict-detector-{region}-{env}", "conflict-detector") for region in REGIONS]
    for region, name, package in functions:
        config = c("lambda", region).get_function(FunctionName=name)["Configuration"]
        check(config["Runtime"] == "provided.al2023" and config["Handler"] == "bootstrap", f"{name} runs bootstrap on provided.al2023")
        check(config.get("Architectures") == ["x86_64"], f"{name} is x86_64")
        check(config["CodeSha256"] == hashes[package], f"{name} runs the packaged {package}.zip")
        variables = config["Environment"]["Variables"]
        if package == "payment":
            check(variables.get("TABLE_NAME") == out["table_name"], f"{name} writes to the table")
        elif package == "conflict-detector":
            check(variables.get("CONFLICT_TABLE") == out["conflict_table_name"], f"{name} records in the conflict table")
            check(variables.get("REGION_ATTRIBUTE") == "region", f"{name} reads the region the payment function stamps")
        else:
            check(variables.get("DEST_QUEUE_URL") == out["secondary_queue_url"], f"{name} forwards to the secondary queue")
            check(variables.get("DEST_QUEUE_REGION") == SECONDARY, f"{name} calls SQS in the secondary region")
    mappings = [
        m for m in c("lambda").list_event_source_mappings()["EventSourceMappings"]
        if m["FunctionArn"].endswith(f":function:queue-replicator-{PRIMARY}-{env}")
    ]
    check(len(mappings) == 1 and mappings[0]["FunctionResponseTypes"] == ["ReportBatchItemFailures"], "replicator reports batch item failures")
    detector = [
        m for m in c("lambda").list_event_source_mappings()["EventSourceMappings"]
        if m["FunctionArn"].endswith(f":function:conflict-detector-{PRIMARY}-{env}")
    ]
    check(len(detector) == 1 and detector[0]["EventSourceArn"] == table.get("LatestStreamArn"), "the primary's conflict detector reads the table's stream")
    if detector:
        d = detector[0]
        check(d.get("StartingPosition") == "TRIM_HORIZON" and d.get("BisectBatchOnFunctionError") and d.get("MaximumRetryAttempts") == 1000, "the detector retries a failing batch 1000 times, halving it")
        failed = d.get("DestinationConfig", {}).get("OnFailure", {}).get("Destination", "")
        check(failed.endswith(f":conflict-detector-{PRIMARY}-{env}-failed-batches"), "a batch the detector gives up on goes to its failed-batches queue")
    conflicts = c("dynamodb").describe_table(TableName=out["conflict_table_name"])["Table"]
    check(conflicts["KeySchema"] == [{"AttributeName": "item_key", "KeyType": "HASH"}, {"AttributeName": "detection", "KeyType": "RANGE"}], "the conflict table is keyed on the item's key and the detection")

    token_checks = {}
    for region in REGIONS:
        api = c("apigatewayv2", region)
        apis = [a for a in api.get_apis()["Items"] if a["Name"] == f"payments-{region}-{env}"]
        check(len(apis) == 1, f"one HTTP API in {region}")
        api_id = apis[0]["ApiId"]
        routes = {r["RouteKey"]: r for r in api.get_routes(ApiId=api_id)["Items"]}
        post = routes.get("POST /payment", {})
        # moto implements GetAuthorizer, not GetAuthorizers.
        authorizer = api.get_authorizer(ApiId=api_id, AuthorizerId=post["AuthorizerId"]) if post.get("AuthorizerId") else {}
        check(
            post.get("AuthorizationType") == "JWT" and authorizer.get("AuthorizerType") == "JWT"
            and routes.get("GET /health", {}).get("AuthorizationType") == "NONE",
            f"routes in {region}: POST /payment needs a JWT, GET /health is public",
            str({k: r.get("AuthorizationType") for k, r in routes.items()}),
        )
        token_checks[region] = (
            authorizer.get("JwtConfiguration", {}).get("Issuer"),
            sorted(authorizer.get("JwtConfiguration", {}).get("Audience", [])),
            authorizer.get("IdentitySource"),
        )
    check(
        len(set(map(str, token_checks.values()))) == 1 and None not in token_checks[PRIMARY],
        "both regions verify the same issuer, audience and header: a token accepted before failover is accepted after",
        str(token_checks),
    )

    route53 = c("route53")
    checks = route53.list_health_checks()["HealthChecks"]
    ours = [h for h in checks if h["HealthCheckConfig"].get("ResourcePath") == "/health"]
    check(len(ours) == 2, "two health checks, one per region", str(len(ours)))
    for health in ours:
        config = health["HealthCheckConfig"]
        check(config["Type"] == "HTTPS" and config["RequestInterval"] == 30 and config["FailureThreshold"] == 3, "health check is HTTPS every 30 s, 3 failures")
    zone_id = out["hosted_zone_id"]
    zones = [z for z in route53.list_hosted_zones()["HostedZones"] if z["Name"] == f"payments-{env}.example.com."]
    check(len(zones) == 1, "one hosted zone")
    records = route53.list_resource_record_sets(HostedZoneId=zone_id)["ResourceRecordSets"]
    failover = {r.get("Failover"): r for r in records if r["Name"] == f"api.payments-{env}.example.com."}
    check(set(failover) == {"PRIMARY", "SECONDARY"}, "failover records PRIMARY and SECONDARY", str(list(failover)))
    check(all(r.get("HealthCheckId") in {h["Id"] for h in ours} for r in failover.values()), "each failover record is guarded by a health check")
    check(failover["PRIMARY"]["HealthCheckId"] != failover["SECONDARY"]["HealthCheckId"], "each region has its own health check")

    total = 0
    for region in REGIONS:
        alarms = [a for a in c("cloudwatch", region).describe_alarms()["MetricAlarms"] if a["AlarmName"].endswith(f"-{env}")]
        total += len(alarms)
        for alarm in alarms:
            actions = alarm["AlarmActions"] + alarm["OKActions"]
            check(actions and all(a.split(":")[3] == region for a in actions), f"alarm {alarm['AlarmName']} notifies a topic in {region}")
            # A metric-math alarm (refused payments) has no namespace of its own.
            if alarm.get("Namespace") == "AWS/Route53":
                check(region == "us-east-1", f"health alarm {alarm['AlarmName']} is in us-east-1")
        names = {a["AlarmName"] for a in alarms}
        check(f"payments-refused-{region}-{env}" in names, f"refused payments are alarmed in {region}")
        filters = [
            f for f in c("logs", region).describe_metric_filters()["metricFilters"]
            if f["filterName"] in {f"payments-refused-{region}-{env}", f"payments-requests-{region}-{env}"}
        ]
        check(
            len(filters) == 2 and all(f["logGroupName"] == f"/aws/vendedlogs/apigateway/payments-{region}-{env}" for f in filters),
            f"payments asked for and refused are counted from the access log in {region}",
            str([(f["filterName"], f["logGroupName"]) for f in filters]),
        )
    check(total >= 15, "alarms in both regions", str(total))

    for region in REGIONS:
        vpcs = c("ec2", region).describe_vpcs(Filters=[{"Name": "tag:Name", "Values": [f"payments-{region}-{env}"]}])["Vpcs"]
        check(len(vpcs) == 1, f"exactly one VPC in {region}", str(len(vpcs)))


def empty(endpoint, env):
    c = lambda service, region=PRIMARY: client(service, region, endpoint)  # noqa: E731
    left = []
    left += [t for t in c("dynamodb").list_tables()["TableNames"] if t.endswith(env)]
    left += [b["Name"] for b in c("s3").list_buckets().get("Buckets", []) if f"-{env}-" in b["Name"]]
    left += [z["Name"] for z in c("route53").list_hosted_zones()["HostedZones"] if f"-{env}." in z["Name"]]
    left += [h["Id"] for h in c("route53").list_health_checks()["HealthChecks"]]
    left += [r["RoleName"] for r in c("iam").list_roles()["Roles"] if r["RoleName"].endswith(f"-{env}")]
    for region in REGIONS:
        left += c("sqs", region).list_queues().get("QueueUrls", [])
        left += [f["FunctionName"] for f in c("lambda", region).list_functions()["Functions"]]
        left += [a["AlarmName"] for a in c("cloudwatch", region).describe_alarms()["MetricAlarms"]]
        left += [t["TopicArn"] for t in c("sns", region).list_topics()["Topics"]]
        left += [a["Name"] for a in c("apigatewayv2", region).get_apis()["Items"]]
        left += [g["logGroupName"] for g in c("logs", region).describe_log_groups()["logGroups"] if g["logGroupName"].endswith(env)]
        left += [v["VpcId"] for v in c("ec2", region).describe_vpcs(Filters=[{"Name": "tag:Name", "Values": [f"*-{env}"]}])["Vpcs"]]
    check(not left, "the emulator holds none of the stack's resources", str(left))


if __name__ == "__main__":
    if len(sys.argv) == 6 and sys.argv[1] == "deployed":
        with open(sys.argv[3]) as f:
            deployed(sys.argv[2], json.load(f), sys.argv[4], sys.argv[5])
    elif len(sys.argv) == 4 and sys.argv[1] == "empty":
        empty(sys.argv[2], sys.argv[3])
    else:
        sys.exit(__doc__)
