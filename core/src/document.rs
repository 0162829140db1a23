//! Checks a stack and renders it as one Terraform JSON document.
//!
//! The output is deterministic: object keys are sorted at every level, blocks
//! are keyed by type and logical id, the text is pretty-printed with a
//! trailing newline. The same stack always gives the same bytes.

use std::collections::{BTreeMap, BTreeSet, HashMap, HashSet};
use std::sync::Arc;

use serde_json::{Map, Value, json};

use super::error::{Diagnostics, Error};
use super::moved::{Moved, Removed};
use super::reference::{self, BlockKind, Target};
use super::stack::{RenderedBlock, Stack};

/// The Terraform releases the generated configuration is written for
/// (`use_lockfile` for the S3 backend needs 1.10).
pub const REQUIRED_TERRAFORM: &str = ">= 1.10, < 2.0";
/// The AWS provider releases whose schema the typed resources follow.
pub const AWS_PROVIDER_VERSION: &str = "~> 5.100";

/// A synthesized stack.
#[derive(Clone, Debug, PartialEq)]
pub struct Document {
    stack: String,
    value: Value,
    suppressions: Vec<Suppression>,
}

/// A policy rule accepted on one resource, with the reason.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize)]
pub struct Suppression {
    /// The Terraform address of the resource, e.g. `aws_s3_bucket.logs`.
    pub address: String,
    /// The id of the accepted policy rule.
    pub rule: String,
    /// Why the finding is acceptable on this resource.
    pub reason: String,
}

impl Document {
    /// The name of the stack the document was synthesized from.
    pub fn stack_name(&self) -> &str {
        &self.stack
    }

    /// The policy rules accepted on resources, with their reasons.
    pub fn suppressions(&self) -> &[Suppression] {
        &self.suppressions
    }

    /// The document as a JSON value.
    pub fn value(&self) -> &Value {
        &self.value
    }

    /// The exact text written to `main.tf.json`.
    pub fn to_json(&self) -> String {
        let mut text =
            serde_json::to_string_pretty(&self.value).expect("a JSON value always serializes");
        text.push('\n');
        text
    }

    /// The same document changed by `change`; keys are sorted again after.
    pub fn transformed(self, change: impl FnOnce(&mut Value)) -> Self {
        let mut value = self.value;
        change(&mut value);
        sort_keys(&mut value);
        Self {
            stack: self.stack,
            value,
            suppressions: self.suppressions,
        }
    }

    /// The resources of one type, by logical id.
    pub fn resources(&self, tf_type: &str) -> impl Iterator<Item = (&String, &Value)> {
        self.value["resource"][tf_type]
            .as_object()
            .into_iter()
            .flat_map(|blocks| blocks.iter())
    }

    /// One resource's body, if present.
    pub fn resource(&self, tf_type: &str, id: &str) -> Option<&Value> {
        self.value["resource"][tf_type].get(id)
    }

    /// One data source's body, if present.
    pub fn data(&self, tf_type: &str, id: &str) -> Option<&Value> {
        self.value["data"][tf_type].get(id)
    }

    /// The region a block is deployed to: that of the provider it names
    /// (`aws.<alias>`), or of the default provider when it names none.
    pub fn region_of(&self, body: &Value) -> Option<&str> {
        let alias = body["provider"]
            .as_str()
            .map(|p| p.strip_prefix("aws.").unwrap_or(p))
            .filter(|p| *p != "aws");
        self.value["provider"]["aws"]
            .as_array()?
            .iter()
            .find(|p| p["alias"].as_str() == alias)
            .and_then(|p| p["region"].as_str())
    }

    /// The first `${type.name...}` reference in a string value: what a
    /// rendered attribute points at.
    pub fn first_reference(value: &Value) -> Option<(&str, &str)> {
        let text = value.as_str()?;
        let inner = &text[text.find("${")? + 2..];
        let inner = &inner[..inner.find('}')?];
        let mut parts = inner.split('.');
        Some((parts.next()?, parts.next()?))
    }

