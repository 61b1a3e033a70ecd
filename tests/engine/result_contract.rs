//! The public contract of a screening result, pinned: the JSON of representative lines (insta
//! snapshots), and the SANCTIONED_PARTY flag of full-list screening.

use std::path::Path;
use std::sync::{Arc, OnceLock};

use caatsa_screen::indicators::KnowledgeBase;
use caatsa_screen::manifest::{self, InputFormat};
use caatsa_screen::screening::{
    EvidenceKind, FlagCode, IdentityStrength, Regime, Screener, Screening, ScreeningOptions,
    Verdict,
};
use serde_json::Value;

/// A fixed screening date, so that source ages and the list-age warning do not move the snapshots.
fn options() -> ScreeningOptions {
    ScreeningOptions {
        as_of: Some(time::macros::date!(2026 - 12 - 01)),
        ..ScreeningOptions::default()
    }
}

fn builtin() -> &'static Screener {
    static S: OnceLock<Screener> = OnceLock::new();
    S.get_or_init(|| Screener::with_options(Arc::new(KnowledgeBase::builtin().unwrap()), options()))
}

fn demo_lines() -> Vec<caatsa_screen::manifest::ManifestLine> {
    let bytes = std::fs::read(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/fixtures/demo_manifest.csv"
    ))
    .unwrap();
    manifest::read(&bytes, InputFormat::Csv).unwrap().lines
}

/// The demo's Donggang seafood line: a supplier named by an investigation, in a region with
/// documented North Korean workers, several flags and sources.
fn donggang_line() -> caatsa_screen::manifest::ManifestLine {
    demo_lines()
        .into_iter()
        .find(|l| l.shipment_id == "OOLU2730955")
        .unwrap()
}

#[test]
fn the_json_of_a_line_with_several_flags_is_stable() {
    let line = donggang_line();
    let mut document = builtin().screen(&[line], Vec::new(), Vec::new());
    // A fresh id and the clock's time; everything else is fixed.
    document.screening_id = "[id]".into();
    document.created_at = "[time]".into();
    insta::assert_json_snapshot!("donggang_jinhui_line", document);
}

#[test]
fn the_tables_do_not_grow_with_the_lines() {
    // The streamed writers and the service's keeper hold the tables until the document ends, so
    // an entry made from a line's input (a note quoting the supplier, say) would make memory grow
    // with the manifest. Every line here differs in its supplier name and city.
    let lines = |n: usize| -> Vec<caatsa_screen::manifest::ManifestLine> {
        (0..n)
            .map(|i| {
                let mut line = donggang_line();
                line.line = i as u32 + 1;
                line.supplier_name = Some(format!("Dandong Seafood Processing {i} Co Ltd"));
                line.supplier_city = Some(["Dandong", "Donggang", "Hunchun"][i % 3].into());
                line
            })
            .collect()
    };
    let sizes = |n| {
        let document = builtin().screen(&lines(n), Vec::new(), Vec::new());
        assert!(document.results.iter().all(|r| !r.flags.is_empty()));
        (
            document.laws.len(),
            document.legal_texts.len(),
            document.sources.len(),
            document.notes.len(),
        )
    };
    let few = sizes(6);
    assert!(few.0 > 0 && few.3 > 0, "{few:?}");
    assert_eq!(sizes(600), few);
}

#[test]
fn among_equally_strong_evidence_the_newest_source_leads_the_flag() {
    let document = builtin().screen(&[donggang_line()], Vec::new(), Vec::new());
    let flag = document.results[0]
        .flag(FlagCode::SectorCountryRisk)
        .expect("seafood from China is a sector-country risk");
    let dates: Vec<&str> = flag
        .evidence
        .iter()
        .map(|e| e.source.date.as_str())
        .collect();
    assert!(dates.len() >= 2, "{dates:?}");
    assert!(dates.windows(2).all(|w| w[0] >= w[1]), "{dates:?}");
    // The summary words the lead item, so it does not open with the 2017 report.
    assert!(
        flag.summary.contains(&flag.evidence[0].source.title),
        "{}",
        flag.summary
    );
    assert!(
        !flag.summary.contains("ask for current evidence"),
        "{}",
        flag.summary
    );
}

#[test]
fn a_document_quotes_each_cited_text_and_source_once_and_reads_back_whole() {
    let lines = demo_lines();
    let document = builtin().screen(&lines, Vec::new(), Vec::new());
    let json = serde_json::to_string(&document).unwrap();
    let distinct = document.sources.len();
    assert!(distinct > 3 && !document.legal_texts.is_empty());
    let first_url = &document.sources.values().next().unwrap().url;
    assert_eq!(json.matches(first_url.as_str()).count(), 1, "{first_url}");
    let back: caatsa_screen::screening::Screening = serde_json::from_str(&json).unwrap();
    assert_eq!(back, document);
}

