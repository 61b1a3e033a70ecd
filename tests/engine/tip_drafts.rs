//! CBP allegation drafts (`report::tip`) as a specification: what a draft contains, that it
//! cites a source for every reason, that it refuses clear lines, that input renders as text in
//! HTML and Markdown, and the pinned Markdown and HTML of a line with several flags.

use std::path::PathBuf;
use std::process::Command;
use std::sync::{Arc, OnceLock};

use caatsa_screen::indicators::KnowledgeBase;
use caatsa_screen::manifest::{self, InputFormat, ManifestLine};
use caatsa_screen::report::tip::{
    self, EvidenceStrength, IloStatus, LineRef, TipDraft, TipError, TipFormat, TipSubject,
};
use caatsa_screen::screening::{FlagCode, Screener, Screening, ScreeningOptions, Verdict};

/// The date printed on every draft in these tests.
const DATE: time::Date = time::macros::date!(2025 - 01 - 15);
/// The screening id every test screening carries (a real one is random).
const SCREENING_ID: &str = "00000000-0000-4000-8000-000000000000";
/// Donggang Jinhui Foodstuff: an investigated employer, in a documented region, selling seafood.
const DONGGANG: &str = "OOLU2730955";
/// Korea Ryonbong General Corp. (an OFAC SDN entry) and a North Korean-origin gold line.
const RYONBONG: &str = "COSU6201448790";
/// Squid from a Rizhao supplier: only a sector-and-country review flag.
const SECTOR_ONLY: &str = "MEDUPX118854";
/// Two South Korean lines: clear.
const SOUTH_KOREA: &str = "HDMUSE229104";

#[path = "tip_drafts/cli.rs"]
mod cli;
#[path = "tip_drafts/escaping.rs"]
mod escaping;
#[path = "tip_drafts/filing.rs"]
mod filing;
#[path = "tip_drafts/selection.rs"]
mod selection;
#[path = "tip_drafts/supplier.rs"]
mod supplier;

fn screener() -> &'static Screener {
    static SCREENER: OnceLock<Screener> = OnceLock::new();
    SCREENER.get_or_init(|| {
        let kb = KnowledgeBase::builtin().expect("the built-in knowledge base loads");
        // Screened on the draft's date, so that source ages and the list's age are pinned.
        let options = ScreeningOptions {
            as_of: Some(DATE),
            ..ScreeningOptions::default()
        };
        Screener::with_options(Arc::new(kb), options)
    })
}

fn kb() -> &'static KnowledgeBase {
    screener().kb()
}

fn screen(lines: &[ManifestLine]) -> Screening {
    let mut screening = screener().screen(lines, Vec::new(), Vec::new());
    screening.screening_id = SCREENING_ID.to_owned();
    screening
}

fn demo() -> &'static Screening {
    static DEMO: OnceLock<Screening> = OnceLock::new();
    DEMO.get_or_init(|| {
        let path = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("fixtures/demo_manifest.csv");
        let bytes = std::fs::read(&path).expect("demo manifest");
        let manifest = manifest::read(&bytes, InputFormat::Csv).expect("demo manifest reads");
        screen(&manifest.lines)
    })
}

fn draft(shipment: &str, line: Option<u32>) -> TipDraft {
    tip::draft(kb(), demo(), shipment, line, DATE)
        .unwrap_or_else(|e| panic!("draft for {shipment}: {e}"))
}

/// The rendering with the knowledge-base version (which changes with every data update)
/// replaced, so snapshots change only when the draft does.
fn pinned(draft: &TipDraft, format: TipFormat) -> String {
    tip::render(draft, format).replace(&kb().version.id, "[kb-version]")
}

fn line(shipment: &str, n: u32) -> ManifestLine {
    ManifestLine {
        shipment_id: shipment.to_owned(),
        line: n,
        ..ManifestLine::default()
    }
}

