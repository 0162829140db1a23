//! The payments API in active-passive across two regions: the flagship app
//! built from the drsynth constructs. It owns what is particular to it: its
//! settings and their validation, physical names, the regional API,
//! function and queues, its alarms and dashboard, its outputs, the
//! production profile and the emulator target.
//!
//! `synth` (the CLI) runs it with [`synthesize`]; tests build it with
//! [`payments_app`].

pub mod app;
pub mod config;
mod deployment;
pub mod emulator;
mod failover;
pub mod flags;
mod monitoring;
pub mod names;
mod outputs;
mod providers;
mod refused_payments;
pub mod regional_stack;
mod replication;
mod settings;
mod storage;
pub mod testing;

pub use app::{AppBuilder, payments_app, scaled_payments_app, synthesize, synthesize_with};
pub use config::Config;
pub use flags::PaymentsFlags;
