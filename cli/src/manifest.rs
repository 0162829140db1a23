//! The manifest of logical ids (`manifest.json` beside `main.tf.json`):
//! every resource's address, construct path and physical name, as last
//! synthesized. When an id disappears while a resource of the same type and
//! name appears, Terraform would destroy and recreate it; synth warns and
//! prints the exact line that turns it into a move.

use std::collections::BTreeMap;

use constructs::core::{ConstructPath, Document};
use serde::{Deserialize, Serialize};

/// The file beside `main.tf.json`.
pub const FILE_NAME: &str = "manifest.json";

/// Attributes that hold a resource's physical name, in order of preference.
const NAME_ATTRIBUTES: [&str; 7] = [
    "name",
    "bucket",
    "function_name",
    "alarm_name",
    "dashboard_name",
    "domain_name",
    "cidr_block",
];

#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Manifest {
    pub resources: BTreeMap<String, Entry>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Entry {
    pub path: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
}

impl Manifest {
    /// The manifest of a synthesized document and its construct paths.
    pub fn of(document: &Document, paths: &BTreeMap<String, ConstructPath>) -> Self {
        let resources = document
            .all_resources()
            .map(|(tf_type, id, body)| {
                let address = format!("{tf_type}.{id}");
                let name = NAME_ATTRIBUTES
                    .iter()
                    .find_map(|attribute| body[*attribute].as_str())
                    .map(str::to_owned);
                let path = paths
                    .get(&address)
                    .map(ToString::to_string)
                    .unwrap_or_default();
                (address, Entry { path, name })
            })
            .collect();
        Self { resources }
    }

    pub fn to_json(&self) -> String {
        let mut text = serde_json::to_string_pretty(self).expect("the manifest serializes");
        text.push('\n');
        text
    }

    /// Renames Terraform would carry out as destroy-and-create: an address
    /// of `previous` gone, one of the same type and physical name new, and
    /// no `moved` block joining them.
    pub fn unmoved_renames(&self, previous: &Manifest, moved: &[(String, String)]) -> Vec<String> {
        let mut warnings = Vec::new();
        for (old_address, old) in &previous.resources {
            if self.resources.contains_key(old_address) {
                continue;
            }
            let Some(old_name) = &old.name else { continue };
            let old_type = old_address.split('.').next().unwrap_or_default();
            let renamed = self.resources.iter().find(|(address, entry)| {
                !previous.resources.contains_key(*address)
                    && address.split('.').next() == Some(old_type)
                    && entry.name.as_ref() == Some(old_name)
            });
            let Some((new_address, new)) = renamed else {
                continue;
            };
            if moved
                .iter()
                .any(|(from, to)| from == old_address && to == new_address)
            {
                continue;
            }
            warnings.push(format!(
                "warning: {old_address} ({}) disappeared and {new_address} ({}) appeared with the same name `{old_name}`: \
                 Terraform would destroy it and create it again.\n  \
                 If this is a rename, give the construct at `{}` its previous path:\n    \
                 Meta::default().renamed_from(ConstructPath::parse(\"{}\"))\n  \
                 (which emits: moved {{ from = {old_address}, to = {new_address} }})",
                old.path, new.path, new.path, old.path
            ));
        }
        warnings
    }
}

/// The `moved` blocks of a document, as (from, to).
pub fn moved_blocks(document: &Document) -> Vec<(String, String)> {
    document.value()["moved"]
        .as_array()
        .into_iter()
        .flatten()
        .filter_map(|m| Some((m["from"].as_str()?.to_owned(), m["to"].as_str()?.to_owned())))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn manifest(entries: &[(&str, &str, &str)]) -> Manifest {
        Manifest {
            resources: entries
                .iter()
                .map(|(address, path, name)| {
                    (
                        (*address).to_owned(),
                        Entry {
                            path: (*path).to_owned(),
                            name: Some((*name).to_owned()),
                        },
                    )
                })
                .collect(),
        }
    }

    #[test]
    fn a_rename_without_a_move_is_reported_with_the_line_to_add() {
        let before = manifest(&[(
            "aws_sqs_queue.primary_queue_main",
            "primary/queue/main",
            "payments-dev",
        )]);
        let after = manifest(&[(
            "aws_sqs_queue.primary_queues_main",
            "primary/queues/main",
            "payments-dev",
        )]);
        let warnings = after.unmoved_renames(&before, &[]);
        assert_eq!(warnings.len(), 1);
        assert!(
            warnings[0].contains(
                "Meta::default().renamed_from(ConstructPath::parse(\"primary/queue/main\"))"
            ),
            "{}",
            warnings[0]
        );
        assert!(warnings[0].contains("moved { from = aws_sqs_queue.primary_queue_main, to = aws_sqs_queue.primary_queues_main }"));
        let moved = [(
            "aws_sqs_queue.primary_queue_main".to_owned(),
            "aws_sqs_queue.primary_queues_main".to_owned(),
        )];
        assert!(after.unmoved_renames(&before, &moved).is_empty());
    }

    #[test]
    fn other_names_or_types_are_not_renames() {
        let before = manifest(&[("aws_sqs_queue.a", "a", "q1")]);
        assert!(
            manifest(&[("aws_sqs_queue.b", "b", "q2")])
                .unmoved_renames(&before, &[])
                .is_empty()
        );
        assert!(
            manifest(&[("aws_sns_topic.b", "b", "q1")])
                .unmoved_renames(&before, &[])
                .is_empty()
        );
        assert!(before.unmoved_renames(&before, &[]).is_empty());
    }
}
