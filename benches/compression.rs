//! Benchmark: compressing search answers, to choose the levels the service compresses its
//! dynamic answers at (issue 15). Each iteration compresses the next answer of the relevance set
//! (the JSON `/api/search` sends for it), cycling; printed first: the bytes per answer at each
//! level. `cargo bench --bench compression`.

mod common;

use std::hint::black_box;
use std::io::Write;

use criterion::{Criterion, criterion_group, criterion_main};

/// Brotli qualities and gzip levels compared; the service's choice is in `web::http::layers`.
const BROTLI_QUALITIES: [u32; 6] = [0, 1, 2, 3, 4, 5];
const GZIP_LEVELS: [u32; 4] = [1, 3, 4, 6];
/// Brotli's window (`lgwin`) as tower-http's encoder leaves it: the library default, 22.
const BROTLI_WINDOW: u32 = 22;

fn brotli(body: &[u8], quality: u32) -> Vec<u8> {
    let mut out = Vec::with_capacity(body.len() / 4);
    {
        // A streaming writer, as the service's encoder is (not the one-shot API).
        let mut writer = brotli::CompressorWriter::new(&mut out, 4096, quality, BROTLI_WINDOW);
        writer.write_all(body).expect("compressed");
    }
    out
}

fn gzip(body: &[u8], level: u32) -> Vec<u8> {
    let mut encoder = flate2::write::GzEncoder::new(
        Vec::with_capacity(body.len() / 4),
        flate2::Compression::new(level),
    );
    encoder.write_all(body).expect("compressed");
    encoder.finish().expect("compressed")
}

fn compression(c: &mut Criterion) {
    let app = common::app();
    let answers: Vec<Vec<u8>> = common::relevance_requests_all()
        .iter()
        .map(|r| serde_json::to_vec(&app.engine().search(r).expect("answered")).expect("json"))
        .collect();
    let mean = |sizes: &dyn Fn(&[u8]) -> usize| {
        answers.iter().map(|a| sizes(a)).sum::<usize>() / answers.len()
    };
    println!("identity: {} bytes per answer", mean(&|a| a.len()));
    for q in BROTLI_QUALITIES {
        println!("br-{q}: {} bytes", mean(&|a| brotli(a, q).len()));
    }
    for l in GZIP_LEVELS {
        println!("gzip-{l}: {} bytes", mean(&|a| gzip(a, l).len()));
    }
    let mut group = c.benchmark_group("compression");
    for q in BROTLI_QUALITIES {
        let mut next = 0;
        group.bench_function(format!("br-{q}"), |b| {
            b.iter(|| {
                next += 1;
                black_box(brotli(&answers[next % answers.len()], q))
            })
        });
    }
    for l in GZIP_LEVELS {
        let mut next = 0;
        group.bench_function(format!("gzip-{l}"), |b| {
            b.iter(|| {
                next += 1;
                black_box(gzip(&answers[next % answers.len()], l))
            })
        });
    }
    group.finish();
}

criterion_group!(benches, compression);
criterion_main!(benches);
