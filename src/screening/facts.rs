//! [`LineFacts`]: what a line says once read against the reference tables — countries resolved
//! to ISO codes (or found ambiguous), the port of lading, the HS code (given, or quoted in the
//! description) and the sectors. Computed once per line; every rule reads it.

use crate::indicators::{
    normalize_hs, CountryResolution, HsCode, KnowledgeBase, Port, SectorBasis, SectorMatch,
};
use crate::manifest::{Field, ManifestLine, PartyRole};

use super::result::{LineContext, RecognisedSector, ResolvedCountry};

/// A country field as read.
#[derive(Debug, Clone)]
pub struct CountryFact {
    pub field: Field,
    pub input: String,
    pub resolution: CountryResolution,
}

pub struct LineFacts<'a> {
    pub line: &'a ManifestLine,
    pub countries: Vec<CountryFact>,
    pub port: Option<Port>,
    pub hs: Option<HsCode>,
    pub sectors: Vec<SectorMatch>,
}

/// Party names that stand for no party (AMS "to order" bills, unknown shippers).
const PLACEHOLDER_NAMES: &[&str] = &[
    "to order",
    "to the order",
    "to order of shipper",
    "to the order of shipper",
    "unknown",
    "n a",
    "na",
    "none",
    "same as consignee",
    "same as shipper",
    "not available",
];

/// True when a party name is a placeholder rather than a party.
pub fn is_placeholder(name: &str) -> bool {
    let words: String = name
        .chars()
        .map(|c| {
            if c.is_alphanumeric() {
                c.to_ascii_lowercase()
            } else {
                ' '
            }
        })
        .collect();
    let normalized = words.split_whitespace().collect::<Vec<_>>().join(" ");
    normalized.is_empty()
        || PLACEHOLDER_NAMES.contains(&normalized.as_str())
        || normalized.starts_with("to the order of ")
}

impl<'a> LineFacts<'a> {
    pub fn read(kb: &KnowledgeBase, line: &'a ManifestLine) -> LineFacts<'a> {
        let countries = [
            Field::CountryOfOrigin,
            Field::SupplierCountry,
            Field::ManufacturerCountry,
        ]
        .into_iter()
        .filter_map(|field| {
            let input = line.get(field)?;
            Some(CountryFact {
                field,
                resolution: kb.countries.resolve(&input),
                input,
            })
        })
        .collect();
        let port = line
            .port_of_lading
            .as_deref()
            .and_then(|p| kb.ports.resolve(p));
        let hs = line.hts_code.as_deref().and_then(normalize_hs);
        let sectors = kb
            .sectors
            .classify(hs.as_ref(), line.description.as_deref());
        LineFacts {
            line,
            countries,
            port,
            hs,
            sectors,
        }
    }

    /// The ISO code of a party's country field, when it resolves.
    pub fn party_country(&self, role: PartyRole) -> Option<&str> {
        self.countries
            .iter()
            .find(|c| c.field == role.country_field())
            .and_then(|c| c.resolution.code())
    }

    /// Every ISO code the line's country fields resolve to.
    pub fn country_codes(&self) -> impl Iterator<Item = (&CountryFact, &str)> {
        self.countries
            .iter()
            .filter_map(|c| c.resolution.code().map(|code| (c, code)))
    }

    pub fn has_sector(&self, sector: &str) -> Option<&SectorMatch> {
        self.sectors.iter().find(|s| s.sector == sector)
    }

    /// The input field and value a sector was read from.
    pub fn sector_input(&self, sector: &SectorMatch) -> (Field, String) {
        let description = || {
            (
                Field::Description,
                self.line.description.clone().unwrap_or_default(),
            )
        };
        match (&sector.basis, &self.line.hts_code) {
            (SectorBasis::HsPrefix { .. }, Some(code)) => (Field::HtsCode, code.clone()),
            _ => description(),
        }
    }

    /// The context block of the result.
    pub fn context(&self, kb: &KnowledgeBase) -> LineContext {
        LineContext {
            countries: self
                .countries
                .iter()
                .map(|c| ResolvedCountry {
                    field: c.field.as_str().to_owned(),
                    input: c.input.clone(),
                    code: c.resolution.code().map(str::to_owned),
                    name: c
                        .resolution
                        .code()
                        .and_then(|code| kb.countries.name(code))
                        .map(str::to_owned),
                })
                .collect(),
            sectors: self
                .sectors
                .iter()
                .map(|s| RecognisedSector {
                    sector: s.sector.clone(),
                    label: s.label.clone(),
                    basis: describe_basis(&s.basis),
                })
                .collect(),
            hts_code: self.hs.as_ref().map(|h| h.digits.clone()),
        }
    }
}

/// `hts_code 0307.43` or `description keyword "squid"`.
pub fn describe_basis(basis: &SectorBasis) -> String {
    match basis {
        SectorBasis::HsPrefix { code, prefix } => {
            format!("HS code {code} (heading prefix {prefix})")
        }
        SectorBasis::Keyword { keyword } => format!("description keyword \"{keyword}\""),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn placeholder_parties_are_recognised() {
        for name in [
            "TO ORDER",
            "To the order of BANK OF CHINA",
            "UNKNOWN",
            "N/A",
            "same as consignee",
            " - ",
        ] {
            assert!(is_placeholder(name), "{name}");
        }
        for name in [
            "Dandong Taifeng Foodstuff",
            "Order Foods Ltd",
            "Unknown Pleasures Records",
        ] {
            assert!(!is_placeholder(name), "{name}");
        }
    }
}
