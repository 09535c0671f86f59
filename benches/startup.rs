//! Benchmark: start-up to the first answer with a built index (target ≤ 300 ms) — load and check
//! the corpus, load the analyzer, open and verify the index, answer one query. This is what
//! `talentdex serve` does before it can answer. `cargo bench --bench startup`.

mod common;

use std::hint::black_box;

use criterion::{Criterion, criterion_group, criterion_main};
use talentdex::app::{App, IndexLocation, IndexSource, Options, SearchRequest};

fn startup(c: &mut Criterion) {
    let dir = tempfile::tempdir().expect("a temporary directory");
    talentdex::index::build(dir.path(), &common::corpus(), &common::analyzer()).expect("built");
    let mut group = c.benchmark_group("startup");
    group.sample_size(10);
    group.bench_function("load_open_first_answer", |b| {
        b.iter(|| {
            let options = Options::new(common::corpus_dir(), IndexLocation::Dir(dir.path().into()));
            let app = App::open(&options).expect("opened");
            assert!(
                matches!(app.opened().index, IndexSource::Opened(_)),
                "the bench measures opening, not building"
            );
            let results = app
                .search(&SearchRequest::new("芯片设计"))
                .expect("answered");
            black_box(serde_json::to_vec(&results).expect("serialised"))
        })
    });
    group.bench_function("analyzer_only", |b| {
        b.iter(|| black_box(common::analyzer()))
    });
    group.finish();
}

criterion_group!(benches, startup);
criterion_main!(benches);
