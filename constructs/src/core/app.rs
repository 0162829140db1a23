//! An app: the stacks one synth run produces.

use std::collections::HashSet;

use super::document::Document;
use super::error::{Diagnostics, Error};
use super::stack::Stack;

#[derive(Debug, Default)]
pub struct App {
    stacks: Vec<Stack>,
}

impl App {
    pub fn new() -> Self {
        Self::default()
    }

    pub fn add_stack(&mut self, stack: Stack) {
        self.stacks.push(stack);
    }

    pub fn stacks(&self) -> &[Stack] {
        &self.stacks
    }

    /// Synthesizes every stack; reports the errors of all of them together.
    pub fn synth(&self) -> Result<Vec<Document>, Diagnostics> {
        let mut errors = Vec::new();
        let mut names = HashSet::new();
        for stack in &self.stacks {
            if !names.insert(stack.name()) {
                errors.push(Error::DuplicateStack {
                    stack: stack.name().to_owned(),
                });
            }
        }
        let mut documents = Vec::new();
        for stack in &self.stacks {
            match stack.synth() {
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
}
