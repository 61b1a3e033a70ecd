//! Which lines a draft covers: every flagged line of a shipment, a refusal for clear lines, a
//! warning for review-only evidence, and errors that list what exists.

use super::*;

#[test]
fn a_whole_shipment_draft_covers_every_flagged_line_and_names_the_clear_ones_left_out() {
    let lines = [
        ManifestLine {
            supplier_name: Some("Donggang Jinhui Foodstuff Co. Ltd.".into()),
            supplier_city: Some("Donggang".into()),
            supplier_country: Some("CN".into()),
            hts_code: Some("0307.43".into()),
            description: Some("FROZEN SQUID".into()),
            ..line("MIXED-1", 1)
        },
        ManifestLine {
            supplier_name: Some("LG Electronics Inc.".into()),
            supplier_country: Some("KR".into()),
            country_of_origin: Some("KR".into()),
            description: Some("LED TELEVISIONS".into()),
            ..line("MIXED-1", 2)
        },
        ManifestLine {
            supplier_name: Some("Korea Ryonbong General Corp.".into()),
            description: Some("MACHINES".into()),
            ..line("MIXED-1", 3)
        },
    ];
    let screening = screen(&lines);
    let d = tip::draft(kb(), &screening, "MIXED-1", None, DATE).expect("draft");
    let numbers: Vec<u32> = d.header.lines.iter().map(|l| l.line).collect();
    assert_eq!(numbers, vec![1, 3]);
    // Line 3 is an OFAC sanctions match with no labor nexus: prohibited, but not forced-labor
    // evidence, so the draft's strength comes from line 1 and a notice sends line 3 to OFAC.
    assert_eq!(d.header.verdict, Verdict::Prohibited);
    assert_eq!(d.header.evidence_strength, EvidenceStrength::Moderate);
    assert!(
        d.header
            .notices
            .iter()
            .any(|n| n.starts_with("Line 3 also carries an OFAC sanctions flag")),
        "{:?}",
        d.header.notices
    );
    let numbers: Vec<usize> = d.reasons.reasons.iter().map(|r| r.number).collect();
    assert_eq!(numbers, (1..=numbers.len()).collect::<Vec<_>>());
    assert!(d.reasons.reasons.iter().any(|r| r.line == 3));
    assert!(d
        .header
        .notices
        .iter()
        .any(|n| n.contains("Line 2") && n.contains("clear")));
}

#[test]
fn a_clear_line_is_refused_with_the_reason_not_drafted_empty() {
    let err = tip::draft(kb(), demo(), SOUTH_KOREA, Some(1), DATE).expect_err("clear line");
    let TipError::Refused(refusal) = &err else {
        panic!("expected a refusal, got {err}");
    };
    assert_eq!(refusal.line, Some(1));
    assert!(refusal.message.contains("clear"), "{}", refusal.message);
    assert!(
        refusal.message.contains("No indicator matched"),
        "{}",
        refusal.message
    );
    let whole = tip::draft(kb(), demo(), SOUTH_KOREA, None, DATE).expect_err("clear shipment");
    assert!(
        matches!(whole, TipError::Refused(ref r) if r.line.is_none()),
        "{whole}"
    );
}

#[test]
fn a_review_only_line_is_drafted_with_a_prominent_weak_evidence_warning() {
    let d = draft(SECTOR_ONLY, Some(1));
    assert_eq!(d.header.evidence_strength, EvidenceStrength::Weak);
    assert!(
        d.header.notices[0].starts_with("WEAK EVIDENCE"),
        "{:?}",
        d.header.notices
    );
    let md = tip::render(&d, TipFormat::Md);
    let warning = md.find("WEAK EVIDENCE").expect("warning in Markdown");
    assert!(warning < md.find("## Legal basis").expect("legal basis"));
    let html = tip::render(&d, TipFormat::Html);
    let warning = html.find("WEAK EVIDENCE").expect("warning in HTML");
    assert!(warning < html.find("<h2>Legal basis</h2>").expect("legal basis"));
    assert!(html.contains("class=\"notice strength-weak\""));
}

#[test]
fn an_unknown_shipment_or_line_is_an_error_that_lists_what_exists() {
    let err = tip::draft(kb(), demo(), "NOPE", None, DATE).expect_err("unknown");
    let text = err.to_string();
    assert!(text.contains("`NOPE`") && text.contains(DONGGANG), "{text}");
    let err = tip::draft(kb(), demo(), RYONBONG, Some(9), DATE).expect_err("unknown line");
    assert!(matches!(err, TipError::UnknownLine { ref available, .. } if available == &[1, 2]));
    assert!(err.to_string().contains("1, 2"), "{err}");
}
