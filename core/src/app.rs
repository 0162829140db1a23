//! An app: the stacks one synth run produces.

use std::collections::HashSet;

use super::document::Document;
use super::error::{Diagnostics, Error};
use super::stack::Stack;

/// The stacks of one synth run, checked together: stack names must be
/// unique, and the errors of every stack are reported at once. See
/// [`Stack`] for building one.
#[derive(Debug, Default)]
pub struct App {
    stacks: Vec<Stack>,
}

impl App {
    /// An app without stacks.
    pub fn new() -> Self {
        Self::default()
    }

    /// Adds `stack`; it is synthesized with the others.
    pub fn add_stack(&mut self, stack: Stack) {
        self.stacks.push(stack);
    }

    /// The stacks, in the order they were added.
    pub fn stacks(&self) -> &[Stack] {
        &self.stacks
    }

    /// Synthesizes every stack; reports the errors of all of them together.
    pub fn synth(&self) -> Result<Vec<Document>, Diagnostics> {
        collect(self.duplicate_names(), self.stacks.iter().map(Stack::synth))
    }

    /// The same, consuming the app (see [`Stack::into_document`]).
    pub fn into_documents(self) -> Result<Vec<Document>, Diagnostics> {
        let duplicates = self.duplicate_names();
        collect(
            duplicates,
            self.stacks.into_iter().map(Stack::into_document),
        )
    }

    fn duplicate_names(&self) -> Vec<Error> {
        let mut names = HashSet::new();
        self.stacks
            .iter()
            .filter(|stack| !names.insert(stack.name()))
            .map(|stack| Error::DuplicateStack {
                stack: stack.name().to_owned(),
            })
            .collect()
    }
}

fn collect(
    mut errors: Vec<Error>,
    results: impl Iterator<Item = Result<Document, Diagnostics>>,
) -> Result<Vec<Document>, Diagnostics> {
    let mut documents = Vec::new();
    for result in results {
        match result {
            Ok(document) => documents.push(document),
            Err(Diagnostics(found)) => errors.extend(found),
        }
    }
    if errors.is_empty() {
        Ok(documents)
    } else {
        Err(Diagnostics(errors))
    }
}
