//! Every mistake synth can report, in one place. Each message names the
//! construct path (or setting) at fault and says how to fix it.

use std::fmt;

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum Error {
    #[error(
        "construct `{path}`: the name `{name}` is not a valid construct name; \
         start with a letter and use only letters, digits, `-` and `_`"
    )]
    InvalidConstructName { path: String, name: String },

    #[error(
        "constructs `{first}` and `{second}` both map to the logical id `{address}`; \
         rename one of them so their paths differ by more than case or punctuation"
    )]
    DuplicateLogicalId {
        address: String,
        first: String,
        second: String,
    },

    #[error(
        "construct `{from}` refers to `{to}` ({address}), which is not part of stack `{stack}`; \
         create `{to}` in stack `{stack}`, or pass its value in through a variable"
    )]
    DanglingReference {
        from: String,
        to: String,
        address: String,
        stack: String,
    },

    #[error(
        "construct `{path}` is bound to provider `aws.{alias}`, which stack `{stack}` does not declare \
         (declared: {declared}); declare it with `Stack::provider` or bind the construct to a declared one"
    )]
    UnknownProvider {
        path: String,
        alias: String,
        stack: String,
        declared: String,
    },

    #[error(
        "stack `{stack}` declares provider `aws.{alias}` twice; give each provider its own alias"
    )]
    DuplicateProvider { stack: String, alias: String },

    #[error("stack `{stack}` declares {kind} `{name}` twice; give each {kind} its own name")]
    DuplicateName {
        stack: String,
        kind: &'static str,
        name: String,
    },

    #[error(
        "stack `{stack}`: {kind} name `{name}` is invalid; use letters, digits and `_`, starting with a letter"
    )]
    InvalidName {
        stack: String,
        kind: &'static str,
        name: String,
    },

    #[error(
        "construct `{path}` suppresses rule {rule} without a reason; write why the finding is acceptable"
    )]
    SuppressionWithoutReason { path: String, rule: String },

    #[error(
        "stack `{stack}` both declares `{address}` and forgets it (a `removed` block); \
         forget only resources that are no longer in the configuration"
    )]
    RemovedStillDeclared { stack: String, address: String },

    #[error("app holds two stacks named `{stack}`; give each stack its own name")]
    DuplicateStack { stack: String },

    #[error("invalid {setting} `{value}`: {problem}; {fix}")]
    InvalidSetting {
        setting: &'static str,
        value: String,
        problem: String,
        fix: String,
    },
}

impl Error {
    /// A configuration value that is wrong: what it is, what is wrong with it
    /// and how to fix it.
    pub fn invalid_setting(
        setting: &'static str,
        value: impl fmt::Display,
        problem: impl Into<String>,
        fix: impl Into<String>,
    ) -> Self {
        Self::InvalidSetting {
            setting,
            value: value.to_string(),
            problem: problem.into(),
            fix: fix.into(),
        }
    }
}

/// All the errors one synth found, so a user fixes them in one round.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Diagnostics(pub Vec<Error>);

impl fmt::Display for Diagnostics {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (index, error) in self.0.iter().enumerate() {
            if index > 0 {
                writeln!(f)?;
            }
            write!(f, "{error}")?;
        }
        Ok(())
    }
}

impl std::error::Error for Diagnostics {}

impl From<Error> for Diagnostics {
    fn from(error: Error) -> Self {
        Self(vec![error])
    }
}