#[test]
fn the_markdown_draft_of_a_line_with_several_flags_is_pinned() {
    let d = draft(DONGGANG, Some(1));
    insta::assert_snapshot!("donggang_jinhui_md", pinned(&d, TipFormat::Md));
}

#[test]
fn the_html_draft_of_a_line_with_several_flags_is_pinned() {
    let d = draft(DONGGANG, Some(1));
    insta::assert_snapshot!("donggang_jinhui_html", pinned(&d, TipFormat::Html));
}

#[test]
fn the_json_rendering_is_the_draft_model_itself() {
    let d = draft(RYONBONG, None);
    let json = tip::render(&d, TipFormat::Json);
    let back: TipDraft = serde_json::from_str(&json).expect("the JSON reads back");
    assert_eq!(back, d);
}

#[test]
fn the_header_carries_the_warning_title_date_kb_version_and_screening_id() {
    let d = draft(DONGGANG, Some(1));
    let h = &d.header;
    assert_eq!(
        h.title,
        "Draft allegation — verify every fact before submitting"
    );
    assert_eq!(h.date, "2025-01-15");
    assert_eq!(h.indicators_version, demo().indicators_version);
    assert_eq!(h.screening_ids, [SCREENING_ID]);
    assert_eq!(
        h.subject,
        TipSubject::Shipment {
            shipment_id: DONGGANG.to_owned()
        }
    );
    assert_eq!(
        h.lines,
        [LineRef {
            shipment_id: DONGGANG.to_owned(),
            line: 1
        }]
    );
    let md = tip::render(&d, TipFormat::Md);
    let first_section = md.find("## Legal basis").expect("legal basis");
    for must in [
        h.title.as_str(),
        "2025-01-15",
        SCREENING_ID,
        &h.indicators_version,
    ] {
        let at = md.find(must).unwrap_or_else(|| panic!("{must} missing"));
        assert!(at < first_section, "{must} is not in the header");
    }
}

#[test]
fn the_legal_basis_quotes_the_presumption_its_exception_and_the_forced_labor_definition() {
    let d = draft(DONGGANG, Some(1));
    let cited: Vec<&str> = d.legal_basis.iter().map(|q| q.citation.as_str()).collect();
    assert!(cited[0].starts_with("22 U.S.C. 9241a(a)"), "{cited:?}");
    assert!(cited[1].starts_with("22 U.S.C. 9241a(b)"), "{cited:?}");
    assert!(cited[2].starts_with("19 U.S.C. 1307"), "{cited:?}");
    assert!(d.legal_basis[1]
        .text
        .contains("clear and convincing evidence"));
    assert!(d.legal_basis[2]
        .text
        .contains("'Forced labor', as herein used, shall mean"));
}

#[test]
fn every_quotation_is_the_knowledge_base_text_verbatim_with_its_source() {
    let d = draft(RYONBONG, None);
    let quotes = d.legal_basis.iter().chain([
        &d.requirements,
        &d.ilo_indicators.quote,
        &d.next_steps.detention,
    ]);
    for q in quotes {
        let text = kb()
            .legal
            .get(&q.id)
            .expect("quoted text is in the knowledge base");
        assert_eq!(
            Some(&q.text),
            text.text.as_ref(),
            "{} is not verbatim",
            q.id
        );
        assert_eq!(q.source, text.source, "{}", q.id);
    }
    assert!(d.next_steps.detention.text.contains("within 30 days"));
}

