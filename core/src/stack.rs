//! A stack: everything that synthesizes into one Terraform JSON document.

use std::sync::Arc;

use serde::Serialize;
use serde_json::{Map, Value};

use super::backend::Backend;
use super::document::{self, Document};
use super::error::{Diagnostics, Error};
use super::expr::Expr;
use super::id::{ConstructPath, LogicalId};
use super::moved::Moved;
use super::output::Output;
use super::provider::{AwsProvider, OtherProvider, ProviderRef};
use super::reference::{self, BlockKind, Target};
use super::resource::Meta;
use super::scope::Scope;
use super::text_reference;
use super::variable::Variable;

/// One resource or data source, already rendered to JSON.
#[derive(Debug)]
pub(crate) struct RenderedBlock {
    pub(crate) target: Arc<Target>,
    pub(crate) provider: ProviderRef,
    pub(crate) body: Map<String, Value>,
    pub(crate) references: Vec<Arc<Target>>,
    /// Addresses named only in text (a reference rendered before synth
    /// could record it), checked by address.
    pub(crate) text_references: Vec<String>,
    pub(crate) meta: Meta,
}

/// One Terraform configuration: its providers, backend, variables, outputs
/// and the resources and data sources its constructs add. Synth checks it
/// and renders it to a [`Document`].
///
/// ```
/// use drsynth_provider_aws::s3::S3Bucket;
/// use drsynth_core::{App, AwsProvider, Stack};
///
/// let mut stack = Stack::new("app");
/// let primary = stack.provider(AwsProvider::new("primary", "us-east-1"));
/// stack.scope(&primary).child("data").resource(
///     "bucket",
///     S3Bucket { bucket: Some("data-dev".into()), ..S3Bucket::new() },
/// );
///
/// let document = stack.synth().expect("the stack is valid");
/// let bucket = document.resource("aws_s3_bucket", "data_bucket").unwrap();
/// assert_eq!(bucket["bucket"], "data-dev");
/// assert_eq!(bucket["provider"], "aws.primary");
///
/// // Several stacks synthesize together in an app.
/// let mut app = App::new();
/// app.add_stack(stack);
/// assert_eq!(app.synth().unwrap()[0].to_json(), document.to_json());
/// ```
#[derive(Debug)]
pub struct Stack {
    pub(crate) name: Arc<str>,
    pub(crate) providers: Vec<AwsProvider>,
    pub(crate) other_providers: Vec<OtherProvider>,
    pub(crate) backend: Backend,
    pub(crate) variables: Vec<(String, Variable)>,
    pub(crate) outputs: Vec<(String, Output)>,
    pub(crate) blocks: Vec<RenderedBlock>,
    /// Resources (type and logical id) no longer in the configuration whose
    /// objects another resource now owns: Terraform forgets them without
    /// destroying.
    pub(crate) removed: Vec<(&'static str, LogicalId)>,
    /// Moves declared beside the resources (`Scope::moved`), on top of
    /// those of `Meta::renamed_from`.
    pub(crate) moved: Vec<Moved>,
    pub(crate) errors: Vec<Error>,
}

impl Stack {
    /// An empty stack named `name` with the local backend.
    pub fn new(name: impl Into<String>) -> Self {
        Self {
            name: Arc::from(name.into()),
            providers: Vec::new(),
            other_providers: Vec::new(),
            backend: Backend::default(),
            variables: Vec::new(),
            outputs: Vec::new(),
            blocks: Vec::new(),
            removed: Vec::new(),
            moved: Vec::new(),
            errors: Vec::new(),
        }
    }

    /// The stack's name, which prefixes construct paths in errors.
    pub fn name(&self) -> &str {
        &self.name
    }

    /// Declares an aliased provider and returns the handle to bind resources to.
    pub fn provider(&mut self, provider: AwsProvider) -> ProviderRef {
        if self.providers.iter().any(|p| p.alias == provider.alias) {
            self.errors.push(Error::DuplicateProvider {
                stack: self.name.to_string(),
                alias: format!("aws.{}", provider.alias),
            });
        }
        let handle = ProviderRef {
            name: Arc::from("aws"),
            alias: Arc::from(provider.alias.as_str()),
            region: Arc::from(provider.region.as_str()),
            stack: Arc::clone(&self.name),
        };
        self.providers.push(provider);
        handle
    }

