//! References that reached a body as text: an `Expr` serialized before
//! synth could record it (`serde_json::json!` renders its arguments at
//! once) leaves only `${aws_x.y.attr}` in a string. Synth reads the
//! addresses back out of such text, so they are checked like recorded
//! references. Only bodies built from untyped values (raw blocks and
//! overrides) are read: a typed body records every reference it holds.

use std::collections::BTreeSet;

use serde_json::Value;

/// The block addresses (`aws_s3_bucket.logs`, `data.aws_partition.current`)
/// named inside the `${...}` interpolations of every string in `values`.
pub(crate) fn addresses_in<'v>(values: impl IntoIterator<Item = &'v Value>) -> BTreeSet<String> {
    let mut found = BTreeSet::new();
    for value in values {
        collect(value, &mut found);
    }
    found
}

fn collect(value: &Value, found: &mut BTreeSet<String>) {
    match value {
        Value::String(text) => {
            for interpolation in interpolations(text) {
                addresses(interpolation, found);
            }
        }
        Value::Array(items) => items.iter().for_each(|item| collect(item, found)),
        Value::Object(map) => map.values().for_each(|item| collect(item, found)),
        _ => {}
    }
}

/// The contents of each `${...}` of `text`, nested braces included.
fn interpolations(text: &str) -> Vec<&str> {
    let mut out = Vec::new();
    let mut rest = text;
    while let Some(start) = rest.find("${") {
        let body = &rest[start + 2..];
        let mut depth = 1;
        let mut end = None;
        for (i, c) in body.char_indices() {
            match c {
                '{' => depth += 1,
                '}' => {
                    depth -= 1;
                    if depth == 0 {
                        end = Some(i);
                        break;
                    }
                }
                _ => {}
            }
        }
        let Some(end) = end else { break };
        out.push(&body[..end]);
        rest = &body[end + 1..];
    }
    out
}

/// Traversals `type.name` (and `data.type.name`) in one expression, where
/// `type` has the provider prefix's underscore (`aws_...`), which no
/// other root name (`var`, `local`, `self`, `each`, ...) has.
fn addresses(expression: &str, found: &mut BTreeSet<String>) {
    let is_name = |c: char| c.is_ascii_alphanumeric() || c == '_' || c == '-';
    let mut words: Vec<(usize, &str)> = Vec::new();
    let mut start = None;
    for (i, c) in expression.char_indices() {
        match (start, is_name(c)) {
            (None, true) => start = Some(i),
            (Some(s), false) => {
                words.push((s, &expression[s..i]));
                start = None;
            }
            _ => {}
        }
    }
    if let Some(s) = start {
        words.push((s, &expression[s..]));
    }
    // A traversal is words joined by single dots, not inside a string.
    let joined = |a: &(usize, &str), b: &(usize, &str)| expression[a.0 + a.1.len()..b.0] == *".";
    let mut i = 0;
    while i < words.len() {
        let first = words[i];
        let preceded_by_dot = expression[..first.0].ends_with('.');
        let starts_name = first.1.starts_with(|c: char| c.is_ascii_alphabetic());
        if preceded_by_dot || !starts_name {
            i += 1;
            continue;
        }
        let (tf_type, name, data) = if first.1 == "data" {
            match (words.get(i + 1), words.get(i + 2)) {
                (Some(t), Some(n)) if joined(&first, t) && joined(t, n) => (t.1, n.1, true),
                _ => {
                    i += 1;
                    continue;
                }
            }
        } else {
            match words.get(i + 1) {
                Some(n) if joined(&first, n) => (first.1, n.1, false),
                _ => {
                    i += 1;
                    continue;
                }
            }
        };
        if tf_type.contains('_') {
            found.insert(if data {
                format!("data.{tf_type}.{name}")
            } else {
                format!("{tf_type}.{name}")
            });
        }
        i += if data { 3 } else { 2 };
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn found(text: &str) -> Vec<String> {
        addresses_in([&Value::String(text.to_owned())])
            .into_iter()
            .collect()
    }

    #[test]
    fn addresses_are_read_from_interpolations_only() {
        assert_eq!(found("aws_s3_bucket.logs.arn"), Vec::<String>::new());
        assert_eq!(found("${aws_s3_bucket.logs.arn}"), ["aws_s3_bucket.logs"]);
        assert_eq!(
            found("arn:${data.aws_partition.current.partition}:s3:::${aws_s3_bucket.logs.id}/*"),
            ["aws_s3_bucket.logs", "data.aws_partition.current"]
        );
        assert_eq!(
            found("${jsonencode({a = aws_sqs_queue.dlq.arn, b = var.env, c = self.id})}"),
            ["aws_sqs_queue.dlq"]
        );
        assert_eq!(
            found("${[for r in aws_dynamodb_table.t.replica : r.arn if r.region_name == \"x\"]}"),
            ["aws_dynamodb_table.t"]
        );
        // Names that are not blocks, and attributes after a dot.
        assert_eq!(
            found("${var.a_b.c} ${local.my_value.x} ${each.value.a_b}"),
            Vec::<String>::new()
        );
    }
}