#[test]
fn each_12_42_b_element_is_present_worded_as_the_regulation_and_not_empty() {
    for (shipment, line) in [
        (DONGGANG, Some(1)),
        (RYONBONG, None),
        (SECTOR_ONLY, Some(1)),
    ] {
        let d = draft(shipment, line);
        let elements = [
            &d.reasons.requirement,
            &d.merchandise.requirement,
            &d.production.requirement,
        ];
        for (n, r) in elements.iter().enumerate() {
            assert_eq!(r.citation, format!("19 C.F.R. 12.42(b)({})", n + 1));
            assert!(
                d.requirements.text.contains(&r.wording),
                "element {} is not quoted: {}",
                n + 1,
                r.wording
            );
        }
        assert!(!d.reasons.reasons.is_empty(), "{shipment}: no reasons");
        assert!(d.reasons.reasons.iter().all(|r| !r.statement.is_empty()));
        assert!(!d.merchandise.items.is_empty(), "{shipment}: no goods");
        assert!(d.merchandise.items.iter().all(|i| i.description.is_some()));
        assert!(
            !d.production.lines.is_empty(),
            "{shipment}: no production facts"
        );
        assert!(d
            .production
            .lines
            .iter()
            .all(|l| !l.parties.is_empty() || !l.countries.is_empty()));
        let md = tip::render(&d, TipFormat::Md);
        for r in elements {
            assert!(md.contains(&format!("\u{201c}{}\u{201d}", r.wording)));
        }
    }
}

#[test]
fn every_reason_of_every_flagged_demo_line_cites_a_source_with_url_and_tier() {
    let mut drafted = 0;
    for result in demo()
        .results
        .iter()
        .filter(|r| r.verdict != Verdict::Clear)
    {
        let d = draft(&result.shipment_id, Some(result.line));
        assert_eq!(d.reasons.reasons.len(), result.flags.len());
        for r in &d.reasons.reasons {
            assert!(!r.sources.is_empty(), "reason {} has no source", r.number);
            for s in &r.sources {
                assert!(s.url.starts_with("http"), "{}: {}", r.title, s.url);
                assert!(!s.title.is_empty() && !s.date.is_empty());
                assert!(
                    d.attachments.iter().any(|a| a.url == s.url),
                    "{} is not among the attachments",
                    s.url
                );
            }
        }
        drafted += 1;
    }
    assert!(drafted >= 10, "only {drafted} flagged demo lines");
}

#[test]
fn reasons_speak_of_matches_and_sources_not_of_guilt() {
    let d = draft(DONGGANG, Some(1));
    let first = &d.reasons.reasons[0];
    assert_eq!(first.flag, FlagCode::ReportedNkLabor);
    assert!(
        first.statement.starts_with(
            "The supplier named on the manifest, \"Donggang Jinhui Foodstuff Co. Ltd.\", matches \
             Donggang Jinhui Foodstuff"
        ),
        "{}",
        first.statement
    );
    assert!(first
        .statement
        .contains("names as a processing plant reported to use North Korean workers"));
    for r in &d.reasons.reasons {
        let lower = r.statement.to_lowercase();
        for word in [
            "guilty",
            "is using forced labor",
            "uses forced labor",
            "violated",
        ] {
            assert!(!lower.contains(word), "reason {} says {word:?}", r.number);
        }
    }
}

#[test]
fn the_merchandise_carries_the_declared_values_and_the_official_hts_description() {
    let d = draft(DONGGANG, Some(1));
    let goods = &d.merchandise.items[0];
    assert_eq!(goods.shipment_id, DONGGANG);
    assert_eq!(goods.description.as_deref(), Some("FROZEN SQUID RINGS"));
    assert_eq!(goods.hts_code.as_deref(), Some("0307.43"));
    let official = goods.hts_official.as_ref().expect("HTS description");
    assert!(official.description.contains("squid"), "{official:?}");
    assert!(official.nomenclature.contains("Harmonized Tariff Schedule"));
    assert_eq!(goods.quantity.as_deref(), Some("1500 CTN"));
    assert_eq!(goods.value_usd, Some(48000.0));
    assert_eq!(goods.importer.as_deref(), Some("Harbor Fresh Foods LLC"));
    assert!(goods
        .port_of_lading_official
        .as_deref()
        .is_some_and(|p| p.contains("Dalian")));
}