    /// Declares a provider without typed bindings, e.g. `cloudflare`, and
    /// returns the handle to bind raw resources to (`Scope::raw_resource`).
    pub fn other_provider(&mut self, provider: OtherProvider) -> ProviderRef {
        let taken = self
            .other_providers
            .iter()
            .any(|p| p.name == provider.name && p.alias == provider.alias);
        if taken {
            self.errors.push(Error::DuplicateProvider {
                stack: self.name.to_string(),
                alias: format!("{}.{}", provider.name, provider.alias),
            });
        }
        let path = format!(
            "{}/provider {}.{}",
            self.name, provider.name, provider.alias
        );
        if provider.name == "aws" {
            self.errors.push(Error::InvalidConstruct {
                path: path.clone(),
                problem: "`aws` is the typed provider".to_owned(),
                fix: "declare AWS providers with Stack::provider".to_owned(),
            });
        }
        let disagrees = self.other_providers.iter().any(|p| {
            p.name == provider.name
                && (p.source != provider.source || p.version != provider.version)
        });
        if disagrees {
            self.errors.push(Error::InvalidConstruct {
                path,
                problem: format!(
                    "another `{}` provider has another source or version, and Terraform installs one",
                    provider.name
                ),
                fix: "give every alias of a provider the same source and version".to_owned(),
            });
        }
        let handle = ProviderRef {
            name: Arc::from(provider.name.as_str()),
            alias: Arc::from(provider.alias.as_str()),
            region: Arc::from(""),
            stack: Arc::clone(&self.name),
        };
        self.other_providers.push(provider);
        handle
    }

    /// Sets where Terraform keeps the stack's state.
    pub fn set_backend(&mut self, backend: Backend) {
        self.backend = backend;
    }

    /// Declares a variable and returns `var.<name>`.
    pub fn variable(&mut self, name: &str, variable: Variable) -> Expr {
        self.variables.push((name.to_owned(), variable));
        Expr::Variable(name.to_owned())
    }

    /// Declares the output `name`.
    pub fn output(&mut self, name: &str, output: Output) {
        self.outputs.push((name.to_owned(), output));
    }

    /// The root scope of the stack, binding what it creates to `provider`.
    pub fn scope(&mut self, provider: &ProviderRef) -> Scope<'_> {
        Scope::new(self, ConstructPath::root(), provider.clone())
    }

    /// Renders `body` and records it; the checks run at synth.
    pub(crate) fn add_block(
        &mut self,
        kind: BlockKind,
        tf_type: &'static str,
        path: ConstructPath,
        provider: ProviderRef,
        body: &impl Serialize,
        meta: Meta,
    ) -> Arc<Target> {
        let target = Arc::new(Target {
            kind,
            tf_type,
            id: path.logical_id(),
            path,
            stack: Arc::clone(&self.name),
        });
        let (body, mut references) = reference::collecting(|| serde_json::to_value(body));
        let mut body = match body {
            Ok(Value::Object(body)) => body,
            _ => panic!("the body of {tf_type} must serialize to a JSON object"),
        };
        for (path, value) in &meta.overrides {
            if let Err(problem) = set_attribute(&mut body, path, value.clone()) {
                self.errors.push(Error::InvalidConstruct {
                    path: target.qualified_path(),
                    problem: format!("the override of `{path}` {problem}"),
                    fix: "name an attribute path of the block: object keys separated by dots, \
                          a single nested block crossed by its name, e.g. `server_side_encryption.enabled`"
                        .to_owned(),
                });
            }
        }
        references.extend(meta.override_references.iter().cloned());
        // An override may hold references as text.
        let text_references = unrecorded(
            text_reference::addresses_in(meta.overrides.iter().map(|(_, value)| value)),
            &references,
        );
        self.blocks.push(RenderedBlock {
            target: Arc::clone(&target),
            provider,
            body,
            references,
            text_references,
            meta,
        });
        target
    }

