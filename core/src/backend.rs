//! Where Terraform keeps its state.

use serde::Serialize;

/// The `backend` of the `terraform` block.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Backend {
    /// State in `terraform.tfstate` next to the configuration.
    #[default]
    Local,
    /// State in an S3 bucket that the stack itself never manages, locked with
    /// a lock file beside the state (`use_lockfile`).
    S3 {
        /// The bucket that holds the state.
        bucket: String,
        /// The object key of the state file in the bucket.
        key: String,
        /// The region of the bucket.
        region: String,
        /// Whether the state object is encrypted at rest.
        encrypt: bool,
        /// Whether Terraform locks the state with a lock file in the bucket.
        use_lockfile: bool,
    },
}

impl Backend {
    /// The JSON body of the `backend` block.
    pub(crate) fn to_value(&self) -> serde_json::Value {
        match self {
            Self::Local => serde_json::json!({ "local": {} }),
            Self::S3 { .. } => {
                serde_json::to_value(self).expect("a backend always serializes to JSON")
            }
        }
    }
}
