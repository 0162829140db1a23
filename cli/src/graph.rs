//! Rendering the construct graph as Graphviz DOT or a Mermaid flowchart.
//! Regions are clusters; edges that cross regions (replication, failover)
//! are bold, edges from monitoring (alarms, dashboard) are dashed.

use std::collections::BTreeMap;
use std::fmt::Write;

use constructs::core::ConstructGraph;

/// What kind of relation an edge draws, from the constructs it joins.
#[derive(Clone, Copy, PartialEq, Eq)]
enum EdgeKind {
    CrossRegion,
    Monitoring,
    Local,
}

fn kind(from: &str, to: &str) -> EdgeKind {
    let region = |key: &str| key.rsplit('@').next().unwrap_or_default().to_owned();
    if from.starts_with("monitoring") {
        EdgeKind::Monitoring
    } else if region(from) != region(to) {
        EdgeKind::CrossRegion
    } else {
        EdgeKind::Local
    }
}

fn by_region(graph: &ConstructGraph) -> BTreeMap<&str, Vec<(usize, &constructs::core::GraphNode)>> {
    let mut regions: BTreeMap<&str, Vec<_>> = BTreeMap::new();
    for (index, node) in graph.nodes.iter().enumerate() {
        regions
            .entry(node.region.as_str())
            .or_default()
            .push((index, node));
    }
    regions
}

fn index_of(graph: &ConstructGraph) -> BTreeMap<String, usize> {
    graph
        .nodes
        .iter()
        .enumerate()
        .map(|(i, n)| (n.key(), i))
        .collect()
}

/// `primary/api` -> `RegionalStack primary/api`, for constructs whose kind
/// the app names.
fn label(path: &str, kinds: &[(&str, &str)]) -> String {
    let top = path.split('/').next().unwrap_or(path);
    match kinds.iter().find(|(name, _)| *name == top) {
        Some((_, kind)) => format!("{kind}\\n{path}"),
        None => path.to_owned(),
    }
}

fn resources(count: usize) -> String {
    if count == 1 {
        "1 resource".to_owned()
    } else {
        format!("{count} resources")
    }
}

pub fn dot(graph: &ConstructGraph, title: &str, kinds: &[(&str, &str)]) -> String {
    let mut out = String::new();
    let _ = writeln!(out, "digraph drsynth {{");
    let _ = writeln!(
        out,
        "  label=\"{title}\"; labelloc=t; fontname=\"Helvetica\"; fontsize=20;"
    );
    let _ = writeln!(
        out,
        "  rankdir=LR; nodesep=0.3; ranksep=1.1; compound=true;"
    );
    let _ = writeln!(
        out,
        "  node [shape=box, style=\"rounded,filled\", fillcolor=\"#f7f9fc\", color=\"#5b6b82\", fontname=\"Helvetica\", fontsize=11];"
    );
    let _ = writeln!(out, "  edge [color=\"#5b6b82\", arrowsize=0.7];");
    for (cluster, (region, nodes)) in by_region(graph).into_iter().enumerate() {
        let _ = writeln!(out, "  subgraph cluster_{cluster} {{");
        let _ = writeln!(
            out,
            "    label=\"{region}\"; style=\"rounded,filled\"; fillcolor=\"#eef3fa\"; color=\"#9fb3cf\"; fontname=\"Helvetica\"; fontsize=14;"
        );
        for (index, node) in nodes {
            let _ = writeln!(
                out,
                "    n{index} [label=\"{}\\n{}\"];",
                label(&node.path, kinds),
                resources(node.blocks)
            );
        }
        let _ = writeln!(out, "  }}");
    }
    let index = index_of(graph);
    for (from, to) in &graph.edges {
        let style = match kind(from, to) {
            EdgeKind::CrossRegion => " [color=\"#c0392b\", penwidth=2]",
            EdgeKind::Monitoring => " [style=dashed, color=\"#a0a8b5\"]",
            EdgeKind::Local => "",
        };
        let _ = writeln!(out, "  n{} -> n{}{style};", index[from], index[to]);
    }
    let _ = writeln!(out, "}}");
    out
}

pub fn mermaid(graph: &ConstructGraph, kinds: &[(&str, &str)]) -> String {
    let mut out = String::from("flowchart LR\n");
    for (region, nodes) in by_region(graph) {
        let _ = writeln!(out, "  subgraph {}[\"{region}\"]", region.replace('-', "_"));
        for (index, node) in nodes {
            let label = label(&node.path, kinds).replace("\\n", "<br/>");
            let _ = writeln!(
                out,
                "    n{index}[\"{label}<br/>{}\"]",
                resources(node.blocks)
            );
        }
        let _ = writeln!(out, "  end");
    }
    let index = index_of(graph);
    for (from, to) in &graph.edges {
        let arrow = match kind(from, to) {
            EdgeKind::CrossRegion => "==>",
            EdgeKind::Monitoring => "-.->",
            EdgeKind::Local => "-->",
        };
        let _ = writeln!(out, "  n{} {arrow} n{}", index[from], index[to]);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use constructs::core::GraphNode;

    fn graph() -> ConstructGraph {
        let node = |path: &str, region: &str| GraphNode {
            path: path.to_owned(),
            region: region.to_owned(),
            blocks: 2,
        };
        ConstructGraph {
            nodes: vec![
                node("documents/source", "us-east-1"),
                node("documents/destination", "us-east-2"),
                node("monitoring/primary", "us-east-1"),
            ],
            edges: vec![
                (
                    "documents/source@us-east-1".into(),
                    "documents/destination@us-east-2".into(),
                ),
                (
                    "monitoring/primary@us-east-1".into(),
                    "documents/source@us-east-1".into(),
                ),
            ],
        }
    }

    #[test]
    fn dot_has_region_clusters_and_styled_edges() {
        let text = dot(&graph(), "payments", &[]);
        assert!(text.starts_with("digraph drsynth {"));
        assert!(text.contains("label=\"us-east-1\""));
        assert!(text.contains("n0 [label=\"documents/source\\n2 resources\"];"));
        assert!(text.contains("n0 -> n1 [color=\"#c0392b\", penwidth=2];"));
        assert!(text.contains("n2 -> n0 [style=dashed"));
    }

    #[test]
    fn mermaid_has_subgraphs_and_arrows() {
        let text = mermaid(&graph(), &[("documents", "ReplicatedBucket")]);
        assert!(text.contains("subgraph us_east_2[\"us-east-2\"]"));
        assert!(
            text.contains("n1[\"ReplicatedBucket<br/>documents/destination<br/>2 resources\"]"),
            "{text}"
        );
        assert!(text.contains("n0 ==> n1"));
        assert!(text.contains("n2 -.-> n0"));
    }
}
