//! AWS Certificate Manager.

use serde::Serialize;

use super::Tags;
use crate::core::Expr;
use crate::terraform_type;

#[derive(Clone, Debug, Serialize)]
pub struct AcmCertificate {
    pub domain_name: Expr,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub subject_alternative_names: Vec<Expr>,
    pub validation_method: String,
    #[serde(skip_serializing_if = "Tags::is_empty")]
    pub tags: Tags,
}
terraform_type!(resource AcmCertificate = "aws_acm_certificate" { arn, domain_validation_options });

#[derive(Clone, Debug, Serialize)]
pub struct AcmCertificateValidation {
    pub certificate_arn: Expr,
    pub validation_record_fqdns: Vec<Expr>,
}
terraform_type!(resource AcmCertificateValidation = "aws_acm_certificate_validation" { certificate_arn });
