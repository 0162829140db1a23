//! The payment function: `POST /payment` stores a transaction exactly once,
//! `GET /health` proves the region's table answers.

pub mod amount;
pub mod currency;
pub mod dynamo;
pub mod health;
pub mod request;
pub mod response;
pub mod router;
pub mod settings;
pub mod store;
