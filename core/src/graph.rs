//! The construct graph: constructs as nodes (at a chosen depth of the
//! construct path), each in the region of its provider, and an edge wherever
//! a resource of one construct refers to (or depends on) another's.

use std::collections::{BTreeMap, BTreeSet};

use super::id::ConstructPath;
use super::reference::BlockKind;
use super::stack::Stack;

/// A construct and the region it lives in.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub struct GraphNode {
    /// The construct path cut at the graph's depth, e.g. `primary/api`.
    pub path: String,
    /// The region of the provider its resources are bound to.
    pub region: String,
    /// How many resources and data sources it holds.
    pub blocks: usize,
}

/// Which constructs of a stack refer to which, per region; built by
/// [`Stack::construct_graph`].
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ConstructGraph {
    /// The constructs that manage at least one resource, sorted.
    pub nodes: Vec<GraphNode>,
    /// `(from, to)`: a resource of `from` refers to one of `to`.
    pub edges: Vec<(String, String)>,
}

impl Stack {
    /// The graph of constructs `depth` names deep (1: `primary`, 2:
    /// `primary/api`). A construct whose resources span regions (a
    /// replicated bucket) is one node per region.
    pub fn construct_graph(&self, depth: usize) -> ConstructGraph {
        let node_of = |path: &ConstructPath, region: &str| {
            let names = path.names();
            let cut = names.len().saturating_sub(1).clamp(1, depth.max(1));
            (names[..cut.min(names.len())].join("/"), region.to_owned())
        };
        let regions: BTreeMap<&str, &str> = self
            .providers
            .iter()
            .map(|p| (p.alias.as_str(), p.region.as_str()))
            .collect();
        let region_of = |alias: &str| regions.get(alias).copied().unwrap_or("unknown").to_owned();

        let mut counts: BTreeMap<(String, String), usize> = BTreeMap::new();
        let mut located: BTreeMap<String, (String, String)> = BTreeMap::new();
        let mut managed: BTreeSet<(String, String)> = BTreeSet::new();
        for block in &self.blocks {
            let node = node_of(&block.target.path, &region_of(&block.provider.alias));
            *counts.entry(node.clone()).or_default() += 1;
            if block.target.kind == BlockKind::Resource {
                managed.insert(node.clone());
            }
            located.insert(block.target.address(), node);
        }
        // A construct of data sources alone (an account lookup) manages
        // nothing: it is no node, and references to it are no edges.
        counts.retain(|node, _| managed.contains(node));
        located.retain(|_, node| managed.contains(node));
        let label = |(path, region): &(String, String)| node_key(path, region);
        let mut edges = BTreeSet::new();
        for block in &self.blocks {
            let Some(from) = located.get(&block.target.address()) else {
                continue;
            };
            for target in block.references.iter().chain(&block.meta.depends_on) {
                if let Some(to) = located.get(&target.address())
                    && to != from
                {
                    edges.insert((label(from), label(to)));
                }
            }
        }
        ConstructGraph {
            nodes: counts
                .into_iter()
                .map(|((path, region), blocks)| GraphNode {
                    path,
                    region,
                    blocks,
                })
                .collect(),
            edges: edges.into_iter().collect(),
        }
    }
}

impl GraphNode {
    /// The node's identity in edges: `path@region`.
    pub fn key(&self) -> String {
        node_key(&self.path, &self.region)
    }
}

fn node_key(path: &str, region: &str) -> String {
    format!("{path}@{region}")
}

#[cfg(test)]
mod tests {
    use crate::fixtures::{
        S3Bucket, S3BucketVersioning, S3BucketVersioningVersioningConfiguration,
    };
    use crate::{AwsProvider, Stack};

    #[test]
    fn nodes_per_construct_and_region_with_reference_edges() {
        let mut stack = Stack::new("app");
        let primary = stack.provider(AwsProvider::new("primary", "us-east-1"));
        let secondary = stack.provider(AwsProvider::new("secondary", "us-east-2"));
        let mut root = stack.scope(&primary);
        let mut data = root.child("data");
        let bucket = data.child("source").resource(
            "bucket",
            S3Bucket {
                bucket: Some("b".into()),
                force_destroy: Some(true.into()),
                ..S3Bucket::new()
            },
        );
        data.child_in("replica", &secondary).resource(
            "versioning",
            S3BucketVersioning::new(
                bucket.id(),
                S3BucketVersioningVersioningConfiguration::new("Enabled"),
            ),
        );
        let graph = stack.construct_graph(2);
        let keys: Vec<String> = graph.nodes.iter().map(|n| n.key()).collect();
        assert_eq!(keys, ["data/replica@us-east-2", "data/source@us-east-1"]);
        assert_eq!(
            graph.edges,
            [(
                "data/replica@us-east-2".to_owned(),
                "data/source@us-east-1".to_owned()
            )]
        );
        let shallow = stack.construct_graph(1);
        let keys: Vec<String> = shallow.nodes.iter().map(|n| n.key()).collect();
        assert_eq!(keys, ["data@us-east-1", "data@us-east-2"]);
    }
}
