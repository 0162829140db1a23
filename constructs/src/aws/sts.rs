//! The account the provider acts in.

use serde::Serialize;

use crate::terraform_type;

/// `data "aws_caller_identity"`: the account id, for globally unique names
/// and for ARNs the provider does not export.
#[derive(Clone, Debug, Default, Serialize)]
pub struct CallerIdentity {}
terraform_type!(data CallerIdentity = "aws_caller_identity" { account_id });
