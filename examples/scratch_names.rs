use caatsa_screen::names::*;
use std::io::Read;
fn names_from(path: &str, col: usize) -> Vec<String> {
    let mut bytes = Vec::new();
    std::fs::File::open(path)
        .unwrap()
        .read_to_end(&mut bytes)
        .unwrap();
    let mut r = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .from_reader(&bytes[..]);
    let mut out = vec![];
    for rec in r.byte_records() {
        let rec = rec.unwrap();
        if let Some(f) = rec.get(col) {
            let s = String::from_utf8_lossy(f).trim().to_string();
            if s.len() > 1 && s != "-0-" {
                out.push(s)
            }
        }
    }
    out
}
fn main() {
    let dir = std::env::args().nth(1).unwrap_or("data/ofac/dprk".into());
    let mut names = names_from(&format!("{dir}/sdn.csv"), 1);
    names.extend(names_from(&format!("{dir}/alt.csv"), 3));
    let docs: Vec<Vec<String>> = names
        .iter()
        .map(|n| {
            prepared::words(n, NameKind::infer(n))
                .into_iter()
                .map(|(t, _)| prepared::word_key(&t).0)
                .collect()
        })
        .collect();
    let w = TokenWeights::from_documents(docs.iter().map(|d| d.iter().map(|s| s.as_str())));
    eprintln!("{} names", w.documents());
    if let Ok(d) = std::env::var("DBG") {
        for n in d.split("|") {
            eprintln!("{n}");
            dbg_name(n);
        }
        return;
    }
    let mut input = String::new();
    std::io::stdin().read_to_string(&mut input).unwrap();
    for line in input.lines().skip(1) {
        let f: Vec<&str> = line.split('\t').collect();
        if f.len() < 3 {
            continue;
        }
        let kind = if std::env::var("PERSON").is_ok() {
            NameKind::Person
        } else {
            NameKind::infer(f[0])
        };
        let s = pair_score(f[0], f[1], kind, &w);
        let pred = s.score >= MATCH_THRESHOLD;
        let ok = pred.to_string() == f[2];
        println!(
            "{}\t{:.3}\t{}\t{:?}\t{} | {}",
            if ok { "ok " } else { "BAD" },
            s.score,
            f[2],
            kind,
            f[0],
            f[1]
        );
    }
}
#[allow(dead_code)]
pub fn dbg_name(n: &str) {
    let w = TokenWeights::uniform();
    for t in prepare(n, NameKind::infer(n), &w).tokens {
        eprintln!("  {:?} {:?} {} {:?}", t.text, t.key, t.korean, t.class);
    }
}
