//! The law of each flag, regime by regime: which quoted texts (`data/legal/texts.json`) each
//! regime of a flag cites, and the guidance and consequence sentences of [`super::guidance`].
//! The texts themselves, with their sources, reliability and official publication, live in the
//! knowledge base; this table only says which apply to which regime of which flag.

use crate::indicators::legal::{self, LegalTexts};
use crate::indicators::SectorId;

use super::flags::{Citation, FlagCode, OfficialPublication, QuotedText, RegimeLaw};
use super::guidance;
use super::regime::Regime;

/// The text ids the `regime` part of a flag of `code` cites, given the sectors on its line.
fn text_ids(code: FlagCode, regime: Regime, sectors: &[SectorId]) -> Vec<&'static str> {
    let garments = sectors
        .iter()
        .any(|s| matches!(s.as_str(), "apparel" | "textiles"));
    let seafood = sectors.iter().any(|s| s.as_str() == "seafood");
    match (regime, code) {
        (Regime::OfacSanctions, FlagCode::KpOrigin) => {
            // 31 C.F.R. 510.205 implements the order, but its text was not retrieved (FACTS.md
            // quotes only a summary saying it "may still separately restrict"), so the order
            // itself is cited.
            vec![legal::EO_13570, legal::CFR_31_501_601]
        }
        (Regime::OfacSanctions, FlagCode::DprkVessel) => vec![
            legal::OFAC_SDN_LIST,
            legal::CFR_31_510_208_B,
            legal::CFR_31_510_207_A,
            legal::CFR_31_501_603,
        ],
        // An SDN entry's property is blocked under the program(s) tagged on it (shown in the
        // evidence), which for the North Korea subset include NPWMD and others besides the North
        // Korea Sanctions Regulations; 31 C.F.R. 510.201(a)(1) blocks the Government of North
        // Korea and the Workers' Party only, so it is not cited for every entry.
        (Regime::OfacSanctions, _) => vec![
            legal::OFAC_SDN_LIST,
            legal::CFR_31_501_603,
            legal::CFR_31_501_601,
        ],
        (Regime::ForcedLabor, FlagCode::EnforcementTarget) => vec![
            legal::CAATSA_A,
            legal::CAATSA_B,
            legal::CBP_CAATSA_DETENTION,
        ],
        (Regime::ForcedLabor, _) => vec![
            legal::CAATSA_A,
            legal::CAATSA_B,
            legal::TARIFF_ACT_1307,
            legal::CBP_CAATSA_DETENTION,
        ],
        (Regime::RiskIndicator, FlagCode::PossibleMatch) => vec![legal::OFAC_SDN_LIST],
        (Regime::RiskIndicator, FlagCode::AmbiguousCountry) => vec![legal::ADVISORY_2018_RISKS],
        (Regime::RiskIndicator, FlagCode::ReportedNkLabor) => {
            vec![legal::ADVISORY_2018_RISKS, legal::CAATSA_A]
        }
        (Regime::RiskIndicator, _) => {
            let mut ids = vec![legal::ADVISORY_2018_OVERSEAS_LABOR, legal::CAATSA_A];
            if seafood || garments {
                ids.push(legal::ADVISORY_2018_MISLABELING);
            }
            if garments {
                ids.push(legal::ADVISORY_2018_SUBCONTRACTING);
            }
            ids
        }
    }
}

/// The memo key of a flag's law: its code and the sector families that change it.
pub fn key(code: FlagCode, sectors: &[SectorId]) -> String {
    let seafood = sectors.iter().any(|s| s.as_str() == "seafood");
    let garments = sectors
        .iter()
        .any(|s| matches!(s.as_str(), "apparel" | "textiles"));
    format!(
        "{}:{}:{}",
        code.as_str(),
        u8::from(seafood),
        u8::from(garments)
    )
}

/// The citations of the `regime` part of a flag of `code`.
pub fn citations(
    texts: &LegalTexts,
    code: FlagCode,
    regime: Regime,
    sectors: &[SectorId],
) -> Vec<Citation> {
    text_ids(code, regime, sectors)
        .into_iter()
        .filter_map(|id| texts.get(id))
        .map(|t| Citation {
            id: t.id.clone(),
            citation: t.citation.clone(),
            inline: None,
        })
        .collect()
}

/// The quoted text with id `id`, as a result document's `legal_texts` carries it: the verbatim
/// words, or the sourced note where no text was retrieved.
pub fn quoted(texts: &LegalTexts, id: &str) -> Option<QuotedText> {
    texts.get(id).map(|t| QuotedText {
        citation: t.citation.clone(),
        text: t.text.clone().unwrap_or_else(|| t.note.clone()),
        source: t.source.clone(),
        official: t.official.as_ref().map(|o| OfficialPublication {
            title: o.title.clone(),
            url: o.url.clone(),
        }),
    })
}

