//! What each regime of each flag means and what to do about it, one regime at a time: an OFAC
//! part never mentions rebuttal to CBP, a forced-labor part never suggests an OFAC license cures
//! anything, and a risk indicator says what to check, not what the law concludes. Sentences
//! restate only what the texts in `data/legal/texts.json` (and through them
//! `../shared/data/domain/FACTS.md`) say; citations are given with each part.

use super::flags::FlagCode;
use super::regime::Regime;

/// One sentence: what follows under `regime` if the facts are as matched.
pub fn consequence(code: FlagCode, regime: Regime) -> &'static str {
    match (regime, code) {
        (Regime::OfacSanctions, FlagCode::KpOrigin) => {
            "If the goods are from North Korea, importing them into the United States, directly or \
             indirectly, is prohibited by E.O. 13570 without an OFAC license, also when they were \
             used as components of, or substantially transformed in, a third country."
        }
        (Regime::OfacSanctions, FlagCode::DprkVessel) => {
            "If this is the listed vessel, it is blocked property under the program(s) tagged on \
             its SDN entry, and a vessel that called at a North Korean port in the \
             previous 180 days may not call at a U.S. port."
        }
        (Regime::OfacSanctions, FlagCode::SanctionedParty) => {
            "If the party is the listed one, its property and interests in property are blocked \
             under the sanctions program tagged on the entry: no dealing without an OFAC license."
        }
        (Regime::OfacSanctions, _) => {
            "If the party is the listed one, its property and interests in property are blocked \
             under the program(s) tagged on its SDN entry (see the evidence): no dealing without an \
             OFAC license."
        }
        (Regime::ForcedLabor, FlagCode::KpOrigin) => {
            "Goods from North Korea are made by the labor of North Korean nationals, so 22 U.S.C. \
             9241a presumes them forced-labor goods barred by 19 U.S.C. 1307 as well."
        }
        (Regime::ForcedLabor, FlagCode::EnforcementTarget) => {
            "If the goods are this company's, CBP detains them under CAATSA: they are presumed \
             made with North Korean labor and barred unless CBP finds by clear and convincing \
             evidence that they were not made with forced labor."
        }
        (Regime::ForcedLabor, _) => {
            "If the party is this listed company, goods it made or supplied may be made by North \
             Korean workers, which 22 U.S.C. 9241a presumes to be forced-labor goods barred by \
             19 U.S.C. 1307 unless CBP finds otherwise."
        }
        (Regime::RiskIndicator, _) => {
            "Not a legal finding: evidence to review before the goods ship."
        }
    }
}

const OFAC_PARTY: &str = "Stop before dealing further and confirm the identity against the \
listing's identifiers (see `identity.to_confirm`). If the party is the listed one: do not deal \
in its property or with it; only an OFAC license permits it. Anyone holding its property must block it and report to OFAC within 10 \
business days (31 C.F.R. 501.603). Keep the records of the transaction for at least 5 years \
(31 C.F.R. 501.601). Consult sanctions counsel.";

const OFAC_OTHER_PROGRAM: &str = "Stop before dealing further and confirm the identity against \
the listing's identifiers (see `identity.to_confirm`). If the party is the listed one: do not \
deal in its property or with it without an OFAC license under the program tagged on the entry \
(that program's own regulations are not quoted here). Anyone holding its property must report \
it to OFAC within 10 business days (31 C.F.R. 501.603). Keep the records for at least 5 years \
(31 C.F.R. 501.601). Consult sanctions counsel.";

const OFAC_GOODS: &str = "Check the origin data first: a North Korea code, name or place \
entered for South Korea (KR, \"Korea, Republic of\") is a data error to correct at the source \
and re-screen. If the goods, or any component of them, come from North Korea, do not import \
them: only an OFAC license permits it. Keep the records for at least 5 years (31 C.F.R. 501.601).";

const OFAC_VESSEL: &str = "Verify the vessel's IMO number and name against the SDN entry \
shown. If it is the listed vessel: do not charter, load, insure or otherwise deal with it without \
an OFAC license; anyone holding it or an interest in it must block it and report to OFAC within \
10 business days (31 C.F.R. 501.603). Check its port calls: a vessel that called at a North \
Korean port in the previous 180 days may not call at a U.S. port (31 C.F.R. 510.208(b)). Consult \
sanctions counsel.";