#[test]
fn production_facts_credit_each_documented_fact_to_its_own_source() {
    let d = draft(DONGGANG, Some(1));
    let facts = &d.production.lines[0];
    assert_eq!(
        facts.parties[0].name.as_deref(),
        Some("Donggang Jinhui Foodstuff Co. Ltd.")
    );
    assert!(facts.documented.iter().any(|f| f.about == "Donggang"));
    assert!(facts
        .documented
        .iter()
        .all(|f| f.source.url.starts_with("http")));
    let record = &d.production.records[0];
    assert_eq!(record.entity_id, "inv:donggang-jinhui-foodstuff");
    assert!(
        record.matched_by[0].starts_with("bill of lading OOLU2730955 line 1, supplier \u{201c}"),
        "{}",
        record.matched_by[0]
    );
}

#[test]
fn an_ilo_indicator_is_marked_only_where_a_source_names_it_and_with_that_source() {
    let lines = [ManifestLine {
        supplier_name: Some("Ch'olhyo'n Overseas Construction Company".into()),
        description: Some("STEEL STRUCTURES".into()),
        ..line("ILO-1", 1)
    }];
    let screening = screen(&lines);
    let d = tip::draft(kb(), &screening, "ILO-1", None, DATE).expect("SDN match");
    assert!(d
        .reasons
        .reasons
        .iter()
        .any(|r| r.flag == FlagCode::DesignatedParty));
    let named: Vec<&str> = d
        .ilo_indicators
        .indicators
        .iter()
        .filter(|i| i.status == IloStatus::NamedInEvidence)
        .map(|i| i.name.as_str())
        .collect();
    assert_eq!(
        named,
        ["Retention of identity documents", "Withholding of wages"]
    );
    for i in d
        .ilo_indicators
        .indicators
        .iter()
        .filter(|i| !i.evidence.is_empty())
    {
        let e = &i.evidence[0];
        assert!(e.text.contains("withheld"), "{}", e.text);
        assert!(
            !e.source.url.contains("treasury.gov/ofac"),
            "credited to the OFAC file, which says nothing about wages: {}",
            e.source.url
        );
    }
    let donggang = draft(DONGGANG, Some(1));
    assert!(donggang
        .ilo_indicators
        .indicators
        .iter()
        .all(|i| i.status == IloStatus::NotEstablished));
}

#[test]
fn attachments_are_the_evidence_sources_once_each_and_nothing_else() {
    for shipment in [RYONBONG, DONGGANG, SECTOR_ONLY] {
        let d = draft(shipment, None);
        let urls: Vec<&str> = d.attachments.iter().map(|a| a.url.as_str()).collect();
        let numbers: Vec<usize> = d.attachments.iter().map(|a| a.number).collect();
        assert_eq!(numbers, (1..=urls.len()).collect::<Vec<_>>());
        let mut evidence: Vec<&str> = d
            .reasons
            .reasons
            .iter()
            .flat_map(|r| &r.sources)
            .chain(
                d.production
                    .lines
                    .iter()
                    .flat_map(|l| l.documented.iter().map(|f| &f.source)),
            )
            .chain(d.production.records.iter().flat_map(|r| &r.sources))
            .map(|s| s.url.as_str())
            .collect();
        evidence.dedup();
        let mut sorted_evidence = evidence.clone();
        sorted_evidence.sort_unstable();
        sorted_evidence.dedup();
        let mut sorted = urls.clone();
        sorted.sort_unstable();
        assert_eq!(
            sorted.len(),
            urls.len(),
            "{shipment}: an attachment is listed twice"
        );
        assert_eq!(
            sorted, sorted_evidence,
            "{shipment}: attachments are the evidence sources"
        );
        // The ILO booklet and CBP's detention notice are quoted, not evidence to attach.
        assert!(!urls.contains(&d.ilo_indicators.quote.source.url.as_str()));
        assert!(!urls.contains(&d.next_steps.detention.source.url.as_str()));
    }
}
