//! Writing the configuration atomically, and comparing it with what is on disk.

use std::collections::BTreeSet;
use std::fs;
use std::io;
use std::path::Path;

use serde_json::Value;

/// Writes `text` to `path` through a temporary file in the same directory and
/// a rename, so a reader never sees half a file and a failure leaves the old
/// file as it was.
pub fn write_atomically(path: &Path, text: &str) -> io::Result<()> {
    let dir = path.parent().filter(|d| !d.as_os_str().is_empty());
    if let Some(dir) = dir {
        fs::create_dir_all(dir)?;
    }
    let file_name = path
        .file_name()
        .and_then(|n| n.to_str())
        .unwrap_or("main.tf.json");
    let temporary = path.with_file_name(format!(".{file_name}.{}.tmp", std::process::id()));
    let result = fs::write(&temporary, text).and_then(|()| fs::rename(&temporary, path));
    if result.is_err() {
        let _ = fs::remove_file(&temporary);
    }
    result
}

/// What [`write_if_changed`] did.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Written {
    /// The file already held `text`; it was left alone (and its mtime).
    Unchanged,
    /// The file was replaced atomically.
    Replaced,
}

/// Writes `text` to `path` atomically unless `on_disk`, what the caller
/// read from it (`None` when there was nothing to read), is exactly that:
/// reading costs less than writing and renaming, and an unchanged file
/// keeps its modification time for `make`.
pub fn write_if_changed(path: &Path, text: &str, on_disk: Option<&str>) -> io::Result<Written> {
    if on_disk == Some(text) {
        return Ok(Written::Unchanged);
    }
    write_atomically(path, text).map(|()| Written::Replaced)
}

/// A short description of how `on_disk` differs from `expected`, one line per
/// difference, at most `limit` lines.
pub fn summarize_difference(on_disk: &str, expected: &str, limit: usize) -> Vec<String> {
    let Ok(disk) = serde_json::from_str::<Value>(on_disk) else {
        return vec!["the file on disk is not valid JSON".to_owned()];
    };
    let Ok(wanted) = serde_json::from_str::<Value>(expected) else {
        return vec!["synth produced invalid JSON".to_owned()];
    };
    let mut lines = Vec::new();
    let disk_blocks = blocks(&disk);
    let wanted_blocks = blocks(&wanted);
    let addresses: BTreeSet<&String> = disk_blocks
        .iter()
        .chain(&wanted_blocks)
        .map(|(a, _)| a)
        .collect();
    for address in addresses {
        let before = disk_blocks
            .iter()
            .find(|(a, _)| a == address)
            .map(|(_, v)| v);
        let after = wanted_blocks
            .iter()
            .find(|(a, _)| a == address)
            .map(|(_, v)| v);
        match (before, after) {
            (None, Some(_)) => lines.push(format!("+ {address} (missing on disk)")),
            (Some(_), None) => lines.push(format!("- {address} (on disk, no longer synthesized)")),
            (Some(b), Some(a)) if b != a => lines.push(format!("~ {address} (differs)")),
            _ => {}
        }
    }
    if lines.is_empty() {
        lines.push("the content is equal but the formatting differs".to_owned());
    }
    if lines.len() > limit {
        let more = lines.len() - limit;
        lines.truncate(limit);
        lines.push(format!("... and {more} more"));
    }
    lines
}

/// Every addressable part of a document: resources, data sources, outputs,
/// variables, and the terraform/provider/moved sections as a whole.
fn blocks(document: &Value) -> Vec<(String, &Value)> {
    let mut found = Vec::new();
    for section in ["terraform", "provider", "moved"] {
        if let Some(value) = document.get(section) {
            found.push((section.to_owned(), value));
        }
    }
    for (section, prefix) in [("resource", ""), ("data", "data.")] {
        for (tf_type, ids) in document[section].as_object().into_iter().flatten() {
            for (id, body) in ids.as_object().into_iter().flatten() {
                found.push((format!("{prefix}{tf_type}.{id}"), body));
            }
        }
    }
    for section in ["output", "variable"] {
        for (name, body) in document[section].as_object().into_iter().flatten() {
            found.push((format!("{section}.{name}"), body));
        }
    }
    found
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn summary_lists_added_removed_and_changed_blocks() {
        let disk = r#"{"resource":{"aws_s3_bucket":{"a":{"bucket":"x"},"b":{"bucket":"y"}}}}"#;
        let wanted = r#"{"resource":{"aws_s3_bucket":{"a":{"bucket":"z"},"c":{"bucket":"y"}}}}"#;
        assert_eq!(
            summarize_difference(disk, wanted, 10),
            vec![
                "~ aws_s3_bucket.a (differs)",
                "- aws_s3_bucket.b (on disk, no longer synthesized)",
                "+ aws_s3_bucket.c (missing on disk)",
            ]
        );
        assert_eq!(summarize_difference(disk, wanted, 1).len(), 2);
    }

    #[test]
    fn summary_of_formatting_only_and_broken_files() {
        assert_eq!(
            summarize_difference("{\"a\":1}", "{\n  \"a\": 1\n}\n", 5),
            vec!["the content is equal but the formatting differs"]
        );
        assert_eq!(
            summarize_difference("{", "{}", 5),
            vec!["the file on disk is not valid JSON"]
        );
    }

    #[test]
    fn an_unchanged_file_is_not_rewritten() {
        let dir = std::env::temp_dir().join(format!("synth-unchanged-{}", std::process::id()));
        let path = dir.join("main.tf.json");
        let write = |text| {
            let on_disk = fs::read_to_string(&path).ok();
            write_if_changed(&path, text, on_disk.as_deref()).unwrap()
        };
        assert_eq!(write("one"), Written::Replaced);
        let before = fs::metadata(&path).unwrap().modified().unwrap();
        assert_eq!(write("one"), Written::Unchanged);
        assert_eq!(fs::metadata(&path).unwrap().modified().unwrap(), before);
        assert_eq!(write("two"), Written::Replaced);
        assert_eq!(fs::read_to_string(&path).unwrap(), "two");
        fs::remove_dir_all(dir).unwrap();
    }

    #[test]
    fn atomic_write_replaces_and_leaves_no_temporary() {
        let dir = std::env::temp_dir().join(format!("synth-write-{}", std::process::id()));
        let path = dir.join("main.tf.json");
        write_atomically(&path, "one").unwrap();
        write_atomically(&path, "two").unwrap();
        assert_eq!(fs::read_to_string(&path).unwrap(), "two");
        let entries: Vec<_> = fs::read_dir(&dir).unwrap().collect();
        assert_eq!(entries.len(), 1);
        fs::remove_dir_all(dir).unwrap();
    }
}
