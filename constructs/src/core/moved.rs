//! `moved` blocks: a renamed construct keeps its resources.

use serde::Serialize;

/// `moved { from = <old address>, to = <new address> }`.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize)]
pub struct Moved {
    pub from: String,
    pub to: String,
}
