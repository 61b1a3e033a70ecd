//! Name-matching evaluation: precision, recall and F1 of the production matcher on the labelled
//! pair sets (the general set by family: scripts, legal forms, inflections, people), the best-hit false-positive rate of 20,000 synthetic people against the full SDN
//! list, names per second, and index-vs-exhaustive agreement. Prints a table and writes JSON
//! (for `scripts/eval_names.sh`, which puts the peer's figures beside ours).
//!
//! `cargo run --release --example eval_names -- [--json OUT] [--watchlist OUT] [--agreement-sample N]
//! [--show-false-positives] [--show-disagreements] [--show-general-misses]`

use std::path::Path;
use std::sync::Arc;
use std::time::Instant;

use caatsa_screen::indicators::KnowledgeBase;
use caatsa_screen::names::{NameKind, MATCH_THRESHOLD, POSSIBLE_THRESHOLD};
use caatsa_screen::screening::Screener;
use serde_json::json;

#[derive(Default)]
struct Counts {
    tp: usize,
    fp: usize,
    fn_: usize,
    tn: usize,
}

impl Counts {
    fn add(&mut self, truth: bool, predicted: bool) {
        match (truth, predicted) {
            (true, true) => self.tp += 1,
            (false, true) => self.fp += 1,
            (true, false) => self.fn_ += 1,
            (false, false) => self.tn += 1,
        }
    }
    fn precision(&self) -> f64 {
        ratio(self.tp, self.tp + self.fp)
    }
    fn recall(&self) -> f64 {
        ratio(self.tp, self.tp + self.fn_)
    }
    fn f1(&self) -> f64 {
        let (p, r) = (self.precision(), self.recall());
        if p + r == 0.0 {
            0.0
        } else {
            2.0 * p * r / (p + r)
        }
    }
}

/// A markdown table of precision, recall and F1, one row per labelled set.
fn print_table<'a>(label: &str, rows: impl IntoIterator<Item = (&'a str, &'a Counts)>) {
    println!("| {label} | pairs | precision | recall | F1 |");
    println!("|---|---|---|---|---|");
    for (name, c) in rows {
        println!(
            "| {name} | {} | {:.3} | {:.3} | {:.3} |",
            c.tp + c.fp + c.fn_ + c.tn,
            c.precision(),
            c.recall(),
            c.f1()
        );
    }
}

fn ratio(a: usize, b: usize) -> f64 {
    if b == 0 {
        1.0
    } else {
        a as f64 / b as f64
    }
}

fn arg(name: &str) -> Option<String> {
    let args: Vec<String> = std::env::args().collect();
    args.iter()
        .position(|a| a == name)
        .and_then(|i| args.get(i + 1).cloned())
}

