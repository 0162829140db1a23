//! Amazon API Gateway v2 (HTTP APIs).

use serde::Serialize;

use super::Tags;
use crate::core::Expr;
use crate::terraform_type;

#[derive(Clone, Debug, Serialize)]
pub struct Apigatewayv2Api {
    pub name: Expr,
    pub protocol_type: String,
    pub description: String,
    #[serde(skip_serializing_if = "Tags::is_empty")]
    pub tags: Tags,
}
terraform_type!(resource Apigatewayv2Api = "aws_apigatewayv2_api" { id, api_endpoint, execution_arn });

#[derive(Clone, Debug, Serialize)]
pub struct Apigatewayv2Integration {
    pub api_id: Expr,
    pub integration_type: String,
    pub integration_uri: Expr,
    pub integration_method: String,
    pub payload_format_version: String,
    pub timeout_milliseconds: u32,
}
terraform_type!(resource Apigatewayv2Integration = "aws_apigatewayv2_integration" { id });

#[derive(Clone, Debug, Serialize)]
pub struct Apigatewayv2Route {
    pub api_id: Expr,
    pub route_key: String,
    /// `NONE`, `JWT` or `AWS_IAM`.
    pub authorization_type: String,
    /// The authorizer, with `JWT`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub authorizer_id: Option<Expr>,
    pub target: Expr,
}
terraform_type!(resource Apigatewayv2Route = "aws_apigatewayv2_route" { id });

/// A JWT authorizer of an HTTP API.
#[derive(Clone, Debug, Serialize)]
pub struct Apigatewayv2Authorizer {
    pub api_id: Expr,
    pub name: Expr,
    /// `JWT` (or `REQUEST` for a Lambda authorizer).
    pub authorizer_type: String,
    /// Where the token is, e.g. `$request.header.Authorization`.
    pub identity_sources: Vec<String>,
    pub jwt_configuration: JwtConfiguration,
}
terraform_type!(resource Apigatewayv2Authorizer = "aws_apigatewayv2_authorizer" { id });

#[derive(Clone, Debug, Serialize)]
pub struct JwtConfiguration {
    pub issuer: String,
    pub audience: Vec<String>,
}

#[derive(Clone, Debug, Serialize)]
pub struct Apigatewayv2Stage {
    pub api_id: Expr,
    pub name: String,
    pub auto_deploy: bool,
    pub default_route_settings: RouteSettings,
    pub access_log_settings: AccessLogSettings,
    #[serde(skip_serializing_if = "Tags::is_empty")]
    pub tags: Tags,
}
terraform_type!(resource Apigatewayv2Stage = "aws_apigatewayv2_stage" { id, invoke_url });

#[derive(Clone, Debug, Serialize)]
pub struct RouteSettings {
    pub throttling_burst_limit: u32,
    pub throttling_rate_limit: f64,
    pub detailed_metrics_enabled: bool,
}

#[derive(Clone, Debug, Serialize)]
pub struct AccessLogSettings {
    pub destination_arn: Expr,
    pub format: Expr,
}

#[derive(Clone, Debug, Serialize)]
pub struct Apigatewayv2DomainName {
    pub domain_name: Expr,
    pub domain_name_configuration: DomainNameConfiguration,
    #[serde(skip_serializing_if = "Tags::is_empty")]
    pub tags: Tags,
}
terraform_type!(resource Apigatewayv2DomainName = "aws_apigatewayv2_domain_name" { id, domain_name, domain_name_configuration });

#[derive(Clone, Debug, Serialize)]
pub struct DomainNameConfiguration {
    pub certificate_arn: Expr,
    pub endpoint_type: String,
    pub security_policy: String,
}

#[derive(Clone, Debug, Serialize)]
pub struct Apigatewayv2ApiMapping {
    pub api_id: Expr,
    pub domain_name: Expr,
    pub stage: Expr,
}
terraform_type!(resource Apigatewayv2ApiMapping = "aws_apigatewayv2_api_mapping" { id });
