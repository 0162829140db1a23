//! AWS KMS.

use serde::Serialize;

use super::Tags;
use crate::core::Expr;
use crate::terraform_type;

#[derive(Clone, Debug, Serialize)]
pub struct KmsKey {
    pub description: String,
    /// `SYMMETRIC_DEFAULT` (encryption) or e.g. `ECC_NIST_P256` (signing).
    pub customer_master_key_spec: String,
    /// `ENCRYPT_DECRYPT` or `SIGN_VERIFY`.
    pub key_usage: String,
    /// Only symmetric encryption keys can rotate.
    pub enable_key_rotation: bool,
    pub deletion_window_in_days: u32,
    pub policy: Expr,
    #[serde(skip_serializing_if = "Tags::is_empty")]
    pub tags: Tags,
}
terraform_type!(resource KmsKey = "aws_kms_key" { arn, key_id });

#[derive(Clone, Debug, Serialize)]
pub struct KmsAlias {
    /// `alias/...`.
    pub name: Expr,
    pub target_key_id: Expr,
}
terraform_type!(resource KmsAlias = "aws_kms_alias" { arn });
