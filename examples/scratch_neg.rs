use caatsa_screen::names::*;
use std::io::Read;
fn names_from(path: &str, col: usize, tcol: Option<usize>) -> Vec<(String, NameKind)> {
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
                let k = tcol
                    .and_then(|c| rec.get(c))
                    .map(|t| String::from_utf8_lossy(t).trim().to_string());
                let kind = match k.as_deref() {
                    Some("individual") => NameKind::Person,
                    Some("vessel") => NameKind::Vessel,
                    Some(_) => NameKind::Organization,
                    None => NameKind::infer(&s),
                };
                out.push((s, kind))
            }
        }
    }
    out
}
fn main() {
    let dir = std::env::args()
        .nth(1)
        .unwrap_or("data/ofac/set_2023-12-28".into());
    let mut names = names_from(&format!("{dir}/sdn.csv"), 1, Some(2));
    names.extend(names_from(&format!("{dir}/alt.csv"), 3, None));
    let wl: Vec<WatchName> = names
        .iter()
        .enumerate()
        .map(|(i, (n, k))| WatchName {
            owner: i as u32,
            name: n.clone(),
            kind: *k,
            weak: false,
        })
        .collect();
    let t = std::time::Instant::now();
    let m = Matcher::new(wl);
    eprintln!("built {} names in {:?}", m.names().len(), t.elapsed());
    let mut rdr = csv::Reader::from_path("eval/negatives_global_20k.csv").unwrap();
    let qs: Vec<String> = rdr.records().map(|r| r.unwrap()[0].to_string()).collect();
    let t = std::time::Instant::now();
    let mut fp = 0;
    let mut poss = 0;
    let mut diff = 0;
    let mut checked = 0;
    let check = std::env::var("CHECK").is_ok();
    for (i, q) in qs.iter().enumerate() {
        let ms: f32 = std::env::var("MINS")
            .ok()
            .and_then(|s| s.parse().ok())
            .unwrap_or(0.0);
        let h = m.search(q, ms, 1);
        if let Some(h) = h.first() {
            if h.score >= MATCH_THRESHOLD {
                fp += 1;
                if fp < 40 {
                    eprintln!(
                        "FP {:.3} {} ~ {}",
                        h.score,
                        q,
                        m.names()[h.name as usize].name
                    );
                }
            } else if h.score >= POSSIBLE_THRESHOLD {
                poss += 1;
            }
        }
        if check && i % 20 == 0 {
            let b = m.search_exhaustive(q, ms, 1);
            checked += 1;
            let (hs, bs) = (
                h.first().map(|x| x.score).unwrap_or(0.0),
                b.first().map(|x| x.score).unwrap_or(0.0),
            );
            if (hs - bs).abs() > 1e-6 && bs >= ms {
                diff += 1;
                eprintln!(
                    "DIFF {} idx {:.3} brute {:.3} {}",
                    q,
                    hs,
                    bs,
                    m.names()[b[0].name as usize].name
                );
            }
        }
    }
    eprintln!(
        "{} queries in {:?}; FP at match {} ({:.3}%), possible {}; brute diffs {}/{}",
        qs.len(),
        t.elapsed(),
        fp,
        fp as f64 * 100.0 / qs.len() as f64,
        poss,
        diff,
        checked
    );
}
