//! Where payments are kept: a conditional write keyed on `transaction_id`.

use std::future::Future;

use serde::Serialize;

use crate::amount::Amount;

/// A payment as stored and returned to clients.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct StoredPayment {
    pub transaction_id: String,
    /// Exact, as text: `12.50`.
    #[serde(serialize_with = "amount_text")]
    pub amount: Amount,
    pub currency: String,
    /// `accepted` when this API books it; whatever the stored item says
    /// when it is read back.
    pub status: String,
    pub region: String,
    pub created_at: String,
}

fn amount_text<S: serde::Serializer>(amount: &Amount, serializer: S) -> Result<S::Ok, S::Error> {
    serializer.collect_str(amount)
}

impl StoredPayment {
    /// Whether `other` is the same payment (a retry), whenever it was made.
    pub fn same_payment(&self, other: &StoredPayment) -> bool {
        self.transaction_id == other.transaction_id
            && self.amount == other.amount
            && self.currency == other.currency
    }
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum PutOutcome {
    /// Written now.
    Created,
    /// A payment with this id already exists; here it is, unchanged.
    Exists(StoredPayment),
    /// An item with this id exists but is not a payment this API can read
    /// (another writer, an older schema). Retrying cannot change that.
    Unreadable,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum StoreError {
    /// The table refused for capacity: the client should retry later.
    Throttled,
    /// The table could not be reached or answered with an error; the detail
    /// goes to the logs, never to clients.
    Unavailable(String),
}

/// The operations the handler needs from the table.
pub trait Store: Sync {
    /// Writes `payment` unless its `transaction_id` exists.
    fn put_if_absent(
        &self,
        payment: &StoredPayment,
    ) -> impl Future<Output = Result<PutOutcome, StoreError>> + Send;

    /// A cheap request proving that this region's table takes writes, the
    /// path failover depends on.
    fn probe(&self) -> impl Future<Output = Result<(), StoreError>> + Send;
}
