//! AWS Certificate Manager.

use serde::Serialize;

use super::Tags;
use crate::core::Expr;
use crate::terraform_type;

/// `aws_acm_certificate`: a TLS certificate issued by ACM.
#[derive(Clone, Debug, Serialize)]
pub struct AcmCertificate {
    /// The fully qualified domain name the certificate is issued for.
    pub domain_name: Expr,
    /// Further names the certificate covers.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub subject_alternative_names: Vec<Expr>,
    /// How ownership of the names is proven: `DNS` or `EMAIL`.
    pub validation_method: String,
    /// Tags on the certificate.
    #[serde(skip_serializing_if = "Tags::is_empty")]
    pub tags: Tags,
}
terraform_type!(resource AcmCertificate = "aws_acm_certificate" { arn, domain_validation_options });

/// `aws_acm_certificate_validation`: waits until ACM has validated a
/// certificate, so what uses it gets an issued one.
#[derive(Clone, Debug, Serialize)]
pub struct AcmCertificateValidation {
    /// The ARN of the certificate to wait for.
    pub certificate_arn: Expr,
    /// The FQDNs of the DNS validation records, checked before waiting.
    pub validation_record_fqdns: Vec<Expr>,
}
terraform_type!(resource AcmCertificateValidation = "aws_acm_certificate_validation" { certificate_arn });
