//! The title of each flag. Risk and evidence language only: a title says what the party matches
//! and on whose kind of word, never that anyone used forced labor. Titles of party matches follow
//! the listed party's role as its source describes it, so a distributor is not called an
//! employer and a ministry is not called a labor exporter.

use crate::indicators::EntityRole;

use super::flags::FlagCode;

/// The flag's title, shown as its heading. `role` is the role of the lead evidence's listed party.
pub fn title(code: FlagCode, role: Option<EntityRole>) -> &'static str {
    match code {
        FlagCode::KpOrigin => "Goods or parties placed in North Korea",
        FlagCode::DesignatedParty => {
            "Party matches an OFAC SDN entry (North Korea sanctions)"
        }
        FlagCode::SanctionedParty => "Party matches an OFAC SDN entry (other sanctions programs)",
        FlagCode::DprkVessel => "Vessel matches an OFAC SDN vessel (North Korea sanctions)",
        FlagCode::LaborExporter => match role {
            Some(EntityRole::Affiliate | EntityRole::FrontCompany) => {
                "Party matches an SDN entry that OFAC links to a designated North Korean labor exporter"
            }
            _ => "Party matches an SDN entry designated for the exportation of North Korean workers",
        },
        FlagCode::EnforcementTarget => {
            "Party matches a producer whose goods CBP detains under CAATSA"
        }
        FlagCode::ReportedNkLabor => match role {
            Some(EntityRole::Distributor) => {
                "Party matches a distributor named by an investigation as selling goods of plants reported to use North Korean workers"
            }
            Some(EntityRole::Factory) => {
                "Party matches a factory named by an investigation as using North Korean workers"
            }
            _ => {
                "Party matches a processing plant named by an investigation as using North Korean workers"
            }
        },
        FlagCode::NkLaborRegion => "Party located in a place tied to North Korean labor",
        FlagCode::SectorCountryRisk => "Sector and country reported to involve North Korean labor",
        FlagCode::PossibleMatch => "Party may match a listed entity",
        FlagCode::AmbiguousCountry => "Country written as \"Korea\" without North or South",
    }
}

/// What a role is, in words, for sentences ("a seafood processor named as ...").
pub fn role_phrase(role: EntityRole) -> &'static str {
    match role {
        EntityRole::LaborExporter => {
            "an entry designated for the exportation of North Korean workers"
        }
        EntityRole::Affiliate => "an entry OFAC links to another designated entry",
        EntityRole::FrontCompany => "a front company of a designated entry",
        EntityRole::RevenueGenerator => {
            "a company designated for generating revenue for North Korea"
        }
        EntityRole::Supplier => "a supplier of a designated entry",
        EntityRole::GovernmentBody => "a North Korean government body",
        EntityRole::Official => "a designated official",
        EntityRole::DetainedProducer => "a producer whose merchandise CBP detains under CAATSA",
        EntityRole::Processor => "a processing plant reported to use North Korean workers",
        EntityRole::Factory => "a factory reported to use North Korean workers",
        EntityRole::Distributor => {
            "a distributor of goods from plants reported to use North Korean workers"
        }
        EntityRole::Unstated => "an entry whose designation reason the sources do not give",
    }
}
