//! A refused payment is visible. `/health` is unauthenticated, so when a
//! region's authorizer cannot verify tokens (the issuer or its keys
//! unreachable from that region, the issuer misconfigured) every
//! `POST /payment` is refused while the health checks stay green: Route 53
//! does not fail over and no other alarm fires. Two metric filters on the
//! region's access log count the payments asked for and those refused
//! (401 or 403), and an alarm on their ratio notifies the region's topic.

use constructs::bindings::aws::cloudwatch::{
    CloudwatchMetricAlarm, CloudwatchMetricAlarmMetricQuery, CloudwatchMetricAlarmMetricQueryMetric,
};
use constructs::bindings::aws::logs::{
    CloudwatchLogGroup, CloudwatchLogMetricFilter, CloudwatchLogMetricFilterMetricTransformation,
};
use constructs::bindings::aws::sns::SnsTopic;
use constructs::core::{Expr, Ref, Scope};

use crate::names::Names;

/// The route whose refusals are counted.
const ROUTE: &str = "POST /payment";
/// Seconds of one evaluation period; the alarm needs two in a row.
const PERIOD_SECONDS: u32 = 300;
/// Below this many payments in a period the ratio means nothing, and the
/// alarm reads 0: a few clients with expired tokens are not an outage.
const LEAST_REQUESTS: u32 = 5;
/// The share of refused payments that means the region cannot authorize.
const REFUSED_SHARE: f64 = 0.8;

/// The metric filters on `access_logs` and the alarm on their ratio,
/// notifying `topic`; `scope` is bound to the region's provider.
pub fn alarm_on_refused_payments(
    scope: &mut Scope<'_>,
    names: &Names,
    region: &str,
    access_logs: &Ref<CloudwatchLogGroup>,
    topic: &Ref<SnsTopic>,
) {
    // Per environment, so two stacks in one account never add up.
    let namespace = names.global("payments");
    let mut count = |construct: &str, name: &str, metric: &str, pattern: String| {
        scope.resource(
            construct,
            CloudwatchLogMetricFilter::new(
                access_logs.name(),
                names.regional(name, region),
                pattern,
                CloudwatchLogMetricFilterMetricTransformation {
                    default_value: Some("0".into()),
                    ..CloudwatchLogMetricFilterMetricTransformation::new(metric, &namespace, "1")
                },
            ),
        );
    };
    count(
        "requests",
        "payments-requests",
        "PaymentRequests",
        format!("{{ $.routeKey = \"{ROUTE}\" }}"),
    );
    count(
        "refusals",
        "payments-refused",
        "RefusedPayments",
        format!(
            "{{ ($.routeKey = \"{ROUTE}\") && (($.status = \"401\") || ($.status = \"403\")) }}"
        ),
    );
    let sum = |id: &str, metric: &str| CloudwatchMetricAlarmMetricQuery {
        metric: Some(CloudwatchMetricAlarmMetricQueryMetric {
            namespace: Some(Expr::literal(&namespace)),
            ..CloudwatchMetricAlarmMetricQueryMetric::new(metric, PERIOD_SECONDS, "Sum")
        }),
        return_data: Some(false.into()),
        ..CloudwatchMetricAlarmMetricQuery::new(id)
    };
    scope.resource(
        "alarm",
        CloudwatchMetricAlarm {
            alarm_description: Some(
                "Most payments in this region are refused (401 or 403 on POST /payment) while /health \
                 stays 200, so Route 53 does not fail over: the authorizer cannot verify tokens (the \
                 issuer or its keys unreachable from this region, the issuer misconfigured) or clients \
                 lack the scope; the access log's authorizerError says which"
                    .into(),
            ),
            metric_query: Some(vec![
                sum("requests", "PaymentRequests"),
                sum("refused", "RefusedPayments"),
                CloudwatchMetricAlarmMetricQuery {
                    expression: Some(Expr::literal(format!(
                        "IF(requests >= {LEAST_REQUESTS}, refused / requests, 0)"
                    ))),
                    label: Some("Share of payments refused".into()),
                    return_data: Some(true.into()),
                    ..CloudwatchMetricAlarmMetricQuery::new("refused_share")
                },
            ]),
            datapoints_to_alarm: Some(2.into()),
            threshold: Some(REFUSED_SHARE.into()),
            treat_missing_data: Some("notBreaching".into()),
            alarm_actions: Some(vec![topic.arn()].into()),
            ok_actions: Some(vec![topic.arn()].into()),
            ..CloudwatchMetricAlarm::new(
                names.regional("payments-refused", region),
                "GreaterThanOrEqualToThreshold",
                2,
            )
        },
    );
}
