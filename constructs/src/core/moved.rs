//! `moved` and `removed` blocks: a renamed construct keeps its resources,
//! and a resource another one now owns is forgotten without being
//! destroyed.

use serde::Serialize;

/// `moved { from = <old address>, to = <new address> }`.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize)]
pub struct Moved {
    pub from: String,
    pub to: String,
}

/// `removed { from = <address>, lifecycle { destroy = false } }`: Terraform
/// drops the resource from its state and leaves the real object alone.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize)]
pub struct Removed {
    pub from: String,
    pub lifecycle: RemovedLifecycle,
}

#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize)]
pub struct RemovedLifecycle {
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
