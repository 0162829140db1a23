//! `cargo bench -p payments`: building, checking and rendering the payments app,
//! alone and as 1, 10 and 50 deployments in one document. The throughput is
//! in resources, so the cost per resource shows whether synth stays linear.

use criterion::{BenchmarkId, Criterion, Throughput, criterion_group, criterion_main};
use payments::{Config, payments_app, scaled_payments_app};

fn synth_text(copies: Option<usize>) -> String {
    let config = Config::default();
    let app = match copies {
        Some(copies) => scaled_payments_app(&config, copies),
        None => payments_app(&config),
    }
    .expect("the default config is valid");
    app.synth()
        .expect("the app synthesizes")
        .remove(0)
        .to_json()
}

fn resources(copies: usize) -> u64 {
    let config = Config::default();
    let document = scaled_payments_app(&config, copies)
        .unwrap()
        .synth()
        .unwrap()
        .remove(0);
    document.all_resources().count() as u64
}

fn bench(c: &mut Criterion) {
    c.bench_function("payments_app", |b| b.iter(|| synth_text(None)));
    let mut group = c.benchmark_group("environments");
    for copies in [1, 10, 50] {
        group.throughput(Throughput::Elements(resources(copies)));
        group.bench_with_input(
            BenchmarkId::from_parameter(copies),
            &copies,
            |b, &copies| b.iter(|| synth_text(Some(copies))),
        );
    }
    group.finish();
    // What writing that much pretty JSON costs by itself, for comparison.
    let document: serde_json::Value = serde_json::from_str(&synth_text(Some(50))).unwrap();
    c.bench_function("pretty_json_only/50", |b| {
        b.iter(|| serde_json::to_string_pretty(&document).unwrap())
    });
}

criterion_group!(benches, bench);
criterion_main!(benches);
