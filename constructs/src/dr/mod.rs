//! The disaster-recovery constructs and the payments app built from them.

pub mod config;
pub mod emulator;
pub mod encryption;
pub mod failover_dns;
pub mod global_table;
pub mod monitoring;
pub mod names;
pub mod payments_app;
pub mod queue_replication;
pub mod regional_stack;
pub mod replicated_bucket;
pub mod report;
pub mod rust_function;
pub mod service_role;

pub use config::Config;
pub use payments_app::payments_app;
