//! Amazon VPC.

use serde::Serialize;

use super::Tags;
use crate::core::Expr;
use crate::terraform_type;

/// `aws_vpc`.
#[derive(Clone, Debug, Serialize)]
pub struct Vpc {
    /// The IPv4 address range, e.g. `10.0.0.0/16`.
    pub cidr_block: String,
    /// Lets the Amazon DNS server resolve names in the VPC.
    pub enable_dns_support: bool,
    /// Gives instances with public IP addresses public DNS hostnames.
    pub enable_dns_hostnames: bool,
    /// Tags on the VPC.
    #[serde(skip_serializing_if = "Tags::is_empty")]
    pub tags: Tags,
}
terraform_type!(resource Vpc = "aws_vpc" { id, arn });

/// `aws_subnet`.
#[derive(Clone, Debug, Serialize)]
pub struct Subnet {
    /// The VPC the subnet is in.
    pub vpc_id: Expr,
    /// The IPv4 address range, within the VPC's.
    pub cidr_block: String,
    /// Gives instances launched in the subnet a public IP address.
    pub map_public_ip_on_launch: bool,
    /// Tags on the subnet.
    #[serde(skip_serializing_if = "Tags::is_empty")]
    pub tags: Tags,
}
terraform_type!(resource Subnet = "aws_subnet" { id, arn });

/// A security group with the rules given and no others.
#[derive(Clone, Debug, Serialize)]
pub struct SecurityGroup {
    /// The group's name, unique in the VPC.
    pub name: Expr,
    /// What the group is for; changing it replaces the group.
    pub description: String,
    /// The VPC the group is in.
    pub vpc_id: Expr,
    /// The outbound rules.
    pub egress: Vec<SecurityGroupRule>,
    /// The inbound rules.
    pub ingress: Vec<SecurityGroupRule>,
    /// Tags on the group.
    #[serde(skip_serializing_if = "Tags::is_empty")]
    pub tags: Tags,
}
terraform_type!(resource SecurityGroup = "aws_security_group" { id, arn });

/// Takes over the VPC's default security group and leaves it without rules,
/// so nothing placed in the VPC by default can talk to anything.
#[derive(Clone, Debug, Serialize)]
pub struct DefaultSecurityGroup {
    /// The VPC whose default group this is.
    pub vpc_id: Expr,
    /// The inbound rules; none here.
    pub ingress: Vec<SecurityGroupRule>,
    /// The outbound rules; none here.
    pub egress: Vec<SecurityGroupRule>,
    /// Tags on the group.
    #[serde(skip_serializing_if = "Tags::is_empty")]
    pub tags: Tags,
}
terraform_type!(resource DefaultSecurityGroup = "aws_default_security_group" { id });

/// `aws_flow_log`: records the IP traffic of a VPC.
#[derive(Clone, Debug, Serialize)]
pub struct FlowLog {
    /// The VPC whose traffic is logged.
    pub vpc_id: Expr,
    /// `ACCEPT`, `REJECT` or `ALL`.
    pub traffic_type: String,
    /// `cloud-watch-logs`, `s3` or `kinesis-data-firehose`.
    pub log_destination_type: String,
    /// The ARN of the log group (or bucket) the records go to.
    pub log_destination: Expr,
    /// The role the flow log service assumes to write to CloudWatch
    /// Logs.
    pub iam_role_arn: Expr,
    /// The seconds of traffic one record covers at most: 60 or 600.
    pub max_aggregation_interval: u32,
    /// Tags on the flow log.
    #[serde(skip_serializing_if = "Tags::is_empty")]
    pub tags: Tags,
}
terraform_type!(resource FlowLog = "aws_flow_log" { id });

/// An inline rule. In JSON every attribute of the block must be present.
#[derive(Clone, Debug, Serialize)]
pub struct SecurityGroupRule {
    /// What the rule allows, and why.
    pub description: String,
    /// The first port of the range (0 with protocol `-1`).
    pub from_port: u16,
    /// The last port of the range (0 with protocol `-1`).
    pub to_port: u16,
    /// `tcp`, `udp`, `icmp`, or `-1` for every protocol.
    pub protocol: String,
    /// The IPv4 ranges the rule allows.
    pub cidr_blocks: Vec<String>,
    /// The IPv6 ranges the rule allows.
    pub ipv6_cidr_blocks: Vec<String>,
    /// The managed prefix lists the rule allows.
    pub prefix_list_ids: Vec<String>,
    /// The security groups (ids) whose members the rule allows.
    pub security_groups: Vec<String>,
    /// Allows the members of the group itself (`self`).
    #[serde(rename = "self")]
    pub self_reference: bool,
}
