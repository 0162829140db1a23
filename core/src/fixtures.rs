//! Two hand-written resource types for the kernel's own tests, shaped as
//! the generated bindings are: the kernel does not depend on a provider.

use serde::Serialize;

use crate::{Arg, Block, Expr, Reference, Resource};

#[derive(Clone, Debug, Serialize)]
pub struct S3Bucket {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub bucket: Option<Expr>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub force_destroy: Option<Arg<bool>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub object_lock_enabled: Option<Arg<bool>>,
}

impl S3Bucket {
    pub fn new() -> Self {
        Self {
            bucket: None,
            force_destroy: None,
            object_lock_enabled: None,
        }
    }
}

impl Resource for S3Bucket {
    const TYPE: &'static str = "aws_s3_bucket";
}

impl Block for S3Bucket {
    type Attributes = S3BucketAttributes;
}

#[derive(Clone, Debug)]
pub struct S3BucketAttributes(Reference);

impl From<Reference> for S3BucketAttributes {
    fn from(reference: Reference) -> Self {
        Self(reference)
    }
}

impl AsRef<Reference> for S3BucketAttributes {
    fn as_ref(&self) -> &Reference {
        &self.0
    }
}

impl S3BucketAttributes {
    pub fn id(&self) -> Expr {
        self.0.attr("id")
    }

    pub fn bucket(&self) -> Expr {
        self.0.attr("bucket")
    }
}

#[derive(Clone, Debug, Serialize)]
pub struct S3BucketVersioningVersioningConfiguration {
    pub status: Expr,
}

impl S3BucketVersioningVersioningConfiguration {
    pub fn new(status: impl Into<Expr>) -> Self {
        Self {
            status: status.into(),
        }
    }
}

#[derive(Clone, Debug, Serialize)]
pub struct S3BucketVersioning {
    pub bucket: Expr,
    pub versioning_configuration: S3BucketVersioningVersioningConfiguration,
}

impl S3BucketVersioning {
    pub fn new(
        bucket: impl Into<Expr>,
        versioning_configuration: S3BucketVersioningVersioningConfiguration,
    ) -> Self {
        Self {
            bucket: bucket.into(),
            versioning_configuration,
        }
    }
}

impl Resource for S3BucketVersioning {
    const TYPE: &'static str = "aws_s3_bucket_versioning";
}

impl Block for S3BucketVersioning {
    type Attributes = Reference;
}
