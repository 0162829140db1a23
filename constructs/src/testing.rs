//! Helpers for tests: synth a stack, find a resource, assert on it.

use serde_json::Value;

use crate::core::Document;
pub use crate::core::testing::{resource, synth, synth_errors};

/// The resources and data sources whose logical ids start with `prefix`
/// (a construct's path, e.g. `documents_`), as a small document: what a
/// focused snapshot of one construct shows.
pub fn construct_subtree(document: &Document, prefix: &str) -> Value {
    let mut subtree = serde_json::Map::new();
    for section in ["data", "resource"] {
        let mut types = serde_json::Map::new();
        for (tf_type, blocks) in document.value()[section].as_object().into_iter().flatten() {
            let matching: serde_json::Map<String, Value> = blocks
                .as_object()
                .into_iter()
                .flatten()
                .filter(|(id, _)| id.starts_with(prefix))
                .map(|(id, body)| (id.clone(), body.clone()))
                .collect();
            if !matching.is_empty() {
                types.insert(tf_type.clone(), Value::Object(matching));
            }
        }
        if !types.is_empty() {
            subtree.insert(section.to_owned(), Value::Object(types));
        }
    }
    Value::Object(subtree)
}
