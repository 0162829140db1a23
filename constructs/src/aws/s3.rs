//! Amazon S3.

use serde::Serialize;

use super::Tags;
use crate::core::Expr;
use crate::terraform_type;

#[derive(Clone, Debug, Serialize)]
pub struct S3Bucket {
    pub bucket: Expr,
    /// Lets `terraform destroy` delete a bucket that still holds objects.
    pub force_destroy: bool,
    #[serde(skip_serializing_if = "Tags::is_empty")]
    pub tags: Tags,
}
terraform_type!(resource S3Bucket = "aws_s3_bucket" { id, arn, bucket, bucket_regional_domain_name });

#[derive(Clone, Debug, Serialize)]
pub struct S3BucketVersioning {
    pub bucket: Expr,
    pub versioning_configuration: VersioningConfiguration,
}
terraform_type!(resource S3BucketVersioning = "aws_s3_bucket_versioning" { id });

#[derive(Clone, Debug, Serialize)]
pub struct VersioningConfiguration {
    pub status: String,
}
