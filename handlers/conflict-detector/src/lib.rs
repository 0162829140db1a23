//! The conflict detector: reads a global table's stream in one region and
//! records every replicated write that overwrote an item written in this
//! region with other content (a payment booked in both regions across a
//! failover, or two clients reusing an id). Last-writer-wins replication
//! keeps one version; the record keeps both, for a reconciler.

pub mod conflict;
pub mod detect;
pub mod dynamo;
pub mod metric;
pub mod settings;
pub mod stream;
