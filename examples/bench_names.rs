//! Names per second of the production party matcher against the full SDN list: every name of a
//! file searched once (no cache), on all cores and on one, as `scripts/bench.sh` compares with
//! the peer on the same names.
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
    let started = Instant::now();
    let hits: usize = names
        .par_iter()
        .map(|n| matcher.search(n, POSSIBLE_THRESHOLD, 8).len())
        .sum();
    let all_cores = names.len() as f64 / started.elapsed().as_secs_f64();
    let started = Instant::now();
    let one: usize = names
        .iter()
        .map(|n| matcher.search(n, POSSIBLE_THRESHOLD, 8).len())
        .sum();
    let one_core = names.len() as f64 / started.elapsed().as_secs_f64();
    assert_eq!(hits, one, "parallel and sequential searches agree");
    println!(
        "ours\t{}\tnames\t{:.0}\tnames/s all cores ({} threads)\t{:.0}\tnames/s one thread\t{}\tnames with a hit >= possible",
        names.len(),
        all_cores,
        rayon::current_num_threads(),
        one_core,
        hits
    );
}
