//! Criterion benchmarks of the name matcher's steps: normalization, preparing a name, scoring a
//! pair, and searching the full SDN list (index lookup plus scoring).
//!
//! `cargo bench --bench names`

use std::hint::black_box;
use std::path::Path;
use std::sync::Arc;

use caatsa_screen::indicators::KnowledgeBase;
use caatsa_screen::names::{
    self, normalize::normalize, NameKind, TokenWeights, POSSIBLE_THRESHOLD,
};
use caatsa_screen::screening::Screener;
use criterion::{criterion_group, criterion_main, Criterion};

fn normalization(c: &mut Criterion) {
    c.bench_function("normalize/ascii", |b| {
        b.iter(|| normalize(black_box("CH'OLHYO'N Overseas Construction Co., Ltd.")))
    });
    c.bench_function("normalize/hangul", |b| {
        b.iter(|| normalize(black_box("조선광선은행 Kim Jong-un")))
    });
}

fn scoring(c: &mut Criterion) {
    let w = TokenWeights::uniform();
    c.bench_function("prepare/organization", |b| {
        b.iter(|| {
            names::prepare(
                black_box("Korea Ryeonbong General Corp."),
                NameKind::Organization,
                &w,
            )
        })
    });
    let listed = names::prepare(
        "KOREA RYONBONG GENERAL CORPORATION",
        NameKind::Organization,
        &w,
    );
    let variant = names::prepare("Korea Ryeonbong General Corp.", NameKind::Organization, &w);
    let other = names::prepare(
        "Hangzhou Tianli Plastic Products Limited",
        NameKind::Organization,
        &w,
    );
    c.bench_function("score/match", |b| {
        b.iter(|| {
            names::score::score(
                black_box(&listed),
                black_box(&variant),
                NameKind::Organization,
            )
        })
    });
    c.bench_function("score/non_match", |b| {
        b.iter(|| {
            names::score::score(
                black_box(&listed),
                black_box(&other),
                NameKind::Organization,
            )
        })
    });
    let person = names::prepare("KIM, Jong Un", NameKind::Person, &w);
    let run = names::prepare("Jongun Kim", NameKind::Person, &w);
    c.bench_function("score/person_with_run", |b| {
        b.iter(|| names::score::score(black_box(&person), black_box(&run), NameKind::Person))
    });
}

fn search(c: &mut Criterion) {
    let dir = Path::new(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/data/ofac/set_2023-12-28"
    ));
    let kb = KnowledgeBase::from_ofac_dir(dir, "2023-12-28").expect("full SDN list");
    let screener = Screener::new(Arc::new(kb));
    let matcher = screener.parties().matcher();
    let mut group = c.benchmark_group("search_full_sdn");
    for (label, query) in [
        ("listed_variant", "Korea Ryeonbong General Corp."),
        (
            "unlisted_company",
            "Hangzhou Tianli Plastic Products Limited",
        ),
        ("common_person", "Mohammed Ali Hassan"),
        ("hangul", "김정은"),
    ] {
        group.bench_function(label, |b| {
            b.iter(|| matcher.search(black_box(query), POSSIBLE_THRESHOLD, 8))
        });
    }
    group.finish();
}

criterion_group!(benches, normalization, scoring, search);
criterion_main!(benches);
