//! Benchmark: in-process search over the relevance set, snippets and the JSON answer included
//! (target: median ≤ 100 µs per query). `cargo bench --bench search`.

mod common;

use std::hint::black_box;

use criterion::{Criterion, criterion_group, criterion_main};
use talentdex::search::Request;

fn search(c: &mut Criterion) {
    let app = common::app();
    let engine = app.engine();
    let requests = common::relevance_requests();
    let mut group = c.benchmark_group("search");

    // Each iteration is one query, cycling through the set: the time per iteration is the
    // time per query, averaged over the set. The headline figure: search with the snippets
    // rendered as HTML (what every hit shows).
    let mut next = 0;
    group.bench_function("relevance_set_per_query", |b| {
        b.iter(|| {
            let request = &requests[next % requests.len()];
            next += 1;
            black_box(common::search_with_snippets(engine, black_box(request)))
        })
    });
    // The same with the whole JSON answer serialised (hits carry full texts and post blocks).
    let mut next = 0;
    group.bench_function("relevance_set_per_query_json", |b| {
        b.iter(|| {
            let request = &requests[next % requests.len()];
            next += 1;
            let results = engine.search(black_box(request)).expect("answered");
            black_box(serde_json::to_vec(&results).expect("serialised"))
        })
    });
    for q in ["芯片设计", "chip design", "Fortune 500", "clould computing"] {
        let request = Request::new(q);
        group.bench_function(format!("query/{q}"), |b| {
            b.iter(|| {
                let results = engine.search(black_box(&request)).expect("answered");
                black_box(serde_json::to_vec(&results).expect("serialised"))
            })
        });
    }
    group.finish();
}

criterion_group!(benches, search);
criterion_main!(benches);
