//! One sentence per evidence item: what matched what, what the listed party or place is, on whose
//! word and when, and how far the match identifies the party. Wording is conditional for name
//! matches ("matches ... ; identity: name only") and says only what the source says: the role
//! sentence of the source, a spelling's own source, "reported in 2017" for an old source.

use crate::indicators::Tier;

use super::evidence::{Evidence, EvidenceKind, SpellingKind};
use super::identity::{Identity, IdentityStrength};
use super::texts::role_phrase;

/// `Title (date)`.
fn cited(e: &Evidence) -> String {
    format!("{}, {}", e.source.title, e.source.date)
}

/// How the matched spelling relates to the listing.
fn spelling_phrase(e: &Evidence) -> String {
    let Some(spelling) = &e.spelling else {
        return String::new();
    };
    match spelling.kind {
        SpellingKind::ListedName => String::new(),
        SpellingKind::OfacAlias => " (an alias OFAC lists for the entry)".to_owned(),
        SpellingKind::OfacRemarksAlias => {
            " (an alias in OFAC's remarks on the entry, which OFAC calls a weak alias)".to_owned()
        }
        SpellingKind::SourceSpelling => match &spelling.source {
            Some(s) => format!(
                " (a spelling used by {}, {}; not an OFAC alias)",
                s.title, s.date
            ),
            None => " (a spelling used by a named source; not an OFAC alias)".to_owned(),
        },
        SpellingKind::ShortForm => {
            " (a short form of the listed name, not a spelling any source gives)".to_owned()
        }
    }
}

/// What the listed party is, per its list and role.
fn listed_as(e: &Evidence) -> String {
    match (e.kind, e.role) {
        (EvidenceKind::OfacNorthKorea, Some(role)) => {
            format!(
                "an OFAC SDN entry under the North Korea sanctions, {}",
                role_phrase(role)
            )
        }
        (EvidenceKind::OfacNorthKorea, None) => {
            "an OFAC SDN entry under the North Korea sanctions".to_owned()
        }
        (EvidenceKind::OfacOther, _) => {
            "an OFAC SDN entry under other sanctions programs".to_owned()
        }
        (_, Some(role)) => role_phrase(role).to_owned(),
        (EvidenceKind::CbpEnforcement, None) => {
            "a producer whose merchandise CBP detains under CAATSA".to_owned()
        }
        _ => "a company named in reporting on North Korean labor".to_owned(),
    }
}

/// The identity clause of a name match.
pub fn identity_phrase(identity: &Identity) -> String {
    let agreeing: Vec<&str> = identity
        .corroborated_by
        .iter()
        .map(|c| c.detail.as_str())
        .collect();
    match identity.strength {
        IdentityStrength::Strong => format!("identity corroborated: {}", agreeing.join("; ")),
        IdentityStrength::NameOnly if identity.distinctive_name => {
            "identity rests on the name alone (a distinctive full name)".to_owned()
        }
        IdentityStrength::NameOnly => {
            "identity rests on the name alone, and the name is short or common: confirm identity \
             first"
                .to_owned()
        }
        IdentityStrength::Weak => "weak name match: compare identifiers".to_owned(),
    }
}

fn age_phrase(e: &Evidence) -> String {
    match e.source_age_years {
        Some(age) => {
            format!("; reported {age} years before this screening: ask for current evidence")
        }
        None => String::new(),
    }
}

/// One sentence naming what matched, what it is, and on whose word.
pub fn sentence(e: &Evidence) -> String {
    let field = e.field.as_str();
    let input = &e.input;
    match e.kind {
        EvidenceKind::OfacNorthKorea
        | EvidenceKind::OfacOther
        | EvidenceKind::CbpEnforcement
        | EvidenceKind::ReportedEmployer => {
            let score = if e.score < 1.0 {
                format!("name score {:.3}; ", e.score)
            } else {
                String::new()
            };
            let identity = e.identity.as_ref().map(identity_phrase).unwrap_or_default();
            let basis = e
                .labor_export
                .as_ref()
                .map(|b| format!(" {}", b.statement.trim_end_matches('.')))
                .map(|b| format!(";{b}"))
                .unwrap_or_default();
            format!(
                "{field} \"{input}\" matches {}{}, {} ({}{}{basis}) ({score}{identity})",
                e.matched,
                spelling_phrase(e),
                listed_as(e),
                cited(e),
                age_phrase(e)
            )
        }
        EvidenceKind::Country => format!("{field} \"{input}\" names North Korea ({})", cited(e)),
        EvidenceKind::KpPlace => format!(
            "{field} \"{input}\" names {} (inferred from the place name; {})",
            e.matched,
            cited(e)
        ),
        EvidenceKind::PortCode => format!(
            "{field} \"{input}\" is a UN/LOCODE of North Korea (country code KP)"
        ),
        EvidenceKind::Good => format!(
            "the goods ({field} \"{input}\") are {}, a North Korean good listed by {}{}",
            e.matched,
            cited(e),
            age_phrase(e)
        ),
        EvidenceKind::Region => {
            let wording = match e.tier {
                Tier::Advisory => "a place named in reporting on North Korean labor-export designations",
                _ => "a place where investigations or enforcement documented North Korean workers",
            };
            format!(
                "{field} \"{input}\" places the party in {}, {wording} ({}{})",
                e.matched,
                cited(e),
                age_phrase(e)
            )
        }
        EvidenceKind::RegionSector => format!(
            "the goods ({field} \"{input}\"): {} ({}{})",
            e.matched,
            cited(e),
            age_phrase(e)
        ),
        EvidenceKind::SectorCountry => format!(
            "{field} \"{input}\" with these goods: {}, a sector and country reported as involving North Korean labor ({}{})",
            e.matched,
            cited(e),
            age_phrase(e)
        ),
        EvidenceKind::CountryTable => format!(
            "{field} \"{input}\" can mean North or South Korea ({})",
            cited(e)
        ),
    }
}
