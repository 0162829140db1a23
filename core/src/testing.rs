//! Helpers for tests: synth a stack, find a resource, assert on it.

use serde_json::Value;

use crate::{Document, Stack};

/// Synthesizes `stack`, panicking with every error if it is invalid.
pub fn synth(stack: &Stack) -> Document {
    stack
        .synth()
        .unwrap_or_else(|errors| panic!("stack `{}` failed to synth:\n{errors}", stack.name()))
}

/// The body of `tf_type.id`, panicking with the ids present when it is missing.
pub fn resource<'d>(document: &'d Document, tf_type: &str, id: &str) -> &'d Value {
    document.resource(tf_type, id).unwrap_or_else(|| {
        let ids: Vec<&String> = document.resources(tf_type).map(|(id, _)| id).collect();
        panic!("no {tf_type}.{id} in the document; {tf_type} ids present: {ids:?}")
    })
}

/// The rendered error messages of a stack that must fail to synth.
pub fn synth_errors(stack: &Stack) -> Vec<String> {
    match stack.synth() {
        Ok(_) => panic!(
            "stack `{}` synthesized but was expected to fail",
            stack.name()
        ),
        Err(errors) => errors.0.iter().map(ToString::to_string).collect(),
    }
}
