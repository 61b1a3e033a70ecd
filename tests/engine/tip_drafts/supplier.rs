//! Supplier pattern drafts: one allegation about one supplier across its lines in several
//! manifests, on `fixtures/demo_seafood_pattern.csv` (whose sums are known) and the demo.

use super::*;

const JINHUI: &str = "Donggang Jinhui Foodstuff";

fn pattern_fixture() -> Screening {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("fixtures/demo_seafood_pattern.csv");
    let bytes = std::fs::read(&path).expect("pattern fixture");
    let manifest = manifest::read(&bytes, InputFormat::Csv).expect("pattern fixture reads");
    screen(&manifest.lines)
}

fn supplier(name: &str) -> Result<TipDraft, TipError> {
    let screenings = [demo().clone(), pattern_fixture()];
    tip::supplier_draft(
        kb(),
        screener().parties().matcher(),
        &screenings,
        name,
        DATE,
    )
}

fn total<'p>(totals: &'p [tip::PatternTotal], key: &str) -> &'p tip::PatternTotal {
    totals
        .iter()
        .find(|t| t.key == key)
        .unwrap_or_else(|| panic!("no total for {key}: {totals:#?}"))
}

#[test]
fn spelling_variants_group_and_a_similar_different_supplier_does_not() {
    let d = supplier(JINHUI).expect("draft");
    let TipSubject::Supplier { spellings, .. } = &d.header.subject else {
        panic!("a supplier draft");
    };
    for spelling in [
        "Donggang Jinhui Foodstuff Co. Ltd.",
        "DONGGANG JINHUI FOODSTUFF CO LTD",
        "Dongang Jinhui Foodstuffs Co",
    ] {
        assert!(spellings.iter().any(|s| s == spelling), "{spellings:?}");
    }
    let pattern = d.pattern.as_ref().expect("a pattern");
    let bills: Vec<&str> = pattern
        .shipments
        .iter()
        .map(|s| s.shipment_id.as_str())
        .collect();
    assert_eq!(
        bills,
        [
            "JHDEMO2601",
            "JHDEMO2602",
            "JHDEMO2603",
            "JHDEMO2603",
            "JHDEMO2604",
            DONGGANG
        ],
        "arrival order, the undated demo line last; Donggang Haimeng is another company"
    );
    assert!(!spellings.iter().any(|s| s.contains("Haimeng")));

    let haimeng = supplier("Donggang Haimeng Foodstuff").expect("draft");
    let bills: Vec<&str> = haimeng
        .header
        .lines
        .iter()
        .map(|l| l.shipment_id.as_str())
        .collect();
    assert_eq!(bills, ["HMDEMO2601"]);
}

#[test]
fn totals_by_importer_month_and_overall_add_up() {
    let d = supplier(JINHUI).expect("draft");
    let p = d.pattern.as_ref().expect("a pattern");
    let harbor = total(&p.by_importer, "Harbor Fresh Foods LLC");
    assert_eq!((harbor.lines, harbor.bills_of_lading), (4, 4));
    assert!((harbor.value_usd - 180_400.0).abs() < 0.01);
    // No importer of record on JHDEMO2603: the consignee stands in; one line has no value.
    let blue = total(&p.by_importer, "Blue Wave Seafood Distributors Inc.");
    assert_eq!(
        (blue.lines, blue.bills_of_lading, blue.lines_without_value),
        (2, 1, 1)
    );
    assert!((blue.value_usd - 27_000.0).abs() < 0.01);

    let months: Vec<(&str, usize, f64)> = p
        .by_month
        .iter()
        .map(|t| (t.key.as_str(), t.lines, t.value_usd))
        .collect();
    assert_eq!(
        months,
        [
            ("2026-01", 2, 87_600.0),
            ("2026-02", 2, 27_000.0),
            ("2026-03", 1, 44_800.0),
            (tip::UNDATED, 1, 48_000.0),
        ]
    );
    assert_eq!((p.totals.lines, p.totals.bills_of_lading), (6, 5));
    assert!((p.totals.value_usd - 207_400.0).abs() < 0.01);
    // The same finding on six lines is one reason, which names the other five.
    let reported = d
        .reasons
        .reasons
        .iter()
        .filter(|r| r.flag == FlagCode::ReportedNkLabor)
        .collect::<Vec<_>>();
    assert_eq!(reported.len(), 1);
    assert_eq!(reported[0].also_on.len(), 5);
    let md = tip::render(&d, TipFormat::Md);
    assert!(
        md.contains("| Harbor Fresh Foods LLC | 4 | 4 | USD 180,400.00 |"),
        "{md}"
    );
}

#[test]
fn a_clear_supplier_is_refused_and_an_unknown_one_gets_the_close_names() {
    match supplier("Saigon Riverside Garment Co.") {
        Err(TipError::Refused(refusal)) => {
            assert_eq!(
                refusal.supplier.as_deref(),
                Some("Saigon Riverside Garment Co.")
            );
            assert!(refusal.message.contains("clear"), "{}", refusal.message);
        }
        other => panic!("expected a refusal, got {other:?}"),
    }
    match supplier("Donggang Jinhai Seafood Trading") {
        Err(TipError::UnknownSupplier { closest, .. }) => {
            assert!(closest.iter().all(|c| !c.is_empty()), "{closest:?}");
        }
        Err(TipError::Refused(_)) | Ok(_) => {
            panic!("a different company must not be taken for Jinhui")
        }
        Err(other) => panic!("{other:?}"),
    }
}

#[test]
fn a_container_number_with_a_wrong_check_digit_is_a_line_warning() {
    let screening = pattern_fixture();
    let warned: Vec<(&str, u32)> = screening
        .results
        .iter()
        .filter(|r| !r.input_warnings.is_empty())
        .map(|r| (r.shipment_id.as_str(), r.line))
        .collect();
    assert_eq!(warned, [("JHDEMO2603", 2)]);
    let line = &screening.results[3];
    assert_ne!(
        line.verdict,
        Verdict::Clear,
        "a warning does not stop the screening"
    );
    assert!(line.input_warnings[0].contains("MSCU7720463"));
}
