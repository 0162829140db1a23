//! `moved` and `removed` blocks: a renamed construct keeps its resources,
//! and a resource another one now owns is forgotten without being
//! destroyed.

use serde::Serialize;

/// `moved { from = <old address>, to = <new address> }`.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize)]
pub struct Moved {
    /// The address the resource had before.
    pub from: String,
    /// The address it has now.
    pub to: String,
}

/// `removed { from = <address>, lifecycle { destroy = false } }`: Terraform
/// drops the resource from its state and leaves the real object alone.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize)]
pub struct Removed {
    /// The address of the resource to forget.
    pub from: String,
    /// Whether the real object is destroyed; never, here.
    pub lifecycle: RemovedLifecycle,
}

/// The `lifecycle` block of a `removed` block.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize)]
pub struct RemovedLifecycle {
    /// `false`: Terraform leaves the object in place.
    pub destroy: bool,
}

impl Removed {
    /// Forget `address` and keep what it managed.
    pub fn keeping(address: String) -> Self {
        Self {
            from: address,
            lifecycle: RemovedLifecycle { destroy: false },
        }
    }
}