    /// Every resource, as (type, id, body).
    pub fn all_resources(&self) -> impl Iterator<Item = (&String, &String, &Value)> {
        self.value["resource"]
            .as_object()
            .into_iter()
            .flat_map(|types| types.iter())
            .flat_map(|(tf_type, blocks)| {
                blocks
                    .as_object()
                    .into_iter()
                    .flat_map(|blocks| blocks.iter())
                    .map(move |(id, body)| (tf_type, id, body))
            })
    }
}

pub(crate) fn synthesize(stack: &Stack) -> Result<Document, Diagnostics> {
    let checked = check(stack)?;
    let bodies = stack
        .blocks
        .iter()
        .map(|block| block.body.clone())
        .collect();
    Ok(assemble(stack, bodies, checked))
}

/// The same, taking the rendered bodies out of the stack instead of copying
/// them: half the memory for a large stack.
pub(crate) fn synthesize_owned(mut stack: Stack) -> Result<Document, Diagnostics> {
    let checked = check(&stack)?;
    let bodies = stack
        .blocks
        .iter_mut()
        .map(|block| std::mem::take(&mut block.body))
        .collect();
    Ok(assemble(&stack, bodies, checked))
}

/// The variables and outputs of a stack that passed every check.
struct Checked {
    variables: Map<String, Value>,
    outputs: Map<String, Value>,
}

/// Every check; on success the rendered variables and outputs.
fn check(stack: &Stack) -> Result<Checked, Diagnostics> {
    let mut errors = stack.errors.clone();
    let present = check_blocks(stack, &mut errors);
    for (tf_type, id) in &stack.removed {
        if present.contains(&(BlockKind::Resource, *tf_type, id.as_str())) {
            errors.push(Error::RemovedStillDeclared {
                stack: stack.name.to_string(),
                address: resource_address(tf_type, id.as_str()),
            });
        }
    }
    let outputs = render_named(stack, &present, "output", &stack.outputs, &mut errors);
    let variables = render_named(stack, &present, "variable", &stack.variables, &mut errors);
    if errors.is_empty() {
        Ok(Checked { variables, outputs })
    } else {
        Err(Diagnostics(errors))
    }
}

/// `bodies` holds the rendered body of each block, in the stack's order.
fn assemble(stack: &Stack, bodies: Vec<Map<String, Value>>, checked: Checked) -> Document {
    let mut resources: BTreeMap<&str, Map<String, Value>> = BTreeMap::new();
    let mut data: BTreeMap<&str, Map<String, Value>> = BTreeMap::new();
    let mut moved = BTreeSet::new();
    for (block, body) in stack.blocks.iter().zip(bodies) {
        let target = &block.target;
        let blocks = match target.kind {
            BlockKind::Resource => &mut resources,
            BlockKind::Data => &mut data,
        };
        blocks
            .entry(target.tf_type)
            .or_default()
            .insert(target.id.to_string(), render_block(block, body));
        if let Some(previous) = &block.meta.renamed_from {
            moved.insert(Moved {
                from: resource_address(target.tf_type, previous.logical_id().as_str()),
                to: target.address(),
            });
        }
    }

    moved.extend(stack.moved.iter().cloned());
    let mut document = json!({
        "terraform": {
            "required_version": REQUIRED_TERRAFORM,
            "required_providers": {
                "aws": { "source": "hashicorp/aws", "version": AWS_PROVIDER_VERSION }
            },
            "backend": stack.backend.to_value(),
        },
        "provider": { "aws": stack.providers },
    });
    for other in &stack.other_providers {
        document["terraform"]["required_providers"][&other.name] =
            json!({ "source": other.source, "version": other.version });
        let blocks = &mut document["provider"][&other.name];
        if !blocks.is_array() {
            *blocks = Value::Array(Vec::new());
        }
        if let Value::Array(items) = blocks {
            items.push(json!(other));
        }
    }
    let sections = [
        ("variable", checked.variables),
        ("data", to_map(data)),
        ("resource", to_map(resources)),
        ("output", checked.outputs),
    ];
    for (section, body) in sections {
        if !body.is_empty() {
            document[section] = Value::Object(body);
        }
    }
    if !moved.is_empty() {
        document["moved"] = json!(moved);
    }
    let removed: BTreeSet<Removed> = stack
        .removed
        .iter()
        .map(|(tf_type, id)| Removed::keeping(resource_address(tf_type, id.as_str())))
        .collect();
    if !removed.is_empty() {
        document["removed"] = json!(removed);
    }
    let suppressions = stack
        .blocks
        .iter()
        .flat_map(|block| {
            block
                .meta
                .suppressions
                .iter()
                .map(|(rule, reason)| Suppression {
                    address: block.target.address(),
                    rule: rule.clone(),
                    reason: reason.clone(),
                })
        })
        .collect();
    Document {
        stack: stack.name.to_string(),
        value: sorted(document),
        suppressions,
    }
}

