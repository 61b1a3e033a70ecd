//! The legal basis of each flag: which quoted texts (`data/legal/texts.json`) a flag cites.
//! The texts themselves, with their sources and reliability, live in the knowledge base; this
//! table only says which apply.

use crate::indicators::legal::{self, LegalTexts};

use super::flags::{Citation, FlagCode};

/// The text ids a flag of `code` cites, given the sectors on its line.
fn text_ids(code: FlagCode, sectors: &[&str]) -> Vec<&'static str> {
    let mut ids = match code {
        FlagCode::KpOrigin => vec![
            legal::CAATSA_A,
            legal::TARIFF_ACT_1307,
            legal::CFR_31_510_205,
        ],
        FlagCode::DesignatedParty => vec![legal::CAATSA_A, legal::OFAC_SDN_LIST],
        FlagCode::EnforcementTarget => vec![legal::CAATSA_A, legal::CBP_CAATSA_DETENTION],
        FlagCode::ReportedNkLabor => vec![legal::CAATSA_A, legal::TARIFF_ACT_1307],
        FlagCode::NkLaborRegion | FlagCode::SectorCountryRisk => {
            vec![legal::CAATSA_A, legal::ADVISORY_2018_OVERSEAS_LABOR]
        }
        FlagCode::PossibleMatch => vec![legal::CAATSA_A, legal::OFAC_SDN_LIST],
        FlagCode::DprkVessel => vec![legal::OFAC_SDN_LIST, legal::ADVISORY_2018_RISKS],
        FlagCode::AmbiguousCountry => vec![legal::CAATSA_A],
        FlagCode::SanctionedParty => vec![legal::OFAC_SDN_LIST],
    };
    if matches!(code, FlagCode::NkLaborRegion | FlagCode::SectorCountryRisk) {
        if sectors
            .iter()
            .any(|s| matches!(*s, "seafood" | "apparel" | "textiles"))
        {
            ids.push(legal::ADVISORY_2018_MISLABELING);
        }
        if sectors.iter().any(|s| matches!(*s, "apparel" | "textiles")) {
            ids.push(legal::ADVISORY_2018_SUBCONTRACTING);
        }
    }
    ids
}

/// The memo key of a flag's citations: its code and the sector families that change them.
pub fn key(code: FlagCode, sectors: &[&str]) -> String {
    let seafood = sectors.contains(&"seafood");
    let garments = sectors.iter().any(|s| matches!(*s, "apparel" | "textiles"));
    format!(
        "{}:{}:{}",
        code.as_str(),
        u8::from(seafood),
        u8::from(garments)
    )
}

/// The citations of a flag of `code`.
pub fn citations(texts: &LegalTexts, code: FlagCode, sectors: &[&str]) -> Vec<Citation> {
    text_ids(code, sectors)
        .into_iter()
        .filter_map(|id| texts.get(id))
        .map(|t| Citation {
            citation: t.citation.clone(),
            text: t.text.clone().unwrap_or_else(|| t.note.clone()),
            source: t.source.clone(),
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_flag_cites_at_least_one_text_that_exists() {
        let texts = LegalTexts::builtin().unwrap();
        for code in FlagCode::ALL {
            let cited = citations(&texts, code, &[]);
            assert!(!cited.is_empty(), "{code}");
            assert_eq!(
                cited.len(),
                text_ids(code, &[]).len(),
                "{code}: a cited id is missing"
            );
            assert!(cited
                .iter()
                .all(|c| !c.text.is_empty() && c.source.url.starts_with("http")));
        }
    }

    #[test]
    fn the_presumption_flags_quote_the_statute() {
        let texts = LegalTexts::builtin().unwrap();
        for code in [
            FlagCode::KpOrigin,
            FlagCode::DesignatedParty,
            FlagCode::EnforcementTarget,
        ] {
            let cited = citations(&texts, code, &[]);
            assert!(cited[0].citation.contains("9241a"), "{code}");
            assert!(cited[0].text.contains("North Korean nationals"));
        }
    }

    #[test]
    fn seafood_and_garment_risks_cite_the_advisory_red_flags() {
        let texts = LegalTexts::builtin().unwrap();
        let seafood = citations(&texts, FlagCode::SectorCountryRisk, &["seafood"]);
        assert!(seafood
            .iter()
            .any(|c| c.text.contains("seafood is smuggled")));
        let garments = citations(&texts, FlagCode::NkLaborRegion, &["apparel"]);
        assert!(garments.iter().any(|c| c.text.contains("embroidery")));
        let timber = citations(&texts, FlagCode::SectorCountryRisk, &["timber"]);
        assert!(!timber.iter().any(|c| c.text.contains("embroidery")));
    }
}
