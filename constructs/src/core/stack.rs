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
use super::provider::{AwsProvider, ProviderRef};
use super::reference::{self, BlockKind, Target};
use super::resource::Meta;
use super::scope::Scope;
use super::variable::Variable;

/// One resource or data source, already rendered to JSON.
#[derive(Debug)]
pub(crate) struct Block {
    pub(crate) target: Arc<Target>,
    pub(crate) provider: ProviderRef,
    pub(crate) body: Map<String, Value>,
    pub(crate) references: Vec<Arc<Target>>,
    pub(crate) meta: Meta,
}

/// One Terraform configuration: its providers, backend, variables, outputs
/// and the resources and data sources its constructs add. Synth checks it
/// and renders it to a [`Document`].
///
/// ```
/// use constructs::aws::s3::S3Bucket;
/// use constructs::core::{App, AwsProvider, Stack};
///
/// let mut stack = Stack::new("app");
/// let primary = stack.provider(AwsProvider::new("primary", "us-east-1"));
/// stack.scope(&primary).child("data").resource(
///     "bucket",
///     S3Bucket {
///         bucket: "data-dev".into(),
///         force_destroy: false,
///         tags: Default::default(),
///     },
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
    pub(crate) backend: Backend,
    pub(crate) variables: Vec<(String, Variable)>,
    pub(crate) outputs: Vec<(String, Output)>,
    pub(crate) blocks: Vec<Block>,
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
                alias: provider.alias.clone(),
            });
        }
        let handle = ProviderRef {
            alias: Arc::from(provider.alias.as_str()),
            region: Arc::from(provider.region.as_str()),
            stack: Arc::clone(&self.name),
        };
        self.providers.push(provider);
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
        let (body, references) = reference::collecting(|| serde_json::to_value(body));
        let body = match body {
            Ok(Value::Object(body)) => body,
            _ => panic!("the body of {tf_type} must serialize to a JSON object"),
        };
        self.blocks.push(Block {
            target: Arc::clone(&target),
            provider,
            body,
            references,
            meta,
        });
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::aws::s3::{S3Bucket, S3BucketVersioning, VersioningConfiguration};
    use crate::core::{App, Lifecycle, Ref};
    use crate::testing::{resource, synth, synth_errors};

    fn bucket(name: &str) -> S3Bucket {
        S3Bucket {
            bucket: name.into(),
            force_destroy: true,
            tags: Default::default(),
        }
    }

    fn versioning(bucket: &Ref<S3Bucket>) -> S3BucketVersioning {
        S3BucketVersioning {
            bucket: bucket.id(),
            versioning_configuration: VersioningConfiguration {
                status: "Enabled".to_owned(),
            },
        }
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
            postcondition: vec![crate::core::Postcondition {
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
}