fn render_block(block: &RenderedBlock, mut body: Map<String, Value>) -> Value {
    body.insert(
        "provider".to_owned(),
        Value::String(block.provider.meta_argument()),
    );
    if !block.meta.depends_on.is_empty() {
        let addresses: BTreeSet<String> =
            block.meta.depends_on.iter().map(|t| t.address()).collect();
        body.insert("depends_on".to_owned(), json!(addresses));
    }
    if !block.meta.lifecycle.is_empty() {
        body.insert("lifecycle".to_owned(), json!(block.meta.lifecycle));
    }
    Value::Object(body)
}

/// The address of a managed resource that is not (or no longer) a block of
/// the stack: the source of a `moved` or `removed` block.
fn resource_address(tf_type: &str, id: &str) -> String {
    format!("{tf_type}.{id}")
}

/// A block's identity without formatting its address.
type BlockKey<'a> = (BlockKind, &'static str, &'a str);

fn key(target: &Target) -> BlockKey<'_> {
    (target.kind, target.tf_type, target.id.as_str())
}

/// Names, logical ids, providers and references of every block; returns
/// the blocks present, for checking other references against.
fn check_blocks<'s>(stack: &'s Stack, errors: &mut Vec<Error>) -> HashSet<BlockKey<'s>> {
    let mut seen: HashMap<BlockKey<'s>, &Target> = HashMap::with_capacity(stack.blocks.len());
    for block in &stack.blocks {
        let target = &block.target;
        if let Some(name) = target.path.invalid_name() {
            errors.push(Error::InvalidConstructName {
                path: target.qualified_path(),
                name: name.to_owned(),
            });
        }
        match seen.get(&key(target)) {
            Some(first) => errors.push(Error::DuplicateLogicalId {
                address: target.address(),
                first: first.qualified_path(),
                second: target.qualified_path(),
            }),
            None => {
                seen.insert(key(target), target);
            }
        }
        for (rule, reason) in &block.meta.suppressions {
            if reason.trim().is_empty() {
                errors.push(Error::SuppressionWithoutReason {
                    path: target.qualified_path(),
                    rule: rule.clone(),
                });
            }
        }
        let declared = match &*block.provider.name {
            "aws" => stack
                .providers
                .iter()
                .any(|p| *p.alias == *block.provider.alias),
            name => stack
                .other_providers
                .iter()
                .any(|p| p.name == name && *p.alias == *block.provider.alias),
        };
        if !declared {
            errors.push(Error::UnknownProvider {
                path: target.qualified_path(),
                provider: block.provider.meta_argument(),
                stack: stack.name.to_string(),
                declared: declared_aliases(stack),
            });
        }
    }
    let present: HashSet<BlockKey<'s>> = seen.into_keys().collect();
    check_text_references(stack, errors);
    for block in &stack.blocks {
        if block.references.is_empty() && block.meta.depends_on.is_empty() {
            continue;
        }
        let referenced = block.references.iter().chain(&block.meta.depends_on);
        check_references(
            stack,
            &present,
            || block.target.qualified_path(),
            referenced,
            errors,
        );
    }
    present
}

