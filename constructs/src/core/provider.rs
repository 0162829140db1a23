//! Aliased AWS providers. Every resource is bound to exactly one.

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

/// A handle on a provider declared in a stack; resources are bound to it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ProviderRef {
    pub(crate) alias: Arc<str>,
    pub(crate) region: Arc<str>,
    pub(crate) stack: Arc<str>,
}

impl ProviderRef {
    /// The provider's alias, e.g. `primary`.
    pub fn alias(&self) -> &str {
        &self.alias
    }

    /// The region the provider manages, e.g. `us-east-1`.
    pub fn region(&self) -> &str {
        &self.region
    }

    /// The meta-argument value: `aws.primary`.
    pub(crate) fn meta_argument(&self) -> String {
        format!("aws.{}", self.alias)
    }
}