    /// [`Stack::add_block`] for a body of any `Serialize` (a raw block):
    /// references it holds as text are read back out of it.
    pub(crate) fn add_untyped_block(
        &mut self,
        kind: BlockKind,
        tf_type: &'static str,
        path: ConstructPath,
        provider: ProviderRef,
        body: &impl Serialize,
        meta: Meta,
    ) -> Arc<Target> {
        let target = self.add_block(kind, tf_type, path, provider, body, meta);
        let block = self.blocks.last_mut().expect("the block was just added");
        let found = unrecorded(
            text_reference::addresses_in(block.body.values()),
            &block.references,
        );
        for address in found {
            if !block.text_references.contains(&address) {
                block.text_references.push(address);
            }
        }
        target
    }

    /// The construct path of every resource and data source, by address.
    pub fn construct_paths(&self) -> std::collections::BTreeMap<String, ConstructPath> {
        self.blocks
            .iter()
            .map(|b| (b.target.address(), b.target.path.clone()))
            .collect()
    }

    /// Checks the stack and renders it to a Terraform JSON document.
    pub fn synth(&self) -> Result<Document, Diagnostics> {
        document::synthesize(self)
    }

    /// The same, consuming the stack: its rendered bodies move into the
    /// document instead of being copied (half the memory for a large stack).
    pub fn into_document(self) -> Result<Document, Diagnostics> {
        document::synthesize_owned(self)
    }
}

/// The addresses of `found` that no recorded reference points at.
fn unrecorded(found: std::collections::BTreeSet<String>, recorded: &[Arc<Target>]) -> Vec<String> {
    found
        .into_iter()
        .filter(|address| !recorded.iter().any(|r| r.address() == *address))
        .collect()
}

/// Meta-arguments synth renders itself: an override of them would be
/// overwritten or unseen by the checks.
const META_ARGUMENTS: [&str; 5] = ["provider", "depends_on", "lifecycle", "count", "for_each"];

/// Sets `path` (object keys separated by dots) in `body` to `value`,
/// creating objects on the way; `null` removes the attribute (and creates
/// nothing).
fn set_attribute(body: &mut Map<String, Value>, path: &str, value: Value) -> Result<(), String> {
    let segments: Vec<&str> = path.split('.').collect();
    if segments.iter().any(|s| s.is_empty()) {
        return Err("has an empty segment".to_owned());
    }
    if META_ARGUMENTS.contains(&segments[0]) {
        return Err(format!(
            "sets the meta-argument `{}`, which synth renders itself; use Meta's depends_on, \
             lifecycle or postcondition, or the scope's provider",
            segments[0]
        ));
    }
    if let Some(index) = segments.iter().find(|s| s.parse::<usize>().is_ok()) {
        return Err(format!(
            "has the list position `{index}`; only object keys are supported (a single nested \
             block is crossed by its name)"
        ));
    }
    let (last, parents) = segments
        .split_last()
        .expect("split gives one segment at least");
    let mut node = body;
    for segment in parents {
        if value.is_null() {
            // Removing: never create what is not there.
            match node.get_mut(*segment) {
                Some(child) if !child.is_null() => node = descend(child, segment)?,
                _ => return Ok(()),
            }
            continue;
        }
        let child = node
            .entry((*segment).to_owned())
            .or_insert_with(|| Value::Object(Map::new()));
        if child.is_null() {
            *child = Value::Object(Map::new());
        }
        node = descend(child, segment)?;
    }
    if value.is_null() {
        node.remove(*last);
    } else {
        node.insert((*last).to_owned(), value);
    }
    Ok(())
}

