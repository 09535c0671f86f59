//! Benchmark: building the index (target ≤ 1 s): the whole of `talentdex index` after the corpus
//! is loaded — the analyzer with its dictionary, analysis and writing to disk — and the build
//! alone in RAM. `cargo bench --bench index_build`.

mod common;

use std::hint::black_box;

use criterion::{Criterion, criterion_group, criterion_main};
use talentdex::index;

fn index_build(c: &mut Criterion) {
    let corpus = common::corpus();
    let mut group = c.benchmark_group("index_build");
    group.sample_size(10);
    let dir = tempfile::tempdir().expect("a temporary directory");
    group.bench_function("analyzer_and_build_on_disk", |b| {
        b.iter(|| {
            let analyzer = common::analyzer();
            black_box(index::build(dir.path(), &corpus, &analyzer).expect("built"))
        })
    });
    let analyzer = common::analyzer();
    group.bench_function("build_in_ram", |b| {
        b.iter(|| black_box(index::build_in_ram(&corpus, &analyzer).expect("built")))
    });
    group.finish();
}

criterion_group!(benches, index_build);
criterion_main!(benches);
