//! The properties the fuzz targets check, one function per target. Each takes the fuzzer's
//! bytes, runs the product's own code on them, and panics when a property fails, which libFuzzer
//! reports as a crash and saves as an input. The same file is compiled into
//! `tests/fuzz_regressions.rs`, which replays every kept input, so a crash found once stays a
//! test.
//!
//! Beyond "does not panic", each target checks a property that the code claims and that a bug
//! would break on some input:
//! - `csv_reader`: the streaming reader gives the same lines, errors and warnings whatever the
//!   sizes of the reads it is fed (its byte positions are tracked across read boundaries), and
//!   every row error points at a line of the input;
//! - `json_reader`: errors point inside the text, and the format-detecting entry point reads a
//!   JSON document as `read_json` does;
//! - `names`: scores are finite, in [0, 1] and the same whichever name comes first; the
//!   index-backed search returns only hits the exhaustive search scores the same, best first;
//!   normalizing a normalized name changes nothing.

use std::io::Read;
use std::sync::OnceLock;

use caatsa_screen::manifest::{self, InputFormat, Manifest, ManifestError};
use caatsa_screen::names::{self, Matcher, NameKind, WatchName};

/// Read sizes the chunked reader cycles through: small and uneven, so records, quotes and
/// multi-byte characters straddle read boundaries.
const READ_SIZES: [usize; 6] = [1, 2, 3, 5, 8, 13];

/// A reader that hands out `data` in reads of the sizes in [`READ_SIZES`].
struct Chunked<'a> {
    data: &'a [u8],
    turn: usize,
}

impl Read for Chunked<'_> {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        let size = READ_SIZES[self.turn % READ_SIZES.len()]
            .min(buf.len())
            .min(self.data.len());
        self.turn += 1;
        buf[..size].copy_from_slice(&self.data[..size]);
        self.data = &self.data[size..];
        Ok(size)
    }
}

/// How many lines the input has, counting a last line without a newline.
fn line_count(data: &[u8]) -> u64 {
    data.iter().filter(|&&b| b == b'\n').count() as u64 + 1
}

/// The outcome in a comparable form (`ManifestError` holds an `io::Error`, which is not `Eq`).
fn outcome(read: Result<Manifest, ManifestError>) -> Result<Manifest, String> {
    read.map_err(|e| e.to_string())
}

fn assert_rows_inside(manifest: &Manifest, data: &[u8]) {
    let lines = line_count(data);
    for error in &manifest.errors {
        if let Some(line) = error.line {
            assert!(
                (1..=lines).contains(&line),
                "row error at line {line} of a {lines}-line input: {error}"
            );
        }
    }
}

pub fn csv_reader(data: &[u8]) {
    let whole = outcome(manifest::read_csv(data));
    let chunked = outcome(manifest::read_csv(Chunked { data, turn: 0 }));
    assert_eq!(whole, chunked, "the reader depends on read sizes");
    if let Ok(manifest) = &whole {
        assert_rows_inside(manifest, data);
    }
}

pub fn json_reader(data: &[u8]) {
    let read = manifest::read_json(data);
    match &read {
        Ok(manifest) => assert_rows_inside(manifest, data),
        Err(ManifestError::Json { line, .. }) => {
            let lines = line_count(data);
            assert!(
                *line as u64 <= lines,
                "syntax error at line {line} of {lines}"
            );
        }
        Err(_) => {}
    }
    if InputFormat::sniff(data) == InputFormat::Json {
        let detected = outcome(manifest::read(data, InputFormat::Json));
        assert_eq!(outcome(read), detected, "read() and read_json() disagree");
    }
}

/// The listed names of the evaluation sets, as a watchlist: real names of several scripts,
/// kinds and legal forms.
fn matcher() -> &'static Matcher {
    static MATCHER: OnceLock<Matcher> = OnceLock::new();
    MATCHER.get_or_init(|| {
        let general = include_str!("../eval/general_names_dev.tsv");
        let dprk = include_str!("../eval/dprk_name_variants_dev.tsv");
        let mut listed: Vec<(String, NameKind)> = general
            .lines()
            .skip(1)
            .filter_map(|row| {
                let cells: Vec<&str> = row.split('\t').collect();
                Some((cells.get(2)?.to_string(), NameKind::parse(cells.get(1)?)?))
            })
            .chain(dprk.lines().skip(1).filter_map(|row| {
                let name = row.split('\t').next()?;
                Some((name.to_owned(), NameKind::infer(name)))
            }))
            .collect();
        listed.sort_by(|a, b| a.0.cmp(&b.0));
        listed.dedup_by(|a, b| a.0 == b.0);
        let names = listed
            .into_iter()
            .enumerate()
            .map(|(owner, (name, kind))| WatchName {
                owner: owner as u32,
                name,
                kind,
                weak: false,
            })
            .collect();
        Matcher::new(names)
    })
}

/// The input as a name kind, a search floor in [0, 1] and two names (split at the first tab).
fn name_pair(data: &[u8]) -> Option<(NameKind, f32, String, String)> {
    let (&[kind, floor], rest) = data.split_first_chunk::<2>()?;
    let kind = [NameKind::Person, NameKind::Organization, NameKind::Vessel][kind as usize % 3];
    let text = String::from_utf8_lossy(rest);
    let (a, b) = text.split_once('\t').unwrap_or((&text, &text));
    Some((kind, f32::from(floor) / 255.0, a.to_owned(), b.to_owned()))
}

pub fn names(data: &[u8]) {
    let Some((kind, floor, a, b)) = name_pair(data) else {
        return;
    };
    let normalized = names::normalize::normalize(&a);
    assert_eq!(
        names::normalize::normalize(&normalized),
        normalized,
        "not idempotent"
    );

    let matcher = matcher();
    let pa = names::prepare(&a, kind, matcher.weights());
    let pb = names::prepare(&b, kind, matcher.weights());
    let full = names::score::score(&pa, &pb, kind);
    assert!(
        (0.0..=1.0).contains(&full.score),
        "score {} out of range",
        full.score
    );
    let swapped = names::score::score(&pb, &pa, kind);
    assert_eq!(full, swapped, "the score depends on which name comes first");

    let min = floor.max(names::POSSIBLE_THRESHOLD);
    let hits = matcher.search(&a, min, 8);
    let all = matcher.search_exhaustive(&a, min, usize::MAX);
    for pair in hits.windows(2) {
        assert!(
            pair[0].score >= pair[1].score,
            "hits not best first: {hits:?}"
        );
    }
    for hit in &hits {
        assert!(
            hit.score >= min && hit.score <= 1.0,
            "hit out of range: {hit:?}"
        );
        let same = all.iter().find(|h| h.name == hit.name);
        assert_eq!(
            same,
            Some(hit),
            "the index-backed hit differs from the exhaustive one"
        );
    }
}