/// The law of a flag of `code`: one part per regime, the prohibition first.
pub fn law(texts: &LegalTexts, code: FlagCode, sectors: &[SectorId]) -> Vec<RegimeLaw> {
    code.regimes()
        .iter()
        .map(|&regime| RegimeLaw {
            regime,
            consequence: guidance::consequence(code, regime).to_owned(),
            legal_basis: citations(texts, code, regime, sectors),
            guidance: guidance::guidance(code, regime).to_owned(),
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts() -> LegalTexts {
        LegalTexts::builtin().unwrap()
    }

    #[test]
    fn every_regime_of_every_flag_cites_texts_that_exist() {
        let texts = texts();
        for code in FlagCode::ALL {
            for &regime in code.regimes() {
                let cited = citations(&texts, code, regime, &[]);
                assert!(!cited.is_empty(), "{code} {regime}");
                assert_eq!(
                    cited.len(),
                    text_ids(code, regime, &[]).len(),
                    "{code} {regime}: a cited id is missing"
                );
                for c in &cited {
                    let quoted = quoted(&texts, &c.id).expect("a cited id has its text");
                    assert_eq!(quoted.citation, c.citation);
                    assert!(!quoted.text.is_empty() && quoted.source.url.starts_with("http"));
                }
            }
        }
    }

    #[test]
    fn a_sanctions_flag_cites_ofac_law_and_never_the_presumption() {
        let texts = texts();
        for code in [
            FlagCode::DesignatedParty,
            FlagCode::SanctionedParty,
            FlagCode::DprkVessel,
        ] {
            let law = law(&texts, code, &[]);
            assert_eq!(law.len(), 1, "{code}");
            assert_eq!(law[0].regime, Regime::OfacSanctions);
            assert!(law[0]
                .legal_basis
                .iter()
                .all(|c| !c.citation.contains("9241a")));
            assert!(!law[0].guidance.contains("clear and convincing"), "{code}");
            assert!(law[0].guidance.contains("license"), "{code}");
        }
    }

    #[test]
    fn goods_from_north_korea_carry_both_regimes_each_with_its_own_law() {
        let texts = texts();
        let law = law(&texts, FlagCode::KpOrigin, &[]);
        let regimes: Vec<Regime> = law.iter().map(|l| l.regime).collect();
        assert_eq!(regimes, [Regime::OfacSanctions, Regime::ForcedLabor]);
        assert!(law[0].legal_basis[0].citation.contains("13570"));
        assert!(law[0].guidance.contains("OFAC license"));
        assert!(!law[0].guidance.contains("clear and convincing"));
        assert!(law[1].legal_basis[0].citation.contains("9241a"));
        assert!(law[1].guidance.contains("clear and convincing"));
    }

    #[test]
    fn laws_link_their_official_publication() {
        let texts = texts();
        let law = law(&texts, FlagCode::LaborExporter, &[]);
        let statute = quoted(&texts, &law[0].legal_basis[0].id).unwrap();
        assert!(statute
            .official
            .as_ref()
            .is_some_and(|o| o.url.starts_with("https://uscode.house.gov/")));
    }

    #[test]
    fn seafood_and_garment_risks_cite_the_advisory_red_flags() {
        let texts = texts();
        let sectors = |ids: &[&str]| -> Vec<SectorId> {
            ids.iter().filter_map(|s| SectorId::parse(s)).collect()
        };
        let quote = |cited: Vec<Citation>| -> Vec<QuotedText> {
            cited.iter().filter_map(|c| quoted(&texts, &c.id)).collect()
        };
        let seafood = quote(citations(
            &texts,
            FlagCode::SectorCountryRisk,
            Regime::RiskIndicator,
            &sectors(&["seafood"]),
        ));
        assert!(seafood
            .iter()
            .any(|c| c.text.contains("seafood is smuggled")));
        let garments = quote(citations(
            &texts,
            FlagCode::NkLaborRegion,
            Regime::RiskIndicator,
            &sectors(&["apparel"]),
        ));
        assert!(garments.iter().any(|c| c.text.contains("embroidery")));
        let timber = quote(citations(
            &texts,
            FlagCode::SectorCountryRisk,
            Regime::RiskIndicator,
            &sectors(&["timber"]),
        ));
        assert!(!timber.iter().any(|c| c.text.contains("embroidery")));
    }
}
