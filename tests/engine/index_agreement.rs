//! The candidate index finds the same best match as scoring every listed name, on the evaluation
//! queries: the UN pair queries, the DPRK dev queries, the general dev queries (other scripts
//! among them), perturbed listed names, and a sample of the synthetic negatives. Agreement must be at least 99.5%.

use std::sync::Arc;

use caatsa_screen::indicators::KnowledgeBase;
use caatsa_screen::names::POSSIBLE_THRESHOLD;
use caatsa_screen::screening::Screener;

const REQUIRED_AGREEMENT: f64 = 0.995;

fn eval_file(name: &str) -> String {
    std::fs::read_to_string(format!("{}/eval/{name}", env!("CARGO_MANIFEST_DIR"))).unwrap()
}

/// Deterministic perturbations of a listed name: a swapped pair, a doubled letter, a dropped letter.
fn perturbed(name: &str, i: usize) -> String {
    let mut chars: Vec<char> = name.chars().collect();
    if chars.len() < 6 {
        return name.to_lowercase();
    }
    let at = 1 + i % (chars.len() - 3);
    match i % 3 {
        0 => chars.swap(at, at + 1),
        1 => chars.insert(at, chars[at]),
        _ => {
            chars.remove(at);
        }
    }
    chars.into_iter().collect()
}

#[test]
fn the_index_finds_the_exhaustive_best_match_on_the_evaluation_queries() {
    let screener = Screener::new(Arc::new(KnowledgeBase::builtin().unwrap()));
    let matcher = screener.parties().matcher();
    let mut queries: Vec<String> = Vec::new();
    for line in eval_file("un_sc_pairs.tsv").lines().skip(1) {
        queries.push(line.split('\t').nth(2).unwrap().to_owned());
    }
    for line in eval_file("dprk_name_variants_dev.tsv").lines().skip(1) {
        queries.push(line.split('\t').nth(1).unwrap().to_owned());
    }
    // Names in other scripts, legal forms, inflections, people (query column of the general set).
    for line in eval_file("general_names_dev.tsv").lines().skip(1) {
        queries.push(line.split('\t').nth(3).unwrap().to_owned());
    }
    let listed: Vec<String> = matcher
        .names()
        .iter()
        .filter(|n| !n.weak)
        .map(|n| n.name.clone())
        .collect();
    queries.extend(
        listed
            .iter()
            .step_by(3)
            .enumerate()
            .map(|(i, n)| perturbed(n, i)),
    );
    let negatives = eval_file("negatives_global_20k.csv");
    queries.extend(
        negatives
            .lines()
            .skip(1)
            .step_by(40)
            .filter_map(|l| l.split(',').next())
            .map(str::to_owned),
    );

    let mut disagreements = Vec::new();
    let mut with_hit = 0;
    for q in &queries {
        let indexed = matcher.search(q, POSSIBLE_THRESHOLD, 1);
        let exhaustive = matcher.search_exhaustive(q, POSSIBLE_THRESHOLD, 1);
        with_hit += usize::from(!exhaustive.is_empty());
        let same = match (indexed.first(), exhaustive.first()) {
            (None, None) => true,
            (Some(a), Some(b)) => a.name == b.name || (a.score - b.score).abs() < 1e-6,
            _ => false,
        };
        if !same {
            disagreements.push(q.clone());
        }
    }
    let agreement = 1.0 - disagreements.len() as f64 / queries.len() as f64;
    assert!(
        with_hit > 300,
        "the sample must exercise real hits, not only misses ({with_hit})"
    );
    assert!(
        agreement >= REQUIRED_AGREEMENT,
        "agreement {agreement:.4} on {} queries; disagreements: {disagreements:?}",
        queries.len()
    );
}
