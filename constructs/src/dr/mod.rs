//! The disaster-recovery constructs and the payments app built from them.

pub mod config;
pub mod payments_app;

pub use config::Config;
pub use payments_app::payments_app;
