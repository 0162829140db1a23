//! Every mistake synth can report, in one place. Each message names the
//! construct path (or setting) at fault and says how to fix it.

use std::fmt;

/// One mistake in a stack or its configuration, found by synth.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum Error {
    #[error(
        "construct `{path}`: the name `{name}` is not a valid construct name; \
         start with a letter and use only letters, digits, `-` and `_`"
    )]
    /// A name in a construct path is not a valid construct name.
    InvalidConstructName {
        /// The qualified path of the construct, `stack/a/b`.
        path: String,
        /// The offending name in the path.
        name: String,
    },

    #[error(
        "constructs `{first}` and `{second}` both map to the logical id `{address}`; \
         rename one of them so their paths differ by more than case or punctuation"
    )]
    /// Two construct paths map to the same Terraform address.
    DuplicateLogicalId {
        /// The address both map to.
        address: String,
        /// The qualified path of the construct declared first.
        first: String,
        /// The qualified path of the construct declared second.
        second: String,
    },

    #[error(
        "construct `{from}` refers to `{to}` ({address}), which is not part of stack `{stack}`; \
         create `{to}` in stack `{stack}`, or pass its value in through a variable"
    )]
    /// A block, output or variable refers to a block the stack does not
    /// hold (typically one created in another stack).
    DanglingReference {
        /// The qualified path of what holds the reference.
        from: String,
        /// The qualified path of the referenced construct.
        to: String,
        /// The Terraform address of the referenced block.
        address: String,
        /// The stack being synthesized.
        stack: String,
    },

    #[error(
        "construct `{from}` names `{address}` in text, and stack `{stack}` declares no such block; \
         a reference rendered before synth (serde_json::json! renders its arguments at once) is \
         checked by its address only: refer to a block of stack `{stack}`, and pass the Expr in a \
         value synth serializes itself (a struct deriving Serialize, a map of Expr) so it is recorded"
    )]
    /// A raw body or an override names, in `${...}` text, a block the
    /// stack does not declare.
    UnknownTextReference {
        /// The qualified path of what holds the text.
        from: String,
        /// The address the text names.
        address: String,
        /// The stack being synthesized.
        stack: String,
    },

    #[error(
        "construct `{path}` is bound to provider `{provider}`, which stack `{stack}` does not declare \
         (declared: {declared}); declare it with `Stack::provider` (or `Stack::other_provider`) or bind \
         the construct to a declared one"
    )]
    /// A block is bound to a provider alias the stack does not declare.
    UnknownProvider {
        /// The qualified path of the block.
        path: String,
        /// The provider the block is bound to, e.g. `aws.primary`.
        provider: String,
        /// The stack being synthesized.
        stack: String,
        /// The aliases the stack declares, comma-separated, or `none`.
        declared: String,
    },

    #[error("stack `{stack}` declares provider `{alias}` twice; give each provider its own alias")]
    /// A stack declares two providers with the same alias.
    DuplicateProvider {
        /// The stack that declares them.
        stack: String,
        /// The provider declared twice, e.g. `aws.primary`.
        alias: String,
    },

    #[error("stack `{stack}` declares {kind} `{name}` twice; give each {kind} its own name")]
    /// A stack declares two outputs, or two variables, with the same name.
    DuplicateName {
        /// The stack that declares them.
        stack: String,
        /// `output` or `variable`.
        kind: &'static str,
        /// The name declared twice.
        name: String,
    },

    #[error(
        "stack `{stack}`: {kind} name `{name}` is invalid; use letters, digits and `_`, starting with a letter"
    )]
    /// An output or variable name is not a valid Terraform identifier.
    InvalidName {
        /// The stack that declares it.
        stack: String,
        /// `output` or `variable`.
        kind: &'static str,
        /// The invalid name.
        name: String,
    },

    #[error(
        "construct `{path}` suppresses rule {rule} without a reason; write why the finding is acceptable"
    )]
    /// A resource suppresses a policy rule with an empty reason.
    SuppressionWithoutReason {
        /// The qualified path of the resource.
        path: String,
        /// The id of the suppressed rule.
        rule: String,
    },

    #[error(
        "stack `{stack}` both declares `{address}` and forgets it (a `removed` block); \
         forget only resources that are no longer in the configuration"
    )]
    /// A resource is both declared and forgotten in the same stack.
    RemovedStillDeclared {
        /// The stack that does both.
        stack: String,
        /// The Terraform address of the resource.
        address: String,
    },

    #[error("app holds two stacks named `{stack}`; give each stack its own name")]
    /// An app holds two stacks with the same name.
    DuplicateStack {
        /// The name used twice.
        stack: String,
    },

    #[error("construct `{path}`: {problem}; {fix}")]
    /// A construct was given props it cannot build from; recorded with
    /// [`Scope::error`](super::Scope::error).
    InvalidConstruct {
        /// The qualified path of the construct, `stack/a/b`.
        path: String,
        /// What is wrong with its props.
        problem: String,
        /// How to fix them.
        fix: String,
    },

    #[error("invalid {setting} `{value}`: {problem}; {fix}")]
    /// A configuration value is wrong; built with [`Error::invalid_setting`].
    InvalidSetting {
        /// The name of the setting.
        setting: &'static str,
        /// The value given, as text.
        value: String,
        /// What is wrong with it.
        problem: String,
        /// How to fix it.
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

impl Diagnostics {
    /// Every error on its own line, each starting `error: `, as a command
    /// line prints them.
    pub fn error_lines(&self) -> String {
        let lines: Vec<String> = self.0.iter().map(|e| format!("error: {e}")).collect();
        lines.join("\n")
    }
}

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
