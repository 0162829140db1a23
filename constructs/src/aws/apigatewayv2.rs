//! Amazon API Gateway v2 (HTTP APIs).

use serde::Serialize;

use super::Tags;
use crate::core::Expr;
use crate::terraform_type;

/// `aws_apigatewayv2_api`: an HTTP (or WebSocket) API.
#[derive(Clone, Debug, Serialize)]
pub struct Apigatewayv2Api {
    /// The API's name.
    pub name: Expr,
    /// `HTTP` or `WEBSOCKET`.
    pub protocol_type: String,
    /// What the API is for.
    pub description: String,
    /// Tags on the API.
    #[serde(skip_serializing_if = "Tags::is_empty")]
    pub tags: Tags,
}
terraform_type!(resource Apigatewayv2Api = "aws_apigatewayv2_api" { id, api_endpoint, execution_arn });

/// `aws_apigatewayv2_integration`: the backend that routes send requests to.
#[derive(Clone, Debug, Serialize)]
pub struct Apigatewayv2Integration {
    /// The API the integration belongs to.
    pub api_id: Expr,
    /// The kind of backend, e.g. `AWS_PROXY` for a Lambda function.
    pub integration_type: String,
    /// The backend: for a Lambda function, its invoke ARN.
    pub integration_uri: Expr,
    /// The HTTP method API Gateway calls the backend with (`POST` for
    /// Lambda).
    pub integration_method: String,
    /// The request and response format exchanged with Lambda: `1.0` or
    /// `2.0`.
    pub payload_format_version: String,
    /// How long API Gateway waits for the backend (at most 30,000 ms).
    pub timeout_milliseconds: u32,
}
terraform_type!(resource Apigatewayv2Integration = "aws_apigatewayv2_integration" { id });

/// `aws_apigatewayv2_route`: sends requests that match a method and path to
/// a target.
#[derive(Clone, Debug, Serialize)]
pub struct Apigatewayv2Route {
    /// The API the route belongs to.
    pub api_id: Expr,
    /// The method and path matched, e.g. `POST /payment`, or `$default`.
    pub route_key: String,
    /// `NONE`, `JWT` or `AWS_IAM`.
    pub authorization_type: String,
    /// The authorizer, with `JWT`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub authorizer_id: Option<Expr>,
    /// Where matching requests go: `integrations/<integration id>`.
    pub target: Expr,
}
terraform_type!(resource Apigatewayv2Route = "aws_apigatewayv2_route" { id });

/// A JWT authorizer of an HTTP API.
#[derive(Clone, Debug, Serialize)]
pub struct Apigatewayv2Authorizer {
    /// The API the authorizer belongs to.
    pub api_id: Expr,
    /// The authorizer's name.
    pub name: Expr,
    /// `JWT` (or `REQUEST` for a Lambda authorizer).
    pub authorizer_type: String,
    /// Where the token is, e.g. `$request.header.Authorization`.
    pub identity_sources: Vec<String>,
    /// The issuer and audiences a token must match.
    pub jwt_configuration: JwtConfiguration,
}
terraform_type!(resource Apigatewayv2Authorizer = "aws_apigatewayv2_authorizer" { id });

/// The `jwt_configuration` block of an authorizer.
#[derive(Clone, Debug, Serialize)]
pub struct JwtConfiguration {
    /// The URL of the token issuer (the `iss` claim).
    pub issuer: String,
    /// The accepted audiences (the `aud` claim); a token must match one.
    pub audience: Vec<String>,
}

/// `aws_apigatewayv2_stage`: a deployed stage of an API, with throttling
/// and access logging.
#[derive(Clone, Debug, Serialize)]
pub struct Apigatewayv2Stage {
    /// The API the stage belongs to.
    pub api_id: Expr,
    /// The stage name; `$default` serves the API at the root of its URL.
    pub name: String,
    /// Deploys every change to the API without an explicit deployment.
    pub auto_deploy: bool,
    /// Throttling and metrics of every route.
    pub default_route_settings: RouteSettings,
    /// Where access logs go and what one line holds.
    pub access_log_settings: AccessLogSettings,
    /// Tags on the stage.
    #[serde(skip_serializing_if = "Tags::is_empty")]
    pub tags: Tags,
}
terraform_type!(resource Apigatewayv2Stage = "aws_apigatewayv2_stage" { id, invoke_url });

/// The `default_route_settings` block of a stage.
#[derive(Clone, Debug, Serialize)]
pub struct RouteSettings {
    /// The most requests accepted at once, above the steady rate.
    pub throttling_burst_limit: u32,
    /// The steady rate of requests accepted, per second.
    pub throttling_rate_limit: f64,
    /// Publishes CloudWatch metrics per route.
    pub detailed_metrics_enabled: bool,
}

/// The `access_log_settings` block of a stage.
#[derive(Clone, Debug, Serialize)]
pub struct AccessLogSettings {
    /// The ARN of the CloudWatch log group the logs go to.
    pub destination_arn: Expr,
    /// The content of one log line, with `$context` variables.
    pub format: Expr,
}

/// `aws_apigatewayv2_domain_name`: a custom domain name for APIs in one
/// region.
#[derive(Clone, Debug, Serialize)]
pub struct Apigatewayv2DomainName {
    /// The custom domain name, e.g. `api.example.org`.
    pub domain_name: Expr,
    /// The certificate and endpoint of the domain name.
    pub domain_name_configuration: DomainNameConfiguration,
    /// Tags on the domain name.
    #[serde(skip_serializing_if = "Tags::is_empty")]
    pub tags: Tags,
}
terraform_type!(resource Apigatewayv2DomainName = "aws_apigatewayv2_domain_name" { id, domain_name, domain_name_configuration });

/// The `domain_name_configuration` block of a domain name.
#[derive(Clone, Debug, Serialize)]
pub struct DomainNameConfiguration {
    /// The ARN of the ACM certificate, in the API's region.
    pub certificate_arn: Expr,
    /// `REGIONAL`, the only type HTTP APIs support.
    pub endpoint_type: String,
    /// The TLS version and ciphers accepted: `TLS_1_2`.
    pub security_policy: String,
}

/// `aws_apigatewayv2_api_mapping`: serves a stage of an API at a custom
/// domain name.
#[derive(Clone, Debug, Serialize)]
pub struct Apigatewayv2ApiMapping {
    /// The API served.
    pub api_id: Expr,
    /// The custom domain name it is served at.
    pub domain_name: Expr,
    /// The stage of the API served.
    pub stage: Expr,
}
terraform_type!(resource Apigatewayv2ApiMapping = "aws_apigatewayv2_api_mapping" { id });
