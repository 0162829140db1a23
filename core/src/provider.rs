//! Aliased providers. Every resource is bound to exactly one: an AWS
//! provider (the typed resources' own), or a provider of another kind
//! declared as-is ([`OtherProvider`]) for resources without bindings.

use std::collections::BTreeMap;
use std::sync::Arc;

use serde::Serialize;

/// An `aws` provider block with an alias, e.g. `aws.primary` in `us-east-1`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct AwsProvider {
    /// The alias resources name it by, e.g. `primary` for `aws.primary`.
    pub alias: String,
    /// The region it manages resources in, e.g. `us-east-1`.
    pub region: String,
    /// Tags the provider puts on every resource it manages.
    pub default_tags: BTreeMap<String, String>,
}

impl AwsProvider {
    /// A provider `alias` in `region`, without default tags.
    pub fn new(alias: impl Into<String>, region: impl Into<String>) -> Self {
        Self {
            alias: alias.into(),
            region: region.into(),
            default_tags: BTreeMap::new(),
        }
    }

    /// Adds the default tag `key` = `value`.
    pub fn tag(mut self, key: impl Into<String>, value: impl Into<String>) -> Self {
        self.default_tags.insert(key.into(), value.into());
        self
    }
}

#[derive(Serialize)]
struct DefaultTags<'a> {
    tags: &'a BTreeMap<String, String>,
}

impl Serialize for AwsProvider {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeMap;
        let mut map = serializer.serialize_map(None)?;
        map.serialize_entry("alias", &self.alias)?;
        if !self.default_tags.is_empty() {
            map.serialize_entry(
                "default_tags",
                &DefaultTags {
                    tags: &self.default_tags,
                },
            )?;
        }
        map.serialize_entry("region", &self.region)?;
        map.end()
    }
}

/// A provider without typed bindings, e.g. `cloudflare` or `random`,
/// declared with its source, version and configuration as written in
/// Terraform; bind resources declared with `Scope::raw_resource` to it.
#[derive(Clone, Debug, PartialEq)]
pub struct OtherProvider {
    /// Its local name, e.g. `cloudflare`: the provider block's name.
    pub name: String,
    /// Its registry source, e.g. `cloudflare/cloudflare`.
    pub source: String,
    /// Its version constraint, e.g. `~> 4.40`.
    pub version: String,
    /// The alias resources name it by.
    pub alias: String,
    /// Its configuration arguments (credentials belong in the environment).
    pub config: BTreeMap<String, serde_json::Value>,
}

impl Serialize for OtherProvider {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeMap;
        let mut map = serializer.serialize_map(None)?;
        map.serialize_entry("alias", &self.alias)?;
        for (key, value) in &self.config {
            if key != "alias" {
                map.serialize_entry(key, value)?;
            }
        }
        map.end()
    }
}

/// A handle on a provider declared in a stack; resources are bound to it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ProviderRef {
    /// `aws`, or an [`OtherProvider`]'s name.
    pub(crate) name: Arc<str>,
    pub(crate) alias: Arc<str>,
    pub(crate) region: Arc<str>,
    pub(crate) stack: Arc<str>,
}

impl ProviderRef {
    /// The provider's alias, e.g. `primary`.
    pub fn alias(&self) -> &str {
        &self.alias
    }

    /// The region the provider manages, e.g. `us-east-1`; empty for an
    /// [`OtherProvider`].
    pub fn region(&self) -> &str {
        &self.region
    }

    /// The meta-argument value: `aws.primary`.
    pub(crate) fn meta_argument(&self) -> String {
        format!("{}.{}", self.name, self.alias)
    }
}
