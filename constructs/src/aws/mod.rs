//! Typed structs for the hashicorp/aws resources and data sources drsynth
//! uses, one file per service. Field names are exactly those of the provider
//! schema (5.100); unset options are omitted; nested blocks are structs.
//! Only what the project uses is here: no generated bindings.

pub mod acm;
pub mod apigatewayv2;
pub mod cloudwatch;
pub mod dynamodb;
pub mod ec2;
pub mod iam;
pub mod kms;
pub mod lambda;
pub mod route53;
pub mod s3;
pub mod sns;
pub mod sqs;
pub mod sts;

use std::collections::BTreeMap;

/// The `tags` argument.
pub type Tags = BTreeMap<String, String>;

/// `"Enabled"` / `"Disabled"` as many AWS settings spell it.
pub fn status(enabled: bool) -> String {
    if enabled { "Enabled" } else { "Disabled" }.to_owned()
}
