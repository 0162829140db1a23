//! The queue replicator: forwards each SQS record to the secondary region's
//! queue with its message attributes, ten at a time, and reports the records
//! it could not forward so SQS retries only those (and, after the redrive
//! limit, moves them to the dead-letter queue). A partial failure never
//! fails or drops the whole batch.

pub mod forward;
pub mod settings;
pub mod sqs;