/// The object under `segment`: an object itself, or the first element of
/// a one-element list (how Terraform JSON writes a single nested block).
fn descend<'v>(child: &'v mut Value, segment: &str) -> Result<&'v mut Map<String, Value>, String> {
    match child {
        Value::Object(map) => Ok(map),
        Value::Array(items) if items.len() == 1 => items[0]
            .as_object_mut()
            .ok_or_else(|| format!("crosses `{segment}`, a list of plain values")),
        _ => Err(format!("crosses `{segment}`, which is not an object")),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::fixtures::{
        S3Bucket, S3BucketVersioning, S3BucketVersioningVersioningConfiguration,
    };
    use crate::provider::OtherProvider;
    use crate::testing::{resource, synth, synth_errors};
    use crate::{App, Lifecycle, Ref};

    fn bucket(name: &str) -> S3Bucket {
        S3Bucket {
            bucket: Some(name.into()),
            force_destroy: Some(true.into()),
            ..S3Bucket::new()
        }
    }

    fn versioning(bucket: &Ref<S3Bucket>) -> S3BucketVersioning {
        S3BucketVersioning::new(
            bucket.id(),
            S3BucketVersioningVersioningConfiguration::new("Enabled"),
        )
    }

    fn two_region_stack(name: &str) -> (Stack, ProviderRef, ProviderRef) {
        let mut stack = Stack::new(name);
        let primary = stack.provider(AwsProvider::new("primary", "us-east-1"));
        let secondary = stack.provider(AwsProvider::new("secondary", "us-east-2"));
        (stack, primary, secondary)
    }

    #[test]
    fn resource_is_bound_to_its_provider_and_references_render() {
        let (mut stack, primary, _) = two_region_stack("app");
        let mut scope = stack.scope(&primary);
        let mut data = scope.child("data");
        let b = data.resource("bucket", bucket("data-dev"));
        data.resource("versioning", versioning(&b));
        let doc = synth(&stack);
        let v = resource(&doc, "aws_s3_bucket_versioning", "data_versioning");
        assert_eq!(v["bucket"], "${aws_s3_bucket.data_bucket.id}");
        assert_eq!(v["provider"], "aws.primary");
    }

    #[test]
    fn depends_on_lifecycle_and_renames_render() {
        let (mut stack, primary, _) = two_region_stack("app");
        let mut scope = stack.scope(&primary);
        let b = scope.resource("bucket", bucket("a-dev"));
        let v = scope.resource("versioning", versioning(&b));
        let meta = Meta::default()
            .depends_on(&v)
            .lifecycle(Lifecycle {
                prevent_destroy: true,
                ..Lifecycle::default()
            })
            .renamed_from(ConstructPath::root().child("old_logs"));
        scope.resource_with("logs", bucket("logs-dev"), meta);
        // A move recorded beside the resource renders the same way.
        let path = scope.path().child("archive").child("bucket");
        scope.moved(&path, &b);
        let doc = synth(&stack);
        let logs = resource(&doc, "aws_s3_bucket", "logs");
        assert_eq!(
            logs["depends_on"],
            serde_json::json!(["aws_s3_bucket_versioning.versioning"])
        );
        assert_eq!(logs["lifecycle"]["prevent_destroy"], true);
        assert_eq!(
            doc.value()["moved"],
            serde_json::json!([
                {"from": "aws_s3_bucket.archive_bucket", "to": "aws_s3_bucket.bucket"},
                {"from": "aws_s3_bucket.old_logs", "to": "aws_s3_bucket.logs"}
            ])
        );
    }

    #[test]
    fn postconditions_and_removed_blocks_render() {
        let (mut stack, primary, _) = two_region_stack("app");
        let mut scope = stack.scope(&primary);
        let meta = Meta::default().lifecycle(Lifecycle {
            postcondition: vec![crate::Postcondition {
                condition: !Expr::self_attribute("bucket"),
                error_message: "never".to_owned(),
            }],
            ..Lifecycle::default()
        });
        scope.resource_with("bucket", bucket("a-dev"), meta);
        scope.child("old").forget::<S3Bucket>("bucket");
        let doc = synth(&stack);
        assert_eq!(
            resource(&doc, "aws_s3_bucket", "bucket")["lifecycle"],
            serde_json::json!({"postcondition": [
                {"condition": "${!self.bucket}", "error_message": "never"}
            ]})
        );
        assert_eq!(
            doc.value()["removed"],
            serde_json::json!([{"from": "aws_s3_bucket.old_bucket", "lifecycle": {"destroy": false}}])
        );
    }

    #[test]
    fn forgetting_a_declared_resource_is_an_error() {
        let (mut stack, primary, _) = two_region_stack("app");
        let mut scope = stack.scope(&primary);
        scope.resource("bucket", bucket("a-dev"));
        scope.forget::<S3Bucket>("bucket");
        let errors = synth_errors(&stack);
        assert_eq!(errors.len(), 1);
        assert!(errors[0].contains("both declares `aws_s3_bucket.bucket` and forgets it"));
    }

    #[test]
    fn providers_render_as_aliased_list_with_default_tags() {
        let mut stack = Stack::new("app");
        let p = stack.provider(AwsProvider::new("primary", "us-east-1").tag("DR-Tier", "Critical"));
        stack.scope(&p).resource("b", bucket("b-dev"));
        let doc = synth(&stack);
        assert_eq!(
            doc.value()["provider"]["aws"],
            serde_json::json!([{"alias": "primary", "region": "us-east-1",
                "default_tags": {"tags": {"DR-Tier": "Critical"}}}])
        );
        assert_eq!(
            doc.value()["terraform"]["required_providers"]["aws"]["version"],
            "~> 5.100"
        );
    }

    #[test]
    fn dangling_reference_names_both_paths() {
        let (mut other, other_primary, _) = two_region_stack("other");
        let foreign = other
            .scope(&other_primary)
            .child("shared")
            .resource("bucket", bucket("x"));
        let (mut stack, primary, _) = two_region_stack("app");
        stack
            .scope(&primary)
            .child("mine")
            .resource("versioning", versioning(&foreign));
        let errors = synth_errors(&stack);
        assert_eq!(errors.len(), 1);
        assert!(
            errors[0].contains("`app/mine/versioning` refers to `other/shared/bucket`"),
            "{}",
            errors[0]
        );
        assert!(
            errors[0].contains("aws_s3_bucket.shared_bucket"),
            "{}",
            errors[0]
        );
    }

    #[test]
    fn dangling_dependency_and_output_reference_are_errors() {
        let (mut other, other_primary, _) = two_region_stack("other");
        let foreign = other.scope(&other_primary).resource("bucket", bucket("x"));
        let (mut stack, primary, _) = two_region_stack("app");
        stack
            .scope(&primary)
            .resource_with("b", bucket("b"), Meta::default().depends_on(&foreign));
        stack.output("name", Output::new(foreign.bucket(), "a bucket"));
        let errors = synth_errors(&stack);
        assert_eq!(errors.len(), 2, "{errors:?}");
        assert!(
            errors
                .iter()
                .any(|e| e.contains("`app/b` refers to `other/bucket`"))
        );
        assert!(
            errors
                .iter()
                .any(|e| e.contains("`app/output.name` refers to `other/bucket`"))
        );
    }

    #[test]
    fn logical_id_collision_names_both_paths() {
        let (mut stack, primary, _) = two_region_stack("app");
        let mut scope = stack.scope(&primary);
        scope.resource("payment-api", bucket("a"));
        scope.resource("PaymentApi", bucket("b"));
        let errors = synth_errors(&stack);
        assert_eq!(errors.len(), 1);
        assert!(
            errors[0].contains("`app/payment-api` and `app/PaymentApi`"),
            "{}",
            errors[0]
        );
        assert!(
            errors[0].contains("aws_s3_bucket.payment_api"),
            "{}",
            errors[0]
        );
    }

    #[test]
    fn same_id_in_different_types_is_fine() {
        let (mut stack, primary, _) = two_region_stack("app");
        let mut scope = stack.scope(&primary);
        let b = scope.resource("data", bucket("a"));
        let mut child = scope.child("x");
        child.resource("v", versioning(&b));
        assert!(stack.synth().is_ok());
    }

    #[test]
    fn unknown_provider_alias_is_an_error() {
        let (mut other, _, _) = two_region_stack("other");
        let tertiary = other.provider(AwsProvider::new("tertiary", "eu-west-1"));
        let (mut stack, _, _) = two_region_stack("app");
        stack
            .scope(&tertiary)
            .child("dr")
            .resource("bucket", bucket("a"));
        let errors = synth_errors(&stack);
        assert_eq!(errors.len(), 1);
        assert!(
            errors[0].contains("`app/dr/bucket` is bound to provider `aws.tertiary`"),
            "{}",
            errors[0]
        );
        assert!(
            errors[0].contains("declared: aws.primary, aws.secondary"),
            "{}",
            errors[0]
        );
    }

    #[test]
    fn duplicate_provider_alias_is_an_error() {
        let (mut stack, _, _) = two_region_stack("app");
        stack.provider(AwsProvider::new("primary", "eu-west-1"));
        let errors = synth_errors(&stack);
        assert!(
            errors[0].contains("declares provider `aws.primary` twice"),
            "{}",
            errors[0]
        );
    }

    #[test]
    fn invalid_construct_name_is_an_error() {
        let (mut stack, primary, _) = two_region_stack("app");
        stack
            .scope(&primary)
            .child("1st")
            .resource("bucket", bucket("a"));
        let errors = synth_errors(&stack);
        assert!(
            errors[0].contains("`app/1st/bucket`: the name `1st`"),
            "{}",
            errors[0]
        );
    }

    #[test]
    fn duplicate_and_invalid_output_names_are_errors() {
        let (mut stack, _, _) = two_region_stack("app");
        stack.output("zone_id", Output::new("a", "first"));
        stack.output("zone_id", Output::new("b", "second"));
        stack.output("bad name", Output::new("c", "third"));
        let errors = synth_errors(&stack);
        assert_eq!(errors.len(), 2, "{errors:?}");
        assert!(
            errors
                .iter()
                .any(|e| e.contains("output name `bad name` is invalid"))
        );
        assert!(
            errors
                .iter()
                .any(|e| e.contains("declares output `zone_id` twice"))
        );
    }

    #[test]
    fn duplicate_variable_is_an_error() {
        let (mut stack, _, _) = two_region_stack("app");
        stack.variable("env", Variable::default());
        stack.variable("env", Variable::default());
        let errors = synth_errors(&stack);
        assert!(
            errors[0].contains("declares variable `env` twice"),
            "{errors:?}"
        );
    }

    #[test]
    fn duplicate_stack_names_are_an_error() {
        let mut app = App::new();
        app.add_stack(Stack::new("app"));
        app.add_stack(Stack::new("app"));
        let errors = app.synth().unwrap_err();
        assert!(
            errors.to_string().contains("two stacks named `app`"),
            "{errors}"
        );
    }

    #[test]
    fn adding_a_construct_does_not_rename_others() {
        let build = |extra: bool| {
            let (mut stack, primary, _) = two_region_stack("app");
            let mut scope = stack.scope(&primary);
            if extra {
                scope.resource("aaa_first", bucket("first"));
            }
            scope.child("data").resource("bucket", bucket("data"));
            synth(&stack)
        };
        let with = build(true);
        let without = build(false);
        assert!(with.resource("aws_s3_bucket", "data_bucket").is_some());
        assert_eq!(
            with.resource("aws_s3_bucket", "data_bucket"),
            without.resource("aws_s3_bucket", "data_bucket")
        );
    }

    #[test]
    fn synth_is_deterministic_and_ends_with_newline() {
        let build = || {
            let (mut stack, primary, secondary) = two_region_stack("app");
            let b = stack.scope(&primary).resource("zeta", bucket("z"));
            stack.scope(&secondary).resource("alpha", versioning(&b));
            synth(&stack).to_json()
        };
        let first = build();
        assert_eq!(first, build());
        assert!(first.ends_with("}\n"));
        let resource_pos = first.find("\"resource\"").unwrap();
        let provider_pos = first.find("\"provider\": {").unwrap();
        assert!(provider_pos < resource_pos, "top-level keys are sorted");
    }

    #[test]
    fn overrides_set_nested_attributes_remove_others_and_record_references() {
        let mut stack = Stack::new("app");
        let west = stack.provider(AwsProvider::new("west", "eu-west-1"));
        let mut scope = stack.scope(&west);
        let logs = scope.resource("logs", bucket("logs-dev"));
        scope.resource_with(
            "data",
            bucket("data-dev"),
            Meta::default()
                .set("object_lock_configuration.rule.default_retention.days", 30)
                .set("logging_target", logs.bucket())
                .set("force_destroy", Value::Null),
        );
        let doc = synth(&stack);
        let data = resource(&doc, "aws_s3_bucket", "data");
        assert_eq!(
            data["object_lock_configuration"]["rule"]["default_retention"]["days"],
            30
        );
        assert_eq!(data["logging_target"], "${aws_s3_bucket.logs.bucket}");
        assert!(data.get("force_destroy").is_none());

        // A reference in an override is checked like any other.
        let mut other = Stack::new("other");
        let east = other.provider(AwsProvider::new("east", "us-east-1"));
        other.scope(&east).resource_with(
            "data",
            bucket("x-dev"),
            Meta::default().set("logging_target", logs.bucket()),
        );
        let errors = synth_errors(&other);
        assert!(errors[0].contains("refers to `app/logs`"), "{errors:?}");
    }

    #[test]
    fn overrides_that_cannot_apply_are_errors_and_removals_create_nothing() {
        let mut stack = Stack::new("app");
        let west = stack.provider(AwsProvider::new("west", "eu-west-1"));
        let mut scope = stack.scope(&west);
        scope.resource_with(
            "kept",
            bucket("kept-dev"),
            Meta::default().set("object_lock_configuration.rule", Value::Null),
        );
        scope.resource_with(
            "data",
            bucket("data-dev"),
            Meta::default()
                .set("bucket.name", "x")
                .set("a..b", 1)
                .set("replica.0.region", "x")
                .set("lifecycle.ignore_changes", serde_json::json!(["tags"])),
        );
        let errors = synth_errors(&stack);
        assert_eq!(errors.len(), 4, "{errors:?}");
        for expected in [
            "the override of `bucket.name` crosses `bucket`, which is not an object",
            "the override of `a..b` has an empty segment",
            "the override of `replica.0.region` has the list position `0`",
            "the override of `lifecycle.ignore_changes` sets the meta-argument `lifecycle`",
        ] {
            assert!(
                errors.iter().any(|e| e.contains(expected)),
                "{expected}: {errors:?}"
            );
        }
        // Removing under a missing parent leaves the body as it was.
        let mut fine = Stack::new("fine");
        let west = fine.provider(AwsProvider::new("west", "eu-west-1"));
        fine.scope(&west).resource_with(
            "kept",
            bucket("kept-dev"),
            Meta::default().set("object_lock_configuration.rule", Value::Null),
        );
        let doc = synth(&fine);
        assert!(
            resource(&doc, "aws_s3_bucket", "kept")
                .get("object_lock_configuration")
                .is_none()
        );
    }

    #[test]
    fn references_in_a_raw_body_are_checked() {
        let mut other = Stack::new("other");
        let east = other.provider(AwsProvider::new("east", "us-east-1"));
        let foreign = other.scope(&east).resource("logs", bucket("logs-dev"));
        let mut stack = Stack::new("app");
        let west = stack.provider(AwsProvider::new("west", "eu-west-1"));
        stack.scope(&west).raw_resource(
            "aws_rds_global_cluster",
            "ledger",
            std::collections::BTreeMap::from([
                ("global_cluster_identifier", Expr::literal("ledger-dev")),
                ("source_db_cluster_identifier", foreign.attr("arn")),
            ]),
        );
        let errors = synth_errors(&stack);
        assert!(errors[0].contains("refers to `other/logs`"), "{errors:?}");
    }

    #[test]
    fn one_provider_name_has_one_source_and_version() {
        let mut stack = Stack::new("app");
        for (alias, version) in [("a", "~> 4.40"), ("b", "~> 5.0")] {
            stack.other_provider(OtherProvider {
                name: "cloudflare".to_owned(),
                source: "cloudflare/cloudflare".to_owned(),
                version: version.to_owned(),
                alias: alias.to_owned(),
                config: Default::default(),
            });
        }
        let errors = synth_errors(&stack);
        assert!(
            errors[0].contains("another `cloudflare` provider has another source or version"),
            "{errors:?}"
        );
    }

    #[test]
    fn raw_blocks_of_another_provider_render_with_its_requirements() {
        let mut stack = Stack::new("app");
        let west = stack.provider(AwsProvider::new("west", "eu-west-1"));
        let dns = stack.other_provider(OtherProvider {
            name: "cloudflare".to_owned(),
            source: "cloudflare/cloudflare".to_owned(),
            version: "~> 4.40".to_owned(),
            alias: "edge".to_owned(),
            config: Default::default(),
        });
        let bucket_ref = stack.scope(&west).resource("site", bucket("site-dev"));
        let zone = stack.scope(&dns).raw_data(
            "cloudflare_zone",
            "zone",
            serde_json::json!({"name": "acme-corp.io"}),
        );
        // Built from Exprs, so synth records the references.
        stack.scope(&dns).raw_resource(
            "cloudflare_record",
            "site",
            std::collections::BTreeMap::from([
                ("zone_id", zone.attr("id")),
                ("name", Expr::literal("www")),
                ("type", Expr::literal("CNAME")),
                ("content", bucket_ref.attr("bucket_regional_domain_name")),
            ]),
        );
        let doc = synth(&stack);
        let value = doc.value();
        assert_eq!(
            value["terraform"]["required_providers"]["cloudflare"],
            serde_json::json!({"source": "cloudflare/cloudflare", "version": "~> 4.40"})
        );
        assert_eq!(value["provider"]["cloudflare"][0]["alias"], "edge");
        let record = &value["resource"]["cloudflare_record"]["site"];
        assert_eq!(record["provider"], "cloudflare.edge");
        assert_eq!(record["zone_id"], "${data.cloudflare_zone.zone.id}");
        assert_eq!(
            record["content"],
            "${aws_s3_bucket.site.bucket_regional_domain_name}"
        );
        // The same bytes every time, keys sorted like the rest.
        assert_eq!(doc.to_json(), synth(&stack).to_json());
    }

    #[test]
    fn references_rendered_to_text_are_checked_by_address() {
        let (mut other, other_primary, _) = two_region_stack("other");
        let foreign = other.scope(&other_primary).resource("shared", bucket("x"));
        let (mut stack, primary, _) = two_region_stack("app");
        let mut scope = stack.scope(&primary);
        let mine = scope.resource("bucket", bucket("mine"));
        // json! renders each Expr to text at once: nothing is recorded.
        scope.raw_resource(
            "aws_glue_catalog_table",
            "fine",
            serde_json::json!({"location": mine.bucket(), "name": "${var.x}"}),
        );
        scope.raw_resource(
            "aws_glue_catalog_table",
            "foreign",
            serde_json::json!({"location": foreign.bucket()}),
        );
        scope.resource_with(
            "overridden",
            bucket("o"),
            Meta::default().set("logging", serde_json::json!({"target": foreign.bucket()})),
        );
        let errors = synth_errors(&stack);
        assert_eq!(errors.len(), 2, "{errors:?}");
        for (from, error) in ["app/foreign", "app/overridden"].iter().zip(&errors) {
            assert!(
                error.contains(&format!(
                    "`{from}` names `aws_s3_bucket.shared` in text, and stack `app` declares no such block"
                )),
                "{error}"
            );
        }
    }

    #[test]
    fn a_raw_block_bound_to_an_undeclared_provider_is_an_error() {
        let mut stack = Stack::new("app");
        let mut elsewhere = Stack::new("elsewhere");
        let dns = elsewhere.other_provider(OtherProvider {
            name: "cloudflare".to_owned(),
            source: "cloudflare/cloudflare".to_owned(),
            version: "~> 4.40".to_owned(),
            alias: "edge".to_owned(),
            config: Default::default(),
        });
        stack.provider(AwsProvider::new("west", "eu-west-1"));
        stack.scope(&dns).raw_resource(
            "cloudflare_record",
            "site",
            serde_json::json!({"name": "www"}),
        );
        let errors = synth_errors(&stack);
        assert!(
            errors[0].contains("bound to provider `cloudflare.edge`, which stack `app` does not declare (declared: aws.west)"),
            "{errors:?}"
        );
    }
}