/// The product binary's allocator, so the figures are the product's.
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() {
    let root = env!("CARGO_MANIFEST_DIR");
    let builtin = Screener::new(Arc::new(
        KnowledgeBase::builtin().expect("builtin knowledge base"),
    ));
    let matcher = builtin.parties().matcher();

    // 1. Labelled pairs, through the `names score` code path.
    let dev = std::fs::read_to_string(format!("{root}/eval/dprk_name_variants_dev.tsv"))
        .expect("dev set");
    let mut dev_counts = Counts::default();
    let mut dev_errors = Vec::new();
    for line in dev.lines().skip(1) {
        let f: Vec<&str> = line.split('\t').collect();
        let truth = f[2] == "true";
        let s = matcher.score_pair(f[0], f[1], NameKind::infer(f[0])).score;
        dev_counts.add(truth, s >= MATCH_THRESHOLD);
        if truth != (s >= MATCH_THRESHOLD) {
            dev_errors.push(format!("{:.3}  {} | {} (expected {})", s, f[0], f[1], f[2]));
        }
    }
    // General names by family (scripts, legal forms, inflections, people).
    let general = std::fs::read_to_string(format!("{root}/eval/general_names_dev.tsv"))
        .expect("general dev set");
    let mut families: Vec<(String, Counts)> = Vec::new();
    let mut general_errors = Vec::new();
    for line in general.lines().skip(1) {
        let f: Vec<&str> = line.split('\t').collect();
        let kind = NameKind::parse(f[1]).unwrap_or(NameKind::Organization);
        let truth = f[4] == "true";
        let s = matcher.score_pair(f[2], f[3], kind).score;
        let predicted = s >= MATCH_THRESHOLD;
        for family in [f[0], "all"] {
            let at = match families.iter().position(|(name, _)| name == family) {
                Some(at) => at,
                None => {
                    families.push((family.to_owned(), Counts::default()));
                    families.len() - 1
                }
            };
            families[at].1.add(truth, predicted);
        }
        if truth != predicted {
            general_errors.push(format!(
                "{s:.3}  [{}] {} | {} (expected {})",
                f[0], f[2], f[3], f[4]
            ));
        }
    }
    let un = std::fs::read_to_string(format!("{root}/eval/un_sc_pairs.tsv")).expect("UN pairs");
    let mut un_counts = Counts::default();
    let mut un_queries = Vec::new();
    for line in un.lines().skip(1) {
        let f: Vec<&str> = line.split('\t').collect();
        let kind = NameKind::parse(f[1]).unwrap_or(NameKind::Person);
        let s = matcher.score_pair(f[3], f[2], kind).score;
        un_counts.add(f[0] == "true", s >= MATCH_THRESHOLD);
        un_queries.push(f[2].to_owned());
    }

    // 2. Negatives: best hit against the full SDN list (people and organisations).
    let started = Instant::now();
    let full = KnowledgeBase::from_ofac_dir(
        Path::new(&format!("{root}/data/ofac/set_2023-12-28")),
        "2023-12-28",
    )
    .expect("full SDN list");
    let full = Screener::new(Arc::new(full));
    let load_secs = started.elapsed().as_secs_f64();
    let full_matcher = full.parties().matcher();
    if let Some(path) = arg("--watchlist") {
        let mut names: Vec<&str> = full_matcher
            .names()
            .iter()
            .filter(|n| !n.weak)
            .map(|n| n.name.as_str())
            .collect();
        names.sort_unstable();
        names.dedup();
        std::fs::write(&path, names.join("\n") + "\n").expect("watchlist written");
    }
    let mut reader =
        csv::Reader::from_path(format!("{root}/eval/negatives_global_20k.csv")).expect("negatives");
    let negatives: Vec<String> = reader
        .records()
        .map(|r| r.expect("negative row")[0].to_owned())
        .collect();
    if let Some(path) = arg("--queries") {
        std::fs::write(&path, negatives.join("\n") + "\n").expect("queries written");
    }
    let started = Instant::now();
    let best: Vec<Option<f32>> = negatives
        .iter()
        .map(|q| {
            full_matcher
                .search(q, POSSIBLE_THRESHOLD, 1)
                .first()
                .map(|h| h.score)
        })
        .collect();
    let search_secs = started.elapsed().as_secs_f64();
    if std::env::args().any(|a| a == "--show-false-positives") {
        for q in &negatives {
            if let Some(hit) = full_matcher.search(q, MATCH_THRESHOLD, 1).first() {
                let listed = &full_matcher.names()[hit.name as usize].name;
                println!("false positive: {:.3}  {q} | {listed}", hit.score);
            }
        }
    }
    let fp_match = best
        .iter()
        .filter(|s| s.is_some_and(|s| s >= MATCH_THRESHOLD))
        .count();
    let fp_possible = best.iter().filter(|s| s.is_some()).count();
    let names_per_sec = negatives.len() as f64 / search_secs;

    // 3. Index vs exhaustive scoring on a sample of the evaluation queries.
    let sample: usize = arg("--agreement-sample")
        .and_then(|s| s.parse().ok())
        .unwrap_or(1000);
    let mut queries: Vec<&str> = if sample == 0 {
        Vec::new()
    } else {
        un_queries.iter().map(String::as_str).collect()
    };
    queries.extend(
        negatives
            .iter()
            .take(sample.saturating_sub(queries.len()))
            .map(String::as_str),
    );
    let (mut agree, mut with_hit) = (0, 0);
    for q in &queries {
        let indexed = full_matcher.search(q, POSSIBLE_THRESHOLD, 1);
        let exhaustive = full_matcher.search_exhaustive(q, POSSIBLE_THRESHOLD, 1);
        with_hit += usize::from(!exhaustive.is_empty());
        let same = match (indexed.first(), exhaustive.first()) {
            (None, None) => true,
            (Some(a), Some(b)) => a.name == b.name || (a.score - b.score).abs() < 1e-6,
            _ => false,
        };
        agree += usize::from(same);
        if !same && std::env::args().any(|a| a == "--show-disagreements") {
            let show = |h: Option<&caatsa_screen::names::NameHit>| {
                h.map(|h| {
                    format!(
                        "{:.3} {}",
                        h.score,
                        full_matcher.names()[h.name as usize].name
                    )
                })
                .unwrap_or_else(|| "none".into())
            };
            println!(
                "disagreement: {q} | index {} | exhaustive {}",
                show(indexed.first()),
                show(exhaustive.first())
            );
        }
    }

    println!(
        "caatsa-screen name matcher (match >= {MATCH_THRESHOLD}, possible >= {POSSIBLE_THRESHOLD})"
    );
    print_table(
        "set",
        [
            ("dprk_name_variants_dev", &dev_counts),
            ("un_sc_pairs", &un_counts),
        ],
    );
    println!(
        "negatives_global_20k vs full SDN ({} names): best-hit FP rate {:.3}% at match ({fp_match}), {:.3}% at possible ({fp_possible}); {:.0} names/s on one thread (list load {load_secs:.1}s)",
        full_matcher.names().len(),
        fp_match as f64 * 100.0 / negatives.len() as f64,
        fp_possible as f64 * 100.0 / negatives.len() as f64,
        names_per_sec
    );
    if !queries.is_empty() {
        println!(
            "index vs exhaustive best hit (>= possible) on {} queries: {:.2}% agree ({} of them have an exhaustive hit)",
            queries.len(),
            agree as f64 * 100.0 / queries.len() as f64,
            with_hit
        );
    }
    println!("general_names_dev by family:");
    print_table(
        "family",
        families.iter().map(|(name, c)| (name.as_str(), c)),
    );
    for e in &dev_errors {
        println!("dev miss: {e}");
    }
    if std::env::args().any(|a| a == "--show-general-misses") {
        for e in &general_errors {
            println!("general miss: {e}");
        }
    }
    if let Some(path) = arg("--json") {
        let report = json!({
            "match_threshold": MATCH_THRESHOLD,
            "possible_threshold": POSSIBLE_THRESHOLD,
            "dev": {"precision": dev_counts.precision(), "recall": dev_counts.recall(), "f1": dev_counts.f1(), "pairs": dev.lines().count() - 1},
            "un": {"precision": un_counts.precision(), "recall": un_counts.recall(), "f1": un_counts.f1(), "pairs": un_queries.len()},
            "negatives": {"queries": negatives.len(), "fp_match": fp_match, "fp_possible": fp_possible, "names_per_sec_one_thread": names_per_sec},
            "agreement": {"queries": queries.len(), "agree": agree, "with_hit": with_hit},
            "general": families.iter().map(|(name, c)| (name.clone(), json!({"precision": c.precision(), "recall": c.recall(), "f1": c.f1(), "pairs": c.tp + c.fp + c.fn_ + c.tn}))).collect::<serde_json::Map<String, serde_json::Value>>(),
        });
        std::fs::write(
            path,
            serde_json::to_string_pretty(&report).unwrap_or_default(),
        )
        .expect("report written");
    }
}
