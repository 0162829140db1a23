//! Amazon VPC.

use serde::Serialize;

use super::Tags;
use crate::core::Expr;
use crate::terraform_type;

#[derive(Clone, Debug, Serialize)]
pub struct Vpc {
    pub cidr_block: String,
    pub enable_dns_support: bool,
    pub enable_dns_hostnames: bool,
    #[serde(skip_serializing_if = "Tags::is_empty")]
    pub tags: Tags,
}
terraform_type!(resource Vpc = "aws_vpc" { id, arn });

#[derive(Clone, Debug, Serialize)]
pub struct Subnet {
    pub vpc_id: Expr,
    pub cidr_block: String,
    pub map_public_ip_on_launch: bool,
    #[serde(skip_serializing_if = "Tags::is_empty")]
    pub tags: Tags,
}
terraform_type!(resource Subnet = "aws_subnet" { id, arn });

/// A security group with the rules given and no others.
#[derive(Clone, Debug, Serialize)]
pub struct SecurityGroup {
    pub name: Expr,
    pub description: String,
    pub vpc_id: Expr,
    pub egress: Vec<SecurityGroupRule>,
    pub ingress: Vec<SecurityGroupRule>,
    #[serde(skip_serializing_if = "Tags::is_empty")]
    pub tags: Tags,
}
terraform_type!(resource SecurityGroup = "aws_security_group" { id, arn });

/// Takes over the VPC's default security group and leaves it without rules,
/// so nothing placed in the VPC by default can talk to anything.
#[derive(Clone, Debug, Serialize)]
pub struct DefaultSecurityGroup {
    pub vpc_id: Expr,
    pub ingress: Vec<SecurityGroupRule>,
    pub egress: Vec<SecurityGroupRule>,
    #[serde(skip_serializing_if = "Tags::is_empty")]
    pub tags: Tags,
}
terraform_type!(resource DefaultSecurityGroup = "aws_default_security_group" { id });

#[derive(Clone, Debug, Serialize)]
pub struct FlowLog {
    pub vpc_id: Expr,
    /// `ACCEPT`, `REJECT` or `ALL`.
    pub traffic_type: String,
    pub log_destination_type: String,
    pub log_destination: Expr,
    pub iam_role_arn: Expr,
    pub max_aggregation_interval: u32,
    #[serde(skip_serializing_if = "Tags::is_empty")]
    pub tags: Tags,
}
terraform_type!(resource FlowLog = "aws_flow_log" { id });

/// An inline rule. In JSON every attribute of the block must be present.
#[derive(Clone, Debug, Serialize)]
pub struct SecurityGroupRule {
    pub description: String,
    pub from_port: u16,
    pub to_port: u16,
    pub protocol: String,
    pub cidr_blocks: Vec<String>,
    pub ipv6_cidr_blocks: Vec<String>,
    pub prefix_list_ids: Vec<String>,
    pub security_groups: Vec<String>,
    #[serde(rename = "self")]
    pub self_reference: bool,
}
