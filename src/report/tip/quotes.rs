//! The legal texts a draft quotes, taken verbatim from the knowledge base (`data/legal/texts.json`)
//! with their sources; nothing here words the law itself.
//!
//! The headings of the three 19 C.F.R. 12.42(b) elements are cut out of the regulation's quoted
//! text (the `(1)`, `(2)`, `(3)` paragraphs) rather than typed in, so a heading cannot drift from
//! the quotation. Trade-off: a texts file whose 12.42(b) entry lost its numbered paragraphs makes
//! drafting fail with [`TipError::LegalText`], instead of silently printing our own words.

use crate::indicators::legal::{self, LegalTexts};

use super::error::TipError;
use super::model::{Quote, Requirement};

/// The legal text `id` as a quotation; an error when it is missing or has no verbatim text.
pub fn quote(texts: &LegalTexts, id: &str) -> Result<Quote, TipError> {
    let text = texts.get(id).ok_or_else(|| TipError::LegalText {
        id: id.to_owned(),
        problem: "is missing".to_owned(),
    })?;
    let quoted = text.text.clone().ok_or_else(|| TipError::LegalText {
        id: id.to_owned(),
        problem: "has no verbatim text".to_owned(),
    })?;
    Ok(Quote {
        id: text.id.clone(),
        citation: text.citation.clone(),
        title: text.title.clone(),
        text: quoted,
        reliability: text.reliability,
        source: text.source.clone(),
        note: text.note.clone(),
        see_also: text.see_also.clone(),
    })
}

/// The statute a draft rests on: the presumption, its exception, and 19 U.S.C. 1307 with its
/// definition of forced labor.
pub fn legal_basis(texts: &LegalTexts) -> Result<Vec<Quote>, TipError> {
    [legal::CAATSA_A, legal::CAATSA_B, legal::TARIFF_ACT_1307]
        .into_iter()
        .map(|id| quote(texts, id))
        .collect()
}

/// The three elements of 19 C.F.R. 12.42(b), each worded as the quoted regulation words it
/// (without the paragraph number and the closing `;`, `; and` or `.`).
pub fn requirements(cfr: &Quote) -> Result<[Requirement; 3], TipError> {
    let element = |n: u8| -> Result<Requirement, TipError> {
        let marker = format!("({n})");
        let wording = cfr
            .text
            .lines()
            .map(str::trim)
            .find_map(|line| line.strip_prefix(marker.as_str()))
            .map(|rest| {
                rest.trim()
                    .trim_end_matches('.')
                    .trim_end_matches("; and")
                    .trim_end_matches(';')
                    .trim()
                    .to_owned()
            })
            .filter(|w| !w.is_empty())
            .ok_or_else(|| TipError::LegalText {
                id: cfr.id.clone(),
                problem: format!("has no paragraph {marker}"),
            })?;
        Ok(Requirement {
            citation: format!("19 C.F.R. 12.42(b){marker}"),
            wording,
        })
    };
    Ok([element(1)?, element(2)?, element(3)?])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_three_elements_are_cut_from_the_quoted_regulation() {
        let texts = LegalTexts::builtin().expect("texts");
        let cfr = quote(&texts, legal::CFR_12_42_B).expect("12.42(b)");
        let [reasons, goods, production] = requirements(&cfr).expect("elements");
        assert_eq!(
            reasons.wording,
            "A full statement of the reasons for the belief"
        );
        assert_eq!(
            goods.wording,
            "A detailed description or sample of the merchandise"
        );
        assert_eq!(
            production.wording,
            "All pertinent facts obtainable as to the production of the merchandise abroad"
        );
        assert_eq!(production.citation, "19 C.F.R. 12.42(b)(3)");
        for r in [&reasons, &goods, &production] {
            assert!(cfr.text.contains(&r.wording));
        }
    }

    #[test]
    fn a_regulation_text_without_numbered_paragraphs_is_an_error_not_a_guess() {
        let texts = LegalTexts::builtin().expect("texts");
        let mut cfr = quote(&texts, legal::CFR_12_42_B).expect("12.42(b)");
        cfr.text = "Every such communication shall contain the reasons.".into();
        let err = requirements(&cfr).expect_err("no paragraphs");
        assert!(err.to_string().contains("(1)"), "{err}");
    }

    #[test]
    fn a_reference_entry_without_text_cannot_be_quoted() {
        let texts = LegalTexts::builtin().expect("texts");
        let err = quote(&texts, legal::OFAC_SDN_LIST).expect_err("no text");
        assert!(err.to_string().contains("no verbatim text"), "{err}");
    }
}
