//! The smallest DR stack: one DynamoDB table replicated from eu-west-1 to
//! eu-central-1, and its DR report (its recovery point, and the gap that
//! nothing moves clients to the other region).
//!
//! `cargo run --example minimal -- --out DIR`

use std::process::ExitCode;

use constructs::Synthesis;
use constructs::core::{App, AwsProvider, Stack};
use constructs::dr::global_table::{GlobalTable, GlobalTableProps, Key, TableReplica};
use constructs::rules::{Context, Posture};
use drsynth_cli::{NoSettings, Refused};

fn main() -> ExitCode {
    drsynth_cli::main(|_: &NoSettings| -> Result<Synthesis, Refused> {
        let mut stack = Stack::new("ledger");
        let primary = stack.provider(AwsProvider::new("primary", "eu-west-1"));
        GlobalTable::new(
            &mut stack.scope(&primary).child("entries"),
            GlobalTableProps::new(
                "ledger-entries-demo",
                Key::string("entry_id"),
                vec![TableReplica::in_region("eu-central-1")],
            ),
        );
        let mut app = App::new();
        app.add_stack(stack);
        let rules = Context {
            name_suffix: Some("demo".to_owned()),
            posture: Posture::Disposable,
        };
        Ok(Synthesis::new("ledger: one replicated table", app, rules))
    })
}