/// Addresses named in text must be blocks of the stack.
fn check_text_references(stack: &Stack, errors: &mut Vec<Error>) {
    let with_text = || {
        stack
            .blocks
            .iter()
            .filter(|b| !b.text_references.is_empty())
    };
    if with_text().next().is_none() {
        return;
    }
    let addresses: HashSet<String> = stack.blocks.iter().map(|b| b.target.address()).collect();
    for block in with_text() {
        for address in &block.text_references {
            if !addresses.contains(address) {
                errors.push(Error::UnknownTextReference {
                    from: block.target.qualified_path(),
                    address: address.clone(),
                    stack: stack.name.to_string(),
                });
            }
        }
    }
}

fn check_references<'a>(
    stack: &Stack,
    present: &HashSet<BlockKey<'_>>,
    from: impl Fn() -> String,
    referenced: impl Iterator<Item = &'a Arc<Target>>,
    errors: &mut Vec<Error>,
) {
    let mut reported = HashSet::new();
    for target in referenced {
        // A target of this stack is in `present` only if the stack holds it;
        // one of another stack never is.
        let in_stack = *target.stack == *stack.name && present.contains(&key(target));
        if !in_stack && reported.insert(target.address()) {
            errors.push(Error::DanglingReference {
                from: from(),
                to: target.qualified_path(),
                address: target.address(),
                stack: stack.name.to_string(),
            });
        }
    }
}

/// Renders outputs or variables, checking their names and references.
fn render_named<T: serde::Serialize>(
    stack: &Stack,
    present: &HashSet<BlockKey<'_>>,
    kind: &'static str,
    named: &[(String, T)],
    errors: &mut Vec<Error>,
) -> Map<String, Value> {
    let mut rendered = Map::new();
    for (name, item) in named {
        if !is_valid_identifier(name) {
            errors.push(Error::InvalidName {
                stack: stack.name.to_string(),
                kind,
                name: name.clone(),
            });
        }
        let (value, references) = reference::collecting(|| serde_json::to_value(item));
        let from = || format!("{}/{kind}.{name}", stack.name);
        check_references(stack, present, from, references.iter(), errors);
        let value = value.expect("outputs and variables always serialize to JSON");
        if rendered.insert(name.clone(), value).is_some() {
            errors.push(Error::DuplicateName {
                stack: stack.name.to_string(),
                kind,
                name: name.clone(),
            });
        }
    }
    rendered
}

fn is_valid_identifier(name: &str) -> bool {
    let mut chars = name.chars();
    matches!(chars.next(), Some(c) if c.is_ascii_alphabetic())
        && chars.all(|c| c.is_ascii_alphanumeric() || c == '_')
}

fn declared_aliases(stack: &Stack) -> String {
    if stack.providers.is_empty() && stack.other_providers.is_empty() {
        return "none".to_owned();
    }
    let aliases: Vec<String> = stack
        .providers
        .iter()
        .map(|p| format!("aws.{}", p.alias))
        .chain(
            stack
                .other_providers
                .iter()
                .map(|p| format!("{}.{}", p.name, p.alias)),
        )
        .collect();
    aliases.join(", ")
}

fn to_map(blocks: BTreeMap<&str, Map<String, Value>>) -> Map<String, Value> {
    blocks
        .into_iter()
        .map(|(tf_type, blocks)| (tf_type.to_owned(), Value::Object(blocks)))
        .collect()
}

/// Sorts object keys at every level, whatever map serde_json was built with.
/// With serde_json's default map they already are, and nothing is rebuilt.
fn sorted(mut value: Value) -> Value {
    sort_keys(&mut value);
    value
}

fn sort_keys(value: &mut Value) {
    match value {
        Value::Object(fields) => {
            fields.values_mut().for_each(sort_keys);
            let in_order = fields.keys().zip(fields.keys().skip(1)).all(|(a, b)| a < b);
            if !in_order {
                let by_key: BTreeMap<String, Value> = std::mem::take(fields).into_iter().collect();
                *fields = by_key.into_iter().collect();
            }
        }
        Value::Array(items) => items.iter_mut().for_each(sort_keys),
        _ => {}
    }
}
