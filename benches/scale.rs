//! Benchmark: search at 1×, 10× and 100× today's corpus (synthetic corpora from
//! `benches/synthetic.rs`). For each size, in a process of its own (so that its memory is its
//! own): corpus load, index build on disk, index size, start-up (opening the built index as
//! `serve` does) and memory after it, and p50/p99 of in-process search over the relevance
//! queries with snippets. `cargo bench --bench scale`; `SCALE_FACTORS=1,10` picks the sizes and
//! `SCALE_KEEP=DIR` keeps the corpora (DIR/x1, DIR/x10 …) for `talentdex --corpus DIR/x100 serve`.
//!
//! Targets (issue 15): 100× costs at most 3× the query latency of 1×; the build stays under a
//! minute.

mod common;
mod synthetic;

use std::hint::black_box;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::{Duration, Instant};

use talentdex::app::{App, IndexLocation, Options};

const FACTORS: [usize; 3] = [1, 10, 100];
/// The generator's seed: every run measures the same corpora.
const SEED: u64 = 15;
/// Passes over the query set; each query's time is the median of its passes.
const ROUNDS: usize = 5;
const FACTOR_VAR: &str = "SCALE_FACTOR";

fn main() {
    match std::env::var(FACTOR_VAR) {
        Ok(factor) => measure(factor.parse().expect("a whole factor")),
        Err(_) => {
            let factors: Vec<usize> = std::env::var("SCALE_FACTORS").map_or_else(
                |_| FACTORS.to_vec(),
                |s| {
                    s.split(',')
                        .map(|f| f.trim().parse().expect("factors"))
                        .collect()
                },
            );
            println!(
                "{:>6} {:>8} {:>9} {:>9} {:>10} {:>9} {:>9} {:>9} {:>9}",
                "size",
                "clauses",
                "build_s",
                "index_MB",
                "start_ms",
                "rss_MB",
                "p50_us",
                "p99_us",
                "mean_us"
            );
            for factor in factors {
                // Each size in a fresh process: its resident memory is the size's own.
                let status = Command::new(std::env::current_exe().expect("this program"))
                    .env(FACTOR_VAR, factor.to_string())
                    .status()
                    .expect("the measuring process runs");
                assert!(status.success(), "measuring {factor}× failed");
            }
        }
    }
}

fn rss_mib() -> f64 {
    let status = std::fs::read_to_string("/proc/self/status").unwrap_or_default();
    status
        .lines()
        .find_map(|l| l.strip_prefix("VmRSS:"))
        .and_then(|v| v.trim().trim_end_matches("kB").trim().parse::<f64>().ok())
        .map_or(f64::NAN, |kib| kib / 1024.0)
}

fn dir_bytes(dir: &Path) -> u64 {
    std::fs::read_dir(dir)
        .into_iter()
        .flatten()
        .flatten()
        .map(|e| match e.metadata() {
            Ok(m) if m.is_dir() => dir_bytes(&e.path()),
            Ok(m) => m.len(),
            Err(_) => 0,
        })
        .sum()
}

fn work_dir(factor: usize) -> (PathBuf, Option<tempfile::TempDir>) {
    match std::env::var("SCALE_KEEP") {
        Ok(keep) => {
            let dir = Path::new(&keep).join(format!("x{factor}"));
            let _ = std::fs::remove_dir_all(&dir);
            (dir, None)
        }
        Err(_) => {
            let tmp = tempfile::tempdir().expect("a temporary directory");
            (tmp.path().to_path_buf(), Some(tmp))
        }
    }
}

fn measure(factor: usize) {
    let (root, _tmp) = work_dir(factor);
    let corpus_dir = root.join("corpus");
    let index_dir = root.join("index");
    synthetic::write(&common::corpus_dir(), &corpus_dir, factor, SEED).expect("corpus written");

    // The build: `talentdex index` — load, analyse, write the index.
    let options = Options::new(corpus_dir.as_path(), IndexLocation::Dir(index_dir.clone()));
    let started = Instant::now();
    let (_, clauses) = App::rebuild_index(&options, &index_dir).expect("the index builds");
    let build = started.elapsed();
    let index_bytes = dir_bytes(&index_dir);

    // Start-up as `serve` does it with a built index, and the memory it holds then.
    let started = Instant::now();
    let app = App::open(&options).expect("the application opens");
    let start = started.elapsed();
    let rss = rss_mib();

    let requests = common::relevance_requests_all();
    let engine = app.engine();
    let mut per_query: Vec<Vec<Duration>> = vec![Vec::with_capacity(ROUNDS); requests.len()];
    // One pass to warm up, then the measured ones.
    for round in 0..=ROUNDS {
        for (i, request) in requests.iter().enumerate() {
            let started = Instant::now();
            black_box(common::search_with_snippets(engine, black_box(request)));
            if round > 0 {
                per_query[i].push(started.elapsed());
            }
        }
    }
    let mut times: Vec<Duration> = per_query
        .iter_mut()
        .map(|t| {
            t.sort();
            t[t.len() / 2]
        })
        .collect();
    times.sort();
    let at = |q: f64| times[((times.len() as f64 * q) as usize).min(times.len() - 1)];
    let mean = times.iter().sum::<Duration>() / times.len() as u32;
    let us = |d: Duration| d.as_secs_f64() * 1e6;
    println!(
        "{:>5}× {:>8} {:>9.2} {:>9.1} {:>10.0} {:>9.1} {:>9.1} {:>9.1} {:>9.1}",
        factor,
        clauses,
        build.as_secs_f64(),
        index_bytes as f64 / (1024.0 * 1024.0),
        start.as_secs_f64() * 1e3,
        rss,
        us(at(0.5)),
        us(at(0.99)),
        us(mean),
    );
}
