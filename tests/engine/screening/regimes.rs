//! The two legal regimes kept apart: an OFAC sanctions match is `prohibited` (cured only by an
//! OFAC license), the forced-labor presumption comes only from a labor nexus, and goods from
//! North Korea carry both, each with its own guidance. A name alone never carries a legal verdict
//! when the name is short or common.

use caatsa_screen::screening::{FlagCode, IdentityStrength, Regime, SpellingKind, Verdict};

use super::{codes, screen};

fn regimes_of_law(flag: &caatsa_screen::screening::Flag) -> Vec<Regime> {
    flag.law.iter().map(|l| l.regime).collect()
}

#[test]
fn a_dprk_sdn_match_is_prohibited_not_the_presumption() {
    let r = screen(&[
        ("supplier_name", "Korea Ryonbong General Corporation"),
        ("country_of_origin", "CN"),
    ]);
    assert_eq!(r.verdict, Verdict::Prohibited, "{}", r.explanation);
    assert!(!r.has(FlagCode::LaborExporter), "{:?}", codes(&r));
    let flag = r.flag(FlagCode::DesignatedParty).expect("DESIGNATED_PARTY");
    assert_eq!(flag.regimes, [Regime::OfacSanctions]);
    assert_eq!(regimes_of_law(flag), [Regime::OfacSanctions]);
    let guidance = &flag.law[0].guidance;
    assert!(guidance.contains("license"), "{guidance}");
    assert!(!guidance.contains("clear and convincing"), "{guidance}");
    assert!(r.flags.iter().all(|f| f.severity != Verdict::Presumption));
}

#[test]
fn a_labor_exporter_sdn_match_raises_both_flags() {
    let r = screen(&[
        (
            "supplier_name",
            "Mansudae Overseas Project Group of Companies",
        ),
        ("country_of_origin", "CN"),
    ]);
    assert!(r.has(FlagCode::DesignatedParty), "{:?}", codes(&r));
    let labor = r.flag(FlagCode::LaborExporter).expect("LABOR_EXPORTER");
    assert_eq!(labor.regimes, [Regime::ForcedLabor]);
    assert_eq!(labor.severity, Verdict::Presumption);
    let basis = labor
        .evidence
        .iter()
        .find_map(|e| e.labor_export.as_ref())
        .expect("the labor-export ground is shown");
    assert!(basis.statement.contains("exportation of workers"));
    assert_eq!(r.verdict, Verdict::Prohibited);
}

#[test]
fn an_entry_linked_to_a_labor_exporter_by_ofac_is_one_too() {
    // OFAC's remarks on Mansudae's subsidiaries say "Linked To: MANSUDAE OVERSEAS PROJECT
    // GROUP OF COMPANIES"; the ground shown is that remark, not a curated note.
    let r = screen(&[
        (
            "supplier_name",
            "Mansudae Overseas Projects Architectural and Technical Services",
        ),
        ("country_of_origin", "NA"),
    ]);
    let labor = r.flag(FlagCode::LaborExporter).expect("LABOR_EXPORTER");
    let basis = labor
        .evidence
        .iter()
        .find_map(|e| e.labor_export.as_ref())
        .expect("basis");
    assert!(basis.statement.contains("Linked To"), "{}", basis.statement);
}

#[test]
fn kp_origin_carries_both_regimes_with_separate_guidance() {
    let r = screen(&[
        ("supplier_name", "Any Trading Co"),
        ("country_of_origin", "North Korea"),
    ]);
    let flag = r.flag(FlagCode::KpOrigin).expect("KP_ORIGIN");
    assert_eq!(flag.regimes, [Regime::OfacSanctions, Regime::ForcedLabor]);
    assert_eq!(
        regimes_of_law(flag),
        [Regime::OfacSanctions, Regime::ForcedLabor]
    );
    let ofac = &flag.law[0];
    let labor = &flag.law[1];
    assert!(ofac.guidance.contains("license") && !ofac.guidance.contains("CBP"));
    assert!(labor.guidance.contains("CBP") && !labor.guidance.contains("license"));
    assert!(ofac
        .legal_basis
        .iter()
        .any(|c| c.citation.contains("13570")));
    assert!(labor
        .legal_basis
        .iter()
        .any(|c| c.citation.contains("9241a")));
    assert_eq!(r.verdict, Verdict::Prohibited);
}

#[test]
fn a_cbp_caatsa_target_is_the_presumption_not_a_prohibition() {
    let r = screen(&[
        ("supplier_name", "Li-Ning Sporting Goods Co., Ltd."),
        ("supplier_city", "Beijing"),
        ("country_of_origin", "CN"),
    ]);
    let flag = r
        .flag(FlagCode::EnforcementTarget)
        .expect("ENFORCEMENT_TARGET");
    assert_eq!(flag.regimes, [Regime::ForcedLabor]);
    assert_eq!(r.verdict, Verdict::Presumption);
}

#[test]
fn a_common_two_word_name_alone_is_at_most_high_risk() {
    let r = screen(&[
        ("supplier_name", "Li Ning"),
        ("supplier_city", "Shanghai"),
        ("country_of_origin", "CN"),
        ("hts_code", "8471.30"),
        ("description", "LAPTOP COMPUTERS"),
    ]);
    assert!(
        r.verdict <= Verdict::HighRisk,
        "{:?}: {}",
        codes(&r),
        r.explanation
    );
    for flag in r.flags.iter().filter(|f| f.code.is_party_match()) {
        let identity = flag.identity.as_ref().expect("party flags carry identity");
        assert_ne!(identity.strength, IdentityStrength::Strong);
        assert!(!identity.carries_legal_weight());
        assert!(
            !identity.to_confirm.is_empty(),
            "says what would confirm it"
        );
    }
}

#[test]
fn a_press_spelling_is_never_called_an_ofac_alias() {
    let r = screen(&[
        ("supplier_name", "Cholhyun Construction"),
        ("country_of_origin", "DZ"),
    ]);
    let evidence: Vec<_> = r
        .flags
        .iter()
        .filter(|f| f.code.is_party_match())
        .flat_map(|f| &f.evidence)
        .collect();
    assert!(!evidence.is_empty(), "{:?}", codes(&r));
    for e in evidence {
        let spelling = e.spelling.as_ref().expect("the spelling's origin is given");
        assert_eq!(spelling.kind, SpellingKind::SourceSpelling, "{e:?}");
        let source = spelling.source.as_ref().expect("the press source");
        assert!(source.url.starts_with("https://"));
    }
    let text: String = r.flags.iter().map(|f| f.summary.as_str()).collect();
    assert!(text.contains("not an OFAC alias"), "{text}");
    let claims = text.replace("not an OFAC alias", "");
    assert!(
        !claims.contains("OFAC alias") && !claims.contains("weak alias"),
        "{text}"
    );
}
