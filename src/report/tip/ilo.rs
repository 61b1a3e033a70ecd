//! The 11 ILO indicators of forced labour as a checklist. Each is "not established" unless a
//! fact documented for the covered lines names it, and then the sentence that names it is shown
//! with the source that says so.
//!
//! Detection is by wording, sentence by sentence: an indicator is named when one sentence holds
//! every group of one of its patterns (e.g. a word for identity documents AND a word for
//! withholding them), and no negation ("no evidence of"). Trade-off: word patterns miss
//! paraphrases a person would catch, and that is the safe direction: a missed indicator stays
//! "not established" with room for the submitter's own facts, while a false one would put words
//! in a source's mouth. Advisory texts that list indicators in general (e.g. "withheld and low
//! wages" as a potential indicator) are never scanned: they say nothing about these goods.

use super::model::{DocumentedFact, IloChecklist, IloIndicator, IloStatus, Quote};

/// A set of alternative words; one must appear.
type Group = &'static [&'static str];
/// Groups that must all appear in one sentence.
type Pattern = &'static [Group];

const IDENTITY_DOCUMENTS: Group = &[
    "passport",
    "identity document",
    "identity card",
    "id card",
    "travel document",
];
const WITHHELD: Group = &[
    "withheld",
    "withhold",
    "confiscat",
    "retained",
    "retention of",
    "seized",
    "held by",
    "kept by",
    "taken away",
    "taken by",
];
const PAY: Group = &["wage", "salary", "salaries", "earnings", "pay "];
const WITHHELD_PAY: Group = &[
    "withheld",
    "withhold",
    "confiscat",
    "taken by",
    "kept by",
    "unpaid",
    "not paid",
    "paid a fraction",
    "deducted",
];

/// The indicators in the ILO's order, with the wording that names each.
const INDICATORS: [(&str, &[Pattern]); 11] = [
    (
        "Abuse of vulnerability",
        &[&[&[
            "abuse of vulnerability",
            "abused their vulnerability",
            "exploit their vulnerab",
        ]]],
    ),
    (
        "Deception",
        &[&[&[
            "deceived",
            "deception",
            "deceptive",
            "misled",
            "false promise",
            "tricked",
        ]]],
    ),
    (
        "Restriction of movement",
        &[&[&[
            "not allowed to leave",
            "not permitted to leave",
            "forbidden to leave",
            "cannot leave",
            "could not leave",
            "confined to",
            "restriction of movement",
            "restrictions on movement",
            "restricted movement",
            "under guard",
        ]]],
    ),
    (
        "Isolation",
        &[&[&[
            "isolated",
            "isolation",
            "cut off from",
            "no contact with",
            "not allowed to contact",
            "not allowed to communicate",
        ]]],
    ),
    (
        "Physical and sexual violence",
        &[&[&[
            "beaten",
            "beating",
            "physical violence",
            "sexual violence",
            "physical abuse",
            "sexual abuse",
            "assault",
            "rape",
        ]]],
    ),
    (
        "Intimidation and threats",
        &[&[&[
            "threatened",
            "threats",
            "threat of",
            "intimidat",
            "reprisal",
            "punished",
        ]]],
    ),
    (
        "Retention of identity documents",
        &[&[IDENTITY_DOCUMENTS, WITHHELD]],
    ),
    ("Withholding of wages", &[&[PAY, WITHHELD_PAY]]),
    (
        "Debt bondage",
        &[&[&["debt", "upfront payment", "up-front payment", "bonded labo"]]],
    ),
    (
        "Abusive working and living conditions",
        &[&[&[
            "abusive working",
            "abusive living",
            "unsafe housing",
            "squalid",
            "overcrowded",
            "degrading",
            "unsafe conditions",
            "hazardous conditions",
        ]]],
    ),
    (
        "Excessive overtime",
        &[&[&[
            "overtime",
            "hours per day",
            "hours a day",
            "hours a week",
            "rest day",
            "without rest",
        ]]],
    ),
];

/// Words that turn a sentence into the absence of an indicator.
const NEGATIONS: &[&str] = &[
    "no evidence",
    "not found",
    "did not find",
    "found no",
    "no sign of",
    "no indication",
];

/// The names of the 11 indicators, in the ILO's order.
pub fn names() -> impl Iterator<Item = &'static str> {
    INDICATORS.iter().map(|(name, _)| *name)
}

