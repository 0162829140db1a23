//! `cargo bench -p payments`: building, checking and rendering the payments app,
//! alone and as 1, 10 and 50 deployments in one document, and each later
//! phase on its own: the policy rules, the DR report, the pretty JSON. The
//! throughput is in resources, so the cost per resource shows whether a
//! phase stays linear as the stack grows.

use constructs::core::Document;
use constructs::dr::report::DrReport;
use constructs::rules;
use criterion::{BenchmarkId, Criterion, Throughput, criterion_group, criterion_main};
use payments::{Config, payments_app, scaled_payments_app};

const SCALES: [usize; 3] = [1, 10, 50];

/// One phase, given the number of deployments and their document.
type Phase<'a> = &'a dyn Fn(usize, &Document);

fn document(copies: Option<usize>) -> Document {
    let config = Config::default();
    let app = match copies {
        Some(copies) => scaled_payments_app(&config, copies),
        None => payments_app(&config),
    }
    .expect("the default config is valid");
    app.synth().expect("the app synthesizes").remove(0)
}

fn bench(c: &mut Criterion) {
    c.bench_function("payments_app", |b| b.iter(|| document(None).to_json()));
    let context = Config::default().rules_context();
    let documents: Vec<(usize, Document)> = SCALES
        .iter()
        .map(|&copies| (copies, document(Some(copies))))
        .collect();
    let phases: [(&str, Phase<'_>); 4] = [
        ("environments", &|copies, _| {
            document(Some(copies)).to_json();
        }),
        ("rules", &|_, document| {
            rules::audit(document, &context);
        }),
        ("dr_report", &|_, document| {
            DrReport::of(document);
        }),
        ("pretty_json", &|_, document| {
            document.to_json();
        }),
    ];
    for (name, phase) in phases {
        let mut group = c.benchmark_group(name);
        for (copies, document) in &documents {
            group.throughput(Throughput::Elements(document.all_resources().count() as u64));
            group.bench_with_input(
                BenchmarkId::from_parameter(copies),
                document,
                |b, document| b.iter(|| phase(*copies, document)),
            );
        }
        group.finish();
    }
}

criterion_group!(benches, bench);
criterion_main!(benches);
