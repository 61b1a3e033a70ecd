//! Names per second of the production party matcher against the full SDN list: every name of a
//! file searched (no cache; one warm-up pass, then the median of five), on all cores and on one,
//! as `scripts/bench.sh` compares with the peer on the same names.
//!
//! `cargo run --release --example bench_names -- NAMES_FILE [KNOWLEDGE_BASE_SNAPSHOT]`

use std::path::Path;
use std::sync::Arc;
use std::time::Instant;

use caatsa_screen::indicators::KnowledgeBase;
use caatsa_screen::names::POSSIBLE_THRESHOLD;
use caatsa_screen::screening::Screener;
use rayon::prelude::*;

/// The product binary's allocator, so the figures are the product's.
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

/// Timed passes over the names; the median rate is reported.
const TIMED_PASSES: usize = 5;

/// Names per second of `pass` over `count` names: the median of [`TIMED_PASSES`] passes.
fn median_rate(count: usize, pass: impl Fn()) -> f64 {
    let mut rates: Vec<f64> = (0..TIMED_PASSES)
        .map(|_| {
            let started = Instant::now();
            pass();
            count as f64 / started.elapsed().as_secs_f64()
        })
        .collect();
    rates.sort_by(f64::total_cmp);
    rates[TIMED_PASSES / 2]
}

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let names_file = args
        .get(1)
        .expect("usage: bench_names NAMES_FILE [SNAPSHOT]");
    let kb = match args.get(2) {
        Some(path) => KnowledgeBase::load(Path::new(path)).expect("snapshot"),
        None => KnowledgeBase::from_ofac_dir(
            Path::new(concat!(
                env!("CARGO_MANIFEST_DIR"),
                "/data/ofac/set_2023-12-28"
            )),
            "2023-12-28",
        )
        .expect("full SDN list"),
    };
    let screener = Screener::new(Arc::new(kb));
    let matcher = screener.parties().matcher();
    let names: Vec<String> = std::fs::read_to_string(names_file)
        .expect("names file")
        .lines()
        .filter(|l| !l.trim().is_empty() && !l.starts_with('#'))
        .map(str::to_owned)
        .collect();
    let search = |n: &String| matcher.search(n, POSSIBLE_THRESHOLD, 8).len();
    // One untimed pass starts rayon's threads and sizes each thread's scratch arrays; then the
    // median of TIMED_PASSES passes, so that a short run's start-up and the machine's noise do
    // not decide the figure. Nothing is cached between passes.
    let hits: usize = names.par_iter().map(search).sum();
    let all_cores = median_rate(names.len(), || {
        assert_eq!(names.par_iter().map(search).sum::<usize>(), hits);
    });
    let one_core = median_rate(names.len(), || {
        assert_eq!(
            names.iter().map(search).sum::<usize>(),
            hits,
            "sequential agrees"
        );
    });
    println!(
        "ours\t{}\tnames\t{:.0}\tnames/s all cores ({} threads, median of {TIMED_PASSES} passes)\t{:.0}\tnames/s one thread\t{}\tnames with a hit >= possible",
        names.len(),
        all_cores,
        rayon::current_num_threads(),
        one_core,
        hits
    );
}