/// The checklist, deciding each indicator from `facts` (the documented facts of the lines).
pub fn checklist(quote: Quote, facts: &[DocumentedFact]) -> IloChecklist {
    let indicators = INDICATORS
        .iter()
        .map(|(name, patterns)| {
            let evidence: Vec<DocumentedFact> = facts
                .iter()
                .flat_map(|fact| {
                    sentences(&fact.text)
                        .filter(|s| names_indicator(s, patterns))
                        .map(|s| DocumentedFact {
                            about: fact.about.clone(),
                            text: s.to_owned(),
                            source: fact.source.clone(),
                        })
                        .collect::<Vec<_>>()
                })
                .collect();
            IloIndicator {
                name: (*name).to_owned(),
                status: if evidence.is_empty() {
                    IloStatus::NotEstablished
                } else {
                    IloStatus::NamedInEvidence
                },
                evidence,
                submitter_facts: String::new(),
            }
        })
        .collect();
    IloChecklist { quote, indicators }
}

/// The sentences (or `;`-separated clauses) of a note, trimmed.
fn sentences(text: &str) -> impl Iterator<Item = &str> {
    text.split(['\n', ';'])
        .flat_map(|part| part.split(". "))
        .map(str::trim)
        .filter(|s| !s.is_empty())
}

fn names_indicator(sentence: &str, patterns: &[Pattern]) -> bool {
    let lower = sentence.to_lowercase();
    if NEGATIONS.iter().any(|n| lower.contains(n)) {
        return false;
    }
    patterns.iter().any(|pattern| {
        pattern
            .iter()
            .all(|group| group.iter().any(|word| lower.contains(word)))
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::indicators::legal::{self, LegalTexts};
    use crate::indicators::{Source, Tier};
    use crate::report::tip::model::CitedSource;
    use crate::report::tip::quotes::quote;

    fn fact(text: &str) -> DocumentedFact {
        DocumentedFact {
            about: "A company".into(),
            text: text.into(),
            source: CitedSource::new(
                &Source {
                    title: "A report".into(),
                    date: "2020".into(),
                    url: "https://example.org/report".into(),
                },
                Tier::InvestigativeReport,
            ),
        }
    }

    fn ilo_quote() -> Quote {
        quote(
            &LegalTexts::builtin().expect("texts"),
            legal::ILO_INDICATORS,
        )
        .expect("ilo")
    }

    fn status(list: &IloChecklist, name: &str) -> IloStatus {
        list.indicators
            .iter()
            .find(|i| i.name == name)
            .map(|i| i.status)
            .expect(name)
    }

    #[test]
    fn the_eleven_names_are_the_ones_the_quoted_ilo_list_gives() {
        let quoted = ilo_quote();
        assert_eq!(names().count(), 11);
        for name in names() {
            assert!(quoted.text.contains(name), "{name} not in the quoted list");
        }
    }

    #[test]
    fn every_indicator_is_not_established_without_evidence() {
        let list = checklist(ilo_quote(), &[]);
        assert!(list
            .indicators
            .iter()
            .all(|i| i.status == IloStatus::NotEstablished && i.evidence.is_empty()));
    }

    #[test]
    fn withheld_passports_and_salaries_name_two_indicators_with_their_source() {
        let facts = [fact(
            "Reported operating in Algeria with workers' passports/salaries withheld (press summary).",
        )];
        let list = checklist(ilo_quote(), &facts);
        for name in ["Retention of identity documents", "Withholding of wages"] {
            assert_eq!(status(&list, name), IloStatus::NamedInEvidence, "{name}");
        }
        assert_eq!(status(&list, "Debt bondage"), IloStatus::NotEstablished);
        let named = list
            .indicators
            .iter()
            .find(|i| i.name == "Withholding of wages");
        let evidence = &named.expect("wages").evidence[0];
        assert_eq!(evidence.source.url, "https://example.org/report");
        assert!(evidence.text.contains("salaries withheld"));
    }

    #[test]
    fn handling_passports_is_not_retaining_them() {
        let facts = [fact(
            "Handles NK workers' visas, passports, departures, overseas employment.",
        )];
        let list = checklist(ilo_quote(), &facts);
        assert_eq!(
            status(&list, "Retention of identity documents"),
            IloStatus::NotEstablished
        );
    }

    #[test]
    fn a_negated_sentence_names_nothing() {
        let facts = [fact(
            "The audit found no evidence that wages were withheld.",
        )];
        let list = checklist(ilo_quote(), &facts);
        assert_eq!(
            status(&list, "Withholding of wages"),
            IloStatus::NotEstablished
        );
    }
}