const FORCED_LABOR: &str = "To import goods under the presumption, the importer must give CBP \
clear and convincing evidence that they were not produced with forced labor (22 U.S.C. \
9241a(b)). In its CAATSA detentions CBP has detained merchandise at all U.S. ports of entry \
\"unless there is clear and convincing evidence that forced labor was not present at any stage \
of the production process\", asked for that evidence \"within 30 days of notice of detention\", \
and warned that merchandise may otherwise be seized and forfeited. DHS gives no formula or \
checklist: trace every stage of production, name the factories and who worked there, and keep \
the documents. Questions on CBP's CAATSA enforcement: caatsa@cbp.dhs.gov.";

const TRACE_LABOR: &str = "Confirm whether the supplier is the company named (address, \
registration, the plant it ships from), then trace the goods to the factory or processing plant \
and document who works there (nationality of the workforce, recruitment and payroll records, \
dormitory arrangements), preferably through an unannounced third-party audit. Evidence of North \
Korean nationals in the production would bring the goods under the forced-labor presumption \
(22 U.S.C. 9241a).";

const TRACE_PLACE: &str = "Trace the goods to the factory or processing plant in this place and \
document who works there (nationality of the workforce, recruitment and payroll records, \
dormitory arrangements), preferably through an unannounced third-party audit. A place or sector \
is context, not evidence about this supplier.";

/// What to do under `regime` about a flag of `code`.
pub fn guidance(code: FlagCode, regime: Regime) -> &'static str {
    match (regime, code) {
        (Regime::OfacSanctions, FlagCode::KpOrigin) => OFAC_GOODS,
        (Regime::OfacSanctions, FlagCode::DprkVessel) => OFAC_VESSEL,
        (Regime::OfacSanctions, FlagCode::SanctionedParty) => OFAC_OTHER_PROGRAM,
        (Regime::OfacSanctions, _) => OFAC_PARTY,
        (Regime::ForcedLabor, _) => FORCED_LABOR,
        (Regime::RiskIndicator, FlagCode::ReportedNkLabor) => TRACE_LABOR,
        (Regime::RiskIndicator, FlagCode::NkLaborRegion | FlagCode::SectorCountryRisk) => {
            TRACE_PLACE
        }
        (Regime::RiskIndicator, FlagCode::PossibleMatch) => {
            "Compare the party's identifiers (full legal name, address, registration number) \
             with the listed entry shown in the evidence and record whether it is the same \
             party. A weak alias or partial name match is not a finding; a confirmed match \
             takes the listed entry's own flag."
        }
        (Regime::RiskIndicator, FlagCode::AmbiguousCountry) => {
            "Correct the country to \"Korea, Republic of\" (KR) or \"Korea, Democratic People's \
             Republic of\" (KP) at the source and re-screen. The engine never reads a bare \
             \"Korea\" as North Korea, but cannot clear it either."
        }
        (Regime::RiskIndicator, _) => TRACE_LABOR,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_regime_speaks_only_of_its_own_remedy() {
        for code in FlagCode::ALL {
            for &regime in code.regimes() {
                let text = format!("{} {}", consequence(code, regime), guidance(code, regime));
                match regime {
                    Regime::OfacSanctions => {
                        assert!(text.contains("OFAC license"), "{code}: {text}");
                        assert!(!text.contains("clear and convincing"), "{code}");
                        let advice = guidance(code, regime);
                        assert!(!advice.contains("CBP"), "{code}: {advice}");
                    }
                    Regime::ForcedLabor => {
                        assert!(text.contains("clear and convincing"), "{code}");
                        assert!(!text.contains("OFAC license"), "{code}");
                    }
                    Regime::RiskIndicator => {
                        assert!(!text.contains("OFAC license"), "{code}");
                        assert!(!text.contains("clear and convincing"), "{code}");
                    }
                }
            }
        }
    }
}
