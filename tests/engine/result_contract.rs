//! The public contract of a screening result, pinned: the JSON of representative lines (insta
//! snapshots), and the SANCTIONED_PARTY flag of full-list screening.

use std::path::Path;
use std::sync::{Arc, OnceLock};

use caatsa_screen::indicators::KnowledgeBase;
use caatsa_screen::manifest::{self, InputFormat};
use caatsa_screen::screening::{
    EvidenceKind, FlagCode, IdentityStrength, Regime, Screener, ScreeningOptions, Verdict,
};

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

#[test]
fn the_json_of_a_line_with_several_flags_is_stable() {
    let line = demo_lines()
        .into_iter()
        .find(|l| l.shipment_id == "OOLU2730955")
        .unwrap();
    let result = builtin().screen_line(&line);
    insta::assert_json_snapshot!("donggang_jinhui_line", result);
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
