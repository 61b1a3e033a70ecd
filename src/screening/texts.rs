//! The words of each flag: title and rebuttal guidance. Risk and evidence language only — a flag
//! says what matched and what CBP asks for, never that anyone used forced labor. Rebuttal guidance
//! only repeats what the sources in `data/legal/texts.json` say CBP asks for.

use super::flags::FlagCode;

/// The flag's title, shown as its heading.
pub fn title(code: FlagCode) -> &'static str {
    match code {
        FlagCode::KpOrigin => "North Korea named as origin",
        FlagCode::DesignatedParty => "Party matches an OFAC designation with a North Korea nexus",
        FlagCode::EnforcementTarget => "Party matches a company under CBP CAATSA detention",
        FlagCode::ReportedNkLabor => {
            "Party matches a company named by an investigation as employing North Korean workers"
        }
        FlagCode::NkLaborRegion => "Party located in a region with documented North Korean workers",
        FlagCode::SectorCountryRisk => "Sector and country reported to involve North Korean labor",
        FlagCode::PossibleMatch => "Party may match a listed entity",
        FlagCode::DprkVessel => "Vessel matches a North Korea-linked SDN vessel",
        FlagCode::AmbiguousCountry => "Country written as \"Korea\" without North or South",
        FlagCode::SanctionedParty => "Party matches an OFAC SDN entry (other programs)",
    }
}

const CLEAR_AND_CONVINCING: &str =
    "Under 22 U.S.C. 9241a the goods are presumed barred unless CBP \
finds, by clear and convincing evidence, that they were not produced with forced labor. For CAATSA \
detentions CBP has asked for that evidence within 30 days of notice of detention; importers \
contesting a detention submit the foreign seller's certificate of origin (19 C.F.R. 12.43(a)) and \
a detailed importer statement (19 C.F.R. 12.43(b)). CBP's guidance suggests addressing the 11 ILO \
indicators of forced labor with documents: policies, recent unannounced third-party audits, \
remediation plans, and supply-chain maps naming every factory and processing site.";

/// What the importer (or a reviewer) can do about a flag of this code (built once).
pub fn rebuttal(code: FlagCode) -> &'static str {
    static TEXTS: std::sync::OnceLock<Vec<(FlagCode, String)>> = std::sync::OnceLock::new();
    let texts = TEXTS.get_or_init(|| {
        FlagCode::ALL
            .iter()
            .map(|&c| (c, compose_rebuttal(c)))
            .collect()
    });
    texts
        .iter()
        .find(|(c, _)| *c == code)
        .map_or("", |(_, text)| text.as_str())
}

fn compose_rebuttal(code: FlagCode) -> String {
    match code {
        FlagCode::KpOrigin => format!(
            "Check the origin data first: a North Korea code or name entered for South Korea \
             (KR, \"Korea, Republic of\") is a data error to correct at the source and re-screen. \
             If North Korea is the origin, the goods fall under the presumption, and the North \
             Korea Sanctions Regulations (31 C.F.R. 510.205, text not reproduced here) may \
             separately restrict the import. {CLEAR_AND_CONVINCING}"
        ),
        FlagCode::DesignatedParty | FlagCode::EnforcementTarget => format!(
            "Confirm whether the party on the manifest is the listed one by comparing \
             identifiers the list gives (addresses, registration numbers, aliases); record the \
             comparison. If it is the same party: {CLEAR_AND_CONVINCING}"
        ),
        FlagCode::ReportedNkLabor | FlagCode::NkLaborRegion | FlagCode::SectorCountryRisk => {
            format!(
                "Trace the goods to the factory or processing plant and document who works \
                 there (nationality of the workforce, recruitment and payroll records, \
                 dormitory arrangements), preferably through an unannounced third-party audit. \
                 If North Korean nationals worked on the goods: {CLEAR_AND_CONVINCING}"
            )
        }
        FlagCode::PossibleMatch => "Compare the party's identifiers (full legal name, address, \
             registration number) with the listed entry shown in the evidence and record \
             whether it is the same party. A weak alias or partial name match is not a \
             finding; treat a confirmed match as the listed entity's own flag would."
            .to_string(),
        FlagCode::DprkVessel => "Verify the vessel's IMO number and name against the SDN entry \
             shown. Cargo carried by an OFAC-designated vessel raises sanctions questions beyond \
             CAATSA; consult the OFAC listing and your sanctions counsel before proceeding."
            .to_string(),
        FlagCode::AmbiguousCountry => "Correct the country to \"Korea, Republic of\" (KR) or \
             \"Korea, Democratic People's Republic of\" (KP) at the source and re-screen. The \
             engine never reads a bare \"Korea\" as North Korea, but cannot clear it either."
            .to_string(),
        FlagCode::SanctionedParty => "This is an OFAC sanctions-list match, not a CAATSA \
             forced-labor presumption. Confirm the identity against the SDN entry's identifiers \
             and consult the OFAC listing and your sanctions counsel before any dealing with \
             the party."
            .to_string(),
    }
}