#[test]
fn a_document_citing_a_source_law_or_note_it_does_not_list_is_refused() {
    let document = builtin().screen(&[donggang_line()], Vec::new(), Vec::new());
    let whole = serde_json::to_value(&document).unwrap();
    let flag = &whole["results"][0]["flags"][0];
    for (table, cited) in [
        ("sources", &flag["evidence"][0]["source"]),
        ("laws", &flag["law"][0]),
        ("notes", &flag["evidence"][0]["note"]),
    ] {
        let id = cited.as_str().unwrap();
        let mut cut = whole.clone();
        assert!(cut[table].as_object_mut().unwrap().remove(id).is_some());
        let error = serde_json::from_value::<Screening>(cut)
            .unwrap_err()
            .to_string();
        assert!(
            error.contains(id) && error.contains(&format!("`{table}` table")),
            "{error}"
        );
    }
}

/// `document` as a release before its tables wrote it: laws and notes inline (the form of
/// 2026-12-02), and with `first_form` also every source and legal text inline, without ids.
fn inlined(document: &Screening, first_form: bool) -> Value {
    let mut old = serde_json::to_value(document).unwrap();
    let object = old.as_object_mut().unwrap();
    let (laws, notes) = (
        object.remove("laws").unwrap(),
        object.remove("notes").unwrap(),
    );
    let (sources, texts) = if first_form {
        let sources = object.remove("sources").unwrap();
        (Some(sources), object.remove("legal_texts"))
    } else {
        (None, None)
    };
    for flag in object["results"][0]["flags"].as_array_mut().unwrap() {
        for evidence in flag["evidence"].as_array_mut().unwrap() {
            if let Some(id) = evidence["note"].as_str().map(str::to_owned) {
                evidence["note"] = notes[&id].clone();
            }
            if let Some(sources) = &sources {
                let id = evidence["source"].as_str().unwrap().to_owned();
                evidence["source"] = sources[&id].clone();
            }
        }
        for law in flag["law"].as_array_mut().unwrap() {
            *law = laws[law.as_str().unwrap()].clone();
            if let Some(texts) = &texts {
                for c in law["legal_basis"].as_array_mut().unwrap() {
                    *c = texts[c["id"].as_str().unwrap()].clone();
                }
            }
        }
    }
    old
}

#[test]
fn a_result_stored_before_the_law_and_note_tables_still_reads_back() {
    let document = builtin().screen(&[donggang_line()], Vec::new(), Vec::new());
    let old = inlined(&document, false);
    assert!(old["results"][0]["flags"][0]["law"][0]["guidance"].is_string());
    let back: Screening = serde_json::from_value(old).unwrap();
    assert_eq!(back, document);
}

#[test]
fn a_result_stored_before_the_tables_existed_still_reads_back() {
    // The first form quoted each law, note, source and legal text inline, without ids.
    let document = builtin().screen(&[donggang_line()], Vec::new(), Vec::new());
    let back: Screening = serde_json::from_value(inlined(&document, true)).unwrap();
    assert_eq!(back.sources, document.sources);
    assert_eq!(
        (&back.laws.len(), &back.notes),
        (&document.laws.len(), &document.notes)
    );
    assert_eq!(
        back.results[0].flags[0].evidence,
        document.results[0].flags[0].evidence
    );
    // Each inline quotation is kept, under an id made from its content.
    let citation = &back.results[0].flags[0].law[0].legal_basis[0];
    let kept = &back.legal_texts[&citation.id];
    let quoted = &document.legal_texts[&document.results[0].flags[0].law[0].legal_basis[0].id];
    assert_eq!(kept, quoted);
    assert!(citation.id.starts_with("text-"));
    assert_eq!(back.legal_texts.len(), document.legal_texts.len());
}

#[test]
fn the_json_of_a_clear_south_korean_line_is_stable() {
    let line = demo_lines()
        .into_iter()
        .find(|l| l.shipment_id == "HDMUSE229104" && l.line == 1)
        .unwrap();
    let result = builtin().screen_line(&line);
    insta::assert_json_snapshot!("lg_electronics_line", result);
}

#[test]
fn a_match_to_a_non_north_korea_sdn_entry_is_a_sanctioned_party() {
    let dir = Path::new(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/data/ofac/set_2023-12-28"
    ));
    let full = Screener::with_options(
        Arc::new(KnowledgeBase::from_ofac_dir(dir, "2023-12-28").unwrap()),
        options(),
    );
    let mut line = demo_lines().remove(0);
    line.supplier_name = Some("Banco Nacional de Cuba".into());
    line.supplier_address = None;
    // OFAC lists the bank's branches (Madrid among them), not Cuba, as its addresses.
    line.supplier_city = Some("Madrid".into());
    line.supplier_country = Some("Spain".into());
    let r = full.screen_line(&line);
    let flag = r.flag(FlagCode::SanctionedParty).expect("SANCTIONED_PARTY");
    assert_eq!(flag.severity, Verdict::Prohibited, "{:?}", flag.identity);
    assert_eq!(flag.regimes, [Regime::OfacSanctions]);
    assert_eq!(flag.evidence[0].kind, EvidenceKind::OfacOther);
    assert_eq!(
        flag.identity.as_ref().map(|i| i.strength),
        Some(IdentityStrength::Strong)
    );
    assert!(!r.has(FlagCode::DesignatedParty));
    // The North Korea listings keep their own flag under the full list.
    line.supplier_name = Some("Korea Ryonbong General Corp.".into());
    assert!(full.screen_line(&line).has(FlagCode::DesignatedParty));
}
