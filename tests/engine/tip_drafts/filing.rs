//! What every draft needs to be filed: the current channel first, the requested action,
//! confidentiality, the evidence checklist with a safety note, what is new to CBP about a
//! party CBP already acts against, the age of the evidence, and no internal phrases.

use caatsa_screen::manifest::Field;

use super::*;

/// The shipments of the demo that carry a flag.
const FLAGGED: [&str; 4] = [DONGGANG, RYONBONG, SECTOR_ONLY, "OOLU2730941"];

#[test]
fn the_current_channel_comes_first_then_the_older_one_and_the_caatsa_contact() {
    let d = draft(DONGGANG, None);
    let titles: Vec<&str> = d.filing.iter().map(|g| g.title.as_str()).collect();
    assert_eq!(
        titles,
        [
            "Where to file",
            "What the submitter asks CBP to do",
            "Confidentiality"
        ]
    );
    let channels = d.filing[0].paragraphs.join(" ");
    let portal = channels
        .find("Forced Labor Allegations Portal")
        .expect("portal");
    let older = channels.find("e-Allegations").expect("e-Allegations");
    assert!(portal < older, "{channels}");
    assert!(channels.contains("caatsa@cbp.dhs.gov"));
    for s in &d.filing[0].sources {
        assert!(s.url.starts_with("https://"), "{}", s.url);
    }
    let md = tip::render(&d, TipFormat::Md);
    assert!(
        md.find("## Where to file").expect("channel section")
            < md.find("## Legal basis").expect("legal basis"),
        "the channel is the first section after the header"
    );
    assert!(d.filing[1].checklist[0].contains("22 U.S.C. 9241a"));
    assert!(d.filing[2].paragraphs[0].contains("keep confidential"));
    let checklist = &d.evidence_checklist;
    assert!(checklist
        .checklist
        .iter()
        .any(|c| c.starts_with("Photographs")));
    assert!(checklist
        .paragraphs
        .iter()
        .any(|p| p.starts_with("Safety:")));
}

#[test]
fn a_party_under_cbp_enforcement_gets_a_what_is_new_section_naming_another_exporter() {
    let d = draft("OOLU2730941", None);
    assert!(
        d.checks.iter().any(|g| g.title == "What is new to CBP"),
        "{:?}",
        d.checks
    );
    let lines = vec![ManifestLine {
        manufacturer_name: Some("Li-Ning Sporting Goods Co. Ltd.".into()),
        supplier_name: Some("Bright Harbor Trading Ltd".into()),
        country_of_origin: Some("CN".into()),
        description: Some("ATHLETIC FOOTWEAR".into()),
        ..line("VIA-1", 1)
    }];
    let d = tip::draft(kb(), &screen(&lines), "VIA-1", None, DATE).expect("draft");
    let new = d
        .checks
        .iter()
        .find(|g| g.title == "What is new to CBP")
        .expect("what is new");
    assert!(
        new.paragraphs
            .iter()
            .any(|p| p.contains("Bright Harbor Trading Ltd")),
        "{new:#?}"
    );
    let plain = draft(DONGGANG, None);
    assert!(plain.checks.iter().all(|g| g.title != "What is new to CBP"));
}

#[test]
fn sources_much_older_than_the_shipments_are_named_with_a_request_for_current_evidence() {
    let lines = vec![ManifestLine {
        supplier_name: Some("Donggang Jinhui Foodstuff Co. Ltd.".into()),
        supplier_city: Some("Donggang".into()),
        country_of_origin: Some("CN".into()),
        hts_code: Some("0307.43".into()),
        arrival_date: Some("2026-06-01".into()),
        ..line("NEW-1", 1)
    }];
    let d = tip::draft(kb(), &screen(&lines), "NEW-1", None, DATE).expect("draft");
    let dates = d
        .checks
        .iter()
        .find(|g| g.title == "Dates of the evidence")
        .expect("a dates section");
    let text = dates.paragraphs.join(" ");
    assert!(text.contains("arrived on 2026-06-01"), "{text}");
    assert!(text.contains("2017-10-04, 9 years before that"), "{text}");
}

#[test]
fn drafts_carry_no_internal_phrases() {
    let mut banned: Vec<String> = [
        "name score",
        "Noted with the source",
        "tier:",
        "Sector read from",
        "inv:",
        "cbp:",
        "sdn:",
        "None",
        "NaN",
    ]
    .map(str::to_owned)
    .to_vec();
    banned.extend(
        Field::ALL
            .iter()
            .map(|f| f.as_str())
            .filter(|name| name.contains('_'))
            .map(str::to_owned),
    );
    banned.extend(FlagCode::ALL.iter().map(|c| c.as_str().to_owned()));
    let mut drafts: Vec<TipDraft> = FLAGGED.iter().map(|s| draft(s, None)).collect();
    drafts.push(
        tip::supplier_draft(
            kb(),
            screener().parties().matcher(),
            std::slice::from_ref(demo()),
            "Donggang Jinhui Foodstuff",
            DATE,
        )
        .expect("supplier draft"),
    );
    for d in &drafts {
        for format in [TipFormat::Md, TipFormat::Html] {
            let text = tip::render(d, format);
            for phrase in &banned {
                assert!(
                    !text.contains(phrase.as_str()),
                    "{:?} draft ({format}) contains the internal phrase `{phrase}`",
                    d.header.subject
                );
            }
        }
    }
}
